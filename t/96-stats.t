# Statistics (stats/): the daily rollups kept as attempts are graded,
# and the offices' pages on them. Every expected figure is computed here
# from the raw attempts, not by the code under test: targets (1% of the
# population), passes counted (located, one a phone a month) against the
# manual ones beside them, completion and state, the awareness rate by
# street, role, category; a month boundary at midnight Asia/Shanghai;
# stats-rebuild gives the same rows as the grading did (after rows are
# lost, and run twice); scopes (a street admin sees its own street).
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';
my $bin = BlueCode::Test::bin();
$s->small_bank(3);

my $gps = { lng => 120.2700, lat => 30.1700 };	# in 城厢街道
sub attempt_as {
	my ($where, $wrong, $role) = @_;
	$s->clear_cookies;
	my ($res) = $s->take_quiz($role // 'citizen', $where, $wrong);
	return $res;
}
# A: passes twice; B fails; C passes by a manual choice; D manual in 北干;
# E passes located, then F fails located (a student).
my @jars;
attempt_as($gps); my $a_jar = { %{ $s->{jar} } };
{ local $s->{jar} = $a_jar; my ($r) = $s->take_quiz('citizen', $gps); }
attempt_as($gps, 1);
attempt_as('城厢街道');
attempt_as('北干街道');
attempt_as($gps, 0, 'student');
attempt_as($gps, 1, 'student');
is(one("SELECT COUNT(*) FROM attempt WHERE status IN ('passed', 'failed')"), 7, 'seven attempts finished');

# The expected figures, from the attempts alone.
my %region = map { $_->[1] => $_->[0] } $s->sql('SELECT id, name FROM region');
my %pop = map { $_->[0] => $_->[1] } $s->sql('SELECT id, population FROM region');
my ($month) = one("SELECT DATE_FORMAT(CURDATE(), '%Y-%m')");
sub expected {
	my ($m) = @_;
	my (%counted, %manual, %seen);
	for my $a ($s->sql("SELECT id, HEX(browser), region_id, method, status FROM attempt WHERE status = 'passed' "
	    . "AND DATE_FORMAT(submitted_at, '%Y-%m') = '$m' ORDER BY submitted_at, id")) {
		my ($id, $browser, $rid, $method, $status) = @$a;
		next if $seen{$browser}++;
		($method eq 'gps' ? \%counted : \%manual)->{$rid}++;
	}
	return (\%counted, \%manual);
}
my ($counted, $manual) = expected($month);
is($counted->{$region{'城厢街道'}}, 2, 'by hand: two phones passed located in 城厢街道 this month');

$s->admin_login;
my $page = $s->get('/admin/stats')->{content};
sub row {
	my ($html, $name) = @_;
	my ($tr) = $html =~ m{(<tr id="region-\d+"><th scope="row">\Q$name\E</th>.*?</tr>)}s or return;
	my @td = map { s/<[^>]+>//gr } $tr =~ m{<td[^>]*>(.*?)</td>}gs;
	s/,//g for @td;
	return \@td;
}
my $cx = row($page, '城厢街道');
my $target = int($pop{$region{'城厢街道'}} / 100 + 0.5);
is($cx->[1], $target, "城厢街道's target is 1% of its population ($target)");
is($cx->[2], $counted->{$region{'城厢街道'}}, 'counted: located passes, one a phone');
is($cx->[3], $manual->{$region{'城厢街道'}}, 'the manual one beside it, not counted');
is($cx->[4], sprintf('%.1f%%', 200 / $target), 'completion');
like($cx->[5], qr/进度滞后|进度正常/, 'and a state');
my $bg = row($page, '北干街道');
is("$bg->[2]|$bg->[3]", '0|1', '北干街道: nothing counted, one manual');
like($page, qr{<svg class="stat-map" viewBox="0 0 640 \d+"}, 'the map is drawn');
is(() = $page =~ /<path d="M/g, 24, 'with every street and town');
like($page, qr{<path d="M[^"]+" class="area state-(?:behind|on-track)"><title>城厢街道：}, 'each coloured by its state, named');
my $csv = $s->get('/admin/stats/targets.csv');
is($csv->{headers}{'content-type'}, 'text/csv; charset=utf-8', 'the CSV');
like($csv->{content}, qr{^\x{feff}月份,镇街}, 'starts with a BOM and its header');
like($csv->{content}, qr{\r\n\Q$month\E,城厢街道,\d+,$target,2,1,}, "with 城厢街道's line");
is($s->get('/admin/stats?month=2026-13')->{status}, 400, 'a month that is none: 400');
is($s->get('/admin/stats?month=2999-01')->{status}, 404, 'a month to come: 404');

# Awareness, by hand from the attempts' questions.
my (%q, %c, %catq, %catc);
for my $r ($s->sql("SELECT a.region_id, q.category, aq.answer_mask = aq.correct_mask FROM attempt a "
    . "JOIN attempt_question aq ON aq.attempt_id = a.id JOIN question q ON q.id = aq.question_id "
    . "WHERE a.method = 'gps' AND a.status IN ('passed', 'failed')")) {
	my ($rid, $cat, $ok) = @$r;
	$ok = $ok eq 'NULL' ? 0 : $ok;
	$q{$rid}++; $c{$rid} += $ok; $catq{$cat}++; $catc{$cat} += $ok;
}
$page = $s->get('/admin/stats/awareness')->{content};
my $rid = $region{'城厢街道'};
my ($aw) = $page =~ m{<th scope="row">城厢街道</th><td class="n">([\d,]+)</td><td class="n">([\d,]+)</td><td class="n">([\d.]+%)</td>};
like($page, qr{<th scope="row">城厢街道</th><td class="n">$q{$rid}</td><td class="n">$c{$rid}</td><td class="n">\Q@{[ sprintf('%.1f%%', 100 * $c{$rid} / $q{$rid}) ]}\E</td>},
    "城厢街道's awareness rate: $c{$rid} of $q{$rid}");
like($page, qr{<th scope="row">用电安全</th><td class="n">$catq{electric}</td><td class="n">$catc{electric}</td>}, 'by category');
like($page, qr{另有 2 次手动选择镇街的答题未计入}, 'the manual attempts are left out, and said so');
like($page, qr{<th scope="row">学生</th>}, 'by role');
my $allq = 0; $allq += $_ for values %q;
like($page, qr{<th scope="row">未加入单位</th><td class="n">$allq</td>}, 'by department: everyone here is in no unit');
my $cxrate = sprintf('%.1f', 100 * $c{$rid} / $q{$rid});
$page = $s->get('/admin/stats?map=awareness')->{content};
like($page, qr{<h2>各镇街本月知晓率分布</h2>}, 'the map, coloured by awareness instead');
my $band = $cxrate >= 90 ? 'high' : $cxrate >= 80 ? 'mid' : 'low';
like($page, qr{<path d="M[^"]+" class="area aware-$band"><title>城厢街道：知晓率 \Q$cxrate\E%</title>}, "城厢街道 in the band of its rate ($cxrate%)");
like($page, qr{<path d="M[^"]+" class="area aware-none"><title>北干街道：}, 'a street with no located answers is marked so');
is(row($page, '城厢街道')->[6], "$cxrate%", "and the table has this month's rate");
is($s->get('/admin/stats?map=rainbow')->{status}, 200, 'an unknown colouring is the default');
is($s->get('/admin/stats/awareness?from=2026-02-30x')->{status}, 400, 'a malformed month: 400');
is($s->get('/admin/stats/awareness?from=2026-01-01')->{status}, 400, 'a day where months are asked for: 400');
like($s->get("/admin/stats/awareness?from=$month&to=$month")->{content}, qr{<th scope="row">城厢街道</th><td class="n">$q{$rid}</td>}, 'one month');

# The questions most missed, and one question's item statistics.
my (%served, %right);
for my $r ($s->sql("SELECT aq.question_id, aq.answer_mask = aq.correct_mask FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id "
    . "WHERE a.method = 'gps' AND a.status IN ('passed', 'failed')")) {
	$served{$r->[0]}++;
	$right{$r->[0]} += $r->[1] eq 'NULL' ? 0 : $r->[1];
}
my ($worst) = sort { $right{$a} / $served{$a} <=> $right{$b} / $served{$b} || $served{$b} <=> $served{$a} || $a <=> $b } keys %served;
$page = $s->get('/admin/stats/questions')->{content};
my @listed = $page =~ m{<a href="/admin/stats/questions/(\d+)">}g;
is(scalar @listed, scalar keys %served, 'every question answered is listed');
is($listed[0], $worst, 'the most missed first');
like($page, qr{作答 $served{$worst} 次，答对率 <strong>\Q@{[ sprintf('%.1f%%', 100 * $right{$worst} / $served{$worst}) ]}\E</strong>}, 'with its rate, by hand');
my %picked;
my %text = map { $_->[0] => $_->[1] } $s->sql("SELECT opt_key, text FROM question_option WHERE question_id = $worst");
for my $r ($s->sql("SELECT aq.options, aq.answer_mask FROM attempt_question aq JOIN attempt a ON a.id = aq.attempt_id "
    . "WHERE aq.question_id = $worst AND a.status IN ('passed', 'failed')")) {
	my @shown = split /\x1f/, $r->[0];
	next if $r->[1] eq 'NULL';
	for my $i (0 .. $#shown) { $picked{$shown[$i]}++ if $r->[1] & (1 << $i) }
}
$page = $s->get("/admin/stats/questions/$worst")->{content};
for my $k (sort keys %text) {
	my $n = $picked{$text{$k}} // 0;
	like($page, qr{<th scope="row">$k(?:（正确）)?</th><td>\Q$text{$k}\E</td><td class="n">$n</td>}, "option $k chosen $n times");
}
is($s->get('/admin/stats/questions/999999')->{status}, 404, 'an unknown question: 404');

# A month boundary at midnight (the database runs at +08:00): an
# attempt at 23:59:59 on the last day of last month, another at 00:00:00
# today's month; then the rollups rebuilt from the attempts.
my ($first, $prev) = @{ ($s->sql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-01'), DATE_FORMAT(CURDATE() - INTERVAL 1 MONTH, '%Y-%m')"))[0] };
my @passed = map { $_->[0] } $s->sql("SELECT id FROM attempt WHERE status = 'passed' AND method = 'gps' AND role = 'citizen' ORDER BY id");
$s->sql("UPDATE attempt SET submitted_at = '$first' - INTERVAL 1 SECOND WHERE id = $passed[0]");
$s->sql("UPDATE attempt SET submitted_at = '$first' WHERE id = $passed[1]");
is(system("$bin -f $conf stats-rebuild >/dev/null"), 0, 'stats-rebuild runs');
($counted) = expected($month);
my ($pcounted) = expected($prev);
is($pcounted->{$rid}, 1, 'by hand: the pass at 23:59:59 is last month\'s');
$page = $s->get("/admin/stats?month=$prev")->{content};
is(row($page, '城厢街道')->[2], 1, 'and so it counts there');
$page = $s->get('/admin/stats')->{content};
is(row($page, '城厢街道')->[2], $counted->{$rid}, 'the one at 00:00:00 counts this month (the same phone, now its first pass here)');
like($page, qr{<th scope="col" class="n">\d+月</th>}, 'the twelve months');

# Rebuilding gives the rows the grading gave, and twice the same.
sub snapshot { join "\n", map { join ',', @$_ } $s->sql('SELECT * FROM stat_quiz_day ORDER BY day, region_id, role, method'),
    $s->sql('SELECT * FROM stat_answer_month ORDER BY month, region_id, role, method, category'),
    $s->sql('SELECT * FROM stat_answer_dept_month ORDER BY month, department_id, method, category'),
    $s->sql('SELECT * FROM stat_question_month ORDER BY month, region_id, method, question_id'),
    $s->sql('SELECT * FROM stat_unit_day ORDER BY day, unit_id'),
    $s->sql('SELECT * FROM stat_points_day ORDER BY day, region_id') }
attempt_as($gps);	# graded into the rollups as it happens
my $live = snapshot();
system("$bin -f $conf stats-rebuild >/dev/null");
is(snapshot(), $live, 'a full rebuild gives exactly the rows kept while grading');
$s->sql('DELETE FROM stat_quiz_day WHERE day = CURDATE()');
$s->sql('DELETE FROM stat_answer_month LIMIT 2');
$s->sql('UPDATE stat_answer_dept_month SET correct = correct + 1 LIMIT 1');
$s->sql('UPDATE stat_question_month SET served = served + 5 LIMIT 1');
isnt(snapshot(), $live, 'rows lost');
my $today = one('SELECT CURDATE()');
is(system("$bin -f $conf stats-rebuild $prev-01 $today >/dev/null"), 0, 'a rebuild of some days');
is(snapshot(), $live, 'brings them back the same');
system("$bin -f $conf stats-rebuild $today $today >/dev/null");
is(snapshot(), $live, 'and one of a single day in mid-month changes nothing');
isnt(system("$bin -f $conf stats-rebuild 2026-13-01 2>/dev/null"), 0, 'a day that is none is refused');

# Departments and key units ranked, against figures worked out here.
my %dep = map { $_->[1] => $_->[0] } $s->sql('SELECT id, name FROM department');
my ($jur) = one('SELECT jurisdiction_id FROM region LIMIT 1');
my $bank = one('SELECT MAX(id) FROM bank');
$s->sql(join ';', map { "INSERT INTO person (phone, pw_hash, name) VALUES ('1390000000$_', 'x', '成员$_')" } 1 .. 7);
$s->seal;
my %p = map { $_->[1] => $_->[0] } $s->sql("SELECT id, name FROM person WHERE name LIKE '成员%'");
my @units = ([ 'U1', $dep{'区应急管理局'}, 1, 4, 'active' ], [ 'U2', $dep{'区应急管理局'}, 1, 2, 'active' ],
    [ 'U3', $dep{'区教育局'}, 1, 10, 'active' ], [ 'U4', $dep{'区教育局'}, 0, 5, 'active' ], [ 'U5', $dep{'区教育局'}, 1, 50, 'pending' ]);
for (@units) {
	my ($name, $d, $key, $head, $st) = @$_;
	$s->sql("INSERT INTO unit (jurisdiction_id, name, is_key, department_id, region_id, headcount, status, join_code, created_by) "
	    . "VALUES ($jur, '$name', $key, $d, $rid, $head, '$st', 'JC$name', $p{'成员1'})");
}
my %u = map { $_->[1] => $_->[0] } $s->sql("SELECT id, name FROM unit WHERE name LIKE 'U_'");
my %member = ('成员1' => 'U1', '成员2' => 'U1', '成员3' => 'U2', '成员4' => 'U2', '成员5' => 'U3', '成员6' => 'U4');
$s->sql("INSERT INTO unit_member (person_id, unit_id, status) VALUES " . join ', ', map { "($p{$_}, $u{$member{$_}}, 'active')" } sort keys %member);
$s->sql("INSERT INTO unit_member (person_id, unit_id, status) VALUES ($p{'成员7'}, $u{U1}, 'pending')");
my %points = ('成员1' => 10, '成员2' => 31, '成员3' => 5, '成员5' => 40, '成员7' => 99);
$s->sql("INSERT INTO points_total (person_id, total) VALUES " . join ', ', map { "($p{$_}, $points{$_})" } sort keys %points);
# Attempts of members (their scores), and the codes of three of them.
my %score = ('成员1' => 90, '成员2' => 60, '成员5' => 100);
for my $who (sort keys %score) {
	$s->sql("INSERT INTO attempt (token, browser, person_id, unit_id, role, region_id, method, bank_id, total, pass_mark, status, correct, score, "
	    . "started_at, deadline_at, submitted_at, ip) VALUES (LEFT(MD5('$who'), 22), UNHEX(SHA2('$who', 256)), $p{$who}, $u{$member{$who}}, "
	    . "'citizen', $rid, 'gps', $bank, 10, 80, 'passed', 9, $score{$who}, NOW(), NOW(), NOW(), '127.0.0.1')");
}
my %att = map { $_->[1] => $_->[0] } $s->sql("SELECT a.id, p.name FROM attempt a JOIN person p ON p.id = a.person_id WHERE p.name LIKE '成员%'");
for ([ '成员1', 'CURDATE() + INTERVAL 30 DAY', 'NULL' ], [ '成员2', 'CURDATE() - INTERVAL 1 DAY', 'NULL' ], [ '成员5', 'CURDATE() + INTERVAL 30 DAY', 'NOW()' ]) {
	my ($who, $exp, $revoked) = @$_;
	$s->sql("INSERT INTO code (nonce, attempt_id, browser, person_id, role, region_id, method, issued_on, expires_on, revoked_at) "
	    . "VALUES (RANDOM_BYTES(16), $att{$who}, UNHEX(SHA2('$who', 256)), $p{$who}, 'citizen', $rid, 'gps', CURDATE(), $exp, $revoked)");
}
system("$bin -f $conf stats-rebuild >/dev/null") == 0 or die 'stats-rebuild';	# rows made by hand: into the rollups
my %fig;	# by hand
for my $m (sort keys %member) {
	my $f = $fig{$member{$m}} //= {};
	$f->{registered}++;
	$f->{points} += $points{$m} // 0;
	$f->{valid}++ if $m eq '成员1';
	if (exists $score{$m}) { $f->{attempts}++; $f->{scores} += $score{$m} }
}
$fig{$_->[0]}{headcount} = $_->[3] for @units;
for my $d ('区应急管理局', '区教育局') {
	for my $un (grep { $_->[1] == $dep{$d} && $_->[4] eq 'active' } @units) {
		$fig{$d}{$_} += $fig{$un->[0]}{$_} // 0 for qw(headcount registered points valid attempts scores);
		$fig{$d}{units}++;
	}
}
$s->clear_cookies;
$s->admin_login;
$page = $s->get('/admin/stats/units')->{content};
sub rank_row {
	my ($html, $section, $name) = @_;
	my ($part) = $html =~ m{<section class="card" id="$section">(.*?)</section>}s or return;
	my ($tr) = $part =~ m{(<tr><td class="n">\d+</td><th scope="row">(?:<a href="[^"]+">)?\Q$name\E(?:</a>)?</th>.*?</tr>)}s or return;
	my @td = map { s/<[^>]+>//gr =~ s/,//gr } $tr =~ m{<td[^>]*>(.*?)</td>}gs;
	return \@td;
}
for my $d ('区应急管理局', '区教育局') {
	my $f = $fig{$d};
	my $row = rank_row($page, 'departments', $d);
	is_deeply([ @$row[1 .. 4] ], [ $f->{units}, $f->{headcount}, $f->{registered}, sprintf('%.1f%%', 100 * $f->{registered} / $f->{headcount}) ],
	    "$d: units, headcount, registered, rate");
	is($row->[6], $f->{points}, "$d: total points");
	is($row->[7], sprintf('%.1f', $f->{points} / $f->{registered}), "$d: average points");
}
is(rank_row($page, 'departments', '区应急管理局')->[0], 1, 'ranked by registration rate: 应急管理局 first');
is(rank_row($page, 'departments', '区教育局')->[0], 2, '教育局 second');
is(rank_row($page, 'departments', '区民政局')->[0], 3, 'departments without units share the next rank');
is(rank_row($page, 'departments', '团区委')->[0], 3, 'all of them');
is(rank_row($page, 'key-units', 'U2')->[0], 1, 'key units: U2 (2 of 2) first');
is(rank_row($page, 'key-units', 'U1')->[4], '1（50.0%）', 'U1: one valid code of two members (an expired one does not count)');
ok(!rank_row($page, 'key-units', 'U4'), 'a unit that is not a key unit is not ranked among them');
ok(!rank_row($page, 'key-units', 'U5'), 'nor one not yet approved');
is(rank_row($page, 'key-units', 'U3')->[4], '0（0.0%）', 'a revoked code does not count');
is(rank_row($page, 'key-units', 'U1')->[7], sprintf('%.1f', (90 + 60) / 2), "U1's average quiz score");
$page = $s->get('/admin/stats/units?sort=registered')->{content};
is(rank_row($page, 'key-units', 'U1')->[0] . rank_row($page, 'key-units', 'U2')->[0] . rank_row($page, 'key-units', 'U3')->[0], '113',
    'by registered: U1 and U2 tie at 1, U3 is 3rd');
$page = $s->get('/admin/stats/units?sort=score')->{content};
is(rank_row($page, 'key-units', 'U3')->[0], 1, 'by quiz score: U3 (100) first');
is($s->get('/admin/stats/units?sort=height')->{status}, 200, 'an unknown ranking falls back to the rate');

# A unit's learning day by day: learners (not for signing in only) and points.
$s->sql("INSERT INTO points_day (person_id, day, reason, points) VALUES ($p{'成员1'}, CURDATE(), 'lesson', 5), ($p{'成员2'}, CURDATE(), 'login', 1), "
    . "($p{'成员1'}, CURDATE() - INTERVAL 1 DAY, 'practice', 3), ($p{'成员5'}, CURDATE(), 'lesson', 10), ($p{'成员7'}, CURDATE(), 'lesson', 10)");
$page = $s->get("/admin/stats/units/$u{U1}")->{content};
my $today1 = one('SELECT CURDATE()');
like($page, qr{<th scope="row">\Q$today1\E</th><td class="n">1</td><td class="n">6</td>}, "U1 today: one learner (a sign-in alone is no learning), six points");
like($page, qr{<th scope="row">\Q@{[ one('SELECT CURDATE() - INTERVAL 1 DAY') ]}\E</th><td class="n">1</td><td class="n">3</td>}, 'and yesterday');
like($page, qr{合计 2 人次、9 分}, 'the pending member counts nothing');
like($page, qr{<svg class="daily-chart"}, 'with its chart');
is($s->get('/admin/stats/units/999999')->{status}, 404, 'an unknown unit: 404');

# Bulletins: published for a period that is over, kept as published.
my ($mon, $lastmon, $lastsun) = @{ ($s->sql("SELECT CURDATE() - INTERVAL WEEKDAY(CURDATE()) DAY, "
    . "CURDATE() - INTERVAL WEEKDAY(CURDATE()) + 7 DAY, CURDATE() - INTERVAL WEEKDAY(CURDATE()) + 1 DAY"))[0] };
# Four members registered before last week, two during it; points in both weeks.
$s->sql("UPDATE person SET created_at = '$lastmon' - INTERVAL 3 DAY, region_id = $rid WHERE name IN ('成员1', '成员2', '成员3', '成员4')");
$s->sql("UPDATE person SET created_at = '$lastmon' + INTERVAL 2 DAY, region_id = $rid WHERE name IN ('成员5', '成员6')");
$s->sql("INSERT INTO points_entry (person_id, reason, ref, amount, day) VALUES ($p{'成员1'}, 'lesson', 'x1', 5, '$lastmon' - INTERVAL 1 DAY), "
    . "($p{'成员1'}, 'lesson', 'x2', 5, '$lastmon' + INTERVAL 1 DAY), ($p{'成员5'}, 'lesson', 'x3', 20, '$lastsun'), ($p{'成员2'}, 'lesson', 'x4', 7, CURDATE())");
# The ledger's daily sums beside it, as earning keeps them.
$s->sql("INSERT INTO points_day (person_id, day, reason, points) SELECT person_id, day, reason, SUM(amount) FROM points_entry "
    . "WHERE ref LIKE 'x_' GROUP BY person_id, day, reason ON DUPLICATE KEY UPDATE points = points_day.points + VALUES(points)");
system("$bin -f $conf stats-rebuild >/dev/null") == 0 or die 'stats-rebuild';	# points written by hand: into the rollups
my %by = map { $_->[0] => $_->[1] } $s->sql("SELECT 'before', COUNT(*) FROM person WHERE created_at < '$lastmon' UNION ALL "
    . "SELECT 'after', COUNT(*) FROM person WHERE created_at < '$mon' UNION ALL "
    . "SELECT 'pbefore', COALESCE(SUM(points), 0) FROM points_day WHERE day < '$lastmon' UNION ALL "
    . "SELECT 'pafter', COALESCE(SUM(points), 0) FROM points_day WHERE day < '$mon'");
my $csrf = $s->csrf('/admin/bulletins');
my $res = $s->post('/admin/bulletins', { csrf => $csrf, kind => 'weekly', day => one('SELECT CURDATE()') });
is($res->{status}, 400, 'this week is not over: 400');
like($res->{content}, qr{这一期还没有结束}, 'says so');
is($s->post('/admin/bulletins', { csrf => $csrf, kind => 'weekly', day => '2026-02-30' })->{status}, 400, 'a day that is none: 400');
$res = $s->post('/admin/bulletins', { csrf => $csrf, kind => 'weekly', day => $lastsun });
is($res->{status}, 303, "last week's bulletin is published");
my ($bid) = ($res->{headers}{location} // '') =~ m{/admin/bulletins/(\d+)$};
my $weekly = $s->get("/admin/bulletins/$bid")->{content};
like($weekly, qr{第 1 期每周通报}, 'the first weekly issue');
like($weekly, qr{统计期间：\Q$lastmon\E 至 \Q$lastsun\E}, 'for Monday to Sunday');
like($weekly, qr{注册用户 <strong>$by{after}</strong> 人，较上周增长 \Q@{[ sprintf('%.1f', 100 * ($by{after} - $by{before}) / $by{before}) ]}\E%},
    "registrations and their growth, by hand ($by{before} → $by{after})");
like($weekly, qr{学习总积分 <strong>$by{pafter}</strong>，较上周增长 \Q@{[ sprintf('%.1f', 100 * ($by{pafter} - $by{pbefore}) / $by{pbefore}) ]}\E%},
    'total points and their growth (today\'s points are not last week\'s)');
my $pp = sprintf('%.2f', $by{pafter} / $by{after});
my $ppb = sprintf('%.2f', $by{pbefore} / $by{before});
like($weekly, qr{人均积分 <strong>$pp</strong>，较上周增长 \Q@{[ sprintf('%.1f', 100 * ($pp - $ppb) / $ppb) ]}\E%}, 'points per person and their growth');
my $dpoints = one("SELECT COALESCE(SUM(e.points), 0) FROM points_day e JOIN unit_member m ON m.person_id = e.person_id AND m.status = 'active' "
    . "JOIN unit u ON u.id = m.unit_id AND u.status = 'active' WHERE u.department_id = $dep{'区应急管理局'} AND e.day <= '$lastsun'");
like($weekly, qr{<th scope="row">区应急管理局</th><td class="n">6</td><td class="n">4</td><td class="n">66.7%</td><td class="n">$dpoints</td>},
    "departments ranked, their points as the week ended ($dpoints, not today's)");
like($weekly, qr{<th scope="row">城厢街道</th><td class="n">[\d,]+</td><td class="n">6</td>}, 'towns: people registered there by the week\'s end');
like($weekly, qr{<svg viewBox="0 0 640 40" role="img" aria-label="各行业部门注册率（数字见下表）">}, 'a chart of the two departments with a rate (SVG)');
like($weekly, qr{<text x="150" y="14" text-anchor="end" font-size="11">区应急管理局</text><rect [^>]+></rect><rect x="156" y="4" height="12" fill="#0b4fa8" width="266\.8"></rect>},
    'its bar as long as its rate (66.7% of 400)');
$s->sql("INSERT INTO person (phone, pw_hash, name, created_at, region_id) VALUES ('13900000099', 'x', '后来者', '$lastmon', $rid)");
$s->sql("UPDATE points_total SET total = total + 1000");
sub main_of { ($_[0] =~ m{(<main>.*</main>)}s)[0] // 'no main' }
is(main_of($s->get("/admin/bulletins/$bid")->{content}), main_of($weekly), 'new data later: the published bulletin stays the same');
$res = $s->post('/admin/bulletins', { csrf => $csrf, kind => 'weekly', day => $lastmon });
is($res->{status}, 409, 'a period published already: 409');
like($res->{content}, qr{这一期已经发布过了.*href="/admin/bulletins/$bid"}s, 'linking to it');
my $wcsv = $s->get("/admin/bulletins/$bid/bulletin.csv");
like($wcsv->{content}, qr{^\x{feff}表,名称,名次}, 'its CSV, with a BOM');
like($wcsv->{content}, qr{\r\n镇街,城厢街道,,\d+,6,}, 'with the towns');
# Growth between any two days, worked out here from people and the ledger.
{
	my ($d1, $d2) = @{ ($s->sql("SELECT '$lastmon' - INTERVAL 1 DAY, '$lastsun'"))[0] };
	my %n = map { $_->[0] => $_->[1] } $s->sql("SELECT 'r1', COUNT(*) FROM person WHERE created_at < '$d1' + INTERVAL 1 DAY UNION ALL "
	    . "SELECT 'r2', COUNT(*) FROM person WHERE created_at < '$d2' + INTERVAL 1 DAY UNION ALL "
	    . "SELECT 'p1', COALESCE(SUM(points), 0) FROM points_day WHERE day <= '$d1' UNION ALL "
	    . "SELECT 'p2', COALESCE(SUM(points), 0) FROM points_day WHERE day <= '$d2'");
	my $g = $s->get("/admin/stats/growth?from=$d1&to=$d2")->{content};
	like($g, qr{<th scope="row">注册用户</th>\s*<td class="n">$n{r1}</td>\s*<td class="n">$n{r2}</td>\s*<td class="n">\Q@{[ sprintf('%.1f%%', 100 * ($n{r2} - $n{r1}) / $n{r1}) ]}\E</td>},
	    "registrations $n{r1} → $n{r2}");
	like($g, qr{<th scope="row">学习总积分</th>\s*<td class="n">$n{p1}</td>\s*<td class="n">$n{p2}</td>\s*<td class="n">\Q@{[ sprintf('%.1f%%', 100 * ($n{p2} - $n{p1}) / $n{p1}) ]}\E</td>},
	    "total points $n{p1} → $n{p2}");
	like($g, qr{<th scope="row">城厢街道</th>}, 'by street and town');
	is($s->get("/admin/stats/growth?from=$d2&to=$d1")->{status}, 400, 'the days the wrong way round: 400');
}
# Half-monthly: the second half of last month, as it ended.
my $day20 = one("SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 MONTH, '%Y-%m-20')");
$res = $s->post('/admin/bulletins', { csrf => $csrf, kind => 'half-monthly', day => $day20 });
is($res->{status}, 303, "last month's second half is published");
($bid) = ($res->{headers}{location} // '') =~ m{/admin/bulletins/(\d+)$};
my $half = $s->get("/admin/bulletins/$bid")->{content};
like($half, qr{半月通报}, 'a half-monthly bulletin');
like($half, qr{统计期间：\Q$prev\E-16 至 }, 'from the 16th');
like($half, qr{<th scope="row">城厢街道</th><td class="n">[\d,]+</td><td class="n">$pcounted->{$rid}</td>}, "城厢街道's count as the month ended");
like($half, qr{各行业部门蓝码覆盖情况}, "and the departments' coverage");
# Year-end: a year gone by.
my $lastyear = one('SELECT YEAR(CURDATE()) - 1');
$res = $s->post('/admin/bulletins', { csrf => $csrf, kind => 'year-end', day => "$lastyear-06-01" });
is($res->{status}, 303, 'the report of last year');
($bid) = ($res->{headers}{location} // '') =~ m{/admin/bulletins/(\d+)$};
like($s->get("/admin/bulletins/$bid")->{content}, qr{${lastyear}年消防安全知晓率报告.*<th scope="row">城厢街道</th>}s, 'by street and town');
is($s->post('/admin/bulletins', { csrf => $csrf, kind => 'year-end', day => ($lastyear + 2) . '-06-01' })->{status}, 400,
    'a year to come: refused');
like($s->get('/admin/bulletins')->{content}, qr{第 1 期每周通报.*第 1 期半月通报}s, 'the list');
ok(one("SELECT COUNT(*) FROM audit_log WHERE action = 'bulletin-publish'") == 3, 'each publishing audited');
my $bulletins = one('SELECT MIN(id) FROM bulletin');

# In English: the interface's words are English, the data stay as they
# are (names of streets, departments, units, roles; a question's text),
# and a published bulletin shows the same figures in its English frame.
{
	my $en = { 'Accept-Language' => 'en' };
	my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]+/;
	my %known = map { $_->[0] => 1 } $s->sql('SELECT name FROM region UNION SELECT name FROM department '
	    . 'UNION SELECT name FROM unit UNION SELECT name FROM role UNION SELECT name FROM jurisdiction');
	# What Chinese is left in a page's main part that is not data.
	my $left = sub {
		my ($html, @data) = @_;
		my $m = main_of($html);
		return join ' ', grep { my $r = $_; !$known{$r} && !grep { index($_, $r) >= 0 } @data } $m =~ /($cjk)/g;
	};
	my $cells = sub { join '|', main_of($_[0]) =~ m{<td class="n">([^<]*)</td>}g };
	my %b = map { $_->[1] => $_->[0] } $s->sql('SELECT id, kind FROM bulletin');
	my $figures = one("SELECT MD5(figures) FROM bulletin WHERE id = $b{weekly}");
	my $page = $s->get("/admin/bulletins/$b{weekly}", $en)->{content};
	like($page, qr{<html lang="en">}, 'a bulletin in English');
	like($page, qr{<title>Weekly bulletin no\. 1 of \d{4} · Blue Code</title>}, 'its title');
	like($page, qr{<h2>Industry departments: registration rate and average points</h2>}, 'its headings');
	like($page, qr{Download the tables \(CSV\)}, 'its links');
	like($page, qr{users had registered, (?:up|down) [\d.]+% on the week before}, 'its sentences, the figures in them');
	is($left->($page), '', 'no Chinese but the names');
	is($cells->($page), $cells->($s->get("/admin/bulletins/$b{weekly}")->{content}), 'the same figures as in Chinese');
	is(one("SELECT MD5(figures) FROM bulletin WHERE id = $b{weekly}"), $figures, 'and what was published is untouched');
	$page = $s->get("/admin/bulletins/$b{'half-monthly'}", $en)->{content};
	like($page, qr{<h1>Half-monthly bulletin no\. 1 of \d{4}</h1>}, 'the half-monthly one');
	like($page, qr{Period: \Q$prev\E-16 to }, 'its period');
	is($left->($page), '', 'no Chinese but the names');
	is($cells->($page), $cells->($half), 'the same figures');
	$page = $s->get("/admin/bulletins/$b{'year-end'}", $en)->{content};
	like($page, qr{<h1>Fire safety awareness report $lastyear</h1>}, 'the year-end one');
	is($left->($page), '', 'no Chinese but the names');
	my $csv = $s->get("/admin/bulletins/$b{weekly}/bulletin.csv", $en)->{content};
	like($csv, qr{^\x{feff}Table,Name,Rank,Headcount,Registered,Registration rate \(%\),Total points,Average points\r\n}, "the CSV's header in English");
	like($csv, qr{\r\nStreet or town,城厢街道,,\d+,6,}, 'its tables named in English, the same lines');
	is(scalar(() = $csv =~ /\r\n/g), scalar(() = $wcsv->{content} =~ /\r\n/g), 'as many lines as in Chinese');
	$csv = $s->get('/admin/stats/targets.csv', $en)->{content};
	like($csv, qr{^\x{feff}Month,Street or town,Resident population,Monthly target,Counted,Chosen by hand \(not counted\),Completion \(%\),Status\r\n}, 'the targets CSV too');
	like($csv, qr{\r\n\d{4}-\d\d,Total,,\d+,}, 'with its total');
	is(join(' ', grep { !$known{$_} } $csv =~ /($cjk)/g), '', 'no Chinese but the names');
	$page = $s->get('/admin/bulletins', $en)->{content};
	like($page, qr{<h1>Bulletins</h1>}, 'the list');
	like($page, qr{<button type="submit" class="button">Build and publish</button>}, 'its button');
	is($left->($page), '', 'no Chinese');
	$res = $s->post('/admin/bulletins', { csrf => $csrf, kind => 'weekly', day => $lastmon }, $en);
	like($res->{content}, qr{already been published: <a href="/admin/bulletins/$b{weekly}">view it</a>\. A published}, 'a refusal in English');
	my %pages = ('/admin' => qr{<h1>Admin home</h1>}, '/admin/stats' => qr{<h1>Progress against targets · \w+ \d{4}</h1>},
	    '/admin/stats?map=awareness' => qr{<h2>Awareness rate this month by street and town</h2>},
	    '/admin/stats/awareness' => qr{<h1>Fire safety awareness rate</h1>}, '/admin/stats/questions' => qr{<h1>Most missed questions</h1>},
	    '/admin/stats/units' => qr{<h1>Industry department and key unit rankings</h1>}, "/admin/stats/units/$u{U1}" => qr{Learning day by day over the last},
	    '/admin/stats/growth' => qr{<h1>Growth</h1>});
	my @stems = map { $_->[0] } $s->sql('SELECT stem FROM question');
	for my $p (sort keys %pages) {
		$page = $s->get($p, $en)->{content};
		like($page, $pages{$p}, "$p in English");
		is($left->($page, @stems), '', 'no Chinese but the names and the questions');
	}
	my @q = map { @$_ } $s->sql("SELECT stem, explanation FROM question WHERE id = $worst UNION ALL "
	    . "SELECT text, '' FROM question_option WHERE question_id = $worst UNION ALL SELECT text, '' FROM question_report WHERE question_id = $worst");
	$page = $s->get("/admin/stats/questions/$worst", $en)->{content};
	like($page, qr{<h2>How often each option was chosen</h2>}, "a question's statistics in English");
	like($page, qr{Answered \d+ times, <strong>[\d.]+%</strong> correctly}, 'its sentence');
	is($left->($page, @q), '', 'no Chinese but the question');
	like($s->get('/admin/stats', $en)->{content}, qr{<th scope="col" class="n">(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)</th>}, "the twelve months' names");
}

# Scopes: a street admin sees its own street; a department admin none.
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'street-stats-1';
	system("$bin -f $conf admin-add cx1 street 城厢街道 >/dev/null") == 0 or die;
	system("$bin -f $conf admin-add edu9 department 区教育局 >/dev/null") == 0 or die;
}
$s->clear_cookies;
$s->admin_login('cx1', 'street-stats-1');
like($s->get('/admin')->{content}, qr{href="/admin/stats">本镇街推进目标完成情况}, "a street admin's home links to its figures");
$page = $s->get('/admin/stats')->{content};
ok(row($page, '城厢街道'), 'a street admin sees its own street');
ok(!row($page, '北干街道'), 'and no other');
unlike($page, qr{全区计入}, 'nor the district total');
unlike($s->get('/admin/stats/targets.csv')->{content}, qr{北干街道}, 'nor in the CSV');
$page = $s->get('/admin/stats/awareness')->{content};
unlike($page, qr{<th scope="row">北干街道</th>}, 'nor in the awareness rates');
is($s->get("/admin/bulletins/$bulletins")->{status}, 200, 'a street admin reads the bulletins');
is($s->post('/admin/bulletins', { csrf => $s->csrf('/admin/bulletins'), kind => 'weekly', day => $lastsun })->{status}, 403,
    'but does not publish them');
$s->clear_cookies;
$s->admin_login('edu9', 'street-stats-1');
is($s->get('/admin/stats')->{status}, 403, 'a department admin has no street figures');
is($s->get('/admin/stats/growth')->{status}, 403, 'nor the growth of the district');
$page = $s->get('/admin/stats/units')->{content};
ok(rank_row($page, 'key-units', 'U3'), 'but sees the key units of its department');
ok(!rank_row($page, 'key-units', 'U1'), 'and not those of another');
ok(rank_row($page, 'departments', '区应急管理局'), 'with every department ranked');
$page = $s->get('/admin/stats/awareness')->{content};
like($page, qr{本页为你所在行业部门各单位成员的答题}, "a department admin's awareness page is its department's");
unlike($page, qr{id="by-region"}, 'without the streets');
my ($eduq) = one("SELECT COALESCE(SUM(questions), 0) FROM stat_answer_dept_month WHERE method = 'gps' AND department_id = $dep{'区教育局'}");
like($page, qr{合计：<strong>(?:—|[\d.]+%)</strong>（[\d,]*\s*/ $eduq 题）}, "its total: $eduq questions");
is($s->get("/admin/stats/units/$u{U3}")->{status}, 200, "and its own unit's days");
is($s->get("/admin/stats/units/$u{U1}")->{status}, 404, "but not another department's unit's");
$s->clear_cookies;
is($s->get('/admin/stats')->{status}, 303, 'signed out: to the sign-in');

done_testing();
