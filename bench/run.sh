#!/usr/bin/env bash
# Runs the standard benchmark set on one machine: binder, chat-app and the no-op JSON-RPC server (the ceiling)
# pinned to one core, the load generator to another, each started from the built jars on free ports and
# stopped at the end. Results (tables, JSON, server logs) go to $OUT.
#
#   ./mvnw -B -q -pl chat-api,rpc-support,binder-app,chat-app,bench install -DskipTests
#   bench/run.sh                      # the whole set
#   bench/run.sh noop send            # only some of: noop send receive join delivery longpoll
#
# Settings (environment): SERVER_CPU=0 BENCH_CPU=1 DURATION=20s WARMUP=30s OUT=bench/target/results/<time>
#   USERS=16 POLLERS=10000 POLL_ROOMS=10 DELIVERY_RATE=1000 JOIN_BIG=1000000 SEND_RATE=2000 LONGPOLL_HEAP=512m
#   PROFILE=1 (a JFR recording of each chat-app, in $OUT/<name>.jfr)
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
SERVER_CPU="${SERVER_CPU:-0}"
BENCH_CPU="${BENCH_CPU:-1}"
DURATION="${DURATION:-20s}"
# A JVM pinned to one core takes a while to compile its hot paths: measure after that.
WARMUP="${WARMUP:-30s}"
USERS="${USERS:-16}"
POLLERS="${POLLERS:-10000}"
POLL_ROOMS="${POLL_ROOMS:-10}"
DELIVERY_RATE="${DELIVERY_RATE:-1000}"
JOIN_BIG="${JOIN_BIG:-1000000}"
SEND_RATE="${SEND_RATE:-2000}"
LONGPOLL_HEAP="${LONGPOLL_HEAP:-512m}"
OUT="${OUT:-bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)}"
if (($# > 0)); then
	SCENARIOS=("$@")
else
	SCENARIOS=(noop send receive join delivery longpoll)
fi

# The same JVM flags for the no-op server and chat-app, so the ratio compares the code, not the settings.
SERVER_JVM=(-Xms1g -Xmx1g -XX:+UseG1GC -XX:+AlwaysPreTouch)
BENCH_JVM=(-Xms1g -Xmx1g -XX:+UseG1GC)
# Spring Boot log lines of the servers stay in their log files; the bench's setup lines go to the console.
QUIET=(--logging.level.root=WARN --logging.level.dev.rpcchat=INFO)

jar_of() {
	local jar
	jar=$(ls "$1"/target/"$1"-*-exec.jar 2>/dev/null | head -1)
	[[ -n "$jar" ]] || { echo "run.sh: no $1/target/$1-*-exec.jar; build it first (see the top of this file)" >&2; exit 1; }
	echo "$jar"
}

BINDER_JAR=$(jar_of binder-app)
CHAT_JAR=$(jar_of chat-app)
BENCH_JAR=$(jar_of bench)
mkdir -p "$OUT"

PIDS=()
stop_all() {
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	PIDS=()
}
trap stop_all EXIT

# wait_for LOG REGEX: waits (2 minutes at most) for a line in a server's log and prints the first match.
wait_for() {
	local log=$1 regex=$2 i
	for ((i = 0; i < 1200; i++)); do
		if grep -m1 -oE "$regex" "$log" 2>/dev/null; then
			return 0
		fi
		sleep 0.1
	done
	echo "run.sh: timed out waiting for '$regex' in $log" >&2
	tail -20 "$log" >&2
	exit 1
}

# start NAME JVM-FLAGS... -- ARGS...: starts a server pinned to SERVER_CPU; its PID is the last of PIDS.
start() {
	local name=$1
	shift
	local jvm=()
	while [[ $1 != -- ]]; do
		jvm+=("$1")
		shift
	done
	shift
	taskset -c "$SERVER_CPU" "$JAVA" "${jvm[@]}" -jar "$@" "${QUIET[@]}" > "$OUT/$name.log" 2>&1 &
	PIDS+=($!)
}

# profile NAME: with PROFILE set, the JVM flag for a JFR recording of a server, read with `jfr view hot-methods`.
profile() {
	if [[ -n "${PROFILE:-}" ]]; then
		echo "-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile"
	fi
}

stop_last() {
	local pid=${PIDS[-1]}
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	unset 'PIDS[-1]'
}

start_binder() {
	start binder -Xmx256m -- "$BINDER_JAR" --server.port=0
	BINDER_PORT=$(wait_for "$OUT/binder.log" 'Binder listening on http://[^:]+:[0-9]+' | grep -oE '[0-9]+$')
	[[ -n "$BINDER_PORT" ]] || exit 1
	BINDER="http://127.0.0.1:$BINDER_PORT/rpc"
	echo "binder on $BINDER (pid ${PIDS[-1]})"
}

# start_chat NAME JVM-FLAGS... -- CHAT-ARGS...: a fresh chat-app, registered with the binder.
start_chat() {
	local name=$1
	shift
	local jvm=()
	while [[ $1 != -- ]]; do
		jvm+=("$1")
		shift
	done
	shift
	start "$name" "${jvm[@]}" $(profile "$name") -- "$CHAT_JAR" --server.port=0 --chat.binder.url="$BINDER" "$@"
	CHAT_PID=${PIDS[-1]}
	wait_for "$OUT/$name.log" 'Registered [0-9]+ procedures with the binder' > /dev/null || exit 1
	echo "chat-app '$name' registered (pid $CHAT_PID): $*"
}

# bench NAME ARGS...: the load generator pinned to BENCH_CPU; table to NAME.txt, JSON to NAME.json. The server
# under load is the last one started: the bench reads its CPU time, which other processes on the machine hardly change.
bench() {
	local name=$1
	shift
	echo "== $name: $*"
	taskset -c "$BENCH_CPU" "$JAVA" "${BENCH_JVM[@]}" -jar "$BENCH_JAR" --binder "$BINDER" --label "$name" \
		--duration "$DURATION" --warmup "$WARMUP" --json "$OUT/$name.json" --server-pid "${PIDS[-1]}" "$@" \
		| tee "$OUT/$name.txt"
}

# The no-op run's report, to print a request/response scenario's figures as ratios to it.
ceiling() {
	if [[ -f "$OUT/noop.json" ]]; then
		echo --ceiling "$OUT/noop.json"
	fi
}

# heap_watch PID FILE: samples the used heap (MiB) of a JVM every 200 ms until stopped; the peak ends up in FILE.
heap_watch() {
	local pid=$1 file=$2 peak=0 used
	while kill -0 "$pid" 2>/dev/null; do
		used=$(jstat_used "$pid") || break
		if ((used > peak)); then
			peak=$used
			echo "$peak" > "$file"
		fi
		sleep 0.2
	done
}

jstat_used() {
	"${JAVA_HOME:+$JAVA_HOME/bin/}jstat" -gc "$1" 2>/dev/null | awk 'NR == 2 { printf "%d", ($3 + $4 + $6 + $8) / 1024 }'
}

has() {
	local s
	for s in "${SCENARIOS[@]}"; do
		[[ $s == "$1" ]] && return 0
	done
	return 1
}

{
	echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB"
	echo "kernel: $(uname -sr); java: $("$JAVA" -version 2>&1 | head -1)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "servers on cpu $SERVER_CPU: ${SERVER_JVM[*]}; bench on cpu $BENCH_CPU: ${BENCH_JVM[*]}"
	echo "duration $DURATION after warm-up $WARMUP; scenarios: ${SCENARIOS[*]}"
} | tee "$OUT/machine.txt"

start_binder

# Rate limits off: the throughput runs measure the server, not the per-user limit (chat.messages.per-second).
UNLIMITED=(--chat.messages.per-second=0)

if has noop; then
	start noop "${SERVER_JVM[@]}" $(profile noop) -- "$BENCH_JAR" --serve-noop --binder "$BINDER" --server.port=0
	wait_for "$OUT/noop.log" 'Registered procedure noop' > /dev/null || exit 1
	bench noop --scenario noop --users "$USERS"
	# The same ceiling through java.net.http.HttpClient: is the hand-written client worth having?
	bench noop-jdk-client --scenario noop --users "$USERS" --client jdk --ceiling "$OUT/noop.json"
	stop_last
fi

if has send; then
	start_chat chat-send "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}"
	bench send --scenario send --users "$USERS" --rooms 1 $(ceiling)
	# The same users at a rate the server can carry: latency without the queue a saturated closed loop builds.
	bench send-open --scenario send --users "$USERS" --rooms 1 --rate "$SEND_RATE" $(ceiling)
	stop_last
fi

if has receive; then
	start_chat chat-receive "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}"
	bench receive --scenario receive --users "$USERS" --rooms 1 --history 10000 $(ceiling)
	stop_last
fi

if has join; then
	# A history limit above the default 10,000 so a room can hold a million messages; a heap to hold them.
	start_chat chat-join -Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch -- "${UNLIMITED[@]}" \
		--chat.rooms.history-limit=1000000
	bench join-100 --scenario join --users "$USERS" --rooms 1 --history 100 $(ceiling)
	bench join-big --scenario join --users "$USERS" --rooms 1 --history "$JOIN_BIG" $(ceiling) \
		--ceiling "$OUT/join-100.json"
	# The same without announcements piling up at the end of the log (a join/leave cycle adds two of them).
	bench rejoin-100 --scenario join --join-mode rejoin --users "$USERS" --rooms 1 --history 100 $(ceiling)
	bench rejoin-big --scenario join --join-mode rejoin --users "$USERS" --rooms 1 --history "$JOIN_BIG" $(ceiling) \
		--ceiling "$OUT/rejoin-100.json"
	stop_last
fi

if has delivery; then
	start_chat chat-delivery "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}"
	bench delivery --scenario delivery --users "$USERS" --rooms 1 --receivers 10 --rate "$DELIVERY_RATE"
	bench delivery-1-receiver --scenario delivery --users "$USERS" --rooms 1 --receivers 1 --rate "$DELIVERY_RATE"
	stop_last
fi

if has longpoll; then
	# 10,000 connections at once: Tomcat's default max-connections is 8,192.
	start_chat chat-longpoll "-Xmx$LONGPOLL_HEAP" -XX:+UseG1GC -XX:+HeapDumpOnOutOfMemoryError \
		"-XX:HeapDumpPath=$OUT/chat-longpoll.hprof" -- --server.tomcat.max-connections=20000
	heap_watch "$CHAT_PID" "$OUT/longpoll-heap-peak-mib.txt" &
	WATCH_PID=$!
	bench longpoll --scenario longpoll --users "$POLLERS" --rooms "$POLL_ROOMS" --warmup 0s
	kill "$WATCH_PID" 2>/dev/null || true
	wait "$WATCH_PID" 2>/dev/null || true
	echo "chat-app heap peak during longpoll (jstat, used): $(cat "$OUT/longpoll-heap-peak-mib.txt" 2>/dev/null || echo '?') MiB of -Xmx$LONGPOLL_HEAP" \
		| tee -a "$OUT/longpoll.txt"
	stop_last
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
for name in machine noop noop-jdk-client send send-open receive join-100 join-big rejoin-100 rejoin-big delivery delivery-1-receiver longpoll; do
	if [[ -f "$OUT/$name.txt" ]]; then
		cat "$OUT/$name.txt"
		echo
	fi
done > "$OUT/summary.txt"
echo "results in $OUT"
