# SIGHUP: a new generation of workers with the changed stylesheet, and
# then nginx reloaded twice, while a loop of concurrent requests runs;
# not one request may fail. A broken stylesheet keeps the running
# generation.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Copy qw(copy);
use File::Temp qw(tempdir);
use Time::HiRes qw(sleep time);
use BlueCode::Test;

my $xslt = tempdir('bluecode-xslt-XXXXXX', TMPDIR => 1, CLEANUP => 1);
chmod 0755, $xslt;
copy($_, $xslt) or die for glob(BlueCode::Test::src() . '/xslt/*.xsl');
my $s = BlueCode::Test->start(workers => 2, dev => 1, xslt => $xslt);

# The worker processes of the stack's nginx.
sub nginx_workers {
	my $master = $s->pid('nginx') or return ();
	open my $fh, '<', "/proc/$master/task/$master/children" or return ();
	return grep { (`cat /proc/$_/cmdline 2>/dev/null` // '') =~ /worker process/ } split ' ', (<$fh> // '');
}

sub edit_home {
	my ($from, $to) = @_;
	my $f = "$xslt/home.xsl";
	open my $in, '<:encoding(UTF-8)', $f or die;
	local $/;
	my $x = <$in>;
	close $in;
	$x =~ s/\Q$from\E/$to/ or die "nothing to edit";
	open my $out, '>:encoding(UTF-8)', "$f.new" or die;
	print $out $x;
	close $out;
	rename "$f.new", $f or die;
}

unlike($s->get('/')->{content}, qr/RELOADED-MARK/, 'before: the original page');
my @old = $s->worker_pids;

# Three clients hammer the site during the reload: the home page, the
# quiz's first page, a code's verification page (a read of MariaDB).
$s->small_bank(3);
my $id = $s->pass_quiz('citizen', '城厢街道');
my ($tok) = $s->get("/my/$id")->{content} =~ m{href="/v/([\w-]{120})"};
my @paths = ('/', '/quiz/citizen', "/v/$tok");
# A GET that finds its kept-alive connection closed by a retiring nginx
# worker before any answer (HTTP::Tiny's 599) is sent again on a new one,
# as browsers do (RFC 9112, 9.3.1); an answer that is not 200 is a
# failure, and so is a second 599.
my $load = $s->load(3, sub {
	my ($k, $i) = @_;
	my $path = $paths[$i % @paths];
	my $res = $s->get($path);
	return unless $res->{status} == 599;
	$s->{statuses}{599}--;
	$res = $s->get($path);
	return "sent again: $path ($res->{status})";
});
sleep 0.5;
edit_home('<h1>消防蓝码</h1>', '<h1>消防蓝码</h1><p>RELOADED-MARK</p>');
kill 'HUP', $s->pid('bluecode');
ok($s->wait_until(10, sub { $s->get('/')->{content} =~ /RELOADED-MARK/ }),
    'after SIGHUP the changed stylesheet is served');
ok($s->wait_until(10, sub { my @n = $s->worker_pids; @n == 2 && !grep { my $o = $_; grep { $_ == $o } @n } @old }),
    'the old workers have been replaced by two new ones');
sleep 0.5;

# nginx reloaded under the same load, twice: new nginx workers take the
# connections, the old ones finish theirs.
my $nginx = $s->dir . '/nginx';
for my $n (1 .. 2) {
	my @before = nginx_workers();
	system('nginx', '-p', $nginx, '-e', $s->dir . '/log/nginx-error.log',
	    '-c', $s->dir . '/conf/nginx.conf', '-s', 'reload') == 0 or die 'nginx -s reload';
	ok($s->wait_until(10, sub { my @now = nginx_workers(); @now && !grep { my $o = $_; grep { $_ == $o } @now } @before }),
	    "nginx reload $n: new nginx workers");
	sleep 0.5;
}
my ($st, @again) = $s->load_stop($load);
my $total = 0;
$total += $_ for values %$st;
note('responses by status: ', join(', ', map { "$_: $st->{$_}" } sort keys %$st));
cmp_ok($total, '>', 50, "the loop made $total requests during the reloads");
is($total - ($st->{200} // 0), 0, 'not one of them failed');
note(scalar(@again) . ' sent again on a new connection: ' . join('; ', @again)) if @again;
like($s->log_text('bluecode.log'), qr/reloading/, 'the reload is logged');

# A broken stylesheet: the reload is refused and the site keeps working.
edit_home('<xsl:template match="/page" mode="main">', '<xsl:template match="/page" mode="main"><broken');
my @cur = $s->worker_pids;
kill 'HUP', $s->pid('bluecode');
ok($s->wait_until(5, sub { $s->log_text('bluecode.log') =~ /stylesheets have errors; keeping/ }),
    'a broken stylesheet is refused with a log line');
is($s->get('/')->{status}, 200, 'the site still answers');
is_deeply([ sort $s->worker_pids ], [ sort @cur ], 'with the same workers');

# An empty log_level once crashed the master on reload: now the reload is
# refused and the master lives on. And settings fixed at start (the log
# file here) are kept, with a warning.
edit_home('<broken', '');
my $cf = $s->dir . '/conf/bluecode.conf';
open my $in, '<', $cf or die;
my $orig = do { local $/; <$in> };
close $in;
my $master = $s->pid('bluecode');
open my $out, '>', $cf or die;
print $out $orig, "log_level =\n";
close $out;
kill 'HUP', $master;
ok($s->wait_until(5, sub { $s->log_text('bluecode.log') =~ /configuration has errors; keeping/ }),
    'a reload with an empty log_level is refused');
ok(kill(0, $master), 'and the master lives on');
is($s->get('/')->{status}, 200, 'serving');
open $out, '>', $cf or die;
print $out $orig, "log_file = " . $s->dir . "/log/elsewhere.log\n";
close $out;
kill 'HUP', $master;
ok($s->wait_until(5, sub { $s->log_text('bluecode.log') =~ /reload: log_file changed; it takes effect only at a restart/ }),
    'a changed log_file is kept until a restart, and the log says so');
ok(!-e $s->dir . '/log/elsewhere.log', 'nothing is written to the new one');
open $out, '>', $cf or die;
print $out $orig;
close $out;

done_testing();
