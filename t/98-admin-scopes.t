# Scopes across the whole admin area: a street admin, a department
# admin, a unit admin and a fire-station admin ask for every admin page
# and send every admin form (with a valid CSRF token); whatever their
# scope does not cover is refused (403, or 404 for an object they may not
# know of), and none of it writes anything: no audit entry of theirs but
# signing in, and every table as it was (checksums before and after).
#
# To add a route: a district-only page goes in @district_get or
# @district_post; a page some scopes may use goes in those scopes'
# allowed list and the others' refused list in @who.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';

# Two units and two stations, each with a slot and a booking; the second
# of each is made first, so that the ids the forms below name (station,
# slot, booking and unit 1) are never the unit's or station admin's own.
my $jur = one("SELECT id FROM jurisdiction WHERE code = '330109'");
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
$s->sql("INSERT INTO person (phone, pw_hash, name) VALUES ('13900000071', 'x', '单位创建人')");
$s->seal;
my $maker = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13900000071') ]}");
for my $u ('乙单位', '甲单位') {
	$s->sql("INSERT INTO unit (jurisdiction_id, name, region_id, headcount, status, join_code, created_by) "
	    . "VALUES ($jur, '$u', $cx, 10, 'active', '" . ($u eq '甲单位' ? 'JCJIA001' : 'JCYI0001') . "', $maker)");
	$s->sql("INSERT INTO station (jurisdiction_id, name, address) VALUES ($jur, '${u}站', 'x')");
	$s->sql("INSERT INTO visit_slot (station_id, starts_at, minutes, capacity, booked) "
	    . "SELECT id, NOW() + INTERVAL 3 DAY, 60, 10, 2 FROM station WHERE name = '${u}站'");
	$s->sql("INSERT INTO visit_booking (slot_id, ref, name, phone, people) SELECT v.id, '"
	    . ($u eq '甲单位' ? 'JIA00001' : 'YI000001') . "', '联系人', '13900000072', 2 FROM visit_slot v "
	    . "JOIN station s ON s.id = v.station_id WHERE s.name = '${u}站'");
}
$s->seal;
my $unit_a = one("SELECT id FROM unit WHERE name = '甲单位'");
my $unit_b = one("SELECT id FROM unit WHERE name = '乙单位'");
my $slot_a = one("SELECT v.id FROM visit_slot v JOIN station s ON s.id = v.station_id WHERE s.name = '甲单位站'");
my $slot_b = one("SELECT v.id FROM visit_slot v JOIN station s ON s.id = v.station_id WHERE s.name = '乙单位站'");
my $booking_b = one("SELECT id FROM visit_booking WHERE ref = 'YI000001'");
die 'the fixtures are not as planned' unless $unit_b == 1 && $slot_b == 1 && $booking_b == 1
    && one("SELECT id FROM station WHERE name = '乙单位站'") == 1;
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'scope-pass-1';
	system(BlueCode::Test::bin() . " -f $conf admin-add street7 street 城厢街道 >/dev/null") == 0 or die;
	system(BlueCode::Test::bin() . " -f $conf admin-add dept7 department 区教育局 >/dev/null") == 0 or die;
	system(BlueCode::Test::bin() . " -f $conf admin-add unit7 unit 甲单位 >/dev/null") == 0 or die;
	system(BlueCode::Test::bin() . " -f $conf admin-add station7 station 甲单位站 >/dev/null") == 0 or die;
}

# Every table's checksum but the sessions' and the audit log's (signing
# in writes both; the audit log is counted apart).
my @tables = map { $_->[0] } $s->sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
    . "AND table_type = 'BASE TABLE' AND table_name NOT IN ('session', 'audit_log') ORDER BY table_name");
sub checksums { return { map { $_->[0] => $_->[1] } $s->sql('CHECKSUM TABLE ' . join ', ', @tables) } }
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
$s->seal;
my $trainer = one("SELECT id FROM trainer WHERE name = '范围讲师'");
my $training = one("SELECT id FROM training_booking WHERE ref = 'T2345678'");

my @district_get = ('/admin/admins', '/admin/audit', '/admin/banks', '/admin/banks/1/export', '/admin/codes',
    '/admin/courses', "/admin/courses/$course", "/admin/courses/$course/lessons/new", '/admin/departments',
    "/admin/lessons/$lesson", '/admin/people', '/admin/points', '/admin/questions', "/admin/questions/$q",
    '/admin/regions', '/admin/reports', '/admin/roles', '/admin/stats/growth',
    '/admin/aid/1', '/admin/aid/documents/1', '/admin/hazards/1', '/admin/hazards/photos/1', '/admin/access', '/admin/access.csv',
    '/admin/training/setup', "/admin/training/$training");
# The pages of the figures, and the units' and the stations' own.
my @stats_get = ('/admin/stats', '/admin/stats/awareness', '/admin/stats/questions', "/admin/stats/questions/$q",
    '/admin/stats/targets.csv', '/admin/stats/units', '/admin/bulletins');
my @district_post = ('/admin/admins', '/admin/admins/1', '/admin/admins/1/password', '/admin/banks/draft',
    '/admin/banks/import', '/admin/banks/publish', '/admin/bulletins', '/admin/codes/1/revoke', '/admin/courses',
    "/admin/courses/$course", "/admin/courses/$course/lessons", "/admin/courses/$course/move", '/admin/departments',
    "/admin/departments/$dept", "/admin/lessons/$lesson", "/admin/lessons/$lesson/delete", "/admin/lessons/$lesson/move",
    '/admin/people/1/reset', '/admin/points/login', "/admin/questions/$q", "/admin/questions/$q/retire",
    "/admin/regions/$region", '/admin/roles/citizen', '/admin/units/1/key', '/admin/visits/stations', '/admin/visits/slots',
    '/admin/visits/bookings/1', '/admin/aid/1/review', '/admin/aid/1/more-info', '/admin/aid/1/approve', '/admin/aid/1/reject',
    '/admin/hazards/1/moderate', '/admin/hazards/photos/1', '/admin/hazards/1/status', '/admin/hazards/1/show',
    '/admin/training/trainers', "/admin/training/trainers/$trainer/retire", '/admin/training/days',
    '/admin/training/days/delete', map({ "/admin/training/$training/$_" } qw(confirm propose decline done show)),
    '/admin/aid/1/show', "/admin/visits/slots/$slot_b/show");
my %form = (address => 'x', station => 1, time => '09:00', minutes => 60, capacity => 10, status => 'attended',
    name => 'x', scope => 'district', dir => 'up', points => 5, daily_cap => 5, population => 1, kind => 'weekly',
    day => '2026-01-01', text => '越权', confirm => 'yes', title => 'x', summary => 'x', roles => 'citizen', questions => 10,
    reason => '越权', amount => '1', why => '越权');

my @visits_get = ('/admin/visits', "/admin/visits/slots/$slot_b");

# Each admin: the pages theirs, the pages refused beside @district_get,
# the forms refused beside @district_post.
my @who = (
    [ 'street7', [ @stats_get, '/admin/hazards', '/admin/aid', '/admin/training' ], [ '/admin/units', @visits_get ], [ '/admin/units/1/decide' ] ],
    [ 'dept7', [ '/admin/units', '/admin/stats/units', '/admin/stats/awareness', '/admin/bulletins' ],
      [ '/admin/stats', '/admin/stats/questions', '/admin/stats/targets.csv', @visits_get, '/admin/hazards', '/admin/aid', '/admin/training' ], [] ],
    [ 'unit7', [ "/admin/stats/units/$unit_a" ], [ @stats_get, '/admin/units', '/admin/hazards', '/admin/aid', '/admin/training', "/admin/stats/units/$unit_b", @visits_get,
      "/admin/visits/slots/$slot_a" ], [ '/admin/units/1/decide', "/admin/units/$unit_a/decide", "/admin/units/$unit_a/key" ] ],
    [ 'station7', [ '/admin/visits', "/admin/visits/slots/$slot_a" ], [ @stats_get, '/admin/units', '/admin/hazards', '/admin/aid', '/admin/training', "/admin/stats/units/$unit_a",
      "/admin/stats/units/$unit_b", "/admin/visits/slots/$slot_b" ], [ '/admin/units/1/decide' ] ],
);
for my $who (@who) {
	my ($login, $allowed, $refused, $refused_post) = @$who;
	$s->clear_cookies;
	is($s->admin_login($login, 'scope-pass-1')->{status}, 303, "$login signs in");
	my $before = checksums();
	ok(keys %$before > 20 && grep({ /\.visit_booking$/ && $before->{$_} } keys %$before),
	    "$login: the tables' checksums are read");
	# The home links to what the scope can use, and only that.
	my %link = map { $_ => 1 } $s->get('/admin')->{content} =~ m{href="(/admin/[^"#?]*)"}g;
	ok(%link, "$login: the home has links");
	is($s->get($_)->{status}, 200, "$login: the home's link $_ opens") for sort keys %link;
	ok($link{$_}, "$login: the home links to $_") for grep { !m{/questions/|/targets|/slots/} } @$allowed;
	is($s->get($_)->{status}, 200, "$login: $_ is theirs") for @$allowed;
	for my $path (@district_get, @$refused) {
		my $st = $s->get($path)->{status};
		ok($st == 403 || $st == 404, "$login: GET $path refused ($st)");
	}
	my $csrf = $s->csrf('/admin');
	for my $path (@district_post, @$refused_post) {
		my $st = $s->post($path, { %form, csrf => $csrf, decision => 'approve' })->{status};
		ok($st == 403 || $st == 404, "$login: POST $path refused ($st)");
	}
	is(one("SELECT COUNT(*) FROM audit_log l JOIN admin a ON a.id = l.admin_id WHERE a.login = '$login' AND l.action <> 'login'"), 0,
	    "$login wrote nothing");
	is_deeply(checksums(), $before, "$login changed no table");
	is(one("SELECT CONCAT(status, ' ', (SELECT retired FROM trainer WHERE id = $trainer)) FROM training_booking WHERE id = $training"),
	    'requested 0', "$login changed no training request or trainer");
}
done_testing();
