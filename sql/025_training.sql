-- Training bookings (预约培训): a unit, a community or a person for a
-- group asks the fire-safety committee's office for a free training at
-- its own address; the office confirms a time and a trainer, proposes
-- another time, or declines with a reason. The trainers of the
-- jurisdiction, and the days that break the Monday-to-Friday week
-- (holidays and make-up working days), by which a request unanswered
-- for more than 5 working days is overdue (shared/workday.c).
CREATE TABLE trainer (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	name		VARCHAR(32) NOT NULL,
	phone		CHAR(11) NULL,
	retired		TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY trainer_name (jurisdiction_id, name),
	CONSTRAINT trainer_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A day that is not what its weekday says: working = 0, a holiday on a
-- weekday; working = 1, a make-up working day (调休) on a weekend. Shipped
-- empty: the State Council's schedule is entered each year by the office.
CREATE TABLE workday (
	jurisdiction_id	INT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	working		TINYINT(1) NOT NULL,
	name		VARCHAR(32) NOT NULL,
	PRIMARY KEY (jurisdiction_id, day),
	CONSTRAINT workday_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A request and what became of it. starts_at, minutes and trainer_id are
-- the time confirmed, or the time proposed while the status is
-- 'proposed'; a trainer's confirmed trainings never overlap, which the
-- confirming transaction decides under the trainer's row lock.
CREATE TABLE training_booking (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	ref		CHAR(8) NOT NULL,		-- tracking reference
	person_id	INT UNSIGNED NULL,		-- signed in when asking
	unit_id		INT UNSIGNED NULL,		-- their unit
	name		VARCHAR(32) NOT NULL,		-- the contact
	phone		CHAR(11) NOT NULL,
	organisation	VARCHAR(64) NOT NULL,
	region_id	INT UNSIGNED NOT NULL,		-- its street or town
	address		VARCHAR(200) NOT NULL,
	headcount	SMALLINT UNSIGNED NOT NULL,
	topic		VARCHAR(16) NOT NULL,		-- a code, named in XSLT
	topic_other	VARCHAR(64) NULL,		-- topic 'other'
	day1		DATE NOT NULL,			-- preferred days
	part1		ENUM('am', 'pm', 'eve') NOT NULL,
	day2		DATE NULL,
	part2		ENUM('am', 'pm', 'eve') NULL,
	day3		DATE NULL,
	part3		ENUM('am', 'pm', 'eve') NULL,
	note		VARCHAR(500) NULL,
	status		ENUM('requested', 'proposed', 'confirmed', 'declined',
			    'cancelled', 'done') NOT NULL DEFAULT 'requested',
	starts_at	DATETIME NULL,
	minutes		SMALLINT UNSIGNED NULL,
	trainer_id	INT UNSIGNED NULL,
	message		VARCHAR(500) NULL,	-- proposal note, or reason
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	changed_at	DATETIME NULL,
	UNIQUE KEY training_booking_ref (ref),
	KEY training_booking_status (jurisdiction_id, status, created_at),
	KEY training_booking_trainer (trainer_id, status, starts_at),
	KEY training_booking_when (jurisdiction_id, starts_at),
	CONSTRAINT training_booking_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id),
	CONSTRAINT training_booking_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE SET NULL,
	CONSTRAINT training_booking_unit FOREIGN KEY (unit_id)
	    REFERENCES unit (id) ON DELETE SET NULL,
	CONSTRAINT training_booking_region FOREIGN KEY (region_id)
	    REFERENCES region (id),
	CONSTRAINT training_booking_trainer FOREIGN KEY (trainer_id)
	    REFERENCES trainer (id),
	CONSTRAINT training_booking_headcount CHECK (headcount BETWEEN 1 AND
	    1000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
