package BlueCode::Test;

# The integration-test harness: each test file starts its own real stack
# (MariaDB, the FastCGI master, nginx) through contrib/stack in a temporary
# directory, on a free port, and talks to it over HTTP. Nothing is mocked.

use strict;
use warnings;
use utf8;
use Carp qw(croak);
use File::Path qw(remove_tree);
use File::Temp qw(tempdir);
use Scalar::Util qw(weaken);
use HTTP::Tiny;
use IO::Socket::INET;
use Time::HiRes qw(sleep time);
use Exporter 'import';
use Test::More ();

our @EXPORT_OK = qw(form_value idno chinese_left);

# The stacks this process started and has not stopped, by directory.
our %live;

# Tests print Chinese in their diagnostics.
binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

sub src { $ENV{BLUECODE_SRC} // do { require FindBin; "$FindBin::Bin/.." } }
sub bin { $ENV{BLUECODE_BIN} // src() . '/build/bluecode' }

sub free_port {
	my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
	    Proto => 'tcp', Listen => 1) or croak "no free port: $!";
	my $port = $s->sockport;
	close $s;
	return $port;
}

# Start a stack. Options: workers (2), dev (1), xslt (a stylesheet dir),
# set (configuration lines, "key=value"), durable (MariaDB as in
# production, one fsync per commit: for tests that kill it),
# client_timeout (nginx's, s), banks (the question banks' directory).
sub start {
	my ($class, %o) = @_;
	# The directory is removed by stop, after the stack is down: File::Temp's
	# own clean-up would run first and leave the processes without pid files.
	my $dir = tempdir('bluecode-test-XXXXXX', TMPDIR => 1);
	chmod 0755, $dir;
	my $self = bless { dir => $dir, port => free_port(), jar => {}, owner => $$,
	    workers => $o{workers} // 2 }, $class;
	weaken($live{$dir} = $self);
	my @cmd = (src() . '/contrib/stack', 'up', $dir, '--port', $self->{port},
	    '--workers', $self->{workers}, '--no-aio', '--bin', bin());
	push @cmd, '--fast-db' unless $o{durable};
	push @cmd, '--dev' if $o{dev} // 1;
	push @cmd, '--xslt', $o{xslt} if $o{xslt};
	push @cmd, '--banks', $o{banks} if $o{banks};
	push @cmd, '--client-timeout', $o{client_timeout} if $o{client_timeout};
	push @cmd, map { ('--set', $_) } @{ $o{set} // [] };
	$self->{cmd} = [ @cmd ];
	local $ENV{STACK_QUIET} = 1;
	system(@cmd) == 0 or do {
		system('sh', '-c', "tail -n 30 $dir/log/* >&2");
		croak "contrib/stack up failed";
	};
	$self->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30,
	    agent => 'bluecode-test');
	$self->{up} = 1;
	return $self;
}

# A client of a site that runs already (a cluster's front or one of its
# app hosts, contrib/cluster): requests and cookies as for a stack
# started here, and nothing to stop. Options: port, host (127.0.0.1),
# dir (the app host's state directory).
sub attach {
	my ($class, %o) = @_;
	my $self = bless { dir => $o{dir}, port => $o{port}, host => $o{host},
	    jar => {}, owner => $$, up => 0 }, $class;
	$self->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30,
	    agent => 'bluecode-test');
	return $self;
}

sub dir { $_[0]{dir} }
sub port { $_[0]{port} }
sub url {
	my ($self, $path) = @_;
	return 'http://' . ($self->{host} // '127.0.0.1') . ":$self->{port}" . ($path // '/');
}

# Run "contrib/stack up" again on the same directory (after stopping a
# part of the stack): it starts what is not running.
sub restart {
	my $self = shift;
	local $ENV{STACK_QUIET} = 1;
	system(@{ $self->{cmd} }) == 0 or croak "contrib/stack up failed";
}

sub stop {
	my $self = shift;
	return unless $self->{up};
	local $ENV{STACK_QUIET} = 1;
	system(src() . '/contrib/stack', 'down', $self->{dir});
	$self->{up} = 0;
	delete $live{$self->{dir}};
	remove_tree($self->{dir}) unless $ENV{BLUECODE_KEEP};
}

# Only the process that started the stack stops it (not forked children).
# A test's file-scope stack lives until global destruction, after every END
# block, so END stops whatever is still up.
sub DESTROY { $_[0]->stop if $_[0]{owner} == $$ }
END { $_->stop for grep { defined && $_->{owner} == $$ } values %live }

# The pid in one of the stack's pid files: mariadb, bluecode, nginx.
sub pid {
	my ($self, $name) = @_;
	open my $fh, '<', "$self->{dir}/run/$name.pid" or return;
	my $pid = <$fh>;
	chomp $pid if defined $pid;
	return $pid;
}

# Worker pids, from the master's children.
sub worker_pids {
	my $self = shift;
	my $master = $self->pid('bluecode') or return ();
	open my $fh, '<', "/proc/$master/task/$master/children" or return ();
	my @kids = split ' ', (<$fh> // '');
	return @kids;
}

sub log_text {
	my ($self, $name) = @_;
	open my $fh, '<', "$self->{dir}/log/$name" or return '';
	local $/;
	return <$fh>;
}

# Wait until a condition holds, up to a number of seconds.
sub wait_until {
	my ($self, $secs, $cond) = @_;
	my $end = time + $secs;
	while (time < $end) {
		return 1 if $cond->();
		sleep 0.1;
	}
	return 0;
}

sub admin_password {
	my $self = shift;
	open my $fh, '<', "$self->{dir}/admin.txt" or croak "no admin.txt";
	my $line = <$fh>;
	$line =~ /password: (\S+)/ or croak "no password in admin.txt";
	return $1;
}

# --- HTTP with a cookie jar -------------------------------------------

sub _cookie_header {
	my $self = shift;
	my $jar = $self->{jar};
	return join '; ', map { "$_=$jar->{$_}" } sort keys %$jar;
}

sub _keep_cookies {
	my ($self, $res) = @_;
	my $sc = $res->{headers}{'set-cookie'} or return;
	for my $c (ref $sc ? @$sc : ($sc)) {
		my ($pair, @attrs) = split /;\s*/, $c;
		my ($k, $v) = split /=/, $pair, 2;
		if (grep { /^max-age=0$/i } @attrs) {
			delete $self->{jar}{$k};
		} else {
			$self->{jar}{$k} = $v;
		}
	}
}

sub clear_cookies { $_[0]{jar} = {} }
sub cookie { $_[0]{jar}{$_[1]} }
sub set_cookie { $_[0]{jar}{$_[1]} = $_[2] }

# request(METHOD, PATH, {headers}, BODY) → HTTP::Tiny response.
sub request {
	my ($self, $method, $path, $headers, $body) = @_;
	my %h = %{ $headers // {} };
	my $ck = $self->_cookie_header;
	$h{Cookie} = $ck if length $ck && !exists $h{Cookie};
	my %args = (headers => \%h);
	$args{content} = $body if defined $body;
	my $res = $self->{http}->request($method, $self->url($path), \%args);
	$self->_keep_cookies($res);
	# What came back, by status (599: no answer at all), for load tests.
	$self->{statuses}{ $res->{status} }++;
	# Text comes back as characters, so tests can match Chinese.
	utf8::decode($res->{content}) if defined $res->{content}
	    && ($res->{headers}{"content-type"} // "") =~ m{^(?:text/|application/xml)};
	return $res;
}

sub get { my ($self, $path, $h) = @_; $self->request('GET', $path, $h) }

# GET a path written to the socket exactly as given (no client tidies
# it): the status and the whole response, headers included.
sub raw_get {
	my ($self, $path) = @_;
	my $c = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
	    PeerPort => $self->{port}, Proto => 'tcp', Timeout => 10)
	    or croak "connect: $!";
	print $c "GET $path HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
	local $/;
	my $r = <$c> // '';
	close $c;
	my ($status) = $r =~ m{^HTTP/1\.\d (\d{3})};
	return ($status // 0, $r);
}

# POST a form (hash or array ref of pairs), urlencoded.
sub post {
	my ($self, $path, $form, $h) = @_;
	my $body = $self->{http}->www_form_urlencode($form);
	return $self->request('POST', $path,
	    { 'Content-Type' => 'application/x-www-form-urlencoded', %{ $h // {} } },
	    $body);
}

# A resident ID number: 17 digits and the ISO 7064 MOD 11-2 check.
sub idno {
	my ($d) = @_;
	my @w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2);
	my $sum = 0;
	$sum += substr($d, $_, 1) * $w[$_] for 0 .. 16;
	return $d . substr('10X98765432', $sum % 11, 1);
}

# The Chinese an English page still shows in its <main> (its text, and
# the attributes a reader is told: placeholder, aria-label, alt, title)
# once the data given (what was typed, names from the database, as the
# page writes them) and masked names (张**) are taken out: the words of
# the interface left untranslated, '' when there are none.
sub chinese_left {
	my ($html, @data) = @_;
	my $cjk = qr/[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]/;
	my ($m) = $html =~ m{<main>(.*)</main>}s or return 'no <main>';
	$m =~ tr/\x{a0}/ /;
	my @attr = $m =~ m{(?:placeholder|aria-label|alt|title)="([^"]*)"}g;
	$m =~ s/<[^>]*>/ /g;
	$m = join ' ', $m, @attr;
	$m =~ s/\Q$_\E//g for sort { length $b <=> length $a } grep { defined && length } @data;
	$m =~ s/$cjk\*+//g;
	return join ' ', $m =~ /(\S*$cjk\S*)/g;
}

# The names of the reference data, which pages show as the database has
# them: the jurisdiction's, its streets and towns', the roles'.
sub reference_names {
	my ($self) = @_;
	return map { $_->[0] } $self->sql('SELECT name FROM jurisdiction UNION SELECT committee FROM jurisdiction '
	    . 'UNION SELECT name FROM region UNION SELECT name FROM role UNION SELECT audience FROM role');
}

# The value attribute of an input in an HTML page.
sub form_value {
	my ($html, $name) = @_;
	return $1 if $html =~ /<input[^>]*name="\Q$name\E"[^>]*value="([^"]*)"/;
	return $1 if $html =~ /<input[^>]*value="([^"]*)"[^>]*name="\Q$name\E"/;
	return;
}

# The CSRF token of the page at a path (the page sets the cookie).
sub csrf {
	my ($self, $path) = @_;
	my $res = $self->get($path // '/admin');
	return form_value($res->{content}, 'csrf');
}

# Sign in as the first admin; returns the response of the POST.
sub admin_login {
	my ($self, $login, $password) = @_;
	my $csrf = $self->csrf('/admin');
	return $self->post('/admin/login', { csrf => $csrf,
	    login => $login // 'admin',
	    password => $password // $self->admin_password });
}

# Load the small test bank (t/data/bank-small.xml) for every role, with
# the given number of questions per attempt.
sub small_bank {
	my ($self, $n) = @_;
	my $conf = "$self->{dir}/conf/bluecode.conf";
	system(bin() . " -f $conf bank-import --publish " . src()
	    . '/t/data/bank-small.xml >/dev/null') == 0 or croak 'bank-import';
	$self->sql("UPDATE role SET questions = " . ($n // 3));
	$self->sql("UPDATE question SET roles = 'responsible,employee,landlord,student,citizen'");
}

# The right answers of the small bank, by stem.
my %right = ('发现火灾后应拨打哪个电话报警？' => [ '119' ],
    '火场逃生时，下列做法正确的有（  ）。' => [ '用湿毛巾捂住口鼻', '弯腰低姿沿疏散指示方向撤离' ],
    '电器着火时，应先切断电源再灭火。' => [ '正确' ]);

# Take the quiz of a role with the manual choice of a street (or, given
# { lng => ..., lat => ... }, a browser position), answering every
# question right, or every one wrong when $wrong is true, up to the last
# question, which is not sent. Returns what quiz_submit sends: the last
# question's path and form, the result's path, this browser's cookies;
# undef when a step failed.
sub quiz_ready {
	my ($self, $role, $street, $wrong) = @_;
	my $page = $self->get("/quiz/$role");
	$page->{status} == 200 or return;
	my %where = ref $street ? %$street
	    : (region => ($page->{content} =~ m{<option value="(\d+)">\Q$street\E</option>})[0]);
	my $res = $self->post("/quiz/$role/start",
	    { csrf => form_value($page->{content}, 'csrf'), %where });
	my ($u) = ($res->{headers}{location} // '') =~ m{^http://[^/]+(/quiz/a/[\w-]+/)1$} or return;
	for (my $k = 1; ; $k++) {
		my $html = $self->get("$u$k")->{content};
		my ($stem) = $html =~ m{<legend><span class="qtype[^"]*">[^<]+</span>([^<]+)</legend>} or return;
		$stem =~ tr/\x{a0}/ /;
		my %opt = reverse($html =~ m{<input name="o" value="(\d)"[^>]*><span class="opt-key">\w</span><span class="opt-text">([^<]+)</span>}g);
		my @pick = @{ $right{$stem} // croak "unknown question: $stem" };
		if ($wrong) {
			my %ok = map { $_ => 1 } @pick;
			@pick = (grep { !$ok{$_} } sort keys %opt)[0];
		}
		my $last = $html =~ /value="submit" class="button">交卷/;
		my $form = [ csrf => form_value($html, 'csrf'),
		    (map { (o => $opt{$_}) } @pick), go => $last ? 'submit' : 'next' ];
		return { path => "$u$k", form => $form, result => "${u}result",
		    jar => { %{ $self->{jar} } } } if $last;
		$self->post("$u$k", $form)->{status} == 303 or return;
	}
}

# Send the last answer of a quiz_ready attempt, in its browser. Returns
# the response of the POST, the result page's (when the POST went to
# it) and, on a pass, the id of the code that page shows.
sub quiz_submit {
	my ($self, $ready) = @_;
	%{ $self->{jar} } = %{ $ready->{jar} };
	my $res = $self->post($ready->{path}, $ready->{form});
	return ($res) unless $res->{status} == 303;
	my $page = $self->get($ready->{result});
	my ($id) = $page->{status} == 200 ? $page->{content} =~ m{href="/my/(\d+)"} : ();
	return ($res, $page, $id);
}

# The whole quiz: the result page's response and, on a pass, the id of
# the code issued; an empty list when the attempt did not start.
sub take_quiz {
	my ($self, @how) = @_;
	my $ready = $self->quiz_ready(@how) or return;
	my (undef, $page, $id) = $self->quiz_submit($ready);
	return ($page, $id);
}

# Take the quiz answering everything right; returns the code's id.
sub pass_quiz {
	my ($self, $role, $street) = @_;
	return ($self->take_quiz($role, $street))[1];
}

# POST a multipart form: fields as pairs; a file as [ filename, content ].
# Text (character strings) goes as UTF-8; a file's content given as bytes
# (a GBK file, an image) goes as it is.
sub post_multipart {
	my ($self, $path, $fields) = @_;
	my $b = 'BlueCodeTestBoundary' . int(rand(1e9));
	my $bytes = sub { my $v = shift; utf8::encode($v) if utf8::is_utf8($v); $v };
	my $body = '';
	for (my $i = 0; $i < @$fields; $i += 2) {
		my ($k, $v) = @$fields[$i, $i + 1];
		if (ref $v) {
			$body .= $bytes->("--$b\r\nContent-Disposition: form-data; name=\"$k\"; filename=\"$v->[0]\"\r\n"
			    . "Content-Type: application/xml\r\n\r\n") . $bytes->($v->[1]) . "\r\n";
		} else {
			$body .= $bytes->("--$b\r\nContent-Disposition: form-data; name=\"$k\"\r\n\r\n$v\r\n");
		}
	}
	$body .= "--$b--\r\n";
	return $self->request('POST', $path, { 'Content-Type' => "multipart/form-data; boundary=$b" }, $body);
}

# Run the jobs (code refs) in child processes at the same moment; their
# results (a line of text each) in order. A child has its own HTTP
# connection and leaves with _exit, so it neither shares the parent's
# socket nor runs its END blocks.
sub at_once {
	my ($self, @jobs) = @_;
	my $tmp = tempdir(CLEANUP => 1);
	my $t0 = time() + 0.4;
	my @pids;
	for my $i (0 .. $#jobs) {
		my $pid = fork // croak "fork: $!";
		if ($pid == 0) {
			$self->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30);
			my $wait = $t0 - time();
			sleep($wait) if $wait > 0;
			my $out = eval { $jobs[$i]->() } // "died: $@";
			open my $fh, '>:encoding(UTF-8)', "$tmp/out.$i";
			print $fh $out;
			close $fh;
			require POSIX;
			POSIX::_exit(0);
		}
		push @pids, $pid;
	}
	waitpid $_, 0 for @pids;
	return map { open my $fh, '<:encoding(UTF-8)', "$tmp/out.$_"; local $/; <$fh> // '' } 0 .. $#jobs;
}

# A running load: n child processes, each with its own connection and
# cookies, calling the job (given the child's number and the round) over
# and over until load_stop. What a job returns (a line of text, or
# nothing) is kept. Returns the handle load_stop takes.
sub load {
	my ($self, $n, $job) = @_;
	my $h = { dir => tempdir(CLEANUP => 1), pids => [] };
	for my $k (1 .. $n) {
		my $pid = fork // croak "fork: $!";
		if ($pid == 0) {
			$self->{http} = HTTP::Tiny->new(max_redirect => 0,
			    timeout => 30, agent => 'bluecode-test');
			$self->{jar} = {};
			$self->{statuses} = {};
			my @out;
			for (my $i = 1; !-e "$h->{dir}/stop"; $i++) {
				my $line = eval { $job->($k, $i) } // ($@ ? "died: $@" : undef);
				push @out, $line if defined $line;
			}
			open my $fh, '>:encoding(UTF-8)', "$h->{dir}/out.$k";
			print $fh join(' ', %{ $self->{statuses} }), "\n", map { "$_\n" } @out;
			close $fh;
			require POSIX;
			POSIX::_exit(0);
		}
		push @{ $h->{pids} }, $pid;
	}
	return $h;
}

# Stop a load; returns the count of responses by status over all its
# children and the lines their jobs returned.
sub load_stop {
	my ($self, $h) = @_;
	open my $fh, '>', "$h->{dir}/stop" or croak "stop: $!";
	close $fh;
	waitpid $_, 0 for @{ $h->{pids} };
	my (%st, @lines);
	for my $k (1 .. @{ $h->{pids} }) {
		open my $in, '<:encoding(UTF-8)', "$h->{dir}/out.$k" or croak "child $k left nothing";
		my %c = split ' ', scalar(<$in>) // '';
		$st{$_} += $c{$_} for keys %c;
		chomp(my @l = <$in>);
		push @lines, @l;
	}
	return (\%st, @lines);
}

# Responses of a load's count that are not an answer of the application
# (a page, a redirect, a kept copy): 5xx, and no answer at all (599).
sub failed_of {
	my ($self, $st) = @_;
	my $n = 0;
	$n += $st->{$_} for grep { $_ >= 500 } keys %$st;
	return $n;
}

# What must hold whatever was killed when (or whenever a backup was
# taken): every attempt has all its questions; codes only for passed
# attempts, and one for each (or its owner's earlier one of the role);
# every graded attempt has its score and is counted once in the daily
# rollup. Returns what does not hold.
sub half_written {
	my ($s) = @_;
	my %q = (
	    'attempts missing questions' => 'SELECT COUNT(*) FROM attempt a WHERE a.total <> '
		. '(SELECT COUNT(*) FROM attempt_question q WHERE q.attempt_id = a.id)',
	    'a code of an attempt not passed' => 'SELECT COUNT(*) FROM code c JOIN attempt a '
		. "ON a.id = c.attempt_id WHERE a.status <> 'passed'",
	    # (A pass renews nothing while its owner's code of the role is
	    # valid for long enough.)
	    'passed without a code' => "SELECT COUNT(*) FROM attempt a WHERE a.status = 'passed' "
		. 'AND NOT EXISTS (SELECT 1 FROM code c WHERE c.role = a.role '
		. 'AND (c.browser = a.browser OR c.person_id = a.person_id))',
	    'graded without a score' => "SELECT COUNT(*) FROM attempt WHERE status <> 'open' "
		. 'AND (score IS NULL OR correct IS NULL OR submitted_at IS NULL)',
	    'rollup attempts differ' => "SELECT (SELECT COUNT(*) FROM attempt WHERE status <> 'open') "
		. '- (SELECT COALESCE(SUM(attempts), 0) FROM stat_quiz_day)',
	    'rollup passes differ' => "SELECT (SELECT COUNT(*) FROM attempt WHERE status = 'passed') "
		. '- (SELECT COALESCE(SUM(passes), 0) FROM stat_quiz_day)',
	);
	return map { "$_: " . ($s->sql($q{$_}))[0][0] } grep { ($s->sql($q{$_}))[0][0] != 0 } sort keys %q;
}

# Run SQL as root on the stack's MariaDB; returns the output rows.
# Run a statement that should be refused: true when MariaDB refused it
# (its error message is not shown).
sub sql_refused {
	my ($self, $sql) = @_;
	my $rc = system('sh', '-c', 'exec "$@" 2>/dev/null', 'sh', 'mariadb', '--no-defaults',
	    "--socket=$self->{dir}/run/mariadb.sock", '-u', 'root', 'bluecode', '-e', $sql);
	return $rc != 0;
}

# Personal data at rest (shared/secret.c): the SQL expression of a mobile
# number's keyed hash, to find its rows (WHERE phone_hash = ...); and
# `bluecode seal` run on the stack, which seals what raw SQL put in clear.
sub phone_hash {
	my ($self, $phone) = @_;
	my $conf = "$self->{dir}/conf/bluecode.conf";
	my $hex = `@{[ bin() ]} -f $conf phone-hash $phone`;
	$? == 0 && $hex =~ /^([0-9a-f]{64})$/ or croak "phone-hash $phone failed";
	return "UNHEX('$1')";
}

sub seal {
	my $self = shift;
	my $conf = "$self->{dir}/conf/bluecode.conf";
	my $out = `@{[ bin() ]} -f $conf seal 2>&1`;
	$? == 0 or croak "bluecode seal failed: $out";
	return $out;
}

# The id of the person with a mobile number, or undef.
sub person_id {
	my ($self, $phone) = @_;
	my ($row) = $self->sql('SELECT id FROM person WHERE phone_hash = ' . $self->phone_hash($phone));
	return $row ? $row->[0] : undef;
}

sub sql {
	my ($self, $sql) = @_;
	open my $fh, '-|', 'mariadb', '--no-defaults',
	    "--socket=$self->{dir}/run/mariadb.sock", '-u', 'root', '-N', '-B',
	    'bluecode', '-e', $sql or croak "mariadb: $!";
	binmode $fh, ':encoding(UTF-8)';
	my @rows = map { chomp; [ split /\t/ ] } <$fh>;
	close $fh;
	return @rows;
}

1;
