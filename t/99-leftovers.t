#!/usr/bin/perl
# Runs last: no process started by an earlier test outlived it. Every test
# stops its stack (MariaDB, the master, nginx) and its browser; one left
# running would hold ports, memory and database files on a developer's
# machine. When contrib/test gives the run a directory of its own, any
# process still naming it is a leftover; otherwise a process naming a test
# directory that no longer exists is one.
use strict;
use warnings;
use File::Spec;
use Test::More;

my $tmp = File::Spec->tmpdir;
my $private = $tmp =~ m{/bluecode-run-[^/]+$};
my @left;
opendir my $proc, '/proc' or plan skip_all => 'no /proc';
for my $pid (grep { /^\d+$/ && $_ != $$ } readdir $proc) {
	open my $fh, '<', "/proc/$pid/cmdline" or next;
	my $cmd = do { local $/; <$fh> } // next;
	$cmd =~ tr/\0/ /;
	my $leftover;
	if ($private) {
		$leftover = index($cmd, "$tmp/") >= 0;
	} else {
		while ($cmd =~ m{(\Q$tmp\E/bluecode-(?:test|chromium)-[\w.]+)}g) {
			$leftover = 1 unless -d $1;
		}
	}
	push @left, "$pid: $cmd" if $leftover;
}
is(scalar @left, 0, 'no process outlived its test' . ($private ? " (run directory $tmp)" : ''))
    or diag join "\n", @left;
done_testing;
