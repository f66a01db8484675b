# The edges of the site (issue 13): slow clients and header injection
# through redirects. nginx cuts a request whose header does not arrive
# within client_header_timeout, or whose body pauses longer than
# client_body_timeout (here 2 s: contrib/stack --client-timeout; 15 s
# by default), and takes in a whole body before a worker sees it, so
# clients sending a byte at a time hold no worker. A return path given
# to the sign-in leads to a path on this site or nowhere, and no header
# can be injected through it or through a path argument.
use strict;
use warnings;
use utf8;
use IO::Select;
use IO::Socket::INET;
use Time::HiRes qw(time sleep);
use Test::More;
use BlueCode::Test;

my $timeout = 2;
my $s = BlueCode::Test->start(workers => 2, client_timeout => $timeout);

# --- The configuration --------------------------------------------------
{
	open my $fh, '<', BlueCode::Test::src() . '/conf/nginx.conf.in' or die;
	my $conf = do { local $/; <$fh> };
	for my $d (qw(client_header_timeout client_body_timeout)) {
		like($conf, qr/^\s*$d \@CLIENT_TIMEOUT\@s;/m, "nginx.conf.in sets $d");
	}
	my ($send) = $conf =~ /^\s*send_timeout (\d+)s;/m;
	ok($send && $send <= 60, 'and send_timeout, at most a minute');
	like($conf, qr/^\s*reset_timedout_connection on;/m, 'timed-out connections are reset');
	like($conf, qr/^\s*fastcgi_request_buffering on;/m, 'bodies are taken in whole before a worker sees them');
	open $fh, '<', BlueCode::Test::src() . '/contrib/stack' or die;
	like(do { local $/; <$fh> }, qr/client_timeout=15 /, 'the default timeout is 15 s');
	open $fh, '<', $s->dir . '/conf/nginx.conf' or die;
	like(do { local $/; <$fh> }, qr/client_header_timeout ${timeout}s;/, "this stack's is $timeout s");
}

sub connect_app {
	IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $s->port,
	    Proto => 'tcp', Timeout => 5) or die "connect: $!";
}

# Whether nginx has closed the connection (EOF, a reset, or an answer).
sub closed {
	my $c = shift;
	return 0 unless IO::Select->new($c)->can_read(0);
	my $n = sysread($c, my $buf, 4096);
	return !defined $n || $n == 0 || length $buf;
}

# Send a piece every $gap seconds until nginx closes the connection or
# $max seconds pass; returns the seconds it stayed open (undef: it did
# not close).
sub trickle {
	my ($c, $gap, $max, $piece) = @_;
	my $t0 = time;
	local $SIG{PIPE} = 'IGNORE';
	while (time - $t0 < $max) {
		return time - $t0 if closed($c);
		syswrite($c, $piece) // return time - $t0;
		my $until = time + $gap;
		while (time < $until) {
			return time - $t0 if closed($c);
			sleep 0.05;
		}
	}
	return;
}

# --- Slow headers (slowloris) ---------------------------------------------
{
	my $c = connect_app();
	syswrite($c, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
	my $open = trickle($c, 0.5, 6 * $timeout, "X-Slow: 1\r\n");
	ok(defined $open, 'a header sent a line every half second is cut');
	ok(defined $open && $open < 3 * $timeout, "within the timeout ($timeout s) and its timer")
	    or diag $open;
}

# --- Slow bodies ----------------------------------------------------------
{
	my @slow = map {
		my $c = connect_app();
		syswrite($c, "POST /account/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
		    . "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n");
		$c;
	} 1 .. 4;
	# Four bodies under way, a byte every half second, on two workers:
	# the site answers all the while.
	my $ok = 0;
	local $SIG{PIPE} = 'IGNORE';
	for my $round (1 .. 6) {
		syswrite($_, 'p') for @slow;
		$ok++ if $s->get('/')->{status} == 200;
		sleep 0.5;
	}
	is($ok, 6, 'four bodies arriving a byte at a time hold none of the two workers');
	is(scalar(grep { !closed($_) } @slow), 4, 'they stay open while bytes keep coming');
	# Then they pause: each is cut.
	my $t0 = time;
	sleep 0.1 until time - $t0 > 6 * $timeout || !grep { !closed($_) } @slow;
	ok(time - $t0 < 3 * $timeout, "a body that pauses longer than $timeout s is cut")
	    or diag time - $t0;

	# A body sent slower than the timeout allows is cut after the first gap.
	my $c = connect_app();
	syswrite($c, "POST /account/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	    . "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n");
	my $open = trickle($c, $timeout + 1, 6 * $timeout, 'p');
	ok(defined $open && $open < 3 * $timeout, 'a byte every few seconds is cut at the first pause')
	    or diag $open;
}

# --- Header injection through redirects --------------------------------
{
	my $site = $s->url('/');
	for my $next ("/admin\r\nX-Injected: 1", "/\r\nSet-Cookie: bc_sid=evil", "/admin\nX-Injected: 1",
	    "http://evil.example/", "https://evil.example/", "//evil.example/", "\\\\evil.example\\",
	    "/\\evil.example/", "/\t/evil.example/", "\@evil.example", "javascript:alert(1)",
	    " //evil.example/", "/%0d%0aX-Injected:%201") {
		$s->clear_cookies;
		my $res = $s->post('/admin/login', { csrf => $s->csrf('/admin'), login => 'admin',
		    password => $s->admin_password, next => $next });
		(my $shown = $next) =~ s/([\r\n\t])/sprintf('\\x%02x', ord $1)/ge;
		is($res->{status}, 303, "next $shown: signed in");
		like($res->{headers}{location}, qr{^\Q$site\E}, "next $shown: stays on the site");
		unlike($res->{headers}{location}, qr/[\r\n]|evil\.example/, "next $shown: nothing of it leads away");
		ok(!exists $res->{headers}{'x-injected'}, "next $shown: no header injected");
		isnt($s->cookie('bc_sid'), 'evil', "next $shown: no cookie injected");
	}
	# A path argument put into a redirect: /quiz/:role/start.
	my ($st, $r) = $s->raw_get('/quiz/citizen%0d%0aX-Injected:%201/start');
	is($st, 404, 'a CR LF in a path argument: 404');
	unlike($r, qr/^X-Injected/mi, 'and no header injected');
}

done_testing();
