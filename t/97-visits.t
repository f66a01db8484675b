# Fire-station visits (visit/, admin/visits.c): a district admin adds a
# station and an open-day slot; the public books it for a group, gets a
# reference, cancels with its mobile number (places freed); the slot's
# places hold under 50 bookings at the same moment; the office marks
# attendance; bad input, a wrong number, another jurisdiction's slot and
# typed markup are all handled.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 4, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }

is($s->get('/visits')->{status}, 200, 'the visits page opens with nothing to book');
like($s->get('/')->{content}, qr{href="/visits"}, 'the home page links to it');

# The office: a station, then slots.
$s->admin_login;
my $csrf = $s->csrf('/admin/visits');
is($s->post('/admin/visits/stations', { csrf => $csrf, name => '', address => 'x' })->{status}, 400, 'a station needs a name');
is($s->post('/admin/visits/stations', { csrf => $csrf, name => '城厢消防站<script>', address => '萧山区城厢街道育才路 1 号' })->{status}, 303,
    'a station is added');
is($s->post('/admin/visits/stations', { csrf => $csrf, name => '城厢消防站<script>', address => 'x' })->{status}, 409, 'its name once');
my $st = one("SELECT id FROM station WHERE name LIKE '城厢消防站%'");
my $day = one('SELECT CURDATE() + INTERVAL 3 DAY');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st, day => '2020-01-01', time => '09:00', minutes => 90, capacity => 10 })->{status},
    400, 'a slot in the past: 400');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st, day => '2030-02-30', time => '09:00', minutes => 90, capacity => 10 })->{status},
    400, 'a day that is none: 400');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st, day => $day, time => '25:00', minutes => 90, capacity => 10 })->{status},
    400, 'an hour that is none: 400');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st, day => $day, time => '09:30', minutes => 90, capacity => 10 })->{status},
    303, 'a slot of ten places');
is($s->post('/admin/visits/slots', { csrf => $csrf, station => $st, day => $day, time => '14:00', minutes => 60, capacity => 30 })->{status},
    303, 'and one of thirty');
my ($small, $big) = map { $_->[0] } $s->sql("SELECT id FROM visit_slot WHERE station_id = $st ORDER BY capacity");

# The public books.
$s->clear_cookies;
my $page = $s->get('/visits')->{content};
like($page, qr{<h2>城厢消防站&lt;script&gt;</h2>}, "the station's name escaped");
like($page, qr{09:30（90 分钟） · 余 10 个名额 <a class="button secondary" href="/visits/slots/$small">预约</a>}, 'the slot with its places');
$page = $s->get("/visits/slots/$big")->{content};
$csrf = form_value($page, 'csrf');
my $res = $s->post("/visits/slots/$big", { csrf => $csrf, name => '王老师', phone => '1380000', people => 5 });
is($res->{status}, 400, 'a malformed number: 400');
like($res->{content}, qr{value="王老师"}, 'what was typed stays');
is($s->post("/visits/slots/$big", { csrf => $csrf, name => '王老师', phone => '13800000001', people => 61 })->{status}, 400, 'over 60 people: 400');
is($s->post("/visits/slots/$big", { csrf => $csrf, name => '王老师', phone => '13800000001', people => 31 })->{status}, 409, 'over the places: 409');
is($s->post("/visits/slots/$big", { name => '王老师', phone => '13800000001', people => 5 })->{status}, 403, 'without CSRF: 403');
$res = $s->post("/visits/slots/$big", { csrf => $csrf, name => '王老师', phone => '13800000001', people => 25, organisation => '城厢一小<b>' });
is($res->{status}, 303, 'a class of 25 is booked');
my ($ref) = ($res->{headers}{location} // '') =~ m{/visits/b/([A-Z0-9]{8})$};
ok($ref, 'with a reference');
$page = $s->get("/visits/b/$ref")->{content};
like($page, qr{预约编号 <span class="join-code">$ref</span>}, 'its page');
like($page, qr{138\*\*\*\*0001}, 'the number masked');
like($page, qr{城厢一小&lt;b&gt;}, 'markup typed stays text');
is(one("SELECT booked FROM visit_slot WHERE id = $big"), 25, 'the slot has 25 places taken');
$res = $s->post("/visits/slots/$big", { csrf => $csrf, name => '李', phone => '13800000002', people => 6 });
is($res->{status}, 409, 'six more than the five left: 409');
like($res->{content}, qr{剩余名额不够}, 'says why');
is($s->post("/visits/b/$ref/cancel", { csrf => $csrf, phone => '13800000009' })->{status}, 403, 'cancelling with another number: 403');
is(one("SELECT status FROM visit_booking WHERE ref = '$ref'"), 'booked', 'still booked');
is($s->post("/visits/b/$ref/cancel", { csrf => $csrf, phone => '13800000001' })->{status}, 303, 'cancelled with its number');
is(one("SELECT booked FROM visit_slot WHERE id = $big"), 0, 'its places freed');
is($s->post("/visits/b/$ref/cancel", { csrf => $csrf, phone => '13800000001' })->{status}, 303, 'cancelling again changes nothing');
is(one("SELECT booked FROM visit_slot WHERE id = $big"), 0, 'nothing freed twice');
$page = $s->get("/visits/b/$ref")->{content};
like($page, qr{办理进度.*已预约.*已取消}s, 'its page shows its history: booked, then cancelled');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE kind = 'visit' AND ref = '$ref'"), 'booked,cancelled',
    'one notice a change, the second cancel none');
is(one("SELECT COUNT(*) FROM notice WHERE ref = '$ref' AND phone_enc IS NOT NULL AND phone IS NULL AND sent_at IS NULL AND person_id IS NULL"), 2,
    'each for its number, waiting for a sender, of nobody signed in');
is($s->get('/visits/b/ZZZZZZZZ')->{status}, 404, 'an unknown reference: 404');
is($s->get('/visits/b/<x>')->{status}, 404, 'a malformed one: 404');

# Fifty bookings of one person each, at the same moment, on ten places.
{
	my %st;
	$st{$_}++ for $s->at_once(map { my $i = $_; sub { $s->post("/visits/slots/$small",
	    { csrf => $csrf, name => "访客$i", phone => sprintf('139%08d', $i), people => 1 })->{status} } } 1 .. 50);
	is($st{303}, 10, 'ten of them are booked') or diag explain \%st;
	is($st{409}, 40, 'forty are told it is full');
	is(one("SELECT booked FROM visit_slot WHERE id = $small"), 10, 'the slot has exactly its ten places taken');
	is(one("SELECT SUM(people) FROM visit_booking WHERE slot_id = $small AND status = 'booked'"), 10, 'as its bookings say');
}

# Attendance, by the office.
$s->admin_login;
$csrf = $s->csrf('/admin/visits');
$page = $s->get("/admin/visits/slots/$small")->{content};
like($page, qr{已约 10 / 10 人}, "the slot's bookings");
like($page, qr{139\*\*\*\*00\d\d}, 'their numbers masked');
unlike($page, qr{1390000\d{4}}, 'not in full');
is($s->post("/admin/visits/slots/$small/show", { why => '通知' })->{status}, 403, 'showing without CSRF: 403');
$res = $s->post("/admin/visits/slots/$small/show", { csrf => $csrf, why => '' });
is($res->{status}, 400, 'shown only with a reason');
like($res->{content}, qr{请填写查看完整号码的理由}, 'which it asks for');
unlike($res->{content}, qr{1390000\d{4}}, 'still masked');
is(one("SELECT COUNT(*) FROM access_log"), 0, 'nothing logged');
$res = $s->post("/admin/visits/slots/$small/show", { csrf => $csrf, why => '电话通知参观安排' });
is($res->{status}, 200, 'with a reason');
like($res->{content}, qr{href="tel:1390000\d{4}"}, 'the numbers in full');
is(one("SELECT COUNT(*) FROM access_log WHERE subject = 'visit' AND field = 'phone' AND reason = '电话通知参观安排'"),
    one("SELECT COUNT(*) FROM visit_booking WHERE slot_id = $small AND phone_enc IS NOT NULL"), 'each booking shown is logged');
my $b = one("SELECT id FROM visit_booking WHERE slot_id = $small AND status = 'booked' ORDER BY id LIMIT 1");
is($s->post("/admin/visits/bookings/$b", { csrf => $csrf, status => 'maybe' })->{status}, 400, 'attendance must be one');
is($s->post("/admin/visits/bookings/$b", { csrf => $csrf, status => 'attended' })->{status}, 303, 'marked attended');
is(one("SELECT status FROM visit_booking WHERE id = $b"), 'attended', 'as stored');
my $c = one("SELECT id FROM visit_booking WHERE ref = '$ref'");
is($s->post("/admin/visits/bookings/$c", { csrf => $csrf, status => 'attended' })->{status}, 409, 'a cancelled booking is not marked');
is(one("SELECT COUNT(*) FROM audit_log WHERE action IN ('station-add', 'slot-add', 'visit-mark')"), 4, "the office's changes are audited");
my $bref = one("SELECT ref FROM visit_booking WHERE id = $b");
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE kind = 'visit' AND object_id = $b"), 'booked,attended',
    'attendance is a notice too');
unlike($s->get("/visits/b/$bref")->{content}, qr{（管理员}, "the public page does not name the office's admin");

# The office's pages in English (xslt/l10n/en/admin-visits.xml,
# admin-visit-slot.xml): the interface is, the data stays as typed.
my $en = { 'Accept-Language' => 'en' };
sub chinese_left {
	my ($html, @data) = @_;
	my ($main) = $html =~ m{<main\b.*</main>}s;
	$main //= '';
	$main =~ s/$_//g for @data;
	return join ' ', $main =~ /([\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]+)/g;
}
$page = $s->get('/admin/visits', $en)->{content};
like($page, qr{<html lang="en">}, 'the visits admin page in English');
like($page, qr{<title>Fire-station visits · }, 'with its title');
like($page, qr{09:30</a> \(90 minutes\) · 10 of 10 places booked</li>}, 'a slot and its places');
like($page, qr{<button type="submit" class="button">Add the time slot</button>}, 'the button that adds a slot');
is(chinese_left($page, qr{城厢消防站|萧山区城厢街道育才路 1 号}), '', 'no Chinese but the stations');
$page = $s->get("/admin/visits/slots/$small", $en)->{content};
like($page, qr{<html lang="en">}, "a slot's bookings in English");
like($page, qr{<title>Visit time slot · 城厢消防站&lt;script&gt; · }, 'with its title');
like($page, qr{\(90 minutes\) · 10 of 10 places booked</p>}, 'its places');
like($page, qr{>Came</button> <button [^>]*>Did not come</button>}, 'the attendance buttons');
is(chinese_left($page, qr{城厢消防站|访客\d+}), '', 'no Chinese but the station and the names');

# A signed-in person's booking is theirs: their page follows it.

$s->clear_cookies;
$csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => '13912345678', password => 'fire-safety-1', name => '赵六' })->{status}, 303,
    'a resident registers');
$csrf = $s->csrf("/visits/slots/$big");
$res = $s->post("/visits/slots/$big", { csrf => $csrf, name => '赵六', phone => '13912345678', people => 2 });
my ($mine) = ($res->{headers}{location} // '') =~ m{/visits/b/([A-Z0-9]{8})$};
ok($mine, 'and books a visit');
is(one("SELECT COUNT(*) FROM notice n JOIN person p ON p.id = n.person_id WHERE n.ref = '$mine' AND p.phone_hash = @{[ $s->phone_hash('13912345678') ]}"), 1,
    'the notice is theirs');
like($s->get('/my')->{content}, qr{我的办事进度.*预约参观消防站 <a href="/visits/b/$mine">$mine</a>：<strong>已预约</strong>}s,
    'their page shows it with its link and status');
# In English: the interface speaks English, the data stays as typed.
# The Chinese left in a page's main part, without its data (the strings
# given).
sub leftover { BlueCode::Test::chinese_left(@_) }
my @data = ('城厢消防站&lt;script&gt;', '萧山区城厢街道育才路 1 号', '赵六', '城厢一小&lt;b&gt;');
$page = $s->get('/visits', $en)->{content};
like($page, qr{<html lang="en">}, 'English: the visits page');
like($page, qr{<title>Book a fire station visit · Blue Code</title>}, 'with its title');
like($page, qr{14:00 \(60 minutes\) · \d+ places left <a class="button secondary" href="/visits/slots/$big">Book</a>},
    'a slot with its places, in English order');
is(leftover($page, @data), '', 'no Chinese of the interface');
$page = $s->get("/visits/slots/$big", $en)->{content};
like($page, qr{<h1>Book a visit: 城厢消防站&lt;script&gt;</h1>}, "a slot's page");
like($page, qr{<strong>\d+</strong> places left\.}, 'its places');
like($page, qr{<button type="submit" class="button">Book the visit</button>}, 'and its button');
is(leftover($page, @data), '', 'no Chinese of the interface');
$res = $s->post("/visits/slots/$big", { csrf => form_value($page, 'csrf'), name => '赵六', phone => '1391', people => 2 }, $en);
like($res->{content}, qr{<p class="form-error" role="alert">Enter an 11-digit mobile number\.</p>}, 'an error in English');
$page = $s->get("/visits/b/$mine", $en)->{content};
like($page, qr{<h1>Booking number <span class="join-code">$mine</span></h1>}, 'a booking');
like($page, qr{<dd>2 people</dd>}, 'its visitors counted in English');
like($page, qr{>Cancel the booking</button>}, 'the cancel button');
is(leftover($page, @data), '', 'no Chinese of the interface');
like($s->get("/visits/slots/$big")->{content}, qr{<html lang="zh-CN">.*<h1>预约参观：}s, 'and Chinese without Accept-Language');
done_testing();
