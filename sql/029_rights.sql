-- A person's rights over their data (PIPL art. 44–47): they can see and
-- export everything, and delete their account. A code they were issued
-- stays verifiable after that, with nothing personal left: it only says
-- its holder's account was deleted. A unit they created stays their
-- unit's, without them.
ALTER TABLE code
	ADD COLUMN holder_deleted TINYINT(1) NOT NULL DEFAULT 0;

ALTER TABLE unit
	DROP FOREIGN KEY unit_creator;
ALTER TABLE unit
	MODIFY created_by INT UNSIGNED NULL,
	ADD CONSTRAINT unit_creator FOREIGN KEY (created_by)
	    REFERENCES person (id) ON DELETE SET NULL;
