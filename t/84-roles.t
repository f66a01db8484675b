# Every role through the whole life of a code, over HTTP: a position
# outside the district refused; wrong answers fail; a pass located by the
# browser issues a code flagged gps, a pass by manual choice one flagged
# manual, each valid 6 months (responsible persons) or 12 (the others);
# the badge decodes, is 300 dpi in print and its QR holds the
# verification URL; an expired code renews; a revoked one says so; an
# altered token is not a blue code.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2);
$s->small_bank(3);
my $zbar = `which zbarimg 2>/dev/null` =~ /zbarimg/;
my %months = (responsible => 6, employee => 12, landlord => 12, student => 12, citizen => 12);
my %names = map { $_->[0] => $_->[1] } $s->sql('SELECT code, name FROM role');

sub code_row {
	my $id = shift;
	return @{ ($s->sql("SELECT method, TIMESTAMPDIFF(MONTH, issued_on, expires_on), expires_on FROM code WHERE id = $id"))[0] };
}

sub token_of {
	my $id = shift;
	my ($tok) = $s->get("/my/$id")->{content} =~ m{href="/v/([\w-]{120})"};
	return $tok;
}

for my $role (sort keys %months) {
	my $name = $names{$role};
	$s->clear_cookies;

	my $page = $s->get("/quiz/$role");
	my $res = $s->post("/quiz/$role/start", { csrf => form_value($page->{content}, 'csrf'),
	    lng => '120.495085', lat => '30.081929' });
	is($res->{status}, 200, "$role: a position in 柯桥区 is not started");
	like($res->{content}, qr/不在萧山区范围内/, "$role: with the reason");

	my ($result, $none) = $s->take_quiz($role, { lng => '120.27', lat => '30.17' }, 1);
	like($result->{content}, qr/未通过/, "$role: wrong answers fail");
	ok(!$none, "$role: and issue no code");

	my (undef, $gps) = $s->take_quiz($role, { lng => '120.27', lat => '30.17' });
	ok($gps, "$role: a pass located by the browser issues a code") or next;
	my ($method, $m, $expires) = code_row($gps);
	is($method, 'gps', "$role: flagged gps");
	is($m, $months{$role}, "$role: valid $months{$role} months");
	my $tok = token_of($gps) // '';

	$s->clear_cookies;
	my $manual = $s->pass_quiz($role, '瓜沥镇');
	ok($manual, "$role: a pass by manual choice issues a code") or next;
	is((code_row($manual))[0], 'manual', "$role: flagged manual");
	my %holder = %{ $s->{jar} };

	# What a scanner sees: no cookies of the holder's.
	$s->clear_cookies;
	my $v = $s->get("/v/$tok");
	like($v->{content}, qr{有效，有效期至 <span class="nowrap">$expires</span>}, "$role: verifies as valid until $expires");
	like($v->{content}, qr/\Q$name\E/, "$role: showing the role");

	my $card = $s->get("/v/$tok/badge-card.png");
	is($card->{headers}{'content-type'}, 'image/png', "$role: the card badge is a PNG");
	like($card->{content}, qr/^\x89PNG\r\n\x1a\n/, "$role: with a PNG signature");
	like($card->{content}, qr/pHYs\x00\x00\x2e\x23\x00\x00\x2e\x23\x01/, "$role: at 300 dpi");
	SKIP: {
		skip 'zbarimg (zbar-tools) is not installed', 1 unless $zbar;
		my $png = $s->dir . "/$role.png";
		open my $fh, '>:raw', $png or die;
		no warnings 'utf8';
		print $fh $card->{content};
		close $fh;
		my $qr = `zbarimg --raw -q $png 2>/dev/null`;
		chomp $qr;
		is($qr, $s->url("/v/$tok"), "$role: its QR decodes to the verification URL");
	}

	# Altered: one character of the signature changed.
	my $bad = $tok;
	substr($bad, 100, 1) = substr($bad, 100, 1) eq 'A' ? 'B' : 'A';
	$res = $s->get("/v/$bad");
	is($res->{status}, 404, "$role: an altered token is 404");
	like($res->{content}, qr/不是有效的蓝码|不是本平台签发/, "$role: not a valid blue code");

	# Expired, then renewed by a pass in the holder's browser.
	$s->{jar} = { %holder };
	$s->sql("UPDATE code SET issued_on = CURDATE() - INTERVAL 13 MONTH, expires_on = CURDATE() - INTERVAL 1 MONTH WHERE id = $manual");
	like($s->get('/v/' . token_of($manual))->{content}, qr{此蓝码已过期（有效期至 <span class="nowrap">\d{4}-\d\d-\d\d</span>）}, "$role: an expired code says so, with the date");
	my $renewed = $s->pass_quiz($role, '瓜沥镇');
	ok($renewed && $renewed != $manual, "$role: a pass after expiry renews (a new code)");
	like($s->get('/my')->{content}, qr{href="/my/$manual"}, "$role: the old code stays in the history");

	# Revoked.
	$s->sql("UPDATE code SET revoked_at = NOW(), revoke_reason = '测试' WHERE id = $renewed");
	like($s->get('/v/' . token_of($renewed))->{content}, qr/此蓝码已撤销/, "$role: a revoked code says revoked");
}

done_testing();
