-- Burn-injury aid applications (申请火灾烧伤救助): what a resident burned
-- in a fire, or one of their family or their guardian, asks the office
-- for; its documents (ID cards, diagnosis, invoices, as JPEGs encoded
-- again without their metadata: shared/photo.c); the wrong mobile
-- numbers typed on its tracking page, counted to stop guessing.
-- Amounts are in fen (1/100 yuan). status_at is when the status last
-- changed: how long the application has waited for whoever acts next.
CREATE TABLE aid_application (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	region_id	INT UNSIGNED NOT NULL,	-- street or town of the fire
	person_id	INT UNSIGNED NULL,	-- the signed-in applicant's
	ref		CHAR(8) NOT NULL,	-- the tracking number
	status		ENUM('submitted', 'reviewing', 'more-info',
			    'resubmitted', 'approved', 'rejected') NOT NULL
			    DEFAULT 'submitted',
	applicant_name	VARCHAR(32) NOT NULL,
	applicant_phone	CHAR(11) NOT NULL,
	applicant_idno	CHAR(18) NOT NULL,	-- resident ID number
	relation	ENUM('self', 'spouse', 'parent', 'child', 'relative',
			    'guardian') NOT NULL,	-- to the patient
	patient_name	VARCHAR(32) NOT NULL,
	patient_idno	CHAR(18) NOT NULL,
	incident_date	DATE NOT NULL,
	incident_place	VARCHAR(200) NOT NULL,
	story		VARCHAR(1000) NOT NULL,	-- what happened
	hospital	VARCHAR(100) NOT NULL,
	costs		BIGINT UNSIGNED NOT NULL,	-- fen
	reimbursed	BIGINT UNSIGNED NOT NULL DEFAULT 0,	-- fen
	bank_name	VARCHAR(64) NOT NULL,
	account_holder	VARCHAR(32) NOT NULL,
	account_number	VARCHAR(30) NOT NULL,
	approved	BIGINT UNSIGNED NULL,	-- fen, once approved
	reason		VARCHAR(500) NULL,	-- of more-info or rejected
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	status_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY aid_application_ref (ref),
	KEY aid_application_waiting (jurisdiction_id, status, status_at),
	KEY aid_application_region (region_id, status_at),
	CONSTRAINT aid_application_jurisdiction FOREIGN KEY
	    (jurisdiction_id) REFERENCES jurisdiction (id),
	CONSTRAINT aid_application_region FOREIGN KEY (region_id)
	    REFERENCES region (id),
	CONSTRAINT aid_application_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE SET NULL,
	CONSTRAINT aid_application_costs CHECK (costs > 0 AND
	    reimbursed <= costs),
	CONSTRAINT aid_application_approved CHECK (approved IS NULL OR
	    (approved > 0 AND approved <= costs - reimbursed))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One document image, as stored: never the upload itself.
CREATE TABLE aid_document (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	jpeg		MEDIUMBLOB NOT NULL,
	width		SMALLINT UNSIGNED NOT NULL,
	height		SMALLINT UNSIGNED NOT NULL,
	added_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY aid_document_application (application_id, id),
	CONSTRAINT aid_document_application FOREIGN KEY (application_id)
	    REFERENCES aid_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A wrong mobile number typed for an application's tracking number.
CREATE TABLE aid_guess (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY aid_guess_application (application_id, created_at),
	CONSTRAINT aid_guess_application FOREIGN KEY (application_id)
	    REFERENCES aid_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
