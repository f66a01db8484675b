# Hostile and malformed input over HTTP: every case gets a clear error
# page with the right status, and the service keeps answering.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2, dev => 1);

sub status_is {
	my ($res, $want, $name) = @_;
	is($res->{status}, $want, $name) or diag(substr($res->{content} // '', 0, 300));
}

# A valid browser token and its CSRF token, from the sign-in page.
my $csrf = $s->csrf('/admin');
ok($csrf && length($csrf) == 43, 'the sign-in form carries a CSRF token');

# Query strings.
status_is($s->get('/?q=%E4%B8%AD'), 200, 'valid UTF-8 in the query is fine');
status_is($s->get('/?q=%C0%80'), 400, 'overlong UTF-8 in the query is 400');
status_is($s->get('/?q=%ED%A0%80'), 400, 'a UTF-16 surrogate in the query is 400');
status_is($s->get('/?q=%FF'), 400, 'a stray byte in the query is 400');
status_is($s->get('/?q=%00'), 400, 'a NUL in the query is 400');
status_is($s->get('/?q=%4'), 400, 'a cut-short escape is 400');
status_is($s->get('/?q=%G1'), 400, 'a bad hex escape is 400');
my $res = $s->get('/?q=%C0%80');
my $html = $res->{content};
like($html, qr/请求有误/, 'the 400 page explains in Chinese');

# Paths.
status_is($s->get('/%FF'), 400, 'a path that is not UTF-8 is 400');

# Bodies: CSRF first. (Sign-out is the POST route used here; sign-in
# has a rate limit in nginx.)
status_is($s->post('/admin/logout', { login => 'admin', password => 'x' }), 403,
    'a POST without a CSRF token is 403');
status_is($s->post('/admin/logout', { csrf => 'A' x 43, login => 'admin', password => 'x' }), 403,
    'a forged CSRF token is 403');
status_is($s->post('/admin/logout', { csrf => $csrf . 'x', login => 'a', password => 'x' }), 403,
    'a CSRF token of the wrong length is 403');
{
	my $other = BlueCode::Test::form_value($s->get('/admin')->{content}, 'csrf');
	my $saved = $s->cookie('bc_sid');
	$s->set_cookie('bc_sid', 'B' x 43);
	status_is($s->post('/admin/logout', { csrf => $other, login => 'a', password => 'x' }), 403,
	    "another browser's CSRF token is 403");
	$s->set_cookie('bc_sid', $saved);
}
status_is($s->post('/admin/logout', { csrf => $csrf }), 303,
    'with the right token the form is processed');
$csrf = $s->csrf('/admin');

# Malformed bodies.
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => 'application/x-www-form-urlencoded' }, "csrf=$csrf&login=%C3%28"), 400,
    'bad UTF-8 in a form field is 400');
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => 'application/x-www-form-urlencoded' }, "csrf=$csrf&login=%E4%B"), 400,
    'a cut-short escape in a body is 400');
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => 'application/x-www-form-urlencoded' },
    "csrf=$csrf&" . join('&', map { "f$_=1" } 1 .. 300)), 413,
    'more fields than max_fields is 413');
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => 'application/x-www-form-urlencoded' },
    "csrf=$csrf&login=" . ('a' x (65 * 1024))), 413,
    'a field over max_field is 413');
status_is($s->request('POST', '/admin/logout', { 'Content-Type' => 'application/json' },
    '{"login":"admin"}'), 415, 'an unsupported content type is 415');

# Multipart.
my $b = 'XyZzy';
my $mp = "--$b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$csrf\r\n"
    . "--$b\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\nadmin\r\n"
    . "--$b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nnope\r\n--$b--\r\n";
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => "multipart/form-data; boundary=$b" }, $mp), 303,
    'a well-formed multipart form is processed');
$csrf = $s->csrf('/admin');
$mp =~ s/name="csrf"\r\n\r\n[\w-]+/name="csrf"\r\n\r\n$csrf/;
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => "multipart/form-data; boundary=$b" }, substr($mp, 0, 150)), 400,
    'a truncated multipart body is 400');
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => 'multipart/form-data' }, $mp), 400,
    'multipart without a boundary is 400');
(my $bad = $mp) =~ s/name="login"\r\n\r\nadmin/name="login"\r\n\r\n\xC0\x80/;
status_is($s->request('POST', '/admin/logout',
    { 'Content-Type' => "multipart/form-data; boundary=$b" }, $bad), 400,
    'overlong UTF-8 in a multipart field is 400');

# A body over nginx's client_max_body_size: nginx answers 413 with our page.
$res = $s->request('POST', '/admin/logout',
    { 'Content-Type' => 'application/x-www-form-urlencoded' }, 'a=' . ('x' x (9 * 1024 * 1024)));
status_is($res, 413, 'a 9 MiB body is 413');
$html = $res->{content};
like($html, qr/提交的内容过大/, 'the 413 page is ours, in Chinese');
like($html, qr{<span class="brand-place">萧山区</span>}, "naming the district like the site's own pages");

# The site still answers after all that, and no worker died.
status_is($s->get('/'), 200, 'the home page still answers');
unlike($s->log_text('bluecode.log'), qr/killed by signal/, 'no worker crashed');

done_testing();
