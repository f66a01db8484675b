# A fire-station admin and a unit admin at work (admin/visits.c,
# stats/stats.c): the station admin adds open-day slots to its own
# station, sees their bookings and marks attendance (a notice each), and
# cannot touch another station's slot or booking, by URL or by a forged
# form field; a unit admin sees its own unit's page and no other unit's.
# Their sessions end after session_hours, and at once when the account
# is disabled.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';
my $day = one('SELECT CURDATE() + INTERVAL 5 DAY');

# The office: two stations, a slot at each, a booking of each by the public.
$s->admin_login;
my $csrf = $s->csrf('/admin/visits');
for my $name ('甲消防站', '乙消防站') {
	is($s->post('/admin/visits/stations', { csrf => $csrf, name => $name, address => '萧山区' })->{status}, 303, "the office adds $name");
}
my $st_a = one("SELECT id FROM station WHERE name = '甲消防站'");
my $st_b = one("SELECT id FROM station WHERE name = '乙消防站'");
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st_b, day => $day, time => '10:00', minutes => 60, capacity => 20 })->{status},
    303, 'and a slot at station B');
my $slot_b = one("SELECT id FROM visit_slot WHERE station_id = $st_b");
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'station-pass-1';
	system(BlueCode::Test::bin() . " -f $conf admin-add station.a station 甲消防站 >/dev/null") == 0 or die;
}

# The station admin adds a slot to its own station only.
$s->clear_cookies;
is($s->admin_login('station.a', 'station-pass-1')->{status}, 303, 'the station admin signs in');
my $page = $s->get('/admin')->{content};
like($page, qr{当前权限范围：消防救援站：甲消防站}, 'the home names its station');
like($page, qr{href="/admin/visits"}, 'and links to the visits');
unlike($page, qr{href="/admin/(?:stats|codes|units|admins)}, 'and to nothing else');
$page = $s->get('/admin/visits')->{content};
like($page, qr{<h2>甲消防站</h2>}, 'its station on the visits page');
unlike($page, qr{乙消防站}, 'no other station');
unlike($page, qr{action="/admin/visits/stations"}, 'no form for a new station');
$csrf = form_value($page, 'csrf');
my $audits = one('SELECT COUNT(*) FROM audit_log');
my $slots = one('SELECT COUNT(*) FROM visit_slot');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st_b, day => $day, time => '09:00', minutes => 60, capacity => 10 })->{status},
    403, "a slot at another station (a forged field): 403");
is($s->post('/admin/visits/slots', { csrf => $csrf, station => 999999, day => $day, time => '09:00', minutes => 60, capacity => 10 })->{status},
    403, 'at a station of nowhere: 403');
is($s->post('/admin/visits/stations', { csrf => $csrf, name => '丙消防站', address => 'x' })->{status}, 403, 'a new station: 403');
is(one('SELECT COUNT(*) FROM visit_slot'), $slots, 'no slot written');
is(one('SELECT COUNT(*) FROM station'), 2, 'no station written');
is(one('SELECT COUNT(*) FROM audit_log'), $audits, 'nothing audited');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st_a, day => $day, time => '09:00', minutes => 60, capacity => 10 })->{status},
    303, 'a slot at its own station');
my $slot_a = one("SELECT id FROM visit_slot WHERE station_id = $st_a");
ok($slot_a, 'stored at station A');
is(one("SELECT CONCAT(a.login, ' ', l.object) FROM audit_log l JOIN admin a ON a.id = l.admin_id WHERE l.action = 'slot-add' ORDER BY l.id DESC LIMIT 1"),
    "station.a slot $slot_a", 'audited as its own');

# The public books both slots.
my %ref;
for ([ a => $slot_a, '13900000081' ], [ b => $slot_b, '13900000082' ]) {
	my ($k, $slot, $phone) = @$_;
	$s->clear_cookies;
	my $c = $s->csrf("/visits/slots/$slot");
	my $res = $s->post("/visits/slots/$slot", { csrf => $c, name => "联系人$k", phone => $phone, people => 3 });
	($ref{$k}) = ($res->{headers}{location} // '') =~ m{/visits/b/([A-Z0-9]{8})$};
	ok($ref{$k}, "a booking at station \U$k");
}
my $bk_a = one("SELECT id FROM visit_booking WHERE ref = '$ref{a}'");
my $bk_b = one("SELECT id FROM visit_booking WHERE ref = '$ref{b}'");

# Its own bookings and attendance; nothing of station B.
$s->admin_login('station.a', 'station-pass-1');
$csrf = $s->csrf('/admin/visits');
$page = $s->get("/admin/visits/slots/$slot_a")->{content};
like($page, qr{<td>$ref{a}</td><td>联系人a</td><td class="nowrap">139\*\*\*\*0081</td>}, "its slot's booking, with whom to call, masked");
like($s->post("/admin/visits/slots/$slot_a/show", { csrf => $csrf, why => '通知参观改期' })->{content},
    qr{<td>$ref{a}</td><td>联系人a</td><td class="nowrap"><a href="tel:13900000081">13900000081</a></td>}, 'shown in full with a reason');
is(one("SELECT CONCAT(a.login, ' ', l.subject, ' ', l.subject_ref, ' ', l.field) FROM access_log l JOIN admin a ON a.id = l.admin_id"),
    "station.a visit $ref{a} phone", 'the access logged as its own');
is($s->get("/admin/visits/slots/$slot_b")->{status}, 404, "another station's slot by URL: 404");
is($s->post("/admin/visits/slots/$slot_b/show", { csrf => $csrf, why => 'x' })->{status}, 404, "nor shown in full: 404");
is($s->post("/admin/visits/bookings/$bk_b", { csrf => $csrf, status => 'attended' })->{status}, 404,
    "another station's booking by URL: 404");
is(one("SELECT status FROM visit_booking WHERE id = $bk_b"), 'booked', 'which stays booked');
is(one("SELECT COUNT(*) FROM notice WHERE ref = '$ref{b}'"), 1, 'with no notice but its booking');
is($s->post("/admin/visits/bookings/$bk_a", { csrf => $csrf, status => 'attended' })->{status}, 303, 'its own marked attended');
is(one("SELECT status FROM visit_booking WHERE id = $bk_a"), 'attended', 'as stored');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE kind = 'visit' AND object_id = $bk_a"), 'booked,attended',
    'a notice of the attendance');
is(one("SELECT a.login FROM audit_log l JOIN admin a ON a.id = l.admin_id WHERE l.action = 'visit-mark'"), 'station.a',
    'audited as its own');

# The office still sees and keeps every station.
$s->clear_cookies;
$s->admin_login;
$page = $s->get('/admin/visits')->{content};
like($page, qr{甲消防站.*乙消防站}s, 'the office sees both stations');
is($s->get("/admin/visits/slots/$slot_a")->{status}, 200, "and station A's slot");

# A unit admin: its own unit's page, no other unit's.
my $jur = one("SELECT id FROM jurisdiction WHERE code = '330109'");
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
$s->sql("INSERT INTO person (phone, pw_hash, name) VALUES ('13900000083', 'x', '成员甲'), ('13900000084', 'x', '成员乙')");
$s->seal;
my ($p1, $p2) = map { $s->person_id($_) } '13900000083', '13900000084';
for (['甲公司', 'JCJIA002'], ['乙公司', 'JCYI0002']) {
	$s->sql("INSERT INTO unit (jurisdiction_id, name, region_id, headcount, status, join_code, created_by) "
	    . "VALUES ($jur, '$_->[0]', $cx, 8, 'active', '$_->[1]', $p1)");
}
my $u_a = one("SELECT id FROM unit WHERE name = '甲公司'");
my $u_b = one("SELECT id FROM unit WHERE name = '乙公司'");
$s->sql("INSERT INTO unit_member (person_id, unit_id, status) VALUES ($p1, $u_a, 'active'), ($p2, $u_a, 'pending')");
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'unit-pass-1';
	system(BlueCode::Test::bin() . " -f $conf admin-add unit.a unit 甲公司 >/dev/null") == 0 or die;
}
$s->clear_cookies;
is($s->admin_login('unit.a', 'unit-pass-1')->{status}, 303, 'the unit admin signs in');
$page = $s->get('/admin')->{content};
like($page, qr{当前权限范围：单位：甲公司}, 'the home names its unit');
like($page, qr{href="/admin/stats/units/$u_a"}, "and links to the unit's page");
unlike($page, qr{href="/admin/(?:visits|codes|units|admins|stats/units")}, 'and to nothing else');
$page = $s->get("/admin/stats/units/$u_a")->{content};
like($page, qr{<h1>甲公司</h1>}, 'its unit');
like($page, qr{注册成员 1（注册率 12\.5%） · 待审核 1 · 持有效蓝码 0（覆盖率 0\.0%）}, "its members' figures");
like($page, qr{近 30 天每日学习情况}, 'and its learning day by day');
is($s->get("/admin/stats/units/$u_b")->{status}, 404, 'another unit by URL: 404');
is($s->get('/admin/stats/units')->{status}, 403, 'the ranking of the others: 403');
is($s->get('/admin/units')->{status}, 403, 'the units to approve: 403');

# Sessions: they last session_hours, and end with a disabled account.
my $hours = one("SELECT TIMESTAMPDIFF(MINUTE, s.created_at, s.expires_at) FROM session s JOIN admin a ON a.id = s.admin_id "
    . "WHERE a.login = 'unit.a'");
is($hours, 12 * 60, "an admin's session lasts session_hours (12)");
$s->sql("UPDATE session s JOIN admin a ON a.id = s.admin_id SET s.expires_at = NOW() - INTERVAL 1 SECOND WHERE a.login = 'unit.a'");
is($s->get("/admin/stats/units/$u_a")->{status}, 303, 'once over, the unit admin is back at the sign-in');
is($s->admin_login('unit.a', 'unit-pass-1')->{status}, 303, 'and signs in again');
is($s->get("/admin/stats/units/$u_a")->{status}, 200, 'with its page again');
$s->sql("UPDATE admin SET disabled = 1 WHERE login = 'unit.a'");
is($s->get("/admin/stats/units/$u_a")->{status}, 303, "a disabled account's session ends at once");
done_testing();
