-- English names of the reference data, for the English interface
-- (issue 14): what residents' pages show of roles, streets and towns
-- and the jurisdiction when the page is in English. NULL: none yet, the
-- Chinese is shown. Statistics and the offices' exports keep the Chinese.
-- Streets and towns are romanised as the governments' English pages
-- write them: Hanyu Pinyin without tones, then Subdistrict (街道),
-- Town (镇), Township (乡).
ALTER TABLE role
	ADD COLUMN name_en VARCHAR(64) NULL AFTER name,
	ADD COLUMN audience_en VARCHAR(400) NULL AFTER audience;

ALTER TABLE region
	ADD COLUMN name_en VARCHAR(64) NULL AFTER name;

ALTER TABLE jurisdiction
	ADD COLUMN name_en VARCHAR(64) NULL AFTER name,
	ADD COLUMN full_name_en VARCHAR(128) NULL AFTER full_name,
	ADD COLUMN committee_en VARCHAR(192) NULL AFTER committee;

UPDATE role SET name_en = 'Fire-safety responsible person / manager',
	audience_en = 'Legal representatives and principal heads of '
	'organisations, and the fire-safety managers they appoint'
	WHERE code = 'responsible';
UPDATE role SET name_en = 'Enterprise employee',
	audience_en = 'Staff at work in enterprises, shopping centres and '
	'markets, hospitals, schools and other organisations'
	WHERE code = 'employee';
UPDATE role SET name_en = 'Rental-housing landlord',
	audience_en = 'Landlords and sub-landlords letting homes, factory '
	'buildings or shops'
	WHERE code = 'landlord';
UPDATE role SET name_en = 'Student',
	audience_en = 'Primary and secondary school pupils, and students of '
	'vocational colleges and universities'
	WHERE code = 'student';
UPDATE role SET name_en = 'Ordinary citizen',
	audience_en = 'People who live in or visit this jurisdiction'
	WHERE code = 'citizen';

UPDATE jurisdiction SET name_en = 'Xiaoshan District',
	full_name_en = 'Xiaoshan District, Hangzhou, Zhejiang',
	committee_en = 'Xiaoshan District Fire-Safety Committee Office'
	WHERE code = '330109';
UPDATE jurisdiction SET name_en = 'Xinning County',
	full_name_en = 'Xinning County, Shaoyang, Hunan',
	committee_en = 'Xinning County Fire-Safety Committee Office'
	WHERE code = '430528';

UPDATE region SET name_en = CASE name
	WHEN '城厢街道' THEN 'Chengxiang Subdistrict'
	WHEN '北干街道' THEN 'Beigan Subdistrict'
	WHEN '蜀山街道' THEN 'Shushan Subdistrict'
	WHEN '新街街道' THEN 'Xinjie Subdistrict'
	WHEN '新塘街道' THEN 'Xintang Subdistrict'
	WHEN '楼塔镇' THEN 'Louta Town'
	WHEN '河上镇' THEN 'Heshang Town'
	WHEN '戴村镇' THEN 'Daicun Town'
	WHEN '浦阳镇' THEN 'Puyang Town'
	WHEN '进化镇' THEN 'Jinhua Town'
	WHEN '临浦镇' THEN 'Linpu Town'
	WHEN '义桥镇' THEN 'Yiqiao Town'
	WHEN '所前镇' THEN 'Suoqian Town'
	WHEN '衙前镇' THEN 'Yaqian Town'
	WHEN '闻堰街道' THEN 'Wenyan Subdistrict'
	WHEN '宁围街道' THEN 'Ningwei Subdistrict'
	WHEN '党湾镇' THEN 'Dangwan Town'
	WHEN '益农镇' THEN 'Yinong Town'
	WHEN '经济开发区' THEN 'Economic Development Zone'
	WHEN '靖江街道' THEN 'Jingjiang Subdistrict'
	WHEN '南阳街道' THEN 'Nanyang Subdistrict'
	WHEN '湘湖旅游度假区' THEN 'Xianghu Tourist Resort'
	WHEN '围垦区' THEN 'Reclamation Area'
	WHEN '瓜沥镇' THEN 'Guali Town'
	ELSE name_en END
	WHERE jurisdiction_id = (SELECT id FROM jurisdiction WHERE code = '330109');

UPDATE region SET name_en = CASE name
	WHEN '金石镇' THEN 'Jinshi Town'
	WHEN '水庙镇' THEN 'Shuimiao Town'
	WHEN '崀山镇' THEN 'Langshan Town'
	WHEN '黄龙镇' THEN 'Huanglong Town'
	WHEN '高桥镇' THEN 'Gaoqiao Town'
	WHEN '回龙寺镇' THEN 'Huilongsi Town'
	WHEN '一渡水镇' THEN 'Yidushui Town'
	WHEN '马头桥镇' THEN 'Matouqiao Town'
	WHEN '黄金瑶族乡' THEN 'Huangjin Yao Ethnic Township'
	WHEN '麻林瑶族乡' THEN 'Malin Yao Ethnic Township'
	WHEN '万塘乡' THEN 'Wantang Township'
	WHEN '清江桥乡' THEN 'Qingjiangqiao Township'
	WHEN '安山乡' THEN 'Anshan Township'
	WHEN '丰田乡' THEN 'Fengtian Township'
	WHEN '巡田乡' THEN 'Xuntian Township'
	WHEN '靖位乡' THEN 'Jingwei Township'
	ELSE name_en END
	WHERE jurisdiction_id = (SELECT id FROM jurisdiction WHERE code = '430528');
