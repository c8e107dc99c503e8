#!/usr/bin/env bash
# Time to ready (issue 13, item 4): starts the portal with the given command, polls readiness on the
# management port and prints the seconds from launch to the first "UP", with the load average.
# Also prints the CPU seconds the JVM used until ready (steadier than wall time on a shared machine)
# and the JVM's own time from its launch to ready (the wall time less Maven's start and checks).
# Usage: scripts/startup-time.sh [command ...]   (default: ./mvnw -o -q spring-boot:run)
# PORT / MANAGEMENT_PORT choose the ports (default 18080 / 18081), so that it can run beside a portal.
set -u
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
if [ $# -eq 0 ]; then
  set -- ./mvnw -o -q spring-boot:run "-Dspring-boot.run.arguments=--server.port=$PORT --management.server.port=$MANAGEMENT_PORT"
fi
log=$(mktemp)
start=$(date +%s.%N)
setsid "$@" >"$log" 2>&1 &
pid=$!
ready=""
for _ in $(seq 1 1200); do
  if curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" >/dev/null 2>&1; then
    ready=$(date +%s.%N)
    jvm=$(pgrep -f -n 'PortalApplication|union-portal|portal-classes' || true)
    cpu=""; age=""
    if [ -n "$jvm" ] && [ -r "/proc/$jvm/stat" ]; then
      # utime + stime of the JVM (all its threads), in clock ticks
      ticks=$(awk '{print $14 + $15}' "/proc/$jvm/stat")
      cpu=$(echo "scale=1; $ticks / $(getconf CLK_TCK)" | bc)
      # the JVM's own age at ready: from its launch (after Maven's start and checks) to "UP"
      age=$(awk -v tck="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" '{printf "%.1f", up - $22 / tck}' "/proc/$jvm/stat")
    fi
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
# stop the application as Ctrl-C would (SIGTERM to the JVM that runs it, the child of Maven when there is
# one), so that a first run can write its class data sharing archive on the way out; then the rest
app=$(pgrep -P "$pid" java || echo "$pid")
kill -TERM $app 2>/dev/null
for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
kill -- -"$pid" 2>/dev/null
wait "$pid" 2>/dev/null
started=$(grep -o 'Started PortalApplication in [0-9.]* seconds' "$log" | head -1)
if [ -n "$ready" ]; then
  printf 'ready in %.1f s (JVM launch to ready %s s; %s; JVM CPU until ready %s s; load average %s)\n' "$(echo "$ready - $start" | bc)" "${age:-?}" "${started:-no Started line}" "${cpu:-?}" "$load"
  rm -f "$log"
else
  echo "not ready; log in $log" >&2
  exit 1
fi
