-- Quiz settings per role, attempts and the questions they served.
ALTER TABLE role
	ADD COLUMN questions TINYINT UNSIGNED NOT NULL DEFAULT 20,
	ADD COLUMN time_limit_min SMALLINT UNSIGNED NOT NULL DEFAULT 20,
	ADD COLUMN pass_mark TINYINT UNSIGNED NOT NULL DEFAULT 80;	-- percent

-- One attempt at the quiz. The browser is the SHA-256 of its session
-- token; person_id is set once the browser's owner binds an account.
-- A manual choice of street/town is valid for the person but not
-- counted in any assessment.
CREATE TABLE attempt (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token		CHAR(22) NOT NULL,		-- in its URLs
	browser		BINARY(32) NOT NULL,
	person_id	INT UNSIGNED NULL,
	role		VARCHAR(16) NOT NULL,
	region_id	INT UNSIGNED NOT NULL,
	method		ENUM('gps', 'manual') NOT NULL,
	bank_id		INT UNSIGNED NOT NULL,
	total		TINYINT UNSIGNED NOT NULL,
	pass_mark	TINYINT UNSIGNED NOT NULL,
	status		ENUM('open', 'passed', 'failed') NOT NULL DEFAULT 'open',
	correct		TINYINT UNSIGNED NULL,
	score		TINYINT UNSIGNED NULL,		-- percent
	started_at	DATETIME NOT NULL,
	deadline_at	DATETIME NOT NULL,
	submitted_at	DATETIME NULL,
	ip		VARCHAR(45) NOT NULL,
	UNIQUE KEY attempt_token (token),
	KEY attempt_browser (browser, status),
	KEY attempt_ip (ip, started_at),
	KEY attempt_region (region_id, method, submitted_at),
	CONSTRAINT attempt_role FOREIGN KEY (role) REFERENCES role (code),
	CONSTRAINT attempt_region FOREIGN KEY (region_id) REFERENCES region (id),
	CONSTRAINT attempt_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The snapshot of each question as served: its text, its options in the
-- shuffled order shown (separated by U+001F), which of them are correct
-- and which were chosen (bit i = option i as shown).
CREATE TABLE attempt_question (
	attempt_id	BIGINT UNSIGNED NOT NULL,
	pos		TINYINT UNSIGNED NOT NULL,	-- 1..total
	question_id	INT UNSIGNED NOT NULL,
	type		ENUM('single', 'multi', 'truefalse') NOT NULL,
	stem		VARCHAR(600) NOT NULL,
	options		VARCHAR(4000) NOT NULL,
	correct_mask	TINYINT UNSIGNED NOT NULL,
	answer_mask	TINYINT UNSIGNED NULL,
	explanation	VARCHAR(600) NOT NULL,
	source		VARCHAR(600) NULL,
	PRIMARY KEY (attempt_id, pos),
	KEY attempt_question_question (question_id),
	CONSTRAINT aq_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
