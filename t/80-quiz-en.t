# The quiz in English (issue 14): an attempt started in English records
# its language and serves each question's English, drawing the role's
# questions with English first; a question without English is served in
# Chinese and marked lang="zh-CN"; English text in a Chinese page is
# marked lang="en". The result's review and the practice exam show the
# text served. A Chinese quiz is as it was.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $s = BlueCode::Test->start(workers => 1, dev => 1);
my $bin = BlueCode::Test::bin();
my $conf = $s->dir . '/conf/bluecode.conf';
my $src = BlueCode::Test::src();
my %en = ('Accept-Language' => 'en');
my $cjk = qr/[\x{3000}-\x{303f}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]/;

# Start a quiz of a role (headers: the request's language); the token.
sub start {
	my ($role, $h) = @_;
	my $page = $s->get("/quiz/$role", $h);
	my ($region) = $page->{content} =~ m{<option value="(\d+)">} or return;
	my $res = $s->post("/quiz/$role/start",
	    { csrf => form_value($page->{content}, 'csrf'), region => $region }, $h);
	return ($res->{headers}{location} // '') =~ m{/quiz/a/([\w-]+)/1$} ? $1 : undef;
}

# The snapshot of an attempt: pos => [ lang, stem, options, correct mask ].
sub snapshot {
	my ($tok) = @_;
	return map { $_->[0] => [ @$_[1 .. 4] ] } $s->sql("SELECT q.pos, q.lang, q.stem, q.options, q.correct_mask "
	    . "FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id WHERE a.token = '$tok'");
}

# Answer every question, right unless its position is in %wrong, and submit.
sub answer_all {
	my ($tok, $h, %wrong) = @_;
	my %snap = snapshot($tok);
	my $n = keys %snap;
	my $res;
	for my $k (1 .. $n) {
		my $html = $s->get("/quiz/a/$tok/$k", $h)->{content};
		my $mask = $snap{$k}[3];
		$mask = ($mask == 1 ? 2 : 1) if $wrong{$k};
		my @o = grep { $mask & (1 << $_) } 0 .. 5;
		$res = $s->post("/quiz/a/$tok/$k", [ csrf => form_value($html, 'csrf'),
		    (map { (o => $_) } @o), go => $k == $n ? 'submit' : 'next' ], $h);
		$res->{status} == 303 or return;
	}
	return $s->get("/quiz/a/$tok/result", $h);
}

# --- An English quiz of the citizen role on the published bank (v5) ---
my ($ver) = map { $_->[0] } $s->sql("SELECT version FROM bank WHERE status = 'published'");
my ($draws) = map { $_->[0] } $s->sql("SELECT questions FROM role WHERE code = 'citizen'");
my $tok = start('citizen', \%en);
ok($tok, "an English quiz of the citizen role starts (bank version $ver)");
is(($s->sql("SELECT lang FROM attempt WHERE token = '$tok'"))[0][0], 'en', 'the attempt records English');
my %snap = snapshot($tok);
is(scalar(keys %snap), $draws, "$draws questions");
is(scalar(grep { $_->[0] eq 'en' } values %snap), $draws, 'every one of them in English (the role has English for all)');
my @missing = $s->sql("SELECT q.pos FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id "
    . "JOIN question b ON b.id = q.question_id WHERE a.token = '$tok' AND q.stem <> b.stem_en");
is(scalar(@missing), 0, "each snapshot holds its question's English stem");

my $page = $s->get("/quiz/a/$tok/1", \%en)->{content};
like($page, qr/<html[^>]* lang="en"/, 'the question page is in English');
my ($legend) = $page =~ m{<legend>(.*?)</legend>}s;
my $stem = $snap{1}[1];
ok(index($legend, $stem) >= 0, 'its legend holds the English stem, its spaces as they are') or diag $legend;
unlike($legend, qr/\x{a0}|lang=/, 'no no-break spaces, no lang mark');
unlike($legend =~ s{<span class="qtype[^"]*">[^<]*</span>}{}r, $cjk,
    'no Chinese in the question (its type is the interface\'s)');
my @opts = $page =~ m{<span class="opt-text">([^<]*)</span>}g;
is_deeply([ sort @opts ], [ sort split /\x1f/, $snap{1}[2] ], 'the options are the snapshot\'s English');
ok(!grep({ /$cjk/ } @opts), 'none of them Chinese');

my $res = answer_all($tok, \%en, 2 => 1);
is($res->{status}, 200, 'the result page');
my $html = $res->{content};
like($html, qr{href="/my/\d+"}, 'one wrong of ' . $draws . ': a pass, and a code');
my ($status) = $s->sql("SELECT status, correct FROM attempt WHERE token = '$tok'");
is_deeply($status, [ 'passed', $draws - 1 ], 'scored as in Chinese');
my ($expl) = $s->sql("SELECT q.explanation, b.explanation_en FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id "
    . "JOIN question b ON b.id = q.question_id WHERE a.token = '$tok' AND q.pos = 2");
is($expl->[0], $expl->[1], 'the snapshot keeps the English explanation');
my ($review) = $html =~ m{(<article class="review">.*?</article>)}s;
ok($review && index($review, $expl->[1]) >= 0, 'the review shows the explanation in English') or diag $review;
unlike($review // '', qr/lang="zh-CN"/, 'nothing in it marked Chinese');
my ($revstem) = ($review // '') =~ m{<p class="review-stem">(.*?)</p>}s;
ok(index($revstem // '', $snap{2}[1]) >= 0, 'and the English stem');

# --- The same role in Chinese: as it was ---
$s->clear_cookies;
my $zt = start('citizen');
ok($zt, 'a Chinese quiz starts');
is(($s->sql("SELECT lang FROM attempt WHERE token = '$zt'"))[0][0], 'zh', 'recorded as Chinese');
my %zs = snapshot($zt);
is(scalar(grep { $_->[0] eq 'zh' } values %zs), $draws, 'every question in Chinese');
my @zbad = $s->sql("SELECT q.pos FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id "
    . "JOIN question b ON b.id = q.question_id WHERE a.token = '$zt' AND q.stem <> b.stem");
is(scalar(@zbad), 0, 'each with its Chinese stem');
$page = $s->get("/quiz/a/$zt/1")->{content};
like($page, qr/<html[^>]* lang="zh-CN"/, 'a Chinese page');
($legend) = $page =~ m{<legend>(.*?)</legend>}s;
(my $nb = $zs{1}[1]) =~ tr/ /\x{a0}/;
like($legend, qr{^<span class="qtype[^"]*">[^<]+</span>\Q$nb\E$}, 'the legend as before: the stem, spaces unbreakable, unmarked');
unlike($page =~ s{.*<main}{}sr, qr/lang="en"/, 'nothing of the question marked English');
$res = answer_all($zt, undef);
like($res->{content}, qr{href="/my/\d+"}, 'a pass in Chinese');

# --- Practice in English ---
$s->clear_cookies;
$page = $s->get('/practice/q?role=citizen', \%en)->{content};
my ($qid) = $page =~ m{name="q" value="(\d+)"};
my ($pq) = $s->sql("SELECT stem_en, explanation_en FROM question WHERE id = " . ($qid // 0));
ok($pq && defined $pq->[0] && index($page, $pq->[0]) >= 0, 'a practice question in English');
$res = $s->post('/practice/q', { csrf => form_value($page, 'csrf'), role => 'citizen', q => $qid, o => 0 }, \%en);
ok(index($res->{content}, $pq->[1]) >= 0, 'its feedback explains in English');
unlike($res->{content} =~ s{.*<main}{}sr, qr/lang="zh-CN"/, 'nothing of the question in Chinese');

# --- A role with too few questions in English: the rest in Chinese ---
system("$bin -f $conf bank-import --publish $src/t/data/bank-en.xml >/dev/null") == 0 or die 'bank-import';
$s->sql("UPDATE role SET questions = 3 WHERE code = 'citizen'");
$s->clear_cookies;
$tok = start('citizen', \%en);
%snap = snapshot($tok);
is_deeply([ sort map { $_->[0] } values %snap ], [ qw(en en zh) ],
    'three questions drawn, the two with English first, in English; the third in Chinese');
my ($zpos) = grep { $snap{$_}[0] eq 'zh' } keys %snap;
my ($epos) = grep { $snap{$_}[0] eq 'en' } keys %snap;
is($snap{$zpos}[1], '火场逃生时，下列做法正确的有（  ）。', 'the question without English, in Chinese');
$page = $s->get("/quiz/a/$tok/$zpos", \%en)->{content};
($legend) = $page =~ m{<legend>(.*?)</legend>}s;
like($legend, qr{<span lang="zh-CN">火场逃生时，下列做法正确的有（\x{a0}\x{a0}）。</span>},
    'in an English page its stem is marked lang="zh-CN" (spaces unbreakable, as Chinese)');
is(scalar(() = $page =~ m{<span class="opt-text" lang="zh-CN">}g), 4, 'and its four options');
$page = $s->get("/quiz/a/$tok/$epos", \%en)->{content};
unlike($page =~ s{.*<main}{}sr, qr/lang="zh-CN"/, 'an English question of it is not marked');
# The same attempt seen in Chinese: its English marked lang="en".
$page = $s->get("/quiz/a/$tok/$epos", { 'Accept-Language' => 'zh-CN' })->{content};
like($page, qr/<html[^>]* lang="zh-CN"/, 'the page in Chinese');
like($page, qr{<legend><span class="qtype[^"]*">[^<]+</span><span lang="en">\Q$snap{$epos}[1]\E</span></legend>},
    'its English stem marked lang="en"');
like($page, qr{<span class="opt-text" lang="en">}, 'and its options');
$page = $s->get("/quiz/a/$tok/$zpos", { 'Accept-Language' => 'zh-CN' })->{content};
unlike($page =~ s{.*<main}{}sr, qr/ lang="/, 'its Chinese question unmarked in the Chinese page');
# Every answer wrong: the review shows each question in the language served.
$res = answer_all($tok, \%en, 1 => 1, 2 => 1, 3 => 1);
$html = $res->{content};
is(($s->sql("SELECT status FROM attempt WHERE token = '$tok'"))[0][0], 'failed', 'all wrong: failed');
like($html, qr{<p class="explain"><strong>[^<]*</strong><span lang="zh-CN">烟气向上蔓延}, 'the Chinese explanation marked lang="zh-CN"');
like($html, qr{<p class="explain"><strong>[^<]*</strong>119 is the fire emergency number; the call is free\.</p>},
    'the English one as it is');
like($html, qr{<p class="note">[^<]*Fire Protection Law of the People's Republic of China, Article 44</p>}, 'with its English source');
like($html, qr{<li class="[^"]*"><span class="opt-key">A</span>True}, 'True and False as the options of the true/false question');

# The item statistics count an English answer's options as the question's.
my $t102 = ($s->sql("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 910 AND q.ref = 'T102'"))[0][0];
$s->clear_cookies;
$s->admin_login;
$page = $s->get("/admin/stats/questions/$t102")->{content};
like($page, qr{<td>错误</td>\s*<td class="n">1</td>}, 'the statistics count the English "False" chosen as option B')
    or diag $page =~ m{(<table.*?</table>)}s;
like($page, qr{<td>正确</td>\s*<td class="n">0</td>}, 'and nothing for A');

done_testing();
