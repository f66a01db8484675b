# contrib/db-client.sh: sourced by contrib/backup and contrib/restore.
# The database named in a bluecode.conf (or a contrib/stack state
# directory's), reached with the service's own account through a client
# option file of mode 0600, so that the password is never on a command
# line.

db_die() { echo "${0##*/}: $*" >&2; exit 1; }

# The last value of a key in the configuration file (as the program reads
# it: "key = value", a comment starting at "#" after a space).
conf_get() {
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$conf" | tail -n 1 |
	    sed -e 's/[[:space:]]#.*$//' -e 's/[[:space:]]*$//'
}

# -f FILE or --stack STATE_DIR from the arguments: sets conf, and args to
# what is left.
db_args() {
	conf=
	case ${1:-} in
	-f) conf=${2:-} ;;
	--stack) conf=${2:+$2/conf/bluecode.conf} ;;
	esac
	[ -n "$conf" ] || db_die "usage: ${0##*/} -f bluecode.conf | --stack STATE_DIR ..."
	[ -r "$conf" ] || db_die "$conf: cannot read it"
	shift 2
	args=("$@")
}

# The client option file (removed on exit) and the database's name.
db_client() {
	local v
	dbname=$(conf_get db_name)
	[ -n "$dbname" ] || db_die "$conf: no db_name"
	cnf=$(mktemp "${TMPDIR:-/tmp}/bluecode-client-XXXXXX")
	trap 'rm -f "$cnf" ${tmp:+"$tmp"}' EXIT
	{
		echo '[client]'
		for v in user:db_user password:db_password socket:db_socket \
		    host:db_host port:db_port; do
			val=$(conf_get "${v#*:}")
			[ -z "$val" ] || printf '%s = "%s"\n' "${v%%:*}" \
			    "$(printf '%s' "$val" | sed 's/[\\"]/\\&/g')"
		done
		echo 'default-character-set = utf8mb4'
	} >"$cnf"
}
