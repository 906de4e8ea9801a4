-- allocation: a plan may be a performance-pay pool (绩效工资池) of departments, shared by a driver that includes the
-- brand index; each department's statement shows its share and why.
ALTER TABLE allocation_plan ADD COLUMN pay_pool boolean NOT NULL DEFAULT false;
