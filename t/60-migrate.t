# Migrations: applied in order, recorded, safe to run again; the reference
# data matches the 2020 plan's population table.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 1, dev => 0);
my $conf = $s->dir . '/conf/bluecode.conf';
my $bin = BlueCode::Test::bin();

my @applied = $s->sql('SELECT version, name FROM schema_migration ORDER BY version');
my @files = sort map { m{([^/]+)$} } glob(BlueCode::Test::src() . '/sql/[0-9][0-9][0-9]_*.sql');
is_deeply([ map { $_->[1] } @applied ], \@files, 'every migration file is recorded, in order');

my $out = `$bin -f $conf migrate 2>&1`;
is($?, 0, 'migrate runs again');
like($out, qr/database is up to date/, 'and has nothing to do');
is(scalar($s->sql('SELECT 1 FROM schema_migration')), scalar @files, 'nothing recorded twice');

my ($n, $pop, $target) = @{ ($s->sql("SELECT COUNT(*), SUM(population), SUM(ROUND(population / 100)) FROM region g JOIN jurisdiction j ON j.id = g.jurisdiction_id WHERE j.code = '330109'"))[0] };
is($n, 24, 'Xiaoshan: 24 streets, towns and zones');
my ($xn, $xpop) = @{ ($s->sql("SELECT COUNT(*), COUNT(population) FROM region g JOIN jurisdiction j ON j.id = g.jurisdiction_id WHERE j.code = '430528'"))[0] };
is("$xn/$xpop", '16/0', 'Xinning: 16 towns and townships, populations not yet entered');
is($pop, 1346190, 'total resident population 1,346,190 (annex 1)');
cmp_ok(abs($target - 13462), '<=', 12, 'monthly targets add up to about 1% (annex: 13,462)');
my %pop = map { $_->[0] => $_->[1] } $s->sql('SELECT name, population FROM region');
is($pop{'城厢街道'}, 148588, '城厢街道 148,588');
is($pop{'瓜沥镇'}, 191429, '瓜沥镇 191,429');
is($pop{'湘湖旅游度假区'}, 3792, '湘湖旅游度假区 3,792');
my %months = map { $_->[0] => $_->[1] } $s->sql('SELECT code, validity_months FROM role');
is_deeply(\%months, { responsible => 6, employee => 12, landlord => 12, student => 12, citizen => 12 },
    'five roles; 6 months for responsible persons, 12 for the others');

# The configuration check: -n accepts this file and rejects a bad one.
is(system("$bin -n -f $conf 2>/dev/null"), 0, '-n accepts the generated configuration');
open my $fh, '>', $s->dir . '/bad.conf' or die;
print $fh "workers = many\nno_such_key = 1\n";
close $fh;
$out = `$bin -n -f @{[ $s->dir ]}/bad.conf 2>&1`;
isnt($?, 0, '-n rejects a bad file');
like($out, qr/bad\.conf:1: workers: "many" is not a number/, 'naming file, line and key');
like($out, qr/bad\.conf:2: unknown key "no_such_key"/, 'and every bad line');

# An empty value is no value: refused with a message where one is
# needed (it once crashed the check, and a reload with it the master).
{
	open my $in, '<', $conf or die;
	my $text = do { local $/; <$in> };
	close $in;
	my $write = sub { open my $o, '>', $s->dir . '/edge.conf' or die; print $o $text, @_; close $o };
	$write->("log_level =\n");
	my $said = `$bin -n -f @{[ $s->dir ]}/edge.conf 2>&1`;
	is($? & 127, 0, 'an empty log_level does not crash the check');
	isnt($? >> 8, 0, 'it is refused');
	like($said, qr/log_level must be error, warn, info or debug/, 'saying what it must be');
	$write->("font =\n");
	$said = `$bin -n -f @{[ $s->dir ]}/edge.conf 2>&1`;
	like($said, qr/font must be set/, 'an empty font is refused too');
	# "#" starts a comment only at the start of a line or after a space.
	system('cp', $s->dir . '/secret.key', $s->dir . '/key#1') == 0 or die;
	$write->("secret_key_file = @{[ $s->dir ]}/key#1 # the key\n");
	is(system("$bin -n -f @{[ $s->dir ]}/edge.conf 2>/dev/null"), 0, 'a value may hold "#" (a comment follows a space)');
}

# Two migration files with one number: nothing is applied, both are named.
{
	my $dir = $s->dir . '/sql-dup';
	mkdir $dir or die;
	system("cp @{[ BlueCode::Test::src() ]}/sql/*.sql $dir/") == 0 or die;
	open my $o, '>', "$dir/013_again.sql" or die;
	print $o "CREATE TABLE never_made (id INT);\n";
	close $o;
	open my $in, '<', $conf or die;
	my $text = do { local $/; <$in> };
	close $in;
	open $o, '>', $s->dir . '/dup.conf' or die;
	print $o $text, "sql_dir = $dir\n";
	close $o;
	my $said = `$bin -f @{[ $s->dir ]}/dup.conf migrate 2>&1`;
	isnt($?, 0, 'two migrations numbered 013 are refused');
	like($said, qr/013_again\.sql and 013_role_questions\.sql have the same number|013_role_questions\.sql and 013_again\.sql have the same number/, 'naming both');
	is(scalar($s->sql("SHOW TABLES LIKE 'never_made'")), 0, 'and neither is applied');
}

# contrib/stack stops only processes of its own state directory: a pid
# file that names another program's process leaves it alone.
{
	my $other = fork // die;
	if ($other == 0) { exec 'sleep', '30' }
	my $dir = $s->dir . '/not-a-stack';
	mkdir $dir; mkdir "$dir/run";
	open my $o, '>', "$dir/run/bluecode.pid" or die;
	print $o "$other\n";
	close $o;
	system(BlueCode::Test::src() . "/contrib/stack down $dir >/dev/null 2>&1");
	ok(kill(0, $other), 'contrib/stack down leaves a process that is not its own');
	kill 'KILL', $other;
	waitpid $other, 0;
}

# A stack that cannot come up whole (its port is taken) is taken down
# again: nothing of it is left running.
{
	require IO::Socket::INET;
	my $busy = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1', LocalPort => 0) or die;
	my $dir = $s->dir . '/half';
	my $rc = system(BlueCode::Test::src() . "/contrib/stack up $dir --port " . $busy->sockport
	    . " --workers 1 --fast-db --bin $bin >/dev/null 2>&1");
	isnt($rc, 0, 'contrib/stack up fails when its port is taken');
	is(`@{[ BlueCode::Test::src() ]}/contrib/stack status $dir`, "mariadb: stopped\nbluecode: stopped\nnginx: stopped\n",
	    'and leaves nothing running');
}

# With dev off, ?xml=1 is an ordinary page and /dev/ routes do not exist.
like($s->get('/?xml=1')->{content}, qr/^<!DOCTYPE html>/i, 'dev off: ?xml=1 is ignored');
is($s->get('/dev/sleep/1')->{status}, 404, 'dev off: /dev/sleep is 404');

done_testing();
