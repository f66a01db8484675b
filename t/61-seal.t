# Sealing the personal data of a database older than migration 030: a
# stack is built at migration 029 with rows in clear (an account, a
# unit's invitation, a visit, a hazard report and its addition, a
# training request, an aid application with its ID-card scan, notices);
# `bluecode migrate` then `bluecode seal` move every value into its sealed
# column and empty the clear one; the site reads them all again, matches
# typed numbers, and the raw tables hold none of them. A second seal
# finds nothing to do.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Temp qw(tempdir);
use BlueCode::Test;

my $src = BlueCode::Test::src();
my $bin = BlueCode::Test::bin();
my $old = tempdir('bluecode-sql029-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my @files = grep { m{/(\d{3})_[^/]+\.sql$} && $1 <= 29 } glob("$src/sql/[0-9][0-9][0-9]_*.sql");
system('cp', @files, $old) == 0 or die;
# The question bank's and courses' schemas live beside them. No bank is
# loaded: this program writes a bank's English (033), which 029 has no
# column for, and sealing needs none.
-d "$src/sql/$_" && symlink("$src/sql/$_", "$old/$_") for qw(course geo);
mkdir "$old/bank" or die;
symlink("$src/sql/bank/bank.rng", "$old/bank/bank.rng");
my $s = BlueCode::Test->start(workers => 1, dev => 1, set => [ "sql_dir = $old" ], banks => "$old/bank");
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $dir = $s->dir;
my $conf = "$dir/conf/bluecode.conf";
is(one('SELECT MAX(version) FROM schema_migration'), 29, 'a database at migration 029');
like(`$bin -f $conf seal 2>&1`, qr{nothing to seal before migration 030}, 'seal waits for the migration');

# Rows in clear, as 029 kept them.
my $jur = one("SELECT id FROM jurisdiction WHERE code = '330109'");
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
my %num = (person => '13722220001', invite => '13722220002', visit => '13722220003', hazard => '13722220004',
    addition => '13722220005', training => '13722220006', aid => '13722220007');
my ($idno, $pidno, $account) = ('330109197001010012', '33010920100101002X', '6228480012345678901');
my $jpeg = do { open my $fh, '<:raw', "$src/t/data/aid-scan.jpg" or die; local $/; <$fh> };
$s->sql("INSERT INTO person (phone, pw_hash, name) SELECT '$num{person}', pw_hash, '旧用户' FROM admin WHERE login = 'admin'");
my $pid = one("SELECT id FROM person WHERE phone = '$num{person}'");
$s->sql("INSERT INTO unit (jurisdiction_id, name, department_id, region_id, headcount, join_code, status, created_by) "
    . "VALUES ($jur, '旧单位', (SELECT MIN(id) FROM department), $cx, 10, 'ZZZZ4444', 'active', $pid)");
my $unit = one("SELECT id FROM unit WHERE name = '旧单位'");
$s->sql("INSERT INTO unit_invite (unit_id, phone, name) VALUES ($unit, '$num{invite}', '受邀人')");
$s->sql("INSERT INTO station (jurisdiction_id, name, address) VALUES ($jur, '旧站', 'x')");
$s->sql("INSERT INTO visit_slot (station_id, starts_at, minutes, capacity, booked) SELECT id, NOW() + INTERVAL 3 DAY, 60, 10, 2 FROM station");
$s->sql("INSERT INTO visit_booking (slot_id, ref, name, phone, people) SELECT id, 'VVVVVVV2', '来访者', '$num{visit}', 2 FROM visit_slot");
$s->sql("INSERT INTO hazard (jurisdiction_id, ref, category, description, region_id, status, contact_name, contact_phone) "
    . "VALUES ($jur, 'HHHHHHH2', 'ebike', '旧报告', $cx, 'new', '报告人', '$num{hazard}')");
$s->sql("INSERT INTO hazard_addition (hazard_id, description, contact_phone) SELECT id, '补充', '$num{addition}' FROM hazard");
$s->sql("INSERT INTO training_booking (jurisdiction_id, ref, name, phone, organisation, region_id, address, headcount, topic, day1, part1) "
    . "VALUES ($jur, 'TTTTTTT2', '联系人', '$num{training}', '旧学校', $cx, 'x', 30, 'basics', CURDATE() + INTERVAL 10 DAY, 'am')");
$s->sql("INSERT INTO aid_application (jurisdiction_id, region_id, ref, applicant_name, applicant_phone, applicant_idno, relation, "
    . "patient_name, patient_idno, incident_date, incident_place, story, hospital, costs, bank_name, account_holder, account_number) "
    . "VALUES ($jur, $cx, 'AAAAAAA2', '申请人', '$num{aid}', '$idno', 'parent', '患者', '$pidno', CURDATE() - INTERVAL 3 DAY, 'x', "
    . "'经过', '医院', 100000, '建设银行萧山支行', '申请人', '$account')");
my $aid = one("SELECT id FROM aid_application WHERE ref = 'AAAAAAA2'");
$s->sql("INSERT INTO aid_document (application_id, jpeg, width, height) VALUES ($aid, UNHEX('" . unpack('H*', $jpeg) . "'), 10, 10)");
$s->sql("INSERT INTO notice (jurisdiction_id, kind, object_id, ref, phone, status) VALUES ($jur, 'visit', 1, 'VVVVVVV2', '$num{visit}', 'booked')");
my $dump = `mariadb-dump --no-defaults --socket=$dir/run/mariadb.sock -u root --skip-extended-insert bluecode 2>/dev/null`;
ok((grep { $dump =~ /$_/ } values %num) == keys %num, 'the numbers are in clear before');

# Migrate and seal, as contrib/stack does (the configuration's sql_dir
# pointed at the old migrations; this one at all of them).
{
	open my $in, '<', $conf or die;
	my $text = join '', grep { !/^sql_dir = \Q$old\E$/ } <$in>;
	open my $o, '>', "$dir/new.conf" or die;
	print $o $text, "sql_dir = $src/sql\n";
}
my $out = `$bin -f $dir/new.conf migrate 2>&1`;
is($?, 0, 'migrate to the newest') or diag $out;
is(one('SELECT MAX(version) FROM schema_migration'), one('SELECT MAX(version) FROM schema_migration WHERE version >= 30'),
    'migration 030 and later applied');
$out = `$bin -f $dir/new.conf seal 2>&1`;
is($?, 0, 'seal runs') or diag $out;
like($out, qr{^1 values of person\.phone sealed$}m, 'the account');
like($out, qr{^1 values of aid_application\.account_number sealed$}m, 'the bank account');
like($out, qr{^1 values of aid_document\.jpeg sealed$}m, 'the ID-card scan');
$out = `$bin -f $dir/new.conf seal 2>&1`;
is($?, 0, 'a second seal');
is($out, '', 'finds nothing left in clear');
$dump = `mariadb-dump --no-defaults --socket=$dir/run/mariadb.sock -u root --skip-extended-insert --hex-blob bluecode 2>/dev/null`;
ok(length $dump > 10000, 'a dump of the database');
for my $k (sort keys %num) {
	unlike($dump, qr{$num{$k}|@{[ unpack('H*', $num{$k}) ]}}i, "the $k number is gone from it");
}
unlike($dump, qr{\Q$idno\E|\Q$pidno\E|$account|@{[ uc unpack('H*', substr($jpeg, 0, 64)) ]}}, 'so are the ID numbers, the account, the scan');
is(one("SELECT COUNT(*) FROM aid_application WHERE COALESCE(applicant_phone, applicant_idno, patient_idno, bank_name, "
    . "account_holder, account_number) IS NOT NULL"), 0, 'the clear columns are emptied');

# The site reads them again: a new generation of workers, on the new schema.
my @workers = $s->worker_pids;
kill 'HUP', $s->pid('bluecode');
ok($s->wait_until(20, sub { my %w = map { $_ => 1 } $s->worker_pids; keys %w && !grep { $w{$_} } @workers }),
    'the master reloads: new workers');
my $res = $s->post('/account/login', { csrf => $s->csrf('/account'), phone => $num{person}, password => $s->admin_password });
is($res->{status}, 303, 'the old account signs in by its number');
like($s->get('/account')->{content}, qr{<dd>$num{person}</dd>}, 'and reads it');
$s->clear_cookies;
is($s->post('/account/register', { csrf => $s->csrf('/account'), phone => $num{invite}, password => 'seal-pass-1' })->{status}, 303,
    'the invited number registers');
is(one("SELECT unit_id FROM unit_member WHERE person_id = @{[ $s->person_id($num{invite}) ]}"), $unit, 'into the unit that invited it');
$s->clear_cookies;
like($s->get('/visits/b/VVVVVVV2')->{content}, qr{137\*\*\*\*0003}, 'the old booking, its number masked');
is($s->post('/visits/b/VVVVVVV2/cancel', { csrf => $s->csrf('/account'), phone => $num{visit} })->{status}, 303,
    'cancelled with its number');
like($s->post('/aid/r/AAAAAAA2', { csrf => $s->csrf('/account'), phone => $num{aid} })->{content},
    qr{137\*\*\*\*0007.*6228\*{11}8901}s, 'the old application tracked by its number');
$s->admin_login;
my $acsrf = $s->csrf('/admin');
$res = $s->post("/admin/aid/$aid/show", { csrf => $acsrf, why => '迁移后核对' });
like($res->{content}, qr{$num{aid}.*\Q$idno\E.*\Q$pidno\E.*建设银行萧山支行.*$account}s, 'the office reads the application');
my ($doc) = $res->{content} =~ m{/admin/aid/documents/(\d+)};
is($s->get("/admin/aid/documents/$doc")->{content}, $jpeg, 'and its scan, as it was');
my $hid = one("SELECT id FROM hazard WHERE ref = 'HHHHHHH2'");
like($s->post("/admin/hazards/$hid/show", { csrf => $acsrf, why => '迁移后核对' })->{content}, qr{$num{hazard}.*$num{addition}}s,
    'and the hazard contacts');
my $tid = one("SELECT id FROM training_booking WHERE ref = 'TTTTTTT2'");
like($s->post("/admin/training/$tid/show", { csrf => $acsrf, why => '迁移后核对' })->{content}, qr{tel:$num{training}},
    'and the training contact');
done_testing();
