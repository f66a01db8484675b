-- Hazard reports (隐患曝光): what a resident saw (a category, a text,
-- where, up to three photos, a contact if they want one), its street or
-- town, and its way through the office: new → verified → assigned →
-- rectifying → rectified → closed, or rejected (a duplicate of another
-- report, or invalid) with a reason. The history of every change, with
-- who made it, is its notices (023_notice.sql).
--
-- Nothing a reporter wrote is public until an admin has looked at it
-- (moderated_at): the public text is the reporter's with what must not
-- be shown (phone numbers, names) taken out, and a photo can be hidden;
-- the reporter is told why.
CREATE TABLE hazard (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	ref		CHAR(8) NOT NULL,		-- the tracking number
	category	ENUM('exit-blocked', 'ebike', 'fire-lane',
			    'extinguisher', 'hydrant', 'wiring', 'live-in',
			    'gas', 'facility', 'other') NOT NULL,
	description	VARCHAR(1000) NOT NULL,		-- as the reporter wrote
	public_text	VARCHAR(1000) NULL,		-- as shown, once moderated
	address		VARCHAR(200) NULL,		-- as typed
	public_address	VARCHAR(200) NULL,		-- as shown
	-- Where, as the browser said (WGS-84), when it said; else NULL.
	lng		DOUBLE NULL,
	lat		DOUBLE NULL,
	region_id	INT UNSIGNED NOT NULL,		-- where it is
	assigned_region_id INT UNSIGNED NULL,		-- who rectifies it
	status		ENUM('new', 'verified', 'assigned', 'rectifying',
			    'rectified', 'closed', 'rejected') NOT NULL
			    DEFAULT 'new',
	reject_reason	ENUM('duplicate', 'invalid') NULL,
	duplicate_of	INT UNSIGNED NULL,
	resolution	VARCHAR(1000) NULL,		-- public, once rectified
	contact_name	VARCHAR(32) NULL,
	contact_phone	CHAR(11) NULL,
	person_id	INT UNSIGNED NULL,
	additions	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	moderated_at	DATETIME NULL,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY hazard_ref (ref),
	KEY hazard_near (jurisdiction_id, category, lat),
	KEY hazard_status (jurisdiction_id, status, id),
	KEY hazard_region (region_id, status),
	KEY hazard_assigned (assigned_region_id, status),
	CONSTRAINT hazard_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id),
	CONSTRAINT hazard_region FOREIGN KEY (region_id) REFERENCES region (id),
	CONSTRAINT hazard_assigned FOREIGN KEY (assigned_region_id)
	    REFERENCES region (id),
	CONSTRAINT hazard_duplicate FOREIGN KEY (duplicate_of)
	    REFERENCES hazard (id),
	CONSTRAINT hazard_person FOREIGN KEY (person_id) REFERENCES person (id)
	    ON DELETE SET NULL,
	CONSTRAINT hazard_where CHECK ((lng IS NULL) = (lat IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Another resident who saw the same hazard and said so on its page
-- instead of filing it again: their words and photos join the report.
CREATE TABLE hazard_addition (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	hazard_id	INT UNSIGNED NOT NULL,
	description	VARCHAR(1000) NULL,
	contact_phone	CHAR(11) NULL,
	person_id	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY hazard_addition_hazard (hazard_id, id),
	CONSTRAINT hazard_addition_hazard FOREIGN KEY (hazard_id)
	    REFERENCES hazard (id),
	CONSTRAINT hazard_addition_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The photos, as encoded again (shared/photo.c): a JPEG without the
-- upload's metadata. hidden_reason says why one is not shown.
CREATE TABLE hazard_photo (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	hazard_id	INT UNSIGNED NOT NULL,
	addition_id	INT UNSIGNED NULL,
	width		SMALLINT UNSIGNED NOT NULL,
	height		SMALLINT UNSIGNED NOT NULL,
	jpeg		MEDIUMBLOB NOT NULL,
	hidden		TINYINT(1) NOT NULL DEFAULT 0,
	hidden_reason	VARCHAR(200) NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY hazard_photo_hazard (hazard_id, id),
	CONSTRAINT hazard_photo_hazard FOREIGN KEY (hazard_id)
	    REFERENCES hazard (id),
	CONSTRAINT hazard_photo_addition FOREIGN KEY (addition_id)
	    REFERENCES hazard_addition (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
