# Admin accounts managed in the admin area (admin/admins.c): a district
# admin adds one with its scope and hands over the password shown once;
# the new admin sees what the scope allows; a re-scope takes effect at
# the next request; a disabled account's session ends at once; a new
# password replaces the old; nobody disables or re-scopes themselves;
# other scopes have no such page; every change is audited.
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
like($res->{content}, qr{暂停登录 15 分钟}, 'says for how long');
as('colleague');
is($s->admin_login('other1', 'throttle-pass-1')->{status}, 303, 'a colleague at the same address signs in');
$s->sql("UPDATE audit_log SET created_at = created_at - INTERVAL 16 MINUTE WHERE action = 'login-failed' AND object = 'throttle1'");
as('guesser');
is($s->admin_login('throttle1', 'throttle-pass-1')->{status}, 303, 'a quarter hour later it signs in again');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'login-throttled' AND object = 'throttle1'"), 1, 'the refusal is in the log');

done_testing();
