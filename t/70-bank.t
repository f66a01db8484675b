# Question bank files: import checks the file and loads all of it or
# nothing, naming the line of every problem; export gives back a file
# that imports again.
use strict;
use warnings;
use utf8;
use Test::More;
use File::Temp qw(tempfile);
use BlueCode::Test;

my $s = BlueCode::Test->start(workers => 1, dev => 0);
my $bin = BlueCode::Test::bin();
my $conf = $s->dir . '/conf/bluecode.conf';
my $small = BlueCode::Test::src() . '/t/data/bank-small.xml';

sub counts {
	my ($b, $q, $o) = @{ ($s->sql('SELECT (SELECT COUNT(*) FROM bank), '
	    . '(SELECT COUNT(*) FROM question), (SELECT COUNT(*) FROM question_option)'))[0] };
	return "$b/$q/$o";
}

# Write a variant of the small bank and import it; returns (exit, output).
sub import_text {
	my ($xml, @opts) = @_;
	my ($fh, $file) = tempfile(SUFFIX => '.xml', UNLINK => 1);
	binmode $fh, ':encoding(UTF-8)';
	print $fh $xml;
	close $fh;
	my $out = `$bin -f $conf bank-import @opts $file 2>&1`;
	utf8::decode($out);
	return ($? >> 8, $out, $file);
}

sub small_text {
	open my $fh, '<:encoding(UTF-8)', $small or die;
	local $/;
	return <$fh>;
}

# The banks the site starts with (sql/bank/v*.xml), loaded in order by the
# set-up: the last is published, the earlier ones retired; the published
# one has at least 200 questions, at least 40 for each role, every type.
my @files = sort { ($a =~ /v(\d+)\.xml$/)[0] <=> ($b =~ /v(\d+)\.xml$/)[0] } glob(BlueCode::Test::src() . '/sql/bank/v[0-9]*.xml');
my ($last) = $files[-1] =~ /v(\d+)\.xml$/;
my %status = map { $_->[0] => $_->[1] } $s->sql('SELECT version, status FROM bank');
is($status{$last}, 'published', "the last bank file (version $last) is published");
is(scalar(grep { $status{$_} eq 'retired' } keys %status), @files - 1, 'the earlier versions are retired');
my ($pub) = $s->sql("SELECT id FROM bank WHERE version = $last");
my ($total) = map { $_->[0] } $s->sql("SELECT COUNT(*) FROM question WHERE bank_id = $pub->[0]");
cmp_ok($total, '>=', 200, "it has $total questions");
for my $role (qw(responsible employee landlord student citizen)) {
	my ($n) = map { $_->[0] } $s->sql("SELECT COUNT(*) FROM question WHERE bank_id = $pub->[0] AND FIND_IN_SET('$role', roles)");
	cmp_ok($n, '>=', 40, "$n questions for $role");
}
my %types = map { $_->[0] => $_->[1] } $s->sql("SELECT type, COUNT(*) FROM question WHERE bank_id = $pub->[0] GROUP BY type");
ok($types{single} && $types{multi} && $types{truefalse}, 'single, multiple and true/false questions');
is(($s->sql("SELECT COUNT(*) FROM question WHERE bank_id = $pub->[0] AND (explanation = '' OR stem = '')"))[0][0], 0,
    'every question has a stem and an explanation');

my $before = counts();
my ($rc, $out) = import_text(small_text());
is($rc, 0, 'a good bank imports') or diag $out;
like($out, qr/bank version 900 imported as a draft/, 'as a draft');
my ($b, $q, $o) = split m{/}, counts();
my ($b0, $q0, $o0) = split m{/}, $before;
is($q - $q0, 3, 'three questions');
is($o - $o0, 10, 'ten options');
my ($status) = map { $_->[0] } $s->sql('SELECT status FROM bank WHERE version = 900');
is($status, 'draft', 'the new version is a draft');
my %roles = map { $_->[0] => $_->[1] } $s->sql(
    "SELECT q.ref, q.roles FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 900");
is($roles{T001}, 'student,citizen', 'roles are stored as a set');

($rc, $out) = import_text(small_text());
isnt($rc, 0, 'the same version again is refused');
like($out, qr/bank version 900 exists already/, 'saying why');
like($out, qr/nothing was imported/, 'and that nothing was imported');
($rc, $out) = import_text(small_text(), '--if-new');
is($rc, 0, 'with --if-new it is not an error');

# Broken files: each names the line, and nothing changes.
$before = counts();
my $x = small_text();
$x =~ s/version="900"/version="901"/;
my @bad = (
    [ 'malformed XML', do { (my $t = $x) =~ s{</stem>}{}; $t }, qr/:12: Opening and ending tag mismatch/ ],
    [ 'an unknown category', do { (my $t = $x) =~ s/category="alarm"/category="weather"/; $t }, qr/:4: /],
    [ 'a single-choice question with two correct options',
      do { (my $t = $x) =~ s{<option key="A">110}{<option key="A" correct="yes">110}; $t },
      qr/:4: question T001: a single-choice question needs 3 to 6 options and exactly one correct \(has 2 of 4\)/ ],
    [ 'a multiple-choice question with one correct option',
      do { (my $t = $x) =~ s{<option key="B" correct="yes">弯腰}{<option key="B">弯腰}; $t },
      qr/:13: question T002: a multiple-choice question needs at least two correct/ ],
    [ 'a true/false question with other options',
      do { (my $t = $x) =~ s{<option key="B">错误}{<option key="B">不对}; $t },
      qr/:21: question T003: a true\/false question/ ],
    [ 'options out of order', do { (my $t = $x) =~ s{<option key="D">122}{<option key="E">122}; $t },
      qr/:4: question T001: option 4 should have key D/ ],
    [ 'a duplicate question id', do { (my $t = $x) =~ s/id="T003"/id="T001"/; $t },
      qr/:21: question T001: the id is used twice/ ],
    [ 'a missing explanation', do { (my $t = $x) =~ s{<explanation>带电.*?</explanation>}{}s; $t }, qr/:\d+: / ],
    [ 'a DOCTYPE (its entities would change the text after the check)',
      do { (my $t = $x) =~ s{<bank }{<!DOCTYPE bank [ <!ATTLIST option correct CDATA "yes"> ]>\n<bank }; $t },
      qr/:1: a bank file may not have a DOCTYPE/ ],
    [ 'a blank stem', do { (my $t = $x) =~ s{<stem>发现火灾后应拨打哪个电话报警？</stem>}{<stem>  \n </stem>}; $t }, qr/:5: / ],
    [ 'a title over 100 characters', do { (my $t = $x) =~ s/title="测试题库"/'title="' . ('题' x 101) . '"'/e; $t }, qr/:3: / ],
    [ 'a version beyond the column', do { (my $t = $x) =~ s/version="901"/version="4294967296"/; $t }, qr/:3: / ],
    # Found by contrib/fuzz/fuzz-bank.c: libxml2 refuses an empty file
    # without a word, and the import said only that nothing was imported.
    [ 'an empty file', '', qr/: not an XML document/ ],
);
for my $case (@bad) {
	my ($name, $xml, $re) = @$case;
	($rc, $out) = import_text($xml);
	isnt($rc, 0, "$name: refused");
	like($out, $re, "$name: the line is named") or diag $out;
	is(counts(), $before, "$name: nothing was written");
}

# A file in another encoding (GBK, declared) is read in its own; roles
# may be separated by any white space; an error message cut short stays
# whole characters.
{
	require Encode;
	(my $gbk = $x) =~ s/version="901"/version="903"/;
	$gbk =~ s/encoding="UTF-8"/encoding="GBK"/;
	$gbk =~ s/roles="citizen student"/roles="citizen\tstudent  citizen"/;
	my ($fh, $file) = tempfile(SUFFIX => '.xml', UNLINK => 1);
	binmode $fh;
	print $fh Encode::encode('GBK', $gbk);
	close $fh;
	my $said = `$bin -f $conf bank-import $file 2>&1`;
	is($?, 0, 'a GBK file that says so imports') or diag $said;
	is(($s->sql("SELECT q.stem, q.roles FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 903 AND q.ref = 'T001'"))[0][0],
	    '发现火灾后应拨打哪个电话报警？', 'its text arrives as written');
	is(($s->sql("SELECT q.roles FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.version = 903 AND q.ref = 'T001'"))[0][0],
	    'student,citizen', 'roles split on a tab, each once');
	(my $long = $x) =~ s{<stem>发现火灾后应拨打哪个电话报警？</stem>}{'<' . ('长' x 200) . '>x</stem>'}e;
	($rc, $out) = import_text($long);
	isnt($rc, 0, 'a tag mismatch with a long name is refused');
	ok(utf8::is_utf8($out) && $out !~ /\x{FFFD}/, 'and its message is whole UTF-8');
}

# Export, then import the export under another version: the same bank.
my $exported = `$bin -f $conf bank-export 900`;
utf8::decode($exported);
is($?, 0, 'export works');
like($exported, qr{<question id="T002" type="multi" category="evacuation" roles="responsible employee landlord student citizen">},
    'the export has the questions with their roles');
(my $again = $exported) =~ s/version="900"/version="902"/;
($rc, $out) = import_text($again, '--publish');
is($rc, 0, 'the export imports again') or diag $out;
my @pub = $s->sql('SELECT version FROM bank WHERE status = "published"');
is_deeply([ map { $_->[0] } @pub ], [ 902 ], 'with --publish it is the one published bank');
my @same = $s->sql("SELECT COUNT(*) FROM question a JOIN question b ON a.ref = b.ref AND a.stem = b.stem "
    . "AND a.explanation = b.explanation AND a.roles = b.roles AND a.type = b.type "
    . "WHERE a.bank_id = (SELECT id FROM bank WHERE version = 900) AND b.bank_id = (SELECT id FROM bank WHERE version = 902)");
is($same[0][0], 3, 'every question came back the same');

# A bank with English (t/data/bank-en.xml): two questions with it, one
# without; each way the English can be wrong refused with its line; the
# export writes it back and imports again the same.
{
	my $en = BlueCode::Test::src() . '/t/data/bank-en.xml';
	my $text = do { open my $fh, '<:encoding(UTF-8)', $en or die; local $/; <$fh> };
	my $before = counts();
	my $drop = $text =~ s{<option key="D">122 \(traffic accidents\)</option>\n\s*}{}r;
	($rc, $out) = import_text($drop);
	isnt($rc, 0, 'an English option missing: refused');
	like($out, qr/\.xml:13: question T101: English option 4 should have key D, as the Chinese/,
	    'naming the line of <en> and the option');
	($rc, $out) = import_text($text =~ s{<option key="A">True</option>}{<option key="A">Yes</option>}r);
	like($out, qr/\.xml:28: question T102: a true\/false question's English options are A True and B False/,
	    'true/false in English is True and False');
	($rc, $out) = import_text($text =~ s{(Fire Protection Law[^<]*</source>)}{$1}r
	    =~ s{\n\s*<source>Fire Protection Law[^<]*</source>}{}r);
	like($out, qr/\.xml:13: question T101: the English needs the source the Chinese has/,
	    'the Chinese source in English too');
	($rc, $out) = import_text($text =~ s{(cut the power first\.</explanation>)}{$1<source>X</source>}r);
	like($out, qr/\.xml:28: question T102: the English has a source, the Chinese none/,
	    'and no English source where the Chinese has none');
	($rc, $out) = import_text($text =~ s{<stem>Which number[^<]*</stem>}{'<stem>' . ('x' x 601) . '</stem>'}er);
	like($out, qr/\.xml:1[34]: /, 'an English stem over 600 characters is refused with its line');
	is(counts(), $before, 'nothing of the refused files was written');

	$out = `$bin -f $conf bank-import $en 2>&1`;
	is($? >> 8, 0, 'the bank with English imports') or diag $out;
	my %q = map { $_->[0] => $_ } $s->sql("SELECT q.ref, IFNULL(q.stem_en, '-'), IFNULL(q.explanation_en, '-'), "
	    . "IFNULL(q.source_en, '-') FROM question q "
	    . "JOIN bank b ON b.id = q.bank_id WHERE b.version = 910");
	is($q{T101}[1], 'Which number do you call to report a fire?', 'its English stem is stored');
	is($q{T101}[3], "Fire Protection Law of the People's Republic of China, Article 44", 'and its source');
	is($q{T102}[3], '-', 'no English source where the Chinese has none');
	is("$q{T103}[1] $q{T103}[2]", '- -', 'a question without English has none');
	my %o = map { $_->[0] => $_->[1] } $s->sql("SELECT CONCAT(q.ref, o.opt_key), IFNULL(o.text_en, '-') FROM question_option o "
	    . "JOIN question q ON q.id = o.question_id JOIN bank b ON b.id = q.bank_id WHERE b.version = 910");
	is($o{T101B}, '119 (fire)', 'the English options');
	is($o{T102A}, 'True', 'True');
	is($o{T103A}, '-', 'none for the question without English');

	my $x = `$bin -f $conf bank-export 910`;
	utf8::decode($x);
	$x =~ s/&#x([0-9A-F]+);/chr hex $1/ge;
	like($x, qr{<source>《中华人民共和国消防法》第四十四条</source>\s*<en>\s*<stem>Which number do you call to report a fire\?</stem>\s*<option key="A">110 \(police\)</option>}s,
	    'the export writes the <en> block after the Chinese');
	unlike($x, qr{<question id="T103".*?<en>.*?</question>}s, 'none for the question without English');
	($rc, $out) = import_text($x =~ s/version="910"/version="911"/r);
	is($rc, 0, 'the export with English imports again') or diag $out;
	my $cols = 'q.ref, q.type, q.stem, q.explanation, IFNULL(q.source, "-"), IFNULL(q.stem_en, "-"), '
	    . 'IFNULL(q.explanation_en, "-"), IFNULL(q.source_en, "-"), o.opt_key, o.text, o.correct, IFNULL(o.text_en, "-")';
	my $rows = sub { [ $s->sql("SELECT $cols FROM question q JOIN bank b ON b.id = q.bank_id "
	    . "JOIN question_option o ON o.question_id = q.id WHERE b.version = $_[0] ORDER BY q.ref, o.opt_key") ] };
	is_deeply($rows->(911), $rows->(910), 'the same questions, options and English came back');
}

done_testing();
