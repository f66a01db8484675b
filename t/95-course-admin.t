# Courses and lessons in the admin area (admin/courses.c, lessons.c): a
# new course is a draft learners cannot see; it is published only with a
# lesson; text lessons typed with line marks become the lesson
# vocabulary (escaped, round-tripping in the editor); video lessons are
# uploaded, checked by ffprobe (a text file, an image, a cut-off video, a
# codec browsers do not play, a body over max_upload: all refused, no
# row and no file left), given their length and a poster, and served by
# nginx in ranges; lessons and courses move up and down; a lesson
# somebody opened cannot be deleted; every change is audited; shipped
# courses an admin edited survive course-import.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Temp qw(tempdir);
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1, set => [ 'max_upload=2m' ]);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $media = $s->dir . '/media';
my $tmp = tempdir(CLEANUP => 1);
sub slurp { open my $fh, '<:raw', $_[0] or die "$_[0]: $!"; local $/; <$fh> }
sub ffmpeg {
	my ($file, @args) = @_;
	system('ffmpeg', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=3', @args, "$tmp/$file") == 0
	    or die "ffmpeg $file";
	return slurp("$tmp/$file");
}
sub files { opendir my $d, $media or die; my @f = sort grep { !/^\./ || /^\.(?:up|body)-/ } readdir $d; return @f }

# Signed out, and as a person: no way in.
is($s->get('/admin/courses')->{status}, 303, 'signed out: to the admin sign-in');
$s->admin_login;
my $csrf = $s->csrf('/admin/courses');
my $page = $s->get('/admin/courses')->{content};
like($page, qr{<a href="/admin/courses/\d+">灭火器的选择与使用</a>}, 'the shipped courses are listed');
like($s->get('/admin')->{content}, qr{href="/admin/courses"}, 'and linked from the admin home');

# A new course: refused forms say why and keep what was typed.
my $res = $s->post('/admin/courses', { csrf => $csrf, title => '', summary => 'x', roles => 'citizen' });
is($res->{status}, 400, 'a course without a title: 400');
like($res->{content}, qr{请填写课程名称和简介}, 'says why');
$res = $s->post('/admin/courses', [ csrf => $csrf, title => '电动车<安全>', summary => '一句话' ]);
is($res->{status}, 400, 'no roles: 400');
like($res->{content}, qr{请至少选择一类适用人员}, 'says why');
like($res->{content}, qr{value="电动车&lt;安全&gt;"}, 'and keeps the title, escaped');
is($s->post('/admin/courses', { title => 'x', summary => 'y', roles => 'citizen' })->{status}, 403, 'without CSRF: 403');
$res = $s->post('/admin/courses', [ csrf => $csrf, title => '家庭防火<script>', summary => '家里的用火用电', roles => 'citizen', roles => 'landlord' ]);
is($res->{status}, 303, 'a course is created');
my ($cid) = ($res->{headers}{location} // '') =~ m{/admin/courses/(\d+)$};
ok($cid, 'and its page opens next');
is(one("SELECT status FROM course WHERE id = $cid"), 'draft', 'as a draft');
is(one("SELECT roles FROM course WHERE id = $cid"), 'landlord,citizen', 'for the roles ticked');
my $ref = one("SELECT ref FROM course WHERE id = $cid");
unlike($s->get('/learn')->{content}, qr{家庭防火}, 'learners do not see a draft');
is($s->get("/learn/$ref")->{status}, 404, 'nor open it');
$page = $s->get("/admin/courses/$cid")->{content};
like($page, qr{<h1>家庭防火&lt;script&gt;</h1>}, "the course's page, its title escaped");
$res = $s->post("/admin/courses/$cid", [ csrf => $csrf, title => '家庭防火', summary => '家里的用火用电', roles => 'citizen', status => 'published' ]);
is($res->{status}, 409, 'publishing a course without lessons: 409');
like($res->{content}, qr{课程还没有课时，不能发布}, 'says why');

# A text lesson typed with line marks.
my $text = "## 厨房用火\n做饭时**人不离锅**，油锅起火\n用锅盖盖灭。\n\n- 不用水浇油锅\n- 关闭燃气阀门\n\n1. 盖锅盖\n2. 关火\n\n> 火势扩大立即拨打 119\n\n依据：《中华人民共和国消防法》第四十四条\n\n<b>不是标签</b>";
$page = $s->get("/admin/courses/$cid/lessons/new?kind=text")->{content};
like($page, qr{<textarea name="text"}, 'the form of a new text lesson');
$res = $s->post_multipart("/admin/courses/$cid/lessons", [ csrf => $csrf, kind => 'text', title => '厨房防火', text => "## \n正文" ]);
is($res->{status}, 400, 'a heading mark with no text: 400');
like($res->{content}, qr{正文第 1 行只有标记}, 'names the line');
like($res->{content}, qr{<textarea name="text"[^>]*>## \n正文</textarea>}, 'and keeps the text');
$res = $s->post_multipart("/admin/courses/$cid/lessons", [ csrf => $csrf, kind => 'text', title => '厨房防火', text => $text, minutes => '700' ]);
is($res->{status}, 400, 'reading time over 600 minutes: 400');
$res = $s->post_multipart("/admin/courses/$cid/lessons", [ csrf => $csrf, kind => 'text', title => '厨房防火', text => $text ]);
is($res->{status}, 303, 'a text lesson is added');
my $l1 = one("SELECT id FROM lesson WHERE course_id = $cid AND title = '厨房防火'");
my $body = one("SELECT body FROM lesson WHERE id = $l1");
like($body, qr{^<body><h>厨房用火</h><p>做饭时<strong>人不离锅</strong>，油锅起火用锅盖盖灭。</p><ul><li>不用水浇油锅</li><li>关闭燃气阀门</li></ul><ol><li>盖锅盖</li><li>关火</li></ol><note>火势扩大立即拨打 119</note><source>《中华人民共和国消防法》第四十四条</source><p>&lt;b&gt;不是标签&lt;/b&gt;</p></body>$},
    'kept in the lesson vocabulary, a tag typed kept as text');
is(one("SELECT seconds FROM lesson WHERE id = $l1"), 60, 'its reading time estimated from its length');
$page = $s->get("/admin/lessons/$l1")->{content};
like($page, qr{<h2>厨房用火</h2>}, 'the preview shows the lesson as learners will');
like($page, qr{<p>&lt;b&gt;不是标签&lt;/b&gt;</p>}, 'escaped');
my ($back) = $page =~ m{<textarea name="text"[^>]*>([^<]*)</textarea>};
$back =~ s/&lt;/</g; $back =~ s/&gt;/>/g; $back =~ s/&amp;/&/g;
is($back, "## 厨房用火\n\n做饭时**人不离锅**，油锅起火用锅盖盖灭。\n\n- 不用水浇油锅\n- 关闭燃气阀门\n\n1. 盖锅盖\n2. 关火\n\n> 火势扩大立即拨打 119\n\n依据：《中华人民共和国消防法》第四十四条\n\n<b>不是标签</b>",
    'the editor gets the text back with its marks');

# The pages in English (xslt/l10n/en/admin-courses.xml, admin-course.xml,
# admin-lesson.xml): their words are, the courses and lessons stay as
# written. The short names of roles in the list are admin-common.xsl's.
my $en = { 'Accept-Language' => 'en' };
my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
sub main_of { my ($m) = $_[0] =~ m{(<main\b.*</main>)}s; return $m // '' }
$page = $s->get('/admin/courses', $en)->{content};
like($page, qr{<html lang="en">}, 'the courses in English');
like($page, qr{<title>Courses · }, 'with their title');
like($page, qr{<button type="submit" class="button">Create a draft</button>}, 'the button of a new course');
like($page, qr{aria-label="Move 家庭防火&lt;script&gt; up"}, 'a move button names its course');
my $ui = main_of($page);
$ui =~ s{<a href="/admin/courses/\d+">[^<]*</a>|aria-label="[^"]*"|<td>[^<]*</td>}{}g;
unlike($ui, $cjk, 'no Chinese but the courses');
$page = $s->get("/admin/courses/$cid", $en)->{content};
like($page, qr{<title>家庭防火&lt;script&gt; · Courses · }, "a course's page in English");
like($page, qr{<button type="submit" class="button">Save the course</button>}, 'its button');
like($page, qr{<td>Text</td><td>1 min</td>}, 'its lesson: kind and length');
$ui = main_of($page);
$ui =~ s{<h1>[^<]*</h1>|<a href="/admin/lessons/\d+">[^<]*</a>|value="[^"]*"|aria-label="[^"]*"}{}g;
unlike($ui, $cjk, 'no Chinese but the course and its lessons');
$page = $s->get("/admin/lessons/$l1", $en)->{content};
like($page, qr{<title>厨房防火 · 家庭防火&lt;script&gt; · }, "a lesson's page in English");
like($page, qr{<button type="submit" class="button">Save the lesson</button>}, 'its button');
like($page, qr{<p class="note">Length 1 min · opened by 0 learners</p>}, 'its length and learners');
like($page, qr{<li><code>## Heading</code>: a subheading</li>}, 'the line marks explained');
my ($form) = $page =~ m{(<form method="post" enctype.*?</form>)}s;
$form //= '';
$form =~ s{<textarea\b.*?</textarea>|value="[^"]*"|<code>依据：[^<]*</code>|the mark 依据： is}{}gs;
unlike($form, $cjk, 'its form holds no Chinese but the mark of a source');


# Publish; learners see it.
$res = $s->post("/admin/courses/$cid", [ csrf => $csrf, title => '家庭防火', summary => '家里的用火用电', roles => 'citizen', status => 'published' ]);
is($res->{status}, 303, 'with a lesson, the course is published');
like($s->get('/learn')->{content}, qr{家庭防火}, 'learners see it');
my $lref = one("SELECT ref FROM lesson WHERE id = $l1");
like($s->get("/learn/$ref/$lref")->{content}, qr{<strong>人不离锅</strong>}, 'and its lesson');

# Video uploads: refused unless a real video browsers play.
my $vp9 = ffmpeg('ok.webm', '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '50k');
my $h264 = ffmpeg('ok.mp4', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
my $mpeg4 = ffmpeg('old.mp4', '-c:v', 'mpeg4');
my $png = ffmpeg('frame.png', '-frames:v', '1');
my @before = files();
my $video_form = sub {
	my ($name, $content, %more) = @_;
	return $s->post_multipart("/admin/courses/$cid/lessons", [ csrf => $csrf, kind => 'video', title => $more{title} // '视频课时',
	    text => $more{text} // '', (defined $content ? (video => [ $name, $content ]) : ()) ]);
};
for my $case ([ 'notes.webm', "这不是视频\n" x 100, 'not-video', 'a text file called .webm' ],
    [ 'frame.webm', $png, 'not-video', 'a PNG image' ],
    [ 'cut.webm', substr($vp9, 0, 300), 'not-video|length', 'a video cut short' ],
    [ 'old.mp4', $mpeg4, 'codec', 'an MPEG-4 Part 2 video browsers do not play' ]) {
	my ($name, $content, $why, $what) = @$case;
	$res = $video_form->($name, $content);
	is($res->{status}, 400, "$what: 400");
	like($res->{content}, qr{未保存}, 'says it was not saved');
}
$res = $video_form->('none.webm', undef);
is($res->{status}, 400, 'no file chosen: 400');
like($res->{content}, qr{请选择要上传的视频文件}, 'says so');
$res = $video_form->('big.webm', $vp9 . ("\0" x (2 * 1024 * 1024)));
is($res->{status}, 413, 'a body over max_upload: 413');
is(one("SELECT COUNT(*) FROM lesson WHERE course_id = $cid"), 1, 'no lesson was added by any of them');
is_deeply([ files() ], \@before, 'and no file is left in the media directory');

$res = $video_form->('演示.webm', $vp9, title => '灭火演示', text => '- 看清火源位置');
is($res->{status}, 303, 'a VP9 WebM is taken');
my ($l2, $video, $poster, $secs) = @{ ($s->sql("SELECT id, video, poster, seconds FROM lesson WHERE course_id = $cid AND title = '灭火演示'"))[0] };
like($video, qr{^[0-9a-f]{16}\.webm$}, 'under a random name with its real suffix');
like($poster, qr{^[0-9a-f]{16}\.jpg$}, 'with a poster');
is($secs, 3, 'its length is the video\'s');
is(slurp("$media/$video"), $vp9, 'the file is the one uploaded');
my $v = $s->get("/media/$video", { Range => 'bytes=10-29' });
is($v->{status}, 206, 'nginx serves it in ranges');
is($v->{content}, substr($vp9, 10, 20), 'the bytes asked for');
is($s->get("/media/$poster")->{headers}{'content-type'}, 'image/jpeg', 'and its poster');
my $vref = one("SELECT ref FROM lesson WHERE id = $l2");
like($s->get("/learn/$ref/$vref")->{content}, qr{src="/media/$video"[^>]*poster="/media/$poster"}, 'the lesson page plays it with its poster');
$res = $video_form->('clip.mp4', $h264, title => 'MP4 课时');
is($res->{status}, 303, 'an H.264 MP4 is taken');
like(one("SELECT video FROM lesson WHERE course_id = $cid AND title = 'MP4 课时'"), qr{\.mp4$}, 'as .mp4');
my $l3 = one("SELECT id FROM lesson WHERE course_id = $cid AND title = 'MP4 课时'");

# Replacing a video removes the old file; refusing one keeps the lesson.
$res = $s->post_multipart("/admin/lessons/$l2", [ csrf => $csrf, title => '灭火演示', text => '', video => [ 'x.webm', 'garbage' ] ]);
is($res->{status}, 400, 'a bad replacement video: 400');
is(one("SELECT video FROM lesson WHERE id = $l2"), $video, 'the lesson keeps its video');
$res = $s->post_multipart("/admin/lessons/$l2", [ csrf => $csrf, title => '灭火演示（新）', text => '', video => [ 'y.mp4', $h264 ] ]);
is($res->{status}, 303, 'a good one replaces it');
ok(!-e "$media/$video" && !-e "$media/$poster", 'and the old files are gone');
like(one("SELECT video FROM lesson WHERE id = $l2"), qr{\.mp4$}, 'the lesson has the new one');

# Order.
my @order = map { $_->[0] } $s->sql("SELECT id FROM lesson WHERE course_id = $cid ORDER BY sort, id");
is_deeply(\@order, [ $l1, $l2, $l3 ], 'lessons in the order added');
is($s->post("/admin/lessons/$l3/move", { csrf => $csrf, dir => 'up' })->{status}, 303, 'one moves up');
@order = map { $_->[0] } $s->sql("SELECT id FROM lesson WHERE course_id = $cid ORDER BY sort, id");
is_deeply(\@order, [ $l1, $l3, $l2 ], 'and is before the one it passed');
$s->post("/admin/lessons/$l1/move", { csrf => $csrf, dir => 'up' });
@order = map { $_->[0] } $s->sql("SELECT id FROM lesson WHERE course_id = $cid ORDER BY sort, id");
is_deeply(\@order, [ $l1, $l3, $l2 ], 'the first cannot move up');
is($s->post("/admin/lessons/$l1/move", { csrf => $csrf, dir => 'sideways' })->{status}, 400, 'a move that is neither up nor down: 400');
like($s->get("/learn/$ref")->{content}, qr{厨房防火.*MP4 课时.*灭火演示}s, 'learners see the new order');
my $first = one('SELECT id FROM course ORDER BY sort, id LIMIT 1');
$s->post("/admin/courses/$cid/move", { csrf => $csrf, dir => 'up' }) for 1 .. 5;
is(one('SELECT id FROM course ORDER BY sort, id LIMIT 1'), $cid, 'a course moved up to the top');

# Deleting: not what somebody opened.
$s->clear_cookies;
$csrf = $s->csrf('/account');
$s->post('/account/register', { csrf => $csrf, phone => '13500000009', password => 'course-admin-9', name => '孙学' });
$s->get("/learn/$ref/$lref");
$s->clear_cookies;
$s->admin_login;
$csrf = $s->csrf('/admin/courses');
unlike($s->get("/admin/lessons/$l1")->{content}, qr{/admin/lessons/$l1/delete}, 'an opened lesson offers no delete');
$res = $s->post("/admin/lessons/$l1/delete", { csrf => $csrf, confirm => 'yes' });
is($res->{status}, 409, 'and deleting it anyway: 409');
like($res->{content}, qr{已经有人学习过这个课时}, 'says why');
is($s->post("/admin/lessons/$l3/delete", { csrf => $csrf, confirm => 'yes' })->{status}, 303, 'an unopened lesson is deleted');
is(one("SELECT COUNT(*) FROM lesson WHERE id = $l3"), 0, 'gone');
is($s->get("/admin/lessons/$l3")->{status}, 404, 'its page is 404');
is($s->get('/admin/lessons/99999')->{status}, 404, 'an unknown lesson is 404');
is($s->post('/admin/courses/99999/lessons', { csrf => $csrf })->{status}, 404, 'a lesson for an unknown course is 404');

# Audit.
my %did = map { $_->[0] => $_->[1] } $s->sql("SELECT action, COUNT(*) FROM audit_log WHERE action LIKE 'course-%' OR action LIKE 'lesson-%' GROUP BY action");
is($did{'course-add'}, 1, 'the new course is audited');
is($did{'lesson-add'}, 3, 'each lesson added');
ok($did{'course-save'} && $did{'lesson-save'} && $did{'lesson-move'} && $did{'course-move'} && $did{'lesson-delete'}, 'and each change');

# A shipped lesson an admin edited keeps the admin's words after import.
my $use = one("SELECT id FROM lesson WHERE ref = 'use'");
$res = $s->post_multipart("/admin/lessons/$use", [ csrf => $csrf, title => '四步学会使用灭火器（本区版）', text => '本区的要求。', minutes => 3 ]);
is($res->{status}, 303, 'a shipped lesson is edited');
my $conf = $s->dir . '/conf/bluecode.conf';
system(BlueCode::Test::bin() . " -f $conf course-import " . BlueCode::Test::src() . '/sql/course/courses.xml >/dev/null') == 0 or die;
is(one("SELECT title FROM lesson WHERE id = $use"), '四步学会使用灭火器（本区版）', 'course-import leaves it as the admin made it');
is(one("SELECT title FROM lesson WHERE ref = 'types'"), '认识常见的灭火器', 'and loads the others as before');

done_testing();
