# Attacks on the sessions and the edges (issue 13): session fixation at
# both sign-ins, CSRF tokens replayed from another browser or after
# sign-out, forged and altered verification tokens (another site's key
# among them) that all get one and the same 404, brute-force sign-ins of
# residents throttled per number and per address with the wait on the
# page, path traversal in static, media and badge URLs (nginx and the
# application). Slow clients and header injection through redirects are
# t/98-edges.t (a stack of their own: nginx's sign-in rate limit would
# stop the many sign-ins here); admin sign-in throttling t/98-admins.t.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2);
$s->small_bank(3);

sub one { ($s->sql($_[0]))[0][0] }

# --- Session fixation -------------------------------------------------
# An attacker takes a real token from the site, plants it in the
# victim's browser and waits: the victim's sign-in must not make it a
# signed-in session.
sub planted {
	$s->clear_cookies;
	$s->get('/account');
	return $s->cookie('bc_sid');
}
{
	my $planted = planted();
	ok(length $planted, 'the site hands out a token before sign-in');
	is($s->admin_login->{status}, 303, 'the admin signs in with the planted token');
	isnt($s->cookie('bc_sid'), $planted, 'and gets another token');
	like($s->get('/admin')->{content}, qr/管理首页/, 'which is signed in');
	$s->clear_cookies;
	$s->set_cookie(bc_sid => $planted);
	$s->set_cookie(bc_in => 1);
	unlike($s->get('/admin')->{content}, qr/管理首页/, 'the planted token is not');
}
{
	$s->clear_cookies;
	my $csrf = form_value($s->get('/account')->{content}, 'csrf');
	is($s->post('/account/register', { csrf => $csrf, phone => '13900000001',
	    password => 'resident-pass-1' })->{status}, 303, 'a resident registers');
	my $planted = planted();
	$csrf = form_value($s->get('/account')->{content}, 'csrf');
	is($s->post('/account/login', { csrf => $csrf, phone => '13900000001',
	    password => 'resident-pass-1' })->{status}, 303, 'and signs in with a planted token');
	isnt($s->cookie('bc_sid'), $planted, 'getting another token');
	like($s->get('/account')->{content}, qr/139\*{4}0001|13900000001/, 'which is signed in');
	$s->clear_cookies;
	$s->set_cookie(bc_sid => $planted);
	$s->set_cookie(bc_in => 1);
	unlike($s->get('/account')->{content}, qr/139\*{4}0001|13900000001/, 'the planted token is not');
}

# --- CSRF replay ------------------------------------------------------
{
	$s->clear_cookies;
	$s->admin_login;
	my %victim = %{ $s->{jar} };
	my $csrf = $s->csrf('/admin/departments');
	my $before = one('SELECT COUNT(*) FROM department');
	my $post = sub { $s->post('/admin/departments', { csrf => $_[0], name => $_[1] }) };

	# Another browser's token, with the victim's cookie.
	$s->clear_cookies;
	my $attacker = $s->csrf('/');
	$s->{jar} = { %victim };
	is($post->($attacker, '攻击部门一')->{status}, 403, "another browser's CSRF token: 403");

	# The victim's own, after sign-out: with the new cookie, and with the
	# old cookie kept by the attacker.
	is($s->post('/admin/logout', { csrf => $csrf })->{status}, 303, 'the admin signs out');
	is($post->($csrf, '攻击部门二')->{status}, 403, 'the token of before sign-out: 403');
	$s->{jar} = { %victim };
	my $res = $post->($csrf, '攻击部门三');
	ok($res->{status} == 403 || ($res->{headers}{location} // '') eq $s->url('/admin'),
	    'the old cookie and its token together: refused, or sent to sign in');
	is(one('SELECT COUNT(*) FROM department'), $before, 'no department was made');
	$s->clear_cookies;
}

# --- Verification tokens ----------------------------------------------
my $tok;
{
	my $id = $s->pass_quiz('citizen', '城厢街道') or die 'no code';
	($tok) = $s->get("/my/$id")->{content} =~ m{href="/v/([\w-]{120})"} or die;
	is($s->get("/v/$tok")->{status}, 200, 'a real token verifies');

	# Another site (its own secret key) issues a code; this one refuses it.
	my $other = BlueCode::Test->start(workers => 1);
	$other->small_bank(3);
	my $oid = $other->pass_quiz('citizen', '城厢街道') or die 'no code on the other site';
	my ($otok) = $other->get("/my/$oid")->{content} =~ m{href="/v/([\w-]{120})"} or die;
	is($other->get("/v/$otok")->{status}, 200, "the other site's token verifies there");
	$other->stop;

	my $flip = sub {
		my ($t, $at) = @_;
		substr($t, $at, 1) = substr($t, $at, 1) eq 'A' ? 'B' : 'A';
		return $t;
	};
	my %bad = ('a flipped byte in the facts' => $flip->($tok, 5),
	    'a flipped byte in the signature' => $flip->($tok, 110),
	    'the last character changed' => $flip->($tok, 119),
	    'truncated' => substr($tok, 0, 119), 'one character more' => "${tok}A",
	    'half of it' => substr($tok, 0, 60), "another site's key" => $otok,
	    'not base64' => ('.' x 120), 'random' => ('x' x 120));
	# What a 404 says must not depend on the token: no facts leak.
	my $norm = sub { (my $h = shift) =~ s/value="[\w-]{43}"/value=""/g; $h };
	my $ref = $norm->($s->get('/v/' . ('x' x 120))->{content});
	for my $what (sort keys %bad) {
		my $res = $s->get("/v/$bad{$what}");
		is($res->{status}, 404, "$what: 404");
		is($norm->($res->{content}), $ref, "$what: the same page as any unknown token");
		is($s->get("/v/$bad{$what}/badge-card.png")->{status}, 404, "$what: no badge");
	}
}

# --- Brute force: residents ---------------------------------------------
{
	$s->clear_cookies;
	my $csrf = form_value($s->get('/account')->{content}, 'csrf');
	my $login = sub {
		$s->post('/account/login', { csrf => $csrf, phone => $_[0], password => $_[1] });
	};
	for my $n (1 .. 5) {
		my $res = $login->('13900000001', "wrong-$n");
		is($res->{status}, 200, "wrong password $n: refused");
	}
	my $res = $login->('13900000001', 'resident-pass-1');
	is($res->{status}, 429, 'then even the right password: 429');
	like($res->{content}, qr/登录失败次数过多.*暂停登录 15 分钟。请 1[45] 分钟后再试/s,
	    'the page says why, and how many minutes to wait');
	is(one("SELECT COUNT(*) FROM person_login_failure WHERE phone_hash = " . $s->phone_hash('13900000001')), 5,
	    'refusals while locked are not counted again');
	is($s->post('/account/register', { csrf => $csrf, phone => '13900000002',
	    password => 'resident-pass-2' })->{status}, 303, 'another number from the same address registers');
	$s->post('/account/logout', { csrf => form_value($s->get('/account')->{content}, 'csrf') });
	$csrf = form_value($s->get('/account')->{content}, 'csrf');
	is($login->('13900000002', 'resident-pass-2')->{status}, 303, 'and signs in');
	$s->post('/account/logout', { csrf => form_value($s->get('/account')->{content}, 'csrf') });
	$csrf = form_value($s->get('/account')->{content}, 'csrf');
	$s->sql('UPDATE person_login_failure SET created_at = created_at - INTERVAL 10 MINUTE');
	like($login->('13900000001', 'resident-pass-1')->{content}, qr/请 [45] 分钟后再试/,
	    'ten minutes later the wait is five minutes');
	$s->sql('UPDATE person_login_failure SET created_at = created_at - INTERVAL 6 MINUTE');
	is($login->('13900000001', 'resident-pass-1')->{status}, 303,
	    'a quarter hour after the failures it signs in again');
	$s->post('/account/logout', { csrf => form_value($s->get('/account')->{content}, 'csrf') });
	$csrf = form_value($s->get('/account')->{content}, 'csrf');

	# Per address: thirty failures from here, on any numbers.
	$s->sql("INSERT INTO person_login_failure (phone_hash, ip) SELECT UNHEX(SHA2(seq, 256)), "
	    . "'127.0.0.1' FROM seq_1_to_30");
	$res = $login->('13900000002', 'resident-pass-2');
	is($res->{status}, 429, 'thirty failures from one address stop it for every number');
	like($res->{content}, qr/这台设备所在的网络/, 'saying so');
	$s->sql('DELETE FROM person_login_failure');
}

# --- Path traversal -------------------------------------------------------
{
	$s->get("/v/$tok/badge-card.png");	# drawn and kept in the cache
	my @paths = ('/static/../conf/nginx.conf', '/static/../../README.md', '/static/..%2f..%2fREADME.md',
	    '/static/%2e%2e/%2e%2e/README.md', '/static/%2E%2E%2F%2E%2E%2FREADME.md',
	    '/static/%252e%252e/%252e%252e/README.md', '/static/..%252f..%252fREADME.md',
	    '/static/css/site.css%00.txt', '/static/css%00/../../README.md', '/static/..\\..\\README.md',
	    '/static..%2fREADME.md', '/static../README.md', '/media/../conf/bluecode.conf',
	    '/media/%2e%2e/conf/bluecode.conf', '/media/..%2f..%2fetc%2fpasswd', '/robots.txt/../conf/bluecode.conf',
	    "/v/$tok/badge-card.png/../../../conf/bluecode.conf", "/v/$tok/..%2f..%2fconf%2fbluecode.conf",
	    "/v/$tok/badge-..%2f..%2f..%2fconf%2fbluecode.conf", "/v/$tok/%2e%2e",
	    "/v/$tok/badge-card.png%00", '/v/' . ('%2e' x 40) . '/badge-card.png',
	    '/v/' . ('..%2f' x 24) . '/badge-card.png', '/_errors/429.html', '/_errors/../conf/nginx.conf',
	    '/etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%c0%af..%c0%afetc/passwd');
	for my $p (@paths) {
		my ($status, $r) = $s->raw_get($p);
		ok($status == 400 || $status == 404, "$p: 400 or 404") or diag "got $status";
		unlike($r, qr/root:x:0|secret_key_file|fastcgi_pass|# Blue Code/, "$p: nothing of a file outside");
	}
	my ($st, $r) = $s->raw_get("/v/$tok/badge-card.png");
	is($st, 200, 'the kept badge itself is served');
	($st) = $s->raw_get('/static/css/site.css');
	is($st, 200, 'and so is a static file');
}

done_testing();
