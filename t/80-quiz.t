# The quiz and the blue code over HTTP, as a resident's phone would go
# through it: role, location (GPS or manual), questions, grading, the
# code with its validity by role, verification, renewal, ownership.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
my $bin = BlueCode::Test::bin();
my $conf = $s->dir . '/conf/bluecode.conf';
my $src = BlueCode::Test::src();

# A known bank of three questions, and two rectangles as streets.
system("$bin -f $conf bank-import --publish $src/t/data/bank-small.xml >/dev/null") == 0 or die;
$s->sql('DELETE FROM region_boundary');
system("$bin -f $conf geo-import $src/t/data/regions-test.geojson >/dev/null") == 0 or die;
$s->sql('UPDATE role SET questions = 3');
$s->sql("UPDATE question SET roles = 'responsible,employee,landlord,student,citizen'");
my %right = ('发现火灾后应拨打哪个电话报警？' => [ '119' ],
    '火场逃生时，下列做法正确的有（  ）。' => [ '用湿毛巾捂住口鼻', '弯腰低姿沿疏散指示方向撤离' ],
    '电器着火时，应先切断电源再灭火。' => [ '正确' ]);

# Start an attempt: returns the response of the start POST.
sub start_quiz {
	my ($role, %how) = @_;
	my $page = $s->get("/quiz/$role");
	return $page if $page->{status} != 200;
	return $s->post("/quiz/$role/start", { csrf => form_value($page->{content}, 'csrf'), %how });
}

# Answer every question (right or wrong) and submit; returns the result page.
sub take_quiz {
	my ($url, $wrong) = @_;
	my ($tok) = $url =~ m{/quiz/a/([\w-]+)/1$} or die "not a quiz URL: $url";
	my $res;
	for my $k (1 .. 3) {
		$res = $s->get("/quiz/a/$tok/$k");
		my $html = $res->{content};
		my ($stem) = $html =~ m{<legend><span class="qtype[^"]*">[^<]+</span>([^<]+)</legend>};
		$stem =~ tr/\x{a0}/ / if defined $stem;
		my %opt = reverse($html =~ m{<input name="o" value="(\d)"[^>]*><span class="opt-key">\w</span><span class="opt-text">([^<]+)</span>}g);
		my @pick = map { $opt{$_} } @{ $right{$stem} // die "unknown stem $stem" };
		@pick = grep { my $v = $_; !grep { $opt{$_} eq $v } @{ $right{$stem} } } values %opt if $wrong;
		@pick = ($pick[0]) if $wrong && $stem !~ /下列做法/;
		my $csrf = form_value($html, 'csrf');
		$res = $s->post("/quiz/a/$tok/$k", [ csrf => $csrf, (map { (o => $_) } @pick),
		    go => $k < 3 ? 'next' : 'submit' ]);
		is($res->{status}, 303, "question $k answered") or diag $res->{content};
	}
	return $s->get("/quiz/a/$tok/result");
}

my $res = $s->get('/quiz');
is($res->{status}, 200, 'the role page');
like($res->{content}, qr{href="/quiz/responsible"}, 'links to each role') for 1;
like($res->{content}, qr{普通市民}, 'names the roles in Chinese');
is($s->get('/quiz/pilot')->{status}, 404, 'an unknown role is 404');

$res = $s->get('/quiz/citizen');
like($res->{content}, qr{<script src="/static/js/locate.js"></script>}, 'the location step asks the browser (static JS)');
like($res->{content}, qr{<option value="\d+">城厢街道</option>}, 'and offers the manual choice');

# Outside the district: refused with a message and the manual choice.
$res = start_quiz('citizen', lng => '120.246863', lat => '29.708692');
is($res->{status}, 200, 'a position outside the district is not started');
like($res->{content}, qr/不在萧山区范围内/, 'with a clear message');
like($res->{content}, qr/手动选择/, 'and the manual choice');
$res = start_quiz('citizen', lng => '999', lat => '30');
like($res->{content}, qr/没有收到有效的位置|请先定位/, 'a nonsense position is refused');

# Inside, by GPS.
$res = start_quiz('citizen', lng => '120.27', lat => '30.17');
is($res->{status}, 303, 'a position inside starts an attempt');
my $url = $res->{headers}{location};
like($url, qr{/quiz/a/[\w-]{22}/1$}, 'at question 1');
my ($method, $region) = @{ ($s->sql('SELECT a.method, g.name FROM attempt a JOIN region g ON g.id = a.region_id ORDER BY a.id DESC LIMIT 1'))[0] };
is($method, 'gps', 'recorded as located by the browser');
is($region, '城厢街道', 'in the street whose polygon holds the point');

my $q1 = $s->get($url =~ s{^http://[^/]+}{}r);
like($q1->{content}, qr{第 1 / 3 题}, 'progress: 第 1 / 3 题');
like($q1->{content}, qr{单选题|多选题|判断题}, 'the question type is labelled');
unlike($q1->{content}, qr/correct|正确答案/, 'no answer reaches the browser');
like($q1->{content}, qr{剩余 \d+ 分 \d+ 秒}, 'the remaining time is shown');

# One open attempt per browser: starting again resumes it.
$res = start_quiz('citizen', lng => '120.27', lat => '30.17');
is($res->{headers}{location}, $url, 'a second start resumes the open attempt');

# Another browser cannot see it.
{
	my %jar = %{ $s->{jar} };
	$s->clear_cookies;
	is($s->get($url =~ s{^http://[^/]+}{}r)->{status}, 404, "another browser gets 404 for someone's attempt");
	$s->{jar} = \%jar;
}

# A stem's blank "（  ）" is never split across lines: its spaces are
# unbreakable on the page (the bank keeps plain spaces).
{
	my ($path) = $url =~ m{^http://[^/]+(/quiz/a/[\w-]+)/1$};
	my ($blank) = grep { /下列做法正确的有/ } map { $s->get("$path/$_")->{content} } 1 .. 3;
	like($blank, qr{下列做法正确的有（\x{a0}\x{a0}）。</legend>}, 'the blank of a stem is unbreakable');
}

# The answer sheet marks what has an answer; clearing one unmarks it.
{
	my ($path) = $url =~ m{^http://[^/]+(/quiz/a/[\w-]+)/1$};
	my $answer = sub {
		my ($k, @o) = @_;
		my $page = $s->get("$path/$k")->{content};
		return $s->post("$path/$k", [ csrf => form_value($page, 'csrf'), (map { (o => $_) } @o), go => $k ]);
	};
	is($answer->(1, 0)->{status}, 303, 'an answer to question 1 is kept');
	is($answer->(3, 0)->{status}, 303, 'and one to question 3');
	my $sheet = $s->get("$path/2")->{content};
	like($sheet, qr{已答 2 / 3}, 'the answer sheet counts two answered');
	my %cell = $sheet =~ m{<button type="submit" name="go" value="(\d)" class="([^"]+)"[^>]*>}g;
	is_deeply([ map { $cell{$_} } 1 .. 3 ], [ 'cell answered', 'cell current', 'cell answered' ],
	    'marks questions 1 and 3 answered, 2 current');
	like($sheet, qr{aria-label="第 1 题，已答"}, 'a screen reader hears which are answered');
	like($sheet, qr{aria-label="第 2 题，未答" aria-current="step"}, 'and which one is on screen');
	is($answer->(1)->{status}, 303, 'an empty answer clears question 1');
	like($s->get("$path/2")->{content}, qr{已答 1 / 3}, 'and the sheet counts one');
	my ($mask) = @{ ($s->sql("SELECT answered FROM attempt WHERE token = '" . (split m{/}, $path)[3] . "'"))[0] };
	is($mask, 4, 'the attempt keeps the answered set as bits (question 3: 4)');
}

$res = take_quiz($url =~ s{^http://[^/]+}{}r, 0);
like($res->{content}, qr{<p class="score">100<small>}, 'all right: 100');
like($res->{content}, qr/恭喜，测试通过/, 'passed');
my ($code_id) = $res->{content} =~ m{href="/my/(\d+)"} or diag $res->{content};
ok($code_id, 'a code was issued');
my ($role, $issued, $expires, $cmethod) = @{ ($s->sql("SELECT role, issued_on, expires_on, method FROM code WHERE id = $code_id"))[0] };
is($role, 'citizen', 'for the role taken');
my ($months) = @{ ($s->sql("SELECT TIMESTAMPDIFF(MONTH, '$issued', '$expires')"))[0] };
is($months, 12, 'citizens: valid 12 months');
is($cmethod, 'gps', 'the code remembers the location method');

# The holder's page and the verification page.
$res = $s->get("/my/$code_id");
is($res->{status}, 200, "the holder's page");
my ($tok) = $res->{content} =~ m{href="/v/([\w-]{120})"} or diag $res->{content};
ok($tok, 'links to the verification URL with a 120-character token');
like($s->get('/my')->{content}, qr{href="/my/$code_id"}, '我的蓝码 lists it');
$res = $s->get("/v/$tok");
is($res->{status}, 200, 'the verification page');
like($res->{content}, qr{有效，有效期至 <span class="nowrap">$expires</span>}, 'says valid until the expiry date');
like($res->{content}, qr/普通市民.*城厢街道/s, 'and what the code says');

# The badge: a PNG whose QR decodes to the verification URL; print sizes
# at 300 dpi; drawn once, then served by nginx from the cache.
my $card = $s->get("/v/$tok/badge-card.png");
is($card->{status}, 200, 'the card badge downloads');
is($card->{headers}{'content-type'}, 'image/png', 'as a PNG');
ok($card->{headers}{etag}, 'with an ETag');
like($card->{content}, qr/pHYs\x00\x00\x2e\x23\x00\x00\x2e\x23\x01/, 'recording 300 dpi (11811 dots a metre)');
SKIP: {
	skip 'zbarimg (zbar-tools) is not installed', 1 unless `which zbarimg` =~ /zbarimg/;
	my $png = $s->dir . '/card.png';
	open my $fh, '>:raw', $png or die;
	print $fh $card->{content};
	close $fh;
	my $qr = `zbarimg --raw -q $png 2>/dev/null`;
	chomp $qr;
	is($qr, $s->url("/v/$tok"), 'its QR decodes to the verification URL');
}
ok(-s $s->dir . "/cache/badge/$tok-card.png", 'the badge is kept in the cache');
my $again = $s->get("/v/$tok/badge-card.png");
is($again->{content}, $card->{content}, 'the next download is the same image');
ok($again->{headers}{'last-modified'}, 'served by nginx from the cache (Last-Modified)');
is($s->get("/v/$tok/badge-a6.png")->{status}, 200, 'the A6 badge downloads');
is($s->get("/v/$tok/badge-huge.png")->{status}, 404, 'an unknown size is 404');
is($s->get("/v/$tok/badge-card.png", { 'If-None-Match' => $again->{headers}{etag} })->{status}, 304,
    'a cached copy is not sent again');

# Forged, altered, cut short, unknown: all 404 with a clear page.
my $alt = $tok;
substr($alt, 10, 1) = substr($alt, 10, 1) eq 'A' ? 'B' : 'A';
my $sig = $tok;
substr($sig, 100, 1) = substr($sig, 100, 1) eq 'A' ? 'B' : 'A';
for my $bad ([ 'altered', $alt ], [ 'cut short', substr($tok, 0, 100) ], [ 'random', 'x' x 120 ],
    [ 'altered signature', $sig ]) {
	$res = $s->get("/v/$bad->[1]");
	is($res->{status}, 404, "$bad->[0] token: 404");
	like($res->{content}, qr/不是有效的消防蓝码/, "$bad->[0] token: says so");
}
my $key = $s->get('/v/key')->{content};
chomp $key;
is(length($key), 44, 'the public key is published (base64 of 32 bytes)');

# The offline verifier: no network, only the public key.
(my $verify = $bin) =~ s{bluecode$}{bluecode-verify};
my $out = `$verify -k $key '@{[ $s->url("/v/$tok") ]}'`;
is($?, 0, 'offline: the signature of a real code holds');
like($out, qr/role: citizen .*\n.*\nvalid until: $expires/, 'offline: it prints role and expiry');
$out = `$verify -k $key '$alt'`;
is($? >> 8, 1, 'offline: an altered token fails');
like($out, qr/NOT A BLUE CODE/, 'offline: and says so');
$out = `$verify -k $key '$sig'`;
is($? >> 8, 1, 'offline: an altered signature fails');

# Another browser: the holder's page is not theirs; verification is public.
{
	my %jar = %{ $s->{jar} };
	$s->clear_cookies;
	my $other = $s->get("/my/$code_id");
	is($other->{status}, 404, "another browser cannot open the holder's page");
	like($other->{content}, qr{如果你绑定过手机号，请先<a href="/account">登录</a>再打开}, 'and is told how its owner would');
	is($s->get("/v/$tok")->{status}, 200, 'but can verify the code');
	$s->{jar} = \%jar;
}

# Before a quiz, a holder of a valid code of the role is told so.
like($s->get('/quiz/citizen')->{content}, qr{你已有一张有效的普通市民蓝码（有效期至 <span class="nowrap">$expires</span>）},
    'the location step says the browser holds a valid code of the role');
unlike($s->get('/quiz/student')->{content}, qr/你已有一张有效的/, 'and says nothing for another role');

# A pass while the code is valid for long: no new code.
$res = start_quiz('citizen', region => ($s->sql("SELECT id FROM region WHERE name = '北干街道'"))[0][0]);
is($res->{status}, 303, 'a manual start');
is(($s->sql('SELECT method FROM attempt ORDER BY id DESC LIMIT 1'))[0][0], 'manual', 'recorded as manual');
$res = take_quiz($res->{headers}{location} =~ s{^http://[^/]+}{}r, 0);
like($res->{content}, qr/你已有一张有效的蓝码/, 'a valid code is not issued twice');
is(($s->sql("SELECT COUNT(*) FROM code"))[0][0], 1, 'still one code');

# Expired: the verification page says so, and a pass renews.
$s->sql("UPDATE code SET issued_on = CURDATE() - INTERVAL 13 MONTH, expires_on = CURDATE() - INTERVAL 1 MONTH WHERE id = $code_id");
$res = $s->get("/v/$tok");
is($res->{status}, 404, 'changed dates no longer match the signed token');
$res = $s->get("/my/$code_id");
my ($tok2) = $res->{content} =~ m{href="/v/([\w-]{120})"};
like($s->get("/v/$tok2")->{content}, qr{此蓝码已过期（有效期至 <span class="nowrap">[^<]+</span>）}, 'an expired code says so');
$out = `$verify -k $key '$tok2'`;
is($? >> 8, 3, 'offline: an expired code holds its signature but is reported expired');
like($out, qr/EXPIRED on \d{4}-\d{2}-\d{2}/, 'offline: saying when');
like($res->{content}, qr{重新答题续期}, "the holder's page offers renewal");
$res = start_quiz('citizen', lng => '120.5', lat => '30.2');
is(($s->sql('SELECT g.name FROM attempt a JOIN region g ON g.id = a.region_id ORDER BY a.id DESC LIMIT 1'))[0][0],
    '瓜沥镇', 'the eastern point is in the other street');
$res = take_quiz($res->{headers}{location} =~ s{^http://[^/]+}{}r, 0);
my ($renewed) = $res->{content} =~ m{href="/my/(\d+)"};
isnt($renewed, $code_id, 'the pass after expiry renews: a new code');
{
	my $old = $s->get("/my/$code_id")->{content};
	like($old, qr{这张蓝码已续期.*<a href="/my/$renewed">查看新的蓝码</a>}s, "the old code's page points to the new one");
	unlike($old, qr/重新答题续期/, 'and no longer offers renewal');
}
is(($s->sql("SELECT COUNT(*) FROM code"))[0][0], 2, 'the old code is kept in the history');

# Revoked.
$s->sql("UPDATE code SET revoked_at = NOW(), revoke_reason = 'test' WHERE id = $renewed");
($tok) = $s->get("/my/$renewed")->{content} =~ m{href="/v/([\w-]{120})"};
like($s->get("/v/$tok")->{content}, qr/此蓝码已撤销/, 'a revoked code says revoked');

# Responsible persons: 6 months; wrong answers fail with a review.
$res = start_quiz('responsible', lng => '120.27', lat => '30.17');
$res = take_quiz($res->{headers}{location} =~ s{^http://[^/]+}{}r, 1);
like($res->{content}, qr/本次未通过/, 'wrong answers fail');
like($res->{content}, qr/错题解析/, 'with a review');
like($res->{content}, qr/119 是火警电话/, 'showing explanations');
like($res->{content}, qr{<span class="tag">正确答案</span>}, 'and the right answers');
like($res->{content}, qr{href="/quiz/responsible"}, 'and a retake');
is(($s->sql("SELECT COUNT(*) FROM code WHERE role = 'responsible'"))[0][0], 0, 'no code for a fail');
$res = start_quiz('responsible', lng => '120.27', lat => '30.17');
$res = take_quiz($res->{headers}{location} =~ s{^http://[^/]+}{}r, 0);
my ($rid) = $res->{content} =~ m{href="/my/(\d+)"};
my ($ri, $re) = @{ ($s->sql("SELECT issued_on, expires_on FROM code WHERE id = $rid"))[0] };
is(($s->sql("SELECT TIMESTAMPDIFF(MONTH, '$ri', '$re')"))[0][0], 6, 'responsible persons: valid 6 months');

# Report a question from the review of the failed attempt.
my ($failtok) = map { $_->[0] } $s->sql("SELECT token FROM attempt WHERE status = 'failed' LIMIT 1");
$res = $s->get("/quiz/a/$failtok/result");
my ($pos) = $res->{content} =~ m{name="pos" value="(\d+)"};
$res = $s->post("/quiz/a/$failtok/report", { csrf => form_value($res->{content}, 'csrf'), pos => $pos, text => '选项有歧义' });
is($res->{status}, 303, 'a report is taken');
is(($s->sql('SELECT text FROM question_report'))[0][0], '选项有歧义', 'and stored with the question');
like($s->get("/quiz/a/$failtok/result")->{content}, qr/已收到你对本题的反馈/, 'the review says so');

# The clock is the server's: an overdue attempt is graded as it stands.
$res = start_quiz('student', lng => '120.27', lat => '30.17');
my $u = $res->{headers}{location} =~ s{^http://[^/]+}{}r;
$s->sql("UPDATE attempt SET deadline_at = NOW() - INTERVAL 1 SECOND WHERE status = 'open'");
$res = $s->get($u);
is($res->{status}, 303, 'a question page past the deadline');
like($res->{headers}{location}, qr{/result$}, 'goes to the result');
is(($s->sql("SELECT status, score FROM attempt ORDER BY id DESC LIMIT 1"))[0][1], 0, 'graded with no answers: 0');
like($res->{headers}{'set-cookie'} // '', qr/bc_flash=time-up/, 'and tells the resident the time ran out');
my $review = $s->get($res->{headers}{location} =~ s{^http://[^/]+}{}r)->{content};
like($review, qr/答题时间已到/, 'the result page says so');
like($review, qr{<span class="tag tag-skip">未作答</span>}, 'and the review marks questions left unanswered');
# An overdue attempt reached through its result page says the same.
$res = start_quiz('employee', lng => '120.27', lat => '30.17');
($u) = $res->{headers}{location} =~ m{^http://[^/]+(/quiz/a/[\w-]+/)1$};
$s->sql("UPDATE attempt SET deadline_at = NOW() - INTERVAL 1 SECOND WHERE status = 'open'");
$res = $s->get("${u}result");
like($res->{headers}{'set-cookie'} // '', qr/bc_flash=time-up/, 'an overdue attempt graded on its result page: time-up too');
# The address of the "outside" page, reloaded, goes back to the location step.
$res = $s->get('/quiz/citizen/start');
is($res->{status}, 303, 'GET of the start address');
like($res->{headers}{location}, qr{/quiz/citizen$}, 'leads back to the location step');

# Bad answers: an index out of range, two answers to a single choice.
$res = start_quiz('landlord', lng => '120.27', lat => '30.17');
$u = $res->{headers}{location} =~ s{^http://[^/]+}{}r;
my $page = $s->get($u);
my $csrf = form_value($page->{content}, 'csrf');
is($s->post($u, [ csrf => $csrf, o => 9, go => 'next' ])->{status}, 400, 'an option index out of range is 400');
is($s->post($u, [ csrf => $csrf, go => 'sideways' ])->{status}, 400, 'an unknown move is 400');

# Most answers are kept by one statement (question.c, answer_at_once);
# whatever it does not cover takes the whole way, with the same outcome.
my ($tok) = $u =~ m{/quiz/a/([\w-]+)/1$};
my %type_of;
for my $k (1 .. 3) {
	my $html = $s->get("/quiz/a/$tok/$k")->{content};
	$type_of{$k} = $html =~ /type="checkbox"/ ? 'multi' : 'one';
}
my ($one) = grep { $type_of{$_} eq 'one' } 1 .. 3;
sub answer_of { ($s->sql("SELECT IFNULL(q.answer_mask, 'none') FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id WHERE a.token = '$tok' AND q.pos = $_[0]"))[0][0] }
sub to_of { my ($res) = @_; (($res->{headers}{location} // '') =~ m{/quiz/a/[\w-]+/(\w+)$})[0] // '' }
is($s->post("/quiz/a/$tok/$one", [ csrf => $csrf, o => 0, o => 1, go => 'next' ])->{status}, 400,
    'two answers to a single choice: 400');
is(answer_of($one), 'none', 'and nothing kept');
$res = $s->post("/quiz/a/$tok/1", [ csrf => $csrf, o => 0, go => 'next' ]);
is(to_of($res), 2, 'an answer, then the next question');
is(answer_of(1), 1, 'the answer kept');
is(to_of($s->post("/quiz/a/$tok/1", [ csrf => $csrf, o => 0, go => 'next' ])), 2, 'the same answer again: the next question too');
is(to_of($s->post("/quiz/a/$tok/1", [ csrf => $csrf, o => 1, go => 'prev' ])), 1, 'before the first: stays on the first');
is(answer_of(1), 2, 'with the new answer kept');
is(to_of($s->post("/quiz/a/$tok/3", [ csrf => $csrf, go => 'next' ])), 3, 'past the last: stays on the last');
is(to_of($s->post("/quiz/a/$tok/2", [ csrf => $csrf, go => '99' ])), 2, 'a question that is none: stays');
is(to_of($s->post("/quiz/a/$tok/2", [ csrf => $csrf, go => '3' ])), 3, 'a question chosen on the card');
{
	my $jar = $s->{jar};
	$s->{jar} = {};
	my $c = $s->csrf('/quiz/citizen');
	is($s->post("/quiz/a/$tok/1", [ csrf => $c, o => 0, go => 'next' ])->{status}, 404, "another browser's answer: 404");
	$s->{jar} = $jar;
}
is(answer_of(1), 2, 'and it changed nothing');
$s->sql("UPDATE attempt SET deadline_at = NOW() - INTERVAL 1 SECOND WHERE token = '$tok'");
$res = $s->post("/quiz/a/$tok/1", [ csrf => $csrf, o => 0, go => 'next' ]);
is(to_of($res), 'result', 'an answer past the deadline: the result');
like($res->{headers}{'set-cookie'} // '', qr/bc_flash=time-up/, 'time-up');
is(answer_of(1), 2, 'and the late answer not kept');

# The Chinese left in the interface of an English page: its <main>,
# attributes too, without the data (names, questions), which stay as they are.
sub leftover {
	my ($html) = @_;
	my ($m) = $html =~ m{<main>(.*)</main>}s or return 'no <main>';
	$m =~ tr/\x{a0}/ /;
	my @data = map { $_->[0] } $s->sql(q{SELECT name FROM jurisdiction UNION SELECT committee FROM jurisdiction UNION SELECT name FROM region UNION SELECT name FROM role UNION SELECT audience FROM role UNION SELECT stem FROM question UNION SELECT explanation FROM question UNION SELECT source FROM question UNION SELECT text FROM question_option});
	$m =~ s/\Q$_\E//g for sort { length $b <=> length $a } @data;
	return join ' ', $m =~ /([\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]+)/g;
}

# In English, in a new browser: the steps, the question's frame, the
# scripts' words (data-msg-*), the result, the code's pages.
$s->clear_cookies;
my $en = { 'Accept-Language' => 'en' };
$page = $s->get('/quiz', $en)->{content};
like($page, qr{<html lang="en">}, 'in English, the roles page says so');
like($page, qr{<title>Choose your role · Blue Code</title>}, 'titled in English');
like($page, qr{Blue code valid for 12 months}, "with each role's validity");
is(leftover($page), '', 'and no Chinese left in the interface');
$page = $s->get('/quiz/citizen', $en)->{content};
like($page, qr{<h1>Confirm your street or town</h1>}, 'the location step');
like($page, qr{3 questions in 20 minutes\. Reach the pass mark of 80 points to get your blue code\.},
    'the quiz told in English, plurals and all');
like($page, qr{id="locate-button" hidden="hidden">Use my location and start</button>}, 'its button');
like($page, qr{data-msg-locating="Finding your location…"}, "locate.js's words");
like($page, qr{data-msg-denied="Your browser did not share your location\.}, 'all of them');
is(leftover($page), '', 'no Chinese left');
my ($en_region) = $page =~ m{<option value="(\d+)">};
$res = $s->post('/quiz/citizen/start', { csrf => form_value($page, 'csrf'), region => $en_region }, $en);
my ($eu) = ($res->{headers}{location} // '') =~ m{^http://[^/]+(/quiz/a/[\w-]+/)1$};
ok($eu, 'an attempt starts');
$page = $s->get("${eu}1", $en)->{content};
like($page, qr{<title>Question 1 of 3 · Blue Code</title>}, 'a question, titled in English');
like($page, qr{<span class="qtype qtype-\w+">(?:Single choice|Multiple choice|True or false)</span>},
    "the question's type");
like($page, qr{data-msg-left="\{m\} min \{s\} s left">20 min 0 s left</span>}, "the timer and timer.js's words");
like($page, qr{data-msg-unanswered="Questions not answered yet: \{n\}\. Once you submit, you cannot change your answers\. Submit now\?"},
    "submit.js's question");
like($page, qr{aria-label="Question 1, not answered" aria-current="step"}, "the answer sheet's cells");
like($page, qr{<summary>Answer sheet \(0 of 3 answered\)</summary>}, 'the answer sheet');
like($page, qr{value="submit" class="button secondary">Submit answers</button>}, 'the submit button');
is(leftover($page), '', 'no Chinese left but the question');
$s->post("${eu}1", { csrf => form_value($page, 'csrf'), go => 'submit' });
$page = $s->get("${eu}result", $en)->{content};
like($page, qr{<h1>You did not pass this time</h1>}, 'the result in English');
like($page, qr{You got 0 of 3 questions right\. The pass mark is 80 points\.}, 'with the score');
like($page, qr{<strong>Explanation: </strong>}, 'and the review');
is(leftover($page), '', 'no Chinese left but the questions');
my ($en_street) = $s->get('/quiz/citizen')->{content} =~ m{<option value="\d+">([^<]+)</option>};
my $en_code = $s->pass_quiz('citizen', $en_street);
ok($en_code, 'a pass');
$page = $s->get('/quiz/citizen', $en)->{content};
like($page, qr{You already have a valid blue code for Ordinary citizen \(valid until <span class="nowrap">[\d-]+</span>\)\.},
    'the location step knows the code');
is(leftover($page), '', 'in English');
$page = $s->get('/my', $en)->{content};
like($page, qr{<title>My blue codes · Blue Code</title>}, 'my blue codes in English');
like($page, qr{<span class="status status-valid">Valid</span><span class="note">Valid until [\d-]+ · }, 'each with its state');
is(leftover($page), '', 'no Chinese left');
$page = $s->get("/my/$en_code", $en)->{content};
like($page, qr{<h2>Download your badge</h2>}, "the code's page in English");
like($page, qr{alt="Blue code badge, with a QR code to verify it"}, "the badge's text alternative");
is(leftover($page), '', 'no Chinese left');
my ($en_tok) = $page =~ m{href="/v/([\w-]{120})"};
$page = $s->get("/v/$en_tok", $en)->{content};
like($page, qr{<title>Verify a blue code · Blue Code</title>}, 'the verification page in English');
like($page, qr{<h1>Valid until <span class="nowrap">[\d-]+</span></h1>}, 'says it is valid');
is(leftover($page), '', 'no Chinese left');

done_testing();
