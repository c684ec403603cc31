#!/usr/bin/env bash
# Runs before `npm test` (npm's pretest): the queue tests need redis-server and the report's browser test needs
# Debian's chromium. On a fresh Debian machine as root they are installed; otherwise say what is missing.
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "taosim tests: installing ${need[*]} (apt-get)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "taosim tests: missing ${need[*]}; install them (Debian: apt-get install ${need[*]}) or those tests fail" >&2
fi
exit 0
