# contrib/daemon.sh: what contrib/stack and contrib/cluster share about
# the processes they start: whether one lives, the pid in a pid file, and
# whether a pid is theirs. Expects $state.

# A process is alive if /proc says so and it is not a zombie (zombies here
# can take seconds to be reaped, and kill -0 reports them alive).
alive() {
	local pid=$1 st
	[ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
	st=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

pid_of() { [ -s "$1" ] && head -n1 "$1" | tr -dc 0-9 || true; }

# A process of this state directory: alive, and started on it (a pid file
# left behind may name a pid that another program has since).
ours() {
	alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$state/"
}
