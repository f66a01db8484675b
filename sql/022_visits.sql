-- Fire-station visits (预约消防站参观): the stations of the jurisdiction,
-- their open-day slots (a time, a length, a number of places) and the
-- bookings of groups. A slot's booked places are kept beside it and
-- changed in the booking's transaction, under the slot's row lock, so
-- that bookings at the same moment can never exceed its places (the
-- CHECK says so as well).
CREATE TABLE station (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	name		VARCHAR(64) NOT NULL,
	address		VARCHAR(200) NOT NULL,
	retired		TINYINT(1) NOT NULL DEFAULT 0,
	UNIQUE KEY station_name (jurisdiction_id, name),
	CONSTRAINT station_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE visit_slot (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	station_id	INT UNSIGNED NOT NULL,
	starts_at	DATETIME NOT NULL,
	minutes		SMALLINT UNSIGNED NOT NULL,
	capacity	SMALLINT UNSIGNED NOT NULL,
	booked		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	cancelled	TINYINT(1) NOT NULL DEFAULT 0,
	KEY visit_slot_when (starts_at),
	CONSTRAINT visit_slot_station FOREIGN KEY (station_id)
	    REFERENCES station (id),
	CONSTRAINT visit_slot_places CHECK (booked <= capacity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE visit_booking (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slot_id		INT UNSIGNED NOT NULL,
	ref		CHAR(8) NOT NULL,		-- the booking reference
	name		VARCHAR(32) NOT NULL,
	phone		CHAR(11) NOT NULL,
	organisation	VARCHAR(64) NULL,
	people		SMALLINT UNSIGNED NOT NULL,
	status		ENUM('booked', 'cancelled', 'attended', 'absent') NOT NULL
			    DEFAULT 'booked',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	cancelled_at	DATETIME NULL,
	UNIQUE KEY visit_booking_ref (ref),
	KEY visit_booking_slot (slot_id, status),
	CONSTRAINT visit_booking_slot FOREIGN KEY (slot_id)
	    REFERENCES visit_slot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
