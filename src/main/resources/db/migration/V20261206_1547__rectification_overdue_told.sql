-- when an overdue action was told to its channel and the office (RectificationActionsOverdue), so it is told once
ALTER TABLE rectification_action ADD COLUMN overdue_told_at timestamptz;
