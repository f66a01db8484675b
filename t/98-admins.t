# Admin accounts managed in the admin area (admin/admins.c): a district
# admin adds one with its scope and hands over the password shown once;
# the new admin sees what the scope allows; a re-scope takes effect at
# the next request; a disabled account's session ends at once; a new
# password replaces the old; nobody disables or re-scopes themselves;
# other scopes have no such page; every change is audited. Unit and
# station admins from the form (a forged id refused, nothing written) and
# from the command line.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my %jar;
sub as { my $who = shift; $jar{$s->{who}} = $s->{jar} if $s->{who}; $s->{who} = $who; $s->{jar} = $jar{$who} // {} }

as('office');
$s->admin_login;
like($s->get('/admin')->{content}, qr{href="/admin/admins"}, 'the admin home links to the accounts');
my $page = $s->get('/admin/admins')->{content};
like($page, qr{<h2>admin（admin）<span class="tag tag-you">你</span></h2>}, 'the office sees its own account');
my $csrf = form_value($page, 'csrf');
my ($cx) = $page =~ m{<option value="(\d+)">城厢街道</option>};
my ($edu) = $page =~ m{<option value="(\d+)">区教育局</option>};
ok($cx && $edu, 'the form offers the streets and the departments');

my $res = $s->post('/admin/admins', { csrf => $csrf, login => 'A!', name => '张三', scope => 'street', region => $cx });
is($res->{status}, 400, 'a malformed sign-in name: 400');
like($res->{content}, qr{登录名为 3–32 位}, 'says why');
$res = $s->post('/admin/admins', { csrf => $csrf, login => 'cx.office', name => '城厢街道办', scope => 'street', region => '' });
is($res->{status}, 400, 'a street admin without a street: 400');
like($res->{content}, qr{须选择所在的镇街}, 'says why');
$res = $s->post('/admin/admins', { csrf => $csrf, login => 'cx.office', name => '<b>城厢街道办</b>', scope => 'street', region => 999999 });
is($res->{status}, 400, 'a street of no jurisdiction here: 400');
is($s->post('/admin/admins', { login => 'cx.office', name => 'x', scope => 'district' })->{status}, 403, 'without CSRF: 403');
$res = $s->post('/admin/admins', { csrf => $csrf, login => 'cx.office', name => '<b>城厢街道办</b>', scope => 'street', region => $cx });
is($res->{status}, 200, 'a street admin is added');
my ($pw) = $res->{content} =~ m{<code class="join-code">([A-Za-z0-9_-]{16})</code>};
ok($pw, 'with its password on the page, this once');
like($res->{content}, qr{&lt;b&gt;城厢街道办&lt;/b&gt;}, 'its name escaped');
like($res->{headers}{'cache-control'} // '', qr{no-store}, 'a page the browser does not keep');
unlike($s->get('/admin/admins')->{content}, qr{\Q$pw\E}, 'and never again');
is($s->post('/admin/admins', { csrf => $csrf, login => 'cx.office', name => 'x', scope => 'district' })->{status}, 409, 'the same sign-in name: 409');
my $id = one("SELECT id FROM admin WHERE login = 'cx.office'");
is(one("SELECT CONCAT(scope, ' ', scope_id) FROM admin WHERE id = $id"), "street $cx", 'stored with its scope');

# The new admin: its street's figures, nothing of the district's.
as('street');
is($s->admin_login('cx.office', $pw)->{status}, 303, 'the new admin signs in with the password handed over');
is($s->get('/admin/stats')->{status}, 200, 'sees its street\'s figures');
is($s->get('/admin/admins')->{status}, 403, 'but not the accounts');
is($s->post('/admin/admins', { csrf => $s->csrf('/admin'), login => 'sneaky', name => 'x', scope => 'district' })->{status}, 403,
    'nor makes one');
is($s->post("/admin/admins/$id", { csrf => $s->csrf('/admin'), name => 'x', scope => 'district' })->{status}, 403,
    'nor raises its own scope');

# Re-scoped to a department: the next request knows it.
as('office');
$res = $s->post("/admin/admins/$id", { csrf => $csrf, name => '教育局联络员', scope => 'department', department => $edu });
is($res->{status}, 303, 'the office re-scopes it to a department');
as('street');
is($s->get('/admin/stats')->{status}, 403, 'its street figures are gone at once');
is($s->get('/admin/units')->{status}, 200, "and its department's units are there");

# A new password; then disabled: its session ends.
as('office');
$res = $s->post("/admin/admins/$id/password", { csrf => $csrf });
my ($pw2) = $res->{content} =~ m{<code class="join-code">([A-Za-z0-9_-]{16})</code>};
ok($pw2 && $pw2 ne $pw, 'a new password');
as('retry');
is($s->admin_login('cx.office', $pw)->{status}, 200, 'the old one no longer signs in');
is($s->admin_login('cx.office', $pw2)->{status}, 303, 'the new one does');
as('office');
is($s->post("/admin/admins/$id", { csrf => $csrf, name => '教育局联络员', scope => 'department', department => $edu, disabled => 1 })->{status},
    303, 'the account is disabled');
as('street');
is($s->get('/admin/units')->{status}, 303, 'its session ends at once (back to the sign-in)');
as('retry');
is($s->get('/admin/units')->{status}, 303, 'every one of them');
is($s->admin_login('cx.office', $pw2)->{status}, 200, 'and it cannot sign in');

# Nobody disables or re-scopes themselves.
as('office');
my $me = one("SELECT id FROM admin WHERE login = 'admin'");
$res = $s->post("/admin/admins/$me", { csrf => $csrf, name => 'admin', scope => 'district', disabled => 1 });
is($res->{status}, 409, 'disabling oneself: 409');
like($res->{content}, qr{不能停用自己的账号}, 'says why');
is($s->post("/admin/admins/$me", { csrf => $csrf, name => 'admin', scope => 'street', region => $cx })->{status}, 409,
    're-scoping oneself: 409');
is(one("SELECT CONCAT(scope, disabled) FROM admin WHERE id = $me"), 'district0', 'nothing changed');
is($s->post('/admin/admins/999999', { csrf => $csrf, name => 'x', scope => 'district' })->{status}, 404, 'an unknown account: 404');

my %did = map { $_->[0] => $_->[1] } $s->sql("SELECT action, COUNT(*) FROM audit_log WHERE action LIKE 'admin-%' GROUP BY action");
is_deeply(\%did, { 'admin-add' => 1, 'admin-save' => 2, 'admin-password' => 1 }, 'each change audited');
# The audit log, for district admins: filtered, a hundred a page.
$page = $s->get('/admin/audit')->{content};
like($page, qr{<td>新建管理员账号</td><td>admin \d+</td><td class="text">cx\.office \(street $cx\)</td>}, 'the log shows who added whom, with what');
like($page, qr{<td>修改管理员账号</td>.*?→ 教育局联络员 \(department $edu, disabled\)}s, 'before and after');
$page = $s->get('/admin/audit?action=admin-password')->{content};
is(() = $page =~ /<tr id="entry-/g, 1, 'filtered by action');
is($s->get('/admin/audit?action=DROP%20TABLE')->{status}, 400, 'a malformed filter: 400');
my $jid = one("SELECT jurisdiction_id FROM admin WHERE id = $me");
$s->sql("INSERT INTO audit_log (jurisdiction_id, admin_id, action, object, detail, ip, created_at) "
    . "SELECT $jid, $me, 'bank-draft', CONCAT('bank ', seq), NULL, '127.0.0.1', NOW() FROM seq_1_to_120");
$page = $s->get('/admin/audit')->{content};
is(() = $page =~ /<tr id="entry-/g, 100, 'a hundred a page');
my ($older) = $page =~ m{<a href="(/admin/audit\?before=\d+[^"]*)">更早的记录</a>};
ok($older, 'and a link to the older ones');
$older =~ s/&amp;/&/g;
$page = $s->get($older)->{content};
like($page, qr{新建管理员账号}, 'where the first entries are');
as('street');
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'dept-audit-1';
	system(BlueCode::Test::bin() . ' -f ' . $s->dir . '/conf/bluecode.conf admin-add dept2 department 区教育局 >/dev/null') == 0 or die;
}
$s->admin_login('dept2', 'dept-audit-1');
is($s->get('/admin/audit')->{status}, 403, 'a department admin has no audit log');

# Sign-in throttling: five failures in a quarter hour stop an account,
# even with its right password; another account from the address is not.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'throttle-pass-1';
	system(BlueCode::Test::bin() . ' -f ' . $s->dir . '/conf/bluecode.conf admin-add throttle1 district >/dev/null') == 0 or die;
	system(BlueCode::Test::bin() . ' -f ' . $s->dir . '/conf/bluecode.conf admin-add other1 district >/dev/null') == 0 or die;
}
as('guesser');
is($s->admin_login('throttle1', "wrong-$_")->{status}, 200, "failure $_") for 1 .. 5;
$res = $s->admin_login('throttle1', 'throttle-pass-1');
is($res->{status}, 429, 'then even the right password: 429');
like($res->{content}, qr{暂停登录 15 分钟。请 1[45] 分钟后再试}, 'says for how long, and how long is left');
as('colleague');
is($s->admin_login('other1', 'throttle-pass-1')->{status}, 303, 'a colleague at the same address signs in');
$s->sql("UPDATE audit_log SET created_at = created_at - INTERVAL 16 MINUTE WHERE action = 'login-failed' AND object = 'throttle1'");
as('guesser');
is($s->admin_login('throttle1', 'throttle-pass-1')->{status}, 303, 'a quarter hour later it signs in again');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'login-throttled' AND object = 'throttle1'"), 1, 'the refusal is in the log');

# Unit and station admins, from the admin area: an approved unit or an
# open station of this jurisdiction; a forged id of anything else is
# refused with nothing written.
as('office');
my $jur = one("SELECT id FROM jurisdiction WHERE code = '330109'");
my $xn = one("SELECT id FROM jurisdiction WHERE code = '430528'");
my $xn_town = one("SELECT id FROM region WHERE name = '金石镇'");
$s->sql("INSERT INTO person (phone, pw_hash, name) VALUES ('13900000091', 'x', '单位创建人')");
$s->seal;
my $maker = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13900000091') ]}");
for ([ '城厢五金厂', $jur, $cx, 'active', 'JCWJ0001' ], [ '待审核厂', $jur, $cx, 'pending', 'JCDS0001' ],
    [ '新宁金石厂', $xn, $xn_town, 'active', 'JCXN0001' ]) {
	$s->sql("INSERT INTO unit (jurisdiction_id, name, region_id, headcount, status, join_code, created_by) "
	    . "VALUES ($_->[1], '$_->[0]', $_->[2], 20, '$_->[3]', '$_->[4]', $maker)");
}
$s->sql("INSERT INTO station (jurisdiction_id, name, address, retired) VALUES ($jur, '城厢消防救援站', 'x', 0), "
    . "($jur, '旧消防站', 'x', 1), ($xn, '新宁消防救援站', 'x', 0)");
my %unit = map { $_->[1] => $_->[0] } $s->sql('SELECT id, name FROM unit');
my %station = map { $_->[1] => $_->[0] } $s->sql('SELECT id, name FROM station');
$page = $s->get('/admin/admins')->{content};
$csrf = form_value($page, 'csrf');
like($page, qr{<optgroup label="城厢街道"><option value="$unit{城厢五金厂}">城厢五金厂</option></optgroup>},
    'the form offers the approved units, by street');
unlike($page, qr{待审核厂|新宁金石厂}, 'not a unit waiting, nor another jurisdiction\'s');
like($page, qr{<option value="$station{城厢消防救援站}">城厢消防救援站</option>}, 'and the open stations');
unlike($page, qr{旧消防站|新宁消防救援站}, 'not a retired one, nor another jurisdiction\'s');
my $admins = one('SELECT COUNT(*) FROM admin');
my $audits = one('SELECT COUNT(*) FROM audit_log');
for ([ unit => '', '须选择本辖区一个已审核通过的单位', 'no unit' ], [ unit => $unit{待审核厂}, undef, 'a unit waiting' ],
    [ unit => $unit{新宁金石厂}, undef, "another jurisdiction's unit" ], [ unit => 999999, undef, 'a unit of nowhere' ],
    [ station => '', '须选择本辖区的一个消防救援站', 'no station' ], [ station => $station{旧消防站}, undef, 'a retired station' ],
    [ station => $station{新宁消防救援站}, undef, "another jurisdiction's station" ]) {
	my ($scope, $of, $says, $what) = @$_;
	$res = $s->post('/admin/admins', { csrf => $csrf, login => 'forged1', name => 'x', scope => $scope, $scope => $of });
	is($res->{status}, 400, "a $scope admin of $what: 400");
	like($res->{content}, qr{\Q$says\E}, 'says why') if $says;
}
$res = $s->post("/admin/admins/$id", { csrf => $csrf, name => 'x', scope => 'unit', unit => $unit{新宁金石厂} });
is($res->{status}, 400, "re-scoped to another jurisdiction's unit: 400");
is(one('SELECT COUNT(*) FROM admin'), $admins, 'no account written');
is(one("SELECT CONCAT(scope, ' ', scope_id) FROM admin WHERE id = $id"), "department $edu", 'none re-scoped');
is(one('SELECT COUNT(*) FROM audit_log'), $audits, 'nothing audited');
$res = $s->post('/admin/admins', { csrf => $csrf, login => 'wj.unit', name => '五金厂安全员', scope => 'unit', unit => $unit{城厢五金厂} });
is($res->{status}, 200, 'a unit admin is added');
my ($upw) = $res->{content} =~ m{<code class="join-code">([A-Za-z0-9_-]{16})</code>};
like($res->{content}, qr{单位：城厢五金厂}, 'the list names its unit');
$res = $s->post('/admin/admins', { csrf => $csrf, login => 'cx.station', name => '城厢站', scope => 'station', station => $station{城厢消防救援站} });
is($res->{status}, 200, 'a station admin is added');
like($res->{content}, qr{消防救援站：城厢消防救援站}, 'the list names its station');
is(one("SELECT GROUP_CONCAT(CONCAT(login, ' ', scope, ' ', scope_id) ORDER BY id) FROM admin WHERE login IN ('wj.unit', 'cx.station')"),
    "wj.unit unit $unit{城厢五金厂},cx.station station $station{城厢消防救援站}", 'stored with their scopes');
my $uid = one("SELECT id FROM admin WHERE login = 'wj.unit'");
$res = $s->post("/admin/admins/$uid", { csrf => $csrf, name => '五金厂安全员', scope => 'station', station => $station{城厢消防救援站} });
is($res->{status}, 303, 'a unit admin re-scoped to a station');
is(one("SELECT CONCAT(scope, ' ', scope_id) FROM admin WHERE id = $uid"), "station $station{城厢消防救援站}", 'as stored');
as('unit');
is($s->admin_login('wj.unit', $upw)->{status}, 303, 'it signs in');
is($s->get('/admin/visits')->{status}, 200, "and keeps its station's visits");
as('office');
is($s->post("/admin/admins/$uid", { csrf => $csrf, name => '五金厂安全员', scope => 'unit', unit => $unit{城厢五金厂} })->{status}, 303,
    'and back to its unit');
as('unit');
is($s->get('/admin/visits')->{status}, 403, 'the visits are gone at the next request');
is($s->get("/admin/stats/units/$unit{城厢五金厂}")->{status}, 200, "and its unit's page is there");

# From the command line: unit NAME and station NAME, of this jurisdiction.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'cli-pass-1';
	my $bin = BlueCode::Test::bin() . ' -f ' . $s->dir . '/conf/bluecode.conf';
	my $out = `$bin admin-add cli.unit unit 城厢五金厂 2>&1`;
	utf8::decode($out);
	is($?, 0, 'admin-add LOGIN unit NAME');
	like($out, qr{admin cli\.unit added \(scope unit 城厢五金厂\)}, 'says so');
	is(system("$bin admin-add cli.station station 城厢消防救援站 >/dev/null 2>&1"), 0, 'admin-add LOGIN station NAME');
	is(one("SELECT GROUP_CONCAT(CONCAT(scope, ' ', scope_id) ORDER BY id) FROM admin WHERE login LIKE 'cli.%'"),
	    "unit $unit{城厢五金厂},station $station{城厢消防救援站}", 'stored with what the names name');
	$out = `$bin admin-add cli.x unit 新宁金石厂 2>&1`;
	my $rc = $?;
	utf8::decode($out);
	isnt($rc, 0, "another jurisdiction's unit: refused");
	like($out, qr{no approved unit 新宁金石厂 in jurisdiction 330109}, 'says why');
	isnt(system("$bin admin-add cli.x unit 待审核厂 >/dev/null 2>&1"), 0, 'a unit waiting: refused');
	isnt(system("$bin admin-add cli.x station 旧消防站 >/dev/null 2>&1"), 0, 'a retired station: refused');
	isnt(system("$bin admin-add cli.x station >/dev/null 2>&1"), 0, 'a station admin without a name: refused');
	isnt(system("$bin admin-add cli.x shop 城厢五金厂 >/dev/null 2>&1"), 0, 'a scope that is none: refused');
	is(one("SELECT COUNT(*) FROM admin WHERE login = 'cli.x'"), 0, 'none of them written');
}

done_testing();
