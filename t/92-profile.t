# A person's profile (sql/016): name, role, street or town, and the unit
# joined, with a visible complete or incomplete state on the account page
# and the personal page; changing the password given the current one;
# and the office's one-time reset link, shown once, good for 24 hours,
# used once, ending the person's sessions.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
my $csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => '13700000001', password => 'first-pass-1', name => '' })->{status},
    303, 'a person registers without a name');
my $person_jar = { %{ $s->{jar} } };
my ($id) = map { $_->[0] } $s->sql("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13700000001') ]}");

my $page = $s->get('/account')->{content};
like($page, qr{个人信息待完善：还需填写姓名、选择角色、选择所在镇街。}, 'the profile says what it lacks');
my %region = reverse($page =~ m{<option value="(\d+)">([^<]+)</option>}g);
ok($region{'蜀山街道'}, 'the form offers the streets and towns');
like($page, qr{<option value="employee">企业员工</option>}, 'and the roles');
$csrf = form_value($page, 'csrf');

# Refused profiles: the reason, 400, nothing written.
for my $c ([ { role => 'admin' }, '请从列表中选择角色' ], [ { region => 999999 }, '请从列表中选择镇街' ],
    [ { name => "a\tb" }, '姓名不超过 16 个字' ]) {
	my ($f, $why) = @$c;
	my $res = $s->post('/account/profile', { csrf => $csrf, name => '周敏', role => 'citizen', region => $region{'蜀山街道'}, %$f });
	is($res->{status}, 400, "refused: @{[ %$f ]}");
	like($res->{content}, qr/\Q$why\E/, "saying $why");
}
my ($xinning) = map { $_->[0] } $s->sql("SELECT r.id FROM region r JOIN jurisdiction j ON j.id = r.jurisdiction_id WHERE j.code = '430528' LIMIT 1");
is($s->post('/account/profile', { csrf => $csrf, name => '周敏', role => 'citizen', region => $xinning })->{status}, 400,
    "a town of another jurisdiction is refused");
is_deeply(($s->sql("SELECT IFNULL(name, '-'), IFNULL(role, '-'), IFNULL(region_id, 0) FROM person WHERE id = $id"))[0], [ '-', '-', 0 ],
    'nothing was written');

# An employee belongs to a unit: without one, the profile is not complete.
is($s->post('/account/profile', { csrf => $csrf, name => '周敏', role => 'employee', region => $region{'蜀山街道'} })->{status},
    303, 'name, role and street saved');
is_deeply(($s->sql("SELECT name, role, region_id FROM person WHERE id = $id"))[0], [ '周敏', 'employee', $region{'蜀山街道'} ],
    'as stored');
$page = $s->get('/account')->{content};
like($page, qr{个人信息待完善：还需<a href="/unit">加入所在单位</a>。}, 'an employee still needs a unit');
like($page, qr{<option value="employee" selected}, 'the form shows the role chosen');
like($page, qr{<dt>所在镇街</dt><dd>蜀山街道</dd>}, 'and the street');
is($s->post('/account/profile', { csrf => $csrf, name => '周敏', role => 'citizen', region => $region{'蜀山街道'} })->{status},
    303, 'a citizen needs none');
like($s->get('/account')->{content}, qr{个人信息已完善}, 'the profile is complete');
my $my = $s->get('/my')->{content};
like($my, qr{<section class="card" id="me">.*个人信息已完善.*<dt>角色</dt><dd>普通市民</dd>}s, 'the personal page shows it too');
like($my, qr{href="/unit">加入或创建单位</a>}, 'with the way to a unit');

# In a unit, the unit shows; for an employee it completes the profile.
$s->post('/account/profile', { csrf => $csrf, name => '周敏', role => 'employee', region => $region{'蜀山街道'} });
my ($creator) = map { $_->[0] } $s->sql("SELECT id FROM person WHERE id = $id");
my ($g) = $region{'蜀山街道'};
$s->sql("INSERT INTO unit (jurisdiction_id, name, region_id, headcount, status, join_code, created_by) "
    . "SELECT j.id, '蜀山社区卫生服务中心', $g, 30, 'active', 'ABCDEFGH', $id FROM jurisdiction j WHERE j.code = '330109'");
$s->sql("INSERT INTO unit_member (person_id, unit_id, is_admin, status) SELECT $id, id, 1, 'active' FROM unit WHERE join_code = 'ABCDEFGH'");
$page = $s->get('/account')->{content};
like($page, qr{个人信息已完善}, "an employee in a unit: complete");
like($page, qr{<dt>所在单位</dt><dd>蜀山社区卫生服务中心}, 'the unit is shown');
like($s->get('/my')->{content}, qr{<a href="/unit">蜀山社区卫生服务中心</a>}, 'and on the personal page');
$s->clear_cookies;
unlike($s->get('/my')->{content}, qr{id="me"}, 'signed out, the personal page shows no profile');
$s->{jar} = { %$person_jar };

# Changing the password.
my $res = $s->post('/account/password', { csrf => $csrf, current => 'wrong-pass-1', password => 'second-pass-2' });
is($res->{status}, 400, 'a wrong current password is refused');
like($res->{content}, qr/当前密码不正确/, 'saying so');
$res = $s->post('/account/password', { csrf => $csrf, current => 'first-pass-1', password => 'short' });
is($res->{status}, 400, 'a short new password is refused');
is($s->post('/account/password', { csrf => $csrf, current => 'first-pass-1', password => 'second-pass-2' })->{status}, 303,
    'the password is changed');
like($s->get('/account')->{content}, qr/密码已修改/, 'and it says so');
my $login = sub {
	my ($pw) = @_;
	local $s->{jar} = {};
	my $r = $s->post('/account/login', { csrf => scalar($s->csrf('/account')), phone => '13700000001', password => $pw });
	return $r->{status} == 303;
};
ok(!$login->('first-pass-1'), 'the old password no longer signs in');
ok($login->('second-pass-2'), 'the new one does');

# The office's reset link.
$s->clear_cookies;
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'street-office-1';
	system(BlueCode::Test::bin() . ' -f ' . $s->dir . '/conf/bluecode.conf admin-add street9 street 城厢街道 >/dev/null') == 0 or die;
}
$s->admin_login('street9', 'street-office-1');
is($s->get('/admin/people?phone=13700000001')->{status}, 403, 'a street admin cannot look people up');
$s->clear_cookies;
$s->admin_login;
like($s->get('/admin')->{content}, qr{href="/admin/people"}, 'the admin home links to it');
like($s->get('/admin/people?phone=1370000')->{content}, qr/请输入 11 位手机号码/, 'a short number is refused');
like($s->get('/admin/people?phone=13799999999')->{content}, qr/没有用这个手机号注册的账号/, 'an unknown number has no account');
$page = $s->get('/admin/people?phone=13700000001')->{content};
like($page, qr{<dt>手机号</dt><dd>137\*\*\*\*0001</dd>.*<dt>姓名</dt><dd>周敏</dd>.*<dt>所在单位</dt><dd>蜀山社区卫生服务中心</dd>}s,
    'the account is found, its number masked');
$res = $s->post("/admin/people/$id/reset", { csrf => form_value($page, 'csrf') });
is($res->{status}, 200, 'a reset link is made');
my ($path, $token) = $res->{content} =~ m{<code>http://[^<]*?(/account/reset/([\w-]{43}))</code>};
ok($token, 'and shown once');
like($res->{headers}{'cache-control'}, qr/no-store/, 'on a page no browser keeps');
my ($action, $object) = @{ ($s->sql('SELECT action, object FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$object", "password-reset-link|person $id", 'audit-logged');
is(scalar $s->sql("SELECT 1 FROM password_reset WHERE token_hash = UNHEX(SHA2('$token', 256)) AND expires_at BETWEEN NOW() + INTERVAL 23 HOUR AND NOW() + INTERVAL 25 HOUR"),
    1, 'only its SHA-256 is kept, good for 24 hours');
is(scalar $s->sql("SELECT 1 FROM password_reset WHERE HEX(token_hash) LIKE '%" . unpack('H*', $token) . "%'"), 0,
    'the token itself is not stored');
is($s->post("/admin/people/999999/reset", { csrf => form_value($page, 'csrf') })->{status}, 404, 'an unknown person is 404');

# The person uses it.
$s->{jar} = { %$person_jar };
like($s->get('/account')->{content}, qr/退出登录/, 'the person is still signed in on their phone');
$s->clear_cookies;
$page = $s->get($path);
is($page->{status}, 200, 'the link opens a form');
$csrf = form_value($page->{content}, 'csrf');
is($s->post($path, { csrf => $csrf, password => 'short' })->{status}, 400, 'a short password is refused');
is($s->post($path, { csrf => $csrf, password => 'third-pass-3' })->{status}, 303, 'a new password is set');
ok($login->('third-pass-3'), 'it signs in');
ok(!$login->('second-pass-2'), 'the one forgotten does not');
$s->{jar} = { %$person_jar };
unlike($s->get('/account')->{content}, qr/退出登录/, 'the sessions of the person ended');
$s->clear_cookies;
$res = $s->get($path);
is($res->{status}, 404, 'the link works once');
like($res->{content}, qr/已经用过、已过期或不存在/, 'and says so');
is($s->post($path, { csrf => scalar($s->csrf('/account')), password => 'fourth-pass-4' })->{status}, 404, 'also to a POST');
is($s->get('/account/reset/short')->{status}, 404, 'a malformed token is 404');

# A newer link voids the one before; an expired one works no more.
$s->admin_login;
$csrf = $s->csrf('/admin/people');
my ($first) = $s->post("/admin/people/$id/reset", { csrf => $csrf })->{content} =~ m{(/account/reset/[\w-]{43})};
my ($second) = $s->post("/admin/people/$id/reset", { csrf => $csrf })->{content} =~ m{(/account/reset/[\w-]{43})};
$s->clear_cookies;
is($s->get($first)->{status}, 404, 'a link made before a newer one works no more');
is($s->get($second)->{status}, 200, 'the newer one works');
$s->sql('UPDATE password_reset SET expires_at = NOW() - INTERVAL 1 MINUTE');
is($s->get($second)->{status}, 404, 'past 24 hours, neither does it');

done_testing();
