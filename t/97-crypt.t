# Personal data at rest (shared/secret.c, shared/rekey.c): after a
# resident's whole round (an account by phone, a unit's invitation, a
# visit, a hazard report with a contact, a training request, an aid
# application with ID numbers, a bank account and an ID-card scan, their
# notices) a dump of the database holds none of the numbers; signing in
# by phone, the UNIQUE key on the hash, the tracking pages that match a
# typed number, the invitation, /account/data and the verification page
# still work; the key file must be the owner's alone; a key rotation with
# the service running leaves every value readable and none under the old
# key, goes on where it stopped, and the old key is then dropped.
use strict;
use warnings;
use utf8;
use Test::More;
use MIME::Base64 qw(decode_base64);
use BlueCode::Test qw(form_value idno);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $dir = $s->dir;
my $conf = "$dir/conf/bluecode.conf";
my $bin = BlueCode::Test::bin();
$s->small_bank(3);
sub keyfile { open my $fh, '<', "$dir/data.key" or die; local $/; <$fh> }
sub dump_db { scalar `mariadb-dump --no-defaults --socket=$dir/run/mariadb.sock -u root --skip-extended-insert --hex-blob bluecode 2>/dev/null` }

# The key file: made by the stack on first run, the owner's alone.
my @st = stat("$dir/data.key");
ok(@st, 'contrib/stack made the data key file');
is(sprintf('%04o', $st[2] & 07777), '0600', 'mode 0600');
like(keyfile(), qr{^index [0-9a-f]{64}$}m, 'with an index key');
like(keyfile(), qr{^key 1 [0-9a-f]{64}$}m, 'and data key 1');
is(system("$bin -f $conf keygen"), 0, 'keygen again is harmless');
like(keyfile(), qr{^key 1 }m, 'and keeps the keys');
{
	system('cp', "$dir/data.key", "$dir/open.key") == 0 or die;
	chmod 0640, "$dir/open.key";
	open my $in, '<', $conf or die;
	my $text = do { local $/; <$in> };
	open my $o, '>', "$dir/open.conf" or die;
	print $o $text, "data_key_file = $dir/open.key\npid_file = $dir/open.pid\nlisten = $dir/open.sock\nlog_file = $dir/open.log\n";
	close $o;
	my $out = `$bin -f $dir/open.conf phone-hash 13800000000 2>&1`;
	isnt($?, 0, 'a key file others may read is refused');
	like($out, qr{data_key_file \Q$dir\E/open\.key: mode 640: .*chmod 600}, 'saying why and what to do');
	$out = `timeout 20 $bin -f $dir/open.conf serve 2>&1`;
	isnt($?, 0, 'the service does not start with it');
	$out .= do { open my $l, '<', "$dir/open.log" or die; local $/; <$l> };
	like($out, qr{mode 640.*cannot start without the data keys}s, 'and says so');
	ok(!-e "$dir/open.sock", 'nor listens');
}

like($s->get('/privacy')->{content}, qr{在数据库中加密保存，密钥与数据库分开保管}, 'the privacy notice says so');

# A resident's round.
my %num = (account => '13811110001', invite => '13811110002', visit => '13811110003', hazard => '13811110004',
    training => '13811110005', aid => '13811110006');
my $id_a = idno('33010919750303004');
my $id_p = idno('33010920120606005');
my $account = '6222029876543210987';
my $csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => $num{account}, password => 'crypt-pass-1', name => '孔明' })->{status}, 303,
    'a resident registers by phone');
my $pid = $s->person_id($num{account});
ok($pid, 'found by the keyed hash of the number');
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
$s->sql("INSERT INTO unit (jurisdiction_id, name, department_id, region_id, headcount, join_code, status, created_by) "
    . "SELECT j.id, '卧龙小学', (SELECT MIN(id) FROM department), $cx, 30, 'ZZZZ3333', 'active', $pid FROM jurisdiction j WHERE j.code = '330109'");
my $unit = one("SELECT id FROM unit WHERE name = '卧龙小学'");
$s->sql("INSERT INTO unit_member (person_id, unit_id, is_admin, status) VALUES ($pid, $unit, 1, 'active')");
is($s->post_multipart('/unit/invites', [ csrf => $s->csrf('/account'), file => [ 'staff.csv', "姓名,手机号\n黄月英,$num{invite}\n" ] ])->{status},
    303, 'the unit admin invites a number');
$s->sql("INSERT INTO station (jurisdiction_id, name, address) SELECT id, '城南消防站', '育才路 2 号' FROM jurisdiction WHERE code = '330109'");
$s->sql("INSERT INTO visit_slot (station_id, starts_at, minutes, capacity) SELECT id, NOW() + INTERVAL 5 DAY, 60, 10 FROM station");
my $slot = one('SELECT id FROM visit_slot');
my $res = $s->post("/visits/slots/$slot", { csrf => $s->csrf('/account'), name => '孔明', phone => $num{visit}, people => 3 });
is($res->{status}, 303, 'books a visit');
my ($vref) = ($res->{headers}{location} // '') =~ m{/visits/b/([A-Z0-9]{8})$};
$res = $s->post_multipart('/hazards', [ csrf => $s->csrf('/account'), category => 'fire-lane', address => '城厢街道育才路 9 号',
    description => '消防通道堆放杂物', name => '孔明', phone => $num{hazard} ]);
is($res->{status}, 303, 'reports a hazard with a contact');
my %train = (name => '孔明', phone => $num{training}, organisation => '卧龙小学', region => $cx, address => '育才路 3 号',
    headcount => 40, topic => 'basics', part1 => 'am');
my $tref;
for my $d (4 .. 20) {
	my $day = one("SELECT CURDATE() + INTERVAL $d DAY");
	$res = $s->post('/training', { csrf => $s->csrf('/account'), %train, day1 => $day });
	last if $res->{status} == 303;
}
is($res->{status}, 303, 'asks for a training');
($tref) = ($res->{headers}{location} // '') =~ m{/training/r/([A-Z0-9]{8})$};
my $jpeg = do { open my $fh, '<:raw', BlueCode::Test::src() . '/t/data/aid-scan.jpg' or die; local $/; <$fh> };
my %aid = (name => '孔明', phone => $num{aid}, idno => $id_a, relation => 'parent', patient => '孔瞻', patient_idno => $id_p,
    date => one('SELECT CURDATE() - INTERVAL 5 DAY'), region => $cx, place => '城厢街道育才路 9 号', story => '厨房起火。',
    hospital => '萧山区第一人民医院', costs => '8000.00', reimbursed => '1000.00', bank => '中国农业银行萧山支行',
    holder => '孔明', account => $account);
$res = $s->post_multipart('/aid', [ csrf => $s->csrf('/account'), (map { ($_ => $aid{$_}) } sort keys %aid), doc => [ 'id.jpg', $jpeg ] ]);
is($res->{status}, 303, 'applies for burn-injury aid with an ID-card scan');
my ($aref) = ($res->{headers}{location} // '') =~ m{/aid/r/([A-Z0-9]{8})$};
my $aid_id = one("SELECT id FROM aid_application WHERE ref = '$aref'");
ok(one('SELECT COUNT(*) FROM notice') >= 4, 'with their notices');

# The raw tables: nothing in clear.
my $dump = dump_db();
ok(length $dump > 10000, 'a dump of the database');
for my $k (sort keys %num) {
	unlike($dump, qr{$num{$k}}, "no $k number in it");
	my $hex = unpack('H*', $num{$k});
	unlike($dump, qr{$hex}i, "not even as hex");
}
unlike($dump, qr{\Q$id_a\E|\Q$id_p\E}, 'no ID number');
unlike($dump, qr{$account}, 'no bank account');
unlike($dump, qr{农业银行}, 'no bank name');
is(one("SELECT COUNT(*) FROM aid_document WHERE HEX(LEFT(jpeg, 2)) = 'FFD8'"), 0, 'no ID-card scan in clear');
is(one("SELECT COUNT(*) FROM person WHERE phone IS NOT NULL") + one("SELECT COUNT(*) FROM visit_booking WHERE phone IS NOT NULL"), 0,
    'the clear columns are empty');
is(one("SELECT LENGTH(phone_enc) FROM person WHERE id = $pid"), 1 + 24 + 11 + 16, 'a number sealed: key id, nonce, text, tag');

# Everything still works through the site.
$s->clear_cookies;
$res = $s->post('/account/login', { csrf => $s->csrf('/account'), phone => $num{account}, password => 'crypt-pass-1' });
is($res->{status}, 303, 'signing in by phone');
like($s->get('/account')->{content}, qr{<dd>$num{account}</dd>}, 'the account page shows the owner their number');
$s->clear_cookies;
$res = $s->post('/account/register', { csrf => $s->csrf('/account'), phone => $num{account}, password => 'crypt-pass-2' });
like($res->{content}, qr{这个手机号已经注册}, 'the number registered twice is refused (UNIQUE on its hash)');
is(one("SELECT COUNT(*) FROM person WHERE phone_hash = @{[ $s->phone_hash($num{account}) ]}"), 1, 'once in the table');
ok($s->sql_refused("INSERT INTO person (phone_hash, pw_hash) SELECT phone_hash, 'x' FROM person WHERE id = $pid"),
    'the database itself refuses a second row of the hash');
is($s->post('/account/register', { csrf => $s->csrf('/account'), phone => $num{invite}, password => 'crypt-pass-3', name => '黄月英' })->{status},
    303, 'the invited number registers');
is(one("SELECT m.unit_id FROM unit_member m WHERE m.person_id = @{[ $s->person_id($num{invite}) ]} AND m.status = 'active'"), $unit,
    'and takes the place the invitation kept');
$s->clear_cookies;
like($s->get("/visits/b/$vref")->{content}, qr{138\*\*\*\*0003}, "the booking's page masks its number");
is($s->post("/visits/b/$vref/cancel", { csrf => $s->csrf('/account'), phone => '13811119999' })->{status}, 403,
    'cancelling with another number: 403');
is($s->post("/visits/b/$vref/cancel", { csrf => $s->csrf('/account'), phone => $num{visit} })->{status}, 303,
    'cancelled with its number (matched by its hash)');
is($s->post("/training/r/$tref/cancel", { csrf => $s->csrf('/account'), phone => '13811119999' })->{status}, 403,
    'a training: another number refused');
like($s->post("/aid/r/$aref", { csrf => $s->csrf('/account'), phone => $num{aid} })->{content},
    qr{138\*\*\*\*0006.*330\*{11}.*6222\*{11}0987}s, 'the aid tracking page by its number, masked');
$s->admin_login;
my $acsrf = $s->csrf('/admin');
like($s->get("/admin/people?phone=$num{account}")->{content}, qr{138\*\*\*\*0001}, 'the office finds a person by the full number');
$res = $s->post("/admin/aid/$aid_id/show", { csrf => $acsrf, why => '核对账户' });
like($res->{content}, qr{\Q$id_a\E.*\Q$id_p\E.*农业银行.*$account}s, 'the office opens the application');
my ($doc) = $res->{content} =~ m{<img src="/admin/aid/documents/(\d+)"};
is(substr($s->get("/admin/aid/documents/$doc")->{content}, 0, 3), "\xff\xd8\xff", 'and its scan, a JPEG again');

# The owner's data and the public surfaces.
$s->clear_cookies;
$s->post('/account/login', { csrf => $s->csrf('/account'), phone => $num{account}, password => 'crypt-pass-1' });
my $data = $s->get('/account/data.json')->{content};
like($data, qr{"phone":\s*"$num{account}"}, '/account/data gives the owner their number');
like($data, qr{$num{visit}.*$num{training}.*$num{aid}}s, 'and those of their bookings and applications');
my $code = $s->pass_quiz('citizen', '城厢街道');
my ($tok) = $s->get("/my/$code")->{content} =~ m{href="/v/([\w-]{120})"};
ok($tok, 'a code, with its token');
$s->clear_cookies;
my $v = $s->get("/v/$tok")->{content};
like($v, qr{持有人</dt><dd>孔\*</dd>}, 'the verification page: the holder masked');
like($v, qr{138\*\*\*\*0001}, 'the number masked');
unlike($v, qr{孔明|$num{account}}, 'neither in full');
(my $b64 = $tok) =~ tr{-_}{+/};
my $raw = decode_base64($b64);
is(length $raw, 26 + 64, 'the token: payload and signature only');
unlike($raw, qr{$num{account}|孔}, 'no personal data in it');

# A reload reads the key file again: one others may read is refused and
# the running workers carry on.
{
	my @workers = $s->worker_pids;
	chmod 0644, "$dir/data.key";
	kill 'HUP', $s->pid('bluecode');
	ok($s->wait_until(20, sub { $s->log_text('bluecode.log') =~ /reload: a module could not load its data/ }),
	    'a reload with a key file others may read is refused');
	like($s->log_text('bluecode.log'), qr{data_key_file \S+/data\.key: mode 644}, 'the log says why');
	is_deeply([ sort $s->worker_pids ], [ sort @workers ], 'the running workers stay');
	is($s->get('/account')->{status}, 200, 'and serve');
	chmod 0600, "$dir/data.key";
}

# Key rotation with the service running.
my %before = map { $_ => one("SELECT COUNT(*) FROM $_") } qw(person notice aid_application);
my $old_hex = one("SELECT HEX(phone_enc) FROM person WHERE id = $pid");
my $hash = $s->phone_hash($num{account});
my $master = $s->pid('bluecode');
my $out = `$bin -f $conf rekey 2>&1`;
is($?, 0, 'rekey runs') or diag $out;
like($out, qr{key 2 added, now current}, 'a new key, current');
like($out, qr{master $master reloading}, 'the running master told to reload');
like($out, qr{values of person\.phone sealed under key 2}, 'the values sealed again');
like(keyfile(), qr{^key 1 .*^key 2 }ms, 'the file keeps both keys for now');
is(one("SELECT COUNT(*) FROM person WHERE phone_enc IS NOT NULL AND ASCII(phone_enc) <> 2")
    + one("SELECT COUNT(*) FROM aid_application WHERE ASCII(account_number_enc) <> 2 OR ASCII(applicant_idno_enc) <> 2")
    + one("SELECT COUNT(*) FROM aid_document WHERE ASCII(jpeg) <> 2")
    + one("SELECT COUNT(*) FROM notice WHERE phone_enc IS NOT NULL AND ASCII(phone_enc) <> 2"), 0, 'none left under key 1');
is($s->phone_hash($num{account}), $hash, 'the hashes stay (the index key is not rotated)');
is($s->post('/account/login', { csrf => $s->csrf('/account'), phone => $num{account}, password => 'crypt-pass-1' })->{status}, 303,
    'signing in still works');
like($s->get('/account')->{content}, qr{<dd>$num{account}</dd>}, 'and the number reads');
$s->clear_cookies;
is($s->post('/account/register', { csrf => $s->csrf('/account'), phone => '13811110007', password => 'crypt-pass-4' })->{status}, 303,
    'a new account');
is(one("SELECT ASCII(phone_enc) FROM person WHERE phone_hash = @{[ $s->phone_hash('13811110007') ]}"), 2,
    'is sealed under the new key');

# An interrupted rotation goes on where it stopped; the old key stays
# until nothing needs it.
$s->sql("UPDATE person SET phone_enc = UNHEX('$old_hex') WHERE id = $pid");
$out = `$bin -f $conf rekey --drop-old 2>&1`;
isnt($?, 0, 'the old key is not dropped while a value needs it');
like($out, qr{1 values still under older keys}, 'saying how many');
$out = `$bin -f $conf rekey 2>&1`;
is($?, 0, 'rekey again') or diag $out;
like($out, qr{rotation to key 2 under way: 1 values to go}, 'goes on with the rotation, no new key');
unlike(keyfile(), qr{^key 3 }m, 'none added');
is(one("SELECT ASCII(phone_enc) FROM person WHERE id = $pid"), 2, 'the value left behind is done');
$out = `$bin -f $conf rekey --drop-old 2>&1`;
is($?, 0, 'the old key dropped') or diag $out;
unlike(keyfile(), qr{^key 1 }m, 'key 1 is gone from the file');
like(keyfile(), qr{^key 2 }m, 'key 2 stays');
is(sprintf('%04o', (stat("$dir/data.key"))[2] & 07777), '0600', 'the file still 0600');
$s->clear_cookies;
is($s->post('/account/login', { csrf => $s->csrf('/account'), phone => $num{account}, password => 'crypt-pass-1' })->{status}, 303,
    'signing in after the old key is gone');
like($s->get('/account')->{content}, qr{<dd>$num{account}</dd>}, 'the number reads');
like($s->get('/account/data.json')->{content}, qr{$num{visit}.*$num{aid}}s, 'and everything of theirs');
$s->admin_login;
like($s->post("/admin/aid/$aid_id/show", { csrf => $s->csrf('/admin'), why => '复核' })->{content}, qr{\Q$id_a\E.*$account}s,
    'the office still opens the application');

# For several hosts: the key first (the file copied to each), then the
# values.
$s->clear_cookies;
$s->post('/account/login', { csrf => $s->csrf('/account'), phone => $num{account}, password => 'crypt-pass-1' });
$out = `$bin -f $conf rekey --add 2>&1`;
is($?, 0, 'rekey --add') or diag $out;
like($out, qr{key 3 added, now current.*bluecode rekey seals them under key 3}s, 'adds key 3 and stops');
is(one("SELECT COUNT(*) FROM person WHERE ASCII(phone_enc) = 3"), 0, 'the values not moved yet');
like($s->get('/account')->{content}, qr{<dd>$num{account}</dd>}, 'and still read');
$out = `$bin -f $conf rekey 2>&1`;
like($out, qr{rotation to key 3 under way}, 'then rekey moves them');
is(one("SELECT COUNT(*) FROM person WHERE phone_enc IS NOT NULL AND ASCII(phone_enc) <> 3"), 0, 'every one');
is(system("$bin -f $conf rekey --drop-old >/dev/null 2>&1"), 0, 'and key 2 is dropped');
like(keyfile(), qr{\A(?:#[^\n]*\n)?index [0-9a-f]{64}\nkey 3 [0-9a-f]{64}\n\z}, 'the file: the index key and key 3');
like($s->get('/account')->{content}, qr{<dd>$num{account}</dd>}, 'the number reads');
is_deeply({ map { $_ => one("SELECT COUNT(*) FROM $_") } qw(person notice aid_application) }, { %before, person => $before{person} + 1 },
    'no row lost or doubled');
unlike(dump_db(), qr{$num{account}|\Q$id_a\E|$account}, 'and the dump still holds none of it');
done_testing();
