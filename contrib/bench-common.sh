# contrib/bench-common.sh: what the benchmarks share (sourced by
# contrib/bench, contrib/bench-stats, contrib/load and "contrib/cluster
# bench"): the bare libfcgi responder they compare against, one wrk run,
# ratios, the median of ten requests, the workers' memory, the data file
# of contrib/mix.lua. Expects $top, $state, $port, $workers, $conns, $secs.

# Build and start the hello responder on $state/run/hello.sock, and the
# nginx location that reaches it (before the stack comes up).
hello_up() {
	mkdir -p "$state/conf/nginx.d" "$state/run"
	cc -O2 -o "$state/bench-hello" "$top/contrib/bench-hello.c" -lfcgi
	"$state/bench-hello" "$state/run/hello.sock" "$workers" </dev/null >/dev/null 2>&1 &
	hello_pid=$!
	cat >"$state/conf/nginx.d/hello.conf" <<-CONF
	location = /hello {
		include /etc/nginx/fastcgi_params;
		fastcgi_pass unix:$state/run/hello.sock;
	}
	CONF
}

# One wrk run: prints requests per second and adds to $total. Two
# threads, or $threads (contrib/mix.lua wants one connection a thread).
total=0
run() {
	local path=$1 dur=${2:-$secs}
	shift $(($# > 1 ? 2 : 1))
	wrk -t"${threads:-2}" -c"$conns" -d"${dur}s" "$@" \
	    "http://127.0.0.1:$port$path" >"$state/wrk.out" 2>&1
	total=$((total + $(awk '/requests in/ { print $1 }' "$state/wrk.out")))
	if grep -q Non-2xx "$state/wrk.out"; then
		echo "bench: $path answered errors:" \
		    "$(grep Non-2xx "$state/wrk.out")" >&2
	fi
	awk '/^Requests\/sec/ { print $2 }' "$state/wrk.out"
}

# Memory of the workers (largest of them): RSS, which counts every
# shared library page a worker has touched, and PSS and private memory,
# which say what each worker really costs.
rss() {
	cat "/proc/$(cat "$state/run/bluecode.pid")/task/"*/children |
	    tr ' ' '\n' | grep . | sed 's|.*|/proc/&/smaps_rollup|' | xargs awk '
		/^Rss:/ { if ($2 > rss) rss = $2 }
		/^Pss:/ { if ($2 > pss) pss = $2 }
		/^Private_Dirty:/ { if ($2 > prv) prv = $2 }
		END { printf "RSS %.1f MiB, PSS %.1f MiB, private %.1f MiB", rss / 1024, pss / 1024, prv / 1024 }'
}

# realip_from_driver DIR: the nginx of the state directory DIR (a stack's
# or the cluster's front) takes the client's address from the
# X-Forwarded-For that the driver on 127.0.0.1 sends (contrib/mix.lua
# with MIX_XFF: each resident from an address of its own), as an nginx
# behind a real proxy does. Written before that nginx starts or reloads.
realip_from_driver() {
	mkdir -p "$1/conf/nginx.d"
	cat >"$1/conf/nginx.d/realip.conf" <<-CONF
	set_real_ip_from 127.0.0.1;
	real_ip_header X-Forwarded-For;
	CONF
}

ratio() { echo "$1 $2" | awk '{ printf "%5.1f%%", 100 * $1 / $2 }'; }

# median10 URL JAR: the median time of 10 requests, in ms.
median10() {
	for i in $(seq 10); do
		curl -s -o /dev/null -b "$2" -w '%{time_total}\n' "http://127.0.0.1:$port$1"
	done | sort -n | awk 'NR == 5 { printf "%.1f ms", $1 * 1000 }'
}

# mix_data CLIENT...: the data file of contrib/mix.lua (the published
# bank's right answers by stem, a point inside each street), from the
# database that the command CLIENT... (a mariadb client in batch mode,
# -N -B, on the bluecode database) reaches.
mix_data() {
	"$@" -r <<-'SQL'
	SET SESSION group_concat_max_len = 1048576;
	SELECT 'return { answers = {';
	SELECT CONCAT('[ [==[', q.stem, ']==] ] = { [==[',
	    GROUP_CONCAT(o.text ORDER BY o.opt_key SEPARATOR ']==], [==['),
	    ']==] },')
	FROM question q JOIN bank b ON b.id = q.bank_id
	JOIN question_option o ON o.question_id = q.id AND o.correct
	WHERE b.status = 'published' AND q.retired = 0
	GROUP BY q.id;
	SELECT '}, points = {';
	SELECT CONCAT('{ ', ST_X(p), ', ', ST_Y(p), ' },')
	FROM (SELECT IF(ST_Contains(boundary, ST_Centroid(boundary)),
	    ST_Centroid(boundary), ST_PointOnSurface(boundary)) p
	    FROM region_boundary) x;
	SELECT '} }';
	SQL
}

# Where the machine's time goes: the CPU ticks (user and system, with
# the reaped children: the workers' badge drawers) of the processes
# named, and of the whole machine (busy, all processes).
ticks() {
	local p
	for p in "$@"; do
		[ -r "/proc/$p/stat" ] && sed 's/^.*) //' "/proc/$p/stat"
	done | awk '{ t += $12 + $13 + $14 + $15 } END { print t + 0 }'
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
kids() { cat "/proc/$1/task/"*/children 2>/dev/null | tr ' ' '\n' | grep .; }
