# A badge that cannot be drawn (here: the configured font is not a font)
# is a 500 page, logged, kept nowhere; the drawing child is gone and the
# worker that asked serves the next requests as before. A badge cache
# that cannot be written (a full disk, then a read-only one): badges are
# still served, drawn on every request, and the log says so once for
# the pool, not once a request, and once more when it is writable again.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 1, set => [ 'font = /etc/hostname' ]);
$s->small_bank(3);
my $id = $s->pass_quiz('citizen', '城厢街道');
ok($id, 'a code is issued');
my ($tok) = $s->get("/my/$id")->{content} =~ m{href="/v/([\w-]{120})"};
my ($worker) = $s->worker_pids;

my $res = $s->get("/v/$tok/badge-card.png");
is($res->{status}, 500, 'a badge that cannot be drawn is 500');
like($res->{content}, qr/<html/, 'with the error page');
ok(!defined $res->{headers}{etag}, 'and no ETag, which a later request could confirm');
unlike($res->{headers}{'cache-control'} // '', qr/public|max-age=[1-9]/, 'nor a cache lifetime');
ok(!-e $s->dir . "/cache/badge/$tok-card.png", 'nothing is kept');
like($s->log_text('bluecode.log'), qr/badge of code \d+: not drawn/, 'the failure is logged');
is(($s->worker_pids)[0], $worker, 'the worker lives on');
open my $fh, '<', "/proc/$worker/task/$worker/children";
is((<$fh> // '') =~ /\d/ ? 'children' : 'none', 'none', 'its drawing child is gone (reaped)');
is($s->get("/v/$tok")->{status}, 200, 'and it serves the next request');
$s->stop;

# --- The badge cache full, then read-only --------------------------------

my $mnt;
END { system('umount', $mnt) if $mnt && `grep -F " $mnt " /proc/mounts`; }
SKIP: {
	$s = BlueCode::Test->start(workers => 2);
	$s->small_bank(3);
	my @tok;
	for (1 .. 2) {
		$s->clear_cookies;
		my $id = $s->pass_quiz('citizen', '城厢街道');
		push @tok, $s->get("/my/$id")->{content} =~ m{href="/v/([\w-]{120})"};
	}
	my $cache = $s->dir . '/cache/badge';
	skip 'cannot mount a tmpfs here (not root?)', 12
	    unless system("mount -t tmpfs -o size=64k,mode=0755 bluecode-test $cache 2>/dev/null") == 0;
	$mnt = $cache;
	system("dd if=/dev/zero of=$cache/fill bs=4k 2>/dev/null");
	my $badges = sub {
		my $n = 0;
		for my $round (1 .. 3) {
			for my $t (@tok) {
				for my $size (qw(screen card a6)) {
					my $res = $s->get("/v/$t/badge-$size.png");
					$n++ if $res->{status} == 200 && $res->{content} =~ /^\x89PNG/;
				}
			}
		}
		return $n;
	};
	my $said = sub { scalar(() = $s->log_text('bluecode.log') =~ /badge cache [^\n]*: $_[0]/g) };
	is($badges->(), 18, 'the cache full: 18 badge requests, each served a PNG');
	is($said->('badges are drawn on every request meanwhile: No space left'), 1,
	    'the log says so once, not once a request nor once a worker');
	ok(!glob("$cache/*.png"), 'nothing kept');
	ok(!glob("$cache/*.tmp"), 'nor a partial file left');
	system('mount', '-o', 'remount,ro', $cache) == 0 or die 'remount';
	is($badges->(), 18, 'the cache read-only: still served');
	is($said->('badges are drawn on every request meanwhile: Read-only'), 1,
	    'the new cause is said once');
	is($said->('written again'), 0, 'the cache is not said to work');
	system('umount', $cache) == 0 or die 'umount';
	undef $mnt;
	is($badges->(), 18, 'writable again: served');
	is($said->('written again'), 1, 'the log says the cache works again, once');
	ok(-s "$cache/$tok[0]-card.png", 'and the badge is kept');
	is($s->get("/v/$tok[0]/badge-card.png")->{status}, 200, 'and served from there');
	is($said->('badges are drawn'), 2, 'no more warnings');
}

done_testing();
