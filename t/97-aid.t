# Burn-injury aid applications (aid/, admin/aid.c): a resident applies
# with document images and follows the application by its tracking
# number and mobile number; the office reviews it (start, more
# information, approve, reject) and the applicant adds documents when
# asked; every step a notice, every admin step audited; the status
# machine holds; a wrong number shows nothing and is throttled; a street
# admin sees only their street's applications, masked, without images;
# other admins none; no POST without CSRF; typed markup stays text; and
# hostile uploads are all refused with nothing stored at all.
use strict;
use warnings;
use utf8;
use Test::More;
use Compress::Zlib qw(compress crc32);
use BlueCode::Test qw(form_value idno);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';
{
	local $ENV{BLUECODE_ADMIN_PASSWORD} = 'aid-pass-1';
	for ([ 'street-cx', 'street 城厢街道' ], [ 'street-bg', 'street 北干街道' ], [ 'dept-aid', 'department 区教育局' ]) {
		system(BlueCode::Test::bin() . " -f $conf admin-add $_->[0] $_->[1] >/dev/null") == 0 or die;
	}
}
my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
my $bg = one("SELECT id FROM region WHERE name = '北干街道'");

# Test images, made here: a JPEG from t/data, PNGs written by hand.
my $jpeg = do { open my $fh, '<:raw', BlueCode::Test::src() . '/t/data/aid-scan.jpg' or die; local $/; <$fh> };
sub chunk { my ($t, $d) = @_; pack('N', length $d) . $t . $d . pack('N', crc32($t . $d)) }
sub png {
	my ($w, $h, $rows) = @_;
	$rows //= join '', map { "\0" . ("\x20\x40\xc0" x $w) } 1 .. $h;
	return "\x89PNG\r\n\x1a\n" . chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0))
	    . chunk('IDAT', compress($rows)) . chunk('IEND', '');
}
# A segment put in after the JPEG's SOI.
sub with_segment { my ($marker, $body) = @_; "\xff\xd8\xff" . chr($marker) . pack('n', 2 + length $body) . $body . substr($jpeg, 2) }
my $exif = with_segment(0xe1, "Exif\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0GPS-MARKER-30.1799N-120.2641E\0");
my $good_png = png(40, 30);

my $id_a = idno('33010919800101001');
my $id_p = idno('33010920100505002');
my $day = one('SELECT CURDATE() - INTERVAL 10 DAY');
my %form = (name => '张大山', phone => '13800000001', idno => $id_a, relation => 'parent', patient => '张小川',
    patient_idno => $id_p, date => $day, region => $cx, place => '城厢街道育才路 8 号 3 楼', story => "厨房油锅起火。\n孩子手臂烫伤。",
    hospital => '萧山区第一人民医院', costs => '12345.60', reimbursed => '2345.60', bank => '中国工商银行萧山支行',
    holder => '张大山', account => '6222021234567890123');
my $csrf;
sub submit {
	my ($over, @docs) = @_;
	my %f = (%form, %{ $over // {} });
	return $s->post_multipart('/aid', [ (defined $csrf ? (csrf => $csrf) : ()),
	    (map { ($_ => $f{$_}) } grep { defined $f{$_} } sort keys %f), map { (doc => $_) } @docs ]);
}
my @tables = qw(aid_application aid_document aid_guess notice audit_log);
sub counts { join ' ', map { one("SELECT COUNT(*) FROM $_") } @tables }

# The public page, and the home page's link to it.
my $page = $s->get('/aid');
is($page->{status}, 200, 'the aid page opens');
like($page->{content}, qr{谁可以申请.*需要准备的材料.*enctype="multipart/form-data"}s, 'who, what to prepare, the form');
like($page->{content}, qr{<option value="$cx">城厢街道</option>}, 'with the streets and towns');
like($s->get('/')->{content}, qr{href="/aid"}, 'the home page links to it');
$csrf = form_value($page->{content}, 'csrf');

# The form's checks.
my $before = counts();
for my $case ([ { idno => substr($id_a, 0, 17) . ($id_a =~ /0$/ ? '1' : '0') }, '身份证号不正确', 'a wrong check digit' ],
    [ { idno => '3301091980130100' . 'XX' }, '身份证号不正确', 'an ID that is no number' ],
    [ { relation => 'friend' }, '关系', 'a relation that is none' ],
    [ { patient_idno => $id_a }, '患者身份证号', "the patient's ID the applicant's" ],
    [ { date => one('SELECT CURDATE() + INTERVAL 1 DAY') }, '不能晚于今天', 'a fire tomorrow' ],
    [ { date => one('SELECT CURDATE() - INTERVAL 3 YEAR') }, '两年内', 'a fire three years ago' ],
    [ { date => '2025-02-30' }, '存在的日期', 'a day that is none' ],
    [ { region => 999999 }, '镇街', 'a street that is none' ],
    [ { costs => '0' }, '医疗费用', 'no costs' ],
    [ { costs => '12.345' }, '医疗费用', 'three decimals' ],
    [ { costs => '99999999' }, '医疗费用', 'costs past the bound' ],
    [ { reimbursed => '20000' }, '已报销', 'more reimbursed than spent' ],
    [ { holder => '王五' }, '收款人', 'an account of someone else' ],
    [ { account => '6222-0212-3456' }, '银行账号', 'an account with dashes' ],
    [ { account => '12345' }, '银行账号', 'an account too short' ],
    [ { phone => '12345' }, '手机号', 'a bad mobile number' ]) {
	my $res = submit($case->[0], [ "a.jpg", $jpeg ]);
	is($res->{status}, 400, "$case->[2]: 400");
	like($res->{content}, qr{class="form-error"[^>]*>[^<]*\Q$case->[1]\E}, "$case->[2]: says why");
}
my $res = submit({}, ());
is($res->{status}, 400, 'no document: 400');
like($res->{content}, qr{请至少上传 1 张材料图片}, 'says so');
like($res->{content}, qr{value="张大山"}, 'what was typed stays');
is(counts(), $before, 'none of them stored anything');

# Hostile uploads: each refused, naming the file and why; nothing stored.
for my $case ([ [ 'scan.jpg', "This is a text file, not a scan.\n" ], '第 2 个文件“scan.jpg”：不是图片', 'text named .jpg' ],
    [ [ 'cut.jpg', substr($jpeg, 0, int(length($jpeg) / 2)) ], '“cut.jpg”：图片不完整或已损坏', 'a truncated JPEG' ],
    [ [ 'zip.jpg', $jpeg . "PK\x03\x04\x14\0\0\0\0\0" . ('z' x 200) . "PK\x05\x06" . ("\0" x 18) ], '“zip.jpg”：图片中夹带了其他文件',
      'a JPEG with a zip behind it' ],
    [ [ 'script.jpg', with_segment(0xfe, '<script>alert(1)</script>') ], '“script.jpg”：图片中夹带了其他文件或网页代码',
      'a JPEG with a script in a comment' ],
    [ [ 'bomb.png', png(20000, 20000, "\0" x 60001) ], '“bomb.png”：图片的像素太多', 'a PNG that says 20000 by 20000' ],
    [ [ '<i>x.jpg', 'GIF89a' ], '“&lt;i&gt;x.jpg”：不是图片', "a file's name is text" ]) {
	$res = submit({}, [ 'id.jpg', $jpeg ], $case->[0]);
	is($res->{status}, 400, "$case->[2]: 400");
	like($res->{content}, qr{\Q$case->[1]\E}, "$case->[2]: names the file and why");
	is(counts(), $before, "$case->[2]: nothing stored");
}
$res = submit({}, map { [ "p$_.jpg", $jpeg ] } 1 .. 7);
is($res->{status}, 400, 'seven documents: 400');
like($res->{content}, qr{最多上传 6 张}, 'says so');
$res = $s->post_multipart('/aid', [ csrf => $csrf, %form, doc => [ 'big.jpg', 'x' x (33 * 1024 * 1024) ] ]);
is($res->{status}, 413, 'a body over 32 MB: 413 from nginx');
is(counts(), $before, 'nothing stored of any of them');

# Without CSRF, nothing is taken.
{
	my $keep = $csrf;
	undef $csrf;
	is(submit({}, [ 'a.jpg', $jpeg ])->{status}, 403, 'the form without CSRF: 403');
	$csrf = $keep;
}
is(counts(), $before, 'and nothing stored');

# A good application: a parent for a child, two documents.
$res = submit({}, [ 'id.jpg', $exif ], [ 'invoice.png', $good_png ]);
is($res->{status}, 303, 'an application with two documents is taken');
my ($ref) = ($res->{headers}{location} // '') =~ m{/aid/r/([A-Z0-9]{8})$};
ok($ref, 'with a tracking number');
my $a = one("SELECT id FROM aid_application WHERE ref = '$ref'");
is(one("SELECT COUNT(*) FROM aid_document WHERE application_id = $a"), 2, 'both documents stored');
is(one("SELECT CONCAT(status, ' ', costs, ' ', reimbursed, ' ', region_id) FROM aid_application WHERE id = $a"),
    "submitted 1234560 234560 $cx", 'its status, amounts in fen, street');
is(one("SELECT COUNT(*) FROM aid_document WHERE application_id = $a AND HEX(LEFT(jpeg, 3)) <> 'FFD8FF' AND ASCII(jpeg) BETWEEN 1 AND 254"), 2,
    'both sealed at rest: no JPEG in clear');
is(one("SELECT COUNT(*) FROM aid_application WHERE id = $a AND COALESCE(applicant_phone, applicant_idno, patient_idno, bank_name, "
    . "account_holder, account_number) IS NULL"), 1, 'no number, no bank detail in clear');
is(one("SELECT COUNT(*) FROM aid_application WHERE id = $a AND applicant_phone_enc IS NOT NULL AND applicant_idno_enc IS NOT NULL "
    . "AND patient_idno_enc IS NOT NULL AND account_number_enc IS NOT NULL AND applicant_phone_hash IS NOT NULL"), 1, 'but sealed');
is(one("SELECT COUNT(*) FROM aid_document WHERE LOCATE('GPS-MARKER', jpeg) > 0 OR LOCATE('Exif', jpeg) > 0"), 0,
    'none keeps the EXIF or the position of the upload');
is(one("SELECT GROUP_CONCAT(status) FROM notice WHERE kind = 'aid' AND object_id = $a"), 'submitted', 'submitting is a notice');

# Tracking: the number asked for; a wrong one shows nothing.
$page = $s->get("/aid/r/$ref");
is($page->{status}, 200, 'the tracking page asks');
like($page->{content}, qr{请输入申请时填写的手机号}, 'for the mobile number');
like($page->{content}, qr{救助申请已提交}, 'after the flash of the submission');
unlike($page->{content}, qr{张|医院|6222}, 'and shows nothing else');
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000009' });
is($res->{status}, 403, 'a wrong number: 403');
unlike($res->{content}, qr{张|医院|6222|已提交|\d{4}\*}, 'nothing of the application shown');
is($s->post("/aid/r/ZZZZZZZZ", { csrf => $csrf, phone => '13800000001' })->{status}, 403, 'an unknown number: the same 403');
is($s->get('/aid/r/<x>')->{status}, 404, 'a malformed one: 404');
is($s->post("/aid/r/$ref", { phone => '13800000001' })->{status}, 403, 'tracking without CSRF: 403');
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000001' });
is($res->{status}, 200, 'the right number shows it');
like($res->{content}, qr{<strong class="profile-state">已提交</strong>}, 'its status');
like($res->{content}, qr{张\*\*（父母）.*138\*\*\*\*0001.*330\*{11}\Q@{[substr($id_a, -4)]}\E}s, "the applicant's data masked");
like($res->{content}, qr{张\*\*，身份证 <span class="nowrap">330\*{11}}, "the patient's too");
like($res->{content}, qr{6222\*{11}0123}, 'and the account');
unlike($res->{content}, qr{张大山|张小川|\Q$id_a\E|\Q$id_p\E|6222021234567890123|13800000001}, 'nothing in full');
like($res->{content}, qr{12,345\.60 元，已报销 2,345\.60 元}, 'the amounts in yuan');
like($res->{content}, qr{办理进度.*已提交}s, 'its history');

# The office's list and the application.
$s->admin_login;
my $acsrf = $s->csrf('/admin');
like($s->get('/admin')->{content}, qr{href="/admin/aid"}, 'the admin home links to the applications');
$page = $s->get('/admin/aid')->{content};
like($page, qr{<a href="/admin/aid/$a">$ref</a></td><td>已提交</td><td class="aid-next">待审核</td><td class="n">0 天</td><td>城厢街道</td><td>张\*\*</td><td class="nowrap">138\*\*\*\*0001</td>},
    'the list: status, whom it waits for, days, street, masked applicant');
unlike($page, qr{张大山|13800000001}, 'masked in the list');
my $audits = one("SELECT COUNT(*) FROM audit_log WHERE action = 'aid-view'");
$page = $s->get("/admin/aid/$a")->{content};
like($page, qr{张\*\*（父母）.*138\*\*\*\*0001.*330\*{11}.*6222\*{11}0123}s, 'the office sees the application masked at first');
unlike($page, qr{张大山|张小川|13800000001|\Q$id_a\E|\Q$id_p\E|6222021234567890123}, 'nothing in full');
like($page, qr{厨房油锅起火}, 'with its story');
like($page, qr{action="/admin/aid/$a/show"}, 'and a form to see it in full');
is(one("SELECT COUNT(*) FROM audit_log WHERE action = 'aid-view'"), $audits + 1, 'that view of the application is audited');
is($s->post("/admin/aid/$a/show", { why => '核对身份' })->{status}, 403, 'showing without CSRF: 403');
$res = $s->post("/admin/aid/$a/show", { csrf => $acsrf, why => ' ' });
is($res->{status}, 400, 'shown only with a reason');
like($res->{content}, qr{请填写查看完整个人信息的理由}, 'which it asks for');
unlike($res->{content}, qr{13800000001|\Q$id_a\E}, 'still masked');
is(one("SELECT COUNT(*) FROM access_log WHERE subject = 'aid'"), 0, 'nothing logged');
$res = $s->post("/admin/aid/$a/show", { csrf => $acsrf, why => "核对身份证号与收款账户<script>" });
is($res->{status}, 200, 'with a reason');
like($res->{content}, qr{张大山.*13800000001.*\Q$id_a\E.*张小川.*\Q$id_p\E.*6222021234567890123}s, 'the office sees the application in full');
is(one("SELECT CONCAT(subject, ' ', subject_ref, ' ', field) FROM access_log WHERE subject = 'aid'"), "aid $ref personal",
    'the access is logged: whose, which field');
like(one("SELECT reason FROM access_log WHERE subject = 'aid'"), qr{^核对身份证号与收款账户<script>}, 'with the reason as given');
my @docs = $page =~ m{<img src="/admin/aid/documents/(\d+)"}g;
is(scalar @docs, 2, 'its two documents shown');
my $img = $s->get("/admin/aid/documents/$docs[0]");
is($img->{status}, 200, 'a document is served to the office');
is($img->{headers}{'content-type'}, 'image/jpeg', 'as a JPEG');
is(substr($img->{content}, 0, 3), "\xff\xd8\xff", 'a JPEG indeed');
unlike($img->{content}, qr{GPS-MARKER|Exif}, 'without the EXIF of the upload');

# The status machine.
my %pst = (csrf => $acsrf, reason => '请补充诊断证明原件照片', amount => '5000');
is($s->post("/admin/aid/$a/approve", \%pst)->{status}, 409, 'approving before review: 409');
is($s->post("/admin/aid/$a/reject", \%pst)->{status}, 409, 'rejecting before review: 409');
is($s->post("/admin/aid/$a/more-info", \%pst)->{status}, 409, 'more information before review: 409');
is($s->post("/admin/aid/$a/review", { reason => 'x' })->{status}, 403, 'a step without CSRF: 403');
is($s->post("/admin/aid/$a/review", { csrf => $acsrf })->{status}, 303, 'the review starts');
is($s->post("/admin/aid/$a/review", { csrf => $acsrf })->{status}, 409, 'and does not start twice');
is($s->post("/admin/aid/$a/more-info", { csrf => $acsrf, reason => '  ' })->{status}, 400, 'more information needs a reason');
is($s->post("/admin/aid/$a/approve", { csrf => $acsrf, amount => 'x' })->{status}, 400, 'approving needs an amount');
is($s->post("/admin/aid/$a/approve", { csrf => $acsrf, amount => '10000.01' })->{status}, 400,
    'at most the costs less what was reimbursed');
is(one("SELECT status FROM aid_application WHERE id = $a"), 'reviewing', 'still under review');
is($s->post("/admin/aid/$a/more-info", { csrf => $acsrf, reason => '请补充诊断证明<script>x</script>' })->{status}, 303,
    'more information is asked for');
is($s->post("/admin/aid/$a/approve", { %pst })->{status}, 409, 'approving while waiting for the applicant: 409');
like($s->get('/admin/aid')->{content}, qr{<td class="aid-next">待申请人补充</td>}, 'the list says it waits for the applicant');

# The applicant adds a document.
$csrf = $s->csrf("/aid/r/$ref");
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000001' });
like($res->{content}, qr{需补充材料.*需要补充的材料或说明：.*请补充诊断证明&lt;script&gt;x&lt;/script&gt;}s, 'the applicant sees the reason');
like($res->{content}, qr{action="/aid/r/$ref/more"}, 'and the form to add documents');
$before = counts();
$res = $s->post_multipart("/aid/r/$ref/more", [ csrf => $csrf, phone => '13800000001', note => '补上了', doc => [ 'x.jpg', 'not an image' ] ]);
is($res->{status}, 400, 'a refused document: 400');
like($res->{content}, qr{“x\.jpg”：不是图片}, 'naming it');
is(counts(), $before, 'nothing stored');
is($s->post_multipart("/aid/r/$ref/more", [ csrf => $csrf, phone => '13900000000', doc => [ 'a.jpg', $jpeg ] ])->{status}, 403,
    'adding with a wrong number: 403');
is($s->post_multipart("/aid/r/$ref/more", [ phone => '13800000001', doc => [ 'a.jpg', $jpeg ] ])->{status}, 403, 'without CSRF: 403');
$res = $s->post_multipart("/aid/r/$ref/more", [ csrf => $csrf, phone => '13800000001', note => '已补充诊断证明<i>', doc => [ 'diag.jpg', $jpeg ] ]);
is($res->{status}, 200, 'a document added');
like($res->{content}, qr{材料已补充.*已补充材料}s, 'resubmitted');
is(one("SELECT COUNT(*) FROM aid_document WHERE application_id = $a"), 3, 'three documents now');
is($s->post_multipart("/aid/r/$ref/more", [ csrf => $csrf, phone => '13800000001', doc => [ 'a.jpg', $jpeg ] ])->{status}, 409,
    'adding again when nothing is asked for: 409');
like($s->get("/admin/aid/$a")->{content}, qr{已补充诊断证明&lt;i&gt;}, "the office sees the applicant's note, as text");

# Reviewed again, approved.
is($s->post("/admin/aid/$a/review", { csrf => $acsrf })->{status}, 303, 'the review starts again');
is($s->post("/admin/aid/$a/approve", { csrf => $acsrf, amount => '10000' })->{status}, 303, 'approved: 10,000 yuan');
is($s->post("/admin/aid/$a/reject", \%pst)->{status}, 409, 'an approved application is not rejected');
is(one("SELECT CONCAT(status, ' ', approved) FROM aid_application WHERE id = $a"), 'approved 1000000', 'as stored');
is(one("SELECT GROUP_CONCAT(status ORDER BY id) FROM notice WHERE kind = 'aid' AND object_id = $a"),
    'submitted,reviewing,more-info,resubmitted,reviewing,approved', 'every change a notice');
is(one("SELECT COUNT(*) FROM notice WHERE kind = 'aid' AND object_id = $a AND phone_enc IS NOT NULL AND phone IS NULL AND sent_at IS NULL"), 6,
    "each for the applicant's number, waiting for a sender");
is(one("SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log WHERE action LIKE 'aid-%' AND action <> 'aid-view'"),
    'aid-review,aid-more-info,aid-review,aid-approve', 'every step audited');
like($s->get("/admin/aid/$a")->{content}, qr{办理进度.*审核中</strong><span class="note">（}s, 'the history names the admins');
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000001' });
like($res->{content}, qr{已批准.*批准救助金额：<strong>10,000\.00 元</strong>}s, 'the applicant sees the approved amount');
unlike($res->{content}, qr{（系统管理员|（admin}, "and not the admins' names");

# Another, by the patient, in another street: rejected with a reason.
$s->clear_cookies;
$csrf = $s->csrf('/aid');
my $xss = '<script>alert("x")</script>';
$res = submit({ relation => 'self', patient => undef, patient_idno => undef, name => "李$xss", holder => "李$xss", phone => '13900000002',
    region => $bg, place => "北干$xss", story => "经过$xss", hospital => "医院$xss", bank => "银行$xss", reimbursed => undef },
    [ 'id.png', $good_png ]);
is($res->{status}, 303, 'a patient applies for themselves');
my ($ref2) = ($res->{headers}{location} // '') =~ m{/aid/r/([A-Z0-9]{8})$};
my $b = one("SELECT id FROM aid_application WHERE ref = '$ref2'");
is(one("SELECT CONCAT(patient_name = applicant_name, patient_idno_enc IS NOT NULL, reimbursed) FROM aid_application WHERE id = $b"), '110',
    'the patient is the applicant, nothing reimbursed');
$res = $s->post("/aid/r/$ref2", { csrf => $csrf, phone => '13900000002' });
unlike($res->{content}, qr{<script>alert}, 'markup typed is never markup on the tracking page');
like($res->{content}, qr{北干&lt;script&gt;alert\("x"\)&lt;/script&gt;}, 'but text');
$s->admin_login;
$acsrf = $s->csrf('/admin');
for my $p ('/admin/aid', "/admin/aid/$b") {
	my $c = $s->get($p)->{content};
	unlike($c, qr{<script>alert}, "no markup typed on $p");
}
like($s->get("/admin/aid/$b")->{content}, qr{经过&lt;script&gt;.*医院&lt;script&gt;.*银行&lt;script&gt;}s, 'the office reads it as text');
is($s->post("/admin/aid/$b/review", { csrf => $acsrf })->{status}, 303, 'reviewed');
is($s->post("/admin/aid/$b/reject", { csrf => $acsrf, reason => '' })->{status}, 400, 'a refusal needs a reason');
is($s->post("/admin/aid/$b/reject", { csrf => $acsrf, reason => "火灾不在本区<b>" })->{status}, 303, 'refused with a reason');
$s->clear_cookies;
$csrf = $s->csrf("/aid/r/$ref2");
$res = $s->post("/aid/r/$ref2", { csrf => $csrf, phone => '13900000002' });
like($res->{content}, qr{未获批准.*未获批准的原因：.*火灾不在本区&lt;b&gt;}s, 'the applicant sees the refusal and its reason');

# Street admins: their own street only, masked, no images, no steps.
$s->admin_login('street-cx', 'aid-pass-1');
$page = $s->get('/admin/aid?status=all')->{content};
like($page, qr{<a href="/admin/aid/$a">$ref</a>}, "the street's admin lists their street's application");
unlike($page, qr{$ref2}, "but not the other street's");
$page = $s->get("/admin/aid/$a")->{content};
like($page, qr{张\*\*.*138\*\*\*\*0001.*330\*{11}.*6222\*{11}0123}s, 'sees it masked');
unlike($page, qr{张大山|张小川|13800000001|\Q$id_a\E|\Q$id_p\E|6222021234567890123|厨房油锅}, 'nothing in full, no story');
unlike($page, qr{/admin/aid/documents/|action="/admin/aid/}, 'no documents, no steps, no showing');
is($s->post("/admin/aid/$a/show", { csrf => $s->csrf('/admin'), why => '回访' })->{status}, 403, 'a street admin may not show it in full');
is($s->get("/admin/aid/documents/$docs[0]")->{status}, 403, 'and gets no image by its URL');
is($s->get("/admin/aid/$b")->{status}, 404, "another street's application by its URL: 404");
my $sc = $s->csrf('/admin');
is($s->post("/admin/aid/$a/$_", { csrf => $sc, reason => 'x', amount => '1' })->{status}, 403, "a street admin may not $_")
    for qw(review more-info approve reject);
$s->admin_login('street-bg', 'aid-pass-1');
is($s->get("/admin/aid/$a")->{status}, 404, "the other street's admin: 404 by URL");
$s->admin_login('dept-aid', 'aid-pass-1');
is($s->get('/admin/aid')->{status}, 403, "a department's admin: 403");
is($s->get("/admin/aid/$a")->{status}, 403, 'also for one application');
is(one("SELECT COUNT(*) FROM audit_log l JOIN admin d ON d.id = l.admin_id WHERE d.login IN ('street-cx', 'street-bg', 'dept-aid') "
    . "AND l.action <> 'login'"), 0, 'none of them wrote anything');

# Guessing numbers: ten wrong ones an hour, then not even the right one.
$s->clear_cookies;
$csrf = $s->csrf("/aid/r/$ref");
my $wrong = one("SELECT COUNT(*) FROM aid_guess WHERE application_id = $a");
is($wrong, 2, 'the two wrong numbers so far were counted');
my @st = map { $s->post("/aid/r/$ref", { csrf => $csrf, phone => sprintf('137%08d', $_) })->{status} } 1 .. 10 - $wrong;
is(join(',', @st), join(',', (403) x (10 - $wrong)), 'wrong numbers: 403 each');
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13700000099' });
is($res->{status}, 429, 'after ten wrong numbers in an hour: 429');
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000001' });
is($res->{status}, 429, 'the right one too');
unlike($res->{content}, qr{张\*|已批准}, 'with nothing shown');
is($s->post("/aid/r/$ref2", { csrf => $csrf, phone => '13900000002' })->{status}, 200, 'another application is not locked');
$s->sql("UPDATE aid_guess SET created_at = created_at - INTERVAL 61 MINUTE");
is($s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000001' })->{status}, 200, 'an hour later, the number is asked again');

# A signed-in resident's application is on their page.
$csrf = $s->csrf('/account');
is($s->post('/account/register', { csrf => $csrf, phone => '13912345678', password => 'fire-safety-1', name => '赵六' })->{status}, 303,
    'a resident registers');
$csrf = $s->csrf('/aid');
$res = submit({ relation => 'self', patient => undef, patient_idno => undef, name => '赵六', holder => '赵六', phone => '13912345678' },
    [ 'a.jpg', $jpeg ]);
my ($mine) = ($res->{headers}{location} // '') =~ m{/aid/r/([A-Z0-9]{8})$};
ok($mine, 'and applies');
like($s->get('/my')->{content}, qr{烧伤救助申请 <a href="/aid/r/$mine">$mine</a>：<strong>已提交</strong>}, 'their page shows it');
# In English (the switch's cookie): the interface speaks English, the
# data stays as typed.
# What the tests typed, then the reference data, as the pages write them.
my @data = (@form{qw(place story hospital bank)}, '火灾不在本区&lt;b&gt;', '已补充诊断证明&lt;i&gt;', '请补充诊断证明&lt;script&gt;x&lt;/script&gt;',
    (map { $_->[0] } $s->sql('SELECT name FROM region UNION SELECT name FROM jurisdiction')));
# The Chinese left in a page's main part, without its data (masked or
# not).
sub leftover { BlueCode::Test::chinese_left($_[0], @data) }
$s->clear_cookies;
$s->set_cookie(bc_lang => 'en');
$page = $s->get('/aid')->{content};
like($page, qr{<html lang="en">}, 'English: the aid page');
like($page, qr{<title>Apply for burn-injury aid · Blue Code</title>}, 'with its title');
like($page, qr{<h2>Who can apply</h2><p>Residents burned in a fire in Xiaoshan District can apply themselves\.}, 'who can apply');
like($page, qr{<option value="parent">Parent</option>}, 'the relations');
like($page, qr{<button type="submit" class="button">Submit the application</button>}, 'and its button');
is(leftover($page), '', 'no Chinese of the interface');
$csrf = $s->csrf('/aid');
$res = submit({}, [ 'scan.jpg', 'not an image' ]);
like($res->{content}, qr{<p class="form-error" role="alert">File 1 \(scan\.jpg\): This is not an image\.}, 'an error in English');
$page = $s->get("/aid/r/$ref")->{content};
like($page, qr{<h1>Aid application <span class="join-code">$ref</span></h1>.*>Check progress</button>}s, 'the tracking page asks');
is(leftover($page), '', 'no Chinese of the interface');
$res = $s->post("/aid/r/$ref", { csrf => $csrf, phone => '13800000001' });
like($res->{content}, qr{Aid approved: <strong>10,000\.00 yuan</strong>, to be paid into the bank account below\.}, 'approved, in yuan');
like($res->{content}, qr{<dd>12,345\.60 yuan, of which 2,345\.60 yuan already reimbursed</dd>}, 'the costs');
like($res->{content}, qr{<dd>3 images</dd>}, 'the documents counted');
is(leftover($res->{content}), '', 'no Chinese of the interface');
$s->admin_login;
$page = $s->get('/admin/aid?status=all')->{content};
like($page, qr{<h1>Burn-injury aid applications</h1>}, 'the office: the applications');
like($page, qr{<a href="/admin/aid\?status=more-info">More information needed</a>}, 'the filters');
like($page, qr{<td class="aid-next">Closed</td><td class="n">\d+ days?</td>}, 'whom each waits for, since when');
is(leftover($page), '', 'no Chinese of the interface');
$page = $s->get("/admin/aid/$a")->{content};
like($page, qr{<title>Aid application $ref · Blue Code</title>}, 'an application');
like($page, qr{Amount approved: <strong>10,000\.00 yuan</strong>}, 'its amount');
like($page, qr{placeholder="For example: checking the ID card number against the bank account"}, 'attributes too');
is(leftover($page), '', 'no Chinese of the interface');
$s->clear_cookies;
like($s->get('/aid')->{content}, qr{<html lang="zh-CN">.*<h1>申请火灾烧伤救助</h1>}s, 'and Chinese without the cookie');
done_testing();
