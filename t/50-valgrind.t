# The C unit tests under valgrind: no invalid access, no leak.
use strict;
use warnings;
use utf8;
use Test::More;

my $dir = $ENV{BLUECODE_UNIT_DIR} // 'build/t/unit';
my @tests = grep { -x && !/\.(?:c|h|o)$/ } glob("$dir/test-*");
plan skip_all => 'valgrind is not installed' unless `which valgrind` =~ /valgrind/;
ok(scalar @tests >= 4, 'unit test programs found') or diag("in $dir");
for my $t (@tests) {
	my $out = `valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect $t 2>&1`;
	my $rc = $? >> 8;
	is($rc, 0, "$t: clean under valgrind") or diag($out =~ /(==\d+==.*)/s ? substr($1, 0, 2000) : $out);
}
done_testing();
