# Learning points (sql/017) and practice exams: the ledger, its rules and
# daily caps (edited by district admins), points for signing in, for a
# right practice answer (each question once a day) and for a pass; the
# total equal to the ledger's sum and the cap held under parallel
# earning; practice with immediate feedback that never issues a code;
# the points page with its rankings.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 4, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }

is(one('SELECT COUNT(*) FROM points_rule'), 4, 'four rules');
like($s->get('/points')->{content}, qr{href="/account">登录或注册}, 'signed out, the points page asks to sign in');

# Practice, signed out: feedback, no points, no code.
my $page = $s->get('/practice')->{content};
like($page, qr{href="/practice\?role=citizen">普通市民</a>}, 'practice starts with the roles');
$page = $s->get('/practice?role=citizen')->{content};
my ($all) = $page =~ m{全部分类随机练习</a>（(\d+) 题）};
ok($all > 50, "the citizen's categories ($all questions)");
is($all, one("SELECT COUNT(*) FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND q.retired = 0 AND FIND_IN_SET('citizen', q.roles)"),
    'counted from the published bank');
like($page, qr{category=ebike">电动自行车</a>（\d+ 题）}, 'by category, with names');
is($s->get('/practice?role=nobody')->{status}, 404, 'an unknown role is 404');
is($s->get('/practice/q?role=citizen&category=cooking')->{status}, 404, 'an unknown category is 404');

# The right answer of a question, as the bits the form sends.
sub right_bits {
	my ($q) = @_;
	my @c = map { $_->[0] } $s->sql("SELECT correct FROM question_option WHERE question_id = $q ORDER BY opt_key");
	return grep { $c[$_] } 0 .. $#c;
}
sub draw {
	my ($qs) = @_;
	my $p = $s->get("/practice/q?role=citizen$qs")->{content};
	my ($q) = $p =~ m{name="q" value="(\d+)"};
	return ($q, form_value($p, 'csrf'), $p);
}
my ($q, $csrf, $html) = draw('&category=ebike');
ok($q, 'a question is drawn');
is(one("SELECT category FROM question WHERE id = $q"), 'ebike', 'of the category asked');
unlike($html, qr/正确答案|解析/, 'without its answer');
my $codes = one('SELECT COUNT(*) FROM code');
my $res = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', category => 'ebike', q => $q, map { (o => $_) } right_bits($q) ]);
is($res->{status}, 200, 'answered');
like($res->{content}, qr{回答正确！}, 'right');
like($res->{content}, qr{<a href="/account">登录</a>后答对可得学习积分}, 'no points signed out, and it says how');
like($res->{content}, qr{<strong>解析：</strong>}, 'with the explanation');
like($res->{content}, qr{href="/practice/q\?role=citizen&amp;category=ebike&amp;q=$q"}, 'and the next question of the same kind');
is(one('SELECT COUNT(*) FROM code'), $codes, 'practice issues no code');
my $nopts = one("SELECT COUNT(*) FROM question_option WHERE question_id = $q");
my @wrong = grep { my $b = $_; !grep { $_ == $b } right_bits($q) } 0 .. $nopts - 1;
$res = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', q => $q, o => $wrong[0] ]);
like($res->{content}, qr{回答错误。}, 'a wrong answer is wrong');
like($res->{content}, qr{<li class="right">.*?<span class="tag">正确答案</span>}s, 'the right option is shown');
like($res->{content}, qr{<li class="wrong">.*?<span class="tag tag-you">你的选择</span>}s, 'and the one chosen');
like($s->post('/practice/q', { csrf => $csrf, role => 'citizen', q => $q })->{content}, qr/没有作答/, 'no answer is none');
is($s->post('/practice/q', { csrf => $csrf, q => $q })->{status}, 400, 'an answer without a role is 400');
is($s->post('/practice/q', { csrf => $csrf, role => 'citizen', q => 999999 })->{status}, 404, 'an unknown question is 404');
is($s->post('/practice/q', { csrf => $csrf, role => 'citizen', q => $q, o => 9 })->{status}, 400, 'an option out of range is 400');
my ($landlord_only) = map { $_->[0] } $s->sql("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND NOT FIND_IN_SET('citizen', q.roles) LIMIT 1");
is($s->post('/practice/q', { csrf => $csrf, role => 'citizen', q => $landlord_only })->{status}, 404,
    "a question not of the role is not answered under it") if $landlord_only;
my ($next) = draw("&q=$q");
isnt($next, $q, 'the next question is another one');

# Signed in: points for signing in and for right answers, once a question a day.
$csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => '13600000001', password => 'points-pass-1', name => '郑华' })->{status},
    303, 'a person registers');
my $me = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13600000001') ]}");
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'login'"), 1, 'signing in earns 1');
($q, $csrf) = draw('');
$res = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', q => $q, map { (o => $_) } right_bits($q) ]);
like($res->{content}, qr{回答正确！获得 1 学习积分。}, 'a right answer earns a point');
$res = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', q => $q, map { (o => $_) } right_bits($q) ]);
like($res->{content}, qr{今天这道题已计过积分}, 'the same question again earns nothing today');
$s->post('/account/logout', { csrf => $csrf });
$s->post('/account/login', { csrf => scalar($s->csrf('/account')), phone => '13600000001', password => 'points-pass-1' });
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'login'"), 1, 'signing in again the same day earns nothing more');
is(one("SELECT total FROM points_total WHERE person_id = $me"), 2, 'the total: 2');

# Many right answers at once: the cap (20 a day) holds, and the total is the ledger's sum.
my @qs = map { $_->[0] } $s->sql("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND q.retired = 0 AND FIND_IN_SET('citizen', q.roles) AND q.id <> $q ORDER BY q.id LIMIT 40");
is(scalar @qs, 40, '40 other questions');
(undef, $csrf) = draw('');
my $answered = 0;
$answered += $_ for $s->at_once(map { my $i = $_; sub {
	my $ok = 0;
	for (my $k = $i; $k < @qs; $k += 8) {
		my $r = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', q => $qs[$k], map { (o => $_) } right_bits($qs[$k]) ]);
		$ok++ if $r->{status} == 200;
	}
	$ok } } 0 .. 7);
is($answered, 40, '40 right answers in 8 parallel streams');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'practice'"), 20,
    'practice earned exactly the daily cap, 20');
is(one("SELECT points FROM points_day WHERE person_id = $me AND reason = 'practice' AND day = CURDATE()"), 20,
    "the day's count says so");
is(one("SELECT total FROM points_total WHERE person_id = $me"), one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me"),
    "the total equals the ledger's sum");
is(one("SELECT total FROM points_total WHERE person_id = $me"), 21, 'which is 21');

# The points page.
$s->sql("UPDATE person SET region_id = (SELECT id FROM region WHERE name = '北干街道') WHERE id = $me");
my $dep = one("SELECT id FROM department WHERE name = '区教育局'");
my $g = one("SELECT id FROM region WHERE name = '北干街道'");
for my $u ([ '北干初级中学', 'AAAAAAAA' ], [ '北干小学', 'BBBBBBBB' ]) {
	$s->sql("INSERT INTO unit (jurisdiction_id, name, department_id, region_id, headcount, status, join_code, created_by) "
	    . "SELECT j.id, '$u->[0]', $dep, $g, 100, 'active', '$u->[1]', $me FROM jurisdiction j WHERE j.code = '330109'");
}
$s->sql("INSERT INTO unit_member (person_id, unit_id, is_admin, status) SELECT $me, id, 1, 'active' FROM unit WHERE join_code = 'AAAAAAAA'");
$page = $s->get('/points')->{content};
like($page, qr{<p class="points-total"><strong>21</strong> 学习积分</p>}, 'the total');
like($page, qr{<td>练习答对一题</td><td class="n">1</td><td class="n">20 / 20</td>}, "today's practice against its cap");
like($page, qr{<h2>北干初级中学 成员排名</h2>.*?<tr class="mine"><td class="n">1</td><td>郑华</td><td class="n">21</td>}s,
    'the ranking of my unit, my row marked');
like($page, qr{<h2>区教育局 单位排名</h2>.*?<tr class="mine"><td class="n">1</td><td>北干初级中学</td><td class="n">1</td><td class="n">21</td><td class="n">21\.0</td></tr><tr><td class="n">2</td><td>北干小学</td><td class="n">0</td><td class="n">0</td><td class="n">—</td>}s,
    "the units of its department, with members, total and average");
like($page, qr{<h2>镇街排名</h2>.*?<td class="n">1</td><td>北干街道</td><td class="n">1</td><td class="n">21</td>}s, 'the towns');
like($page, qr{练习答对一题 <strong>\+1</strong>}, 'and the history');
like($s->get('/my')->{content}, qr{<dt>学习积分</dt><dd><a href="/points">21</a></dd>}, 'the personal page shows the total');

# A pass earns 20, once a day.
$s->small_bank(3);
ok($s->pass_quiz('citizen', '城厢街道'), 'a pass signed in');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'quiz_pass'"), 20, 'earns 20');
$s->sql("UPDATE code SET expires_on = CURDATE() + INTERVAL 5 DAY WHERE person_id = $me");
ok($s->pass_quiz('citizen', '城厢街道'), 'a second pass the same day (a renewal)');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'quiz_pass'"), 20, 'earns nothing more: the cap');
is(one("SELECT total FROM points_total WHERE person_id = $me"), one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me"),
    "the total still equals the ledger's sum");

# The rules, as data the office edits.
$s->clear_cookies;
$s->admin_login;
$page = $s->get('/admin/points')->{content};
like($page, qr{<form method="post" action="/admin/points/practice"}, 'the rules page has a form a rule');
$csrf = form_value($page, 'csrf');
is($s->post('/admin/points/practice', { csrf => $csrf, points => 5, cap => 2 })->{status}, 400, 'a cap below the points is refused');
is($s->post('/admin/points/practice', { csrf => $csrf, points => 0, cap => 2 })->{status}, 400, 'no points is refused');
is($s->post('/admin/points/practice', { csrf => $csrf, points => 2000, cap => 3000 })->{status}, 400, 'too many are refused');
is($s->post('/admin/points/nothing', { csrf => $csrf, points => 1, cap => 2 })->{status}, 404, 'an unknown rule is 404');
my $en = { 'Accept-Language' => 'en' };
$page = $s->get('/admin/points', $en)->{content};
like($page, qr{<html lang="en">}, 'the rules in English (xslt/l10n/en/admin-points.xml)');
like($page, qr{<title>Learning points rules · }, 'with their title');
like($page, qr{<span class="field-label">Points each time</span>}, 'a rule is labelled');
my ($ui) = $page =~ m{(<main\b.*</main>)}s;
$ui = ($ui // '') =~ s{<h2>[^<]*</h2>}{}gr;
unlike($ui, qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/, 'no Chinese but the names of the rules');
like($s->post('/admin/points/practice', { csrf => $csrf, points => 0, cap => 2 }, $en)->{content},
    qr{The points and the daily limit must be whole numbers from 1 to \d+\.}, 'what is refused, in English');

is($s->post('/admin/points/practice', { csrf => $csrf, points => 2, cap => 30 })->{status}, 303, 'practice: 2 a question, 30 a day');
is_deeply(($s->sql("SELECT points, daily_cap FROM points_rule WHERE reason = 'practice'"))[0], [ 2, 30 ], 'as stored');
my ($action, $detail) = @{ ($s->sql('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$detail", 'points-rule|练习答对一题: 1/20 → 2/30', 'audit-logged');
$s->clear_cookies;
$s->post('/account/login', { csrf => scalar($s->csrf('/account')), phone => '13600000001', password => 'points-pass-1' });
($q, $csrf) = draw('');
my ($fresh) = map { $_->[0] } $s->sql("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND q.retired = 0 AND FIND_IN_SET('citizen', q.roles) ORDER BY q.id DESC LIMIT 1");
$res = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', q => $fresh, map { (o => $_) } right_bits($fresh) ]);
like($res->{content}, qr{获得 2 学习积分}, 'the new rule applies from then on');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'practice'"), 22, 'under the new cap');

# The statistics' daily points by street keep up with the ledger.
is(one('SELECT SUM(points) FROM stat_points_day'), one('SELECT SUM(amount) FROM points_entry'),
    "every point earned is in its street's day (growth reads them)");

# The Chinese left in the interface of an English page: its <main>,
# attributes too, without the data (names of places and roles, questions), which stay as they are.
sub leftover {
	my ($html) = @_;
	my ($m) = $html =~ m{<main>(.*)</main>}s or return 'no <main>';
	$m =~ tr/\x{a0}/ /;
	my @data = map { $_->[0] } $s->sql(q{SELECT name FROM jurisdiction UNION SELECT committee FROM jurisdiction UNION SELECT name FROM region UNION SELECT name FROM role UNION SELECT audience FROM role UNION SELECT name FROM points_rule UNION SELECT name FROM unit UNION SELECT name FROM department UNION SELECT stem FROM question UNION SELECT explanation FROM question UNION SELECT source FROM question UNION SELECT text FROM question_option});
	$m =~ s/\Q$_\E//g for sort { length $b <=> length $a } @data;
	return join ' ', $m =~ /([\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]+)/g;
}

# In English: practice, its feedback, the points page.
my $en = { 'Accept-Language' => 'en' };
$page = $s->get('/practice', $en)->{content};
like($page, qr{<html lang="en">}, 'practice in English');
like($page, qr{<title>Practice exam · Blue Code</title>}, 'titled in English');
is(leftover($page), '', 'no Chinese left');
$page = $s->get('/practice?role=citizen', $en)->{content};
like($page, qr{All categories, in random order</a> \(\d+ questions\)</li>}, 'the categories, with their counts');
like($page, qr{category=alarm">Raising the alarm and early-stage fires</a> \(\d+ questions?\)}, 'by name');
is(leftover($page), '', 'no Chinese left');
($q, $csrf) = draw('');
$page = $s->post('/practice/q', [ csrf => $csrf, role => 'citizen', q => $q ], $en)->{content};
like($page, qr{role="status">You did not answer\.</p>}, 'the feedback in English');
like($page, qr{<a class="button" href="/practice/q\?role=citizen&amp;q=\d+">Next question</a>}, 'and the way on');
is(leftover($page), '', 'no Chinese left but the question');
$page = $s->get('/points', $en)->{content};
like($page, qr{<title>My learning points · Blue Code</title>}, 'the points page in English');
like($page, qr{<p class="points-total"><strong>\d+</strong> learning points?</p>}, 'the total');
like($page, qr{<h2>Street and town ranking</h2>}, 'the rankings');
$page =~ s{<div class="table-scroll">.*?</div>}{}gs;
is(leftover($page), '', 'no Chinese left but names');

done_testing();
