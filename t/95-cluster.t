# Scale-out (contrib/cluster): three app hosts behind a front nginx and a
# 3-node MariaDB Galera cluster, each in its own network namespace.
# - the quiz flow works through each app host, and a code issued through
#   one is on every node at once;
# - under a running load, one Galera node is killed (SIGKILL) and one app
#   host stopped: the front keeps answering every page, and every
#   submission that got a success page is present on every node left;
# - the killed node rejoins by IST (an incremental transfer, not a full
#   copy) and catches up: afterwards it holds every code too.
# Needs root and Debian's galera-4 and mariadb-backup (contrib/setup.sh,
# package set "cluster"); skipped without them. BLUECODE_CLUSTER=0 skips
# it on purpose.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Temp qw(tempdir);
use File::Path qw(remove_tree);
use Digest::MD5 ();
use POSIX ();
use Time::HiRes qw(sleep time);
use BlueCode::Test;

plan skip_all => 'BLUECODE_CLUSTER=0' if ($ENV{BLUECODE_CLUSTER} // '') eq '0';
plan skip_all => 'needs root (network namespaces)' if $> != 0;
plan skip_all => 'needs galera-4 and mariadb-backup (contrib/setup.sh cluster)'
    unless -f '/usr/lib/galera/libgalera_smm.so' && -x '/usr/bin/mariabackup';
plan skip_all => 'no network namespaces or bridges here'
    if system("ip netns add bcprobe$$ 2>/dev/null && ip netns del bcprobe$$ && "
    . "ip link add bcprobe$$ type bridge 2>/dev/null && ip link del bcprobe$$") != 0;

my $src = BlueCode::Test::src();
my $cluster = "$src/contrib/cluster";
my $state = tempdir('bluecode-test-cluster-XXXXXX', TMPDIR => 1);
my $port = BlueCode::Test::free_port();
my $up = 0;
# Interrupted, the test still takes the cluster down (END runs on exit).
$SIG{INT} = $SIG{TERM} = sub { exit 1 };
END {
	if ($up) {
		local $?;
		system('env', 'STACK_QUIET=1', $cluster, 'down', $state);
		remove_tree($state) unless $ENV{BLUECODE_KEEP};
	}
}

sub cl { local $ENV{STACK_QUIET} = 1; system($cluster, @_) == 0 }
sub node_sql {
	my ($i, $sql) = @_;
	open my $fh, '-|', 'mariadb', '--no-defaults', "--socket=$state/g$i/run/mariadb.sock",
	    '-u', 'root', '-N', '-B', 'bluecode', '-e', $sql or die "mariadb: $!";
	my @rows = map { chomp; $_ } <$fh>;
	close $fh;
	return @rows;
}
sub status { my ($i, $var) = @_; (node_sql($i, "SHOW STATUS LIKE '$var'"))[0] =~ s/^\S+\t//r }

$up = 1;
ok(cl('up', $state, '--apps', 3, '--port', $port, '--workers', 2, '--fast-db',
    '--bin', BlueCode::Test::bin(), '--set', 'attempts_per_ip = 100000',
    '--set', 'attempts_per_browser = 100000', '--set', 'log_level = warn'),
    'the cluster comes up') or BAIL_OUT('no cluster');
is(status($_, 'wsrep_cluster_size'), 3, "node $_ sees a cluster of 3") for 1 .. 3;
is(status($_, 'wsrep_local_state_comment'), 'Synced', "node $_ is synced") for 1 .. 3;

# The small bank, loaded once, through node 1 (replicated to the others).
my $conf = "$state/a1/conf/bluecode.conf";
is(system(BlueCode::Test::bin() . " -f $conf bank-import --publish $src/t/data/bank-small.xml >/dev/null"), 0,
    'the small bank is imported through app host 1');
node_sql(1, "UPDATE role SET questions = 3");
node_sql(1, "UPDATE question SET roles = 'responsible,employee,landlord,student,citizen'");
is((node_sql(3, "SELECT questions FROM role WHERE code = 'citizen'"))[0], 3, 'node 3 has it at once');

# The address of each app host, from its state directory's configuration.
my @apps = map {
	my $c = do { open my $fh, '<', "$state/a$_/conf/nginx.conf" or die; local $/; <$fh> };
	my ($host) = $c =~ /listen ([\d.]+):8080;/;
	$host;
} 1 .. 3;

is(join(',', map { system('cmp', '-s', "$state/a1/data.key", "$state/a$_/data.key") == 0 ? 'same' : 'other' } 2, 3),
    'same,same', 'every app host has the first one\'s data keys');

# --- The quiz through each app host ------------------------------------
my @codes;
for my $i (1 .. 3) {
	my $c = BlueCode::Test->attach(host => $apps[$i - 1], port => 8080);
	my $id = $c->pass_quiz('citizen', '城厢街道');
	ok($id, "a pass through app host $i issues a code") or next;
	push @codes, $id;
	is(join(',', map { (node_sql($_, "SELECT COUNT(*) FROM code WHERE id = $id"))[0] } 1 .. 3), '1,1,1',
	    'which every node holds');
}
{
	my $c = BlueCode::Test->attach(port => $port);
	my @hosts;
	for (1 .. 6) {
		my $r = $c->get('/');
		push @hosts, $r->{status};
	}
	is("@hosts", '200 200 200 200 200 200', 'the front answers the home page');
	ok(my $id = $c->pass_quiz('citizen', '城厢街道'), 'a pass through the front, its requests spread over the hosts');
	push @codes, $id if $id;
}

# --- Load; a node killed, an app host stopped ---------------------------
my $tmp = tempdir(CLEANUP => 1);
my @load;
for my $k (1 .. 3) {
	my $pid = fork // die "fork: $!";
	if ($pid == 0) {
		my $c = BlueCode::Test->attach(port => $port);
		open my $out, '>>', "$tmp/ok.$k" or POSIX::_exit(1);
		$out->autoflush(1);
		my $end = time + 90;
		while (!-e "$tmp/stop" && time < $end) {
			$c->clear_cookies;
			my ($res, $id) = eval { $c->take_quiz('citizen', '城厢街道') };
			print $out "$id\n" if $res && $res->{status} == 200 && $id;
		}
		POSIX::_exit(0);
	}
	push @load, $pid;
}
sub successes { map { open my $fh, '<', $_; map { chomp; $_ } <$fh> } glob "$tmp/ok.*" }

sleep 3;
my $before = () = successes();
my $last2 = status(2, 'wsrep_last_committed');
ok(cl('node-kill', $state, 2), 'Galera node 2 killed (SIGKILL) under load');
ok(cl('app-stop', $state, 3), 'app host 3 stopped');
my (%seen, $probes);
my $t_end = time + 8;
while (time < $t_end) {
	my $c = BlueCode::Test->attach(port => $port);
	$seen{ $c->get('/')->{status} }++;
	$seen{ $c->get('/quiz/citizen')->{status} }++;
	$probes += 2;
	sleep 0.2;
}
is(join(',', map { "$_:$seen{$_}" } sort keys %seen), "200:$probes",
    "the front answered all $probes pages while a node and a host were down");
is(status(1, 'wsrep_cluster_size'), 2, 'the cluster went on with 2 nodes');
my $during = () = successes();
cmp_ok($during, '>', $before, "submissions went on succeeding ($before before, $during by now)");

# The node rejoins while the load goes on.
my $log_at = -s "$state/g2/log/mariadb.err";
ok(cl('node-start', $state, 2), 'node 2 restarted: recovered its position and rejoined');
sleep 2;
open my $stop, '>', "$tmp/stop";
close $stop;
waitpid $_, 0 for @load;

my @ok = (@codes, successes());
my %uniq = map { $_ => 1 } @ok;
cmp_ok(scalar @ok, '>', scalar(@codes) + 5, scalar(@ok) . ' submissions got a success page');
is(scalar(keys %uniq), scalar @ok, 'each with a code of its own');
my $list = join ',', @ok;
for my $i (1, 3, 2) {
	is((node_sql($i, "SELECT COUNT(*) FROM code WHERE id IN ($list)"))[0], scalar @ok,
	    "every one of them is on node $i");
}
# No attempt was graded twice nor left half-graded by a retry or a failover.
is((node_sql(1, "SELECT COUNT(*) FROM attempt a WHERE a.status = 'passed' AND NOT EXISTS "
    . "(SELECT 1 FROM code c WHERE c.attempt_id = a.id)"))[0], 0, 'every passed attempt has its code');
is((node_sql(1, "SELECT COUNT(*) FROM (SELECT attempt_id FROM code GROUP BY attempt_id HAVING COUNT(*) > 1) x"))[0], 0,
    'and only one');

# Conflicts between nodes (two gradings adding to one statistics row)
# happen under such a load; each was run again.
{
	my $logs = join '', map { BlueCode::Test::log_text({ dir => "$state/a$_" }, 'bluecode.log') } 1 .. 3;
	my $again = () = $logs =~ /conflict, run again/g;
	unlike($logs, qr/conflict, not retried/, "no conflict was left without a retry ($again runs again)");
}

# The rejoin: an incremental transfer from a donor, not a full copy.
my $log = do { open my $fh, '<', "$state/g2/log/mariadb.err"; seek $fh, $log_at, 0; local $/; <$fh> };
like($log, qr/Prepared IST receiver/, 'node 2 rejoined by IST');
unlike($log, qr/Running SST|State transfer required.*\n.*Local state: 00000000/, 'without a full state transfer');
ok(BlueCode::Test->attach(port => $port)->wait_until(30, sub {
	status(2, 'wsrep_local_state_comment') eq 'Synced'
	    && status(2, 'wsrep_last_committed') == status(1, 'wsrep_last_committed') }),
    'node 2 caught up: its last committed transaction is node 1\'s');
cmp_ok(status(2, 'wsrep_last_committed'), '>', $last2, 'past where it was killed');
is(status(1, 'wsrep_cluster_size'), 3, 'a cluster of 3 again');

# The stopped app host comes back and serves.
ok(cl('app-start', $state, 3), 'app host 3 started again');
is(BlueCode::Test->attach(host => $apps[2], port => 8080)->get('/')->{status}, 200, 'and serves');

# Down and up again: the cluster starts from the node that stopped last,
# with everything it held.
ok(cl('down', $state), 'the cluster goes down');
{
	my $tag = substr(Digest::MD5::md5_hex($state), 0, 4);
	is(join(',', grep { /^bc$tag/ } map { (split)[0] } `ip netns list`), '', 'and its namespaces with it');
}
ok(cl('up', $state), 'and up again, with the settings it was made with');
is((node_sql(2, "SELECT COUNT(*) FROM code WHERE id IN ($list)"))[0], scalar @ok,
    'every submission is still there');
is(BlueCode::Test->attach(port => $port)->get('/')->{status}, 200, 'the front answers again');

done_testing();
