# The master's supervision: a killed worker is respawned and service goes
# on; the status page; the slow log; SIGUSR1 reopens the log; SIGTERM lets
# an in-flight request finish before the master exits.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep time);
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 2, dev => 1);

my @w = $s->worker_pids;
is(scalar @w, 2, 'two workers');

# The status page, loopback only (through nginx from 127.0.0.1 it works).
my $res = $s->get('/status');
is($res->{status}, 200, 'the status page answers on loopback');
like($res->{content}, qr/idle workers:\s+\d+/, 'it counts idle workers');
like($res->{content}, qr/^$w[0]\t1\t/m, 'it lists each worker with its generation');

# kill -9 a worker: the master notices, logs it and starts another.
kill 'KILL', $w[0];
ok($s->wait_until(5, sub { my @n = $s->worker_pids; @n == 2 && !grep { $_ == $w[0] } @n }),
    'a new worker replaces the killed one');
like($s->log_text('bluecode.log'), qr/worker $w[0] \(generation 1\) killed by signal 9/,
    'the death is logged with its cause');
my $ok = 0;
$ok += $s->get('/')->{status} == 200 for 1 .. 20;
is($ok, 20, 'the next 20 requests succeed');

# The application checks the address itself too (here without nginx,
# straight on the FastCGI socket): not from loopback, no status.
SKIP: {
	skip 'cgi-fcgi (libfcgi-bin) is not installed', 2 unless `which cgi-fcgi` =~ /cgi-fcgi/;
	my $sock = $s->dir . '/run/app.sock';
	my $out = `env -i REQUEST_METHOD=GET DOCUMENT_URI=/status REMOTE_ADDR=10.1.2.3 cgi-fcgi -bind -connect $sock`;
	like($out, qr/^Status: 403/, 'from another address: 403');
	$out = `env -i REQUEST_METHOD=GET DOCUMENT_URI=/status REMOTE_ADDR=127.0.0.1 cgi-fcgi -bind -connect $sock`;
	like($out, qr/^Status: 200/, 'from loopback: 200');
}

# The slow log names the path and the time taken.
$res = $s->get('/dev/sleep/700');
is($res->{status}, 200, 'a slow request completes');
# (The line is written after the response has gone out.)
ok($s->wait_until(5, sub { $s->log_text('bluecode.log') =~ m{slow request: GET /dev/sleep/700 took \d{3,} ms} }),
    'and is in the slow log');

# SIGUSR1 reopens the log file (logrotate moves it away first).
my $log = $s->dir . '/log/bluecode.log';
rename $log, "$log.1" or die;
kill 'USR1', $s->pid('bluecode');
ok($s->wait_until(5, sub { -e $log }), 'SIGUSR1: the master reopens its log');
$s->get('/dev/sleep/600');
ok($s->wait_until(5, sub { $s->log_text('bluecode.log') =~ /slow request/ }),
    'and workers write to the new file');

# A master killed outright: its workers leave too, and do not hold the
# pid file, so the stack starts again.
{
	my $master = $s->pid('bluecode');
	my @w = $s->worker_pids;
	ok(@w > 0, 'workers before the master is killed');
	kill 'KILL', $master;
	ok($s->wait_until(10, sub { !grep { -e "/proc/$_" && `cat /proc/$_/stat` !~ /\) Z/ } @w }),
	    'SIGKILL to the master: its workers exit by themselves');
	$s->restart;
	isnt($s->pid('bluecode'), $master, 'a new master starts');
	is($s->get('/')->{status}, 200, 'and serves');
}

# SIGTERM during a slow request: the request completes, then all exit.
my $pid = fork // die;
if ($pid == 0) {
	my $r = $s->get('/dev/sleep/1500');
	exit($r->{status} == 200 && $r->{content} eq "slept\n" ? 0 : 1);
}
sleep 0.5;
my $master = $s->pid('bluecode');
kill 'TERM', $master;
waitpid $pid, 0;
is($? >> 8, 0, 'SIGTERM: the in-flight request completes with 200');
ok($s->wait_until(10, sub { !-e "/proc/$master" || `cat /proc/$master/stat` =~ /\) Z/ }),
    'and the master exits');
like($s->log_text('bluecode.log'), qr/graceful stop/, 'the stop is logged');

done_testing();
