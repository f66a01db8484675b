# contrib/campaign: the sample campaign contrib/serve loads (and, larger,
# the benchmark's data): what it makes is consistent (every attempt has
# its questions, codes for first passes, rollups that add up to the
# attempts, points that add up to their ledger), marked as sample data,
# made once, and the dashboards show its figures.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $src = BlueCode::Test::src();
my @args = ($s->dir, '--people', 400, '--units', 9, '--attempts', 600, '--months', 3);
is(system("$src/contrib/campaign @args 2>/dev/null"), 0, 'the campaign is made');
is(one("SELECT COUNT(*) FROM person WHERE phone IS NULL AND phone_enc IS NOT NULL AND pw_hash = '!sample'"), 400, '400 people, marked');
is(one("SELECT COUNT(*) FROM unit WHERE name LIKE '%（样例）'"), 9, '9 units, marked');
is(one("SELECT COUNT(*) FROM unit WHERE name LIKE '%（样例）' AND is_key = 1"), 3, 'a third of them key units');
is(one("SELECT COUNT(*) FROM attempt WHERE ip = '192.0.2.1'"), 600, '600 attempts from TEST-NET-1');
is(one("SELECT COUNT(*) FROM attempt a WHERE ip = '192.0.2.1' AND (SELECT COUNT(*) FROM attempt_question q WHERE q.attempt_id = a.id) <> 20"),
    0, 'each with its twenty questions');
is(one("SELECT COUNT(*) FROM attempt a WHERE ip = '192.0.2.1' AND a.correct <> (SELECT COUNT(*) FROM attempt_question q "
    . "WHERE q.attempt_id = a.id AND q.answer_mask = q.correct_mask)"), 0, 'whose answers make its score');
is(one("SELECT COUNT(*) FROM attempt WHERE ip = '192.0.2.1' AND submitted_at < NOW() - INTERVAL 3 MONTH - INTERVAL 1 DAY"), 0,
    'over the three months');
my $gps = one("SELECT COUNT(*) FROM attempt WHERE ip = '192.0.2.1' AND method = 'gps'");
ok($gps > 400 && $gps < 600, "most located ($gps)");
is(one("SELECT COUNT(*) FROM code c JOIN attempt a ON a.id = c.attempt_id WHERE a.status <> 'passed'"), 0, 'codes only for passes');
is(one("SELECT COUNT(*) FROM code"), one("SELECT COUNT(DISTINCT browser, role) FROM attempt WHERE status = 'passed'"),
    'one for each browser and role that passed');
is(one('SELECT SUM(attempts) FROM stat_quiz_day'), 600, 'the rollups count every attempt');
is(one('SELECT SUM(questions) FROM stat_answer_month'), 12000, 'and every question answered');
is(one('SELECT COUNT(*) FROM points_total t WHERE t.total <> (SELECT SUM(amount) FROM points_entry e WHERE e.person_id = t.person_id)'), 0,
    'point totals add up to their ledger');
is(system("$src/contrib/campaign @args 2>/dev/null"), 0, 'a second run');
is(one("SELECT COUNT(*) FROM attempt WHERE ip = '192.0.2.1'"), 600, 'adds nothing');

$s->admin_login;
my $page = $s->get('/admin/stats')->{content};
my ($counted) = $page =~ m{全区计入 <strong>([\d,]+)</strong>};
$counted =~ s/,//g if defined $counted;
is($counted, one("SELECT SUM(people) FROM stat_quiz_day WHERE method = 'gps' AND day >= DATE_FORMAT(CURDATE(), '%Y-%m-01')"),
    "this month's dashboard shows the campaign's located passes");
like($s->get('/admin/stats/units')->{content}, qr{（样例）}, 'the key units are ranked');
like($s->get('/admin/stats/awareness?from=' . one("SELECT DATE_FORMAT(CURDATE() - INTERVAL 3 MONTH, '%Y-%m')"))->{content},
    qr{合计：<strong>\d+\.\d%</strong>}, 'awareness rates');
done_testing();
