# Worker limits: a request past request_timeout gets its worker killed
# and replaced; a worker is recycled after max_requests; workers that die
# soon after starting are respawned with a growing back-off.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep);
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 2, dev => 1,
    set => [ 'request_timeout = 1', 'max_requests = 30' ]);

# request_timeout.
my $res = $s->get('/dev/sleep/3000');
is($res->{status}, 502, 'a request past request_timeout ends with 502 from nginx');
like($res->{content}, qr/服务暂时不可用/, 'in the site layout (nginx serves it)');
like($s->log_text('bluecode.log'), qr{GET /dev/sleep/3000 running for \d+ ms, over request_timeout: killed},
    'the master logs the kill with the request');
ok($s->wait_until(5, sub { scalar($s->worker_pids) == 2 }), 'and a worker takes its place');
is($s->get('/')->{status}, 200, 'the site answers');

# max_requests: 30 per worker, so 100 requests recycle both at least once.
my @before = $s->worker_pids;
my $ok = 0;
$ok += $s->get('/')->{status} == 200 for 1 .. 100;
is($ok, 100, '100 requests succeed across recycling');
my @after = $s->worker_pids;
my %old = map { $_ => 1 } @before;
is(scalar(grep { $old{$_} } @after), 0, 'no worker of before is left');
like($s->log_text('bluecode.log'), qr/exited with status 0 after \d+s, 30 requests/,
    'a recycled worker exits cleanly after exactly max_requests');

# Crash back-off: kill new workers right after they start.
my @w = $s->worker_pids;
kill 'KILL', $w[0];
ok($s->wait_until(5, sub { my @n = $s->worker_pids; @n == 2 && !grep { $_ == $w[0] } @n }),
    'a killed worker is replaced');
# Its replacements, killed as soon as they start, die early for certain
# (the first one may have lived past the crash window on a busy machine).
for my $n (1, 2) {
	my ($fresh) = grep { $_ != $w[1] } $s->worker_pids;
	kill 'KILL', $fresh;
	ok($s->wait_until(5, sub { scalar($s->worker_pids) == 2 && !grep { $_ == $fresh } $s->worker_pids }),
	    "and so is replacement $n");
}
my $log = $s->log_text('bluecode.log');
like($log, qr/respawn in 100 ms/, 'the first early death waits 100 ms');
like($log, qr/respawn in 200 ms/, 'the next doubles the wait');
is($s->get('/')->{status}, 200, 'the site answers');

done_testing();
