# A scripted XSS corpus (issue 13) through every text input a resident
# or an admin can fill. The inputs are read from the field tables in the
# source: every valid_text, valid_line and valid_name field of every
# module must be pushed through a form below, or be named in %not_shown
# with the reason it is never shown, so a new input is not forgotten.
# Each payload goes into every form, tagged by form, field and round;
# then every page reachable from the public and the admin home pages is
# fetched (a crawl of the site's own links, exports included) and no
# page holds a payload unescaped, a javascript: address in a link or an
# inline script; pages are UTF-8 (so UTF-7 tricks are text), exports are
# not served as HTML. Every tagged value is found shown, escaped,
# somewhere. NUL, overlong and broken UTF-8 are refused with 400.
use strict;
use warnings;
use utf8;
use File::Find ();
use Test::More;
use BlueCode::Test qw(form_value idno);

my $s = BlueCode::Test->start(workers => 2, set => [ 'attempts_per_browser = 1000' ]);
$s->small_bank(3);
sub one { ($s->sql($_[0]))[0][0] }
my $src = BlueCode::Test::src();

# --- Every text input, from the source -----------------------------------
my %inputs;
File::Find::find({ no_chdir => 1, wanted => sub {
	return unless /\.c$/;
	open my $fh, '<', $_ or die "$_: $!";
	my $text = do { local $/; <$fh> };
	(my $file = $_) =~ s{^\Q$src\E/fcgi/}{};
	$inputs{"$file:$1"} = 1 while $text =~ /\{\s*"([a-z][a-z0-9_]*)",\s*valid_(?:text|line|name)\b/g;
}}, "$src/fcgi");
ok(keys %inputs >= 50, scalar(keys %inputs) . ' text inputs in the field tables');

my %not_shown = (
	'admin/admin.c:password' => 'a password', 'account/account.c:password' => 'a password',
	'account/account.c:current' => 'a password', 'privacy/privacy.c:password' => 'a password',
	'admin/hazards.c:duplicate' => 'a tracking number, looked up, never shown as typed',
	'unit/unit.c:code' => 'a join code, looked up, never shown as typed',
	'stats/bulletin.c:day' => 'a date, refused unless one',
);

# --- The corpus -----------------------------------------------------------------
my @payloads = ('<script>alert(1)</script>', q{"'><img src=x onerror=f()>}, '</textarea><svg onload=f()>',
    '<svg/onload=f()>', 'javascript:f()', '+ADw-script+AD4-f()+ADw-/script+AD4-', '<a href=javascript:f()>',
    '&lt;b&gt;]]><!--');

# --- Who fills them ----------------------------------------------------------
my %jar;
sub as { my $who = shift; $jar{$s->{who}} = { %{ $s->{jar} } } if $s->{who}; $s->{who} = $who;
	$s->{jar} = { %{ $jar{$who} // {} } } }
as('admin');
$s->admin_login;
my $acsrf = $s->csrf('/admin');
as('resident');
my $rcsrf = form_value($s->get('/account')->{content}, 'csrf');
is($s->post('/account/register', { csrf => $rcsrf, phone => '13900000001', password => 'resident-pass-1' })->{status},
    303, 'a resident registers');
$rcsrf = form_value($s->get('/account')->{content}, 'csrf');

my $cx = one("SELECT id FROM region WHERE name = '城厢街道'");
my $dep = one('SELECT MIN(id) FROM department');
my $jpeg = do { local $/; open my $fh, '<:raw', "$src/t/data/photo.jpg" or die; <$fh> };
my $day = one('SELECT CURDATE() + INTERVAL 20 DAY');
my $wd = one("SELECT MIN(d) FROM (SELECT CURDATE() + INTERVAL seq DAY AS d FROM seq_3_to_20) x WHERE WEEKDAY(d) < 5");
my $ago = one('SELECT CURDATE() - INTERVAL 10 DAY');
my $course = one('SELECT MIN(id) FROM course');
my @tracking;	# the resident's tracking pages and forms to fetch later

# Each form: who fills it, its text inputs (file:field => characters at
# most), and how to send it given the values. It returns the response.
my @forms = (
	{ who => 'resident', inputs => { 'account/account.c:name' => 16 },
	  send => sub { $s->post('/account/name', { csrf => $rcsrf, name => $_[0]{name} }) } },
	{ who => 'resident', inputs => { 'hazard/hazard.c:address' => 200, 'hazard/hazard.c:description' => 1000,
	    'hazard/hazard.c:name' => 32 },
	  send => sub { my $v = shift; my $res = $s->post_multipart('/hazards', [ csrf => $rcsrf, category => 'ebike',
	    lng => '120.2700000', lat => '30.1700000', address => $v->{address}, description => $v->{description},
	    name => $v->{name}, phone => '13900001111', photo => [ 'a.jpg', $jpeg ] ]);
	    push @tracking, $1 if ($res->{headers}{location} // '') =~ m{(/hazards/r/\w+)$};
	    $res } },
	{ who => 'admin', inputs => { 'admin/hazards.c:text' => 1000, 'admin/hazards.c:address' => 200,
	    'admin/hazards.c:why' => 200 },
	  send => sub { my $v = shift; my $id = one('SELECT MAX(id) FROM hazard');
	    $s->post("/admin/hazards/$id/moderate", { csrf => $acsrf, %$v }) } },
	{ who => 'resident', inputs => { map { ("training/training.c:$_->[0]" => $_->[1]) } [ name => 32 ],
	    [ organisation => 64 ], [ address => 200 ], [ topic_other => 64 ], [ note => 500 ] },
	  send => sub { my $v = shift; my $res = $s->post('/training', { csrf => $rcsrf, %$v, phone => '13800000001',
	    region => $cx, headcount => 40, topic => 'other', day1 => $wd, part1 => 'am' });
	    push @tracking, $1 if ($res->{headers}{location} // '') =~ m{(/training/r/\w+)$};
	    $res } },
	{ who => 'admin', inputs => { 'admin/training.c:message' => 500 },
	  send => sub { my $id = one('SELECT MAX(id) FROM training_booking');
	    $s->post("/admin/training/$id/decline", { csrf => $acsrf, message => $_[0]{message} }) } },
	{ who => 'admin', inputs => { 'admin/visits.c:name' => 64, 'admin/visits.c:address' => 200 },
	  send => sub { my $v = shift; my $res = $s->post('/admin/visits/stations', { csrf => $acsrf, %$v });
	    my $st = one('SELECT MAX(id) FROM station');
	    $s->post('/admin/visits/slots', { csrf => $acsrf, station => $st, day => $day, time => '09:00',
	      minutes => 90, capacity => 60 });
	    $res } },
	{ who => 'resident', inputs => { 'visit/visit.c:name' => 32, 'visit/visit.c:organisation' => 64 },
	  send => sub { my $slot = one('SELECT MAX(id) FROM visit_slot');
	    my $res = $s->post("/visits/slots/$slot", { csrf => $rcsrf, %{ $_[0] }, phone => '13800000001', people => 5 });
	    push @tracking, $1 if ($res->{headers}{location} // '') =~ m{(/visits/b/\w+)$};
	    $res } },
	# The account's holder must be the applicant (the same name).
	{ who => 'resident', inputs => { map { ("aid/aid.c:$_->[0]" => $_->[1]) } [ name => 32 ], [ patient => 32 ],
	    [ place => 200 ], [ story => 1000 ], [ hospital => 100 ], [ bank => 64 ], [ holder => 32 ] },
	  same => { holder => 'name' },
	  send => sub { my $v = shift;
	    $s->post_multipart('/aid', [ csrf => $rcsrf, %$v, phone => '13800000001',
	      idno => idno('33010919800101001'), relation => 'parent', patient_idno => idno('33010920100505002'),
	      date => $ago, region => $cx, costs => '12345.60', reimbursed => '2345.60',
	      account => '6222021234567890123', doc => [ 'a.jpg', $jpeg ] ]) } },
	{ who => 'admin', inputs => { 'admin/aid.c:reason' => 500 },
	  send => sub { my $id = one('SELECT MAX(id) FROM aid_application');
	    $s->post("/admin/aid/$id/review", { csrf => $acsrf });
	    $s->post("/admin/aid/$id/more-info", { csrf => $acsrf, reason => $_[0]{reason} }) } },
	{ who => 'resident', inputs => { 'aid/aid.c:note' => 500 },
	  send => sub { my $ref = one('SELECT ref FROM aid_application ORDER BY id DESC LIMIT 1');
	    $s->post_multipart("/aid/r/$ref/more", [ csrf => $rcsrf, phone => '13800000001', note => $_[0]{note},
	      doc => [ 'b.jpg', $jpeg ] ]) } },
	{ who => 'resident', inputs => { 'unit/unit.c:name' => 64 },
	  send => sub { my $res = $s->post('/unit', { csrf => $rcsrf, name => $_[0]{name}, region => $cx,
	    department => $dep, headcount => 4 });
	    $s->post('/unit/leave', { csrf => $rcsrf });
	    $res } },
	{ who => 'resident', inputs => { 'quiz/quiz.c:text' => 500 },
	  send => sub { my ($res) = $s->take_quiz('citizen', '城厢街道', 1);
	    my ($tok) = one("SELECT token FROM attempt WHERE status = 'failed' ORDER BY id DESC LIMIT 1");
	    my $page = $s->get("/quiz/a/$tok/result")->{content};
	    my ($pos) = $page =~ m{name="pos" value="(\d+)"};
	    $s->post("/quiz/a/$tok/report", { csrf => $rcsrf, pos => $pos, text => $_[0]{text} }) } },
	{ who => 'admin', inputs => { 'admin/codes.c:text' => 200 },
	  send => sub { as('resident'); my $id = $s->pass_quiz('citizen', '城厢街道'); as('admin');
	    $s->post("/admin/codes/$id/revoke", { csrf => $acsrf, text => $_[0]{text} }) } },
	{ who => 'admin', inputs => { 'admin/codes.c:q' => 100 },
	  send => sub { $s->get('/admin/codes?q=' . enc($_[0]{q})) }, echo => 1 },
	{ who => 'admin', inputs => { 'admin/questions.c:q' => 100 },
	  send => sub { $s->get('/admin/questions?q=' . enc($_[0]{q})) }, echo => 1 },
	{ who => 'admin', inputs => { map { ("admin/questions.c:$_" => 300) } qw(stem explanation source opt0 opt1 opt2 opt3 opt4 opt5) },
	  send => sub { my $v = shift; my $q = one("SELECT q.id FROM question q JOIN bank b ON b.id = q.bank_id "
	    . "WHERE b.status = 'draft' AND q.type = 'single' AND q.retired = 0 ORDER BY q.id LIMIT 1");
	    $s->post("/admin/questions/$q", [ csrf => $acsrf, type => 'single', category => 'alarm', roles => 'citizen',
	      %$v, o => 1 ]) } },
	{ who => 'admin', inputs => { map { ("admin/questions.c:$_" => 300) }
	    qw(stem_en explanation_en source_en opt0_en opt1_en opt2_en opt3_en opt4_en opt5_en) },
	  send => sub { my $v = shift;
	    $s->post('/admin/questions/new', [ csrf => $acsrf, type => 'single', category => 'alarm', roles => 'citizen',
	      stem => '题干', explanation => '解析', source => '依据', (map { ("opt$_" => "选项$_") } 0 .. 5),
	      %$v, o => 1 ]) } },
	{ who => 'admin', inputs => { 'admin/settings.c:name' => 16, 'admin/settings.c:audience' => 200,
	    'admin/settings.c:name_en' => 64, 'admin/settings.c:audience_en' => 400 },
	  send => sub { $s->post('/admin/roles/student', { csrf => $acsrf, %{ $_[0] }, months => 12,
	    questions => 3, minutes => 15, pass => 60 }) } },
	{ who => 'admin', inputs => { 'admin/departments.c:name' => 32 },
	  send => sub { $s->post('/admin/departments', { csrf => $acsrf, name => $_[0]{name} }) } },
	{ who => 'admin', inputs => { 'admin/admins.c:name' => 32 },
	  send => sub { our $n; $n++; $s->post('/admin/admins', { csrf => $acsrf, login => "xss$n",
	    name => $_[0]{name}, scope => 'district' }) } },
	{ who => 'admin', inputs => { 'admin/trainers.c:name' => 32 },
	  send => sub { $s->post('/admin/training/trainers', { csrf => $acsrf, name => $_[0]{name} }) } },
	{ who => 'admin', inputs => { 'admin/courses.c:title' => 64, 'admin/courses.c:summary' => 200 },
	  send => sub { $s->post('/admin/courses', [ csrf => $acsrf, %{ $_[0] }, roles => 'citizen' ]) } },
	{ who => 'admin', inputs => { 'admin/lessons.c:title' => 64, 'admin/lessons.c:text' => 500 },
	  send => sub { $s->post_multipart("/admin/courses/$course/lessons", [ csrf => $acsrf, kind => 'text',
	    %{ $_[0] } ]) } },
);
sub enc { my $v = shift; utf8::encode($v); $v =~ s/([^A-Za-z0-9_.~-])/sprintf('%%%02X', ord $1)/ge; $v }

my %covered = map { my $f = $_; map { ($_ => 1) } keys %{ $f->{inputs} } } @forms;
is_deeply([ sort grep { !$covered{$_} && !$not_shown{$_} } keys %inputs ], [],
    'every text input of the source is in the corpus or said never to be shown');
is_deeply([ sort grep { !$inputs{$_} } keys %covered ], [], 'and the corpus names no input the source lacks');

# A draft bank to edit questions in.
as('admin');
$s->post('/admin/banks/draft', { csrf => $acsrf });
ok(one("SELECT COUNT(*) FROM bank WHERE status = 'draft'"), 'a draft bank for the question editor');

# --- Every payload through every form ----------------------------------------
my (%tags, @echoes);
for my $round (0 .. $#payloads) {
	for my $fi (0 .. $#forms) {
		my $f = $forms[$fi];
		as($f->{who});
		my %v;
		for my $in (sort keys %{ $f->{inputs} }) {
			(my $field = $in) =~ s/^.*://;
			next if $f->{same}{$field};
			my $tag = sprintf '~%s%d%s~', chr(97 + $fi % 26) . ($fi >= 26 ? 'z' : ''), $round, $field;
			$tag = sprintf '~%d%d~', $fi, $round if length($tag) + 4 > $f->{inputs}{$in};
			$v{$field} = substr($tag . $payloads[$round], 0, $f->{inputs}{$in});
			$tags{$tag} = { inputs => [ $in ], value => $v{$field} };
		}
		for my $field (sort keys %{ $f->{same} // {} }) {
			my $like = $f->{same}{$field};
			$v{$field} = $v{$like};
			my ($tag) = grep { $tags{$_}{value} eq $v{$like} } keys %tags;
			(my $in = (grep { /:\Q$like\E$/ } keys %{ $f->{inputs} })[0]) =~ s/:\w+$/:$field/;
			push @{ $tags{$tag}{inputs} }, $in;
		}
		my $res = $f->{send}->(\%v);
		ok($res->{status} =~ /^(?:200|303)$/, "round $round, form $fi (@{[ sort keys %v ]}): taken")
		    or diag "$res->{status} " . (($res->{content} // '') =~ m{<p class="form-error"[^>]*>(.*?)</p>}s)[0];
		push @echoes, [ "round $round, form $fi", $res ] if $f->{echo};
	}
}

# --- Every page, fetched and checked ---------------------------------------------
my $site = $s->url('');
my (%seen, %shown);
my $bad_html = 0;
sub check_page {
	my ($what, $res) = @_;
	my $ct = $res->{headers}{'content-type'} // '';
	my $body = $res->{content} // '';
	if ($ct =~ m{^text/html}) {
		like($ct, qr/charset=utf-8/i, "$what: UTF-8 declared") unless $ct =~ /charset=utf-8/i;
		# Each value typed, tag and all: never as it was typed.
		for my $v (map { $_->{value} } values %tags) {
			next unless $v =~ /[<>"]/;
			my $at = index($body, $v);
			next if $at < 0;
			fail("$what: holds $v unescaped");
			diag substr($body, $at > 80 ? $at - 80 : 0, 160);
			$bad_html++;
		}
		# A link, image or form of the page's own markup (what is escaped
		# is text, not markup) whose address is javascript:.
		while ($body =~ /<[a-zA-Z][\w-]*((?:\s+[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g) {
			my $attrs = $1;
			while ($attrs =~ /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g) {
				my ($name, $val) = (lc $1, $2 // $3 // $4);
				next unless $name =~ /^(?:href|src|action|formaction)$/ && $val =~ /^\s*javascript:/i;
				fail("$what: a javascript: address in $name");
				$bad_html++;
			}
		}
		if ($body =~ /<script(?![^>]*\bsrc=)[^>]*>/i) {
			fail("$what: an inline script");
			$bad_html++;
		}
	} elsif (length $body) {
		unlike($ct, qr{html}, "$what: an export ($ct) is not served as HTML");
		is($res->{headers}{'x-content-type-options'}, 'nosniff', "$what: and not sniffed");
	}
	$shown{$_}{$what} = 1 for grep { index($body, $_) >= 0 } keys %tags;
}
check_page($_->[0], $_->[1]) for @echoes;

sub crawl {
	my ($who, @start) = @_;
	as($who);
	my @queue = @start;
	my $n = 0;
	while (defined(my $path = shift @queue)) {
		next if $seen{"$who $path"}++;
		# A page's other months, sorts and pages: eight of each will do.
		(my $bare = $path) =~ s/\?.*//;
		next if $seen{"$who $bare?"}++ >= 8;
		next if $path =~ m{^/(?:static|media)/|\.png(?:\?|$)|/photos/|/documents/|^/dev/|^/v/key};
		last if ++$n > 400;
		my $res = $s->get($path);
		next unless $res->{status} == 200;
		check_page("$who $path", $res);
		next unless ($res->{headers}{'content-type'} // '') =~ m{^text/html};
		for my $h ($res->{content} =~ /href="([^"#]+)"/g) {
			$h =~ s/&amp;/&/g;
			$h =~ s/^\Q$site\E//;
			push @queue, $h if $h =~ m{^/[^/]};
		}
	}
	return $n;
}
ok(crawl('admin', '/admin', '/admin/hazards', '/admin/aid', '/admin/training', '/admin/visits', '/admin/codes',
    '/admin/questions', '/admin/reports', '/admin/courses', '/admin/admins', '/admin/departments', '/admin/roles',
    '/admin/training/setup', '/admin/people', '/admin/audit', '/admin/units', '/admin/access', '/admin/banks')
    > 30, 'the admin pages crawled');
# A resident's tracking pages need their mobile number: the aid's POST.
as('resident');
for my $ref (map { $_->[0] } $s->sql('SELECT ref FROM aid_application')) {
	check_page("resident /aid/r/$ref", $s->post("/aid/r/$ref", { csrf => $rcsrf, phone => '13800000001' }));
}
ok(crawl('resident', '/', '/account', '/my', '/unit', '/hazards', '/training', '/visits', '/learn', '/privacy',
    '/account/data', '/account/data.json', '/account/data.csv', '/points', @tracking) > 10, 'the public pages crawled');
# The moderated hazard reports are public.
$s->clear_cookies;
ok(crawl('public', '/', '/hazards', map { $_->[0] } $s->sql("SELECT CONCAT('/hazards/', id) FROM hazard")) > 3,
    'and what a visitor sees');
is($bad_html, 0, 'no page holds a payload unescaped, a javascript: link or an inline script');

# Every tagged value shown somewhere (so the check above saw it), except
# a form that refused it (a name with markup, say): then it is nowhere.
my %refused;
for my $tag (sort keys %tags) {
	next if $shown{$tag};
	push @{ $refused{$_} }, $tag for @{ $tags{$tag}{inputs} };
}
for my $in (sort keys %covered) {
	my $n = grep { grep { $_ eq $in } @{ $tags{$_}{inputs} } } keys %tags;
	my $r = @{ $refused{$in} // [] };
	ok($r < $n, "$in: shown on some page ($r of $n values never seen)") or diag "@{ $refused{$in} }";
}

# --- Broken UTF-8 -------------------------------------------------------------------
# The bytes as they are, percent-encoded (a client library would make
# UTF-8 of them first).
sub bytes_enc { join '', map { sprintf '%%%02X', ord } split //, shift }
sub raw_post {
	my ($path, %f) = @_;
	my $body = join '&', map { "$_=$f{$_}" } sort keys %f;
	return $s->request('POST', $path, { 'Content-Type' => 'application/x-www-form-urlencoded' }, $body);
}
my $departments = one('SELECT COUNT(*) FROM department');
for my $bad ([ 'a NUL', "a\x00b" ], [ 'an overlong <', "\xC0\xBCscript" ], [ 'a surrogate', "\xED\xA0\x80" ],
    [ 'a stray byte', "\xFF" ], [ 'a character cut short', "\xE4\xB8" ], [ 'an overlong NUL', "a\xC0\x80b" ]) {
	my ($what, $bytes) = @$bad;
	my $b = bytes_enc($bytes);
	as('resident');
	is(raw_post('/training', csrf => $rcsrf, name => $b, phone => '13800000001', organisation => 'x',
	    region => $cx, address => 'x', headcount => 40, topic => 'basics', day1 => $wd, part1 => 'am')->{status},
	    400, "$what in a form: 400");
	is($s->post_multipart('/hazards', [ csrf => $rcsrf, category => 'ebike', lng => '120.2700000',
	    lat => '30.1700000', description => "x${bytes}x", photo => [ 'a.jpg', $jpeg ] ])->{status},
	    400, "$what in a multipart form: 400");
	as('admin');
	is(raw_post('/admin/departments', csrf => $acsrf, name => $b)->{status}, 400, "$what in an admin form: 400");
	is($s->get("/admin/codes?q=$b")->{status}, 400, "$what in a search box: 400");
}
is(one('SELECT COUNT(*) FROM department'), $departments, 'none of them stored');

done_testing();
