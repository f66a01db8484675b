# A real browser (headless Chromium from Debian, driven by Selenium) with
# an emulated position inside Xiaoshan takes the quiz by clicking, passes
# and opens the badge; a resident watches a video lesson to its end and
# sees the points. Screenshots are kept in t/artifacts/.
use strict;
use warnings;
use utf8;
use Test::More;
use JSON::PP;
use BlueCode::Test;

plan skip_all => 'chromium, chromedriver or python3-selenium is not installed'
    unless -x '/usr/bin/chromium' && -x '/usr/bin/chromedriver'
    && system('/usr/bin/python3 -c "import selenium" 2>/dev/null') == 0;

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);
$s->sql('DELETE FROM region_boundary');
system(BlueCode::Test::bin() . ' -f ' . $s->dir . '/conf/bluecode.conf geo-import '
    . BlueCode::Test::src() . '/t/data/regions-test.geojson >/dev/null') == 0 or die;

my $artifacts = $ENV{BLUECODE_ARTIFACTS} // BlueCode::Test::src() . '/t/artifacts';
system("mkdir", "-p", $artifacts);
my $answers = $s->dir . '/answers.json';
open my $fh, '>', $answers or die;
print $fh JSON::PP->new->utf8->encode({
    '发现火灾后应拨打哪个电话报警' => [ '119' ],
    '火场逃生时，下列做法正确的有' => [ '用湿毛巾捂住口鼻', '弯腰低姿沿疏散指示方向撤离' ],
    '电器着火时，应先切断电源再灭火' => [ '正确' ] });
close $fh;

my $out = `/usr/bin/python3 @{[ BlueCode::Test::src() ]}/t/browser/quiz.py @{[ $s->url('') ]} $artifacts $answers 2>&1`;
utf8::decode($out);
my @lines = grep { /^(?:not )?ok \d+/ } split /\n/, $out;
ok(scalar @lines >= 8, 'the browser run reported its steps') or diag $out;
for my $l (@lines) {
	my ($good, $name) = $l =~ /^(not )?ok \d+ - (.*)$/;
	ok(!$good, "browser: $name");
}
ok(-s "$artifacts/browser-4-code.png", 'the screenshot of the code page is saved');

# A video lesson watched to its end (the sample video of contrib/media).
SKIP: {
	skip 'the sample video is not made (ffmpeg)', 1
	    unless -s BlueCode::Test::src() . '/static/media/sample-extinguisher.webm';
	$out = `/usr/bin/python3 @{[ BlueCode::Test::src() ]}/t/browser/lesson.py @{[ $s->url('') ]} $artifacts 2>&1`;
	utf8::decode($out);
	@lines = grep { /^(?:not )?ok \d+/ } split /\n/, $out;
	ok(scalar @lines >= 5, 'the lesson run reported its steps') or diag $out;
	for my $l (@lines) {
		my ($good, $name) = $l =~ /^(not )?ok \d+ - (.*)$/;
		ok(!$good, "browser: $name");
	}
}
done_testing();
