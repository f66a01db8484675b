-- Blue codes: issued on a pass, valid for the role's months, renewable
-- in their last 30 days or after expiry, revocable with a reason. The
-- verification token in the QR carries the code id, role, region and
-- expiry, a random nonce (kept here) and an Ed25519 signature.
CREATE TABLE code (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	nonce		BINARY(16) NOT NULL,
	attempt_id	BIGINT UNSIGNED NOT NULL,
	browser		BINARY(32) NOT NULL,
	person_id	INT UNSIGNED NULL,
	role		VARCHAR(16) NOT NULL,
	region_id	INT UNSIGNED NOT NULL,
	method		ENUM('gps', 'manual') NOT NULL,
	issued_on	DATE NOT NULL,
	expires_on	DATE NOT NULL,
	revoked_at	DATETIME NULL,
	revoke_reason	VARCHAR(200) NULL,
	revoked_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY code_attempt (attempt_id),
	KEY code_browser (browser, role),
	KEY code_person (person_id, role),
	KEY code_region (region_id, method, issued_on),
	CONSTRAINT code_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id),
	CONSTRAINT code_person FOREIGN KEY (person_id) REFERENCES person (id),
	CONSTRAINT code_role FOREIGN KEY (role) REFERENCES role (code),
	CONSTRAINT code_region FOREIGN KEY (region_id) REFERENCES region (id),
	CONSTRAINT code_revoked_by FOREIGN KEY (revoked_by) REFERENCES admin (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Report this question": what a person says is wrong with a question.
CREATE TABLE question_report (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	question_id	INT UNSIGNED NOT NULL,
	attempt_id	BIGINT UNSIGNED NOT NULL,
	text		VARCHAR(500) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	resolved_at	DATETIME NULL,
	UNIQUE KEY report_once (attempt_id, question_id),
	KEY report_question (question_id),
	CONSTRAINT report_question FOREIGN KEY (question_id)
	    REFERENCES question (id),
	CONSTRAINT report_attempt FOREIGN KEY (attempt_id)
	    REFERENCES attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
