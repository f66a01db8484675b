# Hazard reports (hazard/, admin/hazards.c): a resident reports what and
# where (a position, or an address), sees the open reports of the same
# category within 50 m and adds to one instead of filing it again, files
# one with photos (stored again as JPEGs without their EXIF), follows it
# by its tracking number; hostile uploads are refused with nothing
# stored; the office moderates (the public text, a photo hidden, the
# reporter told why), verifies, assigns it to a street, whose admin has
# it rectified, and closes it; another street's admin can do nothing
# with it; every change is in its history and the audit log; typed
# markup stays text everywhere.
use strict;
use warnings;
use utf8;
use Test::More;
use Compress::Zlib ();
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
sub enc { my $v = shift; utf8::encode($v); $v =~ s/([^A-Za-z0-9_.~-])/sprintf('%%%02X', ord $1)/ge; $v }
my $conf = $s->dir . '/conf/bluecode.conf';
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'hazard-pass-1';
	for (['cx', 'street 城厢街道'], ['bg', 'street 北干街道'], ['edu', 'department 区教育局']) {
		system(BlueCode::Test::bin() . " -f $conf admin-add $_->[0] $_->[1] >/dev/null") == 0 or die;
	}
}
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");

# Pictures: a real JPEG, the same with an EXIF position, a PNG.
my $jpeg = do { local $/; open my $fh, '<:raw', "$ENV{BLUECODE_SRC}/t/data/photo.jpg" or die; <$fh> };
sub with_segment { my ($j, $seg) = @_; return substr($j, 0, 2) . $seg . substr($j, 2) }
my $gps = 'GPS-30.1700N-120.2700E-secret';
my $tiff = "MM\0*\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1a\0\0\0\0" . $gps . "\0";
my $exif = "\xff\xe1" . pack('n', 2 + 6 + length $tiff) . "Exif\0\0" . $tiff;
my $jpeg_gps = with_segment($jpeg, $exif);
sub chunk { my ($type, $data) = @_; pack('N', length $data) . $type . $data . pack('N', Compress::Zlib::crc32($type . $data)) }
sub png {
	my ($w, $h, $rows) = @_;
	$rows //= join '', map { "\0" . ("\xff\x20\x20" x $w) } 1 .. $h;
	return "\x89PNG\r\n\x1a\n" . chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0))
	    . chunk('IDAT', Compress::Zlib::compress($rows)) . chunk('IEND', '');
}
my $png = png(40, 30);
# 20000 × 20000, its header honest and its CRCs right: 1.2 GB once decoded.
my $bomb = png(20000, 20000, "\0" x 1000);

ok(substr($jpeg_gps, 0, 2) eq "\xff\xd8" && index($jpeg_gps, $gps) > 0, 'the upload carries a position in its EXIF');

is($s->get('/hazards')->{status}, 200, 'the hazard page opens');
like($s->get('/')->{content}, qr{href="/hazards"}, 'the home page links to it');
my $page = $s->get('/hazards/new')->{content};
like($page, qr{<option value="ebike">电动自行车进楼入户}, 'step one offers the categories');

# Step one, refused: no category, outside the district, an address without its street.
is($s->get('/hazards/new?lng=120.2700&lat=30.1700')->{status}, 400, 'a place without a category: 400');
my $res = $s->get('/hazards/new?category=ebike&lng=110.8520&lat=26.4300');
is($res->{status}, 400, 'a position outside the district: 400');
like($res->{content}, qr{不在.*范围内}, 'says so');
$res = $s->get('/hazards/new?category=ebike&address=some%20road%201');
is($res->{status}, 400, 'an address naming no street or town, none chosen: 400');
like($res->{content}, qr{请选择隐患所在的镇街}, 'asks for the street');
$res = $s->get('/hazards/new?category=ebike&address=' . enc('萧山区城厢街道育才路12号'));
is($res->{status}, 200, 'an address naming its street is placed');
like($res->{content}, qr{<h1>电动自行车进楼入户.*城厢街道 · 萧山区城厢街道育才路12号}s, 'in it, step two');

# Step two by position; then the report.
$res = $s->get('/hazards/new?category=ebike&lng=120.2700&lat=30.1700');
is($res->{status}, 200, 'step two by position');
unlike($res->{content}, qr{米内已有人反映}, 'nothing near yet');
my $csrf = form_value($res->{content}, 'csrf');
my @place = (category => 'ebike', lng => '120.2700000', lat => '30.1700000');
is($s->post_multipart('/hazards', [ @place, description => 'x' ])->{status}, 403, 'without CSRF: 403');
is(one('SELECT COUNT(*) FROM hazard'), 0, 'nothing filed');
$res = $s->post_multipart('/hazards', [ csrf => $csrf, @place, description => '', photo => [ 'a.jpg', $jpeg ] ]);
is($res->{status}, 400, 'no description: 400');
like($res->{content}, qr{请描述看到的隐患}, 'says so');

# Hostile uploads: each refused with its reason, nothing stored.
my $cut = substr($jpeg, 0, length($jpeg) - 300);
my %hostile = (
	'a text file named .jpg' => [ [ 'photo.jpg', "not a photo at all\n" x 20 ], qr{第 1 个文件不是照片} ],
	'a cut-off JPEG' => [ [ 'cut.jpg', $cut ], qr{第 1 张照片文件不完整} ],
	'a JPEG with a zip behind it' => [ [ 'poly.jpg', $jpeg . "PK\x03\x04\x14\0\0\0\0\0" . ('z' x 100) ], qr{夹带了其他内容} ],
	'a JPEG with a script in a comment' => [ [ 'poly2.jpg', with_segment($jpeg, "\xff\xfe" . pack('n', 2 + 31) . '<script>alert("x")</script>    ') ], qr{夹带了其他内容} ],
	'a PNG that decodes to 20000 × 20000' => [ [ 'bomb.png', $bomb ], qr{尺寸太大} ],
);
for my $what (sort keys %hostile) {
	my ($file, $msg) = @{ $hostile{$what} };
	$res = $s->post_multipart('/hazards', [ csrf => $csrf, @place, description => '楼道里停满电动车', photo => [ 'ok.jpg', $jpeg ], photo => $file ]);
	is($res->{status}, 400, "$what: 400");
	like($res->{content}, qr{第 2 (?:个文件|张照片)}, "$what: names the second file");
	(my $m = "$msg") =~ s/第 1/第 2/;
	like($res->{content}, qr{$m}, "$what: says why");
	like($res->{content}, qr{楼道里停满电动车}, "$what: what was typed stays");
}
$res = $s->post_multipart('/hazards', [ csrf => $csrf, @place, description => 'x', map { (photo => [ "$_.jpg", $jpeg ]) } 1 .. 4 ]);
is($res->{status}, 400, 'four photos: 400');
like($res->{content}, qr{最多上传 3 张照片}, 'says so');
$res = $s->post_multipart('/hazards', [ csrf => $csrf, @place, description => 'x', photo => [ 'big.jpg', $jpeg . ("\0" x (33 * 1024 * 1024)) ] ]);
is($res->{status}, 413, 'a body over 32 MB: 413');
is(one('SELECT COUNT(*) FROM hazard') + one('SELECT COUNT(*) FROM hazard_photo') + one("SELECT COUNT(*) FROM notice WHERE kind = 'hazard'"), 0,
    'nothing of any of them is stored');

# The report, with markup typed in every text field.
my $xss = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
$res = $s->post_multipart('/hazards', [ csrf => $csrf, @place, address => "3 幢 1 单元$xss",
    description => "楼道里有 6 辆电动车在充电，电话 13812345678 $xss", name => "王<b>\"x", phone => '13900001111',
    photo => [ 'IMG_0001.JPG', $jpeg_gps ], photo => [ 'b.png', $png ] ]);
is($res->{status}, 303, 'the report is filed') or diag(($res->{content} =~ m{<p class="form-error"[^>]*>(.*?)</p>}s)[0]);
my ($ref) = ($res->{headers}{location} // '') =~ m{/hazards/r/([A-Z2-9]{8})$};
ok($ref, 'with a tracking number');
my $id = one("SELECT id FROM hazard WHERE ref = '$ref'");
is(one("SELECT region_id FROM hazard WHERE id = $id"), $cx, 'placed in 城厢街道 by its position');
is(one("SELECT CONCAT(ROUND(lng, 4), ',', ROUND(lat, 4)) FROM hazard WHERE id = $id"), '120.2700,30.1700', 'where the browser said');
is(one("SELECT COUNT(*) FROM hazard_photo WHERE hazard_id = $id"), 2, 'both photos kept');
is(one("SELECT SUM(LEFT(jpeg, 3) = 0xFFD8FF) FROM hazard_photo WHERE hazard_id = $id"), 2, 'both as JPEGs');
is(one("SELECT COUNT(*) FROM hazard_photo WHERE hazard_id = $id AND (LOCATE('$gps', jpeg) > 0 OR LOCATE('Exif', jpeg) > 0)"), 0,
    'neither carries the EXIF or the position');
is(one("SELECT CONCAT(width, 'x', height) FROM hazard_photo WHERE hazard_id = $id ORDER BY id LIMIT 1"), '320x240', 'its size kept');
$page = $s->get("/hazards/r/$ref")->{content};
like($page, qr{查询编号 <span class="join-code">$ref</span>}, 'the tracking page');
like($page, qr{待核实}, 'its status');
like($page, qr{办理进度.*已提交，待核实}s, 'its history');
like($page, qr{&lt;script&gt;alert\(1\)&lt;/script&gt;"&gt;&lt;img src=x onerror=alert\(2\)&gt;}, 'the markup typed is text');
unlike($page, qr{<script>alert|<img src=x}, 'never markup');
unlike($page, qr{13900001111}, 'the contact number is not shown');
my @photos = map { $_->[0] } $s->sql("SELECT id FROM hazard_photo WHERE hazard_id = $id ORDER BY id");
$res = $s->get("/hazards/r/$ref/photos/$photos[0]");
is($res->{status}, 200, 'the reporter sees their photo');
is($res->{headers}{'content-type'}, 'image/jpeg', 'as a JPEG');
is($res->{headers}{'x-content-type-options'}, 'nosniff', 'never sniffed');
is($s->get("/hazards/r/ZZZZZZZZ/photos/$photos[0]")->{status}, 404, 'not by another number');
is($s->get("/hazards/$id/photos/$photos[0]")->{status}, 404, 'not public before moderation');
$page = $s->get("/hazards/$id")->{content};
like($page, qr{内容审核中}, 'the public page waits for moderation');
unlike($page, qr{13812345678|育才|3 幢}, "nothing the reporter wrote is public yet");
unlike($page, qr{$ref}, 'nor the tracking number');

# A second resident 20 m away sees it, and adds to it instead.
$s->clear_cookies;
$res = $s->get('/hazards/new?category=ebike&lng=120.2702&lat=30.1701');
like($res->{content}, qr{附近 50 米内已有人反映同类隐患.*href="/hazards/$id">相距约 2\d 米}s, 'the near report, about 20 m away');
unlike($s->get('/hazards/new?category=fire-lane&lng=120.2702&lat=30.1701')->{content}, qr{href="/hazards/$id"}, 'not for another category');
unlike($s->get('/hazards/new?category=ebike&lng=120.2720&lat=30.1710')->{content}, qr{href="/hazards/$id"}, 'nor 200 m away');
like($s->get('/hazards/new?category=ebike&address=' . enc('城厢街道某小区'))->{content}, qr{这个镇街已有同类隐患正在处理.*href="/hazards/$id"}s,
    'by address: the same street');
$csrf = $s->csrf("/hazards/$id");
is($s->post_multipart("/hazards/$id/add", [ description => 'x' ])->{status}, 403, 'an addition without CSRF: 403');
$res = $s->post_multipart("/hazards/$id/add", [ csrf => $csrf ]);
is($res->{status}, 400, 'an empty addition: 400');
$res = $s->post_multipart("/hazards/$id/add", [ csrf => $csrf, description => 'ok', photo => [ 'x.jpg', $cut ] ]);
is($res->{status}, 400, 'an addition with a broken photo: 400');
is(one('SELECT COUNT(*) FROM hazard_addition'), 0, 'nothing added');
$res = $s->post_multipart("/hazards/$id/add", [ csrf => $csrf, description => "晚上还在充电$xss", photo => [ 'c.jpg', $jpeg ] ]);
is($res->{status}, 303, 'an addition is taken');
is(one("SELECT additions FROM hazard WHERE id = $id"), 1, 'the report counts one more');
is(one("SELECT COUNT(*) FROM hazard_photo WHERE hazard_id = $id AND addition_id IS NOT NULL"), 1, 'with its photo');
is(one('SELECT COUNT(*) FROM hazard'), 1, 'and no second report');

# The office: the list, the map, filters.
$s->admin_login;
$page = $s->get('/admin/hazards')->{content};
like($page, qr{href="/admin/hazards/$id">$ref</a> <span class="badge">待审核</span>}, 'the admin list, waiting for moderation');
like($page, qr{待区消安委办核实}, 'who acts next');
like($page, qr{<circle class="dot new" cx="[\d.]+" cy="[\d.]+"}, 'a dot on the map');
like($page, qr{<path class="area" d="M}, 'over the streets and towns');
unlike($s->get('/admin/hazards?category=gas')->{content}, qr{$ref}, 'filtered out by category');
like($s->get("/admin/hazards?status=new&region=$cx")->{content}, qr{$ref}, 'in by status and street');
is($s->get('/admin/hazards?status=bogus')->{status}, 200, 'a bad filter is no filter');
$page = $s->get("/admin/hazards/$id")->{content};
unlike($page, qr{13900001111}, "the reporter's number is masked at first");
like($page, qr{139\*\*\*\*1111}, 'as 139****1111');
$csrf = form_value($page, 'csrf');
$res = $s->post("/admin/hazards/$id/show", { csrf => $csrf, why => '' });
is($res->{status}, 400, 'shown only with a reason');
unlike($res->{content}, qr{13900001111}, 'not without one');
is(one('SELECT COUNT(*) FROM access_log'), 0, 'nothing logged');
$res = $s->post("/admin/hazards/$id/show", { csrf => $csrf, why => "电话核实隐患位置$xss" });
is($res->{status}, 200, 'with a reason');
like($res->{content}, qr{tel:13900001111}, 'the office sees whom to call');
is($res->{headers}{'cache-control'}, 'no-store', 'and the page is not kept');
is(one("SELECT CONCAT(subject, ' ', subject_ref, ' ', field) FROM access_log"), "hazard $ref phone", 'the access is logged: whose, which field');
like(one('SELECT reason FROM access_log'), qr{^电话核实隐患位置<script>}, 'with the reason as given');
$page = $s->get('/admin/access')->{content};
like($page, qr{隐患报告 $ref</td><td>手机号</td><td class="text">电话核实隐患位置&lt;script&gt;}, 'district admins browse the access log');
$res = $s->get('/admin/access.csv?subject=hazard');
like($res->{content}, qr{^\x{FEFF}?.*\r\n.*,admin,.*,隐患报告,$ref,手机号,}s, 'and export it');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'access-export'"), 1, 'the export is audited');
$page = $s->get("/admin/hazards/$id")->{content};
like($page, qr{电话 ＊＊＊ }, 'the public text offered has the number taken out');
like($page, qr{晚上还在充电&lt;script&gt;}, "the addition, escaped");
$csrf = form_value($page, 'csrf');
is($s->get("/admin/hazards/photos/$photos[0]")->{status}, 200, 'the office sees the photo');

# The office's pages in English (xslt/l10n/en/admin-hazards.xml,
# admin-hazard.xml). The names of categories and states have their own
# catalog (hazard-names.xml); here the words of these two pages, the
# data (what people typed, the streets) left as it is.
my $en = { 'Accept-Language' => 'en' };
my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
$page = $s->get('/admin/hazards', $en)->{content};
like($page, qr{<html lang="en">}, 'the hazard list in English');
like($page, qr{<title>Hazard reports · }, 'with its title');
like($page, qr{<button type="submit" class="button secondary">Filter</button>}, 'its filter button');
like($page, qr{<th scope="col">Number</th><th scope="col">Type</th><th scope="col">Street or town</th>}, 'its columns');
like($page, qr{\(1 report with a location\)}, 'the count under the map');
unlike($page, qr{返回管理首页|居民看到的页面|全部镇街|筛选|分布图|未变化天数|上一页}, 'none of its Chinese');
$page = $s->get("/admin/hazards/$id", $en)->{content};
like($page, qr{<html lang="en">}, 'a report in English');
like($page, qr{<title>Hazard report $ref · }, 'with its title');
like($page, qr{<h1>Hazard report <span class="join-code">$ref</span></h1>}, 'and heading');
like($page, qr{<button type="submit" class="button">Save and publish</button>}, 'the moderation button');
like($page, qr{<button type="submit" class="button secondary">Do not accept</button>}, 'a button of the moves');
my @dt = $page =~ m{<dt>(.*?)</dt>}g;
is(scalar(grep { /$cjk/ } @dt), 0, 'the facts are labelled in English') or diag "@dt";
my ($forms) = $page =~ m{(<section class="card" aria-labelledby="mod-h">.*?)<section class="card notices}s;
$forms //= '';
$forms =~ s{<textarea\b.*?</textarea>|<option\b.*?</option>|value="[^"]*"|value='[^']*'}{}gs;
unlike($forms, $cjk, 'the moderation and handling forms hold no Chinese');


# Moderation.
$res = $s->post("/admin/hazards/$id/moderate", { csrf => $csrf, text => '楼道里有电动车在充电' });
is($res->{status}, 400, 'a changed text without a reason: 400');
like($res->{content}, qr{请填写原因}, 'says so');
is(one("SELECT moderated_at IS NULL FROM hazard WHERE id = $id"), 1, 'not published');
is($s->post("/admin/hazards/$id/moderate", { csrf => $csrf, text => "楼道里有 6 辆电动车在充电$xss", address => '3 幢',
    why => '为保护个人信息，已隐去电话号码' })->{status}, 303, 'moderated with a reason');
is($s->post("/admin/hazards/photos/$photos[1]", { csrf => $csrf, hidden => 1 })->{status}, 400, 'hiding a photo needs a reason');
is($s->post("/admin/hazards/photos/$photos[1]", { csrf => $csrf, hidden => 1, why => '照片中能看到住户门牌' })->{status}, 303,
    'a photo hidden');
$s->clear_cookies;
$page = $s->get("/hazards/$id")->{content};
like($page, qr{楼道里有 6 辆电动车在充电&lt;script&gt;}, 'the public page shows the public text');
unlike($page, qr{13812345678}, 'without the number');
like($page, qr{src="/hazards/$id/photos/$photos[0]"}, 'the photo shown');
unlike($page, qr{photos/$photos[1]"}, 'not the hidden one');
is($s->get("/hazards/$id/photos/$photos[0]")->{status}, 200, 'the public photo');
is($s->get("/hazards/$id/photos/$photos[1]")->{status}, 404, 'the hidden photo is not served');
is($s->get("/hazards/r/$ref/photos/$photos[1]")->{status}, 404, 'not even to the reporter');
$page = $s->get("/hazards/r/$ref")->{content};
like($page, qr{已审核公开（部分内容未公开）</strong>.*为保护个人信息，已隐去电话号码}s, 'the reporter is told why the text changed');
like($page, qr{有一张照片没有公开：照片中能看到住户门牌}, 'and why a photo is not shown');
like($s->get('/hazards')->{content}, qr{href="/hazards/$id"}, 'listed on the public page');

# The way through: the office, then the street's admin.
$s->admin_login;
$csrf = $s->csrf("/admin/hazards/$id");
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'assigned', region => $cx })->{status}, 400,
    'not assigned before it is verified');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'verified' })->{status}, 303, 'verified');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'assigned', region => 999999 })->{status}, 400,
    'not to a street that is none');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'assigned', region => $cx })->{status}, 303, 'assigned to 城厢街道');

$s->clear_cookies;
$s->admin_login('bg', 'hazard-pass-1');
unlike($s->get('/admin/hazards')->{content}, qr{$ref}, "another street's admin does not see it");
is($s->get("/admin/hazards/$id")->{status}, 404, 'nor by its address');
is($s->get("/admin/hazards/photos/$photos[0]")->{status}, 404, 'nor its photos');
$csrf = $s->csrf('/admin');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'rectifying' })->{status}, 404, 'nor moves it');
ok($s->post("/admin/hazards/$id/moderate", { csrf => $csrf, text => 'x' })->{status} =~ /^40[34]$/, 'nor moderates it');
ok($s->post("/admin/hazards/photos/$photos[0]", { csrf => $csrf, hidden => 1, why => 'x' })->{status} == 403, 'nor hides its photos');
is(one("SELECT status FROM hazard WHERE id = $id"), 'assigned', 'still assigned');

$s->clear_cookies;
$s->admin_login('cx', 'hazard-pass-1');
$page = $s->get('/admin/hazards')->{content};
like($page, qr{href="/admin/hazards/$id">$ref</a>.*待城厢街道开始整改}s, 'the street admin sees it waiting for them');
$page = $s->get("/admin/hazards/$id")->{content};
unlike($page, qr{/moderate"}, 'with no moderation form');
$csrf = form_value($page, 'csrf');
is($s->post("/admin/hazards/photos/$photos[0]", { csrf => $csrf, hidden => 1, why => 'x' })->{status}, 403, 'a street admin does not moderate');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'rectifying', text => '已联系物业' })->{status}, 303, 'rectifying');
$res = $s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'rectified' });
is($res->{status}, 400, 'rectified needs what was done');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'rectified', text => "已清理楼道，加装集中充电桩$xss" })->{status}, 303,
    'rectified');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'closed' })->{status}, 403, 'a street admin does not close it');

$s->clear_cookies;
$s->admin_login;
$csrf = $s->csrf("/admin/hazards/$id");
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'closed', text => '经回访已整改到位' })->{status}, 303, 'closed');
is($s->post("/admin/hazards/$id/status", { csrf => $csrf, status => 'closed' })->{status}, 400, 'closing twice is no move');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE kind = 'hazard' AND object_id = $id"),
    'new,added,moderated,photo-hidden,verified,assigned,rectifying,rectified,closed', 'every change is in its history');
is(one("SELECT COUNT(*) FROM notice WHERE kind = 'hazard' AND object_id = $id AND status IN ('verified', 'closed') AND admin_id IS NOT NULL"), 2,
    'with who made it');
is(one("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'hazard-%'"), 7, 'each admin change is audited');
$s->clear_cookies;
$s->admin_login('cx', 'hazard-pass-1');
is($s->get('/admin/access')->{status}, 403, 'a street admin does not browse the access log');
is($s->get('/admin/access.csv')->{status}, 403, 'nor exports it');
$csrf = $s->csrf("/admin/hazards/$id");
like($s->post("/admin/hazards/$id/show", { csrf => $csrf, why => '回访' })->{content}, qr{tel:13900001111}, 'the street admin may see the number too, logged');
is(one("SELECT COUNT(*) FROM access_log l JOIN admin a ON a.id = l.admin_id WHERE a.login = 'cx'"), 1, 'as theirs');
$s->clear_cookies;
$s->admin_login;
$page = $s->get("/admin/hazards/$id")->{content};
like($page, qr{办理进度.*已交街道（镇）处理</strong><span class="note">（[^）]+）</span><p class="notice-message">城厢街道}s, 'the admin history names who');

$s->clear_cookies;
$page = $s->get("/hazards/r/$ref")->{content};
like($page, qr{已办结}, 'the reporter sees it closed');
like($page, qr{整改情况.*已清理楼道，加装集中充电桩&lt;script&gt;}s, 'with the resolution, escaped');
unlike($page, qr{（管理员|（系统管理员}, 'the public history names no admin');
like($s->get("/hazards/$id")->{content}, qr{已清理楼道}, 'the resolution is public');
unlike($s->get("/hazards/$id")->{content}, qr{id="add"}, 'a closed report takes no more additions');
$csrf = $s->csrf('/account');
$res = $s->post_multipart("/hazards/$id/add", [ csrf => $csrf, description => 'still there' ]);
is($res->{status}, 409, 'an addition to a closed report: 409');

# A duplicate, rejected; a signed-in reporter follows theirs.
$csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => '13912340000', password => 'fire-safety-1' })->{status}, 303, 'a resident registers');
$csrf = $s->csrf('/account');
$res = $s->post_multipart('/hazards', [ csrf => $csrf, category => 'fire-lane', address => '北干街道金城路 100 号', description => '消防车通道被私家车占用' ]);
is($res->{status}, 303, 'a report by address');
my ($ref2) = ($res->{headers}{location} // '') =~ m{/hazards/r/([A-Z2-9]{8})$};
my $id2 = one("SELECT id FROM hazard WHERE ref = '$ref2'");
is(one("SELECT r.name FROM hazard h JOIN region r ON r.id = h.region_id WHERE h.id = $id2"), '北干街道', 'placed by the street its address names');
like($s->get('/my')->{content}, qr{隐患曝光 <a href="/hazards/r/$ref2">$ref2</a>：<strong>已提交，待核实</strong>}, "on the reporter's page");
$s->admin_login;
$csrf = $s->csrf("/admin/hazards/$id2");
is($s->post("/admin/hazards/$id2/status", { csrf => $csrf, status => 'rejected', reason => 'duplicate', duplicate => $ref2 })->{status}, 400,
    'not a duplicate of itself');
is($s->post("/admin/hazards/$id2/status", { csrf => $csrf, status => 'rejected', reason => 'invalid' })->{status}, 400,
    'invalid needs a word to the reporter');
is($s->post("/admin/hazards/$id2/status", { csrf => $csrf, status => 'rejected', reason => 'duplicate', duplicate => $ref })->{status}, 303,
    'rejected as a duplicate');
$s->clear_cookies;
is($s->get("/hazards/$id2")->{status}, 404, 'a rejected report is not public');
like($s->get("/hazards/r/$ref2")->{content}, qr{不予受理：与已有的报告重复.*href="/hazards/$id"}s, 'its reporter is told, with the other one');

# Neither a department admin nor anyone signed out.
$s->admin_login('edu', 'hazard-pass-1');
is($s->get('/admin/hazards')->{status}, 403, 'a department admin: 403');
is($s->get("/admin/hazards/$id")->{status}, 403, 'on a report too');
$s->clear_cookies;
is($s->get('/admin/hazards')->{status}, 303, 'signed out: to the sign-in');
is($s->get('/hazards/r/<x>')->{status}, 404, 'a malformed number: 404');
is($s->get('/hazards/abc')->{status}, 404, 'a malformed id: 404');

# In English (xslt/l10n/en/hazard*.xml, notice.xml): the interface is
# English; what people wrote and the names of places stay as they are.
{
	my $en = { 'Accept-Language' => 'en' };
	my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
	my @places = map { $_->[0] } $s->sql('SELECT name FROM region UNION SELECT name FROM jurisdiction');
	my $ui = sub {
		my ($html) = @_;
		my ($main) = $html =~ m{<main>(.*)</main>}s;
		$main //= '';
		$main =~ s{<p class="(?:hazard-text|hazard-excerpt|notice-message)">.*?</p>}{}gs;
		$main =~ s{<p>[^<]*</p>}{}g;
		$main =~ s{<option value="\d+">[^<]*</option>}{}g;
		$main =~ s{\Q$_\E}{}g for @places, '某小区';
		return $main;
	};
	$page = $s->get('/hazards', $en)->{content};
	like($page, qr{<html lang="en">}, 'English: the hazard reports page says so');
	like($page, qr{<title>Hazard reports · Blue Code</title>}, 'its title');
	like($page, qr{<a class="button" href="/hazards/new">Report a hazard</a>}, 'its button');
	like($page, qr{call <strong>119</strong> at once\.}, 'and 119');
	unlike($ui->($page), $cjk, 'no Chinese left in its interface');
	$page = $s->get('/hazards/new', $en)->{content};
	like($page, qr{<title>Report a hazard · Blue Code</title>}, 'reporting: the title');
	like($page, qr{<option value="fire-lane">Fire lane occupied or blocked</option>}, 'the categories');
	like($page, qr{>Use my current location</button>}, 'locating');
	unlike($ui->($page), $cjk, 'no Chinese left');
	$page = $s->get('/hazards/new?category=ebike&address=' . enc('城厢街道某小区'), $en)->{content};
	like($page, qr{<h2>Describe the hazard</h2>}, 'step two');
	like($page, qr{<button type="submit" class="button">Send the report</button>}, 'its button');
	unlike($ui->($page), $cjk, 'no Chinese left');
	$page = $s->get("/hazards/r/$ref2", $en)->{content};
	like($page, qr{Tracking number <span class="join-code">$ref2</span>}, 'the tracking page');
	like($page, qr{Not accepted: Same as an earlier report \(<a href="/hazards/$id">see that report</a>\)},
	    'a rejected report, and the other one');
	like($page, qr{<h2 id="notices-h">Progress</h2>.*<strong>Not accepted</strong>}s, 'its history');
	unlike($ui->($page), $cjk, 'no Chinese left');
}
done_testing();
