# Boundaries: the sample street/town polygons are loaded at set-up; the
# location step places the published test points inside Xiaoshan in a
# street or town and refuses those outside; an import with an unknown name
# loads nothing.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);

my ($n, $approx) = @{ ($s->sql('SELECT COUNT(*), SUM(approximate) FROM region_boundary'))[0] };
is($n, 24, 'all 24 streets, towns and zones have a polygon');
is($approx, 24, 'marked approximate');
is(($s->sql('SELECT COUNT(*) FROM jurisdiction_boundary'))[0][0], 1, 'and the district has its outline');

# The test points of shared/data/geo (GCJ-02; as browser positions the
# shift of about 500 m keeps them well inside or outside).
my @in = ([ 'XS-IN-1', 120.2700, 30.1700, '城厢街道' ], [ 'XS-IN-2', 120.3400, 30.1950 ],
    [ 'XS-IN-3', 120.2500, 30.0450 ], [ 'XS-IN-4', 120.2000, 30.0200 ],
    [ 'XS-IN-5', 120.2900, 30.0100 ], [ 'XS-IN-6', 120.5500, 30.2250 ]);
my @out = ([ 'XS-OUT-1', 120.246863, 29.708692 ], [ 'XS-OUT-2', 120.495085, 30.081929 ],
    [ 'XS-OUT-3', 119.960076, 30.048692 ], [ 'XN-IN-1 (Xinning)', 110.8520, 26.4300 ],
    [ '钱塘区 (河庄, moved out in 2021)', 120.4577, 30.2979 ]);
for my $p (@in, @out) {
	my ($name, $lng, $lat, $street) = @$p;
	$s->clear_cookies;
	my $page = $s->get('/quiz/citizen');
	my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), lng => $lng, lat => $lat });
	if ($name =~ /-IN-/ && $name !~ /Xinning/) {
		is($res->{status}, 303, "$name: placed inside Xiaoshan");
		my ($got) = map { $_->[0] } $s->sql('SELECT g.name FROM attempt a JOIN region g ON g.id = a.region_id ORDER BY a.id DESC LIMIT 1');
		is($got, $street, "$name: in $street") if $street;
	} else {
		like($res->{content}, qr/不在萧山区范围内/, "$name: outside");
	}
}

# A bad import changes nothing.
my $bad = $s->dir . '/bad.geojson';
open my $fh, '>:encoding(UTF-8)', $bad or die;
my $square = '{"type":"Polygon","coordinates":[[[120.2,30.1],[120.3,30.1],[120.3,30.2],[120.2,30.1]]]}';
print $fh '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"城厢街道"},'
    . qq|"geometry":$square},|
    . qq|{"type":"Feature","properties":{"name":"不存在街道"},"geometry":$square}]}|;
close $fh;
my $before = ($s->sql("SELECT ST_AsText(ST_Centroid(b.boundary)) FROM region_boundary b JOIN region r ON r.id = b.region_id WHERE r.name = '城厢街道'"))[0][0];
my $out = `@{[ BlueCode::Test::bin() ]} -f @{[ $s->dir ]}/conf/bluecode.conf geo-import $bad 2>&1`;
isnt($?, 0, 'an import naming an unknown street fails');
like($out, qr/no such street\/town/, 'saying which');
is(($s->sql("SELECT ST_AsText(ST_Centroid(b.boundary)) FROM region_boundary b JOIN region r ON r.id = b.region_id WHERE r.name = '城厢街道'"))[0][0],
    $before, 'and the good feature before it was not kept either');

# Geometries that cannot be a street or town are refused, naming why;
# and so is a street given twice (the second would replace the first).
my %bad = (
	'a point' => [ '{"type":"Point","coordinates":[120.25,30.15]}', qr/a POINT, not a Polygon/ ],
	'no area' => [ '{"type":"Polygon","coordinates":[[[120.2,30.1],[120.3,30.1],[120.2,30.1]]]}', qr/encloses no area/ ],
	'swapped axes' => [ '{"type":"Polygon","coordinates":[[[30.1,120.2],[30.1,120.3],[30.2,120.3],[30.1,120.2]]]}', qr/not within China/ ],
	'not GeoJSON' => [ '{"type":"Polygon","coordinates":"here"}', qr/no geometry GeoJSON can describe/ ],
	# Read in C first (fcgi/shared/geojson.c, contrib/fuzz/fuzz-geo.c).
	'an open ring' => [ '{"type":"Polygon","coordinates":[[[120.2,30.1],[120.3,30.1],[120.3,30.2],[120.2,30.2]]]}', qr/a ring is not closed/ ],
	'a height' => [ '{"type":"Polygon","coordinates":[[[120.2,30.1,5],[120.3,30.1,5],[120.3,30.2,5],[120.2,30.1,5]]]}', qr/no geometry GeoJSON can describe/ ],
	'no number' => [ '{"type":"Polygon","coordinates":[[[NaN,30.1],[120.3,30.1],[120.3,30.2],[NaN,30.1]]]}', qr/no geometry GeoJSON can describe/ ],
);
for my $what (sort keys %bad) {
	open $fh, '>:encoding(UTF-8)', $bad or die;
	print $fh qq|{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"城厢街道"},"geometry":$bad{$what}[0]}]}|;
	close $fh;
	$out = `@{[ BlueCode::Test::bin() ]} -f @{[ $s->dir ]}/conf/bluecode.conf geo-import $bad 2>&1`;
	isnt($?, 0, "$what: refused");
	like($out, $bad{$what}[1], "$what: saying why");
	$out = `@{[ BlueCode::Test::bin() ]} -f @{[ $s->dir ]}/conf/bluecode.conf geo-import --outline $bad 2>&1`;
	isnt($?, 0, "$what: refused as the outline too");
}
# Not a collection of named features: refused before the database.
for my $case (["$square", qr/not a GeoJSON FeatureCollection/],
    [qq|{"type":"FeatureCollection","features":[{"type":"Feature","geometry":$square}]}|, qr/feature 0 has no name/],
    [qq|{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"城厢街道"},"geometry":$square}]} trailing|, qr/not JSON/],
    ['{"type":"FeatureCollection","features":' . ('[' x 40) . (']' x 40) . '}', qr/not JSON/]) {
	open $fh, '>:encoding(UTF-8)', $bad or die;
	print $fh $case->[0];
	close $fh;
	$out = `@{[ BlueCode::Test::bin() ]} -f @{[ $s->dir ]}/conf/bluecode.conf geo-import $bad 2>&1`;
	isnt($?, 0, "refused: " . substr($case->[0], 0, 40));
	like($out, $case->[1], 'saying why');
}

open $fh, '>:encoding(UTF-8)', $bad or die;
print $fh '{"type":"FeatureCollection","features":['
    . qq|{"type":"Feature","properties":{"name":"城厢街道"},"geometry":$square},|
    . qq|{"type":"Feature","properties":{"name":"城厢街道"},"geometry":$square}]}|;
close $fh;
$out = `@{[ BlueCode::Test::bin() ]} -f @{[ $s->dir ]}/conf/bluecode.conf geo-import $bad 2>&1`;
utf8::decode($out);
isnt($?, 0, 'a street given twice is refused');
like($out, qr/features 0 and 1 are both 城厢街道/, 'naming both features');
is(($s->sql("SELECT ST_AsText(ST_Centroid(b.boundary)) FROM region_boundary b JOIN region r ON r.id = b.region_id WHERE r.name = '城厢街道'"))[0][0],
    $before, 'and nothing changed');

done_testing();
