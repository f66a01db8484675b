-- A second jurisdiction: Xinning County (新宁县), Shaoyang, Hunan, whose
-- fire brigade runs the same kind of campaign (its 16 towns and
-- townships, 19 departments and 111 key units are ranked by headcount,
-- registrations, total and average score). A site serves the one
-- jurisdiction its configuration names (jurisdiction = 430528); every
-- database holds all of them.
--
-- Towns and townships and their 2023 statistical codes are from the
-- national division list. No resident population is published with
-- them, so it is left unknown (NULL) until the county's office enters
-- its figures; the monthly target (1% of it) is unknown until then.
ALTER TABLE region MODIFY population INT UNSIGNED NULL;

INSERT INTO jurisdiction (code, name, full_name, committee, crs) VALUES
('430528', '新宁县', '湖南省邵阳市新宁县', '新宁县消防安全委员会办公室',
 'gcj02');

SET @j = LAST_INSERT_ID();

INSERT INTO region (jurisdiction_id, code, name, kind, population, sort)
VALUES
(@j, '430528109000', '金石镇', 'town', NULL, 1),
(@j, '430528101000', '水庙镇', 'town', NULL, 2),
(@j, '430528102000', '崀山镇', 'town', NULL, 3),
(@j, '430528104000', '黄龙镇', 'town', NULL, 4),
(@j, '430528105000', '高桥镇', 'town', NULL, 5),
(@j, '430528106000', '回龙寺镇', 'town', NULL, 6),
(@j, '430528107000', '一渡水镇', 'town', NULL, 7),
(@j, '430528108000', '马头桥镇', 'town', NULL, 8),
(@j, '430528200000', '黄金瑶族乡', 'town', NULL, 9),
(@j, '430528201000', '麻林瑶族乡', 'town', NULL, 10),
(@j, '430528203000', '万塘乡', 'town', NULL, 11),
(@j, '430528204000', '清江桥乡', 'town', NULL, 12),
(@j, '430528205000', '安山乡', 'town', NULL, 13),
(@j, '430528206000', '丰田乡', 'town', NULL, 14),
(@j, '430528208000', '巡田乡', 'town', NULL, 15),
(@j, '430528209000', '靖位乡', 'town', NULL, 16);
