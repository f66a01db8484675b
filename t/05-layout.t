# The layout of fcgi/, as README's file map draws it: the plumbing
# (core/) includes no header but its own; the shared services (shared/)
# only the plumbing's and their own; the rooms include each other's
# headers without a circle; every included header exists; every source
# file is built into the library or the program; every module is listed
# in modules.c; no room's header (which other rooms include) declares its
# field enum.
use strict;
use warnings;
use File::Find;
use Test::More;

my $src = $ENV{BLUECODE_SRC} // '.';
my $top = "$src/fcgi";

# Every file below fcgi/ by its room: the first folder, or "top" for the
# files beside the folders (main.c, modules.c).
my %room_of;
find({ no_chdir => 1, wanted => sub {
	return unless -f $_ && /\.[ch]$/;
	(my $rel = $_) =~ s{^\Q$top\E/}{};
	$room_of{$rel} = $rel =~ m{^([^/]+)/} ? $1 : 'top';
} }, $top);
ok(scalar(grep { $room_of{$_} eq 'core' } keys %room_of) > 10, 'the plumbing is in fcgi/core/');

# The project's headers each file includes, as paths below fcgi/.
my %includes;
for my $file (sort keys %room_of) {
	open(my $fh, '<', "$top/$file") or die "$file: $!";
	while (my $line = <$fh>) {
		next unless $line =~ /^\s*#\s*include\s+"([^"]+)"/;
		my $h = $1;
		(my $dir = $file) =~ s{[^/]*$}{};
		# "x.h" is found beside the file first, then below fcgi/.
		my $path = -f "$top/$dir$h" ? "$dir$h" : $h;
		push @{$includes{$file}}, $path;
	}
}

my @missing = map { my $f = $_; map { "$f includes $_" } grep { !exists $room_of{$_} } @{$includes{$f} // []} } sort keys %includes;
is_deeply(\@missing, [], 'every included header exists') or diag(join("\n", @missing));

# The rule of each layer: whom its files may include.
my %may = (
	core => { core => 1 },
	shared => { core => 1, shared => 1 },
);
for my $layer (sort keys %may) {
	my @bad;
	for my $file (sort grep { $room_of{$_} eq $layer } keys %room_of) {
		for my $h (@{$includes{$file} // []}) {
			push @bad, "$file includes $h" unless $may{$layer}{$room_of{$h} // ''};
		}
	}
	is_deeply(\@bad, [], "$layer/ includes no header above it") or diag(join("\n", @bad));
}

# The graph of rooms (an edge A -> B: a file of A includes a header of
# B) has no circle, so every dependency points one way.
my %edge;
for my $file (keys %includes) {
	for my $h (@{$includes{$file}}) {
		my ($a, $b) = ($room_of{$file}, $room_of{$h} // next);
		$edge{$a}{$b} = 1 if $a ne $b;
	}
}
my (%state, @cycle);
my $visit;
$visit = sub {
	my ($n, @path) = @_;
	return if @cycle || ($state{$n} // 0) == 2;
	if (($state{$n} // 0) == 1) {
		my ($from) = grep { $path[$_] eq $n } 0 .. $#path;
		@cycle = (@path[$from .. $#path], $n);
		return;
	}
	$state{$n} = 1;
	$visit->($_, @path, $n) for sort keys %{$edge{$n} // {}};
	$state{$n} = 2;
};
$visit->($_) for sort keys %edge;
is(join(' -> ', @cycle), '', 'the rooms include each other without a circle');
ok(!$edge{core}, 'the plumbing depends on no room');
ok($edge{quiz}{code} && !$edge{code}{quiz}, 'the quiz issues codes; codes know no quiz');

# A room's header, which other rooms include, declares no field enum: the
# fields of two rooms (FIELD_NAME, FIELD_REGION…) would meet in one file.
my @fields_shared;
for my $h (sort grep { /\.h$/ && !/local\.h$/ && $room_of{$_} ne 'core' } keys %room_of) {
	open(my $fh, '<', "$top/$h") or die "$h: $!";
	push @fields_shared, $h if join('', <$fh>) =~ /^enum \w+_field \{/m;
}
is_deeply(\@fields_shared, [], "no room's header declares its fields") or diag(join("\n", @fields_shared));

# Every source file is built: in the library's list, or the program's.
open(my $am, '<', "$src/Makefile.am") or die "Makefile.am: $!";
my $am_text = join('', <$am>);
my %built = map { $_ => 1 } ($am_text =~ m{\bfcgi/(\S+\.[ch])\b}g);
my @unbuilt = grep { !$built{$_} } sort keys %room_of;
is_deeply(\@unbuilt, [], 'every file of fcgi/ is in Makefile.am') or diag(join("\n", @unbuilt));

# Every module a room defines is in modules.c's list, under its file.
open(my $mods, '<', "$top/modules.c") or die "modules.c: $!";
my $list = join('', <$mods>);
my $defined = 0;
for my $file (sort keys %room_of) {
	open(my $fh, '<', "$top/$file") or die "$file: $!";
	for (join('', <$fh>) =~ /^const struct module (\w+)_module = \{/mg) {
		$defined++;
		like($list, qr{\bM\($_\)\s*/\* \Q$file\E \*/}, "module $_ of $file is in modules.c");
	}
}
ok($defined >= 10, "$defined modules defined");

# HTML enters a page's document one way only: fragments a stylesheet made
# (core/fragment.c), joined by fragment_join into an element named *-html,
# which the page's stylesheet copies with disable-output-escaping. So no
# stylesheet copies anything else unescaped, and C names an *-html element
# nowhere but in a fragment_join call.
my (@unescaped, $copies);
for my $xsl (sort glob("$src/xslt/*.xsl")) {
	open(my $fh, '<', $xsl) or die "$xsl: $!";
	my $text = join('', <$fh>);
	while ($text =~ /(<[^<>]*disable-output-escaping="yes"[^<>]*>)/g) {
		my $tag = $1;
		$copies++;
		push @unescaped, "$xsl: $tag"
		    unless $tag =~ /^<xsl:value-of select="(?:[\w-]+\/)*[a-z-]+-html"/;
	}
}
ok($copies, "$copies fragments copied into pages");
is_deeply(\@unescaped, [], 'stylesheets copy unescaped only *-html elements') or diag(join("\n", @unescaped));
my @html_names;
for my $file (sort keys %room_of) {
	next if $file eq 'core/fragment.c';
	open(my $fh, '<', "$top/$file") or die "$file: $!";
	while (my $line = <$fh>) {
		push @html_names, "$file:$.: $line"
		    if $line =~ /"[a-z-]+-html"/ && $line !~ /\bfragment_join\(/;
	}
}
is_deeply(\@html_names, [], 'C makes *-html elements only with fragment_join') or diag(join('', @html_names));

# Every integration test is in the distribution's test list, so that
# make distcheck runs what contrib/test runs.
my ($listed) = $am_text =~ /^INTEGRATION_TESTS = \\\n((?:\t.*\n)+)/m;
my %in_list = map { $_ => 1 } ($listed // '') =~ m{(t/\S+\.t)}g;
my @unlisted = grep { !$in_list{$_} } map { s{^\Q$src\E/}{}r } sort glob("$src/t/*.t");
is_deeply(\@unlisted, [], 'every t/*.t is in INTEGRATION_TESTS') or diag(join("\n", @unlisted));

done_testing();
