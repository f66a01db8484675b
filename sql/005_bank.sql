-- Question banks. A bank version is a whole set of questions; editing
-- happens on a draft version, and publishing it retires the one before.
-- Attempts keep a snapshot of what they served, so a new version never
-- changes a past attempt.
CREATE TABLE bank (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	version		INT UNSIGNED NOT NULL,
	title		VARCHAR(100) NOT NULL,
	status		ENUM('draft', 'published', 'retired') NOT NULL DEFAULT 'draft',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	published_at	DATETIME NULL,
	UNIQUE KEY bank_version (version),
	KEY bank_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	bank_id		INT UNSIGNED NOT NULL,
	ref		VARCHAR(32) NOT NULL,		-- the id in the bank file
	type		ENUM('single', 'multi', 'truefalse') NOT NULL,
	category	VARCHAR(16) NOT NULL,
	roles		SET('responsible', 'employee', 'landlord', 'student',
			    'citizen') NOT NULL,
	stem		VARCHAR(600) NOT NULL,
	explanation	VARCHAR(600) NOT NULL,
	source		VARCHAR(600) NULL,
	retired		TINYINT(1) NOT NULL DEFAULT 0,
	UNIQUE KEY question_ref (bank_id, ref),
	CONSTRAINT question_bank FOREIGN KEY (bank_id) REFERENCES bank (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question_option (
	question_id	INT UNSIGNED NOT NULL,
	opt_key		CHAR(1) NOT NULL,		-- A..F
	text		VARCHAR(600) NOT NULL,
	correct		TINYINT(1) NOT NULL DEFAULT 0,
	PRIMARY KEY (question_id, opt_key),
	CONSTRAINT option_question FOREIGN KEY (question_id)
	    REFERENCES question (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
