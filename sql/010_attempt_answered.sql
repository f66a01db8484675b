-- Which questions of an attempt have an answer, as a bit set on the
-- attempt itself (bit k-1 = question k; a quiz has at most 50), kept in
-- the same statement that stores an answer. The question page draws its
-- answer sheet from it instead of reading every question of the attempt.
ALTER TABLE attempt
	ADD COLUMN answered BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER score;

UPDATE attempt a
SET a.answered = (
	SELECT COALESCE(BIT_OR(1 << (q.pos - 1)), 0)
	FROM attempt_question q
	WHERE q.attempt_id = a.id AND q.answer_mask IS NOT NULL);
