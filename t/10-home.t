# The home page through the whole path (MariaDB → XML → XSLT → HTML),
# security headers, static files from nginx, ?xml=1, 404 and 405 pages.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 2, dev => 1);

my $res = $s->get('/');
is($res->{status}, 200, 'home page answers 200');
like($res->{headers}{'content-type'}, qr{^text/html; charset=utf-8}, 'as UTF-8 HTML');
like($res->{content}, qr/^<!DOCTYPE html>/i, 'an HTML5 doctype');
my $html = $res->{content};
like($html, qr{<title>萧山区全民消防安全普测 · 消防蓝码</title>}, 'the title names the jurisdiction');
like($html, qr/萧山区消防安全委员会办公室/, 'the committee is in the footer');
for my $role ('消防安全责任人（管理人）', '企业员工', '出租屋房东', '学生', '普通市民') {
	like($html, qr/\Q$role\E/, "role $role is listed");
}
like($html, qr/消防安全责任人（管理人）<\/span><span class="role-valid">有效期 6 个月/,
    'responsible persons: 6 months');
like($html, qr/普通市民<\/span><span class="role-valid">有效期 12 个月/, 'citizens: 12 months');

# Security headers on every application response.
my $h = $res->{headers};
like($h->{'content-security-policy'}, qr/script-src 'self'/, 'CSP without inline script');
like($h->{'content-security-policy'}, qr/frame-ancestors 'none'/, 'CSP frame-ancestors');
is($h->{'x-content-type-options'}, 'nosniff', 'nosniff');
is($h->{'x-frame-options'}, 'DENY', 'X-Frame-Options');
ok($h->{'referrer-policy'}, 'Referrer-Policy');
unlike($html, qr/<script>/, 'no inline script');
ok(!$h->{'set-cookie'}, 'a page without a form sets no cookie');
like($s->get('/admin')->{headers}{'set-cookie'} // '',
    qr/bc_sid=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/,
    'a page with a form sets the session cookie, HttpOnly and SameSite=Lax');

# ?xml=1 in development mode gives the page's XML.
$res = $s->get('/?xml=1');
is($res->{status}, 200, '?xml=1 answers');
like($res->{headers}{'content-type'}, qr{^application/xml}, 'as XML');
like($res->{content}, qr{<page name="home" lang="zh-CN">}, 'the page element');
like($res->{content}, qr{<role code="responsible" name="消防安全责任人（管理人）" months="6"},
    'roles with their validity');

# HEAD: headers only.
$res = $s->request('HEAD', '/');
is($res->{status}, 200, 'HEAD / answers 200');
is($res->{content} // '', '', 'with no body');

# Static files come from nginx with caching headers; text is gzipped.
$res = $s->get('/static/css/site.css', { 'Accept-Encoding' => 'gzip' });
is($res->{status}, 200, 'the stylesheet is served');
like($res->{headers}{'cache-control'} // '', qr/max-age=\d+/, 'with a cache lifetime');
is($res->{headers}{'content-encoding'}, 'gzip', 'gzipped');
$res = $s->get('/static/img/logo.svg');
like($res->{headers}{'content-type'}, qr{image/svg\+xml}, 'the logo is SVG');

# The home page is rendered once per refdata_ttl for visitors who are not
# signed in; a signed-in admin gets it rendered for them (with the
# sign-out form), and so does a request with a flash message.
is($s->get('/')->{content}, $s->get('/')->{content}, 'anonymous visitors get the same page');
is($s->admin_login->{status}, 303, 'an admin signs in');
$res = $s->get('/');
like($res->{content}, qr{<form class="bar-logout" method="post" action="/admin/logout">},
    'signed in, the home page has the sign-out form');
like($res->{content}, qr{name="csrf" value="[\w-]{43}"}, 'with its CSRF token');
$s->clear_cookies;
unlike($s->get('/')->{content}, qr/bar-logout/, 'signed out again: the anonymous page');

# 404 and 405 are pages in the site's layout.
$res = $s->get('/no/such/page');
is($res->{status}, 404, 'an unknown path is 404');
$html = $res->{content};
like($html, qr/页面不存在/, 'the 404 page says so in Chinese');
like($html, qr/class="bar"/, 'in the site layout');
$res = $s->post('/', { a => 1 });
is($res->{status}, 405, 'POST / is 405');
is($res->{headers}{allow}, 'GET, HEAD', 'with an Allow header');
$res = $s->request('DELETE', '/admin');
is($res->{status}, 405, 'DELETE is 405');
$res = $s->get('/admin/login');
is($res->{status}, 405, 'GET on a POST route is 405');
is($res->{headers}{allow}, 'POST', 'Allow: POST');

# The Chinese left in the interface of an English page, without the
# reference data's names.
sub leftover { BlueCode::Test::chinese_left($_[0], $s->reference_names) }

# In English: the interface; the names of places and roles as they are.
my $en = { 'Accept-Language' => 'en' };
$html = $s->get('/', $en)->{content};
like($html, qr{<html lang="en">}, 'in English, the page says so');
like($html, qr{<title>Fire safety test for everyone in Xiaoshan District · Blue Code</title>},
    'the title in English, with the jurisdiction in English');
like($html, qr{<a class="button light" href="/quiz">Start the quiz and get your blue code</a>},
    'the main button');
like($html, qr{Ordinary citizen</span><span class="role-valid">Valid for 12 months</span>},
    "a role's validity");
like($html, qr{<li><strong>Choose your role</strong>: pick the one}, 'the steps');
is(leftover($html), '', 'no Chinese left in the interface');
$html = $s->get('/no/such/page', $en)->{content};
like($html, qr{<title>Page not found · Blue Code</title>}, 'the 404 page in English');
like($html, qr{<a class="button" href="/">Go to the home page</a>}, 'with its way back');
is(leftover($html), '', 'and no Chinese left');

done_testing();
