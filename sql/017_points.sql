-- Learning points (学习积分). An append-only ledger: every entry has a
-- reason (a rule), an amount, the day and what earned it (ref: one
-- entry a ref, so a lesson or a practice question counts once). Rules
-- and their daily caps are data an admin edits. Each person's total and
-- what each rule gave them each day are kept beside the ledger, in the
-- same transaction as the entry: the day's row is what daily caps are
-- counted on (and locked by), the total what rankings read; both are
-- derived and can be rebuilt from the ledger.
CREATE TABLE points_rule (
	reason		VARCHAR(16) NOT NULL PRIMARY KEY,
	name		VARCHAR(32) NOT NULL,
	points		SMALLINT UNSIGNED NOT NULL,	-- for each earning
	daily_cap	SMALLINT UNSIGNED NOT NULL,	-- a person's most a day
	sort		SMALLINT NOT NULL DEFAULT 0,
	CONSTRAINT points_rule_cap CHECK (daily_cap >= points)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO points_rule (reason, name, points, daily_cap, sort) VALUES
('login', '每日登录', 1, 1, 1),
('practice', '练习答对一题', 1, 20, 2),
('lesson', '学完一个课时', 5, 30, 3),
('quiz_pass', '通过测试领取蓝码', 20, 20, 4);

CREATE TABLE points_entry (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	person_id	INT UNSIGNED NOT NULL,
	reason		VARCHAR(16) NOT NULL,
	ref		VARCHAR(64) NOT NULL,		-- what earned it
	amount		SMALLINT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY points_entry_once (person_id, reason, ref),
	KEY points_entry_person (person_id, id),
	KEY points_entry_day (day, person_id),
	CONSTRAINT points_entry_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE,
	CONSTRAINT points_entry_rule FOREIGN KEY (reason)
	    REFERENCES points_rule (reason)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE points_day (
	person_id	INT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	reason		VARCHAR(16) NOT NULL,
	points		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (person_id, day, reason),
	CONSTRAINT points_day_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE points_total (
	person_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	total		INT UNSIGNED NOT NULL DEFAULT 0,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY points_total_rank (total),
	CONSTRAINT points_total_person FOREIGN KEY (person_id)
	    REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
