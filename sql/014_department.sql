-- Industry departments (行业部门) of a jurisdiction: the offices that run
-- the campaign in the units of their trade, beside the streets and towns.
-- Xiaoshan's 14 are those named in its 2020 campaign plan (萧消安委办
-- 〔2020〕16号, 四(二)); a jurisdiction whose plan does not name them
-- (Xinning's counts 19) enters its own in the admin area.
CREATE TABLE department (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	name		VARCHAR(32) NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	retired		TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY department_name (jurisdiction_id, name),
	CONSTRAINT department_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO department (jurisdiction_id, name, sort)
SELECT j.id, d.name, d.sort FROM jurisdiction j JOIN (
	SELECT '区委宣传部' AS name, 1 AS sort UNION ALL
	SELECT '区民宗局', 2 UNION ALL
	SELECT '区教育局', 3 UNION ALL
	SELECT '区公安分局', 4 UNION ALL
	SELECT '区民政局', 5 UNION ALL
	SELECT '区人力社保局', 6 UNION ALL
	SELECT '区商务局', 7 UNION ALL
	SELECT '区文广旅体局', 8 UNION ALL
	SELECT '区卫生健康局', 9 UNION ALL
	SELECT '区住建局', 10 UNION ALL
	SELECT '区应急管理局', 11 UNION ALL
	SELECT '区市场监督管理局', 12 UNION ALL
	SELECT '区总工会', 13 UNION ALL
	SELECT '团区委', 14
) AS d WHERE j.code = '330109';
