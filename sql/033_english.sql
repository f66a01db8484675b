-- The bank's English (issue 14): a question may carry its text in
-- English beside the Chinese, all of it or none (the stem, every option,
-- the explanation, and the source when the Chinese has one); a bank
-- file's <en> block (sql/bank/README.md). NULL: no English.
ALTER TABLE question
	ADD COLUMN stem_en VARCHAR(600) NULL AFTER source,
	ADD COLUMN explanation_en VARCHAR(600) NULL AFTER stem_en,
	ADD COLUMN source_en VARCHAR(600) NULL AFTER explanation_en;

ALTER TABLE question_option
	ADD COLUMN text_en VARCHAR(600) NULL AFTER text;

-- The language an attempt was started in, and the language of each
-- question's snapshot: an English attempt serves the English text of the
-- questions that have it, the Chinese of the others. Attempts before
-- this migration were all Chinese.
ALTER TABLE attempt
	ADD COLUMN lang ENUM('zh', 'en') NOT NULL DEFAULT 'zh' AFTER bank_id;

ALTER TABLE attempt_question
	ADD COLUMN lang ENUM('zh', 'en') NOT NULL DEFAULT 'zh' AFTER type;
