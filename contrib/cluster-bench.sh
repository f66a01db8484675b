# contrib/cluster-bench.sh: "contrib/cluster bench", sourced by
# contrib/cluster. One workload (a wrk script) through the front with 1,
# 2, ... of the cluster's app hosts in its upstream, each figure also as
# a ratio to a static file and to a bare libfcgi hello served by the same
# front nginx in the same run (bench-common.sh), with its p99 and its
# errors. With --pin, app host i (its nginx, master and workers) is
# pinned to core (i - 1) % cores.
#
#   contrib/cluster bench STATE_DIR [--script FILE.lua] [-c CONNECTIONS]
#                                   [-d SECONDS] [--pin]
#
# Before the cluster, the same workload on one standalone stack
# (contrib/stack: its own MariaDB without Galera, its nginx, as many
# workers as an app host), for what the cluster costs.
#
# The default workload is contrib/load's: contrib/mix.lua, whole
# residents going through the quiz (README, Performance), one connection
# a wrk thread (-tN -cN, every script is run so), each resident from an
# address of its own (MIX_XFF: the front, like the standalone stack's
# nginx, takes the driver's X-Forwarded-For and passes it on to the app
# hosts). Its data file (MIX_DATA) is read from node 1, and from the
# standalone stack's MariaDB for the standalone run. A script also finds
# the path of a code's verification page in BENCH_CODE (used by
# contrib/cluster-mix.lua: the home page, a role's page, that page).

# A code to verify: an attempt taken at BASE with the right answers (read
# by the command SQL...), then the code's page of the holder.
bench_code() {
	local jar=$1 base=$2 page csrf region loc tok total k mask form i id
	shift 2
	page=$(curl -s -c "$jar" -b "$jar" "$base/quiz/citizen")
	csrf=$(printf '%s' "$page" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	region=$(printf '%s' "$page" | sed -n 's/.*<option value="\([0-9]*\)">.*/\1/p' | head -n 1)
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
	    --data "csrf=$csrf&region=$region" "$base/quiz/citizen/start")
	tok=${loc#"$base"/quiz/a/}; tok=${tok%/1}
	total=$("$@" -e "SELECT total FROM attempt WHERE token = '$tok'")
	for k in $(seq 1 "${total:-0}"); do
		mask=$("$@" -e "SELECT q.correct_mask FROM attempt_question q JOIN attempt a ON a.id = q.attempt_id WHERE a.token = '$tok' AND q.pos = $k")
		form="csrf=$csrf&go=$([ "$k" -lt "$total" ] && echo next || echo submit)"
		for i in 0 1 2 3 4 5; do
			[ $(( (mask >> i) & 1 )) -eq 0 ] || form="$form&o=$i"
		done
		curl -s -o /dev/null -b "$jar" --data "$form" "$base/quiz/a/$tok/$k"
	done
	id=$(curl -s -b "$jar" "$base/my" | sed -n 's|.*href="/my/\([0-9]*\)".*|\1|p' | head -n 1)
	curl -s -b "$jar" "$base/my/$id" | sed -n 's|.*href="\(/v/[A-Za-z0-9_-]*\)/badge-card.png".*|\1|p' | head -n 1
}

# Pin app host i's processes (all of its namespace's) to one core.
bench_pin() {
	local i=$1 core=$(( ($1 - 1) % $(nproc) )) p
	for p in $(ip netns pids "$(ns_app "$i")"); do
		taskset -a -cp "$core" "$p" >/dev/null 2>&1 || true
	done
}

bench_unpin() {
	local i=$1 p
	for p in $(ip netns pids "$(ns_app "$i")"); do
		taskset -a -cp "0-$(( $(nproc) - 1 ))" "$p" >/dev/null 2>&1 || true
	done
}

# The standalone stack's MariaDB, as root, in batch mode.
standalone_sql() {
	mariadb --no-defaults --socket="$f/standalone/run/mariadb.sock" -u root \
	    -N -B bluecode "$@"
}

# bench_env DIR BASE SQL...: the environment of the script (MIX_DATA,
# BENCH_CODE and the rest, their files in DIR), for the site at BASE and
# the database that the command SQL... reaches.
bench_env() {
	local dir=$1 base=$2
	shift 2
	mix_data "$@" >"$dir/mix-data.lua"
	mkdir -p "$dir/mix-done"
	export MIX_DATA=$dir/mix-data.lua MIX_DONE=$dir/mix-done \
	    MIX_THREADS=$conns MIX_XFF=1
	BENCH_CODE=$(bench_code "$dir/bench-cookies" "$base" "$@")
	[ -n "$BENCH_CODE" ] ||
	    echo "cluster: bench: no code to verify (is a bank published?)" >&2
	export BENCH_CODE
}

# The CPU ticks of the database, of the app (nginx, master, workers,
# badge drawers) and of the front, as "DB APP FRONT" (bench-common.sh's
# ticks): the cluster's (every process in the nodes' and in the app
# hosts' namespaces, the front nginx) or the standalone stack's.
cluster_ticks() {
	local i db= app= fp
	for i in $(seq 1 "$NODES"); do
		db="$db $(ip netns pids "$(ns_node "$i")")"
	done
	for i in $(seq 1 "$apps"); do
		app="$app $(ip netns pids "$(ns_app "$i")")"
	done
	fp=$(pid_of "$f/run/nginx.pid")
	echo "$(ticks $db) $(ticks $app) $(ticks "$fp" $(kids "$fp"))"
}

standalone_ticks() {
	local app web
	app=$(pid_of "$state/run/bluecode.pid")
	web=$(pid_of "$state/run/nginx.pid")
	echo "$(ticks "$(pid_of "$state/run/mariadb.pid")")" \
	    "$(ticks "$app" $(kids "$app") "$web" $(kids "$web")) 0"
}

# bench_run LABEL TICKS: the workload for $secs seconds (after 2 s to
# warm up), one connection a thread; prints its line: LABEL, req/s, the
# ratios, p99, errors (the script's count when it keeps one, as
# contrib/mix.lua does: responses other than 2xx, 3xx and 429, pages not
# as the flow expected, socket errors; else wrk's non-2xx/3xx and socket
# errors); what the script says of its quizzes; and where the machine's
# time went, by the command TICKS (above), wrk (this shell's reaped
# children) and the machine as a whole; the rest is other people's work
# and the kernel's threads (ksoftirqd's packets, kworker's block I/O).
bench_run() {
	local label=$1 where=$2 self=$BASHPID r p99 err before t0
	threads=$conns run / 2 -s "$script" >/dev/null
	before="$($where) $(ticks "$self") $(machine_ticks)" t0=$(date +%s.%N)
	r=$(threads=$conns run / "$secs" -s "$script" --timeout 10s --latency)
	echo "$before $($where) $(ticks "$self") $(machine_ticks) $t0" \
	    "$(date +%s.%N) $(nproc)" \
	    "$(awk '/requests in/ { print $1 }' "$state/wrk.out")" >"$state/cpu"
	p99=$(awk '$1 == "99%" { print $2 }' "$state/wrk.out")
	err=$(awk '/^mix-errors/ { m = $2 } /^Non-2xx/ { n += $NF }
	    /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
	    END { print m != "" ? m : n + 0 }' "$state/wrk.out")
	printf '%-28s %8.0f req/s %s of static %s of hello  p99 %s  errors %s\n' \
	    "$label" "$r" "$(ratio "$r" "$static")" "$(ratio "$r" "$hello")" \
	    "${p99:-?}" "$err"
	sed -n -e 's/^mix-quizzes /  quizzes: /p' \
	    -e 's/^mix-errors [1-9].*(first: /  first error: (/p' "$state/wrk.out"
	awk -v hz="$(getconf CLK_TCK)" '{
		cap = ($12 - $11) * $13 * hz
		for (i = 1; i <= 5; i++) d[i] = $(i + 5) - $i
		printf "  CPU of the machine: MariaDB %.0f%%, app %.0f%%," \
		    " front %.0f%%, wrk %.0f%%, the rest %.0f%%, idle %.0f%%\n",
		    100 * d[1] / cap, 100 * d[2] / cap, 100 * d[3] / cap,
		    100 * d[4] / cap,
		    100 * (d[5] - d[1] - d[2] - d[3] - d[4]) / cap,
		    100 - 100 * d[5] / cap
		if ($14 == 0) exit
		ms = 1000 / hz / $14
		printf "  CPU a request: MariaDB %.2f ms, app %.2f ms," \
		    " front %.2f ms, wrk %.2f ms\n", d[1] * ms, d[2] * ms,
		    d[3] * ms, d[4] * ms }' "$state/cpu"
}

# The workload on a standalone stack, then the stack taken down.
bench_standalone() {
	local sa=$f/standalone sport
	sport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	realip_from_driver "$sa"
	STACK_QUIET=1 "$top/contrib/stack" up "$sa" --port "$sport" --workers "$workers" \
	    --bin "$bin" --post-rate 100000 --set "log_level = warn" ||
	    { echo "cluster: bench: the standalone stack did not come up" >&2; return 0; }
	(
		port=$sport state=$sa
		bench_env "$sa" "http://127.0.0.1:$sport" standalone_sql
		echo "load average: $(uptime | sed 's/.*average: //')"
		bench_run "standalone (no Galera)" standalone_ticks
	)
	STACK_QUIET=1 "$top/contrib/stack" down "$sa" || true
	rm -rf "$sa"
}

bench() {
	local script=$top/contrib/mix.lua pin= f k i static hello
	conns=64 secs=10
	while [ $# -gt 0 ]; do
		case $1 in
		--script) script=$2; shift ;;
		-c) conns=$2; shift ;;
		-d) secs=$2; shift ;;
		--pin) pin=1 ;;
		*) die "bench: unknown option $1" ;;
		esac
		shift
	done
	[ -f "$script" ] || die "bench: $script: no such wrk script"
	command -v wrk >/dev/null || die "bench: wrk is not installed"
	f=$(front_dir)
	pid=$(pid_of "$f/run/nginx.pid")
	[ -n "$pid" ] && ours "$pid" || die "bench: the cluster is not up (contrib/cluster up $state)"
	# bench-common.sh works in a state directory: the front's.
	. "$top/contrib/bench-common.sh"
	as_front() { local state=$f; "$@"; }
	as_front hello_up
	trap "rm -f '$f/conf/nginx.d/hello.conf' '$f/conf/nginx.d/realip.conf'
	    [ -z \"\$hello_pid\" ] || kill \"\$hello_pid\" 2>/dev/null || true" EXIT
	as_front realip_from_driver "$f"
	sleep 0.3
	chmod 0666 "$f/run/hello.sock"
	front_up "$apps"
	echo "app hosts=$apps workers/host=$workers connections=$conns duration=${secs}s" \
	    "cores=$(nproc) script=${script#"$top"/} pinned=${pin:-no}"
	echo "load average: $(uptime | sed 's/.*average: //')"
	as_front run /static/css/site.css 2 >/dev/null
	static=$(as_front run /static/css/site.css)
	hello=$(as_front run /hello)
	printf '%-28s %8.0f req/s\n' "static file (front nginx)" "$static" \
	    "bare libfcgi hello (front)" "$hello"
	bench_standalone
	bench_env "$f" "http://127.0.0.1:$port" node_sql 1 bluecode
	for k in $(seq 1 "$apps"); do
		front_up "$k"
		for i in $(seq 1 "$apps"); do
			if [ -n "$pin" ]; then bench_pin "$i"; else bench_unpin "$i"; fi
		done
		echo "load average: $(uptime | sed 's/.*average: //')"
		as_front bench_run "through $k app host(s)" cluster_ticks
	done
	for i in $(seq 1 "$apps"); do bench_unpin "$i"; done
	rm -f "$f/conf/nginx.d/hello.conf" "$f/conf/nginx.d/realip.conf"
	front_up "$apps"
}
