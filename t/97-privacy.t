# A person's rights (privacy/): the privacy notice states the retention
# periods of the configuration; a signed-in person sees everything held
# about them (account, codes, attempts, points, reports, bookings,
# notices) and downloads it as JSON and CSV; deleting the account needs
# the box and the password, refuses the only admin of a unit with
# members, and then leaves nothing personal: a dump of the database
# holds neither their number nor their name, their code still verifies
# as "holder account deleted", their report keeps what was reported,
# their visit still to come is cancelled and its places freed.
use strict;
use warnings;
use utf8;
use Test::More;
use JSON::PP ();
use Encode ();
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
$s->small_bank(3);

my $page = $s->get('/privacy')->{content};
like($page, qr{未注册账号、也未领到蓝码的答题记录：730 天后删除}, 'the notice states the retention of the configuration');
like($s->get('/')->{content}, qr{href="/privacy"}, 'every page links to it');
is($s->get('/account/data')->{status}, 303, 'my data needs a signed-in person');

# A resident with something of everything.
my $phone = '13712345678';
my $csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => $phone, password => 'fire-safety-1', name => '钱七' })->{status}, 303,
    'a resident registers');
my $code = $s->pass_quiz('citizen', '城厢街道');
ok($code, 'passes the quiz');
my ($tok) = $s->get("/my/$code")->{content} =~ m{href="/v/([\w-]{120})"};
like($s->get("/v/$tok")->{content}, qr{持有人.*钱\*}s, 'the code verifies, the holder masked');
$csrf = $s->csrf('/account');
my $res = $s->post_multipart('/hazards', [ csrf => $csrf, category => 'fire-lane', address => '城厢街道育才路 8 号',
    description => '消防车通道被占<b>', name => '钱七', phone => $phone ]);
is($res->{status}, 303, 'files a hazard report with a contact');
my $hid = one("SELECT MAX(id) FROM hazard WHERE contact_phone_enc IS NOT NULL");
$s->sql("INSERT INTO station (jurisdiction_id, name, address) SELECT id, '城北消防站', '育才路 1 号' FROM jurisdiction WHERE code = '330109'");
$s->sql("INSERT INTO visit_slot (station_id, starts_at, minutes, capacity) SELECT id, NOW() + INTERVAL 5 DAY, 60, 10 FROM station");
my $slot = one('SELECT id FROM visit_slot');
$res = $s->post("/visits/slots/$slot", { csrf => $csrf, name => '钱七', phone => $phone, people => 3 });
is($res->{status}, 303, 'books a visit');
is(one("SELECT booked FROM visit_slot WHERE id = $slot"), 3, 'three places taken');

$page = $s->get('/account/data')->{content};
like($page, qr{<h2 id="part-account">账号.*$phone.*钱七}s, 'my data: the account');
like($page, qr{<h2 id="part-codes">蓝码<span class="note">（1）}, 'the code');
like($page, qr{<h2 id="part-attempts">答题记录<span class="note">（1）}, 'the attempt');
like($page, qr{<h2 id="part-hazards">隐患曝光<span class="note">（1）.*消防车通道被占&lt;b&gt;}s, 'the report, escaped');
like($page, qr{<h2 id="part-visits">消防站参观预约<span class="note">（1）.*城北消防站}s, 'the booking');
like($page, qr{<h2 id="part-notices">办事进度通知<span class="note">（2）}, 'the notices');
like($page, qr{<h2 id="part-points">学习积分<span class="note">（[1-9]}, 'the points');
$res = $s->get('/account/data.json');
is($res->{status}, 200, 'the JSON download');
like($res->{headers}{'content-type'}, qr{^application/json}, 'as JSON');
like($res->{headers}{'content-disposition'}, qr{attachment; filename="bluecode-my-data.json"}, 'to keep');
my $json = eval { my $c = $res->{content}; utf8::encode($c) if utf8::is_utf8($c); JSON::PP->new->utf8->decode($c) };
ok($json, 'which parses') or diag($@);
is($json->{account}[0]{phone}, $phone, 'with the number');
is($json->{hazards}[0]{description}, '消防车通道被占<b>', 'the report as written');
is(scalar @{ $json->{codes} }, 1, 'and the code');
$res = $s->get('/account/data.csv');
like($res->{headers}{'content-type'}, qr{^text/csv}, 'the CSV download');
my $csv = $res->{content}; $csv = Encode::decode('UTF-8', $csv) unless utf8::is_utf8($csv);
like($csv, qr{^\x{FEFF}类别,序号,项目,内容\r\n}, 'with its header');
like($csv, qr{\r\n账号,1,手机号,$phone\r\n}, 'a line a value');

# In English (xslt/l10n/en/privacy*.xml, notice.xml): the notice, my
# data with its parts and columns, the CSV's header and names, and the
# progress of my requests; the data itself stays as it is.
{
	my $en = { 'Accept-Language' => 'en' };
	my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
	my $committee = one("SELECT committee FROM jurisdiction WHERE code = '330109'") // '';
	my $ui = sub {
		my ($html) = @_;
		my ($main) = $html =~ m{<main>(.*)</main>}s;
		$main //= '';
		$main =~ s{<td class="text">[^<]*</td>}{}g;
		$main =~ s{\Q$committee\E}{}g if $committee ne '';
		return $main;
	};
	$page = $s->get('/privacy', $en)->{content};
	like($page, qr{<html lang="en">}, 'English: the privacy notice says so');
	like($page, qr{<title>Privacy notice · Blue Code</title>}, 'its title');
	like($page, qr{Quiz records with no account and no blue code: deleted after 730 days\.},
	    'the retention of the configuration, in English');
	unlike($ui->($page), $cjk, 'no Chinese left in its interface');
	$page = $s->get('/account/data', $en)->{content};
	like($page, qr{<title>My personal information · Blue Code</title>}, 'my data: the title');
	like($page, qr{<h2 id="part-codes">Blue codes<span class="note"> \(1\)</span></h2>}, 'a part, counted');
	like($page, qr{<th scope="col">Mobile number</th>}, 'the columns');
	like($page, qr{<button type="submit" class="button danger">Close your account</button>}, 'closing the account');
	unlike($ui->($page), $cjk, 'no Chinese left in its interface');
	my $csv = $s->get('/account/data.csv', $en)->{content};
	$csv = Encode::decode('UTF-8', $csv) unless utf8::is_utf8($csv);
	like($csv, qr{^\x{FEFF}Part,Row,Item,Value\r\n}, 'the English CSV: its header, after the byte-order mark');
	like($csv, qr{\r\nAccount,1,Mobile number,$phone\r\n}, 'a line a value, named in English');
	$page = $s->get('/my', $en)->{content};
	like($page, qr{<h2 id="my-notices-h">My requests</h2>}, 'my requests in English');
	like($page, qr{Hazard report <a href="/hazards/r/\w+">\w+</a>: <strong>Sent, waiting to be checked</strong>},
	    'a report and its status');
}

# Deleting.
$csrf = $s->csrf('/account/data');
is($s->post('/account/delete', { password => 'fire-safety-1', confirm => 1 })->{status}, 403, 'without CSRF: 403');
is($s->post('/account/delete', { csrf => $csrf, password => 'fire-safety-1' })->{status}, 400, 'without the box ticked: 400');
is($s->post('/account/delete', { csrf => $csrf, password => 'wrong-password', confirm => 1 })->{status}, 403, 'a wrong password: 403');
is(one("SELECT COUNT(*) FROM person WHERE phone_hash = @{[ $s->phone_hash($phone) ]}"), 1, 'nothing deleted');

# The only admin of a unit with members is asked to hand over first.
my $pid = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash($phone) ]}");
$s->sql("INSERT INTO person (phone, pw_hash, name) VALUES ('13700000002', 'x', '成员')");
$s->seal;
$s->sql("INSERT INTO unit (jurisdiction_id, name, department_id, region_id, headcount, join_code, status, created_by) "
    . "SELECT j.id, '育才小学', (SELECT MIN(id) FROM department), (SELECT MIN(id) FROM region), 30, 'ZZZZ2222', 'active', $pid "
    . "FROM jurisdiction j WHERE j.code = '330109'");
my $unit = one("SELECT id FROM unit WHERE name = '育才小学'");
$s->sql("INSERT INTO unit_member (person_id, unit_id, is_admin, status) VALUES ($pid, $unit, 1, 'active'), "
    . "((SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13700000002') ]}), $unit, 0, 'active')");
$res = $s->post('/account/delete', { csrf => $csrf, password => 'fire-safety-1', confirm => 1 });
is($res->{status}, 409, 'the only admin of a unit with members: 409');
like($res->{content}, qr{请先在“我的单位”里把管理员移交给其他成员}, 'says what to do');
$s->sql("UPDATE unit_member SET is_admin = 1 WHERE unit_id = $unit");

$res = $s->post('/account/delete', { csrf => $csrf, password => 'fire-safety-1', confirm => 1 });
is($res->{status}, 303, 'the account is deleted');
like($res->{headers}{location} // '', qr{/$}, 'to the home page');
is(one("SELECT COUNT(*) FROM person WHERE id = $pid"), 0, 'the person is gone');
is(one("SELECT CONCAT(IFNULL(person_id, '-'), ' ', holder_deleted) FROM code WHERE id = $code"), '- 1', 'the code stays, without them');
$page = $s->get("/v/$tok")->{content};
like($page, qr{持有人</dt><dd>已注销账号}, 'it verifies as "holder account deleted"');
unlike($page, qr{钱}, 'with no name');
is(one("SELECT COUNT(*) FROM attempt WHERE person_id IS NULL"), 1, 'the attempt stays for the statistics');
is(one("SELECT CONCAT(IFNULL(contact_name, '-'), ' ', IFNULL(contact_phone_enc, '-'), ' ', description) FROM hazard WHERE id = $hid"),
    '- - 消防车通道被占<b>', 'the report keeps what was reported, not the contact');
is(one("SELECT CONCAT(status, ' ', name, ' ', phone_enc IS NULL AND phone_hash IS NULL) FROM visit_booking"), 'cancelled （已注销） 1', 'the visit to come is cancelled');
is(one("SELECT booked FROM visit_slot WHERE id = $slot"), 0, 'its places freed');
is(one("SELECT COUNT(*) FROM notice WHERE phone_enc IS NOT NULL OR person_id IS NOT NULL"), 0, 'the notices keep no number');
is(one("SELECT COUNT(*) FROM points_entry WHERE person_id = $pid"), 0, 'the points are gone');
is(one("SELECT created_by IS NULL FROM unit WHERE id = $unit"), 1, 'the unit stays, without its creator');
my $dump = `mariadb-dump --no-defaults --socket=@{[ $s->dir ]}/run/mariadb.sock -u root --skip-extended-insert bluecode 2>/dev/null`;
ok(length $dump > 10000, 'a dump of the database');
unlike($dump, qr{$phone}, 'holds not their number');
unlike(Encode::decode('UTF-8', $dump), qr{钱七}, 'nor their name');
is($s->get('/account/data')->{status}, 303, 'signed out');
done_testing();
