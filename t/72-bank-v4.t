# Question bank version 4 and the record of its citations: every
# citation of the newest published bank is in sql/bank/CITATIONS.md,
# checked against the text (核实 是) or marked as a named authority
# (权威来源), with the number of questions that cite it; a row found
# wrong or repealed is cited by no question. Version 4 keeps the
# question identities of version 3, which stays loaded and retired, and
# the corrections it made stay made. The checker is also run on bad
# samples, so that it is seen to fail.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $s = BlueCode::Test->start(workers => 1, dev => 0);
my $src = BlueCode::Test::src();

sub slurp {
	my ($file) = @_;
	open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!";
	local $/;
	return <$fh>;
}

# The table's rows: citation => { v3, v4, status }.
sub table {
	my ($text) = @_;
	my %row;
	for my $line (split /\n/, $text) {
		my @c = map { s/^\s+|\s+$//gr } split /\|/, $line, -1;
		next unless @c == 8 && $c[2] =~ /^\d+$/;
		die "row $c[1] twice\n" if $row{ $c[1] };
		$row{ $c[1] } = { v3 => $c[2], v4 => $c[3], status => $c[4] };
	}
	return \%row;
}

# Citations of a list of sources, each with its count.
sub citations {
	my %n;
	$n{$_}++ for map { split /；/ } grep { defined && /\S/ } @_;
	return \%n;
}

# Problems of a bank's sources against the table, as a list of messages.
sub table_problems {
	my ($row, $sources, $column) = @_;
	my $n = citations(@$sources);
	my @p;
	for my $c (sort keys %$n) {
		my $r = $row->{$c};
		if (!$r) {
			push @p, "not in the table: $c";
			next;
		}
		push @p, "not checked against the text: $c ($r->{status})"
		    if $r->{status} !~ /^(?:是|权威来源)/;
		push @p, "cited $n->{$c} times, the table says $r->{$column}: $c"
		    if $n->{$c} != $r->{$column};
	}
	for my $c (sort keys %$row) {
		push @p, "the table counts $row->{$c}{$column} for a citation no question has: $c"
		    if !$n->{$c} && $row->{$c}{$column} != 0;
	}
	return @p;
}

my $row = table(slurp("$src/sql/bank/CITATIONS.md"));
cmp_ok(scalar(keys %$row), '>=', 100, scalar(keys %$row) . ' citations in the table');

# The checker fails what it should.
{
	my %t = (
	    '《中华人民共和国消防法》第四十四条' => { v4 => 1, status => '是' },
	    '应急管理部消防救援局公众消防安全常识' => { v4 => 1, status => '权威来源' },
	    '《某规范》GB 1-2000 第1.1条' => { v4 => 0, status => '否' },
	);
	is_deeply([ table_problems(\%t, [ '《中华人民共和国消防法》第四十四条；应急管理部消防救援局公众消防安全常识' ], 'v4') ],
	    [], 'a checked citation and a named authority pass');
	like(join("\n", table_problems(\%t, [ '《中华人民共和国消防法》第四十四条', '《中华人民共和国消防法》第五条' ], 'v4')),
	    qr/not in the table: 《中华人民共和国消防法》第五条/, 'the checker refuses a citation missing from the table');
	like(join("\n", table_problems(\%t, [ '《中华人民共和国消防法》第四十四条；《某规范》GB 1-2000 第1.1条' ], 'v4')),
	    qr/not checked against the text: 《某规范》/, 'one the table marks unchecked');
	like(join("\n", table_problems(\%t, [ '《中华人民共和国消防法》第四十四条', '《中华人民共和国消防法》第四十四条' ], 'v4')),
	    qr/cited 2 times, the table says 1/, 'a count that does not match');
	like(join("\n", table_problems(\%t, [ '应急管理部消防救援局公众消防安全常识' ], 'v4')),
	    qr/the table counts 1 for a citation no question has/, 'and a row no question cites any more');
	my $sample = table("| 依据 | 第三版 | 第四版 | 核实 | 条文要点 | 更正与说明 |\n| --- | ---: | ---: | --- | --- | --- |\n"
	    . "| 《中华人民共和国消防法》第二条 | 1 | 2 | 是 | 方针。 |  |\n");
	is_deeply($sample, { '《中华人民共和国消防法》第二条' => { v3 => 1, v4 => 2, status => '是' } },
	    'a table row is read with its counts and status');
}

# The published bank, as the set-up left it.
my ($pub, $version) = @{ ($s->sql("SELECT id, version FROM bank WHERE status = 'published'"))[0] };
cmp_ok($version, '>=', 4, "version $version is published");
my @rows = $s->sql("SELECT ref, IFNULL(source, '') FROM question WHERE bank_id = $pub ORDER BY ref");
my @p = table_problems($row, [ map { $_->[1] } @rows ], 'v4');
is(scalar(@p), 0, 'every citation of the published bank is in sql/bank/CITATIONS.md, checked or a named authority, with its count')
    or diag join("\n", @p);
my @wrong = grep { $row->{$_}{status} =~ /^(?:否|已废止)/ } keys %$row;
cmp_ok(scalar(@wrong), '>=', 10, scalar(@wrong) . ' citations of version 3 found wrong or repealed');
is(scalar(grep { $row->{$_}{v4} } @wrong), 0, 'and none of them is cited any more');

# The table's version 3 column is true of v3.xml as well.
sub file_sources {
	my ($x) = @_;
	return map { m{<source>(.*?)</source>}s ? $1 : '' } $x =~ m{<question .*?</question>}sg;
}
my $v3 = slurp("$src/sql/bank/v3.xml");
my @p3 = grep { !/not checked against the text/ } table_problems($row, [ file_sources($v3) ], 'v3');
is(scalar(@p3), 0, 'every citation of version 3 is in the table with its count') or diag join("\n", @p3);

# Version 3 stays loaded, retired; version 4 keeps its question identities.
my ($v3status, $v3n) = @{ ($s->sql("SELECT b.status, COUNT(*) FROM bank b JOIN question q ON q.bank_id = b.id WHERE b.version = 3 GROUP BY b.id"))[0] };
is($v3status, 'retired', 'version 3 is loaded and retired');
is($v3n, 261, 'with its 261 questions');
my %v4 = map { $_->[0] => $_->[1] } $s->sql("SELECT q.ref, q.source FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 4");
my @ids3 = sort $v3 =~ /<question id="([^"]+)"/g;
is_deeply([ sort keys %v4 ], \@ids3, 'version 4 has the question identities of version 3');

# The corrections stay made.
sub options {
	my ($ref) = @_;
	return { map { $_->[0] => $_->[1] } $s->sql("SELECT o.opt_key, o.text FROM question_option o JOIN question q ON q.id = o.question_id "
	    . "JOIN bank b ON b.id = q.bank_id WHERE b.version = 4 AND q.ref = '$ref'") };
}
like($v4{R046}, qr/GB 35181-2025/, 'R046 cites GB 35181-2025');
like(options('R046')->{A}, qr/GB 35181-2025《重大火灾隐患判定规则》/, 'and its answer names it');
unlike(join('', values %v4), qr/GB 50444-2008 第5\.(?:3\.2|4\.\d)条/, 'no question cites a repealed clause of GB 50444-2008');
like($v4{R010}, qr/GB 55036-2022 第10\.0\.7条/, 'the scrapping ages rest on GB 55036-2022 第10.0.7条');
like($v4{Q039}, qr/安全生产法》第四十二条/, 'Q039 (dormitories) cites 安全生产法 article 42');
like(options('Q175')->{B}, qr/违章关闭消防设施/, 'Q175 option B is an act 61号令 article 31 names');
like($v4{Q179}, qr/GB 55024-2022 第6\.1\.1条/, 'Q179 (wiring above ceilings) cites GB 55024-2022');
like($v4{R024}, qr/第5号）第五十条/, 'R024 (high-rise height) cites the definitions of the high-rise rules');

done_testing();
