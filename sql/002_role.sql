-- The roles people take the quiz as, with the validity of their codes.
CREATE TABLE role (
	code		VARCHAR(16) NOT NULL PRIMARY KEY,
	name		VARCHAR(32) NOT NULL,
	validity_months	TINYINT UNSIGNED NOT NULL,
	audience	VARCHAR(200) NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO role (code, name, validity_months, audience, sort) VALUES
('responsible', '消防安全责任人（管理人）', 6,
 '单位法定代表人、主要负责人及其委托的消防安全管理人', 1),
('employee', '企业员工', 12,
 '企业、商场市场、医院学校等单位的在岗员工', 2),
('landlord', '出租屋房东', 12,
 '出租住房、厂房、商铺的房东和二房东', 3),
('student', '学生', 12,
 '中小学生、职业院校和高校学生', 4),
('citizen', '普通市民', 12,
 '居住在本辖区的居民和来访人员', 5);
