# contrib/backup and contrib/restore round-trip a populated database: a
# sample campaign and quizzes taken, backed up while residents go on
# submitting quizzes, restored into a second stack: every table has the
# same rows (count and CHECKSUM TABLE) as when the backup began, nothing
# in the copy is half-written, and the second stack, given the first's
# secret key, verifies the first's codes.
use strict;
use warnings;
use utf8;
use Test::More;
use Time::HiRes qw(sleep);
use BlueCode::Test;

my $src = BlueCode::Test::src();
my $s = BlueCode::Test->start(workers => 2);
$s->small_bank(3);
is(system("$src/contrib/campaign " . $s->dir
    . ' --people 300 --units 6 --attempts 400 --months 2 2>/dev/null'), 0, 'a sample campaign is made');
my @ids = map { $s->clear_cookies; $s->pass_quiz('citizen', '城厢街道') } 1 .. 3;
is(scalar(grep { $_ } @ids), 3, 'and three quizzes passed');
my ($tok) = $s->get("/my/$ids[-1]")->{content} =~ m{href="/v/([\w-]{120})"};

# Every table: its rows and its checksum.
sub tables {
	my ($s) = @_;
	my @t = map { $_->[0] } $s->sql('SHOW TABLES');
	my %c = map { $_->[0] => $_->[1] } $s->sql('CHECKSUM TABLE ' . join(', ', map { "`$_`" } @t));
	return { map { my $t = $_; ($t => ($s->sql("SELECT COUNT(*) FROM `$t`"))[0][0] . ' rows, checksum '
	    . $c{"bluecode.$t"}) } @t };
}
is_deeply([ $s->half_written ], [], 'nothing half-written in the original');
my $before = tables($s);
cmp_ok(scalar(keys %$before), '>', 40, scalar(keys %$before) . ' tables');
cmp_ok(scalar(grep { !/^0 rows/ } values %$before), '>', 15, 'many of them with rows');

my $file = $s->dir . '/backup.sql.gz';
is(system("$src/contrib/backup --stack " . $s->dir . " $file 2>/dev/null"), 0, 'contrib/backup');
ok(-s $file, 'writes the file');
is((stat $file)[2] & 0777, 0600, 'readable by its owner only');
is_deeply(tables($s), $before, 'the backup changed nothing');

# A backup taken while residents submit quizzes is one moment of the
# database: nothing half-written in it.
my $load = $s->load(2, sub { $s->clear_cookies; $s->pass_quiz('citizen', '城厢街道'); return });
sleep 0.5;
my $busy = $s->dir . '/busy.sql.gz';
is(system("$src/contrib/backup --stack " . $s->dir . " $busy 2>/dev/null"), 0, 'a backup under load');
sleep 0.3;
my ($st) = $s->load_stop($load);
cmp_ok($st->{303} // 0, '>', 10, 'quizzes were being submitted meanwhile');

# Restored into another stack (its service stopped meanwhile).
my $t = BlueCode::Test->start(workers => 2);
my $restore = "$src/contrib/restore --stack " . $t->dir;
isnt(system("$restore $file 2>/dev/null"), 0, 'a database with tables is not overwritten by default');
open my $fh, '<:raw', $file or die;
my $gz = do { local $/; <$fh> };
close $fh;
open $fh, '>:raw', $t->dir . '/cut.sql.gz' or die;
print $fh substr($gz, 0, length($gz) / 2);
close $fh;
isnt(system("$restore " . $t->dir . '/cut.sql.gz --replace 2>/dev/null'), 0, 'a cut backup file is refused');
my $master = $t->pid('bluecode');
kill 'TERM', $master;
ok($t->wait_until(15, sub { !-e "/proc/$master" || `cat /proc/$master/stat` =~ /\) Z/ }), 'the second service stopped');
is(system("$restore $busy --replace 2>/dev/null"), 0, 'the backup taken under load is restored');
is_deeply([ $t->half_written ], [], 'nothing half-written in it');
is(system("$restore $file --replace 2>/dev/null"), 0, 'the quiet backup is restored');
is_deeply(tables($t), $before, 'every table: the same row count and CHECKSUM TABLE as when it was taken');

# The codes are signed with the secret key, which the database does not
# hold: with the first stack's key the second verifies them.
system('cp', $s->dir . '/secret.key', $t->dir . '/secret.key') == 0 or die;
$t->restart;
my $v = $t->get("/v/$tok");
is($v->{status}, 200, "with the first stack's key, the second verifies its codes");
like($v->{content}, qr/有效/, 'as valid');

done_testing();
