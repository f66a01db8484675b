# The retention purge (`bluecode purge`): a fixture of each kind, some
# aged past its period and some not; the purge removes exactly the
# expired data (and keeps what statistics need), says how much, and a
# second run finds nothing.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';
$s->small_bank(3);

# Attempts nobody bound: two failed (one old, one new), one old pass.
for (1 .. 2) { $s->clear_cookies; $s->take_quiz('citizen', '城厢街道', 1) }
$s->clear_cookies;
ok($s->pass_quiz('citizen', '城厢街道'), 'a pass');
my @att = map { $_->[0] } $s->sql('SELECT id FROM attempt ORDER BY id');
is(scalar @att, 3, 'three attempts');
$s->sql("UPDATE attempt SET started_at = NOW() - INTERVAL 800 DAY WHERE id IN ($att[0], $att[2])");

# Hazard reports: closed long ago, closed lately, open and old.
$s->sql("INSERT INTO hazard (jurisdiction_id, ref, category, description, region_id, status, contact_name, contact_phone, updated_at) "
    . "SELECT j.id, r, 'ebike', 'x', (SELECT MIN(id) FROM region), st, '某', '13800000001', NOW() - INTERVAL d DAY FROM jurisdiction j, "
    . "(SELECT 'AAAAAAA2' r, 'closed' st, 400 d UNION SELECT 'AAAAAAA3', 'closed', 100 UNION SELECT 'AAAAAAA4', 'assigned', 400) x "
    . "WHERE j.code = '330109'");
$s->sql("INSERT INTO hazard_addition (hazard_id, description, contact_phone) SELECT id, 'y', '13800000002' FROM hazard");
# Visits: one long past, one to come.
$s->sql("INSERT INTO station (jurisdiction_id, name, address) SELECT id, '站', 'x' FROM jurisdiction WHERE code = '330109'");
$s->sql("INSERT INTO visit_slot (station_id, starts_at, minutes, capacity, booked) SELECT id, NOW() - INTERVAL 400 DAY, 60, 10, 2 FROM station "
    . "UNION ALL SELECT id, NOW() + INTERVAL 4 DAY, 60, 10, 2 FROM station");
$s->sql("INSERT INTO visit_booking (slot_id, ref, name, phone, people) SELECT id, CONCAT('BBBBBBB', id + 1), '王', '13800000003', 2 FROM visit_slot");
# Trainings: one done long ago, one confirmed to come.
$s->sql("INSERT INTO training_booking (jurisdiction_id, ref, name, phone, organisation, region_id, address, headcount, topic, day1, part1, "
    . "status, starts_at, minutes) SELECT j.id, r, '李', '13800000006', '某小学', (SELECT MIN(id) FROM region), 'x', 30, 'basics', CURDATE(), 'am', "
    . "'confirmed', NOW() + INTERVAL d DAY, 60 FROM jurisdiction j, (SELECT 'CCCCCCC2' r, -400 d UNION SELECT 'CCCCCCC3', 4) x WHERE j.code = '330109'");
$s->sql("UPDATE training_booking SET status = 'done' WHERE ref = 'CCCCCCC2'");
# Notices and logs.
$s->sql("INSERT INTO notice (jurisdiction_id, kind, object_id, ref, phone, status, created_at) SELECT id, 'visit', 1, 'X', '13800000004', 'booked', "
    . "NOW() - INTERVAL 400 DAY FROM jurisdiction WHERE code = '330109' UNION ALL SELECT id, 'visit', 1, 'X', '13800000005', 'booked', NOW() "
    . "FROM jurisdiction WHERE code = '330109'");
$s->sql("INSERT INTO audit_log (jurisdiction_id, action, created_at) SELECT id, 'old', NOW() - INTERVAL 1200 DAY FROM jurisdiction "
    . "WHERE code = '330109' UNION ALL SELECT id, 'new', NOW() FROM jurisdiction WHERE code = '330109'");
# Lock rows (a browser's identity in their names): those of the three
# attempts' owners, made old, and a new one.
$s->sql("UPDATE db_claim SET used_at = NOW() - INTERVAL 800 DAY");
$s->sql("INSERT INTO db_claim (name) VALUES ('bluecode:b:new')");

# Written in clear above, sealed as every number is (shared/secret.c).
like($s->seal, qr{values of hazard\.contact_phone sealed}, 'the rows written in clear are sealed');
is(one("SELECT COUNT(*) FROM hazard WHERE contact_phone IS NOT NULL"), 0, 'and their clear numbers emptied');

my $out = `@{[ BlueCode::Test::bin() ]} -f $conf purge 2>&1`;
is($?, 0, 'the purge runs') or diag $out;
like($out, qr{^1 unbound attempts made anonymous \(older than 730 days\)$}m, 'it says what it did: one attempt');
like($out, qr{^1 hazard report contacts removed}m, 'one report contact');
like($out, qr{^1 hazard addition numbers removed}m, 'one addition number');
like($out, qr{^1 visit booking contacts removed}m, 'one booking contact');
like($out, qr{^1 notice numbers removed}m, 'one notice number');
like($out, qr{^1 training request contacts removed}m, 'one training contact');
like($out, qr{^1 audit log entries removed}m, 'one audit entry');
like($out, qr{^3 lock rows removed}m, 'the three old lock rows');
is(join(',', map { $_->[0] } $s->sql('SELECT name FROM db_claim')), 'bluecode:b:new', 'the new lock row stays');

is(one("SELECT CONCAT(ip = '', browser = UNHEX(REPEAT('00', 32))) FROM attempt WHERE id = $att[0]"), '11', 'the old unbound attempt is anonymous');
is(one("SELECT COUNT(*) FROM attempt"), 3, 'and still counts');
is(one("SELECT ip <> '' FROM attempt WHERE id = $att[1]"), 1, 'the new one is kept as it was');
is(one("SELECT ip <> '' FROM attempt WHERE id = $att[2]"), 1, 'so is the old one that earned a code');
is(one("SELECT GROUP_CONCAT(ref, ':', IF(contact_phone_enc IS NULL, '-', '+') ORDER BY ref) FROM hazard"),
    'AAAAAAA2:-,AAAAAAA3:+,AAAAAAA4:+', 'only the contact of the report closed long ago goes');
is(one("SELECT description FROM hazard WHERE ref = 'AAAAAAA2'"), 'x', 'what was reported stays');
is(one("SELECT COUNT(*) FROM hazard_addition WHERE contact_phone_enc IS NULL"), 1, 'and the number of its addition');
is(one("SELECT GROUP_CONCAT(phone_enc IS NULL AND phone_hash IS NULL ORDER BY id) FROM visit_booking"), '1,0', 'the past visit loses its contact, not the coming one');
is(one("SELECT SUM(people) FROM visit_booking"), 4, 'the people stay');
is(one("SELECT GROUP_CONCAT(ref, ':', IF(phone_enc IS NULL, '-', '+') ORDER BY ref) FROM training_booking"), 'CCCCCCC2:-,CCCCCCC3:+',
    'the training done long ago loses its contact, not the one to come');
is(one("SELECT GROUP_CONCAT(IF(phone_enc IS NULL, '-', '+') ORDER BY id) FROM notice"), '-,+', 'the old notice loses its number');
is(one("SELECT GROUP_CONCAT(action) FROM audit_log WHERE action IN ('old', 'new')"), 'new', 'the old audit entry goes');

$out = `@{[ BlueCode::Test::bin() ]} -f $conf purge 2>&1`;
is($?, 0, 'a second run');
is(scalar(() = $out =~ /^0 /mg), 10, 'finds nothing of any kind') or diag $out;
done_testing();
