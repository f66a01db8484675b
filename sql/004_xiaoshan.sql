-- Reference data: Xiaoshan District (萧山区), with the 24 streets, towns
-- and zones of the 2020 campaign plan (萧消安委办〔2020〕16号, annex 1)
-- and their resident populations; 闻堰 is named as the street (街道) it has
-- become since. Codes are the 2023 statistical codes;
-- the development zone keeps its older code, and the tourist resort and
-- the reclamation area have none.
INSERT INTO jurisdiction (code, name, full_name, committee, crs) VALUES
('330109', '萧山区', '浙江省杭州市萧山区', '萧山区消防安全委员会办公室',
 'gcj02');

SET @j = LAST_INSERT_ID();

INSERT INTO region (jurisdiction_id, code, name, kind, population, sort)
VALUES
(@j, '330109001000', '城厢街道', 'street', 148588, 1),
(@j, '330109002000', '北干街道', 'street', 97098, 2),
(@j, '330109003000', '蜀山街道', 'street', 57985, 3),
(@j, '330109012000', '新街街道', 'street', 66009, 4),
(@j, '330109004000', '新塘街道', 'street', 88452, 5),
(@j, '330109100000', '楼塔镇', 'town', 23614, 6),
(@j, '330109101000', '河上镇', 'town', 29914, 7),
(@j, '330109102000', '戴村镇', 'town', 38902, 8),
(@j, '330109103000', '浦阳镇', 'town', 37696, 9),
(@j, '330109104000', '进化镇', 'town', 46401, 10),
(@j, '330109105000', '临浦镇', 'town', 60355, 11),
(@j, '330109106000', '义桥镇', 'town', 50164, 12),
(@j, '330109107000', '所前镇', 'town', 39100, 13),
(@j, '330109108000', '衙前镇', 'town', 35200, 14),
(@j, '330109013000', '闻堰街道', 'street', 44453, 15),
(@j, '330109014000', '宁围街道', 'street', 58650, 16),
(@j, '330109120000', '党湾镇', 'town', 43385, 17),
(@j, '330109115000', '益农镇', 'town', 45609, 18),
(@j, '330109401000', '经济开发区', 'zone', 44274, 19),
(@j, '330109005000', '靖江街道', 'street', 41601, 20),
(@j, '330109006000', '南阳街道', 'street', 52464, 21),
(@j, NULL, '湘湖旅游度假区', 'zone', 3792, 22),
(@j, NULL, '围垦区', 'zone', 1055, 23),
(@j, '330109113000', '瓜沥镇', 'town', 191429, 24);
