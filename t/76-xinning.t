# A second jurisdiction with no code change: a site configured for
# Xinning County (新宁县, 430528) shows its own name and towns, places a
# browser in a town from its position, refuses positions outside the
# county (Xiaoshan's among them), issues codes numbered under Xinning,
# and shows its towns' populations as not yet entered.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, set => [ 'jurisdiction = 430528' ]);
$s->small_bank(3);

my $home = $s->get('/');
is($home->{status}, 200, 'the home page');
like($home->{content}, qr/新宁县/, 'names Xinning County');
unlike($home->{content}, qr/萧山/, 'and nothing of Xiaoshan');

my $page = $s->get('/quiz/citizen')->{content};
my @towns = $page =~ m{<option value="\d+">([^<]+)</option>}g;
is(scalar @towns, 16, 'the manual choice offers the 16 towns and townships');
ok((grep { $_ eq '金石镇' } @towns) && (grep { $_ eq '麻林瑶族乡' } @towns), 'by their names');
ok(!(grep { /街道/ } @towns), "and no street of Xiaoshan's");

# Positions as a phone reports them (the shared reference data's test
# points; the server converts them to GCJ-02 as for any browser).
my @cases = (
	[ 110.8520, 26.4300, '金石镇', 'the county seat' ],
	[ 111.2100, 26.6250, '一渡水镇', 'the east of the county' ],
	[ 110.6450, 26.4560, '麻林瑶族乡', 'the west of the county' ],
);
for my $c (@cases) {
	my ($lng, $lat, $town, $what) = @$c;
	$s->clear_cookies;
	my $res = $s->post('/quiz/citizen/start', { csrf => $s->csrf('/quiz/citizen'), lng => $lng, lat => $lat });
	is($res->{status}, 303, "a position in $what starts an attempt");
	my ($method, $region) = @{ ($s->sql('SELECT a.method, g.name FROM attempt a JOIN region g ON g.id = a.region_id ORDER BY a.id DESC LIMIT 1'))[0] };
	is("$region/$method", "$town/gps", "placed in $town by its polygon");
}
for my $c ([ 110.631884, 26.726599, '武冈市' ], [ 120.27, 30.17, '萧山区' ]) {
	$s->clear_cookies;
	my $res = $s->post('/quiz/citizen/start', { csrf => $s->csrf('/quiz/citizen'), lng => $c->[0], lat => $c->[1] });
	is($res->{status}, 200, "a position in $c->[2] is not started");
	like($res->{content}, qr/不在新宁县范围内/, 'with the message naming Xinning');
}

$s->clear_cookies;
my $id = $s->pass_quiz('student', { lng => 110.8520, lat => 26.4300 });
ok($id, 'a pass in Xinning issues a code');
my $mine = $s->get("/my/$id")->{content};
like($mine, qr/430528-\d{7}/, 'numbered under the county code');
my ($tok) = $mine =~ m{href="/v/([\w-]{120})"};
my $v = $s->get("/v/$tok");
is($v->{status}, 200, 'it verifies');
like($v->{content}, qr/金石镇/, 'naming its town');
my ($region) = @{ ($s->sql("SELECT j.code FROM code c JOIN region g ON g.id = c.region_id JOIN jurisdiction j ON j.id = g.jurisdiction_id WHERE c.id = $id"))[0] };
is($region, '430528', 'and the code belongs to Xinning in the database');

is($s->admin_login->{status}, 303, 'the first admin signs in');
my $admin = $s->get('/admin')->{content};
like($admin, qr{<td>金石镇</td><td class="n">未录入</td><td class="n">未录入</td>}, 'a town with no population entered says so');
like($admin, qr/有 16 个镇街的常住人口尚未录入/, 'and the total explains it');

# The office enters a population on the streets-and-towns page.
my $regions = $s->get('/admin/regions');
is($regions->{status}, 200, 'the population page');
my ($jinshi) = $regions->{content} =~ m{<tr id="region-(\d+)"><td class="nowrap">金石镇</td>} or diag $regions->{content};
my $csrf = form_value($regions->{content}, 'csrf');
is($s->post("/admin/regions/$jinshi", { csrf => $csrf, population => "1\x{00}2" })->{status}, 400, 'a NUL byte is refused');
for my $bad ('0', '-5', '12a', '20000001', '1.5') {
	my $res = $s->post("/admin/regions/$jinshi", { csrf => $csrf, population => $bad });
	is($res->{status}, 400, "population '$bad' is refused");
	like($res->{content}, qr{<p class="form-error" role="alert">金石镇：常住人口应为}, 'naming the town and why');
}
is($s->post('/admin/regions/999999', { csrf => $csrf, population => 5 })->{status}, 404, 'an unknown region is 404');
my ($xs) = map { $_->[0] } $s->sql("SELECT id FROM region WHERE code = '330109001000'");
is($s->post("/admin/regions/$xs", { csrf => $csrf, population => 5 })->{status}, 404, "another jurisdiction's street is 404");
is($s->post("/admin/regions/$jinshi", { csrf => $csrf, population => 55000 })->{status}, 303, 'a population is saved');
my ($action, $detail) = @{ ($s->sql('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
is("$action|$detail", 'region-population|金石镇: 未录入 → 55000', 'audit-logged with the old and new figures');
my $entered = $s->get('/admin')->{content};
like($entered, qr{<td>金石镇</td><td class="n">55,000</td><td class="n">550</td>}, 'its monthly target is now 1% of it');
like($entered, qr/有 15 个镇街的常住人口尚未录入/, 'and one town fewer is missing');
is($s->post("/admin/regions/$jinshi", { csrf => $csrf, population => '' })->{status}, 303, 'an empty field clears it');
is(($s->sql("SELECT COUNT(population) FROM region WHERE code = '430528109000'"))[0][0], 0, 'back to unknown');
is(($s->sql("SELECT population FROM region WHERE id = $xs"))[0][0], 148588, "Xiaoshan's figures are untouched");

done_testing;
