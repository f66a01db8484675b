# Admin sign-in: the form, wrong and right passwords, the session cookie,
# what is stored, the audit log, sign-out, and redirects kept on site.
use strict;
use warnings;
use utf8;
use Test::More;
use Digest::SHA qw(sha256_hex);
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);

my $res = $s->get('/admin');
is($res->{status}, 200, '/admin answers with the sign-in form when signed out');
my $html = $res->{content};
like($html, qr/管理登录/, 'the form is titled');
like($html, qr/<form method="post" action="\/admin\/login"/, 'it posts to /admin/login');
ok(form_value($html, 'csrf'), 'it carries a CSRF token');

$res = $s->admin_login('admin', 'wrong-password');
is($res->{status}, 200, 'a wrong password shows the form again');
$html = $res->{content};
like($html, qr/账号或密码不正确/, 'with a message');
ok(!$s->cookie('bc_in'), 'and no sign-in session');
$res = $s->admin_login('nobody', 'whatever');
like($res->{content}, qr/form-error/, 'an unknown login gets the same message');

$res = $s->admin_login;
is($res->{status}, 303, 'the right password redirects');
is($res->{headers}{location}, $s->url('/admin'), 'to the admin home, absolute from site_url');
my @cookies = ref $res->{headers}{'set-cookie'} ? @{ $res->{headers}{'set-cookie'} }
    : ($res->{headers}{'set-cookie'});
my ($sid) = grep { /^bc_sid=/ } @cookies;
like($sid, qr/; HttpOnly; SameSite=Lax/, 'the new session cookie is HttpOnly, SameSite=Lax');
my $token = $s->cookie('bc_sid');
is(length $token, 43, 'a 256-bit token');

my @rows = $s->sql('SELECT HEX(token_hash) FROM session');
is(scalar @rows, 1, 'one session row');
is(lc $rows[0][0], sha256_hex($token), 'the database holds the SHA-256 of the token, not the token');

$res = $s->get('/admin');
$html = $res->{content};
like($html, qr/管理首页/, 'signed in, /admin is the admin home');
like($html, qr/全区·消安委办公室/, 'showing the district scope');
like($html, qr/<td>登录<\/td>/, 'the audit log shows the sign-in');
like($html, qr/<td>登录失败<\/td>/, 'and the failed attempts');
# The admin home's street table: the 24 units of the 2020 plan, the total population,
# and the monthly targets (1%, rounded) as in its annex.
my @cells = $html =~ m{<tr><td>([^<]+)</td><td class="n">([\d,]+)</td><td class="n">([\d,]+)</td></tr>}g;
is(scalar(@cells) / 3, 24, '24 streets and towns');
# In English: the interface's words, the streets' names as they are.
{
	my $en = $s->get('/admin', { 'Accept-Language' => 'en' })->{content};
	like($en, qr{<html lang="en">}, 'the admin home in English');
	like($en, qr{<title>Admin home · Blue Code</title>}, 'its title');
	like($en, qr{Hello, admin\. Your scope: District · fire safety committee office \(}, 'its greeting');
	like($en, qr{<a href="/admin/stats">Progress against targets</a>}, 'its links');
	like($en, qr{<th>Street or town</th><th class="n">Resident population</th><th class="n">Monthly target</th>}, "the streets' table");
	my @en = $en =~ m{<tr><td>([^<]+)</td><td class="n">([\d,]+)</td><td class="n">([\d,]+)</td></tr>}g;
	is("@en", "@cells", 'with the same streets and figures');
	my ($main) = $en =~ m{<main>(.*)</main>}s;
	my %data = map { $_ => 1 } @cells, map { $_->[0] } $s->sql('SELECT name FROM jurisdiction');
	my @left = grep { !$data{$_} } $main =~ /([\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]+)/g;
	is("@left", '', 'no Chinese but the names');
}
my %target;
while (my ($name, $pop, $t) = splice @cells, 0, 3) { $target{$name} = $t }
is($target{'城厢街道'}, '1,486', '城厢街道 target 1,486');
is($target{'瓜沥镇'}, '1,914', '瓜沥镇 target 1,914 (1% of 191,429)');
is($target{'宁围街道'}, '587', '宁围街道 target 587 (586.5 rounds up)');
is($target{'新街街道'}, '660', '新街街道 target 660 (660.09 rounds down)');
is($target{'围垦区'}, '11', '围垦区 target 11');
like($html, qr{<th>合计</th><td class="n">1,346,190</td>}, 'total population 1,346,190');

$res = $s->get('/admin?xml=1');
like($res->{content}, qr{<region id="\d+" code="330109001000" name="城厢街道" kind="street" population="148588" target="1486" name-en="Chengxiang Subdistrict"/>},
    'regions in the XML with population and target');

my @audit = $s->sql("SELECT action, object FROM audit_log ORDER BY id");
is_deeply([ map { $_->[0] } @audit ], [ 'login-failed', 'login-failed', 'login' ],
    'audit rows in order');

# A stolen cookie alone, without the bc_in hint, is not signed in; with a
# bogus token it is not either.
{
	my %jar = %{ $s->{jar} };
	$s->set_cookie('bc_sid', 'C' x 43);
	unlike($s->get('/admin')->{content}, qr/管理首页/, 'an unknown token is not signed in');
	$s->{jar} = \%jar;
}

# An expired session is over.
$s->sql('UPDATE session SET expires_at = NOW() - INTERVAL 1 MINUTE');
unlike($s->get('/admin')->{content}, qr/管理首页/, 'an expired session is signed out');
$s->sql('UPDATE session SET expires_at = NOW() + INTERVAL 1 HOUR');
like($s->get('/admin')->{content}, qr/class="bar-user"/, 'a live one is signed in again');

# Sign-out.
my $csrf = form_value($s->get('/admin')->{content}, 'csrf');
$res = $s->post('/admin/logout', { csrf => $csrf });
is($res->{status}, 303, 'sign-out redirects');
is(scalar($s->sql('SELECT 1 FROM session')), 0, 'and deletes the session row');
$html = $s->get('/admin')->{content};
like($html, qr/已退出登录/, 'the next page says so (flash)');
like($html, qr/管理登录/, 'and shows the sign-in form');
unlike($s->get('/admin')->{content}, qr/已退出登录/, 'the flash shows once');

# The "next" field only ever leads to a path on this site.
$csrf = form_value($s->get('/admin')->{content}, 'csrf');
$res = $s->post('/admin/login', { csrf => $csrf, login => 'admin',
    password => $s->admin_password, next => '//evil.example/' });
is($res->{headers}{location}, $s->url('/admin'), 'a protocol-relative next is ignored');

# Sign-in attempts are rate-limited by nginx per address; a path that
# decodes to the sign-in with a "?" after it ("%3F") is not a way round:
# it is no page at all.
{
	my $csrf = $s->csrf('/admin');
	is($s->post('/admin/login%3F', { csrf => $csrf, login => 'admin', password => 'x' })->{status}, 404,
	    '/admin/login%3F is not the sign-in');
	is($s->post('/account/login%3F', { csrf => $csrf, phone => '13800000000', password => 'x' })->{status}, 404,
	    'nor is /account/login%3F');
	my @status = map { $s->post('/admin/login', { csrf => $csrf, login => 'admin', password => 'wrong' })->{status} } 1 .. 25;
	ok((grep { $_ == 429 } @status), 'twenty-five quick sign-ins meet the rate limit (429)') or diag "@status";
}

done_testing();
