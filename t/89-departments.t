# Industry departments (行业部门) as data per jurisdiction (sql/014):
# Xiaoshan starts with the 14 of its campaign plan, Xinning with none;
# district admins add, rename, reorder, retire and restore them, each
# change audit-logged in one transaction; bad names are refused with the
# reason and what was typed; a street admin, a resident and another
# jurisdiction's department ids get nothing.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my @plan = qw(区委宣传部 区民宗局 区教育局 区公安分局 区民政局 区人力社保局 区商务局
    区文广旅体局 区卫生健康局 区住建局 区应急管理局 区市场监督管理局 区总工会 团区委);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
my $conf = $s->dir . '/conf/bluecode.conf';
my $bin = BlueCode::Test::bin();

my @rows = $s->sql("SELECT d.name FROM department d JOIN jurisdiction j ON j.id = d.jurisdiction_id "
    . "WHERE j.code = '330109' AND d.retired = 0 ORDER BY d.sort");
is_deeply([ map { $_->[0] } @rows ], \@plan, "Xiaoshan's 14 departments of its plan, in its order");
is(scalar($s->sql("SELECT 1 FROM department d JOIN jurisdiction j ON j.id = d.jurisdiction_id WHERE j.code = '430528'")),
    0, 'Xinning starts with none (its plan does not name them)');

is($s->get('/admin/departments')->{status}, 303, 'signed out, the page leads to the sign-in');
is($s->post('/admin/departments', { name => '区统计局' })->{status}, 403, 'a POST without a CSRF token is refused');

$s->admin_login;
my $home = $s->get('/admin')->{content};
like($home, qr{href="/admin/departments"}, 'the admin home links to the departments');
my $page = $s->get('/admin/departments');
is($page->{status}, 200, 'the page answers');
my @shown = $page->{content} =~ m{aria-label="部门名称（原为([^）]+)）"}g;
is_deeply(\@shown, \@plan, 'listing each department with a form of its own');
my $csrf = form_value($page->{content}, 'csrf');

# Adding: last in the list, audit-logged.
my $res = $s->post('/admin/departments', { csrf => $csrf, name => '区统计局' });
is($res->{status}, 303, 'a department is added');
my ($id, $sort) = @{ ($s->sql("SELECT id, sort FROM department WHERE name = '区统计局'"))[0] };
is($sort, 15, 'last in the list');
like($s->get('/admin/departments')->{content}, qr/已保存/, 'the page says it is saved');
my ($action, $object, $detail) = @{ ($s->sql('SELECT action, object, detail FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$object|$detail", "department-add|department $id|区统计局", 'and it is in the audit log');
like($s->get('/admin')->{content}, qr/添加行业部门/, "the admin home names the action in Chinese");

# Refused names: the reason, the status, what was typed; nothing written.
my $count = scalar $s->sql('SELECT 1 FROM department');
my $audits = scalar $s->sql('SELECT 1 FROM audit_log');
for my $c ([ '', 400, '请填写部门名称' ], [ '   ', 400, '请填写部门名称' ], [ "区\n局", 400, '只能是一行文字' ],
    [ '局' x 33, 400, '最长 32 个字' ], [ '区教育局', 409, '已有同名的部门' ]) {
	my ($name, $status, $why) = @$c;
	$res = $s->post('/admin/departments', { csrf => $csrf, name => $name });
	is($res->{status}, $status, "adding \"$name\" is refused with $status");
	like($res->{content}, qr/\Q$why\E/, "saying: $why");
}
like($s->post('/admin/departments', { csrf => $csrf, name => '区教育局' })->{content},
    qr{<section class="card" id="department-new">.*?value="区教育局"}s, 'the form keeps what was typed');
is(scalar $s->sql('SELECT 1 FROM department'), $count, 'no department was written');
is(scalar $s->sql('SELECT 1 FROM audit_log'), $audits, 'and no audit entry');
ok($s->post('/admin/departments', { csrf => $csrf, name => '局' x 32 })->{status} == 303,
    'a name of exactly 32 characters is taken');

# Renaming, reordering, retiring, restoring.
$res = $s->post("/admin/departments/$id", { csrf => $csrf, name => '区统计局（普查中心）', sort => 0 });
is($res->{status}, 303, 'renamed and moved to the top');
is_deeply(($s->sql("SELECT name, sort, retired FROM department WHERE id = $id"))[0], [ '区统计局（普查中心）', 0, 0 ], 'as stored');
($action, $object, $detail) = @{ ($s->sql('SELECT action, object, detail FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$object|$detail", "department-save|department $id|区统计局 (15) → 区统计局（普查中心） (0)",
    'the audit log says what it was and what it became');
$page = $s->get('/admin/departments')->{content};
my ($first) = $page =~ m{<li id="department-(\d+)"};
is($first, $id, 'it is now first');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '区统计局（普查中心）', sort => 0, retired => 1 })->{status},
    303, 'retired');
is(($s->sql("SELECT retired FROM department WHERE id = $id"))[0][0], 1, 'as stored');
$page = $s->get('/admin/departments')->{content};
like($page, qr{<li id="department-$id" class="retired">}, 'shown as retired');
my @order = $page =~ m{<li id="department-(\d+)"}g;
is($order[-1], $id, 'after the active ones');
like($page, qr{<li id="department-$id" class="retired">.*?name="retired" type="checkbox" value="1" checked}s,
    'with its box ticked');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '区统计局（普查中心）', sort => 0 })->{status}, 303,
    'an unticked box restores it');
is(($s->sql("SELECT retired FROM department WHERE id = $id"))[0][0], 0, 'active again');

# Refused edits.
my $edu = ($s->sql("SELECT id FROM department WHERE name = '区教育局'"))[0][0];
$res = $s->post("/admin/departments/$id", { csrf => $csrf, name => '区教育局', sort => 0 });
is($res->{status}, 409, 'renaming to a name another department has is 409');
like($res->{content}, qr{<li id="department-$id">.*?已有同名的部门.*?value="区教育局"}s, 'said next to its form, with what was typed');
is(($s->sql("SELECT name FROM department WHERE id = $id"))[0][0], '区统计局（普查中心）', 'nothing changed');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '区统计局', sort => 1000 })->{status}, 400, 'a place past 999 is refused');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '区统计局', sort => '-1' })->{status}, 400, 'a negative place is refused');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '区统计局' })->{status}, 400, 'a missing place is refused');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '', sort => 1 })->{status}, 400, 'a blank name is refused');
is($s->post('/admin/departments/999999', { csrf => $csrf, name => '区统计局', sort => 1 })->{status}, 404, 'an unknown id is 404');
is($s->post('/admin/departments/07', { csrf => $csrf, name => '区统计局', sort => 1 })->{status}, 404, 'an id with a leading zero is 404');
is($s->post("/admin/departments/$id", { name => '区统计局', sort => 1 })->{status}, 403, 'an edit without a CSRF token is 403');

# Another jurisdiction's department is not found here.
my ($xinning) = map { $_->[0] } $s->sql("SELECT id FROM jurisdiction WHERE code = '430528'");
$s->sql("INSERT INTO department (jurisdiction_id, name, sort) VALUES ($xinning, '县教育局', 1)");
my $other = ($s->sql("SELECT id FROM department WHERE jurisdiction_id = $xinning"))[0][0];
unlike($s->get('/admin/departments')->{content}, qr/县教育局/, "another jurisdiction's departments are not listed");
is($s->post("/admin/departments/$other", { csrf => $csrf, name => '改名', sort => 1 })->{status}, 404,
    "and cannot be edited from here");
is(($s->sql("SELECT name FROM department WHERE id = $other"))[0][0], '县教育局', 'it is unchanged');
is($s->post('/admin/departments', { csrf => $csrf, name => '县教育局' })->{status}, 303,
    'the same name as a department of another jurisdiction is free here');

# A street admin has no say.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'street-office-1';
	system("$bin -f $conf admin-add chengxiang street 城厢街道 >/dev/null") == 0 or die 'admin-add';
}
$s->clear_cookies;
is($s->admin_login('chengxiang', 'street-office-1')->{status}, 303, 'a street admin signs in');
unlike($s->get('/admin')->{content}, qr{href="/admin/departments"}, 'and is not offered the departments');
is($s->get('/admin/departments')->{status}, 403, 'the page is 403');
$csrf = form_value($s->get('/admin')->{content}, 'csrf');
is($s->post('/admin/departments', { csrf => $csrf, name => '区某局' })->{status}, 403, 'adding is 403');
is($s->post("/admin/departments/$id", { csrf => $csrf, name => '改名', sort => 1 })->{status}, 403, 'editing is 403');
is(scalar($s->sql("SELECT 1 FROM department WHERE name IN ('区某局', '改名')")), 0, 'and nothing was written');

done_testing();
