# CSRF on every POST: each POST route of every module, read from the
# route tables in the source (so a new one is covered without a line
# here), is sent by a signed-in admin without a token and with a forged
# one; every one is refused with 403 and nothing is written.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Find ();
use BlueCode::Test;

my $src = BlueCode::Test::src();
my %routes;
File::Find::find(sub {
	return unless /\.c$/;
	open my $fh, '<', $_ or die "$File::Find::name: $!";
	local $/;
	my $text = <$fh>;
	$routes{$1} = $File::Find::name
	    while $text =~ /\{\s*(?:METHOD_\w+\s*\|\s*)*METHOD_POST(?:\s*\|\s*METHOD_\w+)*\s*,\s*"([^"]+)"/g;
}, "$src/fcgi");
ok(keys %routes >= 55, scalar(keys %routes) . ' POST routes found in the route tables');

my $s = BlueCode::Test->start(workers => 2, dev => 1);
sub one { my ($sql) = @_; return (map { $_->[0] } $s->sql($sql))[0] }
# What the POSTs would write, counted.
my $writes = sub { one("SELECT (SELECT COUNT(*) FROM audit_log) + (SELECT COUNT(*) FROM notice) + (SELECT COUNT(*) FROM person)"
    . " + (SELECT COUNT(*) FROM admin) + (SELECT COUNT(*) FROM visit_booking) + (SELECT COUNT(*) FROM hazard)") };
$s->admin_login;
my $good = $s->csrf('/admin');
ok($good, 'a signed-in admin has a token');
my $before = $writes->();
for my $pattern (sort keys %routes) {
	(my $path = $pattern) =~ s{:[a-z]+}{1}g;
	my %form = (name => 'x', text => 'x', phone => '13800000000', password => 'csrf-pass-1', status => 'closed');
	is($s->post($path, \%form)->{status}, 403, "POST $path without a token: 403");
	is($s->post($path, { %form, csrf => 'A' x 43 })->{status}, 403, "POST $path with a forged token: 403");
}
is($writes->(), $before, 'none of them wrote anything');
isnt($s->post('/admin/logout', { csrf => $good })->{status}, 403, 'the real token is taken (signing out)');
done_testing();
