# shellcheck shell=bash
# Shared by the scripts: where the toolchain lives and how to run a command in it.
# Sourced, not executed. A Python >= 3.14.2 on the machine is used as it is; otherwise
# (Debian-family host, root) a Debian testing root in the cache provides one, entered
# through a private mount namespace so that nothing outlives the command.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${DEVICE_SECURITY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/device-security}
root="$cache/debian-testing"

host_python() {
  local candidate
  for candidate in python3.14 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 14, 2))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

if python=$(host_python); then
  mode=host
  venv="$cache/venv-host"
else
  mode=chroot
  venv=/opt/venv
fi

# in_env CMD...: run CMD from the checkout with the project's virtual environment first on PATH.
# With DEVICE_SECURITY_PRIVATE_NET=1 (root only), CMD gets a network namespace of its own:
# loopback, plus a private address on it for services that refuse loopback (zeroconf).
in_env() {
  local isolate=${DEVICE_SECURITY_PRIVATE_NET:-}
  if [ "$mode" = host ] && [ -z "$isolate" ]; then
    (cd "$repo" && PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv" "$@")
    return
  fi
  unshare --mount ${isolate:+--net} --fork --kill-child /bin/bash -s "$mode" "$root" "$repo" "$venv" "$isolate" "$@" <<'INNER'
set -e
mode=$1 root=$2 repo=$3 venv=$4 isolate=$5
shift 5
if [ -n "$isolate" ]; then
  ip link set lo up
  ip addr add 10.203.0.1/32 dev lo
fi
if [ "$mode" = host ]; then
  cd "$repo" && PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv" exec "$@"
fi
mount --make-rprivate /
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
# Last, so that a checkout under /tmp is not hidden by the tmpfs.
mkdir -p "$root$repo"
mount --bind "$repo" "$root$repo"
cp /etc/resolv.conf "$root/etc/resolv.conf"
exec chroot "$root" /usr/bin/env -i \
  HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
  PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  VIRTUAL_ENV=/opt/venv SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
  PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
  PIP_DEFAULT_TIMEOUT=180 PYTHONDONTWRITEBYTECODE=1 \
  DEVICE_SECURITY_BENCH_MACHINE="${DEVICE_SECURITY_BENCH_MACHINE:-}" \
  /bin/bash -c 'cd "$0" && exec "$@"' "$repo" "$@"
INNER
}
