# sqlmap against the program (issue 13), a quicker subset of the full run
# that contrib/sqlmap makes (every route; its last result is in README,
# "Attacks"): a route of each kind, public and admin, GET and POST,
# signed in, with boolean, error and union tests on every field of the
# route's room and its path arguments. sqlmap comes with the test
# packages (contrib/setup.sh); no injection may be found.
use strict;
use warnings;
use Test::More;
use BlueCode::Test;

my $src = BlueCode::Test::src();
my $only = '^/(?:admin/(?:codes|questions|people|departments|hazards/:id/moderate|aid/:id/more-info)'
    . '|training|visits/slots/:id|hazards/r/:ref|aid/r/:ref|unit|learn/:course|quiz/:role/start'
    . '|account/(?:name|login))$';
local $ENV{BLUECODE_BIN} = BlueCode::Test::bin();
my $out = `nice $src/contrib/sqlmap --technique BEU --only '$only' 2>&1`;
is($?, 0, 'sqlmap finds nothing injectable') or diag $out;
my ($routes, $tested) = $out =~ /sqlmap: (\d+) routes, \d+ parameters and path arguments \((\d+) tested\)/;
ok(($routes // 0) >= 15, "$routes routes") or diag $out;
ok(($tested // 0) >= 50, "$tested parameters tested") or diag $out;
like($out, qr/no injection found/, 'and says so');

done_testing();
