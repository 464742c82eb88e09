#!/usr/bin/env bash
# Runs the standard benchmark set on one machine: binder, chat-app and the no-op JSON-RPC server (the ceiling)
# pinned to one core, the load generator to another, each started from the built jars on free ports and
# stopped at the end. Results (tables, JSON, server logs) go to $OUT.
#
#   ./mvnw -B -q -pl chat-api,rpc-support,binder-app,chat-app,bench install -DskipTests
#   bench/run.sh                      # the whole set
#   bench/run.sh noop send            # only some of: noop send redis redis-2 receive join history delivery
#                                     #   longpoll ws-fanout ws-hot ws-send max-batch
#   (history: get_history in a room of HISTORY_BIG messages, on the memory store and then on Redis)
#   (redis, redis-2: the send scenario on the Redis store, against a redis-server this script starts; needs
#   `redis-server` on the PATH, e.g. apt-get install redis-server)
#
# Settings (environment): SERVER_CPU=0 BENCH_CPU=1 DURATION=20s WARMUP=30s OUT=bench/target/results/<time>
#   REDIS_CPU=<SERVER_CPU> USERS=16 POLLERS=10000 POLL_ROOMS=10 DELIVERY_RATE=1000 JOIN_BIG=1000000 SEND_RATE=2000 LONGPOLL_HEAP=512m
#   HISTORY_BIG=1000000
#   WS_SOCKETS=10000 WS_ROOMS=10 WS_HEAP=256m WS_HOT_SOCKETS=1000 WS_HOT_RATE=50
#   PROFILE=1 (a JFR recording of each chat-app, in $OUT/<name>.jfr)
#   CHAT_ARGS="--rpc.answer-later=false ..." (more arguments for every chat-app, e.g. to switch a trick off)
#   SERVER_JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC -XX:+AlwaysPreTouch" (the JVM flags of the no-op server and chat-app)
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
HISTORY_BIG="${HISTORY_BIG:-1000000}"
SEND_RATE="${SEND_RATE:-2000}"
LONGPOLL_HEAP="${LONGPOLL_HEAP:-512m}"
WS_SOCKETS="${WS_SOCKETS:-10000}"
WS_ROOMS="${WS_ROOMS:-10}"
WS_HEAP="${WS_HEAP:-256m}"
WS_HOT_SOCKETS="${WS_HOT_SOCKETS:-1000}"
WS_HOT_RATE="${WS_HOT_RATE:-50}"
OUT="${OUT:-bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)}"
if (($# > 0)); then
	SCENARIOS=("$@")
else
	SCENARIOS=(noop send redis redis-2 receive join history delivery longpoll ws-fanout ws-hot ws-send max-batch)
fi
# Each socket of the WebSocket scenarios is a file descriptor in the load generator and in chat-app.
ulimit -n "$(ulimit -Hn)" 2> /dev/null || ulimit -n 65536 2> /dev/null || true

# The same JVM flags for the no-op server and chat-app, so the ratio compares the code, not the settings
# (SERVER_JAVA_OPTS replaces them, e.g. to try another collector).
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC -XX:+AlwaysPreTouch}"
read -r -a SERVER_JVM <<< "$SERVER_JAVA_OPTS"
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
	start "$name" "${jvm[@]}" $(profile "$name") -- "$CHAT_JAR" --server.port=0 --chat.binder.url="$BINDER" "$@" \
		${CHAT_ARGS:-}
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

# start_redis: a redis-server on a free port, without persistence, pinned to REDIS_CPU: by default SERVER_CPU, with the
# chat-apps (2 cores: the servers share one, the load generator has the other); REDIS_CPU=1 puts it next to the load
# generator instead, as a stand-in for a Redis of its own. Sets REDIS_PORT and REDIS_PID.
start_redis() {
	command -v redis-server > /dev/null || { echo "run.sh: no redis-server on the PATH (apt-get install redis-server)" >&2; exit 1; }
	REDIS_PORT=$(free_port)
	taskset -c "${REDIS_CPU:-$SERVER_CPU}" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
		> "$OUT/redis.log" 2>&1 &
	PIDS+=($!)
	REDIS_PID=$!
	wait_for "$OUT/redis.log" 'Ready to accept connections' > /dev/null || exit 1
	echo "redis-server $(redis-server --version | grep -oE 'v=[0-9.]+') on port $REDIS_PORT (pid $REDIS_PID, cpu ${REDIS_CPU:-$SERVER_CPU})"
}

# The chat-app arguments of the Redis store on the redis-server of start_redis.
redis_store() {
	echo --chat.store=redis --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT"
}

# free_port: a TCP port of 127.0.0.1 that nothing listens on.
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
			echo "$port"
			return
		fi
	done
}

# cpu_seconds PID: the user + system CPU time of a process so far.
cpu_seconds() {
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# json_number FILE KEY: the first number under "KEY" in a bench JSON report.
json_number() {
	grep -m1 -oE "\"$2\" *: *[0-9.eE+-]+" "$1" | grep -oE '[0-9.eE+-]+$'
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

# Rate limits off: the throughput runs measure the server, not the per-user and per-address limits.
UNLIMITED=(--chat.messages.per-second=0 --chat.limits.registrations-per-minute=0 --chat.limits.rooms-per-minute=0)

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

# The same send scenario on the Redis store: one chat-app, then two on the same Redis. Redis and the chat-apps share
# SERVER_CPU (with 2 cores, the honest setup: the load generator keeps the other core); the CPU figure of a bench is
# its chat-app's alone, Redis's CPU time for the whole run (warm-up included) is printed after it.
if has redis; then
	start_redis
	start_chat chat-redis "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}" $(redis_store)
	redis_cpu_before=$(cpu_seconds "$REDIS_PID")
	send_baseline=()
	if [[ -f "$OUT/send.json" ]]; then
		send_baseline=(--ceiling "$OUT/send.json")
	fi
	bench redis --scenario send --users "$USERS" --rooms 1 $(ceiling) "${send_baseline[@]}"
	echo "redis-server CPU during the run (warm-up included): $(awk -v a="$redis_cpu_before" -v b="$(cpu_seconds "$REDIS_PID")" 'BEGIN { printf "%.2f", b - a }') s" \
		| tee -a "$OUT/redis.txt"
	stop_last
	stop_last
fi

if has redis-2; then
	start_redis
	start_chat chat-redis-a "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}" $(redis_store)
	A_PID=$CHAT_PID
	A_URL=$(wait_for "$OUT/chat-redis-a.log" 'listening on http://[^ ]+/rpc' | grep -oE 'http://[^ ]+')
	start_chat chat-redis-b "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}" $(redis_store)
	B_PID=$CHAT_PID
	B_URL=$(wait_for "$OUT/chat-redis-b.log" 'listening on http://[^ ]+/rpc' | grep -oE 'http://[^ ]+')
	# The bench looks its server up once per run, so one bench process cannot spread its users over two servers:
	# two run at once (both on BENCH_CPU), half of the users each, each aimed at one chat-app (--target) and reading
	# that chat-app's CPU time. Each has rooms of its own; every message still reaches both chat-apps (pub/sub).
	redis_cpu_before=$(cpu_seconds "$REDIS_PID")
	echo "== redis-2: two load generators at once, $((USERS / 2)) users each, on $A_URL and $B_URL"
	BENCH_PIDS=()
	for half in a b; do
		if [[ $half == a ]]; then pid=$A_PID url=$A_URL; else pid=$B_PID url=$B_URL; fi
		taskset -c "$BENCH_CPU" "$JAVA" "${BENCH_JVM[@]}" -jar "$BENCH_JAR" --target "$url" --label "redis-2-$half" \
			--duration "$DURATION" --warmup "$WARMUP" --json "$OUT/redis-2-$half.json" --server-pid "$pid" \
			--scenario send --users "$((USERS / 2))" --rooms 1 > "$OUT/redis-2-$half.txt" 2>&1 &
		BENCH_PIDS+=($!)
	done
	wait "${BENCH_PIDS[@]}"
	redis_cpu=$(awk -v a="$redis_cpu_before" -v b="$(cpu_seconds "$REDIS_PID")" 'BEGIN { printf "%.2f", b - a }')
	{
		cat "$OUT/redis-2-a.txt" "$OUT/redis-2-b.txt"
		ta=$(json_number "$OUT/redis-2-a.json" throughput)
		tb=$(json_number "$OUT/redis-2-b.json" throughput)
		ca=$(json_number "$OUT/redis-2-a.json" server_cpu_seconds)
		cb=$(json_number "$OUT/redis-2-b.json" server_cpu_seconds)
		na=$(json_number "$OUT/redis-2-a.json" count)
		nb=$(json_number "$OUT/redis-2-b.json" count)
		awk -v ta="$ta" -v tb="$tb" -v ca="$ca" -v cb="$cb" -v na="$na" -v nb="$nb" -v rc="$redis_cpu" -v u="$USERS" 'BEGIN {
			printf "redis-2 (two chat-apps on one Redis, %d users in all): %.1f send_message/s together (%.1f + %.1f); ", \
				u, ta + tb, ta, tb
			printf "chat-apps CPU %.1f us per send\n", 1e6 * (ca + cb) / (na + nb)
			printf "redis-server CPU during the run (warm-up included): %.2f s\n", rc
		}'
		for base in send redis; do
			if [[ -f "$OUT/$base.json" ]]; then
				awk -v t="$(awk -v ta="$ta" -v tb="$tb" 'BEGIN { print ta + tb }')" \
					-v b="$(json_number "$OUT/$base.json" throughput)" -v l="$base" \
					'BEGIN { printf "redis-2 vs %s: throughput %.1f %%\n", l, 100 * t / b }'
			fi
		done
	} | tee "$OUT/redis-2.txt"
	stop_last
	stop_last
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

# get_history in one room of HISTORY_BIG messages: every page once from the newest to the oldest, then the newest and
# the deepest page measured apart (target: the deepest within 20 % of the newest). The history limit is raised above
# the room (its messages and the users' joins) so that none is dropped; on the memory store, then on Redis.
if has history; then
	HISTORY_LIMIT=$((HISTORY_BIG + 1000))
	start_chat chat-history -Xms2g -Xmx2g -XX:+UseG1GC -XX:+AlwaysPreTouch -- "${UNLIMITED[@]}" \
		--chat.rooms.history-limit="$HISTORY_LIMIT"
	bench history --scenario history --users "$USERS" --rooms 1 --history "$HISTORY_BIG"
	stop_last
	start_redis
	start_chat chat-history-redis "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}" $(redis_store) \
		--chat.rooms.history-limit="$HISTORY_LIMIT"
	bench history-redis --scenario history --users "$USERS" --rooms 1 --history "$HISTORY_BIG"
	stop_last
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
		"-XX:HeapDumpPath=$OUT/chat-longpoll.hprof" -- --server.tomcat.max-connections=20000 "${UNLIMITED[@]}"
	heap_watch "$CHAT_PID" "$OUT/longpoll-heap-peak-mib.txt" &
	WATCH_PID=$!
	bench longpoll --scenario longpoll --users "$POLLERS" --rooms "$POLL_ROOMS" --warmup 0s
	kill "$WATCH_PID" 2>/dev/null || true
	wait "$WATCH_PID" 2>/dev/null || true
	echo "chat-app heap peak during longpoll (jstat, used): $(cat "$OUT/longpoll-heap-peak-mib.txt" 2>/dev/null || echo '?') MiB of -Xmx$LONGPOLL_HEAP" \
		| tee -a "$OUT/longpoll.txt"
	stop_last
fi

# WebSocket push: many subscribed sockets at a small heap (the bench reports the server's heap after a full GC, through
# jcmd), and one hot room; then the request/response calls over sockets, next to their HTTP figures above.
if has ws-fanout; then
	start_chat chat-ws-fanout "-Xmx$WS_HEAP" -XX:+UseG1GC -XX:+HeapDumpOnOutOfMemoryError \
		"-XX:HeapDumpPath=$OUT/chat-ws-fanout.hprof" -- --server.tomcat.max-connections=20000 "${UNLIMITED[@]}"
	bench ws-fanout --scenario ws-fanout --users "$WS_SOCKETS" --rooms "$WS_ROOMS"
	stop_last
fi

if has ws-hot; then
	start_chat chat-ws-hot "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}"
	bench ws-hot --scenario ws-hot --users "$WS_HOT_SOCKETS" --rooms 1 --rate "$WS_HOT_RATE"
	echo "(the server CPU line is per delivery: the first series above)" | tee -a "$OUT/ws-hot.txt"
	stop_last
fi

if has ws-send; then
	start_chat chat-ws-send "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}"
	bench ws-send --scenario ws-send --users "$USERS" --rooms 1 $(ceiling)
	bench ws-receive --scenario ws-receive --users "$USERS" --rooms 1 $(ceiling)
	stop_last
fi

# What one client's maximal requests (a batch of 100 join_room calls, each answering 50 messages of 2,000
# characters, in a 1 MiB body, back to back) cost the other users' send/receive: their latencies alone, then beside it.
if has max-batch; then
	start_chat chat-max-batch "${SERVER_JVM[@]}" -- "${UNLIMITED[@]}"
	bench max-batch --scenario max-batch --users "$USERS" --rooms 1
	stop_last
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
for name in machine noop noop-jdk-client send send-open redis redis-2 receive join-100 join-big rejoin-100 rejoin-big history history-redis delivery delivery-1-receiver longpoll ws-fanout ws-hot ws-send ws-receive max-batch; do
	if [[ -f "$OUT/$name.txt" ]]; then
		cat "$OUT/$name.txt"
		echo
	fi
done > "$OUT/summary.txt"
echo "results in $OUT"
