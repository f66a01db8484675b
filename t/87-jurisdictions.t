# Sites of several jurisdictions can share one database (sql/011): each
# site's admin area is its own. An admin of another jurisdiction cannot
# sign in here, and loses a session here if moved to another; the audit
# log, the code list and revocation stay within the site's jurisdiction.
# Also: signing in and out as an admin keeps the codes this browser
# earned without an account.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);
my $conf = $s->dir . '/conf/bluecode.conf';
my $bin = BlueCode::Test::bin();
my ($xinning) = map { $_->[0] } $s->sql("SELECT id FROM jurisdiction WHERE code = '430528'");
ok($xinning, 'the database holds Xinning too');

# A resident's code, earned without an account; then its browser signs
# in and out as an admin.
my $code = $s->pass_quiz('citizen', '城厢街道');
ok($code, 'a code earned without an account');
my $res = $s->admin_login;
is($res->{status}, 303, 'the same browser signs in as an admin');
like($s->get('/my')->{content}, qr{href="/my/$code"}, 'the code is still listed on 我的蓝码');
is($s->get("/my/$code")->{status}, 200, "and its holder's page opens");
$res = $s->post('/admin/logout', { csrf => form_value($s->get('/admin')->{content}, 'csrf') });
is($res->{status}, 303, 'signed out');
like($s->get('/my')->{content}, qr{href="/my/$code"}, 'the code is still this browser\'s');
$s->clear_cookies;

# An admin of Xinning, in the same database.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'xinning-office-1';
	system("$bin -f $conf admin-add xinning district >/dev/null") == 0 or die 'admin-add';
}
$s->sql("UPDATE admin SET jurisdiction_id = $xinning WHERE login = 'xinning'");
$res = $s->admin_login('xinning', 'xinning-office-1');
is($res->{status}, 200, "an admin of another jurisdiction cannot sign in to this site");
like($res->{content}, qr/账号或密码不正确/, 'and is told the sign-in failed');
is($s->get('/admin/regions')->{status}, 303, 'and reaches no admin page');
my ($failed) = map { $_->[0] } $s->sql("SELECT jurisdiction_id FROM audit_log WHERE action = 'login-failed' ORDER BY id DESC LIMIT 1");
is($failed, ($s->sql("SELECT id FROM jurisdiction WHERE code = '330109'"))[0][0], "the failed sign-in is in this site's log");

# A Xiaoshan admin moved to Xinning loses the session here at once.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'moving-office-1';
	system("$bin -f $conf admin-add mover district >/dev/null") == 0 or die 'admin-add';
}
$s->clear_cookies;
is($s->admin_login('mover', 'moving-office-1')->{status}, 303, 'an admin of this jurisdiction signs in');
like($s->get('/admin')->{content}, qr/管理首页/, 'and has the admin home');
$s->sql("UPDATE admin SET jurisdiction_id = $xinning WHERE login = 'mover'");
like($s->get('/admin')->{content}, qr/管理登录/, 'moved to another jurisdiction, the session no longer signs in here');
is($s->get('/admin/codes')->{status}, 303, 'and admin pages lead to the sign-in');

# The log, the codes and revocation stay within the jurisdiction.
my ($town) = map { $_->[0] } $s->sql("SELECT id FROM region WHERE jurisdiction_id = $xinning ORDER BY id LIMIT 1");
$s->clear_cookies;
my $other = $s->pass_quiz('student', '城厢街道');
ok($other, 'another code');
$s->sql("UPDATE code SET region_id = $town WHERE id = $other");
$s->sql("INSERT INTO audit_log (jurisdiction_id, admin_id, action, object, ip, created_at) "
    . "VALUES ($xinning, NULL, 'login-failed', 'someone-in-xinning', '10.0.0.9', NOW())");
$s->clear_cookies;
$s->admin_login;
my $home = $s->get('/admin')->{content};
like($home, qr/最近操作记录/, 'the district admin sees the log');
unlike($home, qr/someone-in-xinning/, "but not another jurisdiction's entries");
my $list = $s->get('/admin/codes')->{content};
like($list, qr{<strong>330109-0*$code</strong>}, "the code list has this jurisdiction's code");
unlike($list, qr{-0*$other</strong>}, "and not the other jurisdiction's");
unlike($s->get("/admin/codes?q=$other")->{content}, qr{-0*$other</strong>}, 'which is not found by its number');
unlike($s->get(sprintf '/admin/codes?q=430528-%07d', $other)->{content}, qr{-0*$other</strong>},
    'nor by its full number');
my $csrf = form_value($home, 'csrf');
is($s->post("/admin/codes/$other/revoke", { csrf => $csrf, text => '越权' })->{status}, 404,
    "another jurisdiction's code cannot be revoked here");
is(($s->sql("SELECT revoked_at IS NULL FROM code WHERE id = $other"))[0][0], 1, 'and stays valid');

done_testing();
