-- A person's profile beyond the phone and the badge's name: the role
-- they take part as and the street or town they live or work in; their
-- unit (and so its department) is their membership (sql/015). And the
-- one-time links an admin hands over when a password is forgotten (no
-- SMS here): only the link token's SHA-256 is kept; a link works once,
-- within 24 hours.
ALTER TABLE person
	ADD COLUMN role VARCHAR(16) NULL AFTER name,
	ADD COLUMN region_id INT UNSIGNED NULL AFTER role,
	ADD CONSTRAINT person_role FOREIGN KEY (role) REFERENCES role (code),
	ADD CONSTRAINT person_region FOREIGN KEY (region_id)
	    REFERENCES region (id);

CREATE TABLE password_reset (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	person_id	INT UNSIGNED NOT NULL,
	admin_id	INT UNSIGNED NOT NULL,		-- who made the link
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY password_reset_person (person_id),
	CONSTRAINT password_reset_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE,
	CONSTRAINT password_reset_admin FOREIGN KEY (admin_id)
	    REFERENCES admin (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
