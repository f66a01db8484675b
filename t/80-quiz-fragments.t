# The question page's legend, options and answer card are fragments each
# worker renders once and keeps (core/fragment.c). Kept or not, a page
# shows its own attempt: two browsers on the same question see each their
# own choice and cells, whichever worker answers; a question's text that
# changes is shown changed; hostile text in a snapshot comes out escaped;
# and the page is the same as the first time it was made.
use strict;
use warnings;
use utf8;
use Test::More;
use BlueCode::Test qw(form_value);

my $s = BlueCode::Test->start(workers => 2);
$s->small_bank(3);
my ($street) = map { $_->[0] } $s->sql("SELECT name FROM region ORDER BY id LIMIT 1");

# A browser's attempt: its jar and the URL of its first question.
sub begin {
	$s->clear_cookies;
	my $page = $s->get('/quiz/citizen');
	my ($region) = $page->{content} =~ m{<option value="(\d+)">\Q$street\E</option>};
	my $res = $s->post('/quiz/citizen/start', { csrf => form_value($page->{content}, 'csrf'), region => $region });
	my ($u) = ($res->{headers}{location} // '') =~ m{^http://[^/]+(/quiz/a/[\w-]+/)1$} or die 'no attempt';
	my ($tok) = $u =~ m{/quiz/a/([\w-]+)/};
	return { jar => { %{ $s->{jar} } }, u => $u, tok => $tok };
}
sub as { $s->{jar} = $_[0]{jar} }
sub page { my ($b, $k) = @_; as($b); $s->get("$b->{u}$k")->{content} }

my ($a, $b) = (begin(), begin());
# Both attempts get the same snapshot of question 1: one question, two
# states, so that only the state can tell their fragments apart.
my $opts = join("\x1f", '甲选项', '乙选项', '丙选项', '丁选项');
for my $t ($a->{tok}, $b->{tok}) {
	$s->sql("UPDATE attempt_question q JOIN attempt a ON a.id = q.attempt_id SET q.type = 'single', "
	    . "q.stem = '同一道题（  ）。', q.options = '$opts', q.answer_mask = NULL WHERE a.token = '$t' AND q.pos = 1");
}

# A chooses the second option, B the fourth; each page read many times
# (two workers), each time with its own choice only.
for ([ $a, 1 ], [ $b, 3 ]) {
	my ($who, $o) = @$_;
	my $html = page($who, 1);
	as($who);
	is($s->post("$who->{u}1", [ csrf => form_value($html, 'csrf'), o => $o, go => 'next' ])->{status}, 303,
	    "option $o chosen");
}
my (%checked, %cells);
for my $i (1 .. 8) {
	for ([ a => $a ], [ b => $b ]) {
		my ($name, $who) = @$_;
		my $html = page($who, 1);
		$checked{$name}{join ',', $html =~ m{<input name="o" value="(\d)" type="radio" checked>}g}++;
		my $h2 = page($who, 2);
		my %cell = $h2 =~ m{<button type="submit" name="go" value="(\d)" class="([^"]+)"}g;
		$cells{$name}{"$cell{1}|$cell{2}|$cell{3}"}++;
	}
}
is_deeply($checked{a}, { 1 => 8 }, "A's page shows A's choice, every time");
is_deeply($checked{b}, { 3 => 8 }, "B's page shows B's choice, every time");
is_deeply($cells{a}, { 'cell answered|cell current|cell' => 8 }, "A's answer card: 1 answered, 2 current");

# B clears the answer: question 1 is no longer marked, its option unchecked.
{
	my $html = page($b, 1);
	as($b);
	$s->post("$b->{u}1", [ csrf => form_value($html, 'csrf'), go => 'next' ]);
	unlike(page($b, 1), qr{checked}, 'a cleared answer shows nothing checked');
	like(page($b, 2), qr{<button type="submit" name="go" value="1" class="cell"}, 'and its cell unanswered');
	like(page($a, 1), qr{value="1" type="radio" checked}, "A's choice is still A's");
}

# The same question with other text is another fragment.
$s->sql("UPDATE attempt_question q JOIN attempt a ON a.id = q.attempt_id SET q.stem = '改过的题干（  ）。' "
    . "WHERE a.token = '$a->{tok}' AND q.pos = 1");
like(page($a, 1), qr{改过的题干}, 'a changed stem is shown changed');
unlike(page($a, 1), qr{同一道题}, 'and never the old one');

# Hostile text in a snapshot is escaped by the stylesheet that makes the
# fragment, in the stem and in an option.
my $x = q{<script>alert(1)</script>"'&};
my $q = $x =~ s/'/''/gr;
$s->sql("UPDATE attempt_question q JOIN attempt a ON a.id = q.attempt_id SET q.stem = 'x$q', "
    . "q.options = CONCAT('y$q', CHAR(31), '乙') WHERE a.token = '$a->{tok}' AND q.pos = 1");
my $html = page($a, 1);
unlike($html, qr{<script>alert}, 'no hostile markup comes through');
like($html, qr{x&lt;script&gt;alert\(1\)&lt;/script&gt;"'&amp;</legend>}, 'the stem escaped');
like($html, qr{<span class="opt-text">y&lt;script&gt;alert\(1\)&lt;/script&gt;"'&amp;</span>}, 'the option escaped');

# Fragments kept or made, the page is one: the same bytes again and again
# (the clock aside).
my %seen;
for (1 .. 6) {
	(my $p = page($b, 3)) =~ s/data-remaining="\d+">剩余 \d+ 分 \d+ 秒/T/;
	$seen{$p}++;
}
is(scalar(keys %seen), 1, 'a question page is the same page each time');

done_testing();
