# Abuse limits of the quiz: one open attempt per browser (resumed), a few
# new attempts an hour per browser, a ceiling per address; and the
# validity of every role's code.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1,
    set => [ 'attempts_per_browser = 2', 'attempts_per_ip = 3' ]);
$s->small_bank(3);

sub start {
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
	return $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
}

# Browser 1: two attempts an hour, then 429.
my $r1 = start();
is($r1->{status}, 303, 'a first attempt');
is(start()->{headers}{location}, $r1->{headers}{location}, 'a second start while open resumes it');
{
	my $mine = $s->get('/my')->{content};
	my ($tok) = $r1->{headers}{location} =~ m{/quiz/a/([\w-]+)/1$};
	like($mine, qr{你有一次未完成的答题（普通市民，还剩约 \d+ 分钟）。<a href="/quiz/a/$tok/1">继续答题</a>},
	    '我的蓝码 leads back to the quiz still running');
}
$s->sql("UPDATE attempt SET status = 'failed', submitted_at = NOW()");
is(start()->{status}, 303, 'after it ends, a second attempt');
$s->sql("UPDATE attempt SET status = 'failed', submitted_at = NOW()");
my $res = start();
is($res->{status}, 429, 'a third within the hour from the same browser is 429');
like($res->{content}, qr/操作过于频繁/, 'with a clear page');
like($res->{content}, qr/一小时内开始的答题次数已达上限，请一小时后再试/, 'saying how long to wait');

# Browser 2, same address: the address ceiling (3 an hour) is reached.
$s->clear_cookies;
is(start()->{status}, 303, 'another browser from the same address may start');
$s->sql("UPDATE attempt SET status = 'failed', submitted_at = NOW()");
$s->clear_cookies;
is(start()->{status}, 429, 'until the per-address ceiling');
is(($s->sql('SELECT COUNT(*) FROM attempt'))[0][0], 3, 'refused starts write nothing');

# Every role: 6 months for responsible persons, 12 for everyone else.
$s->sql('DELETE FROM attempt_question');
$s->sql('DELETE FROM attempt');
my %want = (responsible => 6, employee => 12, landlord => 12, student => 12, citizen => 12);
for my $role (sort keys %want) {
	$s->clear_cookies;
	my $id = $s->pass_quiz($role, '城厢街道');
	ok($id, "$role: a code") or next;
	my ($m) = map { $_->[0] } $s->sql("SELECT TIMESTAMPDIFF(MONTH, issued_on, expires_on) FROM code WHERE id = $id");
	is($m, $want{$role}, "$role: valid $want{$role} months");
	is(($s->sql("SELECT method FROM code WHERE id = $id"))[0][0], 'manual', "$role: manual choice recorded");
	$s->sql('DELETE FROM attempt WHERE status = "open"');
	$s->sql('UPDATE attempt SET started_at = NOW() - INTERVAL 2 HOUR');
}

done_testing();
