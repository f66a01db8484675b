-- Statistics (统计): what the offices run the campaign by, kept in daily
-- and monthly rollups so that no page scans the attempts. An attempt records, when it
-- is graded, the unit and department its person belonged to then (facts
-- of that moment, so that the figures can be rebuilt from the attempts
-- alone). The rollups are written in the transaction that grades the
-- attempt, and `bluecode stats-rebuild` recomputes them from the raw
-- attempts (idempotent: the same rows either way).
--
-- A day is a day of the database's time zone, which the set-up runs at
-- +08:00 (Asia/Shanghai, no daylight saving).
-- What a rebuild reads of each question served: a covering index, so
-- that it scans some 30 bytes an answer instead of the snapshot's texts.
ALTER TABLE attempt_question
	ADD KEY attempt_question_answer (attempt_id, question_id, correct_mask,
	    answer_mask);

ALTER TABLE attempt
	ADD COLUMN unit_id INT UNSIGNED NULL AFTER person_id,
	ADD COLUMN department_id INT UNSIGNED NULL AFTER unit_id,
	ADD KEY attempt_submitted (submitted_at),
	ADD KEY attempt_unit (unit_id, submitted_at),
	ADD KEY attempt_browser_passed (browser, status, submitted_at);

-- One row a day for each street or town, role and way of locating with
-- finished attempts: how many, how many passed, how many of those were
-- the browser's first pass of the month (what targets count: one pass
-- per phone a month), the questions served and answered right, and the
-- scores' sum. At most some 240 rows a day.
CREATE TABLE stat_quiz_day (
	day		DATE NOT NULL,
	region_id	INT UNSIGNED NOT NULL,
	role		VARCHAR(16) NOT NULL,
	method		ENUM('gps', 'manual') NOT NULL,
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	passes		INT UNSIGNED NOT NULL DEFAULT 0,
	people		INT UNSIGNED NOT NULL DEFAULT 0,
	questions	INT UNSIGNED NOT NULL DEFAULT 0,
	correct		INT UNSIGNED NOT NULL DEFAULT 0,
	score_sum	INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (day, region_id, role, method),
	KEY stat_quiz_day_region (region_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A unit member's points and the last day of their valid codes, on the
-- member row (stats/members.c keeps them): what the rankings read.
ALTER TABLE unit_member
	ADD COLUMN points INT UNSIGNED NOT NULL DEFAULT 0,
	ADD COLUMN code_until DATE NULL,
	ADD KEY unit_member_figures (unit_id, status, code_until, points);
UPDATE unit_member m SET m.points = COALESCE((SELECT t.total FROM
    points_total t WHERE t.person_id = m.person_id), 0),
    m.code_until = (SELECT MAX(c.expires_on) FROM code c WHERE
    c.person_id = m.person_id AND c.revoked_at IS NULL);

-- Registrations by a day, by street or town, without a scan of everyone:
-- counted from these indexes.
ALTER TABLE person
	ADD KEY person_created (created_at),
	ADD KEY person_region_created (region_id, created_at);

-- Points earned a day in each street or town (0: people who have not
-- said where they are), by where the person was when earning them;
-- written with each ledger entry. What growth of points reads.
CREATE TABLE stat_points_day (
	day		DATE NOT NULL,
	region_id	INT UNSIGNED NOT NULL,
	points		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (day, region_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO stat_points_day (day, region_id, points)
SELECT d.day, COALESCE(p.region_id, 0), SUM(d.points)
FROM points_day d JOIN person p ON p.id = d.person_id
GROUP BY d.day, COALESCE(p.region_id, 0);

-- Each unit's attempts a day (its members', by the unit recorded when
-- each was graded): the average quiz score of its rankings.
CREATE TABLE stat_unit_day (
	day		DATE NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	score_sum	INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (day, unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The questions answered, a month to a row for each street or town,
-- role, way of locating and question category: the awareness rate
-- (知晓率) is the share answered right. A month, not a day: offices
-- compare months and years, and a year is then at most some 50,000 rows.
CREATE TABLE stat_answer_month (
	month		DATE NOT NULL,			-- its first day
	region_id	INT UNSIGNED NOT NULL,
	role		VARCHAR(16) NOT NULL,
	method		ENUM('gps', 'manual') NOT NULL,
	category	VARCHAR(16) NOT NULL,
	questions	INT UNSIGNED NOT NULL DEFAULT 0,
	correct		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (month, region_id, role, method, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The same by department (0: people in no unit), apart: the two
-- together would multiply into millions of rows a year.
CREATE TABLE stat_answer_dept_month (
	month		DATE NOT NULL,
	department_id	INT UNSIGNED NOT NULL,
	method		ENUM('gps', 'manual') NOT NULL,
	category	VARCHAR(16) NOT NULL,
	questions	INT UNSIGNED NOT NULL DEFAULT 0,
	correct		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (month, department_id, method, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The same by question: what offices should teach (the questions most
-- missed in an area) and what the bank should improve.
CREATE TABLE stat_question_month (
	month		DATE NOT NULL,
	region_id	INT UNSIGNED NOT NULL,
	method		ENUM('gps', 'manual') NOT NULL,
	question_id	INT UNSIGNED NOT NULL,
	served		INT UNSIGNED NOT NULL DEFAULT 0,
	correct		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (month, region_id, method, question_id),
	KEY stat_question_month_question (question_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What was there before: every finished attempt, counted as today's
-- grading would have (no unit or department recorded then).
INSERT INTO stat_quiz_day (day, region_id, role, method, attempts, passes,
    people, questions, correct, score_sum)
SELECT DATE(submitted_at), region_id, role, method, COUNT(*),
    SUM(status = 'passed'), SUM(first), SUM(total), SUM(correct), SUM(score)
FROM (SELECT a.*, status = 'passed' AND ROW_NUMBER() OVER (PARTITION BY
    browser, status, DATE_FORMAT(submitted_at, '%Y-%m') ORDER BY
    submitted_at, id) = 1 AS first FROM attempt a
    WHERE status IN ('passed', 'failed')) f
GROUP BY DATE(submitted_at), region_id, role, method;

INSERT INTO stat_answer_dept_month (month, department_id, method, category,
    questions, correct)
SELECT DATE_FORMAT(a.submitted_at, '%Y-%m-01'), 0, a.method, q.category,
    COUNT(*), COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0)
FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
JOIN question q ON q.id = aq.question_id
WHERE a.status IN ('passed', 'failed')
GROUP BY DATE_FORMAT(a.submitted_at, '%Y-%m-01'), a.method, q.category;

INSERT INTO stat_answer_month (month, region_id, role, method, category,
    questions, correct)
SELECT DATE_FORMAT(a.submitted_at, '%Y-%m-01'), a.region_id, a.role,
    a.method, q.category, COUNT(*),
    COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0)
FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
JOIN question q ON q.id = aq.question_id
WHERE a.status IN ('passed', 'failed')
GROUP BY DATE_FORMAT(a.submitted_at, '%Y-%m-01'), a.region_id, a.role,
    a.method, q.category;

INSERT INTO stat_question_month (month, region_id, method, question_id,
    served, correct)
SELECT DATE_FORMAT(a.submitted_at, '%Y-%m-01'), a.region_id, a.method,
    aq.question_id, COUNT(*),
    COALESCE(SUM(aq.answer_mask = aq.correct_mask), 0)
FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
WHERE a.status IN ('passed', 'failed')
GROUP BY DATE_FORMAT(a.submitted_at, '%Y-%m-01'), a.region_id, a.method,
    aq.question_id;

-- Bulletins (通报): the weekly one (registration rates and average
-- points of units, departments and towns, and growth on the week
-- before), the half-monthly one (streets and departments against their
-- targets) and the year-end awareness-rate report. Publishing one keeps
-- its figures as they were (an XML snapshot): a published bulletin never
-- changes afterwards. One of each kind for a period.
CREATE TABLE bulletin (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	kind		ENUM('weekly', 'half-monthly', 'year-end') NOT NULL,
	period_from	DATE NOT NULL,
	period_to	DATE NOT NULL,
	issue		SMALLINT UNSIGNED NOT NULL,	-- 第 N 期 of its kind and year
	figures		MEDIUMTEXT NOT NULL,		-- <figures>…</figures>
	published_at	DATETIME NOT NULL,
	published_by	INT UNSIGNED NOT NULL,
	UNIQUE KEY bulletin_period (jurisdiction_id, kind, period_from),
	CONSTRAINT bulletin_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id),
	CONSTRAINT bulletin_admin FOREIGN KEY (published_by)
	    REFERENCES admin (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
