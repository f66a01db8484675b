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
is($s->get('/admin/stats/awareness?from=2026-02-30x')->{status}, 400, 'a malformed day: 400');

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
sub snapshot { join "\n", map { join ',', @$_ } $s->sql('SELECT * FROM stat_quiz_day ORDER BY day, region_id, role, method, department_id'),
    $s->sql('SELECT * FROM stat_answer_day ORDER BY day, region_id, role, method, department_id, category') }
attempt_as($gps);	# graded into the rollups as it happens
my $live = snapshot();
system("$bin -f $conf stats-rebuild >/dev/null");
is(snapshot(), $live, 'a full rebuild gives exactly the rows kept while grading');
$s->sql('DELETE FROM stat_quiz_day WHERE day = CURDATE()');
$s->sql('DELETE FROM stat_answer_day LIMIT 2');
isnt(snapshot(), $live, 'rows lost');
my $today = one('SELECT CURDATE()');
is(system("$bin -f $conf stats-rebuild $prev-01 $today >/dev/null"), 0, 'a rebuild of some days');
is(snapshot(), $live, 'brings them back the same');
system("$bin -f $conf stats-rebuild $today $today >/dev/null");
is(snapshot(), $live, 'and one of a single day in mid-month changes nothing');
isnt(system("$bin -f $conf stats-rebuild 2026-13-01 2>/dev/null"), 0, 'a day that is none is refused');

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
$s->clear_cookies;
$s->admin_login('edu9', 'street-stats-1');
is($s->get('/admin/stats')->{status}, 403, 'a department admin has none of these figures yet');
$s->clear_cookies;
is($s->get('/admin/stats')->{status}, 303, 'signed out: to the sign-in');

done_testing();
