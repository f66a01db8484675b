# A badge that cannot be drawn (here: the configured font is not a font)
# is a 500 page, logged, kept nowhere; the drawing child is gone and the
# worker that asked serves the next requests as before.
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

done_testing();
