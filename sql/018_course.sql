-- Courses (课程) and their lessons (课时): a text lesson (rich text kept as
-- an XML fragment of the lesson vocabulary, sql/course/courses.rng) or a
-- video (a file nginx serves from static/media, range requests and all).
-- A lesson's seconds are its video's length, or the reading time of its
-- text. Progress is a person's: opened when the lesson page is first
-- served, the furthest point watched at the frontier (seeking ahead
-- earns nothing, reloading counts nothing twice), completed at 90%.
CREATE TABLE course (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	ref		VARCHAR(32) NOT NULL,
	title		VARCHAR(64) NOT NULL,
	summary		VARCHAR(200) NOT NULL,
	roles		SET('responsible', 'employee', 'landlord', 'student',
			    'citizen') NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	UNIQUE KEY course_ref (ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lesson (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	course_id	INT UNSIGNED NOT NULL,
	ref		VARCHAR(32) NOT NULL,
	title		VARCHAR(64) NOT NULL,
	kind		ENUM('text', 'video') NOT NULL,
	body		MEDIUMTEXT NOT NULL,		-- <body>…</body>
	video		VARCHAR(64) NULL,		-- in static/media
	seconds		INT UNSIGNED NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	UNIQUE KEY lesson_ref (course_id, ref),
	CONSTRAINT lesson_course FOREIGN KEY (course_id) REFERENCES course (id),
	CONSTRAINT lesson_seconds CHECK (seconds BETWEEN 1 AND 36000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lesson_progress (
	person_id	INT UNSIGNED NOT NULL,
	lesson_id	INT UNSIGNED NOT NULL,
	opened_at	DATETIME(3) NOT NULL,
	reported_at	DATETIME(3) NOT NULL,	-- the last report, or the opening
	position	DOUBLE NOT NULL DEFAULT 0,	-- where the player was
	furthest	DOUBLE NOT NULL DEFAULT 0,	-- watched up to, at the frontier
	completed_at	DATETIME NULL,
	PRIMARY KEY (person_id, lesson_id),
	KEY lesson_progress_lesson (lesson_id, completed_at),
	CONSTRAINT lesson_progress_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE,
	CONSTRAINT lesson_progress_lesson FOREIGN KEY (lesson_id)
	    REFERENCES lesson (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
