-- Notices: every status change of something a resident asked for (a
-- hazard report, a training request, a station visit, a burn-injury aid
-- application), in one table. Its tracking page and the signed-in
-- person's page show them, so the table is the object's history too:
-- who changed it (admin_id; NULL when the resident did), to what, why.
-- There is no SMS gateway here; a sender (SMS, WeChat) can be added as
-- a separate process that reads the rows with sent_at NULL and a phone,
-- sends them and sets sent_at (README, "Notices").
CREATE TABLE notice (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	kind		ENUM('hazard', 'training', 'visit', 'aid') NOT NULL,
	object_id	INT UNSIGNED NOT NULL,	-- the report, booking, …
	ref		VARCHAR(16) NOT NULL,	-- its tracking number
	person_id	INT UNSIGNED NULL,	-- the signed-in person's
	phone		CHAR(11) NULL,		-- whom a sender would text
	status		VARCHAR(24) NOT NULL,	-- the new status
	message		VARCHAR(500) NULL,	-- a reason, as written
	admin_id	INT UNSIGNED NULL,	-- who; NULL: the resident
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	sent_at		DATETIME NULL,		-- set by an outside sender
	KEY notice_object (kind, object_id, id),
	KEY notice_person (person_id, id),
	KEY notice_unsent (sent_at, id),
	CONSTRAINT notice_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id),
	CONSTRAINT notice_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A visit booked by a signed-in person is theirs, for their page.
ALTER TABLE visit_booking
	ADD COLUMN person_id INT UNSIGNED NULL AFTER slot_id,
	ADD CONSTRAINT visit_booking_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE SET NULL;

-- Every booking there already is begins its history.
INSERT INTO notice (jurisdiction_id, kind, object_id, ref, phone, status,
    created_at)
SELECT s.jurisdiction_id, 'visit', b.id, b.ref, b.phone, 'booked',
    b.created_at
FROM visit_booking b JOIN visit_slot v ON v.id = b.slot_id
JOIN station s ON s.id = v.station_id;
