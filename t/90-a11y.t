# Accessibility (WCAG 2.1 AA): every page a GET route of the source
# serves as HTML, as a visitor, a resident and a district admin, in the
# standard and the elder-friendly mode (长辈模式), in Chinese and in
# English, checked with axe-core
# in headless Chromium (t/browser/a11y.py): zero violations. The pages
# come from the route tables (fcgi/*/*.c): a route added without a page
# here, or a reason it is not one, fails this test. The data they show
# is made first (a passed quiz, a unit, a visit booking, a training
# request, a hazard report, an aid application, a bulletin).
use strict;
use warnings;
use utf8;
use Test::More;
use JSON::PP;
use BlueCode::Test qw(form_value);

my $src = BlueCode::Test::src();
my $axe = "$src/t/browser/node_modules/axe-core/axe.min.js";
plan skip_all => 'chromium, chromedriver or python3-selenium is not installed'
    unless -x '/usr/bin/chromium' && -x '/usr/bin/chromedriver'
    && system('/usr/bin/python3 -c "import selenium" 2>/dev/null') == 0;
plan skip_all => "axe-core is not installed (npm ci in t/browser)" unless -f $axe;

# GET routes that are no HTML page of their own.
my %not_page = map { $_ => 1 } qw(
    /account/data.csv /account/data.json /admin/access.csv
    /admin/aid/documents/:id /admin/banks/:version/export
    /admin/bulletins/:id/bulletin.csv /admin/hazards/photos/:id
    /admin/stats/targets.csv /dev/quiz/:token/:k/page
    /dev/quiz/:token/:k/query /dev/sleep/:ms /hazards/:id/photos/:photo
    /hazards/r/:ref/photos/:id /status /unit/members.csv /unit/poster.png
    /v/:token/:file /v/key /quiz/:role/start /practice/q /mode/:mode /lang/:lang);

# Run a driver of t/browser; its TAP lines become tests here, its
# comments diagnostics. Returns how many it reported, and its output.
sub browser {
	my ($args) = @_;
	my $tap = `timeout -k 5 300 /usr/bin/python3 -B $src/t/browser/$args 2>&1`;
	utf8::decode($tap);
	my $n = 0;
	for my $l (split /\n/, $tap) {
		if (my ($bad, $name) = $l =~ /^(not )?ok \d+ - (.*)$/) {
			$n++;
			ok(!$bad, $name);
		} elsif ($l =~ /^# (.*)/) {
			diag $1;
		}
	}
	return ($n, $tap);
}

my $s = BlueCode::Test->start(workers => 2, dev => 1);
$s->small_bank(3);
$s->sql('DELETE FROM region_boundary');	# the test's streets, as t/90-browser.t
system(BlueCode::Test::bin() . ' -f ' . $s->dir . "/conf/bluecode.conf geo-import $src/t/data/regions-test.geojson >/dev/null") == 0 or die;
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
my $jpeg = do { open my $fh, '<:raw', "$src/t/data/aid-scan.jpg" or die; local $/; <$fh> };
my %path;	# route pattern => the page checked for it
my %jar;	# who => cookies

# A resident with an account, a code, a unit; their tracking pages.
my $csrf = $s->csrf('/account');
$s->post('/account/register', { csrf => $csrf, phone => '13700000001', password => 'a11y-pass-1', name => '周敏' });
my $code = $s->pass_quiz('citizen', '城厢街道') or die 'no code';
my ($vtoken) = $s->get("/my/$code")->{content} =~ m{/v/([\w-]{100,})"};
my ($ready) = $s->quiz_ready('citizen', '城厢街道', 1);
my ($res, $result) = $s->quiz_submit($ready);
my ($token) = one("SELECT token FROM attempt ORDER BY id DESC LIMIT 1");
$s->quiz_ready('citizen', '城厢街道');	# an attempt left open
my ($open) = one("SELECT token FROM attempt ORDER BY id DESC LIMIT 1");
$s->post('/unit', { csrf => scalar($s->csrf('/unit')), name => '无障碍测试单位', region => $cx,
    department => one('SELECT MIN(id) FROM department'), headcount => 10 });
my $unit = one('SELECT MAX(id) FROM unit');
$res = $s->post('/training', { csrf => scalar($s->csrf('/training')), name => '王老师', phone => '13800000001',
    organisation => '城厢一小', region => $cx, address => '育才路 1 号', headcount => 40, topic => 'basics',
    day1 => one('SELECT CURDATE() + INTERVAL seq DAY FROM seq_7_to_21 WHERE WEEKDAY(CURDATE() + INTERVAL seq DAY) < 5'
    . ' AND CURDATE() + INTERVAL seq DAY NOT IN (SELECT day FROM workday) LIMIT 1'), part1 => 'am' });
my ($training) = ($res->{headers}{location} // '') =~ m{/training/r/([A-Z0-9]{8})$};
$res = $s->get('/hazards/new?category=ebike&lng=120.2700&lat=30.1700');
$res = $s->post_multipart('/hazards', [ csrf => form_value($res->{content}, 'csrf'), category => 'ebike',
    lng => '120.2700000', lat => '30.1700000', description => '楼道里有电动车在充电',
    photo => [ 'a.jpg', $jpeg ] ]);
my ($hazard) = ($res->{headers}{location} // '') =~ m{/hazards/r/([A-Z0-9]{8})$};
$jar{person} = { %{ $s->{jar} } };

# The office: a station and a slot, a bulletin, a reset link.
$s->clear_cookies;
$s->admin_login;
$csrf = $s->csrf('/admin/visits');
$s->post('/admin/visits/stations', { csrf => $csrf, name => '城厢消防站', address => '育才路 1 号' });
$s->post('/admin/visits/slots', { csrf => $csrf, station => one('SELECT MAX(id) FROM station'),
    day => one('SELECT CURDATE() + INTERVAL 3 DAY'), time => '09:30', minutes => 90, capacity => 10 });
my $slot = one('SELECT MAX(id) FROM visit_slot');
$s->post('/admin/bulletins', { csrf => scalar($s->csrf('/admin/bulletins')), kind => 'weekly',
    day => one('SELECT CURDATE() - INTERVAL 7 DAY') });
$res = $s->post('/admin/people/' . one('SELECT MAX(id) FROM person') . '/reset',
    { csrf => scalar($s->csrf('/admin/people')) });
my ($reset) = $res->{content} =~ m{/account/reset/([\w-]{43})};
$jar{admin} = { %{ $s->{jar} } };

# A visitor books the visit and asks for aid.
$s->clear_cookies;
$res = $s->post("/visits/slots/$slot", { csrf => scalar($s->csrf("/visits/slots/$slot")), name => '王老师',
    phone => '13800000001', people => 5 });
my ($visit) = ($res->{headers}{location} // '') =~ m{/visits/b/([A-Z0-9]{8})$};
$res = $s->post_multipart('/aid', [ csrf => scalar($s->csrf('/aid')), name => '张大山', phone => '13800000001',
    idno => BlueCode::Test::idno('33010919800101001'), relation => 'self', date => one('SELECT CURDATE() - INTERVAL 10 DAY'),
    region => $cx, place => '育才路 8 号', story => '厨房油锅起火。', hospital => '萧山区第一人民医院',
    costs => '12345.60', reimbursed => '0', bank => '中国工商银行萧山支行', holder => '张大山',
    account => '6222021234567890123', doc => [ 'id.jpg', $jpeg ] ]);
my ($aid) = ($res->{headers}{location} // '') =~ m{/aid/r/([A-Z0-9]{8})$};
$jar{visitor} = {};
ok($code && $vtoken && $token && $unit && $training && $hazard && $slot && $reset && $visit && $aid,
    'the data the pages show is made') or diag explain [ $code, $token, $unit, $training, $hazard, $slot, $reset, $visit, $aid ];

my $course = one("SELECT ref FROM course ORDER BY sort, id LIMIT 1");
my $lesson = one("SELECT l.ref FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.ref = '$course' ORDER BY l.sort LIMIT 1");
my %param = (
    '/account/reset/:token' => "/account/reset/$reset",
    '/admin/aid/:id' => '/admin/aid/' . one('SELECT MAX(id) FROM aid_application'),
    '/admin/bulletins/:id' => '/admin/bulletins/' . one('SELECT MAX(id) FROM bulletin'),
    '/admin/courses/:id' => '/admin/courses/' . one('SELECT MIN(id) FROM course'),
    '/admin/courses/:id/lessons/new' => '/admin/courses/' . one('SELECT MIN(id) FROM course') . '/lessons/new',
    '/admin/hazards/:id' => '/admin/hazards/' . one('SELECT MAX(id) FROM hazard'),
    '/admin/lessons/:id' => '/admin/lessons/' . one('SELECT MIN(id) FROM lesson'),
    '/admin/questions/:id' => '/admin/questions/' . one('SELECT MIN(id) FROM question'),
    '/admin/stats/questions/:id' => '/admin/stats/questions/' . one('SELECT MIN(id) FROM question'),
    '/admin/stats/units/:id' => "/admin/stats/units/$unit",
    '/admin/training/:id' => '/admin/training/' . one('SELECT MAX(id) FROM training_booking'),
    '/admin/visits/slots/:id' => "/admin/visits/slots/$slot",
    '/aid/r/:ref' => "/aid/r/$aid",
    '/hazards/:id' => '/hazards/' . one('SELECT MAX(id) FROM hazard'),
    '/hazards/r/:ref' => "/hazards/r/$hazard",
    '/join/:code' => '/join/' . one("SELECT join_code FROM unit WHERE id = $unit"),
    '/learn/:course' => "/learn/$course",
    '/learn/:course/:lesson' => "/learn/$course/$lesson",
    '/my/:id' => "/my/$code",
    '/quiz/:role' => '/quiz/citizen',
    '/quiz/a/:token/:k' => "/quiz/a/$open/2",
    '/quiz/a/:token/result' => "/quiz/a/$token/result",
    '/training/r/:ref' => "/training/r/$training",
    '/v/:token' => "/v/$vtoken",
    '/visits/b/:ref' => "/visits/b/$visit",
    '/visits/slots/:id' => "/visits/slots/$slot",
);

# 长辈模式 by HTTP: one link sets the cookie and goes back to the page;
# every page (the home page kept per worker too) then says so.
$s->clear_cookies;
like($s->get('/')->{content}, qr{<body class="page-home"><header class="bar">.*<a class="mode-switch" href="/mode/elder">长辈模式</a>}s,
    'the standard home page offers the elder mode');
$res = $s->get('/mode/elder', { Referer => $s->url('/quiz?x=1') });
is($res->{status}, 303, 'the switch answers with a redirect');
like($res->{headers}{'set-cookie'} // '', qr{^bc_mode=elder; Path=/; HttpOnly; SameSite=Lax; Max-Age=34560000}, 'it sets the cookie for 400 days');
is($res->{headers}{location}, $s->url('/quiz?x=1'), 'and goes back to the page it was tapped on');
is($s->cookie('bc_mode'), 'elder', 'the browser keeps it');
for my $p ('/', '/', '/quiz', '/privacy', '/nothing-here') {
	like($s->get($p)->{content}, qr{<body class="page-[\w-]+ mode-elder">.*<a class="mode-switch" href="/mode/standard">标准模式</a>}s,
	    "$p: in the elder mode, with the way back");
}
is($s->get('/mode/elder', { Referer => 'http://example.com/x' })->{headers}{location}, $s->url('/'),
    "another site's page is never the way back");
is($s->get('/mode/elder', { Referer => $s->url('/mode/standard') })->{headers}{location}, $s->url('/'), 'nor the switch itself');
is($s->get('/mode/elder')->{headers}{location}, $s->url('/'), 'without a Referer: the home page');
is($s->get('/mode/large')->{status}, 404, 'an unknown mode: 404');
$res = $s->get('/mode/standard');
like($res->{headers}{'set-cookie'} // '', qr{^bc_mode=; .*Max-Age=0}, 'the standard mode clears the cookie');
$s->clear_cookies;
unlike($s->get('/')->{content}, qr{mode-elder}, 'and the pages are standard again');
$s->set_cookie(bc_mode => 'elder');
like($s->get('/')->{content}, qr{mode-elder}, 'the kept home page is not served to the elder mode');
$s->set_cookie(bc_mode => '<x>');
unlike($s->get('/')->{content}, qr{mode-elder|&lt;x}, 'a cookie of anything else is the standard mode');
$s->clear_cookies;

# Every GET route of the source: a page checked, or a reason it is none.
my @routes;
for my $f (glob("$src/fcgi/*/*.c")) {
	open my $fh, '<', $f or die "$f: $!";
	local $/;
	my $c = <$fh>;
	push @routes, $c =~ /\{\s*METHOD_GET[^,]*,\s*"([^"]+)"/g;
}
my @missing;
for my $r (sort @routes) {
	next if $not_page{$r};
	my $p = $r =~ /:/ ? $param{$r} : $r;
	push @missing, $r and next unless defined $p;
	$path{$r} = $p;
}
is_deeply(\@missing, [], 'every GET route has a page to check or is known to be none') or diag explain \@missing;
ok(@routes > 60, scalar(@routes) . ' GET routes found in the source');
my @admin = sort grep { m{^/admin} } values %path;
my @public = sort grep { !m{^/admin} } values %path;
my @groups = (
    { who => 'visitor', cookies => {}, pages => [ grep { !m{^/(?:my/|quiz/a/|unit|points|account/data)} } @public,
      '/nothing-here', '/my/999999', '/v/not-a-code' ] },
    { who => 'resident', cookies => $jar{person}, pages => \@public },
    { who => 'resident, 长辈模式', cookies => { %{ $jar{person} }, bc_mode => 'elder' }, pages => \@public },
    { who => 'district admin', cookies => $jar{admin}, pages => [ '/admin/login', @admin ] },
    # The English interface (core/l10n.c): the same pages, lang="en".
    { who => 'resident, English', cookies => { %{ $jar{person} }, bc_lang => 'en' }, pages => \@public },
    { who => 'district admin, English', cookies => { %{ $jar{admin} }, bc_lang => 'en' }, pages => \@admin },
);
my $pages = $s->dir . '/a11y-pages.json';
open my $out, '>', $pages or die;
print $out JSON::PP->new->utf8->encode(\@groups);
close $out;
my ($n, $tap) = browser("a11y.py @{[ $s->url('') ]} $pages");
my $want = 0;
$want += @{ $_->{pages} } for @groups;
is($n, $want, "every page was checked ($want)") or diag $tap;

# The keyboard, paper, the weight of a page, no JavaScript, no position
# (t/browser/access.py).
my $artifacts = $ENV{BLUECODE_ARTIFACTS} // "$src/t/artifacts";
system('mkdir', '-p', $artifacts);
my $text = one("SELECT CONCAT(c.ref, '/', l.ref) FROM lesson l JOIN course c ON c.id = l.course_id"
    . " WHERE l.kind = 'text' ORDER BY c.sort, l.sort LIMIT 1");
$s->sql("UPDATE lesson SET seconds = 2 WHERE kind = 'text'");
my %json = (
    answers => { '发现火灾后应拨打哪个电话报警' => [ '119' ],
	'火场逃生时，下列做法正确的有' => [ '用湿毛巾捂住口鼻', '弯腰低姿沿疏散指示方向撤离' ],
	'电器着火时，应先切断电源再灭火' => [ '正确' ] },
    prints => [
	{ name => 'visit booking', path => "/visits/b/$visit", cookies => {}, must => [ $visit, '城厢消防站' ] },
	{ name => 'training booking', path => "/training/r/$training", cookies => {}, must => [ $training, '城厢一小' ] },
	{ name => 'aid receipt', path => "/aid/r/$aid", cookies => {}, phone => '13800000001', must => [ $aid, '萧山区第一人民医院' ] },
	{ name => 'bulletin', path => '/admin/bulletins/' . one('SELECT MAX(id) FROM bulletin'), cookies => $jar{admin},
	  must => [ '通报', '城厢街道' ] } ],
    lesson => { path => "/learn/$text", cookies => $jar{person}, seconds => 2 });
for my $k (keys %json) {
	open my $fh, '>', $s->dir . "/$k.json" or die;
	print $fh JSON::PP->new->utf8->encode($json{$k});
	close $fh;
}
($n, $tap) = browser("access.py @{[ $s->url('') ]} $artifacts "
    . join(' ', map { $s->dir . "/$_.json" } qw(answers prints lesson)));
ok($n >= 20, "the access run reported its steps ($n)") or diag $tap;
done_testing();
