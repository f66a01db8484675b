# What happens when requests of one person come at the same moment, and
# other edges of the quiz found in review:
# - two starts at once make one attempt;
# - two attempts of one owner graded at once issue one code;
# - an answer that races a submit never makes the score disagree with
#   the answers kept;
# - a role cannot ask for more than 50 questions (the database refuses,
#   and the drawing would not overrun if it did not);
# - "report this question" checks its question and its length;
# - a badge changes with the holder's name (ETag, kept file).
use strict;
use warnings;
use utf8;
use Test::More;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use POSIX ();
use Time::HiRes ();
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 4, dev => 1);
my $tmp = tempdir(CLEANUP => 1);

sub at_once { $s->at_once(@_) }

sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }

# --- At most 50 questions ---------------------------------------------
ok($s->sql_refused('UPDATE role SET questions = 55 WHERE code = "citizen"'), 'the database refuses 55 questions for a role');
is(one('SELECT questions FROM role WHERE code = "citizen"'), 20, 'and keeps 20');
$s->sql('ALTER TABLE role DROP CONSTRAINT role_questions');
$s->sql('UPDATE role SET questions = 55 WHERE code = "citizen"');
{
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
	my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
	is($res->{status}, 303, 'a role set to 55 behind the form still starts a quiz');
	my ($tok) = ($res->{headers}{location} // '') =~ m{/quiz/a/([\w-]+)/1$};
	is(one("SELECT total FROM attempt WHERE token = '$tok'"), 50, 'of 50 questions');
	is($s->get("/quiz/a/$tok/50")->{status}, 200, 'whose last one opens');
	$s->clear_cookies;
}
$s->sql('UPDATE role SET questions = 20');
$s->sql('ALTER TABLE role ADD CONSTRAINT role_questions CHECK (questions BETWEEN 1 AND 50)');

$s->small_bank(3);
my %right = ('发现火灾后应拨打哪个电话报警？' => [ '119' ],
    '火场逃生时，下列做法正确的有（  ）。' => [ '用湿毛巾捂住口鼻', '弯腰低姿沿疏散指示方向撤离' ],
    '电器着火时，应先切断电源再灭火。' => [ '正确' ]);

# Start a citizen's attempt in the current browser; its path.
sub start {
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
	my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
	my ($u) = ($res->{headers}{location} // '') =~ m{^http://[^/]+(/quiz/a/[\w-]+/)1$} or die 'no attempt';
	return $u;
}

# The form fields that answer question k of an attempt, right or wrong.
sub answer {
	my ($u, $k, $wrong, $go) = @_;
	my $html = $s->get("$u$k")->{content};
	my ($stem) = $html =~ m{<legend><span class="qtype[^"]*">[^<]+</span>([^<]+)</legend>} or die "no question $k";
	$stem =~ tr/\x{a0}/ /;
	my %opt = reverse($html =~ m{<input name="o" value="(\d)"[^>]*><span class="opt-key">\w</span><span class="opt-text">([^<]+)</span>}g);
	my @pick = @{ $right{$stem} };
	if ($wrong) {
		my %ok = map { $_ => 1 } @pick;
		@pick = (grep { !$ok{$_} } sort keys %opt)[0];
	}
	return [ csrf => form_value($html, 'csrf'), (map { (o => $opt{$_}) } @pick), go => $go // $k ];
}

# --- Two starts at once -----------------------------------------------
{
	$s->clear_cookies;
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
	my $form = { csrf => form_value($page->{content}, 'csrf'), region => $region };
	my @where = at_once(map { sub { $s->post('/quiz/citizen/start', $form)->{headers}{location} // 'none' } } 1 .. 4);
	my %urls = map { s{/\d+$}{}r => 1 } @where;
	is(scalar(keys %urls), 1, 'four starts at once lead to one attempt') or diag explain \@where;
	my $sid = $s->cookie('bc_sid');
	is(one("SELECT COUNT(*) FROM attempt WHERE status = 'open' AND browser = UNHEX(SHA2('$sid', 256))"), 1,
	    'and the browser has one open attempt');
}

# --- A lost connection does not drop the lock silently -------------------
# The first start waits on the attempts table (locked by hand) while
# holding the browser's lock; its connection is killed. It must fail, not
# reconnect and go on without the lock while a second start takes it.
{
	$s->clear_cookies;
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
	my $form = { csrf => form_value($page->{content}, 'csrf'), region => $region };
	my $sock = $s->dir . '/run/mariadb.sock';
	my $holder = fork // die;
	if ($holder == 0) {
		open STDOUT, '>', '/dev/null';
		exec 'mariadb', '--no-defaults', "--socket=$sock", '-u', 'root', 'bluecode', '-e',
		    'LOCK TABLES attempt WRITE; SELECT SLEEP(4); UNLOCK TABLES;';
	}
	Time::HiRes::sleep(0.5);
	my $first = fork // die;
	if ($first == 0) {
		$s->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30);
		my $st = $s->post('/quiz/citizen/start', $form)->{status};
		open my $fh, '>', "$tmp/first"; print $fh $st; close $fh;
		POSIX::_exit(0);
	}
	my $victim;
	for (1 .. 40) {
		($victim) = map { $_->[0] } $s->sql("SELECT id FROM information_schema.processlist "
		    . "WHERE info LIKE 'SELECT a.token, ro.name%' LIMIT 1");
		last if $victim;
		Time::HiRes::sleep(0.05);
	}
	ok($victim, 'the first start waits on the attempts, holding the lock');
	$s->sql("KILL CONNECTION $victim") if $victim;
	my $second = $s->post('/quiz/citizen/start', $form);
	waitpid $first, 0;
	waitpid $holder, 0;
	open my $fh, '<', "$tmp/first"; my $st = <$fh>; close $fh;
	is($st, 503, 'the start whose connection was lost fails');
	is($second->{status}, 303, 'the second start goes through');
	my $sid = $s->cookie('bc_sid');
	is(one("SELECT COUNT(*) FROM attempt WHERE status = 'open' AND browser = UNHEX(SHA2('$sid', 256))"), 1,
	    'and the browser has one open attempt');
}

# --- Two attempts of one person graded at once --------------------------
{
	$s->clear_cookies;
	my $ua = start();
	my %x = %{ $s->{jar} };
	$s->clear_cookies;
	my $ub = start();
	my %y = %{ $s->{jar} };
	$s->{jar} = { %x };
	my $csrf = form_value($s->get('/account')->{content}, 'csrf');
	is($s->post('/account/register', { csrf => $csrf, phone => '13700000001', password => 'both-at-once' })->{status}, 303,
	    'one browser registers');
	%x = %{ $s->{jar} };
	$s->{jar} = { %y };
	$csrf = form_value($s->get('/account')->{content}, 'csrf');
	is($s->post('/account/login', { csrf => $csrf, phone => '13700000001', password => 'both-at-once' })->{status}, 303,
	    'the other signs in to the same account');
	%y = %{ $s->{jar} };
	my $pid = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13700000001') ]}");
	is(one("SELECT COUNT(*) FROM attempt WHERE person_id = $pid AND status = 'open'"), 2, 'the person has two open attempts');
	my %last;
	for ([ \%x, $ua ], [ \%y, $ub ]) {
		my ($jar, $u) = @$_;
		$s->{jar} = { %$jar };
		$s->post("$u$_", answer($u, $_)) for 1 .. 2;
		$last{$u} = [ { %$jar }, answer($u, 3, 0, 'submit') ];
	}
	at_once(map { my $u = $_; sub { $s->{jar} = { %{ $last{$u}[0] } }; $s->post("${u}3", $last{$u}[1])->{status} } } $ua, $ub);
	is(one("SELECT COUNT(*) FROM attempt WHERE person_id = $pid AND status = 'passed'"), 2, 'both pass');
	is(one("SELECT COUNT(*) FROM code WHERE person_id = $pid AND role = 'citizen' AND revoked_at IS NULL"), 1,
	    'and one code is issued');
}

# --- An answer racing the submit ----------------------------------------
for my $round (1 .. 6) {
	$s->clear_cookies;
	my $u = start();
	$s->post("$u$_", answer($u, $_)) for 1 .. 3;
	my $submit = answer($u, 1, 0, 'submit');
	my $change = answer($u, 2, 1, '2');
	at_once(sub { $s->post("${u}1", $submit)->{status} }, sub { $s->post("${u}2", $change)->{status} });
	my ($tok) = $u =~ m{/quiz/a/([\w-]+)/};
	my ($correct, $kept) = @{ ($s->sql("SELECT a.correct, (SELECT COUNT(*) FROM attempt_question q WHERE q.attempt_id = a.id "
	    . "AND q.answer_mask = q.correct_mask) FROM attempt a WHERE a.token = '$tok'"))[0] };
	is($correct, $kept, "round $round: the score counts exactly the answers kept ($correct)");
}

# --- Reports: the question must be the attempt's, the text not too long --
{
	$s->clear_cookies;
	my $u = start();
	$s->post("${u}1", answer($u, 1, 1));
	$s->post("${u}2", answer($u, 2));
	is($s->post("${u}3", answer($u, 3, 0, 'submit'))->{status}, 303, 'an attempt with one question missed is finished');
	my $csrf = form_value($s->get("${u}result")->{content}, 'csrf');
	ok($csrf, 'whose result offers to report the missed question');
	is($s->post("${u}report", { csrf => $csrf, pos => 99, text => 'x' })->{status}, 404, 'a report on a question the attempt does not have: 404');
	is($s->post("${u}report", { csrf => $csrf, pos => 1, text => '错' x 501 })->{status}, 400, 'a report of 501 characters: 400');
	my $res = $s->post("${u}report", { csrf => $csrf, pos => 1, text => '错' x 500 });
	is($res->{status}, 303, 'one of 500 characters is taken');
	is(one('SELECT CHAR_LENGTH(text) FROM question_report ORDER BY id DESC LIMIT 1'), 500, 'whole');
	$res = $s->post("${u}report", { csrf => $csrf, pos => 1, text => 'again' });
	is($res->{status}, 303, 'a second report on the same question');
	like($res->{headers}{'set-cookie'} // '', qr/bc_flash=reported-before/, 'is told it was reported before');
}

# --- A badge follows its holder's name ------------------------------------
{
	$s->clear_cookies;
	my $id = $s->pass_quiz('student', '城厢街道');
	ok($id, 'a code without an account');
	my ($tok) = $s->get("/my/$id")->{content} =~ m{href="/v/([\w-]{120})"};
	my $first = $s->get("/v/$tok/badge-card.png");
	my $kept = $s->dir . "/cache/badge/$tok-card.png";
	ok(-s $kept, 'its badge is drawn and kept');
	my $csrf = form_value($s->get('/account')->{content}, 'csrf');
	is($s->post('/account/register', { csrf => $csrf, phone => '13700000002', password => 'named-badge', name => '王小明' })->{status},
	    303, 'the holder registers with a name');
	ok(!-e $kept, 'the kept badge is dropped');
	my $named = $s->get("/v/$tok/badge-card.png", { 'If-None-Match' => $first->{headers}{etag} });
	is($named->{status}, 200, 'the old ETag no longer matches');
	isnt($named->{headers}{etag}, $first->{headers}{etag}, 'the badge has a new ETag');
	isnt($named->{content}, $first->{content}, 'and a new picture');
	like($named->{headers}{'cache-control'} // '', qr/no-cache/, 'browsers check back before showing a kept copy');
	my $again = $s->get("/v/$tok/badge-card.png");
	like($again->{headers}{'cache-control'} // '', qr/no-cache/, 'also when nginx serves the kept file');
}

done_testing();
