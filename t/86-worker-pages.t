# Pages do not depend on what the worker that serves them did before: on
# a stack whose workers are replaced after every request, each page still
# names the jurisdiction in its brand bar and footer. And the development
# routes that split a question page in two for contrib/bench: its query
# alone, and its page alone, kept by the worker; both only for the
# attempt's owner, and only in development mode.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 1, dev => 1, set => [ 'max_requests = 1' ]);
my $brand = qr{<span class="brand-place">萧山区</span>};
my $footer = qr{<p>萧山区消防安全委员会办公室</p>};

# Every page from a fresh worker; the worker's pid changes each time.
my %pids;
for my $path ('/quiz', '/quiz/citizen', '/my', '/account', '/admin', '/nowhere') {
	my $res = $s->get($path);
	like $res->{content}, $brand, "$path: the brand bar names the district";
	like $res->{content}, $footer, "$path: the footer names its committee";
	$pids{ join ',', $s->worker_pids } = 1;
}
cmp_ok scalar(keys %pids), '>', 1, 'the pages came from different workers';

# An attempt, then its question page from a fresh worker.
my $page = $s->get('/quiz/citizen');
my ($region) = $page->{content} =~ m{<option value="(\d+)">瓜沥镇</option>};
my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
my ($tok) = ($res->{headers}{location} // '') =~ m{/quiz/a/([\w-]+)/1$};
ok $tok, 'an attempt started' or BAIL_OUT('no attempt');
my $q = $s->get("/quiz/a/$tok/1");
is $q->{status}, 200, 'its first question';
like $q->{content}, $brand, 'the question page names the district';
my ($stem) = $q->{content} =~ m{<legend><span class="qtype[^"]*">[^<]+</span>([^<]+)</legend>};
ok $stem, 'the question has a stem';

# The query alone: one line, no page.
my $d = $s->get("/dev/quiz/$tok/1/query");
is $d->{status}, 200, 'the query half answers';
like $d->{headers}{'content-type'}, qr{^text/plain}, 'as text';
my ($id) = map { $_->[0] } $s->sql("SELECT id FROM attempt WHERE token = '$tok'");
my ($type) = map { $_->[0] } $s->sql("SELECT type FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id WHERE a.token = '$tok' AND q.pos = 1");
is $d->{content}, "attempt $id question 1 $type\n", 'it read the attempt and its first question';

# The page alone: the same question as the real page, twice (the second
# time from the worker's copy; this stack's workers serve one request
# each, so another stack keeps its workers below).
$d = $s->get("/dev/quiz/$tok/1/page");
is $d->{status}, 200, 'the page half answers';
like $d->{content}, qr{\Q$stem\E}, 'with the same question';
like $d->{content}, $brand, 'in the same layout';

# Someone else's browser gets nothing from either.
my $saved = $s->cookie('bc_sid');
$s->clear_cookies;
$s->get('/quiz');
is $s->get("/dev/quiz/$tok/1/query")->{status}, 404, 'another browser: query half 404';
is $s->get("/dev/quiz/$tok/1/page")->{status}, 404, 'another browser: page half 404';
$s->set_cookie(bc_sid => $saved);
is $s->get("/dev/quiz/$tok/0/page")->{status}, 404, 'question 0: 404';
is $s->get("/dev/quiz/$tok/99/query")->{status}, 404, 'a question past the end: 404';
is $s->get('/dev/quiz/notatoken/1/query')->{status}, 404, 'a malformed token: 404';
$s->stop;

# A stack whose workers live on: the kept copy serves the page, and the
# owner check still applies to it.
$s = BlueCode::Test->start(workers => 1, dev => 1);
$page = $s->get('/quiz/citizen');
($region) = $page->{content} =~ m{<option value="(\d+)">瓜沥镇</option>};
$res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
($tok) = ($res->{headers}{location} // '') =~ m{/quiz/a/([\w-]+)/1$};
my $first = $s->get("/dev/quiz/$tok/2/page");
is $first->{status}, 200, 'page half, first time';
$s->sql("UPDATE attempt SET status = 'failed' WHERE token = '$tok'");
my $again = $s->get("/dev/quiz/$tok/2/page");
is $again->{status}, 200, 'page half, second time: from the copy (the attempt has since closed)';
is $s->get("/quiz/a/$tok/2")->{status}, 303, 'while the real page sends a closed attempt to its result';
$saved = $s->cookie('bc_sid');
$s->clear_cookies;
$s->get('/quiz');
is $s->get("/dev/quiz/$tok/2/page")->{status}, 404, 'the copy is not shown to another browser';
$s->stop;

# Outside development mode the routes are not there.
$s = BlueCode::Test->start(workers => 1, dev => 0);
$s->set_cookie(bc_sid => $saved);
is $s->get("/dev/quiz/$tok/1/query")->{status}, 404, 'no query half outside development mode';
is $s->get("/dev/quiz/$tok/1/page")->{status}, 404, 'no page half outside development mode';
$s->stop;

done_testing;
