# contrib/mix.lua, the load driver's resident, kept working: a few seconds
# of it against the test stack, with its data file made by contrib/load
# from the database. Residents complete quizzes and get codes and badges,
# and nothing answers an error. Not a measure of speed.
use strict;
use warnings;
use Test::More;
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 2, dev => 0);
my $src = BlueCode::Test::src();
my $dir = $s->dir;

# Each resident from an address of its own, as contrib/load does, so that
# the per-address limits of nginx are not what this test meets. nginx is
# started again rather than reloaded: a reload lets the old workers take
# the first connections still.
open my $fh, '>', "$dir/conf/nginx.d/realip.conf" or die "realip.conf: $!";
print $fh "set_real_ip_from 127.0.0.1;\nreal_ip_header X-Forwarded-For;\n";
close $fh;
kill 'QUIT', $s->pid('nginx');
ok($s->wait_until(15, sub { !-e "$dir/run/nginx.pid" }), 'nginx stopped');
$s->restart;

is(system("'$src/contrib/load' data '$dir' >'$dir/mix-data.lua'"), 0,
    'contrib/load writes the data file');
my ($answers) = $s->sql("SELECT COUNT(*) FROM question q
    JOIN bank b ON b.id = q.bank_id
    WHERE b.status = 'published' AND q.retired = 0");
my $data = do { local (@ARGV, $/) = "$dir/mix-data.lua"; <> };
my $n = () = $data =~ /\]==\] \] = \{/g;
is($n, $answers->[0], 'the right answers of every published question');

local $ENV{MIX_DATA} = "$dir/mix-data.lua";
local $ENV{MIX_XFF} = 1;
my $url = $s->url('/');
my $out = `wrk -t3 -c3 -d6s --timeout 9s -s "$src/contrib/mix.lua" "$url" 2>&1`;
is($?, 0, 'wrk ran the script') or diag($out);
like($out, qr/^mix-errors 0$/m,
    'no error response, every page as the flow expects') or diag($out);
my ($started, $passed, $failed) =
    $out =~ /^mix-quizzes started=(\d+) passed=(\d+) failed=(\d+)/m;
ok($passed && $passed >= 2, "residents passed ($passed)") or diag($out);
ok($started >= $passed + $failed,
    'as many quizzes started as finished, or more');
my ($badges, $scans) = $out =~ /badge=(\d+) verify=(\d+)/;
ok($badges >= $passed - 3 && $scans >= 2 * ($badges - 3),
    'each code: its page, its badge and two scans');

# The database agrees: every pass a code, every badge fetched kept.
my ($db_passed) =
    $s->sql("SELECT COUNT(*) FROM attempt WHERE status = 'passed'");
my ($codes) = $s->sql("SELECT COUNT(*) FROM code");
cmp_ok($db_passed->[0], '>=', $passed, 'the passes are in the database');
is($codes->[0], $db_passed->[0], 'each pass issued one code');
my @kept = glob("$dir/cache/badge/*-card.png");
cmp_ok(scalar @kept, '>=', $badges, 'each badge fetched was drawn and kept');
my ($methods) = $s->sql("SELECT COUNT(DISTINCT method), COUNT(DISTINCT ip),
    COUNT(*) FROM attempt");
is($methods->[0], 2, 'residents located by position and by hand');
# (A start still on its way when wrk stops is an attempt the script did
# not count: compared with the database's attempts, not the script's.)
is($methods->[1], $methods->[2], 'each resident from an address of its own');
cmp_ok($methods->[2], '>=', $started, 'every quiz started is an attempt');

done_testing();
