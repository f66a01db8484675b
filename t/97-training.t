# Training bookings (training/, admin/training.c): the public asks for a
# training, the office confirms, proposes another time, declines or
# marks it done; the requester accepts or cancels with the mobile
# number; every change is a notice, every admin write audited; a
# trainer is never booked twice for one time, not even by ten confirms
# at once; requests unanswered for more than 5 working days (holidays
# and weekends not counted) are overdue; a street admin sees only the
# street's requests; CSRF and typed markup are handled.
use strict;
use warnings;
use utf8;
use Test::More;
use POSIX ();
use Time::Local qw(timegm);
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 4, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }

# Days as epoch seconds at noon UTC, written YYYY-MM-DD.
sub day_of { my ($d) = @_; my ($y, $m, $dd) = split /-/, $d; timegm(0, 0, 12, $dd, $m - 1, $y) }
sub text_of { POSIX::strftime('%Y-%m-%d', gmtime $_[0]) }
sub plus { text_of(day_of($_[0]) + 86400 * $_[1]) }
sub wday { (gmtime day_of($_[0]))[6] }
my %off;	# the holidays entered below
sub working { my ($d) = @_; return 0 if $off{$d}; my $w = wday($d); $w >= 1 && $w <= 5 }
sub next_working { my ($d) = @_; $d = plus($d, 1) until working($d); $d }
my $today = one('SELECT CURDATE()');
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
my $bg = one("SELECT id FROM region WHERE name = '北干街道'");
my $jur = one("SELECT id FROM jurisdiction WHERE code = '330109'");

# Two sessions: the office's and a member of the public's.
my %jar = (admin => {}, public => {});
sub as { $s->{jar} = $jar{$_[0]} }

as('public');
my $page = $s->get('/training');
is($page->{status}, 200, 'the training page opens');
like($page->{content}, qr{免费提供上门消防安全培训}, 'it says what the service is');
like($page->{content}, qr{<option value="$cx">城厢街道</option>}, 'with the streets and towns to choose');
like($page->{content}, qr{<option value="rental">出租房（群租房）消防安全</option>}, 'and the topics');
like($s->get('/')->{content}, qr{href="/training"}, 'the home page links to it');

# The office: trainers and a holiday to come.
as('admin');
$s->admin_login;
my $acsrf = $s->csrf('/admin/training/setup');
ok($acsrf, 'the setup page has a form');
like($s->get('/admin')->{content}, qr{href="/admin/training"}, 'the admin home links to the bookings');
is($s->post('/admin/training/trainers', { csrf => $acsrf, name => '' })->{status}, 400, 'a trainer needs a name');
is($s->post('/admin/training/trainers', { csrf => $acsrf, name => '张', phone => '123' })->{status}, 400, 'and a real number if any');
is($s->post('/admin/training/trainers', { csrf => $acsrf, name => '张讲师<script>', phone => '13700000001' })->{status}, 303, 'a trainer');
is($s->post('/admin/training/trainers', { csrf => $acsrf, name => '李讲师' })->{status}, 303, 'another, without a number');
is($s->post('/admin/training/trainers', { csrf => $acsrf, name => '李讲师' })->{status}, 409, 'a name once');
is($s->post('/admin/training/trainers', { csrf => $acsrf, name => '王讲师' })->{status}, 303, 'a third');
my $ta = one("SELECT id FROM trainer WHERE name LIKE '张讲师%'");
my $tb = one("SELECT id FROM trainer WHERE name = '李讲师'");
my $tc = one("SELECT id FROM trainer WHERE name = '王讲师'");
my $future_off = next_working(plus($today, 10));
is($s->post('/admin/training/days', { csrf => $acsrf, day => '2030-02-30', working => 0, name => 'x' })->{status}, 400,
    'a day that is none');
is($s->post('/admin/training/days', { csrf => $acsrf, day => $future_off, working => 2, name => 'x' })->{status}, 400,
    'working is 0 or 1');
is($s->post('/admin/training/days', { csrf => $acsrf, day => $future_off, working => 0, name => '测试假日<b>' })->{status}, 303,
    'a holiday to come');
$off{$future_off} = 1;
$page = $s->get('/admin/training/setup')->{content};
like($page, qr{张讲师&lt;script&gt;}, "the trainer's name escaped");
like($page, qr{<td>$future_off</td><td>放假</td><td>测试假日&lt;b&gt;</td>}, 'the holiday listed');

# Requests, refused and made.
as('public');
my $wd = next_working(plus($today, 3));	# three days ahead at least
my $csrf = $s->csrf('/training');
my %good = (name => '王老师', phone => '13800000001', organisation => '城厢一小', region => $cx, address => '育才路 1 号',
    headcount => 40, topic => 'basics', day1 => $wd, part1 => 'am');
sub ask { my (%o) = @_; $s->post('/training', { csrf => $csrf, %good, %o }) }
sub ref_of { my ($res) = @_; (($res->{headers}{location} // '') =~ m{/training/r/([A-Z0-9]{8})$})[0] }
my $res = ask(phone => '1380000');
is($res->{status}, 400, 'a malformed number: 400');
like($res->{content}, qr{请填写 11 位手机号}, 'says why');
like($res->{content}, qr{value="王老师"}, 'what was typed stays');
like($res->{content}, qr{<option value="$cx" selected>城厢街道}, 'the street chosen stays');
is(ask(name => '')->{status}, 400, 'no name: 400');
like(ask(headcount => 5)->{content}, qr{参加人数为 10–500 人}, 'five people: refused');
is(ask(headcount => 501)->{status}, 400, '501: 400');
is(ask(region => 999999)->{status}, 400, 'a street that is none: 400');
is(ask(address => '')->{status}, 400, 'no address: 400');
like(ask(topic => 'other')->{content}, qr{请简要写明培训内容}, 'other without its text: refused');
is(ask(topic => 'cooking')->{status}, 400, 'a topic not offered: 400');
like(ask(day1 => plus($today, 1))->{content}, qr{至少在 3 天以后}, 'tomorrow is too soon');
like(ask(day1 => plus($today, 100))->{content}, qr{须在 90 天以内}, '100 days is too far');
my $sat = plus($today, 7);
$sat = plus($sat, 1) until wday($sat) == 6;
$res = ask(day2 => $sat, part2 => 'pm');
is($res->{status}, 400, 'a Saturday: 400');
like($res->{content}, qr{第 2 个希望日期：这一天不是工作日}, 'says which day and why');
like(ask(day1 => $future_off)->{content}, qr{这一天不是工作日}, 'the holiday entered is no working day');
like(ask(day1 => '2030-02-30')->{content}, qr{请填写日期}, 'a day that is none');
is(ask(part1 => 'noon')->{status}, 400, 'a part of the day that is none');
is($s->post('/training', { %good })->{status}, 403, 'without CSRF: 403');
is(one('SELECT COUNT(*) FROM training_booking'), 0, 'nothing was kept');

my $x = '<script>alert(1)</script>';
my $y = '"><img src=x onerror=alert(1)>';
$res = ask(name => "王$x", organisation => "城厢一小$y", address => "育才路$x", topic => 'other', topic_other => "厨房$y",
    note => "请带灭火器$x\n第二行", day2 => next_working($wd), part2 => 'eve');
is($res->{status}, 303, 'a request is made');
my $r1 = ref_of($res);
ok($r1, 'with a reference');
my $id1 = one("SELECT id FROM training_booking WHERE ref = '$r1'");
$page = $s->get("/training/r/$r1")->{content};
like($page, qr{培训预约编号 <span class="join-code">$r1</span>}, 'its tracking page');
like($page, qr{待答复}, 'waiting for an answer');
like($page, qr{138\*\*\*\*0001}, 'the number masked');
unlike($page, qr{<script>alert|<img src=x}, 'no markup typed reaches the page');
like($page, qr{城厢一小&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;|城厢一小"&gt;&lt;img src=x onerror=alert\(1\)&gt;}, 'the organisation escaped');
like($page, qr{育才路&lt;script&gt;}, 'the address escaped');
like($page, qr{其他：厨房"?(?:&quot;)?&gt;&lt;img}, 'the topic typed escaped');
like($page, qr{$wd 上午；\d{4}-\d\d-\d\d 晚上}, 'the days asked for');
is(one("SELECT GROUP_CONCAT(status) FROM notice WHERE kind = 'training' AND object_id = $id1"), 'requested', 'a notice of the request');

# The office's list and the request's page.
as('admin');
$page = $s->get('/admin/training')->{content};
like($page, qr{<a href="/admin/training/$id1">$r1</a>}, 'the request waits in the list');
like($page, qr{待办：办公室答复}, 'for the office');
unlike($page, qr{<script>alert|<img src=x}, 'the list escapes what was typed');
$page = $s->get("/admin/training/$id1")->{content};
like($page, qr{王&lt;script&gt;}, "the admin page escapes the contact's name");
like($page, qr{请带灭火器&lt;script&gt;}, 'and the note');
like($page, qr{138\*\*\*\*0001}, 'and the number masked');
unlike($page, qr{13800000001}, 'not in full');
like($page, qr{action="/admin/training/$id1/show"}, 'with a form to see it');
is($s->post("/admin/training/$id1/show", { why => '电话商量时间' })->{status}, 403, 'showing without CSRF: 403');
$res = $s->post("/admin/training/$id1/show", { csrf => $s->csrf("/admin/training/$id1"), why => '' });
is($res->{status}, 400, 'shown only with a reason');
unlike($res->{content}, qr{13800000001}, 'still masked');
is(one("SELECT COUNT(*) FROM access_log WHERE subject = 'training'"), 0, 'nothing logged');
$res = $s->post("/admin/training/$id1/show", { csrf => $s->csrf("/admin/training/$id1"), why => '电话商量时间' });
is($res->{status}, 200, 'with a reason');
like($res->{content}, qr{href="tel:13800000001"}, 'the whole number');
is(one("SELECT CONCAT(subject, ' ', subject_ref, ' ', field, ' ', reason) FROM access_log WHERE subject = 'training'"),
    "training $r1 phone 电话商量时间", 'the access is logged: whose, which field, why');
is(one("SELECT COUNT(*) FROM training_booking WHERE phone IS NOT NULL OR phone_enc IS NULL OR phone_hash IS NULL"), 0,
    'the numbers are sealed at rest, with their hash');
unlike($page, qr{<script>alert|<img src=x}, 'no markup typed reaches it');
like($page, qr{<option value="$ta">张讲师&lt;script&gt;</option>}, 'the trainers to choose');
is($s->get('/admin/training/999999')->{status}, 404, 'a request that is none: 404');
is($s->get('/admin/training?status=bogus')->{status}, 400, 'a status that is none: 400');

# Confirming.
$acsrf = $s->csrf("/admin/training/$id1");
my $d20 = plus($today, 20);
my %at = (csrf => $acsrf, day => $d20, time => '09:00', minutes => 90, trainer => $ta);
is($s->post("/admin/training/$id1/confirm", { %at, minutes => 10 })->{status}, 400, 'ten minutes: 400');
is($s->post("/admin/training/$id1/confirm", { %at, day => '2020-01-01' })->{status}, 400, 'a time gone: 400');
is($s->post("/admin/training/$id1/confirm", { %at, time => '25:00' })->{status}, 400, 'an hour that is none: 400');
is($s->post("/admin/training/$id1/confirm", { %at, trainer => 999999 })->{status}, 400, 'a trainer that is none: 400');
is($s->post("/admin/training/$id1/confirm", { %at, trainer => '' })->{status}, 400, 'no trainer: 400');
is($s->post("/admin/training/$id1/done", { csrf => $acsrf })->{status}, 409, 'not done before it is confirmed');
is($s->post("/admin/training/$id1/confirm", \%at)->{status}, 303, 'confirmed for 09:00–10:30 with a trainer');
is(one("SELECT CONCAT(status, ' ', starts_at, ' ', minutes, ' ', trainer_id) FROM training_booking WHERE id = $id1"),
    "confirmed $d20 09:00:00 90 $ta", 'as stored');
as('public');
$page = $s->get("/training/r/$r1")->{content};
like($page, qr{<strong>$d20 09:00</strong>，约 90 分钟}, 'the requester sees the time');
like($page, qr{<dt>讲师</dt><dd>张讲师&lt;script&gt;</dd>}, 'and the trainer');
like($page, qr{办理进度.*已提交，待答复.*已确认}s, 'and the history');
unlike($page, qr{（管理员}, 'without the admin');

# A second request: the trainer's time is taken.
$res = ask(organisation => '北干社区', region => $bg);
my $r2 = ref_of($res);
my $id2 = one("SELECT id FROM training_booking WHERE ref = '$r2'");
as('admin');
$res = $s->post("/admin/training/$id2/confirm", { %at, time => '10:00' });
is($res->{status}, 409, 'an overlapping time of the same trainer: 409');
like($res->{content}, qr{已有其他已确认的培训，不能重复安排}, 'says why');
is($s->post("/admin/training/$id2/propose", { %at, time => '08:00' })->{status}, 409, 'a proposal overlapping too');
is(one("SELECT status FROM training_booking WHERE id = $id2"), 'requested', 'nothing changed');
is($s->post("/admin/training/$id2/propose", { %at, time => '10:30', message => "改到十点半$x" })->{status}, 303,
    'the time right after is free: proposed');
is(one("SELECT status FROM training_booking WHERE id = $id2"), 'proposed', 'proposed');
like($s->get('/admin/training')->{content}, qr{等待申请人确认改期}, 'the list says the requester is to act');

as('public');
$csrf = $s->csrf("/training/r/$r2");
$page = $s->get("/training/r/$r2")->{content};
like($page, qr{建议改为.*$d20 10:30}s, 'the requester sees the proposal');
like($page, qr{改到十点半&lt;script&gt;}, 'with its message escaped');
is($s->post("/training/r/$r2/accept", { csrf => $csrf, phone => '13800000009' })->{status}, 403, 'accepting with another number: 403');
is($s->post("/training/r/$r2/accept", { phone => '13800000001' })->{status}, 403, 'without CSRF: 403');
is($s->post("/training/r/$r2/accept", { csrf => $csrf, phone => '13800000001' })->{status}, 303, 'accepted with its number');
is(one("SELECT status FROM training_booking WHERE id = $id2"), 'confirmed', 'now confirmed');
is($s->post("/training/r/$r2/accept", { csrf => $csrf, phone => '13800000001' })->{status}, 409, 'accepting twice: 409');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE object_id = $id2 AND kind = 'training'"),
    'requested,proposed,accepted', 'each change a notice');

# A proposal whose trainer is taken meanwhile cannot be accepted.
my $r3 = ref_of(ask());
my $r4 = ref_of(ask());
my ($id3, $id4) = map { one("SELECT id FROM training_booking WHERE ref = '$_'") } $r3, $r4;
as('admin');
my $d21 = plus($today, 21);
is($s->post("/admin/training/$id3/propose", { %at, day => $d21, trainer => $tb })->{status}, 303, 'a third is proposed a time');
is($s->post("/admin/training/$id4/confirm", { %at, day => $d21, trainer => $tb, time => '10:00' })->{status}, 303,
    'a fourth is confirmed overlapping it with the same trainer');
as('public');
$res = $s->post("/training/r/$r3/accept", { csrf => $csrf, phone => '13800000001' });
is($res->{status}, 409, 'the proposal can no longer be accepted');
like($res->{content}, qr{讲师在这个时间已有其他培训}, 'says why');
is(one("SELECT status FROM training_booking WHERE id = $id3"), 'proposed', 'still proposed');

# Declining, with the reason shown.
as('admin');
is($s->post("/admin/training/$id3/decline", { csrf => $acsrf, message => ' ' })->{status}, 400, 'a decline needs a reason');
is($s->post("/admin/training/$id3/decline", { csrf => $acsrf, message => "讲师已排满$y" })->{status}, 303, 'declined');
is($s->post("/admin/training/$id3/confirm", { %at, day => plus($today, 40) })->{status}, 409, 'a declined one is not confirmed');
is($s->post("/admin/training/$id3/decline", { csrf => $acsrf, message => 'again' })->{status}, 409, 'nor declined again');
as('public');
$page = $s->get("/training/r/$r3")->{content};
like($page, qr{<dt>原因</dt><dd>讲师已排满"?(?:&quot;)?&gt;&lt;img}, 'the requester sees the reason, escaped');
like($page, qr{未能安排}, 'and the status');
unlike($page, qr{<img src=x}, 'no markup typed reaches it');

# Cancelling with the number.
is($s->post("/training/r/$r4/cancel", { csrf => $csrf, phone => '13900000000' })->{status}, 403, 'cancelling with another number: 403');
is(one("SELECT status FROM training_booking WHERE id = $id4"), 'confirmed', 'still confirmed');
is($s->post("/training/r/$r4/cancel", { phone => '13800000001' })->{status}, 403, 'without CSRF: 403');
is($s->post("/training/r/$r4/cancel", { csrf => $csrf, phone => '13800000001' })->{status}, 303, 'cancelled with its number');
is(one("SELECT status FROM training_booking WHERE id = $id4"), 'cancelled', 'cancelled');
is($s->post("/training/r/$r4/cancel", { csrf => $csrf, phone => '13800000001' })->{status}, 409, 'cancelling again: 409');
is($s->post("/training/r/$r3/cancel", { csrf => $csrf, phone => '13800000001' })->{status}, 409, 'a declined one is closed');
as('admin');
is($s->post("/admin/training/$id4/confirm", { %at, day => plus($today, 41) })->{status}, 409, 'a cancelled one is not confirmed');
is($s->post("/admin/training/$id4/done", { csrf => $acsrf })->{status}, 409, 'nor done');
is($s->post("/admin/training/$id3/confirm", { %at, day => $d21, trainer => $tb, time => '10:00' })->{status}, 409,
    'and its time was freed only for others: the declined stays declined');

# Done, once its time came.
is($s->post("/admin/training/$id1/done", { csrf => $acsrf })->{status}, 409, 'not done before its time');
$s->sql("UPDATE training_booking SET starts_at = NOW() - INTERVAL 2 HOUR WHERE id = $id1");
like($s->get('/admin/training')->{content}, qr{待办：办公室标记培训完成}, 'held: the office is to mark it');
is($s->post("/admin/training/$id1/done", { csrf => $acsrf })->{status}, 303, 'marked done');
is(one("SELECT status FROM training_booking WHERE id = $id1"), 'done', 'done');
is($s->post("/admin/training/$id1/done", { csrf => $acsrf })->{status}, 409, 'done once');
as('public');
is($s->post("/training/r/$r1/cancel", { csrf => $csrf, phone => '13800000001' })->{status}, 409, 'a training done is not cancelled');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE object_id = $id1 AND kind = 'training'"),
    'requested,confirmed,done', 'the first request: requested, confirmed, done');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE object_id = $id3 AND kind = 'training'"),
    'requested,proposed,declined', 'the third: requested, proposed, declined');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE object_id = $id4 AND kind = 'training'"),
    'requested,confirmed,cancelled', 'the fourth: requested, confirmed, cancelled');
is(one("SELECT message FROM notice WHERE object_id = $id3 AND kind = 'training' AND status = 'declined'"), "讲师已排满$y",
    "the decline's notice carries the reason");
is(one("SELECT COUNT(*) FROM notice WHERE kind = 'training' AND admin_id IS NOT NULL AND status IN ('requested', 'accepted', 'cancelled')"),
    0, "the requester's changes name no admin");
as('admin');
like($s->get("/admin/training/$id1")->{content}, qr{已确认</strong>\s*<span class="note">（}, 'the admin page names who changed it');

# Overdue: more than 5 working days without an answer. A holiday on the
# last weekday before today; six working days back is overdue, five not
# (it would be, were the holiday not counted out).
my $h = plus($today, -1);
$h = plus($h, -1) until wday($h) >= 1 && wday($h) <= 5;
is($s->post('/admin/training/days', { csrf => $acsrf, day => $h, working => 0, name => '补假' })->{status}, 303, 'a holiday past');
$off{$h} = 1;
my @back;
for (my $d = plus($today, -1); @back < 6; $d = plus($d, -1)) { push @back, $d if working($d) }
as('public');
my ($late, $intime) = map { ref_of(ask(organisation => "单位$_")) } 'A', 'B';
$s->sql("UPDATE training_booking SET created_at = '$back[5] 10:00:00' WHERE ref = '$late'");
$s->sql("UPDATE training_booking SET created_at = '$back[4] 10:00:00' WHERE ref = '$intime'");
my ($idl, $idi) = map { one("SELECT id FROM training_booking WHERE ref = '$_'") } $late, $intime;
as('admin');
$page = $s->get('/admin/training')->{content};
my ($rowl) = $page =~ m{(<tr id="request-$idl">.*?</tr>)}s;
my ($rowi) = $page =~ m{(<tr id="request-$idi">.*?</tr>)}s;
like($rowl // '', qr{超期}, "asked on $back[5], six working days back: overdue");
unlike($rowi // '', qr{超期}, "asked on $back[4], five back: not yet");
like($rowi // '', qr{期限 $today|期限 \d{4}}, 'with its deadline');
ok(day_of($today) - day_of($back[5]) > 7 * 86400, 'the six working days back span a weekend and the holiday');
like($s->get("/admin/training/$idl")->{content}, qr{class="overdue">超期}, "the request's page says so too");
# A weekend in the deadline: a request of a Friday is due the next Friday.
{
	my $fri = plus($today, -1);
	$fri = plus($fri, -1) until wday($fri) == 5;
	$s->sql("DELETE FROM workday WHERE day = '$h'");
	$s->sql("UPDATE training_booking SET created_at = '$fri 18:00:00' WHERE id = $idi");
	my ($row) = $s->get('/admin/training')->{content} =~ m{(<tr id="request-$idi">.*?</tr>)}s;
	like($row // '', qr{期限 @{[ plus($fri, 7) ]}}, 'a request of a Friday is due the next Friday');
	$s->sql("INSERT INTO workday (jurisdiction_id, day, working, name) VALUES ($jur, '$h', 0, '补假')");
}
# A make-up working day counts.
{
	my $sun = plus($today, 30);
	$sun = plus($sun, 1) until wday($sun) == 0;
	as('public');
	is(ask(day1 => $sun)->{status}, 400, 'a Sunday is refused');
	as('admin');
	$s->post('/admin/training/days', { csrf => $acsrf, day => $sun, working => 1, name => '调休上班' });
	as('public');
	is(ask(day1 => $sun, organisation => '调休单位')->{status}, 303, 'a Sunday that is a make-up working day is taken');
	as('admin');
}

# Ten confirms at once of ten requests, one trainer, one time.
{
	as('public');
	my @ids = map { one("SELECT id FROM training_booking WHERE ref = '" . ref_of(ask(organisation => "并发$_")) . "'") } 1 .. 10;
	as('admin');
	my $d30 = plus($today, 30);
	my %st;
	$st{$_}++ for $s->at_once(map { my $i = $_; sub { $s->post("/admin/training/$ids[$i]/confirm",
	    { %at, day => $d30, time => '14:00', trainer => $tc })->{status} } } 0 .. 9);
	is($st{303}, 1, 'one of them is confirmed') or diag explain \%st;
	is($st{409}, 9, 'nine are refused');
	is(one("SELECT COUNT(*) FROM training_booking WHERE trainer_id = $tc AND status = 'confirmed'"), 1,
	    'the trainer has exactly one training then');
}
$page = $s->get('/admin/training')->{content};
like($page, qr{今后 8 周已确认的培训.*<h3 class="calendar-day">$d20</h3>.*10:30–12:00 <a href="/admin/training/$id2">北干社区</a>.*讲师 张讲师&lt;script&gt;}s,
    'the calendar lists the confirmed trainings by day with their trainers');
like($page, qr{<h3 class="calendar-day">@{[ plus($today, 30) ]}</h3>}, 'the concurrent one too');
like($s->get('/admin/training?status=declined')->{content}, qr{$r3}, 'the list by status');
unlike($s->get('/admin/training?status=declined')->{content}, qr{$r2}, 'only of that status');

# A retired trainer is offered no more and confirms nothing.
is($s->post("/admin/training/trainers/$tb/retire", { csrf => $acsrf })->{status}, 303, 'a trainer retired');
is($s->post("/admin/training/trainers/$tb/retire", { csrf => $acsrf })->{status}, 404, 'once');
unlike($s->get("/admin/training/$idl")->{content}, qr{<option value="$tb">}, 'no longer offered');
is($s->post("/admin/training/$idl/confirm", { %at, day => plus($today, 50), trainer => $tb })->{status}, 400, 'nor taken');
is($s->post('/admin/training/days/delete', { csrf => $acsrf, day => $future_off })->{status}, 303, 'a holiday deleted');
is($s->post('/admin/training/days/delete', { csrf => $acsrf, day => $future_off })->{status}, 404, 'once');

# Every admin POST needs CSRF.
for my $p ("/admin/training/$idl/confirm", "/admin/training/$idl/propose", "/admin/training/$idl/decline",
    "/admin/training/$idl/done", '/admin/training/trainers', "/admin/training/trainers/$ta/retire", '/admin/training/days',
    '/admin/training/days/delete') {
	my %form = (%at, message => 'x', name => 'x', working => 0);
	delete $form{csrf};
	is($s->post($p, \%form)->{status}, 403, "POST $p without CSRF: 403");
}
is($s->post('/training', { %good })->{status}, 403, 'POST /training without CSRF: 403');
is(one("SELECT status FROM training_booking WHERE id = $idl"), 'requested', 'none of them changed anything');

# Audit: one entry each admin write.
my %audit = map { $_->[0] => $_->[1] } $s->sql("SELECT action, COUNT(*) FROM audit_log WHERE action LIKE 'train%' OR action LIKE 'workday%' GROUP BY action");
is_deeply(\%audit, { 'trainer-add' => 3, 'workday-save' => 3, 'training-confirm' => 3, 'training-propose' => 2,
    'training-decline' => 1, 'training-done' => 1, 'trainer-retire' => 1, 'workday-delete' => 1 }, 'each admin write audited once')
    or diag explain \%audit;
like($s->get('/admin/audit')->{content}, qr{确认培训}, 'named in the audit log');

# A street admin sees the street's requests only; a department admin none.
{
	my $conf = $s->dir . '/conf/bluecode.conf';
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'street-pass-1';
	system(BlueCode::Test::bin() . " -f $conf admin-add cx8 street 城厢街道 >/dev/null") == 0 or die;
	system(BlueCode::Test::bin() . " -f $conf admin-add dp8 department 区教育局 >/dev/null") == 0 or die;
	$jar{street} = {};
	as('street');
	is($s->admin_login('cx8', 'street-pass-1')->{status}, 303, 'a street admin signs in');
	my $list = $s->get('/admin/training');
	is($list->{status}, 200, 'and opens the list');
	like($list->{content}, qr{$late}, "with the street's requests");
	unlike($list->{content}, qr{$r2}, "but not another street's");
	unlike($list->{content}, qr{北干社区}, 'not even in the calendar');
	is($s->get("/admin/training/$idl")->{status}, 200, "their street's request opens");
	is($s->get("/admin/training/$id2")->{status}, 404, "another street's is not found");
	my $sc = $s->csrf("/admin/training/$idl");
	my $before = one("SELECT CONCAT(status, starts_at) FROM training_booking WHERE id = $id2");
	for my $p ("/admin/training/$id2/confirm", "/admin/training/$id2/propose", "/admin/training/$id2/decline",
	    "/admin/training/$id2/done", "/admin/training/$id2/show", '/admin/training/trainers', "/admin/training/trainers/$ta/retire",
	    '/admin/training/days', '/admin/training/days/delete') {
		my $st = $s->post($p, { %at, csrf => $sc, day => plus($today, 60), message => 'x', name => 'x', working => 0 })->{status};
		ok($st == 403 || $st == 404, "street admin: POST $p refused ($st)");
	}
	is($s->get('/admin/training/setup')->{status}, 403, 'the setup is the district\'s');
	like($s->post("/admin/training/$idl/show", { csrf => $sc, why => '回访' })->{content}, qr{href="tel:1},
	    "their street's request's number shown, with a reason");
	is(one("SELECT CONCAT(status, starts_at) FROM training_booking WHERE id = $id2"), $before, 'nothing changed');
	is(one("SELECT COUNT(*) FROM audit_log l JOIN admin a ON a.id = l.admin_id WHERE a.login = 'cx8' AND l.action <> 'login'"), 0,
	    'nothing of theirs audited');
	is($s->post("/admin/training/$idl/decline", { csrf => $sc, message => '本街道暂无场地' })->{status}, 303,
	    "they answer their street's request");
	$jar{dept} = {};
	as('dept');
	$s->admin_login('dp8', 'street-pass-1');
	is($s->get('/admin/training')->{status}, 403, 'a department admin: the list refused');
	is($s->get("/admin/training/$idl")->{status}, 403, 'and a request');
}

# A signed-in resident's request is theirs; their page follows it.
$jar{resident} = {};
as('resident');
my $rc = $s->csrf('/account');
is($s->post('/account/register', { csrf => $rc, phone => '13912345678', password => 'fire-safety-1', name => '赵六' })->{status}, 303,
    'a resident registers');
my $pid = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13912345678') ]}");
$s->sql("INSERT INTO unit (jurisdiction_id, name, region_id, headcount, status, join_code, created_by) "
    . "VALUES ($jur, '城厢物业公司', $cx, 30, 'active', 'TRAINUNT', $pid)");
$s->sql("INSERT INTO unit_member (person_id, unit_id, is_admin, status) SELECT $pid, id, 1, 'active' FROM unit WHERE join_code = 'TRAINUNT'");
$page = $s->get('/training')->{content};
like($page, qr{name="phone"[^>]*value="13912345678"}, "the form has the resident's number");
$csrf = form_value($page, 'csrf');
my $mine = ref_of(ask(name => '赵六', phone => '13912345678'));
ok($mine, 'and asks for a training');
is(one("SELECT CONCAT(b.person_id, ' ', u.name) FROM training_booking b JOIN unit u ON u.id = b.unit_id WHERE b.ref = '$mine'"),
    "$pid 城厢物业公司", 'the request records the person and their unit');
like($s->get('/my')->{content}, qr{我的办事进度.*预约培训 <a href="/training/r/$mine">$mine</a>：<strong>已提交，待答复</strong>}s,
    'their page shows it');
as('admin');
my $idm = one("SELECT id FROM training_booking WHERE ref = '$mine'");
is($s->post("/admin/training/$idm/confirm", { %at, day => plus($today, 45) })->{status}, 303, 'the office confirms it');
as('resident');
like($s->get('/my')->{content}, qr{预约培训 <a href="/training/r/$mine">$mine</a>：<strong>已确认</strong>}, 'their page shows the progress');
is($s->get('/training/r/ZZZZZZZZ')->{status}, 404, 'an unknown reference: 404');
is($s->get('/training/r/<x>')->{status}, 404, 'a malformed one: 404');
# In English: the interface speaks English, the data stays as typed.
my $en = { 'Accept-Language' => 'en' };
sub html { my ($t) = @_; $t =~ s/&/&amp;/g; $t =~ s/</&lt;/g; $t =~ s/>/&gt;/g; $t =~ s/"/&quot;/g; $t }
# What the tests typed and the reference data, as the pages write them.
my @data = sort { length $b <=> length $a } grep { defined && length } map { html($_->[0]) } $s->sql(
    'SELECT name FROM region UNION SELECT name FROM trainer UNION SELECT name FROM workday '
    . 'UNION SELECT name FROM unit UNION SELECT name FROM training_booking '
    . 'UNION SELECT organisation FROM training_booking UNION SELECT address FROM training_booking '
    . 'UNION SELECT topic_other FROM training_booking UNION SELECT message FROM training_booking '
    . 'UNION SELECT note FROM training_booking');
# The Chinese left in a page's main part, without its data (masked or
# not).
sub leftover { BlueCode::Test::chinese_left($_[0], @data) }
$page = $s->get('/training', $en)->{content};
like($page, qr{<html lang="en">}, 'English: the training page');
like($page, qr{<title>Book fire safety training · Blue Code</title>}, 'with its title');
like($page, qr{<option value="rental">Fire safety in rental housing \(including overcrowded rental housing\)</option>}, 'the topics');
like($page, qr{<legend class="field-label">Preferred date 2 \(optional\)</legend>}, 'the preferred days');
like($page, qr{<button type="submit" class="button">Send the request</button>}, 'and its button');
is(leftover($page), '', 'no Chinese of the interface');
$res = $s->post('/training', { csrf => $s->csrf('/training'), %good, day2 => '2020-01-01', part2 => 'pm' }, $en);
like($res->{content}, qr{<p class="form-error" role="alert">Preferred date 2: The date must be at least 3 days from now}, 'an error in English');
$page = $s->get("/training/r/$mine", $en)->{content};
like($page, qr{<title>Training booking $mine · Blue Code</title>}, 'a request, confirmed');
like($page, qr{<dt>Time of the training</dt><dd><strong>\S+ \S+</strong>, about 90 minutes</dd>}, 'its time');
like($page, qr{<dd>40 people</dd>}, 'its headcount');
like($page, qr{>Cancel the request</button>}, 'the cancel button');
is(leftover($page), '', 'no Chinese of the interface');
as('admin');
$page = $s->get('/admin/training', $en)->{content};
like($page, qr{<html lang="en">.*<h1>Training bookings</h1>}s, 'the office: the bookings');
like($page, qr{<h2>Confirmed trainings in the next 8 weeks</h2>.*\) · trainer }s, 'the calendar');
is(leftover($page), '', 'no Chinese of the interface');
$page = $s->get("/admin/training/$idm", $en)->{content};
like($page, qr{<h1>Training request $mine</h1>}, 'a request');
like($page, qr{<h2>Change the confirmed arrangement</h2>}, 'what can be done with it');
like($page, qr{placeholder="For example: calling to agree a time for the training"}, 'attributes too');
is(leftover($page), '', 'no Chinese of the interface');
$page = $s->get('/admin/training/setup', $en)->{content};
like($page, qr{<title>Trainers and holidays · Blue Code</title>.*<h2>Holidays and make-up working days</h2>}s, 'the setup');
is(leftover($page), '', 'no Chinese of the interface');
like($s->get('/admin/training')->{content}, qr{<html lang="zh-CN">.*<h1>培训预约</h1>}s, 'and Chinese without Accept-Language');
done_testing();
