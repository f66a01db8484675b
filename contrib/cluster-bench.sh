# contrib/cluster-bench.sh: "contrib/cluster bench", sourced by
# contrib/cluster. One workload (a wrk script) through the front with 1,
# 2, ... of the cluster's app hosts in its upstream, each figure also as
# a ratio to a static file and to a bare libfcgi hello served by the same
# front nginx in the same run (bench-common.sh). With --pin, app host i
# (its nginx, master and workers) is pinned to core (i - 1) % cores.
#
#   contrib/cluster bench STATE_DIR [--script FILE.lua] [-c CONNECTIONS]
#                                   [-d SECONDS] [--pin]
#
# Before the cluster, the same workload on one standalone stack
# (contrib/stack: its own MariaDB without Galera, its nginx, as many
# workers as an app host), for what the cluster costs.
#
# The script finds the path of a code's verification page in BENCH_CODE;
# the default is contrib/cluster-mix.lua.

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

# The workload on a standalone stack, then the stack taken down.
bench_standalone() {
	local script=$1 sa=$f/standalone sport scode r
	sport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	STACK_QUIET=1 "$top/contrib/stack" up "$sa" --port "$sport" --workers "$workers" \
	    --bin "$bin" --post-rate 100000 --set "log_level = warn" ||
	    { echo "cluster: bench: the standalone stack did not come up" >&2; return 0; }
	scode=$(bench_code "$sa/cookies" "http://127.0.0.1:$sport" \
	    mariadb --no-defaults --socket="$sa/run/mariadb.sock" -u root -N -B bluecode)
	(
		port=$sport state=$sa
		BENCH_CODE=$scode run / 2 -s "$script" >/dev/null
		r=$(BENCH_CODE=$scode run / "$secs" -s "$script")
		printf '%-28s %10s req/s  %s of static  %s of hello\n' \
		    "mix, standalone (no Galera)" "$r" "$(ratio "$r" "$static")" \
		    "$(ratio "$r" "$hello")"
	)
	STACK_QUIET=1 "$top/contrib/stack" down "$sa" || true
	rm -rf "$sa"
}

bench() {
	local script=$top/contrib/cluster-mix.lua pin= f code k i r static hello
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
	trap '[ -z "$hello_pid" ] || kill "$hello_pid" 2>/dev/null || true' EXIT
	sleep 0.3
	chmod 0666 "$f/run/hello.sock"
	front_up "$apps"
	code=$(bench_code "$f/bench-cookies" "http://127.0.0.1:$port" node_sql 1 bluecode)
	[ -n "$code" ] || echo "cluster: bench: no code to verify (is a bank published?)" >&2
	echo "app hosts=$apps workers/host=$workers connections=$conns duration=${secs}s" \
	    "cores=$(nproc) script=${script#"$top"/} pinned=${pin:-no}"
	as_front run /static/css/site.css 2 >/dev/null
	static=$(as_front run /static/css/site.css)
	hello=$(as_front run /hello)
	printf '%-28s %10s req/s\n' "static file (front nginx)" "$static" \
	    "bare libfcgi hello (front)" "$hello"
	bench_standalone "$script"
	for k in $(seq 1 "$apps"); do
		front_up "$k"
		for i in $(seq 1 "$apps"); do
			if [ -n "$pin" ]; then bench_pin "$i"; else bench_unpin "$i"; fi
		done
		BENCH_CODE=$code as_front run / 2 -s "$script" >/dev/null
		r=$(BENCH_CODE=$code as_front run / "$secs" -s "$script")
		printf '%-28s %10s req/s  %s of static  %s of hello\n' \
		    "mix through $k app host(s)" "$r" "$(ratio "$r" "$static")" \
		    "$(ratio "$r" "$hello")"
	done
	for i in $(seq 1 "$apps"); do bench_unpin "$i"; done
	front_up "$apps"
	rm -f "$f/conf/nginx.d/hello.conf"
}
