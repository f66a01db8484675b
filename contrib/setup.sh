# contrib/setup.sh: sourced by contrib/serve, contrib/test and contrib/bench.
# Installs the Debian packages that are missing (as root, apt-get) and
# builds the program out of tree in build/.

top=${top:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# Package sets, by what they are for.
PKGS_BUILD="build-essential autoconf automake pkg-config libfcgi-dev
	libmariadb-dev libxml2-dev libxslt1-dev libqrencode-dev libgd-dev
	libsodium-dev libjson-c-dev"
PKGS_RUN="mariadb-server mariadb-client fonts-wqy-zenhei curl ffmpeg"
PKGS_TEST="libfcgi-bin wrk zbar-tools valgrind perl libdbd-mariadb-perl logrotate
	clang libclang-rt-14-dev chromium chromium-driver python3-selenium
	sqlmap poppler-utils"
# The scale-out recipe (contrib/cluster, t/95-cluster.t): Galera, the
# mariabackup state transfer and its streaming, namespaces, wrk.
PKGS_CLUSTER="galera-4 mariadb-backup socat iproute2 wrk"
# Debian's npm, unless an npm is there already (a newer Node.js's own).
PKGS_NODE="npm"

setup_die() { echo "setup: $*" >&2; exit 1; }

# Install what is missing of the named sets (build, run, test, cluster).
setup_packages() {
	local set want= missing= p
	for set in "$@"; do
		case $set in
		build) want="$want $PKGS_BUILD" ;;
		run) want="$want $PKGS_RUN" ;;
		test) want="$want $PKGS_TEST" ;;
		cluster) want="$want $PKGS_CLUSTER" ;;
		node) want="$want $PKGS_NODE" ;;
		esac
	done
	for p in $want; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		    missing="$missing $p"
	done
	# Any of Debian's nginx flavours will do; the light one is enough.
	command -v nginx >/dev/null 2>&1 || missing="$missing nginx-light"
	[ -n "$missing" ] || return 0
	[ "$(id -u)" = 0 ] || setup_die "missing Debian packages:$missing (run as root, or install them)"
	echo "setup: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || setup_die "apt-get update failed"
	apt-get install -y -qq --no-install-recommends $missing >&2 ||
	    setup_die "apt-get install failed"
}

# The accessibility checker the browser tests inject (axe-core), from
# t/browser/package-lock.json, once.
setup_node() {
	[ -f "$top/t/browser/node_modules/axe-core/axe.min.js" ] && return 0
	command -v npm >/dev/null 2>&1 || setup_packages node
	(cd "$top/t/browser" && npm ci --no-audit --no-fund --silent) >&2 ||
	    echo "setup: npm ci failed; the accessibility test will skip" >&2
}

# Configure (once) and build in build/; extra arguments go to configure.
setup_build() {
	(
		cd "$top" || exit 1
		if [ ! -x configure ] || [ configure.ac -nt configure ]; then
			autoreconf -fi >&2 || exit 1
		fi
		mkdir -p build && cd build || exit 1
		if [ ! -f Makefile ]; then
			../configure --quiet "$@" >&2 || exit 1
		fi
		make -j"$(nproc)" >&2
	) || setup_die "build failed"
	# The sample media of the shipped courses (made once).
	"$top/contrib/media" >&2 || setup_die "sample media not made"
}
