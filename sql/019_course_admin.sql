-- Courses edited in the admin area. A course an admin creates starts as a
-- draft that learners do not see until it is published; the shipped
-- courses are published. A video lesson may have a poster (a still of the
-- video, made when it is uploaded). What an admin has edited is marked,
-- and course-import then leaves it as the admin made it (the set-up runs
-- the import every time).
ALTER TABLE course
	ADD COLUMN status ENUM('draft', 'published') NOT NULL
	    DEFAULT 'published' AFTER roles,
	ADD COLUMN edited_at DATETIME NULL,
	ADD COLUMN edited_by INT UNSIGNED NULL;

ALTER TABLE lesson
	ADD COLUMN poster VARCHAR(64) NULL AFTER video,
	ADD COLUMN edited_at DATETIME NULL,
	ADD COLUMN edited_by INT UNSIGNED NULL;
