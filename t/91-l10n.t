# The interface in English (core/l10n.c, xslt/l10n/en/): every message of
# every stylesheet has its translation and every catalog entry is used
# (bluecode l10n-check); the language is the browser's (Accept-Language)
# unless the switch on every page chose one (the bc_lang cookie); the
# pages a worker keeps (the home page, the frame's fragments) are kept
# per language; and the English pages are English where the interface
# speaks, with the lang attribute saying so.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

my $bin = $ENV{BLUECODE_BIN} // 'build/bluecode';
my $src = $ENV{BLUECODE_SRC} // '.';

# The catalogs are complete: nothing missing, nothing unused.
my $out = `$bin l10n-check $src/xslt 2>&1`;
is($? >> 8, 0, 'l10n-check passes') or diag(substr($out, 0, 3000));
is($out, '', 'and reports nothing');

my $s = BlueCode::Test->start(workers => 2);
my $en = { 'Accept-Language' => 'en-GB,en;q=0.9,zh-CN;q=0.5' };
my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;

# The browser's language. Each worker keeps a home page per language.
for my $i (1 .. 4) {
	my $zh = $s->get('/')->{content};
	like($zh, qr{<html lang="zh-CN">}, "round $i: no Accept-Language: Chinese");
	like($zh, qr{<a class="lang-switch" href="/lang/en" lang="en" hreflang="en">English</a>}, 'with the switch to English');
	my $e = $s->get('/', $en)->{content};
	like($e, qr{<html lang="en">}, 'Accept-Language en: English');
	like($e, qr{<a class="lang-switch" href="/lang/zh" lang="zh-CN" hreflang="zh-CN">中文</a>}, 'with the switch back, named in Chinese');
	like($e, qr{<span class="brand-name">Blue Code</span>}, 'the brand bar in English');
	like($e, qr{In case of fire, call <strong>119</strong> at once}, 'the footer in English');
	unlike($e, qr{消防蓝码</span>|长辈模式|发现火情}, 'no Chinese of the frame');
}
like($s->get('/', { 'Accept-Language' => 'zh-CN,zh;q=0.9,en;q=0.8' })->{content}, qr{<html lang="zh-CN">},
    'Chinese preferred over English: Chinese');
like($s->get('/', { 'Accept-Language' => 'fr, en;q=0.3' })->{content}, qr{<html lang="en">},
    'French, then English: English');
like($s->get('/nothing-here', $en)->{content}, qr{<html lang="en">}, 'error pages too');

# The switch: a cookie for 400 days, back to the page it was tapped on;
# it wins over the browser's language, in both directions.
my $res = $s->get('/lang/en', { Referer => $s->url('/quiz?x=1') });
is($res->{status}, 303, 'the switch answers with a redirect');
like($res->{headers}{'set-cookie'} // '', qr{^bc_lang=en; Path=/; HttpOnly; SameSite=Lax; Max-Age=34560000}, 'it sets the cookie');
is($res->{headers}{location}, $s->url('/quiz?x=1'), 'and goes back');
like($s->get('/quiz')->{content}, qr{<html lang="en">}, 'the cookie gives English without Accept-Language');
$s->get('/lang/zh');
is($s->cookie('bc_lang'), 'zh', 'switching to Chinese keeps the choice');
like($s->get('/', $en)->{content}, qr{<html lang="zh-CN">}, 'and it wins over an English browser');
is($s->get('/lang/fr')->{status}, 404, 'an unknown language: 404');
is($s->get('/lang/en', { Referer => $s->url('/lang/zh') })->{headers}{location}, $s->url('/'), 'never back to the switch');
is($s->get('/lang/en', { Referer => 'http://example.com/' })->{headers}{location}, $s->url('/'), "nor to another site");
$s->set_cookie(bc_lang => '<x>');
like($s->get('/', $en)->{content}, qr{<html lang="en">}, 'a cookie of anything else: the browser decides');
$s->clear_cookies;

# nginx's own error pages (here 413: a body over client_max_body_size)
# in the language the application would choose (conf/nginx.conf.in).
my $big = 'a=' . ('x' x (9 * 1024 * 1024));
my $form = { 'Content-Type' => 'application/x-www-form-urlencoded' };
for ([ $en, 'en', 'an English browser' ], [ {}, 'zh-CN', 'no Accept-Language' ],
    [ { %$en, Cookie => 'bc_lang=zh' }, 'zh-CN', 'an English browser that chose Chinese' ],
    [ { Cookie => 'bc_lang=en' }, 'en', 'a browser that chose English' ]) {
	my ($h, $lang, $who) = @$_;
	$res = $s->request('POST', '/admin/logout', { %$form, %$h }, $big);
	is($res->{status}, 413, "$who: nginx answers 413");
	like($res->{content}, qr{<html lang="\Q$lang\E">}, "with its page in $lang");
}

# The elder mode and English together: both keyed in the frame.
$s->set_cookie(bc_mode => 'elder');
my $e = $s->get('/privacy', $en)->{content};
like($e, qr{mode-elder}, 'the elder mode in English');
like($e, qr{<a class="mode-switch" href="/mode/standard">Standard view</a>}, 'its switch in English');
$s->clear_cookies;

done_testing();
