# Courses and lessons (sql/018): the shipped courses loaded by
# course-import (again without doubling; a bad file refused); text
# lessons rendered from their XML, completed after 90% of their reading
# time; video lessons credited only for watching at the frontier no
# faster than the clock (a seek ahead earns nothing, a reload counts
# nothing twice, a report for a lesson never opened is ignored),
# completed at 90%; points once a lesson.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
my $conf = $s->dir . '/conf/bluecode.conf';
my $bin = BlueCode::Test::bin();

is(one('SELECT COUNT(*) FROM course'), 4, 'four courses shipped');
is(one('SELECT COUNT(*) FROM lesson'), 13, 'thirteen lessons');
is(one("SELECT COUNT(*) FROM lesson WHERE kind = 'video'"), 1, 'one of them a (sample) video');
is(system("$bin -f $conf course-import " . BlueCode::Test::src() . '/sql/course/courses.xml >/dev/null'), 0, 'loading them again works');
is(one('SELECT COUNT(*) FROM lesson'), 13, 'and doubles nothing');
my $bad = $s->dir . '/bad.xml';
open my $fh, '>:utf8', $bad or die;
print $fh qq{<?xml version="1.0"?>\n<courses><course ref="x" title="t" summary="s" roles="citizen"><lesson ref="a" title="t"><p>no minutes</p></lesson></course></courses>\n};
close $fh;
isnt(system("$bin -f $conf course-import $bad 2>/dev/null"), 0, 'a file that does not follow the schema is refused');
is(one("SELECT COUNT(*) FROM course WHERE ref = 'x'"), 0, 'and nothing of it is loaded');

# The pages, signed out.
my $page = $s->get('/learn')->{content};
like($page, qr{href="/learn/extinguisher"><strong>灭火器的选择与使用</strong>}, 'the courses are listed');
like($page, qr{4 个课时}, 'with their lessons');
$page = $s->get('/learn/extinguisher')->{content};
like($page, qr{<a href="/learn/extinguisher/use">四步学会使用灭火器</a>}, "a course's lessons");
$page = $s->get('/learn/extinguisher/use')->{content};
like($page, qr{<li><strong>拔</strong>：拔掉保险销}, 'a text lesson: its list and bold text');
like($page, qr{<p class="lesson-note"><strong>提示：</strong>灭火器只用于扑救初起火灾}, 'its note');
like($page, qr{<p class="note">依据：《中华人民共和国消防法》}, 'its source');
like($page, qr{href="/learn/extinguisher/check">下一课时}, 'the next lesson');
is($s->get('/learn/nothing')->{status}, 404, 'an unknown course is 404');
is($s->get('/learn/extinguisher/nothing')->{status}, 404, 'an unknown lesson is 404');
my $cid = one("SELECT id FROM course WHERE ref = 'extinguisher'");
$s->sql(qq{INSERT INTO lesson (course_id, ref, title, kind, body, seconds, sort) VALUES ($cid, 'esc', '<b>转义</b>', 'text', '<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></body>', 60, 99)});
$page = $s->get('/learn/extinguisher/esc')->{content};
like($page, qr{&lt;script&gt;alert\(1\)&lt;/script&gt;}, "a lesson's text is escaped");
like($page, qr{<h1>&lt;b&gt;转义&lt;/b&gt;</h1>}, 'and its title');
$s->sql("DELETE FROM lesson WHERE ref = 'esc'");

# Signed in: a text lesson is read, not just clicked.
my $csrf = $s->csrf('/account');
$s->post('/account/register', { csrf => $csrf, phone => '13500000001', password => 'learn-pass-1', name => '钱进' });
my $me = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13500000001') ]}");
my $text = one("SELECT id FROM lesson WHERE ref = 'use'");
$page = $s->get('/learn/extinguisher/use')->{content};
is(one("SELECT COUNT(*) FROM lesson_progress WHERE person_id = $me AND lesson_id = $text"), 1, 'opening a lesson records it');
$csrf = form_value($page, 'csrf');
my $res = $s->post('/learn/extinguisher/use/done', { csrf => $csrf });
is($res->{status}, 409, 'marked read at once: refused');
like($res->{content}, qr{请先认真读完这个课时.*href="/learn/extinguisher/use">返回课时}s, 'saying why, with the way back');
$s->get('/learn/extinguisher/use');
is(one("SELECT COUNT(*) FROM lesson_progress WHERE person_id = $me AND lesson_id = $text"), 1, 'opening it again adds nothing');
$s->sql("UPDATE lesson_progress SET opened_at = opened_at - INTERVAL 150 SECOND WHERE person_id = $me AND lesson_id = $text");
is($s->post('/learn/extinguisher/use/done', { csrf => $csrf })->{status}, 409, 'before 90% of its 3 minutes: still refused');
$s->sql("UPDATE lesson_progress SET opened_at = opened_at - INTERVAL 15 SECOND WHERE person_id = $me AND lesson_id = $text");
is($s->post('/learn/extinguisher/use/done', { csrf => $csrf })->{status}, 303, 'after: completed');
like($s->get('/learn/extinguisher/use')->{content}, qr/已学完这个课时/, 'the lesson says so');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'lesson'"), 5, 'and earned 5 points');
is($s->post('/learn/extinguisher/use/done', { csrf => $csrf })->{status}, 303, 'marking it again is harmless');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'lesson'"), 5, 'and earns nothing more');
like($s->get('/learn')->{content}, qr{4 个课时\s*· 已学完 1 个}, 'the course list shows the progress');

# A video lesson: 12 seconds, completed at 10.8.
my $video = one("SELECT id FROM lesson WHERE kind = 'video'");
my $url = '/learn/extinguisher/sample-video/progress';
my $report = sub {
	my ($pos, $ago) = @_;
	$s->sql("UPDATE lesson_progress SET reported_at = NOW(3) - INTERVAL $ago SECOND WHERE person_id = $me AND lesson_id = $video") if $ago;
	my $r = $s->post($url, { csrf => $csrf, position => $pos });
	return $r->{status} == 200 ? ($r->{content} =~ /"furthest":([\d.]+)/)[0] : "status $r->{status}";
};
is($report->(3, 0), 'status 409', 'a report for a video never opened is ignored');
is(one("SELECT COUNT(*) FROM lesson_progress WHERE person_id = $me AND lesson_id = $video"), 0, 'and records nothing');
$page = $s->get('/learn/extinguisher/sample-video')->{content};
like($page, qr{<video controls="controls" preload="metadata" width="100%" src="/media/sample-extinguisher\.webm" data-progress="/learn/extinguisher/sample-video/progress"[^>]* poster="/media/sample-extinguisher\.jpg"},
    'the video, with the address its script reports to, and its poster');
my $v = $s->get('/media/sample-extinguisher.webm', { Range => 'bytes=0-99' });
is($v->{status}, 206, 'nginx serves the video in ranges');
is(length $v->{content}, 100, 'of the bytes asked for');
is($s->get('/media/sample-extinguisher.jpg')->{headers}{'content-type'}, 'image/jpeg', 'and its poster');
like($page, qr{<script src="/static/js/lesson\.js"></script>}, 'and the script');
is($report->(3, 3), '3.0', 'three seconds watched in three seconds: credited');
is($report->(9.5, 2), '3.0', 'a jump ahead faster than the clock: not credited');
is($report->(10, 1), '3.0', 'and watching on from there counts nothing');
is($report->(5, 1), '3.0', 'back to the frontier');
is($report->(7, 2), '7.0', 'watching on from it counts');
$s->get('/learn/extinguisher/sample-video');
is($report->(1, 5), '7.0', 'after a reload, watching from the start counts nothing twice');
is($report->(7, 5), '7.0', 'skipping to the frontier earns nothing by itself');
is(one("SELECT COUNT(*) FROM points_entry WHERE person_id = $me AND ref = 'lesson $video'"), 0, 'no points yet');
like($s->post($url, { csrf => $csrf, position => 11 })->{content}, qr/"furthest":7\.0,"completed":false/,
    'a report claiming more seconds than have passed is not credited');
$s->sql("UPDATE lesson_progress SET reported_at = NOW(3) - INTERVAL 4 SECOND, position = 7 WHERE person_id = $me AND lesson_id = $video");
$res = $s->post($url, { csrf => $csrf, position => 11 });
is($res->{status}, 200, 'watched to 11 s of 12');
like($res->{content}, qr/"completed":true,"points":5/, 'completed at 90%, 5 points');
like($res->{headers}{'content-type'}, qr{^application/json}, 'answered as JSON');
is(one("SELECT SUM(amount) FROM points_entry WHERE person_id = $me AND reason = 'lesson'"), 10, 'the ledger has both lessons');
$s->sql("UPDATE lesson_progress SET reported_at = NOW(3) - INTERVAL 4 SECOND WHERE person_id = $me AND lesson_id = $video");
like($s->post($url, { csrf => $csrf, position => 12 })->{content}, qr/"completed":true,"points":0/, 'reports after that earn nothing');

# Bad reports.
is($s->post($url, { csrf => $csrf, position => 'abc' })->{status}, 400, 'a position that is not a number is 400');
is($s->post($url, { csrf => $csrf, position => '-1' })->{status}, 400, 'a negative one is 400');
is($s->post($url, { csrf => $csrf, position => '1e9' })->{status}, 400, 'a huge one is 400');
is($s->post($url, { csrf => $csrf, position => 'nan' })->{status}, 400, 'NaN is 400');
is($s->post('/learn/extinguisher/use/progress', { csrf => $csrf, position => 3 })->{status}, 404, 'a text lesson takes no reports');
is($s->post('/learn/extinguisher/sample-video/done', { csrf => $csrf })->{status}, 404, 'a video is not marked read');
is($s->post($url, { position => 3 })->{status}, 403, 'a report without the CSRF token is 403');

# Another person's session reaches only their own progress.
$s->clear_cookies;
is($s->post($url, { csrf => scalar($s->csrf('/account')), position => 3 })->{status}, 403, 'signed out, no report');
$s->post('/account/register', { csrf => scalar($s->csrf('/account')), phone => '13500000002', password => 'learn-pass-2' });
my $other = one("SELECT id FROM person WHERE phone_hash = @{[ $s->phone_hash('13500000002') ]}");
$csrf = form_value($s->get('/learn/extinguisher/use')->{content}, 'csrf');
is($s->post($url, { csrf => $csrf, position => 11 })->{status}, 409, "another person's report for a video they never opened is ignored");
is(one("SELECT furthest FROM lesson_progress WHERE person_id = $me AND lesson_id = $video"), 12, "the first person's progress is untouched");
is(one("SELECT COUNT(*) FROM points_entry WHERE person_id = $other AND reason = 'lesson'"), 0, 'and the other earned nothing');

# The Chinese left in the interface of an English page: its <main>,
# attributes too, without the data (names, courses and lessons), which stay as they are.
sub leftover {
	my ($html) = @_;
	my ($m) = $html =~ m{<main>(.*)</main>}s or return 'no <main>';
	$m =~ tr/\x{a0}/ /;
	my @data = map { $_->[0] } $s->sql(q{SELECT name FROM jurisdiction UNION SELECT committee FROM jurisdiction UNION SELECT name FROM region UNION SELECT name FROM role UNION SELECT audience FROM role UNION SELECT title FROM course UNION SELECT summary FROM course UNION SELECT title FROM lesson});
	$m =~ s/\Q$_\E//g for sort { length $b <=> length $a } @data;
	return join ' ', $m =~ /([\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]+)/g;
}

# In English: the courses, a course, a lesson's frame (its text is data).
my $en = { 'Accept-Language' => 'en' };
$page = $s->get('/learn', $en)->{content};
like($page, qr{<html lang="en">}, 'the courses in English');
like($page, qr{<title>Courses · Blue Code</title>}, 'titled in English');
like($page, qr{4 lessons · 0 finished}, 'with what this person finished');
is(leftover($page), '', 'no Chinese left');
$page = $s->get('/learn/extinguisher', $en)->{content};
like($page, qr{ · Text and pictures · 3 minutes}, "a course's lessons, in English");
like($page, qr{ · Video · 12 seconds}, 'the video too');
is(leftover($page), '', 'no Chinese left');
$page = $s->get('/learn/extinguisher/use', $en)->{content};
like($page, qr{<button type="submit" class="button">I have finished</button>}, "a lesson's button");
like($page, qr{Read the whole lesson carefully\. It takes about \d+ minutes?\.}, 'and how long it takes');
like($page, qr{>Next lesson: }, 'the way on');
my ($frame) = $page =~ m{(<div class="lesson-state".*?</nav>)}s;
$frame =~ s{(?:Previous|Next) lesson: [^<]*}{}g;
unlike($frame, qr/[\x{3400}-\x{9fff}]/, 'no Chinese left around the text');

done_testing();
