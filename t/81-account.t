# Accounts: register with a mobile number, bind the codes of this browser,
# a name for the badge, masked numbers for everyone but the owner, sign
# in from another browser.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);
my $bin = BlueCode::Test::bin();
my $conf = $s->dir . '/conf/bluecode.conf';
my $src = BlueCode::Test::src();
system("$bin -f $conf bank-import --publish $src/t/data/bank-small.xml >/dev/null") == 0 or die;
$s->sql('UPDATE role SET questions = 1');
$s->sql("UPDATE question SET roles = 'citizen' WHERE ref = 'T001'");
$s->sql("UPDATE question SET roles = 'responsible' WHERE ref <> 'T001'");

# Pass a one-question quiz by manual choice; returns the code id.
sub pass_quiz {
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">城厢街道</option>};
	my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
	my ($u) = $res->{headers}{location} =~ m{^http://[^/]+(/.*)$};
	my $q = $s->get($u);
	my %opt = reverse($q->{content} =~ m{<input name="o" value="(\d)"[^>]*><span class="opt-key">\w</span><span class="opt-text">([^<]+)</span>}g);
	$res = $s->post($u, [ csrf => form_value($q->{content}, 'csrf'), o => $opt{119}, go => 'submit' ]);
	my ($id) = $s->get($res->{headers}{location} =~ s{^http://[^/]+}{}r)->{content} =~ m{href="/my/(\d+)"};
	return $id;
}

my $code = pass_quiz();
ok($code, 'a code earned without an account');
is(($s->sql("SELECT person_id IS NULL FROM code WHERE id = $code"))[0][0], 1, 'belongs to the browser only');

my $page = $s->get('/account');
like($page->{content}, qr/注册新账号/, 'the account page offers registration');
my $csrf = form_value($page->{content}, 'csrf');
like($s->post('/account/register', { csrf => $csrf, phone => '12345', password => 'longenough' })->{content},
    qr/请输入 11 位手机号码/, 'a bad number is refused');
like($s->post('/account/register', { csrf => $csrf, phone => '13812345678', password => 'short' })->{content},
    qr/密码至少需要 8 位/, 'a short password is refused');
is(($s->sql('SELECT COUNT(*) FROM person'))[0][0], 0, 'nothing was stored');

my $res = $s->post('/account/register', { csrf => $csrf, phone => '13812345678', password => 'fire-safety-1', name => '张三' });
is($res->{status}, 303, 'registration signs in');
like($res->{headers}{location}, qr{/my$}, 'and leads to 我的蓝码');
my ($pid, $hash) = @{ ($s->sql('SELECT id, pw_hash FROM person'))[0] };
like($hash, qr/^\$argon2id\$/, 'the password is an argon2id hash');
is(($s->sql("SELECT person_id FROM code WHERE id = $code"))[0][0], $pid, "the browser's code moved to the account");
is(($s->sql("SELECT COUNT(*) FROM attempt WHERE person_id = $pid"))[0][0], 1, 'and its attempt');
like($s->get('/my')->{content}, qr/注册成功/, 'the next page says so');

like($s->get('/account')->{content}, qr{<dd>13812345678</dd>}, 'the owner sees the whole number');
my ($tok) = $s->get("/my/$code")->{content} =~ m{href="/v/([\w-]{120})"};
my $v = $s->get("/v/$tok")->{content};
like($v, qr{138\*\*\*\*5678}, 'the verification page masks the number');
like($v, qr{<dd>张\*</dd>}, 'and the name');
unlike($v, qr/13812345678|张三/, 'and shows neither in full');

$csrf = form_value($s->get('/account')->{content}, 'csrf');
$s->post('/account/name', { csrf => $csrf, name => '李四光' });
is(($s->sql("SELECT name FROM person WHERE id = $pid"))[0][0], '李四光', 'the name is changed');
like($s->get("/v/$tok")->{content}, qr{<dd>李\*\*</dd>}, 'and shown masked');
like($s->post('/account/name', { csrf => $csrf, name => 'x' x 17 })->{content}, qr/姓名不超过 16 个字/, 'a long name is refused');
$s->post('/account/name', { csrf => $csrf, name => '' });
is(($s->sql("SELECT name IS NULL FROM person WHERE id = $pid"))[0][0], 1, 'an empty name clears it');
like($s->get('/account')->{content}, qr{<dd>未填写</dd>}, 'and the account says it has none');

# Sign out; from a new browser, sign in and find the code.
$s->post('/account/logout', { csrf => $csrf });
$s->clear_cookies;
unlike($s->get('/my')->{content}, qr{href="/my/$code"}, 'a new browser has no codes');
$csrf = form_value($s->get('/account')->{content}, 'csrf');
like($s->post('/account/login', { csrf => $csrf, phone => '13812345678', password => 'wrong-pass' })->{content},
    qr/手机号或密码不正确/, 'a wrong password is refused');
$res = $s->post('/account/login', { csrf => $csrf, phone => '13812345678', password => 'fire-safety-1' });
is($res->{status}, 303, 'the right one signs in');
like($s->get('/my')->{content}, qr{href="/my/$code"}, 'and the code is there');
is($s->get("/my/$code")->{status}, 200, "its holder's page opens");
$csrf = form_value($s->get('/account')->{content}, 'csrf');
like($s->post('/account/register', { csrf => $csrf, phone => '13812345678', password => 'another-1' })->{content},
    qr/已经注册/, 'a number registers once');
is(($s->sql('SELECT COUNT(*) FROM person'))[0][0], 1, 'and nothing more was stored');

# The form always sends the optional name, empty when left blank.
$s->post('/account/logout', { csrf => $csrf });
$csrf = form_value($s->get('/account')->{content}, 'csrf');
$res = $s->post('/account/register', { csrf => $csrf, phone => '13912345670', password => 'fire-safety-2', name => '' });
is($res->{status}, 303, 'registration without a name, as the form sends it');
is(($s->sql("SELECT name IS NULL FROM person WHERE phone_hash = @{[ $s->phone_hash('13912345670') ]}"))[0][0], 1, 'stores no name');
like($s->get('/account')->{content}, qr{<dd>139\d{8}</dd>.*<dd>未填写</dd>}s, 'and the account has none');

# Signing out, even when not signed in, takes this browser's codes along.
$s->post('/account/logout', { csrf => form_value($s->get('/account')->{content}, 'csrf') });
$s->clear_cookies;
my $anon = pass_quiz();
ok($anon, 'a code earned without an account, in a new browser');
$csrf = form_value($s->get('/account')->{content}, 'csrf');
$res = $s->post('/account/logout', { csrf => $csrf });
is($res->{status}, 303, 'signing out when not signed in');
like($s->get('/my')->{content}, qr{href="/my/$anon"}, 'the code is still this browser\'s');
is($s->get("/my/$anon")->{status}, 200, "and its holder's page opens");

# A registration that cannot be completed leaves no account behind.
$s->sql("UPDATE person SET phone = '13912345671', phone_enc = NULL, phone_hash = NULL WHERE phone_hash = @{[ $s->phone_hash('13912345670') ]}");
$s->seal;
$csrf = form_value($s->get('/account')->{content}, 'csrf');
$s->sql('CREATE TRIGGER no_sign_in BEFORE INSERT ON session FOR EACH ROW '
    . "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no sessions now'");
$res = $s->post('/account/register', { csrf => $csrf, phone => '13912345672', password => 'fire-safety-3' });
is($res->{status}, 500, 'a registration whose session cannot be stored fails');
is(($s->sql("SELECT COUNT(*) FROM person WHERE phone_hash = @{[ $s->phone_hash('13912345672') ]}"))[0][0], 0, 'and leaves no account');
is(($s->sql("SELECT person_id IS NULL FROM code WHERE id = $anon"))[0][0], 1, 'nor a bound code');
$s->sql('DROP TRIGGER no_sign_in');
$res = $s->post('/account/register', { csrf => $csrf, phone => '13912345672', password => 'fire-safety-3' });
is($res->{status}, 303, 'the same registration, tried again, goes through');

# The Chinese left in the interface of an English page, without the
# reference data's names.
sub leftover { BlueCode::Test::chinese_left($_[0], $s->reference_names) }

# In English, in a new browser: signing in and registering, a mistake,
# the account, a reset link that works no more.
$s->clear_cookies;
my $en = { 'Accept-Language' => 'en' };
$page = $s->get('/account', $en)->{content};
like($page, qr{<html lang="en">}, 'the account page in English');
like($page, qr{<title>My account · Blue Code</title>}, 'titled in English');
like($page, qr{<button type="submit" class="button">Create account</button>}, 'registering');
like($page, qr{Choose a password \(at least 8 characters\)}, "with the fields' labels");
is(leftover($page), '', 'no Chinese left');
$csrf = form_value($page, 'csrf');
$page = $s->post('/account/register', { csrf => $csrf, phone => '13912345699', password => 'short' }, $en)->{content};
like($page, qr{role="alert">Your password must be at least 8 characters\.</p>}, 'a mistake, in English');
is($s->post('/account/register', { csrf => $csrf, phone => '13912345699', password => 'fire-safety-9' })->{status},
    303, 'registered');
$page = $s->get('/account', $en)->{content};
like($page, qr{Your details are not complete\. Still to do: add your name, choose your role, choose your street or town\.},
    'what the profile still needs, as an English list');
like($page, qr{<dt>Mobile number</dt><dd>13912345699</dd>}, 'the number');
like($page, qr{<button type="submit" class="button secondary">Sign out</button>}, 'signing out');
is(leftover($page), '', 'no Chinese left');
$page = $s->get('/account/reset/' . ('x' x 43), $en)->{content};
like($page, qr{<h1>Reset your password</h1>}, 'a reset link in English');
like($page, qr{This link has been used, has expired or does not exist\.}, 'that works no more');
is(leftover($page), '', 'no Chinese left');

done_testing();
