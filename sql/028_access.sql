-- The access log of personal data (PIPL, GB/T 35273-2020 7.x): every
-- time an admin has a page show what is otherwise masked (a full mobile
-- number, an ID number, a bank account, an applicant's documents), who,
-- whose, which field, why they said they needed it, from where, when.
-- District admins browse and export it (/admin/access); nothing changes
-- it but the retention purge.
CREATE TABLE access_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	admin_id	INT UNSIGNED NOT NULL,
	subject		ENUM('person', 'hazard', 'visit', 'training', 'aid')
			    NOT NULL,			-- whose: what kind
	subject_id	INT UNSIGNED NOT NULL,		-- whose: which one
	subject_ref	VARCHAR(16) NULL,		-- its tracking number
	field		VARCHAR(32) NOT NULL,		-- phone, id-number, …
	reason		VARCHAR(200) NOT NULL,
	ip		VARCHAR(45) NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY access_log_list (jurisdiction_id, id),
	KEY access_log_admin (admin_id, id),
	KEY access_log_subject (subject, subject_id),
	CONSTRAINT access_log_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id),
	CONSTRAINT access_log_admin FOREIGN KEY (admin_id) REFERENCES admin (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
