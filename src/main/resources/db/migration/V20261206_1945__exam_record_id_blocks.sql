-- Exam record ids are drawn in blocks (docs/exams.md, "How a batch is written"): one nextval of exam_record's
-- identity sequence reserves the 10,000 ids from the value it returns, so a batch of 10,000 records costs one
-- sequence call instead of 10,000 (ExamRecords.ID_BLOCK must stay equal to this increment). Ids stay unique and
-- ascend in the order the blocks were drawn; a block a batch does not use up is simply never used. Every id drawn
-- so far is at most the sequence's last value, and the next nextval returns that value plus 10,000.
ALTER TABLE exam_record ALTER COLUMN id SET INCREMENT BY 10000;
