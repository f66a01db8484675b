# Scopes across the whole admin area: a street admin and a department
# admin ask for every admin page and send every admin form (with a valid
# CSRF token); whatever their scope does not cover is refused (403, or
# 404 for an object they may not know of), and none of it writes
# anything: no audit entry of theirs but signing in.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'scope-pass-1';
	system(BlueCode::Test::bin() . " -f $conf admin-add street7 street 城厢街道 >/dev/null") == 0 or die;
	system(BlueCode::Test::bin() . " -f $conf admin-add dept7 department 区教育局 >/dev/null") == 0 or die;
}
my $q = one('SELECT MIN(id) FROM question');
my $course = one('SELECT MIN(id) FROM course');
my $lesson = one('SELECT MIN(id) FROM lesson');
my $dept = one("SELECT id FROM department WHERE name = '区应急管理局'");
my $region = one("SELECT id FROM region WHERE name = '北干街道'");
# A trainer, and a training request of another street than street7's.
$s->sql("INSERT INTO trainer (jurisdiction_id, name) SELECT id, '范围讲师' FROM jurisdiction WHERE code = '330109'");
$s->sql("INSERT INTO training_booking (jurisdiction_id, ref, name, phone, organisation, region_id, address, headcount, topic, "
    . "day1, part1) SELECT id, 'T2345678', '范', '13800000001', '北干社区', $region, '北干路', 30, 'basics', CURDATE() + "
    . "INTERVAL 10 DAY, 'am' FROM jurisdiction WHERE code = '330109'");
my $trainer = one("SELECT id FROM trainer WHERE name = '范围讲师'");
my $training = one("SELECT id FROM training_booking WHERE ref = 'T2345678'");

my @district_get = ('/admin/admins', '/admin/audit', '/admin/banks', '/admin/banks/1/export', '/admin/codes',
    '/admin/courses', "/admin/courses/$course", "/admin/courses/$course/lessons/new", '/admin/departments',
    "/admin/lessons/$lesson", '/admin/people', '/admin/points', '/admin/questions', "/admin/questions/$q",
    '/admin/regions', '/admin/reports', '/admin/roles', '/admin/stats/growth', '/admin/visits', '/admin/visits/slots/1',
    '/admin/training/setup', "/admin/training/$training");
my @district_post = ('/admin/admins', '/admin/admins/1', '/admin/admins/1/password', '/admin/banks/draft',
    '/admin/banks/import', '/admin/banks/publish', '/admin/bulletins', '/admin/codes/1/revoke', '/admin/courses',
    "/admin/courses/$course", "/admin/courses/$course/lessons", "/admin/courses/$course/move", '/admin/departments',
    "/admin/departments/$dept", "/admin/lessons/$lesson", "/admin/lessons/$lesson/delete", "/admin/lessons/$lesson/move",
    '/admin/people/1/reset', '/admin/points/login', "/admin/questions/$q", "/admin/questions/$q/retire",
    "/admin/regions/$region", '/admin/roles/citizen', '/admin/units/1/key', '/admin/visits/stations', '/admin/visits/slots',
    '/admin/visits/bookings/1', '/admin/training/trainers', "/admin/training/trainers/$trainer/retire", '/admin/training/days',
    '/admin/training/days/delete', map { "/admin/training/$training/$_" } qw(confirm propose decline done));
my %form = (address => 'x', station => 1, time => '09:00', minutes => 60, capacity => 10, status => 'attended',
    name => 'x', scope => 'district', dir => 'up', points => 5, daily_cap => 5, population => 1, kind => 'weekly',
    day => '2026-01-01', text => '越权', confirm => 'yes', title => 'x', summary => 'x', roles => 'citizen', questions => 10);

for my $who ([ 'street7', [ '/admin/stats', '/admin/stats/awareness', '/admin/stats/questions', "/admin/stats/questions/$q",
    '/admin/stats/targets.csv', '/admin/stats/units', '/admin/bulletins', '/admin/training' ], [ '/admin/units' ] ],
    [ 'dept7', [ '/admin/units', '/admin/stats/units', '/admin/stats/awareness', '/admin/bulletins' ],
    [ '/admin/stats', '/admin/stats/questions', '/admin/stats/targets.csv', '/admin/training' ] ]) {
	my ($login, $allowed, $refused) = @$who;
	$s->clear_cookies;
	is($s->admin_login($login, 'scope-pass-1')->{status}, 303, "$login signs in");
	is($s->get($_)->{status}, 200, "$login: $_ is theirs") for @$allowed;
	for my $path (@district_get, @$refused) {
		my $st = $s->get($path)->{status};
		ok($st == 403 || $st == 404, "$login: GET $path refused ($st)");
	}
	my $csrf = $s->csrf('/admin');
	for my $path (@district_post, ($login eq 'street7' ? '/admin/units/1/decide' : ())) {
		my $st = $s->post($path, { %form, csrf => $csrf, decision => 'approve' })->{status};
		ok($st == 403 || $st == 404, "$login: POST $path refused ($st)");
	}
	is(one("SELECT COUNT(*) FROM audit_log l JOIN admin a ON a.id = l.admin_id WHERE a.login = '$login' AND l.action <> 'login'"), 0,
	    "$login wrote nothing");
	is(one("SELECT CONCAT(status, ' ', (SELECT retired FROM trainer WHERE id = $trainer)) FROM training_booking WHERE id = $training"),
	    'requested 0', "$login changed no training request or trainer");
}
done_testing();
