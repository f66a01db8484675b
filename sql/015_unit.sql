-- Units (单位) people join: a company, a school, a shop, a care home. Any
-- registered person may create one; it is active once a district admin
-- approves it, and only admins make it a key unit (重点单位). The declared
-- headcount (人员数) is what coverage is measured against. People join by
-- the unit's join code (or its poster's QR) and a unit admin approves
-- them; a person is in at most one unit at a time.
CREATE TABLE unit (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	name		VARCHAR(64) NOT NULL,
	is_key		TINYINT(1) NOT NULL DEFAULT 0,
	department_id	INT UNSIGNED NULL,		-- none: no trade department
	region_id	INT UNSIGNED NOT NULL,		-- its street or town
	headcount	INT UNSIGNED NOT NULL,
	status		ENUM('pending', 'active', 'rejected') NOT NULL
			    DEFAULT 'pending',
	join_code	CHAR(8) NOT NULL,
	created_by	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	decided_at	DATETIME NULL,
	decided_by	INT UNSIGNED NULL,		-- the admin who approved or rejected
	UNIQUE KEY unit_name (jurisdiction_id, name),
	UNIQUE KEY unit_join_code (join_code),
	KEY unit_status (jurisdiction_id, status),
	CONSTRAINT unit_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id),
	CONSTRAINT unit_department FOREIGN KEY (department_id)
	    REFERENCES department (id),
	CONSTRAINT unit_region FOREIGN KEY (region_id) REFERENCES region (id),
	CONSTRAINT unit_creator FOREIGN KEY (created_by) REFERENCES person (id),
	CONSTRAINT unit_decider FOREIGN KEY (decided_by) REFERENCES admin (id),
	CONSTRAINT unit_headcount CHECK (headcount BETWEEN 1 AND 1000000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's place in a unit: the primary key keeps it to one unit.
CREATE TABLE unit_member (
	person_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	is_admin	TINYINT(1) NOT NULL DEFAULT 0,
	status		ENUM('pending', 'active') NOT NULL DEFAULT 'pending',
	joined_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	approved_at	DATETIME NULL,
	KEY unit_member_unit (unit_id, status),
	CONSTRAINT unit_member_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE,
	CONSTRAINT unit_member_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- People a unit admin invited by phone, from a CSV: whoever registers
-- (or signs in) with that number takes the place, approved.
CREATE TABLE unit_invite (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	phone		CHAR(11) NOT NULL,
	name		VARCHAR(32) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY unit_invite_phone (phone),
	KEY unit_invite_unit (unit_id),
	CONSTRAINT unit_invite_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
