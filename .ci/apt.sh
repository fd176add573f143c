#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing, without their recommendations,
# quietly: apt's output goes to a log ($APT_LOG, default $TMPDIR/consistency-apt.log) that is printed only
# when a step fails. Needs root or password-less sudo; does nothing when every package is installed.
set -euo pipefail

missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log=${APT_LOG:-${TMPDIR:-/tmp}/consistency-apt.log}
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo -n"
apt() {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 "$@" >>"$log" 2>&1 || {
    echo "apt.sh: apt-get $* failed; its log ($log):" >&2
    tail -n 60 "$log" >&2
    exit 1
  }
}
echo "installing Debian packages: ${missing[*]} (log: $log)"
apt update
apt install --no-install-recommends "${missing[@]}"
