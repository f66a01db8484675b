# The reference data in English (issue 14): the English names of roles,
# streets and towns and the jurisdiction (sql/034_english_names.sql) on
# residents' pages in English, the Chinese unchanged; the badge drawn and
# kept per language; the admin pages that edit the English names, and
# their refusals in both languages.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

# One worker: what it keeps (the home page's roles, the jurisdiction) is
# asked for in both languages one after the other.
my $s = BlueCode::Test->start(workers => 1, dev => 1);
my %en = ('Accept-Language' => 'en-GB,en;q=0.9');
my %zh = ('Accept-Language' => 'zh-CN,zh;q=0.9,en;q=0.8');

# The home page.
my $home = $s->get('/', {%en})->{content};
like($home, qr{<html lang="en"}, 'the home page in English');
for my $name ('Fire-safety responsible person / manager', 'Enterprise employee', 'Rental-housing landlord',
    'Student', 'Ordinary citizen') {
	like($home, qr{>\Q$name\E<}, "role: $name");
}
like($home, qr{People who live in or visit this jurisdiction}, 'with its audience');
like($home, qr{Xiaoshan District Fire-Safety Committee Office}, 'the committee in English');
unlike($home, qr{消防安全责任人|企业员工|萧山区消防安全委员会办公室|普通市民}, 'no Chinese name left');
my $zhome = $s->get('/', {%zh})->{content};
like($zhome, qr{<html lang="zh-CN"}, 'the home page in Chinese, from the same worker');
like($zhome, qr{消防安全责任人（管理人）</span>}, 'its roles in Chinese');
like($zhome, qr{萧山区消防安全委员会办公室}, 'and the committee');
unlike($zhome, qr{Enterprise employee|Xiaoshan District}, 'without English');
like($s->get('/', {%en})->{content}, qr{>Enterprise employee<}, 'English again after Chinese (kept per language)');

# The quiz: the roles and the place step.
like($s->get('/quiz', {%en})->{content}, qr{>Rental-housing landlord<}, 'the quiz lists the roles in English');
my $place = $s->get('/quiz/student', {%en})->{content};
like($place, qr{<option value="\d+">Chengxiang Subdistrict</option>}, 'the place step: streets in English');
like($place, qr{<option value="\d+">Guali Town</option>}, 'and towns');
unlike($place, qr{<option value="\d+">[^<]*[\x{4e00}-\x{9fff}]}, 'no Chinese street or town');
like($s->get('/quiz/student', {%zh})->{content}, qr{<option value="\d+">城厢街道</option>},
    'in Chinese unchanged');

# A street without an English name shows its Chinese.
$s->sql("UPDATE region SET name_en = NULL WHERE name = '瓜沥镇'");
like($s->get('/quiz/student', {%en})->{content}, qr{<option value="\d+">瓜沥镇</option>},
    'no English name: the Chinese');
$s->sql("UPDATE region SET name_en = 'Guali Town' WHERE name = '瓜沥镇'");

# A code: the holder's page, the verification page.
$s->small_bank(3);
my $code = $s->pass_quiz('citizen', '城厢街道') or die 'no code';
my $page = $s->get("/my/$code", {%en})->{content};
like($page, qr{Ordinary citizen}, "the holder's page: the role in English");
like($page, qr{Chengxiang Subdistrict}, 'and the street');
my ($tok) = $page =~ m{href="/v/([\w-]{120})"} or diag $page;
my $verify = $s->get("/v/$tok", {%en})->{content};
like($verify, qr{Ordinary citizen.*Chengxiang Subdistrict}s, 'the verification page in English');
like($s->get("/v/$tok", {%zh})->{content}, qr{普通市民.*城厢街道}s, 'and in Chinese');

# The badge, in both languages: drawn, kept apart, served by nginx.
my $zcard = $s->get("/v/$tok/badge-card.png", {%zh});
my $ecard = $s->get("/v/$tok/badge-card.png", {%en});
is("$zcard->{status} $ecard->{status}", '200 200', 'the card badge in both languages');
isnt($ecard->{content}, $zcard->{content}, 'the English badge is another picture');
isnt($ecard->{headers}{etag}, $zcard->{headers}{etag}, 'with another ETag');
my $cache = $s->dir . "/cache/badge/$tok-card";
ok(-s "$cache.png" && -s "$cache-en.png", 'the cache keeps both');
for my $case ([ 'Accept-Language en', {%en}, $ecard ], [ 'Accept-Language zh', {%zh}, $zcard ],
    [ 'cookie en', { Cookie => 'bc_lang=en', %zh }, $ecard ],
    [ 'cookie zh', { Cookie => 'bc_lang=zh', %en }, $zcard ],
    [ 'no Accept-Language', {}, $zcard ]) {
	my ($what, $h, $want) = @$case;
	my $res = $s->get("/v/$tok/badge-card.png", $h);
	ok($res->{content} eq $want->{content} && $res->{headers}{'last-modified'},
	    "$what: nginx serves the kept badge of that language");
}
my $weighed = $s->get("/v/$tok/badge-card.png", { 'Accept-Language' => 'de;q=0.5,en;q=0.9' });
is($weighed->{content}, $ecard->{content}, 'a weighed header: the application chooses English');
{
	# Revoking through the admin clears both languages' files.
	is($s->admin_login->{status}, 303, 'the admin signs in');
	my $csrf = $s->csrf('/admin/codes');
	my $res = $s->post("/admin/codes/$code/revoke", { csrf => $csrf, text => '测试撤销' });
	ok(!-e "$cache.png" && !-e "$cache-en.png", 'a revocation clears both kept badges')
	    or diag "revoke: $res->{status}";
}

# The roles page: the English name next to the Chinese.
{
	my $roles = $s->get('/admin/roles', {%zh});
	like($roles->{content}, qr{<input name="name_en" type="text" value="Student"}, 'the roles page edits the English name');
	my $csrf = form_value($roles->{content}, 'csrf');
	my %good = (csrf => $csrf, name => '学生', audience => '中小学生、职业院校和高校学生', months => 12,
	    questions => 3, minutes => 20, pass => 80);
	is($s->post('/admin/roles/student', { %good, name_en => 'School student', audience_en => 'Pupils' })->{status},
	    303, 'an English name is saved');
	is(join('|', @{ ($s->sql("SELECT name_en, audience_en FROM role WHERE code = 'student'"))[0] }),
	    'School student|Pupils', 'with its audience');
	is($s->post('/admin/roles/student', { %good })->{status}, 303, 'a form without them');
	is(($s->sql("SELECT name_en FROM role WHERE code = 'student'"))[0][0], 'School student', 'keeps them');
	for my $bad ([ name_en => 'x' x 65 ], [ name_en => "two\nlines" ], [ audience_en => 'y' x 401 ]) {
		my $res = $s->post('/admin/roles/student', { %good, @$bad, csrf => $csrf });
		is($res->{status}, 400, "$bad->[0] of " . length($bad->[1]) . ' characters is refused');
		like($res->{content}, qr{<p class="form-error" role="alert">英文(名称|适用人群)最长}, 'saying why in Chinese');
	}
	my $res = $s->request('POST', '/admin/roles/student', { %en, 'Content-Type' => 'application/x-www-form-urlencoded' },
	    $s->{http}->www_form_urlencode({ %good, name_en => 'x' x 65 }));
	is($res->{status}, 400, 'refused in English too');
	like($res->{content}, qr{<p class="form-error" role="alert">The English name must be one line of at most 64 characters\.</p>},
	    'saying why in English');
	$res = $s->request('POST', '/admin/roles/student', { %en, 'Content-Type' => 'application/x-www-form-urlencoded' },
	    $s->{http}->www_form_urlencode({ %good, questions => 4 }));
	like($res->{content}, qr{The published question bank has only 3 questions for this role}, 'the bank limit in English');
	$res = $s->request('POST', '/admin/roles/student', { %zh, 'Content-Type' => 'application/x-www-form-urlencoded' },
	    $s->{http}->www_form_urlencode({ %good, questions => 4 }));
	like($res->{content}, qr{已发布题库中适用于该角色的题目只有 3 道，每次答题的题数不能更多。}, 'and in Chinese');
	$res = $s->request('POST', '/admin/roles/student', { %en, 'Content-Type' => 'application/x-www-form-urlencoded' },
	    $s->{http}->www_form_urlencode({ %good, months => 0 }));
	like($res->{content}, qr{The validity must be 1 to 60 months\.}, 'the validity in English');
	my $en_roles = $s->get('/admin/roles', {%en})->{content};
	like($en_roles, qr{<html lang="en"}, 'the roles page in English');
	like($en_roles, qr{Roles and quiz settings}, 'with its title');
	unlike($en_roles =~ s{<(h2|input)[^>]*>[^<]*}{}gr =~ s{<footer.*}{}sr =~ s{<nav.*?</nav>}{}sr,
	    qr{<(?:label|span|p|button)[^>]*>[^<]*[\x{4e00}-\x{9fff}]}, 'no Chinese in its labels');
	is($s->post('/admin/roles/student', { %good, name_en => '' })->{status}, 303, 'an empty English name');
	is(($s->sql("SELECT name_en IS NULL FROM role WHERE code = 'student'"))[0][0], 1, 'is none');
	$s->sql("UPDATE role SET name_en = 'Student' WHERE code = 'student'");
}

# The streets and towns page: the English name, and the population.
{
	my $page = $s->get('/admin/regions', {%zh})->{content};
	my ($id) = $page =~ m{<tr id="region-(\d+)"><td class="nowrap">城厢街道</td>} or diag $page;
	like($page, qr{<input name="name_en" type="text" value="Chengxiang Subdistrict"}, 'the regions page edits the English name');
	my $csrf = form_value($page, 'csrf');
	is($s->post("/admin/regions/$id", { csrf => $csrf, population => 148588, name_en => 'Chengxiang' })->{status},
	    303, 'a new English name is saved');
	is(($s->sql("SELECT name_en FROM region WHERE id = $id"))[0][0], 'Chengxiang', 'stored');
	my ($action, $detail) = @{ ($s->sql('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1'))[0] };
	is("$action|$detail", 'region-name-en|城厢街道: Chengxiang Subdistrict → Chengxiang', 'audit-logged');
	my $res = $s->post("/admin/regions/$id", { csrf => $csrf, population => 148588, name_en => 'z' x 65 });
	is($res->{status}, 400, 'a long English name is refused');
	like($res->{content}, qr{<p class="form-error" role="alert">城厢街道：英文名称最长 64 个字符}, 'naming the street and why');
	$res = $s->request('POST', "/admin/regions/$id", { %en, 'Content-Type' => 'application/x-www-form-urlencoded' },
	    $s->{http}->www_form_urlencode({ csrf => $csrf, population => 'abc' }));
	like($res->{content}, qr{<p class="form-error" role="alert">城厢街道: The resident population must be a whole number},
	    'a bad population, in English');
	$res = $s->post("/admin/regions/$id", { csrf => $csrf, population => 'abc' });
	like($res->{content}, qr{城厢街道：常住人口应为 1–20,000,000 之间的整数；不知道时留空。}, 'and in Chinese');
	my $en_page = $s->get('/admin/regions', {%en})->{content};
	like($en_page, qr{Resident population of streets and towns}, 'the regions page in English');
	like($en_page, qr{<td class="nowrap">城厢街道</td>}, "naming the streets as the office's figures do, in Chinese");
	is($s->post("/admin/regions/$id", { csrf => $csrf, population => 148588, name_en => 'Chengxiang Subdistrict' })->{status},
	    303, 'the name set back');
}

# Statistics keep the Chinese names.
like($s->get('/admin', {%en})->{content}, qr{城厢街道}, "the office's figures keep the Chinese names");

done_testing;
