-- Accounts residents may bind (optional): a phone number and a password.
-- Codes and attempts of a browser move to the account on sign-in.
CREATE TABLE person (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	phone		CHAR(11) NOT NULL,		-- mainland mobile number
	pw_hash		VARCHAR(128) NOT NULL,		-- argon2id string
	name		VARCHAR(32) NULL,		-- for the badge
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_login_at	DATETIME NULL,
	UNIQUE KEY person_phone (phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE session
	ADD COLUMN person_id INT UNSIGNED NULL AFTER admin_id,
	ADD CONSTRAINT session_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE;

ALTER TABLE attempt
	ADD CONSTRAINT attempt_person FOREIGN KEY (person_id)
	    REFERENCES person (id);
