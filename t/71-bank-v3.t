# The newest question bank (version 3 and later), as the set-up publishes
# it: every question has an explanation and a source; a source that names
# a law or a standard names its article or clause too (only a short list
# of documents is cited as a whole); no question rests on a superseded
# standard or a repealed clause; each role has enough questions and no
# two of a role's questions have near-identical stems; the defects fixed
# in version 3 stay fixed. The checker is also run on bad samples, so
# that it is seen to fail. The citations themselves are checked against
# sql/bank/CITATIONS.md by t/72-bank-v4.t.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test;

binmode Test::More->builder->$_, ':encoding(UTF-8)' for qw(output failure_output todo_output);

my $s = BlueCode::Test->start(workers => 1, dev => 0);
my $src = BlueCode::Test::src();

# Documents cited as a whole: guidance without articles, or a standard
# whose whole text is the definition cited.
my @whole = ('《火灾分类》GB/T 4968-2008', '《中小学公共安全教育指导纲要》',
    '《电动自行车安全隐患全链条整治行动方案》', '《全国城镇燃气安全专项整治工作方案》',
    '《中小学幼儿园应急疏散演练指南》');
# Named authorities, for what no law or standard covers.
my @authorities = ('应急管理部消防救援局', '中国红十字会', '公安部', '中国民用航空局',
    '国家市场监督管理总局');
my $number = qr/第[一二三四五六七八九十百零〇\d]+条|第\d+(?:\.\d+)+条|第\d+章|附录[A-Z]|表\d/;
my $names_law = qr/《[^》]+》|\b(?:GB|GB\/T|XF|GA)\s*\d/;
my $similar = 0.6;

# Character bigrams of a stem, without blanks and punctuation.
sub bigrams {
	(my $t = shift) =~ s/[\s\p{P}]//g;
	return { map { substr($t, $_, 2) => 1 } 0 .. length($t) - 2 };
}

sub jaccard {
	my ($x, $y) = map { bigrams($_) } @_;
	my $both = grep { $y->{$_} } keys %$x;
	my $any = keys(%$x) + keys(%$y) - $both;
	return $any ? $both / $any : 0;
}

# Problems of one source text, as a list of messages.
sub source_problems {
	my ($source) = @_;
	return ('no source') if !defined $source || $source !~ /\S/;
	my @p;
	push @p, 'cites the superseded GB 17761-2018' if $source =~ /GB\s*17761-2018/;
	push @p, 'cites the superseded GB 35181-2017' if $source =~ /GB\s*35181-2017/;
	# Repealed when GB 55036-2022 came into force (2023-03-01).
	push @p, "cites a repealed clause of GB 50444-2008: $1"
	    if $source =~ /GB\s*50444-2008[^；]*?(第5\.(?:3\.2|4\.[1-4])条)/;
	for my $seg (split /；/, $source) {
		next if grep { index($seg, $_) >= 0 } @whole;
		if ($seg =~ $names_law) {
			push @p, "names a law or standard without its article or clause: $seg" if $seg !~ $number;
		} elsif (!grep { index($seg, $_) == 0 } @authorities) {
			push @p, "names no law, standard or known authority: $seg";
		}
	}
	return @p;
}

# Problems of a bank: questions as { id, roles => [..], stem,
# explanation, source }.
sub bank_problems {
	my @q = @_;
	my @p;
	for my $q (@q) {
		push @p, "$q->{id}: no explanation" if ($q->{explanation} // '') !~ /\S/;
		push @p, map { "$q->{id}: $_" } source_problems($q->{source});
		push @p, "$q->{id}: GB/T 4968 (fire classes) cited for something else"
		    if ($q->{source} // '') =~ /4968/ && $q->{stem} !~ /属于/;
	}
	my %by;
	for my $q (@q) { push @{ $by{$_} }, $q for @{ $q->{roles} } }
	for my $role (sort keys %by) {
		my $list = $by{$role};
		for my $i (0 .. $#$list) {
			for my $j ($i + 1 .. $#$list) {
				my $sim = jaccard($list->[$i]{stem}, $list->[$j]{stem});
				push @p, sprintf('%s: %s and %s have near-identical stems (%.2f)', $role,
				    $list->[$i]{id}, $list->[$j]{id}, $sim) if $sim > $similar;
			}
		}
	}
	return @p;
}

# Questions of a bank file, read with the same fields.
sub file_questions {
	my ($file) = @_;
	open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!";
	local $/;
	my $x = <$fh>;
	my @q;
	while ($x =~ m{<question id="([^"]+)"[^>]*roles="([^"]+)">(.*?)</question>}sg) {
		my ($id, $roles, $body) = ($1, $2, $3);
		my %f = map { my ($v) = $body =~ m{<$_>(.*?)</$_>}s; ($_ => $v) } qw(stem explanation source);
		push @q, { id => $id, roles => [ split ' ', $roles ], %f };
	}
	return @q;
}

# The checker fails what it should.
{
	my %good = (id => 'X1', roles => ['citizen'], stem => '发现火灾后应拨打哪个电话报警？',
	    explanation => '119 是火警电话。', source => '《中华人民共和国消防法》第四十四条');
	is_deeply([ bank_problems({ %good }) ], [], 'a good question passes');
	my @bad = (
	    [ 'no source', { %good, source => undef }, qr/no source/ ],
	    [ 'a blank explanation', { %good, explanation => ' ' }, qr/no explanation/ ],
	    [ 'a law without its article', { %good, source => '《中华人民共和国消防法》' }, qr/without its article/ ],
	    [ 'a standard without its clause', { %good, source => '《建筑灭火器配置设计规范》GB 50140-2005' }, qr/without its article/ ],
	    [ 'a second source without its article',
	      { %good, source => '《中华人民共和国消防法》第二十八条；《高层民用建筑消防安全管理规定》（应急管理部令第5号）' },
	      qr/without its article/ ],
	    [ 'GB 17761-2018', { %good, source => '《电动自行车安全技术规范》GB 17761-2018 第4.1条' }, qr/superseded/ ],
	    [ 'GB 35181-2017', { %good, source => '《重大火灾隐患判定方法》GB 35181-2017 第1章' }, qr/superseded GB 35181/ ],
	    [ 'a repealed clause of GB 50444-2008',
	      { %good, source => '《建筑灭火器配置验收及检查规范》GB 50444-2008 第5.2.1条、第5.4.3条' },
	      qr/repealed clause of GB 50444-2008: 第5\.4\.3条/ ],
	    [ 'GB/T 4968 for the choice of an extinguisher',
	      { %good, stem => '扑救精密仪器火灾宜选用（  ）。', source => '《火灾分类》GB/T 4968-2008' }, qr/4968/ ],
	    [ 'an unknown authority', { %good, source => '网上流传的消防知识' }, qr/no law, standard or known authority/ ],
	);
	for my $case (@bad) {
		my ($name, $q, $re) = @$case;
		like(join("\n", bank_problems($q)), $re, "the checker refuses $name");
	}
	is(scalar(source_problems('《建筑灭火器配置验收及检查规范》GB 50444-2008 第5.2.1条、第5.2.2条')), 0,
	    'but not the clauses of GB 50444-2008 still in force');
	my @twins = bank_problems({ %good, id => 'X1' },
	    { %good, id => 'X2', stem => '发现火灾后，应拨打哪个电话报警？' });
	like(join("\n", @twins), qr/X1 and X2 have near-identical stems/, 'and two near-identical stems of a role');
	is(scalar(bank_problems({ %good, id => 'X1' }, { %good, id => 'X2', roles => ['student'],
	    stem => '发现火灾后，应拨打哪个电话报警？' })), 0, 'but not of two different roles');
	# A pair that bank version 2 had: “四懂” and “四会” asked the same way.
	my @v2 = file_questions("$src/sql/bank/v2.xml");
	my @v2p = bank_problems(@v2);
	ok((grep { /Q035 and Q036 have near-identical stems/ } @v2p), 'the near-identical pair of version 2 is found');
	ok((grep { /no source/ } @v2p), 'and version 2 lacks sources');
}

# The published bank, as the set-up left it: the newest file.
my ($newest) = sort { $b->[0] <=> $a->[0] }
    map { [ /v(\d+)\.xml$/, $_ ] } glob("$src/sql/bank/v[0-9]*.xml");
my ($pub, $version) = @{ ($s->sql("SELECT id, version FROM bank WHERE status = 'published'"))[0] };
is($version, $newest->[0], "version $newest->[0], the newest file, is published at set-up");
cmp_ok($version, '>=', 3, 'and it is version 3 or later');
my @file = file_questions($newest->[1]);
my @rows = $s->sql("SELECT ref, roles, stem, explanation, IFNULL(source, '') FROM question WHERE bank_id = $pub ORDER BY ref");
is(scalar(@rows), scalar(@file), scalar(@file) . ' questions, as in the file');
my @q = map { { id => $_->[0], roles => [ split /,/, $_->[1] ], stem => $_->[2],
    explanation => $_->[3], source => $_->[4] } } @rows;
my @p = bank_problems(@q);
is(scalar(@p), 0, 'every question has an explanation and a source with its article or clause, and no two stems of a role are near-identical')
    or diag join("\n", @p);

my %draws = map { $_->[0] => $_->[1] } $s->sql('SELECT code, questions FROM role');
for my $role (qw(responsible employee landlord student citizen)) {
	my $n = grep { grep { $_ eq $role } @{ $_->{roles} } } @q;
	my $min = $draws{$role} > 40 ? $draws{$role} : 40;
	cmp_ok($n, '>=', $min, "$n questions for $role (at least $min)");
}

# What changed against version 2: the known defects stay fixed.
my %v3 = map { $_->{id} => $_ } @q;
unlike($v3{Q055}{source}, qr/4968/, 'Q055 (the choice of an extinguisher) cites GB 50140, not GB/T 4968');
like($v3{Q055}{source}, qr/GB 50140-2005 第4\.2/, 'its clause 4.2');
like($v3{Q013}{source}, qr/第61号）第三十六条/, 'Q013 (training before the post, every unit) cites 61号令 article 36');
like($v3{Q012}{source}, qr/第61号）第三十六条/, 'Q012 (public assembly places) too');
unlike($v3{Q179}{stem} . join('', map { $_->[0] } $s->sql(
    "SELECT o.text FROM question_option o JOIN question q ON q.id = o.question_id WHERE q.bank_id = $pub AND q.ref = 'Q179'")),
    qr/吊顶内明敷/, 'Q179 no longer has the self-contradicting option');
my $new = grep { /^R\d+$/ } keys %v3;
cmp_ok($new, '>=', 60, "$new new questions");
for my $role (qw(responsible employee landlord student citizen)) {
	my $n = grep { /^R/ && grep { $_ eq $role } @{ $v3{$_}{roles} } } keys %v3;
	cmp_ok($n, '>=', 10, "$n new for $role");
}

done_testing();
