-- Admin accounts, sign-in sessions and the audit log.
CREATE TABLE admin (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	login		VARCHAR(64) NOT NULL,
	pw_hash		VARCHAR(128) NOT NULL,		-- argon2id string
	name		VARCHAR(64) NOT NULL,
	-- What the admin may see and change: the whole district (the
	-- committee office), or one street, department, unit or station.
	scope		ENUM('district', 'street', 'department', 'unit',
			    'station') NOT NULL,
	scope_id	INT UNSIGNED NULL,
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_login_at	DATETIME NULL,
	UNIQUE KEY admin_login (login),
	CONSTRAINT admin_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 of a session token is stored.
CREATE TABLE session (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	admin_id	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	KEY session_expires (expires_at),
	CONSTRAINT session_admin FOREIGN KEY (admin_id) REFERENCES admin (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: who did what, from where.
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	admin_id	INT UNSIGNED NULL,
	action		VARCHAR(32) NOT NULL,
	object		VARCHAR(128) NULL,
	detail		VARCHAR(512) NULL,
	ip		VARCHAR(45) NULL,
	created_at	DATETIME NOT NULL,
	KEY audit_admin (admin_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
