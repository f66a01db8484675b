# Units (sql/015): a signed-in resident creates a unit (its admin from
# the start), a district admin approves it and may make it a key unit;
# others ask to join by its join code or its poster's page, the unit
# admin approves, removes, hands over; the admin's page shows each
# member's blue-code status and the coverage of the headcount, exports
# them as CSV for Excel, and invites members from a CSV file (all lines
# checked, nothing imported on any error). One unit a person; a member
# of one unit sees nothing of another's members.
use strict;
use warnings;
use utf8;
use Encode qw(encode);
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);
my $conf = $s->dir . '/conf/bluecode.conf';
my $bin = BlueCode::Test::bin();

# People, each with a browser (cookie jar) of their own.
my %jar;
sub as { my $who = shift; $jar{$s->{who}} = $s->{jar} if $s->{who}; $s->{who} = $who; $s->{jar} = $jar{$who} // {} }
sub register {
	my ($who, $phone, $name) = @_;
	as($who);
	my $res = $s->post('/account/register', { csrf => $s->csrf('/account'), phone => $phone,
	    password => "password-$who", name => $name });
	is($res->{status}, 303, "$who registers");
}
register('alice', '13800000001', '陈晓');
register('bob', '13800000002', '李明');
register('carol', '13800000003', '王芳');
register('dave', '13800000004', '赵强');
register('erin', '13800000005', '孙丽');

# Signed out, the page says to sign in; posts lead there.
as('nobody');
like($s->get('/unit')->{content}, qr{href="/account">登录或注册}, 'signed out: the unit page asks to sign in');
is($s->post('/unit', { csrf => scalar($s->csrf('/account')), name => 'x' })->{headers}{location}, $s->url('/account'),
    'creating a unit signed out leads to the sign-in');
is($s->get('/unit/members.csv')->{status}, 403, 'the member list is not for anyone');

# The creation form, and what it refuses.
as('alice');
my $page = $s->get('/unit')->{content};
my %region = reverse($page =~ m{<option value="(\d+)">([^<]+)</option>}g);
ok($region{'城厢街道'}, 'the form offers the streets and towns');
my ($dep) = $page =~ m{<option value="(\d+)">区应急管理局</option>};
ok($dep, 'and the departments');
my $csrf = form_value($page, 'csrf');
my %good = (csrf => $csrf, name => '萧山示范实业有限公司', region => $region{'城厢街道'}, department => $dep, headcount => 4);
for my $c ([ { name => '' }, 400, '请填写单位名称' ], [ { name => '单' x 65 }, 400, '最长 64 个字' ],
    [ { region => 999999 }, 400, '请选择单位所在的镇街' ], [ { department => '' }, 400, '请选择单位的主管行业部门' ],
    [ { headcount => 0 }, 400, '人员数应为' ], [ { headcount => 'many' }, 400, '人员数应为' ]) {
	my ($change, $status, $why) = @$c;
	my $res = $s->post('/unit', { %good, %$change });
	is($res->{status}, $status, "refused: @{[ %$change ]}");
	like($res->{content}, qr/\Q$why\E/, "saying $why");
}
like($s->post('/unit', { %good, headcount => 0 })->{content}, qr{value="萧山示范实业有限公司"},
    'the form keeps what was typed');
my ($xinning_region) = map { $_->[0] } $s->sql("SELECT r.id FROM region r JOIN jurisdiction j ON j.id = r.jurisdiction_id WHERE j.code = '430528' LIMIT 1");
is($s->post('/unit', { %good, region => $xinning_region })->{status}, 400, "a town of another jurisdiction is refused");
is(scalar $s->sql('SELECT 1 FROM unit'), 0, 'no unit was written');

# Created: waiting for approval, its creator its admin.
my $res = $s->post('/unit', \%good);
is($res->{status}, 303, 'a unit is created');
my ($unit, $code, $status) = @{ ($s->sql("SELECT id, join_code, status FROM unit WHERE name = '萧山示范实业有限公司'"))[0] };
is($status, 'pending', 'waiting for approval');
like($code, qr/^[2-9A-HJKMNP-Z]{8}$/, 'with a join code of 8 unambiguous characters');
is_deeply(($s->sql("SELECT is_admin, status FROM unit_member WHERE unit_id = $unit"))[0], [ 1, 'active' ],
    'its creator is its admin');
$page = $s->get('/unit')->{content};
like($page, qr/单位已创建/, 'the page says it is created');
like($page, qr/等待区消安委办审核/, 'and waiting');
is($s->post('/unit', { %good, name => '另一家公司' })->{status}, 409, 'a person in a unit cannot create another');
is($s->get('/unit/poster.png')->{status}, 409, 'no poster before approval');

as('bob');
$csrf = $s->csrf('/unit');
$res = $s->post('/unit/join', { csrf => $csrf, code => $code });
is($res->{status}, 409, 'a waiting unit cannot be joined');
like($res->{content}, qr/还在等待审核/, 'saying why');
is($s->post('/unit', { %good, csrf => $csrf })->{status}, 409, 'its name is taken in the jurisdiction');

# The district admin approves it; a street admin cannot.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'street-office-1';
	system("$bin -f $conf admin-add street1 street 城厢街道 >/dev/null") == 0 or die 'admin-add';
}
as('street');
$s->admin_login('street1', 'street-office-1');
is($s->get('/admin/units')->{status}, 403, 'a street admin has no unit approval');
is($s->post("/admin/units/$unit/decide", { csrf => $s->csrf('/admin'), decision => 'approve' })->{status}, 403,
    'and cannot approve');
# Department admins: the units of their own department only.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'department-office-1';
	system("$bin -f $conf admin-add safety1 department 区应急管理局 >/dev/null") == 0 or die 'admin-add';
	system("$bin -f $conf admin-add edu1 department 区教育局 >/dev/null") == 0 or die 'admin-add';
	isnt(system("$bin -f $conf admin-add nobody department 不存在的局 2>/dev/null"), 0, 'admin-add refuses a department that does not exist');
	isnt(system("$bin -f $conf admin-add nowhere street 2>/dev/null"), 0, 'and a street admin without a street');
	is(($s->sql("SELECT COUNT(*) FROM admin WHERE login IN ('nobody', 'nowhere')"))[0][0], 0, 'neither is added');
}
as('education');
$s->admin_login('edu1', 'department-office-1');
like($s->get('/admin')->{content}, qr{href="/admin/units">本行业单位的审核}, "a department admin's home links to its units");
$page = $s->get('/admin/units')->{content};
unlike($page, qr{萧山示范实业有限公司}, "another department's unit is not listed");
is($s->post("/admin/units/$unit/decide", { csrf => form_value($page, 'csrf'), decision => 'approve' })->{status}, 404,
    'nor can it be approved, even by its URL');
is($s->get('/admin/courses')->{status}, 403, 'a department admin has no course editing');
as('safety');
$s->admin_login('safety1', 'department-office-1');
$page = $s->get('/admin/units')->{content};
like($page, qr{萧山示范实业有限公司}, 'its own department admin sees the unit');
unlike($page, qr{/admin/units/$unit/key}, 'without the key-unit form (the district decides that)');
is($s->post("/admin/units/$unit/key", { csrf => form_value($page, 'csrf'), key => 1 })->{status}, 403, 'and is refused it');
is($s->post("/admin/units/$unit/decide", { csrf => form_value($page, 'csrf'), decision => 'maybe' })->{status}, 400,
    'may decide on it (a decision must still be one)');
is(($s->sql("SELECT status FROM unit WHERE id = $unit"))[0][0], 'pending', 'still waiting');
as('office');
$s->admin_login;
like($s->get('/admin')->{content}, qr{href="/admin/units"}, 'the admin home links to the units');
$page = $s->get('/admin/units?status=pending')->{content};
like($page, qr{<div class="admin-unit" id="unit-$unit">.*?萧山示范实业有限公司.*?陈晓.*?138\*\*\*\*0001.*?待审核}s,
    'the waiting unit is listed with its creator, phone masked');
$page = $s->get('/admin/units?status=pending', { 'Accept-Language' => 'en' })->{content};
like($page, qr{<html lang="en">}, 'the unit approvals in English (xslt/l10n/en/admin-units.xml)');
like($page, qr{<title>Unit approvals and key units · }, 'with their title');
like($page, qr{ · headcount 4 · 1 member joined</p>}, 'a unit: its headcount and members');
like($page, qr{Created [\d-]+ by 陈晓 <span class="nowrap">138\*\*\*\*0001</span> · Waiting for approval</p>}, 'its creator and state');
like($page, qr{<button type="submit" name="decision" value="approve" class="button">Approve</button>}, 'the approve button');
my ($ui) = $page =~ m{(<main\b.*</main>)}s;
$ui = ($ui // '') =~ s{萧山示范实业有限公司|城厢街道|区应急管理局|陈晓}{}gr;
unlike($ui, qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/, 'no Chinese but the unit, its street, department and creator');
$csrf = form_value($page, 'csrf');
is($s->post("/admin/units/$unit/decide", { csrf => $csrf, decision => 'maybe' })->{status}, 400, 'a decision must be one');

is($s->post("/admin/units/$unit/decide", { csrf => $csrf, decision => 'approve' })->{status}, 303, 'approved');
is(($s->sql("SELECT status FROM unit WHERE id = $unit"))[0][0], 'active', 'active');
my ($action, $object) = @{ ($s->sql('SELECT action, object FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$object", "unit-approve|unit $unit", 'audit-logged');
is($s->post("/admin/units/$unit/decide", { csrf => $csrf, decision => 'reject' })->{status}, 409, 'decided once');
is($s->post('/admin/units/999999/decide', { csrf => $csrf, decision => 'approve' })->{status}, 404, 'an unknown unit is 404');
is($s->post("/admin/units/$unit/key", { csrf => $csrf, key => 1 })->{status}, 303, 'made a key unit');
is(($s->sql("SELECT is_key FROM unit WHERE id = $unit"))[0][0], 1, 'as stored');
($action) = @{ ($s->sql('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is($action, 'unit-key', 'audit-logged');

# Joining: by the code as typed, or by the poster's page.
as('bob');
$csrf = $s->csrf('/unit');
is($s->post('/unit/join', { csrf => $csrf, code => 'XXXX' })->{status}, 400, 'a malformed code is refused');
is($s->post('/unit/join', { csrf => $csrf, code => 'ZZZZZZZZ' })->{status}, 404, 'an unknown code is 404');
my $typed = lc(substr($code, 0, 4)) . ' ' . lc(substr($code, 4));
is($s->post('/unit/join', { csrf => $csrf, code => $typed })->{status}, 303, "bob asks to join with \"$typed\"");
like($s->get('/unit')->{content}, qr/等待单位管理员审核/, 'and waits for the unit admin');
is($s->get('/unit/members.csv')->{status}, 403, 'a member waiting has no member list');
as('carol');
$page = $s->get("/join/$code")->{content};
like($page, qr{加入 萧山示范实业有限公司}, "the poster's page names the unit");
like($page, qr/重点单位/, 'and that it is a key unit');
is($s->post('/unit/join', { csrf => form_value($page, 'csrf'), code => form_value($page, 'code') })->{status}, 303,
    'carol asks to join from it');
is($s->get('/join/ZZZZZZZZ')->{status}, 404, "an unknown poster's page is 404");

# The unit admin approves bob and turns carol away.
as('alice');
$page = $s->get('/unit')->{content};
like($page, qr{<tr id="member-\d+"><td>李明</td><td class="nowrap">138\*\*\*\*0002</td><td class="nowrap">待审核</td>},
    'bob is listed as waiting, phone masked');
my ($bob) = map { $_->[0] } $s->sql("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13800000002') ]}");
my ($carol) = map { $_->[0] } $s->sql("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13800000003') ]}");
my ($alice) = map { $_->[0] } $s->sql("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13800000001') ]}");
$csrf = form_value($page, 'csrf');
is($s->post("/unit/members/$bob/approve", { csrf => $csrf })->{status}, 303, 'bob approved');
is($s->post("/unit/members/$bob/approve", { csrf => $csrf })->{status}, 404, 'approving twice is 404');
is($s->post("/unit/members/$carol/remove", { csrf => $csrf })->{status}, 303, "carol's request turned away");
is(scalar $s->sql("SELECT 1 FROM unit_member WHERE person_id = $carol"), 0, 'carol is in no unit');
is($s->post("/unit/members/$alice/remove", { csrf => $csrf })->{status}, 404, 'an admin does not remove themselves');

# Coverage: members holding a valid code, of the headcount (4).
as('bob');
ok($s->pass_quiz('citizen', '城厢街道'), 'bob passes the quiz signed in');
# The rankings read each member's points and codes' last day from the
# member row; every way a member, a point or a code came about kept it.
is(($s->sql("SELECT COUNT(*) FROM unit_member m WHERE m.points <> COALESCE((SELECT total FROM points_total t WHERE t.person_id = m.person_id), 0) "
    . "OR NOT (m.code_until <=> (SELECT MAX(expires_on) FROM code c WHERE c.person_id = m.person_id AND c.revoked_at IS NULL))"))[0][0], 0,
    "every member row's points and codes are current");
ok(($s->sql("SELECT COUNT(*) FROM unit_member WHERE code_until IS NOT NULL"))[0][0] > 0, 'bob, signed in, holds the code he passed for');
as('alice');
$page = $s->get('/unit')->{content};
like($page, qr{<dt>已加入</dt><dd>2 人</dd>}, 'two members');
like($page, qr{<dt>蓝码覆盖率</dt>\s*<dd>25\.0%}, 'coverage 1 of 4: 25.0%');
my $points_today = ($s->sql("SELECT COALESCE(SUM(d.points), 0) FROM points_day d JOIN unit_member m ON m.person_id = d.person_id "
    . "AND m.unit_id = $unit AND m.status = 'active' WHERE d.day = CURDATE()"))[0][0];
my $today = ($s->sql('SELECT CURDATE()'))[0][0];
like($page, qr{<h2>近 30 天每日学习情况</h2>.*<th scope="row">\Q$today\E</th><td class="n">1</td><td class="n">$points_today</td>}s,
    "the unit admin sees today's learning: bob's pass ($points_today points)");
like($page, qr{<tr id="member-$bob">.*?<span class="code-status code-valid">有效</span>}s, "bob's code is valid");
like($page, qr{<tr id="member-$alice">.*?<span class="code-status code-none">未领取</span>}s, 'alice has none');
$s->sql("UPDATE code SET expires_on = CURDATE() + INTERVAL 10 DAY WHERE person_id = $bob");
like($s->get('/unit')->{content}, qr{<tr id="member-$bob">.*?即将到期}s, 'expiring within 30 days');
like($s->get('/unit')->{content}, qr{<dt>蓝码覆盖率</dt>\s*<dd>25\.0%}, 'still counted as valid');
$s->sql("UPDATE code SET expires_on = CURDATE() - INTERVAL 1 DAY WHERE person_id = $bob");
$page = $s->get('/unit')->{content};
like($page, qr{<tr id="member-$bob">.*?已过期}s, 'expired');
like($page, qr{<dt>蓝码覆盖率</dt>\s*<dd>0\.0%}, 'and no longer covers');
$s->sql("UPDATE code SET expires_on = CURDATE() + INTERVAL 200 DAY WHERE person_id = $bob");

# The CSV export, for Excel.
$res = $s->get('/unit/members.csv');
is($res->{status}, 200, 'the member list as CSV');
like($res->{headers}{'content-type'}, qr{^text/csv; charset=utf-8}, 'as UTF-8 CSV');
like($res->{headers}{'content-disposition'}, qr/attachment/, 'to download');
my $csv = $res->{content};
is(substr($csv, 0, 1), "\x{feff}", 'with the byte-order mark Excel needs (the text is UTF-8: decoded here)');
my @lines = split /\r\n/, substr($csv, 1);
is($lines[0], '姓名,手机号,身份,状态,加入日期,蓝码状态,蓝码剩余天数,学习积分', 'a header line in Chinese');
is(scalar @lines, 3, 'and a line each member');
like($csv, qr/\r\n$/, 'CRLF line ends');
ok((grep { /^李明,138\*\*\*\*0002,成员,已加入,\d{4}-\d\d-\d\d,有效,200,21$/ } @lines), "bob's line: 1 for signing in, 20 for the pass");
ok((grep { /^陈晓,138\*\*\*\*0001,单位管理员,已加入,[\d-]+,未领取,,1$/ } @lines), "alice's line");
$s->sql("UPDATE person SET name = '=HYPERLINK(\"x\")' WHERE id = $bob");
$csv = $s->get('/unit/members.csv')->{content};
like($csv, qr/^"'=HYPERLINK\(""x""\)",/m, 'a formula-like name is quoted and defused');
$s->sql("UPDATE person SET name = '李明' WHERE id = $bob");

# In English (xslt/l10n/en/unit*.xml): the interface, not the data, is
# English; the member list's header and words too.
{
	my $en = { 'Accept-Language' => 'en' };
	my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
	# The page's main part, without the data (names, streets, units,
	# departments) and the daily learning's section (stats-daily.xsl).
	my $ui = sub {
		my ($html) = @_;
		my ($main) = $html =~ m{<main>(.*)</main>}s;
		$main //= '';
		$main =~ s{<section class="card" id="daily">.*}{}s;
		$main =~ s{<option value="\d+">[^<]*</option>}{}g;
		$main =~ s{萧山示范实业有限公司|城厢街道|区应急管理局|陈晓|李明}{}g;
		return $main;
	};
	$page = $s->get('/unit', $en)->{content};
	like($page, qr{<html lang="en">}, 'English: the unit page says so');
	like($page, qr{<title>My unit · Blue Code</title>}, 'its title');
	like($page, qr{<dt>Joined</dt><dd>2 people</dd>}, 'two members, in English');
	like($page, qr{<dt>Blue code coverage</dt>\s*<dd>25\.0% \(members with a valid blue code ÷ headcount of 4\)</dd>},
	    'the coverage');
	like($page, qr{<strong class="join-code">}, 'the join code');
	like($page, qr{>Export the member list \(CSV\)</a>}, 'the export link');
	like($page, qr{<td>陈晓 \(admin\)</td>}, 'the admin marked, with English brackets');
	unlike($ui->($page), $cjk, 'no Chinese left in the interface of the admin page');
	my $csv = $s->get('/unit/members.csv', $en)->{content};
	my @en = split /\r\n/, substr($csv, 1);
	is(substr($csv, 0, 1), "\x{feff}", 'the English CSV keeps the byte-order mark');
	is($en[0], 'Name,Mobile number,Member type,Status,Date joined,Blue code status,Days left on blue code,Learning points',
	    'and has an English header');
	ok((grep { /^李明,138\*\*\*\*0002,Member,Joined,\d{4}-\d\d-\d\d,Valid,200,21$/ } @en), "bob's line in English");
	as('carol');
	$page = $s->get("/join/$code", $en)->{content};
	like($page, qr{<h1>Join 萧山示范实业有限公司</h1>}, "the poster's page in English");
	like($page, qr{<button type="submit" class="button">Ask to join</button>}, 'its button');
	unlike($ui->($page), $cjk, 'no Chinese left in its interface');
	as('nobody');
	$page = $s->get('/unit', $en)->{content};
	like($page, qr{href="/account">Sign in or register</a>}, 'signed out, in English');
	unlike($ui->($page), $cjk, 'no Chinese left');
	as('alice');
}

# The poster.
$res = $s->get('/unit/poster.png');
is($res->{status}, 200, 'the join poster');
is($res->{headers}{'content-type'}, 'image/png', 'a PNG');
is(substr($res->{content}, 0, 8), "\x89PNG\r\n\x1a\n", 'really a PNG');
SKIP: {
	skip 'zbarimg (zbar-tools) is not installed', 1 unless `which zbarimg` =~ /zbarimg/;
	my $file = $s->dir . '/poster.png';
	open my $fh, '>:raw', $file or die;
	print $fh $res->{content};
	close $fh;
	my $qr = `zbarimg --quiet --raw $file 2>/dev/null`;
	chomp $qr;
	like($qr, qr{/join/$code$}, "its QR holds the unit's join page");
}
my $en_poster = $s->get('/unit/poster.png', { 'Accept-Language' => 'en' });
is($en_poster->{status}, 200, 'the join poster in English');
isnt($en_poster->{content}, $res->{content}, 'is another picture');
if ($ENV{POSTER_OUT}) {
	open my $fh, '>:raw', $ENV{POSTER_OUT} or die;
	print $fh $en_poster->{content};
	close $fh;
}

# Members of one unit see nothing of another's.
as('dave');
$csrf = $s->csrf('/unit');
is($s->post('/unit', { %good, csrf => $csrf, name => '北干社区服务中心', headcount => 10 })->{status}, 303, 'dave creates a unit');
my ($unit2) = map { $_->[0] } $s->sql("SELECT id FROM unit WHERE name = '北干社区服务中心'");
$s->sql("UPDATE unit SET status = 'active' WHERE id = $unit2");
$page = $s->get('/unit')->{content};
unlike($page, qr/李明|陈晓/, "the other unit's admin sees none of its members");
$csrf = form_value($page, 'csrf');
is($s->post("/unit/members/$bob/remove", { csrf => $csrf })->{status}, 404, "and cannot remove them");
is($s->post("/unit/members/$bob/admin", { csrf => $csrf })->{status}, 404, "nor promote them");
is(scalar $s->sql("SELECT 1 FROM unit_member WHERE person_id = $bob AND unit_id = $unit"), 1, 'bob is still in his unit');
as('bob');
is($s->post("/unit/members/$alice/remove", { csrf => $s->csrf('/unit') })->{status}, 403, 'a member who is no admin manages nobody');
is($s->get('/unit/poster.png')->{status}, 403, 'nor gets the poster');
is($s->post('/unit/join', { csrf => $s->csrf('/unit'), code => ($s->sql("SELECT join_code FROM unit WHERE id = $unit2"))[0][0] })->{status},
    409, 'a member of one unit cannot ask to join another');

# Handing over and leaving.
as('alice');
$csrf = $s->csrf('/unit');
$res = $s->post('/unit/leave', { csrf => $csrf });
is($res->{status}, 409, 'the only admin of a unit with members cannot leave');
like($res->{content}, qr/请先把一位成员设为单位管理员/, 'and is told to hand over first');
is($s->post("/unit/members/$bob/admin", { csrf => $csrf })->{status}, 303, 'bob is made an admin');
is($s->post('/unit/leave', { csrf => $csrf })->{status}, 303, 'then alice leaves');
is(scalar $s->sql("SELECT 1 FROM unit_member WHERE person_id = $alice"), 0, 'alice is in no unit');
like($s->get('/unit')->{content}, qr/加入单位/, 'and is offered to join one');

# Invitations from a CSV file.
as('bob');
$csrf = $s->csrf('/unit');
my $count = scalar $s->sql('SELECT 1 FROM unit_invite');
my $members = scalar $s->sql("SELECT 1 FROM unit_member WHERE unit_id = $unit");
my @bad = (
	[ 'gbk.csv', encode('GBK', "姓名,手机号\r\n张三,13900000001\r\n"), qr/第 1 行：不是 UTF-8 编码.*第 2 行：不是 UTF-8 编码/s, 'a GBK file from Excel' ],
	[ 'cols.csv', "张三,13900000001,多余\n李四\n", qr/第 1 行：应为两列.*第 2 行：应为两列/s, 'wrong column counts' ],
	[ 'phone.csv', "张三,1390000000\n李四,23900000001\n", qr/第 1 行：“1390000000”不是 11 位手机号.*第 2 行/s, 'bad phones' ],
	[ 'twice.csv', "张三,13900000001\n李四,139-0000-0001\n", qr/第 2 行：手机号 13900000001 在前面已经出现过/, 'a phone twice' ],
	[ 'many.csv', join('', map { sprintf "人%d,139%08d\n", $_, $_ } 1 .. 10000), qr/名单超过 5,000 行/, '10,000 lines' ],
	[ 'empty.csv', "\n\n", qr/文件里没有名单/, 'an empty file' ],
	[ 'member.csv', "王五,13900000009\n李明,13800000002\n", qr/第 2 行：手机号 13800000002 已是本单位成员/, 'a member already' ],
	[ 'other.csv', "王五,13900000009\n赵强,13800000004\n", qr/第 2 行：手机号 13800000004 已在其他单位/, "another unit's member" ],
);
for my $b (@bad) {
	my ($file, $content, $why, $what) = @$b;
	$res = $s->post_multipart('/unit/invites', [ csrf => $csrf, file => [ $file, $content ] ]);
	ok($res->{status} == 400 || $res->{status} == 409, "$what: refused ($res->{status})");
	like($res->{content}, $why, "$what: the lines are named");
	like($res->{content}, qr/没有导入任何一行/, "$what: nothing imported") unless $file eq 'empty.csv';
}
like($s->post_multipart('/unit/invites', [ csrf => $csrf, file => [ 'many.csv', $bad[4][1] ] ])->{content},
    qr/下面列出前 20 处|名单超过/, 'a long list of problems is cut');
$s->set_cookie(bc_lang => 'en');
$res = $s->post_multipart('/unit/invites', [ csrf => $csrf, file => [ 'phone.csv', $bad[2][1] ] ]);
like($res->{content}, qr{<html lang="en">}, 'in English (the switch chose it)');
like($res->{content}, qr{<title>Invitation list not imported · Blue Code</title>}, 'a refused list: its title');
like($res->{content}, qr{phone\.csv has 2 problems, so no line was imported\.}, 'how many problems, as a plural');
like($res->{content}, qr{Line 1: “1390000000” is not an 11-digit mobile number\.}, 'each line named');
unlike(($res->{content} =~ m{<main>(.*)</main>}s)[0] // '', qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/,
    'no Chinese left in its interface');
delete $s->{jar}{bc_lang};
is(scalar $s->sql('SELECT 1 FROM unit_invite'), $count, 'no invitation was written');
is(scalar $s->sql("SELECT 1 FROM unit_member WHERE unit_id = $unit"), $members, 'and no member');

my ($erin) = map { $_->[0] } $s->sql("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13800000005') ]}");
$res = $s->post_multipart('/unit/invites', [ csrf => $csrf,
    file => [ 'staff.csv', "\x{feff}姓名,手机号\r\n王五,139 0000 0001\r\n孙丽,13800000005\r\n\"欧阳, 娜娜\",13900000003\r\n" ] ]);
is($res->{status}, 303, 'a good file is imported');
is(($s->sql("SELECT status FROM unit_member WHERE person_id = $erin AND unit_id = $unit"))[0][0], 'active',
    'a registered person on it joins at once');
is_deeply([ map { "$_->[0] $_->[1]" } $s->sql("SELECT IF(phone_hash = @{[ $s->phone_hash('13900000001') ]}, '13900000001', "
    . "IF(phone_hash = @{[ $s->phone_hash('13900000003') ]}, '13900000003', '?')), name FROM unit_invite WHERE unit_id = $unit ORDER BY id") ],
    [ '13900000001 王五', '13900000003 欧阳, 娜娜' ], 'the others are invited');
is(scalar $s->sql("SELECT 1 FROM unit_invite WHERE unit_id = $unit AND phone IS NULL AND phone_enc IS NOT NULL"), 2,
    'their numbers sealed, not in clear');
like($s->get('/unit')->{content}, qr/已邀请、尚未注册（2 人）/, 'the page lists the invitations');
is($s->post_multipart('/unit/invites', [ csrf => $csrf, file => [ 'again.csv', "王五,13900000001\n" ] ])->{status}, 303,
    'the same invitation again is harmless');
is(scalar $s->sql("SELECT 1 FROM unit_invite WHERE phone_hash = @{[ $s->phone_hash('13900000001') ]}"), 1, 'and not doubled');
as('dave');
$res = $s->post_multipart('/unit/invites', [ csrf => $s->csrf('/unit'), file => [ 'x.csv', "王五,13900000001\n" ] ]);
like($res->{content}, qr/已在其他单位，或已被其他单位邀请/, "a number another unit invited is refused");

# The invited person registers with the number and is in.
register('wang', '13900000001', '王五');
is(($s->sql("SELECT m.status, m.unit_id FROM unit_member m JOIN person p ON p.id = m.person_id WHERE p.phone_hash = @{[ $s->phone_hash('13900000001') ]}"))[0][0],
    'active', 'registering with an invited number gives the place, approved');
is(scalar $s->sql("SELECT 1 FROM unit_invite WHERE phone_hash = @{[ $s->phone_hash('13900000001') ]}"), 0, 'the invitation is used up');
like($s->get('/unit')->{content}, qr{<h1>萧山示范实业有限公司</h1>}, 'and the unit page shows the unit');


is(($s->sql("SELECT COUNT(*) FROM unit_member m WHERE m.person_id <> $bob AND (m.points <> COALESCE((SELECT total FROM points_total t "
    . "WHERE t.person_id = m.person_id), 0) OR NOT (m.code_until <=> (SELECT MAX(expires_on) FROM code c WHERE c.person_id = m.person_id "
    . "AND c.revoked_at IS NULL)))"))[0][0], 0, 'at the end too (but bob, whose codes were aged by hand)');

# Revoking a member's code takes it off the member row at once.
{
	my $cid = ($s->sql("SELECT id FROM code WHERE person_id = $bob AND revoked_at IS NULL ORDER BY id DESC LIMIT 1"))[0][0];
	as('office');
	is($s->post("/admin/codes/$cid/revoke", { csrf => $s->csrf('/admin'), text => '测试撤销' })->{status}, 303, "the office revokes bob's code");
	is(($s->sql("SELECT code_until FROM unit_member WHERE person_id = $bob"))[0][0],
	    ($s->sql("SELECT COALESCE(MAX(expires_on), 'NULL') FROM code WHERE person_id = $bob AND revoked_at IS NULL"))[0][0],
	    "bob's member row no longer counts it");
}

done_testing();
