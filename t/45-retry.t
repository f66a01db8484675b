# What a Galera cluster needs of the schema and of transactions, checked
# on the standalone MariaDB of every test:
# - every table is InnoDB with a primary key (Galera replicates nothing
#   else well), and the code takes no LOCK TABLES;
# - a transaction that loses a real deadlock (1213, what a Galera node
#   also answers on a certification failure) is run again from the start
#   of the request's handler: the grading of a quiz, made to deadlock by
#   a second connection that locks the grading's rows in the opposite
#   order, still ends in a pass and one code, after one retry;
# - a named lock leaves its row in db_claim (the row Galera certifies).
use strict;
use warnings;
use utf8;
use Test::More;
use DBI;
use File::Temp qw(tempdir);
use POSIX ();
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);

sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }

# --- The schema -------------------------------------------------------
my @tables = map { $_->[0] } $s->sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'bluecode' AND table_type = 'BASE TABLE'");
cmp_ok(scalar @tables, '>', 30, scalar(@tables) . ' tables');
is(join(',', map { $_->[0] } $s->sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'bluecode' AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'")),
    '', 'every table is InnoDB');
is(join(',', map { $_->[0] } $s->sql("SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = 'bluecode' AND t.table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')")),
    '', 'every table has a primary key');
{
	my $src = BlueCode::Test::src();
	my $hits = `grep -rliE 'LOCK TABLES?[^_]' $src/fcgi $src/sql --include=*.c --include=*.sql`;
	is($hits, '', 'no LOCK TABLES in the code or the migrations');
}

# --- A quiz up to its last question ------------------------------------
my $page = $s->get('/quiz/citizen');
my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
my ($tok) = ($res->{headers}{location} // '') =~ m{/quiz/a/([\w-]+)/1$} or BAIL_OUT('no attempt');
my $aid = one("SELECT id FROM attempt WHERE token = '$tok'");
my $claim = one("SELECT name FROM db_claim");
like($claim // '', qr/^bluecode:b:[\w-]{43}$/, 'starting an attempt wrote the owner\'s lock row');

my %right = ('发现火灾后应拨打哪个电话报警？' => [ '119' ],
    '火场逃生时，下列做法正确的有（  ）。' => [ '用湿毛巾捂住口鼻', '弯腰低姿沿疏散指示方向撤离' ],
    '电器着火时，应先切断电源再灭火。' => [ '正确' ]);
my @form;
for my $k (1 .. 3) {
	my $html = $s->get("/quiz/a/$tok/$k")->{content};
	my ($stem) = $html =~ m{<legend><span class="qtype[^"]*">[^<]+</span>([^<]+)</legend>};
	$stem =~ tr/\x{a0}/ /;
	my %opt = reverse($html =~ m{<input name="o" value="(\d)"[^>]*><span class="opt-key">\w</span><span class="opt-text">([^<]+)</span>}g);
	@form = (csrf => form_value($html, 'csrf'), (map { (o => $opt{$_}) } @{ $right{$stem} }),
	    go => $k == 3 ? 'submit' : 'next');
	$s->post("/quiz/a/$tok/$k", [ @form ]) if $k < 3;
}

# --- A real deadlock at the grading ------------------------------------
# The other connection is the heavier transaction (InnoDB rolls back the
# lighter one): it writes 300 rows, then holds the owner's lock row in
# share mode. The submit's grading waits for that row; the other
# connection then wants it exclusively, and waits for the submit: a
# cycle, which InnoDB breaks by failing the submit's statement (1213).
$s->sql('CREATE TABLE retry_ballast (id INT UNSIGNED NOT NULL PRIMARY KEY) ENGINE=InnoDB');
my $dsn = 'DBI:MariaDB:database=bluecode;mariadb_socket=' . $s->dir . '/run/mariadb.sock';
my $h = DBI->connect($dsn, 'root', undef, { AutoCommit => 0, RaiseError => 1, PrintError => 0 });
my $watch = DBI->connect($dsn, 'root', undef, { AutoCommit => 1, RaiseError => 1, PrintError => 0 });
$h->do('INSERT INTO retry_ballast SELECT seq FROM seq_1_to_300');
$h->selectall_arrayref('SELECT n FROM db_claim WHERE name = ? LOCK IN SHARE MODE', undef, $claim);

my $tmp = tempdir(CLEANUP => 1);
my $pid = fork // die "fork: $!";
if ($pid == 0) {
	my $r = $s->post("/quiz/a/$tok/3", [ @form ]);
	open my $fh, '>', "$tmp/submit";
	print $fh "$r->{status} " . ($r->{headers}{location} // '-');
	close $fh;
	POSIX::_exit(0);
}
my $waiting = $s->wait_until(20, sub {
	$watch->selectrow_array("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'") > 0 });
ok($waiting, 'the submit waits for the lock row the other connection holds');
my $other = eval { $h->do('UPDATE db_claim SET n = n + 1 WHERE name = ?', undef, $claim); 1 };
ok($other, 'the heavier transaction wins the deadlock') or diag $@;
$h->commit;
waitpid $pid, 0;
my $out = do { open my $fh, '<', "$tmp/submit"; local $/; <$fh> // '' };
like($out, qr{^303 \S+/quiz/a/\Q$tok\E/result$}, 'the submit still ends on the result page');
like($s->log_text('bluecode.log'), qr{/quiz/a/\Q$tok\E/3: conflict, run again \(1 of 3\)},
    'after one run again, as the log says');
like($s->log_text('bluecode.log'), qr{Deadlock found}, 'of a real deadlock');
is(one("SELECT status FROM attempt WHERE id = $aid"), 'passed', 'the attempt is graded: passed');
is(one("SELECT COUNT(*) FROM code WHERE attempt_id = $aid"), 1, 'with one code');
is(one("SELECT SUM(passes) FROM stat_quiz_day"), 1, 'counted once in the statistics');
# Made by the start (0), then one more by the other connection and one
# by the grading that committed (its first run was rolled back).
is(one("SELECT n FROM db_claim WHERE name = '$claim'"), 2, 'the lock row counts the other connection and the grading once');
$h->disconnect;
$watch->disconnect;

done_testing();
