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

# With dev off, ?xml=1 is an ordinary page and /dev/ routes do not exist.
like($s->get('/?xml=1')->{content}, qr/^<!DOCTYPE html>/i, 'dev off: ?xml=1 is ignored');
is($s->get('/dev/sleep/1')->{status}, 404, 'dev off: /dev/sleep is 404');

done_testing();
