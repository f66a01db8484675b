# The admin area beyond sign-in: codes found by number and revoked (with
# the audit log), question banks uploaded, exported, drafted, edited and
# published, and people's reports; all for district admins only.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);
my $code = $s->pass_quiz('citizen', '城厢街道');
ok($code, 'a resident earns a code');
my ($tok) = $s->get("/my/$code")->{content} =~ m{href="/v/([\w-]{120})"};
my $resident = { %{ $s->{jar} } };
$s->clear_cookies;

is($s->get('/admin/codes')->{status}, 303, 'signed out, admin pages lead to the sign-in');
$s->admin_login;
my $home = $s->get('/admin')->{content};
for my $link ('/admin/codes', '/admin/questions', '/admin/banks', '/admin/reports', '/admin/roles', '/admin/regions') {
	is($s->get($link)->{status}, 200, "the admin home links to $link, which answers");
	like($home, qr{href="$link"}, "linked: $link");
}

# Codes: find by number, revoke with a reason.
my $number = sprintf '330109-%07d', $code;
my $page = $s->get("/admin/codes?q=$number");
like($page->{content}, qr{<strong>$number</strong>}, 'a code is found by its number');
my $csrf = form_value($page->{content}, 'csrf');
is($s->post("/admin/codes/$code/revoke", { csrf => $csrf })->{status}, 400, 'a revocation needs a reason');
my $res = $s->post("/admin/codes/$code/revoke", { csrf => $csrf, text => '持证人信息不实' });
is($res->{status}, 303, 'revoked');
like($s->get("/admin/codes?q=$code")->{content}, qr/撤销：持证人信息不实/, 'the reason is shown');
my ($action, $object, $detail) = @{ ($s->sql('SELECT action, object, detail FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$object|$detail", "revoke|code $code|持证人信息不实", 'and written to the audit log');
is($s->post("/admin/codes/$code/revoke", { csrf => $csrf, text => 'again' })->{status}, 409, 'revoking twice is 409');
is($s->post("/admin/codes/$code/revoke", { csrf => $csrf, text => 'r' x 201 })->{status}, 400,
    'a reason longer than 200 characters is refused (400, not a database error)');
is($s->post("/admin/codes/$code/revoke", { csrf => $csrf, text => '理' x 200 })->{status}, 409,
    'one of 200 characters is accepted (and this code is revoked already)');
is($s->post("/admin/codes/abc-$code/revoke", { csrf => $csrf, text => 'x' })->{status}, 404, 'a number with a foreign prefix is no code');
is($s->post("/admin/codes/$code/revoke", { csrf => $csrf, text => "  \n " })->{status}, 400, 'a reason of white space is no reason');
like($s->get('/admin')->{content}, qr{<td>撤销蓝码</td>}, 'the log names the action in Chinese');
like($s->get('/admin/codes')->{headers}{'cache-control'}, qr/no-store/, "an admin's pages are not kept by the browser");

# These pages in English (xslt/l10n/en/admin-codes.xml, admin-reports.xml,
# admin-people.xml): their words, not the data.
my $en = { 'Accept-Language' => 'en' };
my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
sub main_of { my ($m) = $_[0] =~ m{(<main\b.*</main>)}s; return $m // '' }
$page = $s->get("/admin/codes?q=$code", $en)->{content};
like($page, qr{<html lang="en">}, 'the code search in English');
like($page, qr{<title>Look up and revoke blue codes · }, 'with its title');
like($page, qr{<button type="submit" class="button">Look up</button>}, 'its button');
like($page, qr{<p class="form-error">Revoked on [^<]+: 持证人信息不实</p>}, 'a revoked code, with the reason as given');
my $ui = main_of($page) =~ s{<p><strong>.*?</p>|持证人信息不实}{}gsr;
unlike($ui, $cjk, 'no Chinese but the code and the reason');
$page = $s->get('/admin/codes', $en)->{content};
like($page, qr{<h2>\s*Blue codes claimed recently\s*</h2>}, 'the recent codes');
like($page, qr{<p class="note">Claimed [\d-]+, valid until [\d-]+</p>}, 'each with its dates');

$page = $s->get('/admin/reports', $en)->{content};
like($page, qr{<title>Question reports · }, 'the question reports in English');
unlike(main_of($page), $cjk, 'all of it, with no report yet');
$page = $s->get('/admin/people?phone=12', $en)->{content};
like($page, qr{<title>Resident accounts and password resets · }, 'the resident accounts in English');
like($page, qr{<button type="submit" class="button secondary">Find</button>}, 'the search button');
like($page, qr{Enter an 11-digit mobile number\.}, 'and what a bad number is told');
unlike(main_of($page), $cjk, 'no Chinese');

unlike($s->get(sprintf '/admin/codes?q=430528-%07d', $code)->{content}, qr{<strong>330109-}, "nor is it found under another jurisdiction's prefix");
like($s->get(sprintf '/admin/codes?q=%d', $code)->{content}, qr{<strong>$number</strong>}, 'the bare number finds it');
like($s->get("/v/$tok")->{content}, qr/此蓝码已撤销/, 'the verification page says revoked');
is($s->get("/v/$tok/badge-card.png")->{status}, 404, 'a revoked code has no badge');

# Banks: a bad upload imports nothing and names the line; a good one is a draft.
open my $fh, '<:encoding(UTF-8)', BlueCode::Test::src() . '/t/data/bank-small.xml' or die;
my $xml = do { local $/; <$fh> };
(my $good = $xml) =~ s/version="900"/version="905"/;
(my $bad = $good) =~ s{<option key="A">110}{<option key="A" correct="yes">110};
my $before = ($s->sql('SELECT COUNT(*) FROM question'))[0][0];
$csrf = form_value($s->get('/admin/banks')->{content}, 'csrf');
$res = $s->post_multipart('/admin/banks/import', [ csrf => $csrf, file => [ 'bad.xml', $bad ] ]);
is($res->{status}, 400, 'a bad bank file is refused');
like($res->{content}, qr/bad\.xml:4: question T001: a single-choice question/, 'naming the line');
is(($s->sql('SELECT COUNT(*) FROM question'))[0][0], $before, 'and nothing is imported');
$res = $s->post_multipart('/admin/banks/import', [ csrf => $csrf, file => [ 'good.xml', $good ] ]);
is($res->{status}, 303, 'a good file is imported');
is(($s->sql('SELECT status FROM bank WHERE version = 905'))[0][0], 'draft', 'as a draft');
is($s->get('/admin/banks/%2B905/export')->{status}, 404, 'a version with a sign is 404');
is($s->get('/admin/banks/0905/export')->{status}, 404, 'and one with a leading zero');
is($s->get('/admin/banks/999/export')->{status}, 404, 'no such version is 404');
$res = $s->get('/admin/banks/905/export');
like($res->{headers}{'content-disposition'}, qr/attachment; filename="bank-v905.xml"/, 'a version exports as a file');
like($res->{content}, qr/<bank version="905"/, 'in the bank format');

# The draft: edit a question, break the rules, retire one, publish.
my ($qid) = map { $_->[0] } $s->sql("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 905 AND q.ref = 'T001'");
$page = $s->get("/admin/questions/$qid");
like($page->{content}, qr/发现火灾后应拨打哪个电话报警/, 'the question in its form');
$csrf = form_value($page->{content}, 'csrf');
my @form = (csrf => $csrf, type => 'single', category => 'alarm', roles => 'citizen', roles => 'student',
    stem => '发现火灾应拨打哪个号码报警？', opt0 => '110', opt1 => '119', opt2 => '120', opt3 => '122',
    explanation => '119 是火警电话。', source => '《中华人民共和国消防法》第四十四条');
$res = $s->post("/admin/questions/$qid", [ @form, o => 1, o => 2 ]);
is($res->{status}, 400, 'two right answers to a single choice are refused');
like($res->{content}, qr/选项设置不符合题型要求/, 'saying why');
like($res->{content}, qr{<textarea name="stem"[^>]*>发现火灾应拨打哪个号码报警？</textarea>}, 'keeping the stem as typed');
like($res->{content}, qr{<input type="checkbox" name="o" value="2" checked>}, 'and the ticks');
like($res->{content}, qr{name="opt3" maxlength="600" value="122"}, 'and the options');
$res = $s->post("/admin/questions/$qid", [ @form, o => 1 ]);
is($res->{status}, 303, 'a good edit is saved');
is(($s->sql("SELECT stem, roles FROM question WHERE id = $qid"))[0][0], '发现火灾应拨打哪个号码报警？', 'with the new text');
is(($s->sql("SELECT GROUP_CONCAT(opt_key ORDER BY opt_key) FROM question_option WHERE question_id = $qid AND correct = 1"))[0][0], 'B', 'and its answer');
# Its English, edited with it: all of it or none, by the bank file's rules.
{
	my @en = (stem_en => 'Which number do you call to report a fire?', opt0_en => '110', opt1_en => '119',
	    opt2_en => '120', opt3_en => '122', explanation_en => '119 is the fire emergency number.',
	    source_en => "Fire Protection Law of the People's Republic of China, Article 44");
	$res = $s->post("/admin/questions/$qid", [ @form, @en, o => 1 ]);
	is($res->{status}, 303, 'a question is saved with its English');
	my ($q) = $s->sql("SELECT stem_en, explanation_en, source_en FROM question WHERE id = $qid");
	is_deeply($q, [ 'Which number do you call to report a fire?', '119 is the fire emergency number.',
	    "Fire Protection Law of the People's Republic of China, Article 44" ], 'the English is stored');
	is(($s->sql("SELECT GROUP_CONCAT(text_en ORDER BY opt_key SEPARATOR '|') FROM question_option WHERE question_id = $qid"))[0][0],
	    '110|119|120|122', 'with its options');
	$page = $s->get("/admin/questions/$qid")->{content};
	like($page, qr{<textarea name="stem_en"[^>]*lang="en"[^>]*>Which number do you call to report a fire\?</textarea>}, 'the form shows the English');
	like($page, qr{name="opt1_en" maxlength="600" lang="en" value="119"}, 'and its options');
	my @short = @en;
	$short[ (grep { $short[$_] eq 'opt3_en' } 0 .. $#short)[0] + 1 ] = ' ';
	$res = $s->post("/admin/questions/$qid", [ @form, @short, o => 1 ]);
	is($res->{status}, 400, 'English without option D is refused');
	like($res->{content}, qr/英文须全部填写或全部留空/, 'saying why');
	like($res->{content}, qr{<textarea name="stem_en"[^>]*>Which number do you call}, 'keeping the English as typed');
	my @nosrc = @form;
	$nosrc[ (grep { $nosrc[$_] eq 'source' } 0 .. $#nosrc)[0] + 1 ] = '';
	$res = $s->post("/admin/questions/$qid", [ @nosrc, @en, o => 1 ]);
	is($res->{status}, 400, 'an English source without a Chinese one is refused');
	$res = $s->post("/admin/questions/$qid", [ @form, stem_en => 'Only a stem', o => 1 ]);
	is($res->{status}, 400, 'an English stem alone is refused');
	$res = $s->post("/admin/questions/$qid", [ @form, stem_en => ('x' x 601), @en[2 .. $#en], o => 1 ]);
	is($res->{status}, 400, 'an English stem of 601 characters is refused');
	like($res->{content}, qr/每项不超过 600 字/, 'saying how long it may be');
	is(($s->sql("SELECT stem_en FROM question WHERE id = $qid"))[0][0], 'Which number do you call to report a fire?',
	    'the refused edits changed nothing');
	$res = $s->post("/admin/questions/$qid", [ @form, o => 1 ]);
	is($res->{status}, 303, 'saved with no English');
	is(($s->sql("SELECT CONCAT(IFNULL(stem_en, '-'), IFNULL(explanation_en, '-'), IFNULL(source_en, '-')), "
	    . "(SELECT COUNT(text_en) FROM question_option WHERE question_id = $qid) FROM question WHERE id = $qid"))[0][0],
	    '---', 'it has none');
	is($s->post("/admin/questions/$qid", [ @form, @en, o => 1 ])->{status}, 303, 'and with it again');
	like($s->get('/admin/questions')->{content}, qr{>T001</a></td>(?:(?!</tr>).)*<td>有</td>}s, 'the list says which have English');
	like($s->get('/admin/questions?' . $s->{http}->www_form_urlencode({ q => 'report a fire' }))->{content},
	    qr{>T001</a>}, 'the search finds by the English');

	# The two pages in English.
	my %en = ('Accept-Language' => 'en');
	$page = $s->get("/admin/questions/$qid", \%en)->{content};
	like($page, qr/<html[^>]* lang="en"/, 'the question page in English');
	like($page, qr{<h1>Question T001</h1>}, 'its heading');
	like($page, qr{<button type="submit" class="button">Save</button>}, 'its button');
	like($page, qr{<legend>English \(optional;}, 'its English part');
	like($page, qr{<option value="alarm" selected>Raising the alarm and early-stage fires</option>}, 'the category names');
	unlike($page, qr/题型|分类|适用角色|题干|解析|依据|英文|保存|停用此题|选项 [A-F]/, 'no Chinese of the page left');
	$page = $s->get('/admin/questions', \%en)->{content};
	like($page, qr/<html[^>]* lang="en"/, 'the question list in English');
	like($page, qr{<h2>\d+ questions</h2>}, 'its count');
	like($page, qr{<th>English</th>.*?<td>Yes</td>}s, 'the English column');
	unlike($page, qr/搜索题干或编号|共 \d+ 题|编号|反馈|（已停用）/, 'no Chinese of the page left');
}
my @new = @form;
$new[ (grep { $new[$_] eq 'stem' } 0 .. $#new)[0] + 1 ] = '新题：火警电话是多少？';
$res = $s->post('/admin/questions/new', [ @new, o => 1 ]);
is($res->{status}, 303, 'a new question is added to the draft');
my ($tf) = map { $_->[0] } $s->sql("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 905 AND q.ref = 'T003'");
is($s->post("/admin/questions/$tf/retire", { csrf => $csrf })->{status}, 303, 'a question is retired');
is(($s->sql("SELECT action, object FROM audit_log ORDER BY id DESC LIMIT 1"))[0][1], "question $tf", 'and the audit log says which');
is($s->post("/admin/questions/$tf/retire", { csrf => $csrf })->{status}, 409, 'retiring it again is 409');
is($s->post("/admin/questions/${tf}junk/retire", { csrf => $csrf })->{status}, 404, 'an id with junk after it is 404');
is($s->post('/admin/questions/99999999/retire', { csrf => $csrf })->{status}, 404, 'no such question is 404');
is($s->get("/admin/questions/${qid}x")->{status}, 404, 'a question page with junk after its id is 404');
is($s->get('/admin/questions/abc')->{status}, 404, 'and one with a word for an id');
is($s->post("/admin/questions/${qid}x", [ @form, o => 1 ])->{status}, 404, 'saving to such an id is 404');
{
	my @cn = @form;
	$cn[ (grep { $cn[$_] eq 'explanation' } 0 .. $#cn)[0] + 1 ] = '解' x 250;
	is($s->post('/admin/questions/new', [ @cn, o => 1 ])->{status}, 303, 'an explanation of 250 Chinese characters is saved');
	$cn[ (grep { $cn[$_] eq 'explanation' } 0 .. $#cn)[0] + 1 ] = '解' x 601;
	$res = $s->post('/admin/questions/new', [ @cn, o => 1 ]);
	is($res->{status}, 400, 'one of 601 is refused');
	like($res->{content}, qr/每项不超过 600 字/, 'saying how long it may be');
}
{
	my @long = @form;
	$long[ (grep { $long[$_] eq 'stem' } 0 .. $#long)[0] + 1 ] = ('火' x 10) . ('a' x 540);
	$res = $s->post('/admin/questions/new', [ @long, o => 1 ]);
	is($res->{status}, 303, 'a question with a 550-character stem is saved');
	my ($act, $len) = @{ ($s->sql('SELECT action, CHAR_LENGTH(detail) FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
	is("$act $len", 'question-save 512', 'its audit entry keeps the first 512 characters');
}
is($s->post('/admin/banks/draft', { csrf => $csrf })->{status}, 409, 'only one draft at a time');
{
	(my $other = $good) =~ s/version="905"/version="907"/;
	my $r = $s->post_multipart('/admin/banks/import', [ csrf => $csrf, file => [ 'other.xml', $other ] ]);
	is($r->{status}, 409, 'no import while a draft is open');
	like($r->{content}, qr/已有一个草稿版本正在编辑/, 'saying why');
	my @blank = @form;
	$blank[ (grep { $blank[$_] eq 'stem' } 0 .. $#blank)[0] + 1 ] = "   ";
	$r = $s->post('/admin/questions/new', [ @blank, o => 1 ]);
	is($r->{status}, 400, 'a stem of white space is refused');
}
{
	my $r = $s->post('/admin/banks/publish', { csrf => $csrf });
	is($r->{status}, 409, 'a draft with too few questions for a role is not published');
	like($r->{content}, qr/不能发布：草稿中适用于下列角色的题目少于每次答题的题数——消防安全责任人（管理人）（\d 道，需要 3 道）/,
	    'naming the role, what it has and what it needs');
	$r = $s->post('/admin/banks/publish', { csrf => $csrf }, { 'Accept-Language' => 'en' });
	like($r->{content}, qr/Cannot publish: the draft has fewer questions for these roles than one quiz draws: 消防安全责任人（管理人） \(\d, needs 3\)/,
	    'in English too, the role named as the data names it');
	like($r->{content}, qr{<h1>Question bank versions</h1>.*<h2>Import a question bank file</h2>}s,
	    'on the page in English');
	is(($s->sql('SELECT status FROM bank WHERE version = 905'))[0][0], 'draft', 'it stays a draft');
	$s->sql('UPDATE role SET questions = 1');
}
is($s->post('/admin/banks/publish', { csrf => $csrf })->{status}, 303, 'the draft is published');
is(($s->sql('SELECT version FROM bank WHERE status = "published"'))[0][0], 905, 'version 905 is the one in use');
is(($s->sql('SELECT status FROM bank WHERE version = 900'))[0][0], 'retired', 'the previous one retired');
is($s->post("/admin/questions/$qid", [ @form, o => 1 ])->{status}, 409, 'a published question cannot be edited');

# A new draft copies the published version (its live questions).
is($s->post('/admin/banks/draft', { csrf => $csrf })->{status}, 303, 'a new draft is opened');
my ($v, $n) = @{ ($s->sql("SELECT b.version, COUNT(q.id) FROM bank b JOIN question q ON q.bank_id = b.id WHERE b.status = 'draft' GROUP BY b.id"))[0] };
is($v, 906, 'as the next version');
is($n, 5, 'with the five live questions of the published one');
is(($s->sql("SELECT COUNT(*) FROM question_option o JOIN question q ON q.id = o.question_id JOIN bank b ON b.id = q.bank_id WHERE b.version = 906"))[0][0],
    20, 'and their options');
is(($s->sql("SELECT q.stem_en FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 906 AND q.ref = 'T001'"))[0][0],
    'Which number do you call to report a fire?', 'and their English');
is(($s->sql("SELECT GROUP_CONCAT(o.text_en ORDER BY o.opt_key SEPARATOR '|') FROM question_option o JOIN question q ON q.id = o.question_id "
    . "JOIN bank b ON b.id = q.bank_id WHERE b.version = 906 AND q.ref = 'T001'"))[0][0], '110|119|120|122', 'with the English options');

# Reports, and a question search.
like($s->get('/admin/questions?' . $s->{http}->www_form_urlencode({ q => '火警' }))->{content},
    qr/新题：火警电话是多少/, 'the search finds by text');

# Roles and their quiz settings.
{
	my $page = $s->get('/admin/roles');
	like($page->{content}, qr{<h2>消防安全责任人（管理人）</h2>}, 'the roles page lists the roles');
	my ($avail) = map { $_->[0] } $s->sql("SELECT COUNT(*) FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.status = 'published' AND q.retired = 0 AND FIND_IN_SET('student', q.roles)");
	like($page->{content}, qr{已发布题库中适用 $avail 道}, "with the questions the published bank has for each ($avail for students)");
	my $csrf = form_value($page->{content}, 'csrf');
	my %good = (csrf => $csrf, name => '在校学生', audience => '中小学生和高校学生', months => 12, questions => $avail, minutes => 15, pass => 90);
	my $res = $s->post('/admin/roles/student', { %good });
	is($res->{status}, 303, 'a role is saved');
	my ($name, $q, $min, $pass) = @{ ($s->sql("SELECT name, questions, time_limit_min, pass_mark FROM role WHERE code = 'student'"))[0] };
	is("$name|$q|$min|$pass", "在校学生|$avail|15|90", 'with every setting');
	my ($action, $object) = @{ ($s->sql('SELECT action, object FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
	is("$action|$object", 'role-save|role student', 'audit-logged');
	for my $bad ([ months => 0, '有效期' ], [ months => 61, '有效期' ], [ questions => $avail + 1, "只有 $avail 道" ],
	    [ minutes => 0, '答题时限' ], [ pass => 101, '及格线' ], [ name => '', '名称' ],
	    [ name => '名' x 17, '名称' ], [ pass => 'abc', '及格线' ]) {
		my ($k, $v, $why) = @$bad;
		$res = $s->post('/admin/roles/student', { %good, $k => $v });
		is($res->{status}, 400, "$k = '$v' is refused");
		like($res->{content}, qr{<p class="form-error" role="alert">[^<]*\Q$why\E}, 'saying why');
	}
	is(($s->sql("SELECT pass_mark FROM role WHERE code = 'student'"))[0][0], 90, 'and nothing of them is stored');
	is($s->post('/admin/roles/pilot', { %good })->{status}, 404, 'an unknown role is 404');
	is($s->post('/admin/roles/student', { %good, csrf => 'x' x 43 })->{status}, 403, 'a forged CSRF token is refused');

	# The quiz follows the settings: a student's attempt now has that many
	# questions and 15 minutes.
	my %jar = %{ $s->{jar} };
	$s->clear_cookies;
	my $quiz = $s->get('/quiz/student');
	like($quiz->{content}, qr/在校学生/, 'the new name is shown to residents');
	$res = $s->post('/quiz/student/start', { csrf => form_value($quiz->{content}, 'csrf'), lng => '120.27', lat => '30.17' });
	my ($total, $mins) = @{ ($s->sql('SELECT total, TIMESTAMPDIFF(MINUTE, started_at, deadline_at) FROM attempt ORDER BY id DESC LIMIT 1'))[0] };
	is("$total/$mins", "$avail/15", 'a new attempt has the questions and the time limit set');
	$s->{jar} = \%jar;
}

# Another scope is refused.
like($s->get('/admin')->{content}, qr/最近操作记录/, 'a district admin sees the audit log');
$s->sql("UPDATE admin SET scope = 'street'");
$home = $s->get('/admin');
is($home->{status}, 200, 'a street admin has a home page');
unlike($home->{content}, qr/最近操作记录/, 'without the audit log');
unlike($home->{content}, qr{href="/admin/(codes|banks|roles|regions)"}, 'or links to the district pages');
is($s->get('/admin/codes')->{status}, 403, 'a street admin cannot use the district pages');
is($s->get('/admin/banks')->{status}, 403, 'nor the banks');
is($s->get('/admin/roles')->{status}, 403, 'nor the roles');
is($s->get('/admin/regions')->{status}, 403, 'nor the populations');

done_testing();
