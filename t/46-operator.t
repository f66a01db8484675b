# The operator's kit: the systemd units (the service, its timers, the
# drop-in for Debian's mariadb.service) pass systemd-analyze verify; the
# logrotate file passes logrotate -d and, pointed at a running stack,
# rotates its log and has the master reopen it; MariaDB runs with the
# durable settings of conf/mariadb.cnf.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Copy qw(copy);
use File::Temp qw(tempdir);
use BlueCode::Test;

my $src = BlueCode::Test::src();
my $bin = BlueCode::Test::bin();
my $tmp = tempdir(CLEANUP => 1);

# The service's unit: what a graceful stop, a reload and a crash need.
open my $fh, '<', "$src/contrib/systemd/bluecode.service" or die;
my $unit = do { local $/; <$fh> };
close $fh;
like($unit, qr/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m, 'the unit reloads with SIGHUP');
like($unit, qr/^KillMode=mixed$/m, 'stops by SIGTERM to the master alone (workers finish their requests)');
like($unit, qr/^Restart=on-failure$/m, 'is restarted if the master fails');
like($unit, qr/^After=.*\bmariadb\.service\b/m, 'starts after MariaDB');

SKIP: {
	skip 'no systemd-analyze', 4 unless `which systemd-analyze` =~ /\S/;
	mkdir "$tmp/units" or die;
	for my $f (glob("$src/contrib/systemd/*")) {
		next unless -f $f;
		open my $in, '<', $f or die;
		my $text = do { local $/; <$in> };
		$text =~ s{/usr/sbin/bluecode}{$bin}g;	# not installed here
		open my $out, '>', "$tmp/units/" . ($f =~ s{.*/}{}r) or die;
		print $out $text;
	}
	my $out = `cd $tmp/units && systemd-analyze verify *.service *.timer 2>&1`;
	is($? >> 8, 0, 'systemd-analyze verify: the service and its timers');
	is($out, '', 'without a warning') or diag($out);
	SKIP: {
		skip "no Debian mariadb.service", 2 unless -f '/lib/systemd/system/mariadb.service';
		mkdir "$tmp/db" or die;
		mkdir "$tmp/db/mariadb.service.d" or die;
		copy('/lib/systemd/system/mariadb.service', "$tmp/db/") or die;
		copy("$src/contrib/systemd/mariadb.service.d/bluecode.conf", "$tmp/db/mariadb.service.d/") or die;
		$out = `cd $tmp/db && systemd-analyze verify mariadb.service 2>&1`;
		is($? >> 8, 0, "systemd-analyze verify: Debian's mariadb.service with the drop-in");
		is($out, '', 'without a warning') or diag($out);
	}
}

my $s = BlueCode::Test->start(workers => 2, dev => 1, durable => 1);
is_deeply([ $s->sql('SELECT @@innodb_flush_log_at_trx_commit, @@innodb_doublewrite, '
    . '@@character_set_server, @@time_zone') ], [ [ 1, 1, 'utf8mb4', '+08:00' ] ],
    'MariaDB: a flush at every commit, doublewrite, utf8mb4, +08:00 (conf/mariadb.cnf)');

SKIP: {
	skip 'no logrotate', 6 unless `which logrotate` =~ /\S/;
	my $out = `logrotate -d $src/contrib/logrotate/bluecode 2>&1`;
	is($? >> 8, 0, 'logrotate -d reads the file');
	unlike($out, qr/^error/mi, 'without an error') or diag($out);

	# The same file, pointed at the stack's log and pid file.
	open my $in, '<', "$src/contrib/logrotate/bluecode" or die;
	my $conf = do { local $/; <$in> };
	close $in;
	my $dir = $s->dir;
	$conf =~ s{/var/log/bluecode/}{$dir/log/}g;
	$conf =~ s{/run/bluecode/}{$dir/run/}g;
	open my $o, '>', "$tmp/logrotate.conf" or die;
	print $o $conf;
	close $o;
	chmod 0644, "$tmp/logrotate.conf";
	my $log = "$dir/log/bluecode.log";
	ok(-s $log, 'the service has a log');
	$out = `logrotate -f -s $tmp/logrotate.state $tmp/logrotate.conf 2>&1`;
	is($? >> 8, 0, 'logrotate rotates it') or diag($out);
	ok(-s "$log.1", 'the old log is moved aside');
	$s->get('/dev/sleep/600');
	ok($s->wait_until(5, sub { $s->log_text('bluecode.log') =~ /slow request/ }),
	    'the master reopened its log (SIGUSR1 by the pid file): workers write to the new one');
}

done_testing();
