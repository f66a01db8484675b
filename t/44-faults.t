# Faults under load (issue 13). Workers killed with -9 every second for
# 30 s while residents take quizzes: every worker is replaced, no more
# requests fail than workers were killed, and no attempt or code is left
# half-written. Then MariaDB killed with -9 in the middle of quiz
# submissions and started again: every submission that got its result
# page is there with its code; the others got the 503 page with a retry
# hint; service resumes with the same workers, and the submissions that
# failed go through when sent again.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep time);
use BlueCode::Test;

# Durable as in production: a commit made before MariaDB is killed must
# be there when it comes back.
my $s = BlueCode::Test->start(workers => 4, durable => 1);
$s->small_bank(3);

# --- Workers killed under load ------------------------------------------

# Two residents' browsers take quizzes over and over (a new browser each
# time), a third reads the home page and the quiz's first page.
my $load = $s->load(3, sub {
	my ($k) = @_;
	if ($k == 3) {
		$s->get('/');
		$s->get('/quiz/citizen');
		return;
	}
	$s->clear_cookies;
	my (undef, $id) = $s->take_quiz('citizen', '城厢街道', $k == 2 && rand() < 0.3);
	return $id ? "code $id" : undef;
});
sleep 1;
my (@killed, %seen);
my $t_end = time + 30;
while (time < $t_end) {
	my @w = $s->worker_pids;
	if (@w) {
		my $pid = $w[int rand @w];
		kill 'KILL', $pid and push @killed, $pid;
	}
	sleep 1;
}
sleep 1;
my ($st, @codes) = $s->load_stop($load);
my $total = 0;
$total += $_ for values %$st;
my $failed = $s->failed_of($st);
my $kills = @killed;
note('responses by status: ', join(', ', map { "$_: $st->{$_}" } sort keys %$st));
cmp_ok($kills, '>=', 25, "$kills workers killed in 30 s");
cmp_ok($total, '>', 300, "$total requests made meanwhile");
cmp_ok(scalar(@codes), '>', 20, scalar(@codes) . ' codes issued meanwhile');
cmp_ok($failed, '<=', $kills, "$failed requests failed: no more than the workers killed");
is(scalar(grep { /^died/ } @codes), 0, 'no client died');
# Respawns back off while workers die young: up to 10 s.
ok($s->wait_until(15, sub { my @n = $s->worker_pids; @n == 4 && !grep { my $n = $_; grep { $_ == $n } @killed } @n }),
    'every killed worker has been replaced: four workers again');
my $log = $s->log_text('bluecode.log');
is(scalar(grep { $log =~ /worker $_ \(generation 1\) killed by signal 9/ } @killed), $kills,
    'every kill is logged with its cause');
is_deeply([ $s->half_written ], [], 'no attempt or code half-written');
my $ok = 0;
$ok += $s->get('/')->{status} == 200 for 1 .. 8;
is($ok, 8, 'the site serves as before');

# --- MariaDB killed in the middle of submissions -------------------------

# Attempts ready to be submitted, each in its own browser: 4 clients send
# theirs one after the other while MariaDB is killed.
my @ready;
for (1 .. 48) {
	$s->clear_cookies;
	push @ready, $s->quiz_ready('citizen', '城厢街道') // BAIL_OUT('no attempt ready');
}
my @workers = sort $s->worker_pids;
my ($codes0) = map { $_->[0] } $s->sql('SELECT COUNT(*) FROM code');
my $db = $s->pid('mariadb');
my $sub = $s->load(4, sub {
	my ($k, $i) = @_;
	my $ready = $i <= 12 ? $ready[($k - 1) * 12 + $i - 1] : undef;
	if (!$ready) {
		sleep 0.05;
		return;
	}
	my ($post, $page, $id) = $s->quiz_submit($ready);
	sleep 0.02;	# (spread over more time than the kill takes)
	my $last = $page // $post;
	my $hint = ($last->{headers}{'retry-after'} // '') =~ /^\d+$/
	    && $last->{content} =~ /服务暂时不可用/ && $last->{content} =~ /稍后再试/ ? 'hint' : 'nohint';
	return join ' ', $ready->{path}, $post->{status}, ($page ? $page->{status} : '-'),
	    $id // '-', $hint;
});
# Kill it once a few codes have been issued, and keep it down a moment.
ok($s->wait_until(20, sub { ($s->sql('SELECT COUNT(*) FROM code'))[0][0] >= $codes0 + 8 }),
    'submissions are going through');
kill 'KILL', $db;
ok($s->wait_until(15, sub { !-e "/proc/$db" || `cat /proc/$db/stat` =~ /\) Z/ }),
    'MariaDB killed');
sleep 1.5;
my ($sst, @sent) = $s->load_stop($sub);
note('responses by status: ', join(', ', map { "$_: $sst->{$_}" } sort keys %$sst));
# (Requests that were inside MariaDB when it died, if any this time.)
note($_) for $s->log_text('bluecode.log') =~ /^.*(?:Lost connection|gone away|commit:).*$/mg;
$s->restart;

my (@good, @bad);
for (@sent) {
	my ($path, $post, $page, $id, $hint) = split ' ';
	if ($page eq '200' && $id ne '-') {
		push @good, [ $path, $id ];
	} else {
		push @bad, [ $path, $post, $page, $hint ];
	}
}
is(scalar(@sent), 48, 'every attempt was submitted once');
cmp_ok(scalar(@good), '>=', 4, scalar(@good) . ' submissions got their result page before the kill');
cmp_ok(scalar(@bad), '>=', 1, scalar(@bad) . ' did not');
my %code_of = map { $_->[0] => $_->[1] } $s->sql(
    "SELECT CONCAT('/quiz/a/', a.token, '/', a.total), c.id FROM attempt a JOIN code c ON c.attempt_id = a.id");
is(scalar(grep { ($code_of{ $_->[0] } // '') ne $_->[1] } @good), 0,
    'every submission that got its result page is there afterwards, with its code');
is(scalar(grep { !($_->[1] eq '503' || $_->[2] eq '503') || $_->[3] ne 'hint' } @bad), 0,
    'every other one got the 503 page with Retry-After and a hint to try again later');
is_deeply([ $s->half_written ], [], 'no attempt or code half-written');

# Service resumes by itself: the same workers, and each submission that
# failed goes through when sent again (or shows the code it got, if its
# commit was made but not answered).
is_deeply([ sort $s->worker_pids ], \@workers, 'the same workers serve after the restart');
my %ready = map { $_->{path} => $_ } @ready;
my $again = 0;
for my $b (@bad) {
	my (undef, $page, $id) = $s->quiz_submit($ready{ $b->[0] });
	$again++ if $page && $page->{status} == 200 && $id;
}
is($again, scalar(@bad), 'every failed submission succeeds when sent again');
is(($s->sql("SELECT COUNT(*) FROM attempt a JOIN code c ON c.attempt_id = a.id "
    . "WHERE a.token IN (" . join(',', map { m{/quiz/a/([\w-]+)/} && "'$1'" } keys %ready) . ')'))[0][0],
    48, 'one code for each of the 48 attempts');
is_deeply([ $s->half_written ], [], 'and still nothing half-written');

done_testing();
