-- A quiz draws at most 50 questions (QUIZ_MAXQ: the answered set is a
-- 64-bit field and the page's answer sheet has 50 cells). The admin form
-- keeps to it; the database now does too, whatever writes to it.
UPDATE role SET questions = 50 WHERE questions > 50;
UPDATE role SET questions = 1 WHERE questions < 1;
ALTER TABLE role ADD CONSTRAINT role_questions CHECK (questions BETWEEN 1 AND 50);
