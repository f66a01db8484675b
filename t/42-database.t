# MariaDB goes away: pages answer 503 within a second; it comes back:
# service resumes with no restart of the application.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep time);
use BlueCode::Test;

# Reference data is not kept in the workers here, so that every page
# needs the database.
my $s = BlueCode::Test->start(workers => 2, dev => 1, set => [ 'refdata_ttl = 0' ]);
is($s->get('/')->{status}, 200, 'home page with the database up');
is($s->admin_login->{status}, 303, 'an admin signs in');
my @workers = $s->worker_pids;

my $db = $s->pid('mariadb');
kill 'TERM', $db;
ok($s->wait_until(15, sub { !-e "/proc/$db" || `cat /proc/$db/stat` =~ /\) Z/ }),
    'MariaDB stopped');

for my $i (1 .. 4) {
	my $t0 = time;
	my $res = $s->get('/');
	my $dt = time - $t0;
	is($res->{status}, 503, "request $i: 503 while the database is away");
	cmp_ok($dt, '<', 1.5, "request $i answered in under a second and a half");
	if ($i == 1) {
		my $html = $res->{content};
		like($html, qr/服务暂时不可用/, 'the 503 page explains');
		ok($res->{headers}{'retry-after'}, 'with Retry-After');
	}
}
my $res = $s->get('/admin');
is($res->{status}, 503, 'a signed-in admin gets 503, not the sign-in form');

# Back up, with the same data directory: same command as the stack uses.
$s->restart;
my $ok = 0;
$ok += $s->get('/')->{status} == 200 for 1 .. 10;
is($ok, 10, 'after the restart all requests succeed again');
is_deeply([ sort $s->worker_pids ], [ sort @workers ], 'served by the same workers (no restart)');
like($s->get('/admin')->{content}, qr/管理首页/, 'and the admin is still signed in');

done_testing();
