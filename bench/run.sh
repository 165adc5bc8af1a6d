#!/usr/bin/env bash
# Benchmark of the demo on both session stores (embedded H2 + Spring Session JDBC, and Redis):
# throughput and latency of anonymous and authenticated requests, log-in latency, reads during a
# log-in flood and, for Redis, store commands per request; each next to its target.
#
#   bash bench/run.sh
#
# Runs unattended in about 15 minutes once the machine is quiet: before each store it waits, up to
# BENCH_QUIET_TIMEOUT seconds (default 1200), for other Maven/test runs to end, and measures a store
# again (up to 3 tries) when one was active during its measurements. Loopback only;
# it starts its own demo instances and a private redis-server on free ports and stops them by PID.
# Logs and wrk's full output stay in the folder printed at the end.
# BENCH_STORES picks the stores (default "embedded redis"); BENCH_DURATION sets the seconds per run
# (20), BENCH_WARMUP the mixed warm-up (60) and BENCH_SETTLE_MAX the longest a request is run alone
# before its measurement while its rate still climbs (120). BENCH_PROFILE=1 records each measured
# run with JFR (about 2% slower) and prints where each request's CPU time goes (bench/profile.py).
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR="$ROOT/demo/target/spa-auth-demo-exec.jar"
export BENCH_DIR

THREADS=2 CONNECTIONS=32 DURATION=${BENCH_DURATION:-20} WARMUP=${BENCH_WARMUP:-60} SETTLE_MAX=${BENCH_SETTLE_MAX:-120}
LOGINS=30 FLOOD_RATE=50
QUIET_TIMEOUT=${BENCH_QUIET_TIMEOUT:-1200}
PROFILE=${BENCH_PROFILE:-}
PASSWORD='correct horse battery staple 42'

WORK=$(mktemp -d /tmp/spa-auth-bench.XXXXXX)
APP_PID='' REDIS_PID='' FLOOD_PID=''

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_pid() { # pid [seconds]: TERM, then KILL after a grace period
	local pid=$1 grace=${2:-20} i
	[[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
	kill "$pid" 2>/dev/null || true
	for ((i = 0; i < grace * 10; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	kill -9 "$pid" 2>/dev/null || true
}

stop_flood() {
	[[ -n $FLOOD_PID ]] || return 0
	stop_pid "$FLOOD_PID" 2
	FLOOD_PID=''
}

cleanup() {
	stop_flood
	stop_pid "$APP_PID"; APP_PID=''
	stop_pid "$REDIS_PID"; REDIS_PID=''
	rm -rf "$WORK"/*/db "$WORK"/*/redis "$WORK"/*/mailbox 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
	local p
	for _ in $(seq 200); do
		p=$((20000 + RANDOM % 40000))
		[[ -z $(ss -Htan "sport = :$p" 2>/dev/null) ]] && { echo "$p"; return; }
	done
	die "no free port found"
}

# ---- the machine must be quiet -------------------------------------------------------------

other_runs() { # Maven launchers, surefire/failsafe forks and mvn wrappers that are not ours
	local pid
	for pid in $(pgrep -f 'surefire|failsafe|org.codehaus.plexus.classworlds.launcher|mvn' || true); do
		[[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
		[[ -r /proc/$pid/cmdline ]] || continue
		printf '%s %s\n' "$pid" "$(tr '\0' ' ' </proc/$pid/cmdline | cut -c1-110)"
	done
}

cpu_busy_percent() { # share of all cores busy over 3 s
	local a b
	read -ra a < <(head -1 /proc/stat); sleep 3; read -ra b < <(head -1 /proc/stat)
	local total=0 idle i
	for ((i = 1; i < ${#a[@]}; i++)); do total=$((total + b[i] - a[i])); done
	idle=$((b[4] - a[4] + b[5] - a[5]))
	echo $(((total - idle) * 100 / (total > 0 ? total : 1)))
}

wait_until_quiet() {
	local start=$SECONDS last=-60 busy runs
	if ((QUIET_TIMEOUT == 0)); then log "BENCH_QUIET_TIMEOUT=0: not waiting for a quiet machine"; return 0; fi
	while :; do
		runs=$(other_runs)
		if [[ -z $runs ]]; then
			busy=$(cpu_busy_percent)
			((busy < 25)) && { log "machine is quiet (CPU ${busy}% busy)"; return 0; }
			runs="CPU ${busy}% busy with no load of ours"
		fi
		((SECONDS - start >= QUIET_TIMEOUT)) && die "machine not quiet after ${QUIET_TIMEOUT}s: $runs"
		if ((SECONDS - last >= 60)); then
			log "waiting for other runs to end before measuring:"; sed 's/^/    /' <<<"$runs" >&2
			last=$SECONDS
		fi
		sleep 5
	done
}

# ---- HTTP helpers ------------------------------------------------------------------------------

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

prime_csrf() { curl -sf "$BASE/api/auth/csrf" | json_field csrfToken; }

# auth_post path json -> sets SESSION_COOKIE and CSRF from the answer (sign-up or log-in)
auth_post() {
	local path=$1 body=$2 token headers answer code
	token=$(prime_csrf)
	headers="$WORK/headers.txt"
	answer=$(curl -s -D "$headers" -w '\n%{http_code}' -H "Cookie: XSRF-TOKEN=$token" \
		-H "X-XSRF-TOKEN: $token" -H "Origin: $BASE" -H 'Content-Type: application/json' \
		-H 'Accept: application/json' --data "$body" "$BASE$path")
	code=${answer##*$'\n'}
	[[ $code == 200 || $code == 201 ]] || die "POST $path answered $code: ${answer%$'\n'*}"
	SESSION_COOKIE=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*SESSION=[^;]*\);.*/\1/p' "$headers" | tr -d '\r')
	CSRF=$(printf '%s' "${answer%$'\n'*}" | json_field csrfToken)
	[[ -n $SESSION_COOKIE && -n $CSRF ]] || die "no session cookie or CSRF token from POST $path"
}

signup_and_login() { # user -> SESSION_COOKIE, CSRF of a fresh log-in
	auth_post /api/auth/signup "{\"username\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"$PASSWORD\"}"
	auth_post /api/auth/login "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}"
}

check_session() { # cookie: still logged in?
	curl -s -H "Cookie: $1" "$BASE/api/auth/session" | grep -q '"authenticated":true' ||
		die "the bench session is no longer authenticated"
}

# ---- wrk -----------------------------------------------------------------------------------------

redis_calls() { # total command calls so far, INFO itself excluded; or per command with "detail"
	redis-cli -p "$REDIS_PORT" INFO commandstats | tr -d '\r' |
		awk -F'[:=,]' -v detail="${1:-}" '/^cmdstat_/ { c = substr($1, 9); if (c == "info") next;
			if (detail) print c, $3; else n += $3 } END { if (!detail) print n + 0 }'
}

note_other_runs() { # remember any other Maven/test run seen while measuring
	local runs
	runs=$(other_runs)
	[[ -z $runs ]] || DISTURBED+="$runs"$'\n'
}

# measure name path [env assignments...]: one measured wrk run; result in R_<name>_*
measure() {
	local name=$1 path=$2 out before=0 after line
	shift 2
	[[ $name == flood ]] || settle "$name" "$path" "$@"
	note_other_runs
	out="$STORE_DIR/wrk-$name.txt"
	[[ $STORE == redis ]] && { before=$(redis_calls); redis_calls detail >"$STORE_DIR/redis-before-$name.txt"; }
	[[ -z $PROFILE || $name == flood ]] ||
		jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$STORE_DIR/$name.jfr" >/dev/null ||
		die "could not start JFR"
	env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$BENCH_DIR/request.lua" \
		"$BASE$path" >"$out" 2>&1 || die "wrk failed, see $out"
	[[ -z $PROFILE || $name == flood ]] || jcmd "$APP_PID" JFR.stop name="$name" >/dev/null || die "could not stop JFR"
	line=$(grep '^BENCH_RESULT' "$out") || die "no result from wrk, see $out"
	local requests duration p50 p99 errs sock
	requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
	duration=$(sed 's/.*duration_us=\([0-9]*\).*/\1/' <<<"$line")
	p50=$(sed 's/.*p50_us=\([0-9]*\).*/\1/' <<<"$line")
	p99=$(sed 's/.*p99_us=\([0-9]*\).*/\1/' <<<"$line")
	errs=$(sed 's/.*http_errors=\([0-9]*\).*/\1/' <<<"$line")
	sock=$(sed 's/.*socket_errors=\([0-9]*\).*/\1/' <<<"$line")
	printf -v "R_${name}_rps" '%s' "$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.1f", r / (d / 1e6) }')"
	printf -v "R_${name}_p50" '%s' "$(awk -v v="$p50" 'BEGIN { printf "%.2f", v / 1000 }')"
	printf -v "R_${name}_p99" '%s' "$(awk -v v="$p99" 'BEGIN { printf "%.2f", v / 1000 }')"
	printf -v "R_${name}_err" '%s' "$((errs + sock))"
	if [[ $STORE == redis ]]; then
		after=$(redis_calls)
		redis_calls detail >"$STORE_DIR/redis-after-$name.txt"
		printf -v "R_${name}_ops" '%s' "$(awk -v a="$after" -v b="$before" -v r="$requests" 'BEGIN { printf "%.2f", (a - b) / r }')"
		printf -v "R_${name}_opsdetail" '%s' "$(awk -v r="$requests" 'NR == FNR { b[$1] = $2; next }
			{ d = ($2 - b[$1]) / r; if (d >= 0.01) printf "%s%s %.2f", (n++ ? ", " : ""), $1, d }' \
			"$STORE_DIR/redis-before-$name.txt" "$STORE_DIR/redis-after-$name.txt")"
	elif [[ $name != flood ]]; then
		h2_statements "$name" "$path" "$@"
	fi
	note_other_runs
	local rps_var="R_${name}_rps" err_var="R_${name}_err"
	log "  $name: ${!rps_var} req/s, p50 $p50 us, p99 $p99 us, errors ${!err_var}"
}

# h2_statements name path [env assignments...]: SQL statements per request against the embedded H2,
# counted by H2's query statistics (INFORMATION_SCHEMA.QUERY_STATISTICS) over a separate 5 s wrk run
# with 4 connections, so the counting does not slow the measured run. Sets R_<name>_ops (statements
# per request, commits excluded) and R_<name>_opsdetail (per statement kind and table).
h2_statements() {
	local name=$1 path=$2 out="$STORE_DIR/wrk-$name-statements.txt" stats="$STORE_DIR/h2-$name.txt" line requests
	shift 2
	h2_sql 'SET QUERY_STATISTICS FALSE; SET QUERY_STATISTICS TRUE' >/dev/null
	env "$@" wrk -t1 -c4 -d5s -s "$BENCH_DIR/request.lua" "$BASE$path" \
		>"$out" 2>&1 || die "wrk failed, see $out"
	h2_sql "SELECT EXECUTION_COUNT || '|' || REGEXP_REPLACE(SQL_STATEMENT, '\\s+', ' ')
		FROM INFORMATION_SCHEMA.QUERY_STATISTICS; SET QUERY_STATISTICS FALSE" >"$stats"
	line=$(grep '^BENCH_RESULT' "$out") || die "no result from wrk, see $out"
	requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
	# Only the application's statements: not H2's answers to this script's own connection.
	local summary
	summary=$(awk -F'|' -v r="$requests" '
		/^[0-9]+\|/ && $2 !~ /INFORMATION_SCHEMA|QUERY_STATISTICS|AUTO_SERVER|READONLY\(\)|^CALL / {
			verb = toupper($2); sub(/^[ (]*/, "", verb); sub(/ .*/, "", verb)
			table = "-"
			if (match(tolower($2), /spring_session_attributes|spring_session|users|notes|one_time_tokens|throttle_buckets/))
				table = substr(tolower($2), RSTART, RLENGTH)
			key = (verb == "COMMIT") ? "COMMIT" : verb " " table
			n[key] += $1
		}
		END {
			for (k in n) { d = n[k] / r; if (d >= 0.01) { detail = detail sep sprintf("%s %.2f", k, d); sep = ", " }
				if (k != "COMMIT") total += n[k] }
			printf "%.2f|%s\n", total / r, detail
		}' "$stats")
	printf -v "R_${name}_ops" '%s' "${summary%%|*}"
	printf -v "R_${name}_opsdetail" '%s' "${summary#*|}"
}

h2_sql() { # statements -> output of H2's shell, connected to the running demo's database file
	java -cp "$WORK/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$STORE_DIR/db/bench;AUTO_SERVER=TRUE" \
		-user sa -password '' -sql "$1"
}

# ---- log-ins -------------------------------------------------------------------------------------

percentile() { # p file-of-numbers -> nearest-rank percentile
	sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR); if (i < (p / 100) * NR) i++;
		if (i < 1) i = 1; print v[i] }'
}

sequential_logins() { # LOGINS log-ins one after the other, each with a fresh CSRF priming
	local user=$1 i token result times="$STORE_DIR/login-times.txt" failed=0
	: >"$times"
	for ((i = 0; i < LOGINS; i++)); do
		token=$(prime_csrf)
		result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: XSRF-TOKEN=$token" \
			-H "X-XSRF-TOKEN: $token" -H "Origin: $BASE" -H 'Content-Type: application/json' \
			--data "{\"username\":\"$user\",\"password\":\"$PASSWORD\"}" "$BASE/api/auth/login")
		[[ ${result%% *} == 200 ]] || failed=$((failed + 1))
		awk -v t="${result#* }" 'BEGIN { printf "%.1f\n", t * 1000 }' >>"$times"
	done
	R_login_p50=$(percentile 50 "$times")
	R_login_p99=$(percentile 99 "$times")
	R_login_failed=$failed
	log "  logins: p50 $R_login_p50 ms, p99 $R_login_p99 ms, $failed not 200"
}

# login_flood user token seconds out: FLOOD_RATE log-ins a second, open loop (started on schedule,
# not waiting for answers; bench/flood.py, one process), each with the anonymous CSRF token primed
# once (any token the server signed is valid before log-in).
login_flood() {
	exec python3 "$BENCH_DIR/flood.py" "$BASE/api/auth/login" "$FLOOD_RATE" "$3" \
		"{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$2" "$BASE" "$4"
}

# warm_up cookie warm_cookie warm_csrf: WARMUP seconds of the measured requests in turn
# (bench/warmup.lua) on 2 connections, so that every path is loaded and compiled: under full load
# the JIT's compiler threads get little of the 2 cores, and an endpoint still speeds up 3x during
# its first two minutes; with one core left to the compiler, 30 s do most of that work.
warm_up() {
	log "warm-up: ${WARMUP}s of mixed requests on 2 connections, then 10 log-ins"
	BENCH_COOKIE=$1 BENCH_WARM_COOKIE=$2 BENCH_WARM_CSRF=$3 BENCH_ORIGIN=$BASE \
		wrk -t1 -c2 -d"${WARMUP}s" -s "$BENCH_DIR/warmup.lua" "$BASE/" \
		>"$STORE_DIR/wrk-warmup.txt" 2>&1 || die "warm-up failed, see $STORE_DIR/wrk-warmup.txt"
}

# settle name path [env assignments...]: the request alone in 10 s rounds until its rate is within
# 3% of the previous round's (at most SETTLE_MAX seconds), so it is measured at its steady state.
settle() {
	local name=$1 path=$2 round=0 rate previous=0 out line requests duration
	shift 2
	while :; do
		round=$((round + 1))
		out="$STORE_DIR/wrk-$name-settle-$round.txt"
		env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$BENCH_DIR/request.lua" "$BASE$path" >"$out" 2>&1 ||
			die "wrk failed, see $out"
		line=$(grep '^BENCH_RESULT' "$out") || die "no result from wrk, see $out"
		requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$line")
		duration=$(sed 's/.*duration_us=\([0-9]*\).*/\1/' <<<"$line")
		rate=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
		if awk -v a="$rate" -v b="$previous" 'BEGIN { exit !(b > 0 && a <= b * 1.03) }'; then
			break
		fi
		((round * 10 >= SETTLE_MAX)) && { log "  $name still speeding up after ${SETTLE_MAX}s"; break; }
		previous=$rate
	done
	printf -v "R_${name}_settle" '%s' "$((round * 10))"
}

# ---- one store -----------------------------------------------------------------------------------

start_app() { # extra args...
	local port
	port=$(free_port)
	BASE="http://127.0.0.1:$port"
	mkdir -p "$STORE_DIR/db" "$STORE_DIR/mailbox"
	local jvm=()
	# Spring's filter chains are deep: JFR's default of 64 frames would cut off the filters.
	[[ -z $PROFILE ]] || jvm=(-XX:FlightRecorderOptions:stackdepth=512)
	# The bench's users sign up and log in at once: no mailed link to confirm their address first.
	(cd "$STORE_DIR" && exec java "${jvm[@]}" -jar "$JAR" --server.port="$port" --management.server.port=0 \
		--spring.datasource.url="jdbc:h2:file:$STORE_DIR/db/bench;AUTO_SERVER=TRUE" \
		--spa-auth.mail.dev-mailbox="$STORE_DIR/mailbox" --spa-auth.spa-url="$BASE" \
		--spa-auth.throttle.account-attempts=100000 --spa-auth.throttle.address-attempts=1000000 \
		--spa-auth.signup.email-verification=off \
		"$@" >"$STORE_DIR/app.log" 2>&1) &
	APP_PID=$!
	for _ in $(seq 120); do
		kill -0 "$APP_PID" 2>/dev/null || die "the demo stopped at start-up, see $STORE_DIR/app.log"
		curl -sf -o /dev/null "$BASE/api/auth/session" && { log "demo up on $BASE (PID $APP_PID)"; return; }
		sleep 1
	done
	die "the demo did not start within 120 s, see $STORE_DIR/app.log"
}

start_redis() {
	REDIS_PORT=$(free_port)
	[[ $REDIS_PORT != 6379 ]] || die "refusing port 6379"
	mkdir -p "$STORE_DIR/redis"
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$STORE_DIR/redis" \
		--daemonize no >"$STORE_DIR/redis.log" 2>&1 &
	REDIS_PID=$!
	for _ in $(seq 50); do
		[[ $(redis-cli -p "$REDIS_PORT" PING 2>/dev/null) == PONG ]] && { log "private redis-server on port $REDIS_PORT (PID $REDIS_PID)"; return; }
		sleep 0.2
	done
	die "redis-server did not start, see $STORE_DIR/redis.log"
}

run_store() { # store: embedded | redis
	STORE=$1
	STORE_DIR="$WORK/$STORE"
	rm -rf "$STORE_DIR"
	mkdir -p "$STORE_DIR"
	DISTURBED=''
	log "== $STORE =="
	wait_until_quiet
	if [[ $STORE == redis ]]; then
		start_redis
		start_app --spa-auth.session.store=redis --spring.data.redis.host=127.0.0.1 \
			--spring.data.redis.port="$REDIS_PORT" --spring.session.data.redis.namespace=spa-auth-bench
	else
		start_app
	fi

	# Users: "bench" for the reads (5 notes), "benchpost" posts, "benchflood" is the flood's,
	# "benchwarm" posts during the warm-up. Every session cookie comes from a fresh log-in.
	local cookie csrf post_cookie post_csrf warm_cookie warm_csrf flood_token
	signup_and_login benchwarm; warm_cookie=$SESSION_COOKIE warm_csrf=$CSRF
	signup_and_login benchpost; post_cookie=$SESSION_COOKIE post_csrf=$CSRF
	signup_and_login benchflood
	signup_and_login bench; cookie=$SESSION_COOKIE csrf=$CSRF
	for i in 1 2 3 4 5; do
		curl -sf -o /dev/null -H "Cookie: $cookie" -H "X-XSRF-TOKEN: $csrf" -H "Origin: $BASE" \
			-H 'Content-Type: application/json' --data "{\"text\":\"note $i\"}" "$BASE/api/notes" ||
			die "could not add a note"
	done
	check_session "$cookie"

	# JFR's first recording in a JVM costs a pause of its own: take it during the warm-up.
	[[ -z $PROFILE ]] || jcmd "$APP_PID" JFR.start name=warmup settings=profile duration=30s >/dev/null ||
		die "could not start JFR"
	warm_up "$cookie" "$warm_cookie" "$warm_csrf"
	LOGINS=10 sequential_logins benchwarm >/dev/null 2>&1

	log "measuring (${DURATION}s per run)"
	measure health /api/auth/session
	measure session /api/auth/session BENCH_COOKIE="$cookie"
	check_session "$cookie"
	measure notes /api/notes BENCH_COOKIE="$cookie"
	check_session "$cookie"
	sequential_logins bench

	flood_token=$(prime_csrf)
	local flood_out="$STORE_DIR/flood-logins.txt"
	: >"$flood_out"
	login_flood benchflood "$flood_token" "$DURATION" "$flood_out" &
	FLOOD_PID=$!
	measure flood /api/notes BENCH_COOKIE="$cookie"
	wait "$FLOOD_PID" || true
	FLOOD_PID=''
	check_session "$cookie"
	R_flood_attempts=$(wc -l <"$flood_out")
	R_flood_ok=$(awk '$1 == 200' "$flood_out" | wc -l)
	R_flood_503=$(awk '$1 == 503' "$flood_out" | wc -l)
	R_flood_other=$((R_flood_attempts - R_flood_ok - R_flood_503))
	R_flood_ok_p50=$(awk '$1 == 200 { printf "%.1f\n", $2 * 1000 }' "$flood_out" >"$STORE_DIR/flood-ok-times.txt"
		[[ -s $STORE_DIR/flood-ok-times.txt ]] && percentile 50 "$STORE_DIR/flood-ok-times.txt" || echo -)
	log "  flood: $R_flood_attempts log-ins, $R_flood_ok ok, $R_flood_503 answered 503, $R_flood_other other"

	# Last, since every POST adds a note (to its own user, so the reads above are unaffected).
	measure post /api/notes BENCH_COOKIE="$post_cookie" BENCH_CSRF="$post_csrf" BENCH_ORIGIN="$BASE" \
		BENCH_METHOD=POST BENCH_BODY='{"text":"bench note"}'
	check_session "$post_cookie"

	stop_pid "$APP_PID"; APP_PID=''
	if [[ $STORE == redis ]]; then stop_pid "$REDIS_PID"; REDIS_PID=''; fi
}

# ---- report --------------------------------------------------------------------------------------

verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "MET" : "NOT MET" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

print_table() {
	local title session_target
	if [[ $STORE == redis ]]; then
		title="Redis (Spring Session Data Redis, private redis-server ${REDIS_VERSION}; users and notes in H2)"
		session_target=0.7
	else
		title="embedded (H2 file, Spring Session JDBC)"
		session_target=0.8
	fi
	echo
	echo "== $title =="
	echo "   wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, loopback, $(nproc) cores; ${WARMUP}s mixed warm-up on 2 connections, then each request alone until its rate settled (health ${R_health_settle}s, session ${R_session_settle}s, notes ${R_notes_settle}s, post ${R_post_settle}s)"
	printf '%-42s %9s %8s %8s %8s %6s %-16s %-24s %s\n' request req/s 'p50 ms' 'p99 ms' 'x health' errors \
		'store cmds/req' 'ratio target' 'p99 <= 10 ms'
	local name label target rps p50 p99 err ops x rt
	for row in "health|health (anonymous session status)|" \
		"session|authenticated GET /api/auth/session|$session_target" \
		"notes|authenticated GET /api/notes|0.6" \
		"post|CSRF-checked POST /api/notes|0.5"; do
		IFS='|' read -r name label target <<<"$row"
		eval "rps=\$R_${name}_rps p50=\$R_${name}_p50 p99=\$R_${name}_p99 err=\$R_${name}_err ops=\$R_${name}_ops"
		x=$(ratio "$rps" "$R_health_rps")
		if [[ -n $target ]]; then rt=">= ${target}x $(verdict "$x" "$target" '>=')"; else rt='-'; fi
		printf '%-42s %9s %8s %8s %7sx %6s %-16s %-24s %s\n' "$label" "$rps" "$p50" "$p99" "$x" "$err" "$ops" \
			"$rt" "$(verdict "$p99" 10 '<=')"
	done
	x=$(ratio "$R_flood_rps" "$R_notes_rps")
	printf '%-42s %9s %8s %8s %7sx %6s %-16s %-24s %s\n' 'GET /api/notes during the log-in flood' "$R_flood_rps" \
		"$R_flood_p50" "$R_flood_p99" "$(ratio "$R_flood_rps" "$R_health_rps")" "$R_flood_err" "-" \
		">= 0.5x of GET $(verdict "$x" 0.5 '>=')" '-'
	echo "   ... that is ${x}x authenticated GET /api/notes without log-ins (target >= 0.5x of that)."
	printf '   log-in flood: %d attempted in %ds (%.1f/s), %d logged in (%.1f/s, p50 %s ms), %d answered 503 service_unavailable, %d other\n' \
		"$R_flood_attempts" "$DURATION" "$(awk -v n="$R_flood_attempts" -v d="$DURATION" 'BEGIN { print n / d }')" \
		"$R_flood_ok" "$(awk -v n="$R_flood_ok" -v d="$DURATION" 'BEGIN { print n / d }')" "$R_flood_ok_p50" \
		"$R_flood_503" "$R_flood_other"
	printf '   log-in latency (%d sequential curl log-ins, fresh CSRF priming each): p50 %s ms, p99 %s ms (= max), %d not 200; target p50 <= 150 ms: %s\n' \
		"$LOGINS" "$R_login_p50" "$R_login_p99" "$R_login_failed" "$(verdict "$R_login_p50" 150 '<=')"
	if [[ $STORE == redis ]]; then
		echo "   Redis commands per request: GET /api/auth/session: $R_session_opsdetail"
		echo "                               GET /api/notes: $R_notes_opsdetail"
		echo "                               POST /api/notes: $R_post_opsdetail"
	else
		echo "   H2 statements per request (commits apart): GET /api/auth/session: $R_session_opsdetail"
		echo "                                              GET /api/notes: $R_notes_opsdetail"
		echo "                                              POST /api/notes: $R_post_opsdetail"
	fi
	if [[ -n $PROFILE ]]; then
		echo "   Profiles (JFR, settings=profile, of each measured run; figures above include its overhead):"
		for row in "health|anonymous GET /api/auth/session" "session|authenticated GET /api/auth/session" \
			"notes|authenticated GET /api/notes" "post|CSRF-checked POST /api/notes"; do
			python3 "$BENCH_DIR/profile.py" "$STORE_DIR/${row%%|*}.jfr" "$STORE: ${row#*|}" | sed 's/^/   /'
		done
	fi
	[[ -z $DISTURBED ]] || echo "   WARNING: another Maven/test run was active during these measurements (3 tries); figures may be low."
}

# ---- main ----------------------------------------------------------------------------------------

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null 2>&1 ||
	{ apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } || die "could not install wrk"; }
[[ -z $PROFILE ]] || for tool in jcmd jfr; do command -v "$tool" >/dev/null || die "$tool is missing (BENCH_PROFILE)"; done
for tool in java mvn curl python3 redis-server redis-cli ss unzip; do command -v "$tool" >/dev/null || die "$tool is missing"; done
REDIS_VERSION=$(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p')

log "building the demo jar"
(cd "$ROOT" && mvn -q -B -pl demo -am package -DskipTests) >"$WORK/build.log" 2>&1 ||
	{ tail -30 "$WORK/build.log" >&2; die "build failed"; }
[[ -f $JAR ]] || die "$JAR is missing after the build"
# H2's shell, from the demo jar, reads the embedded database's query statistics.
unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep '^BOOT-INF/lib/h2-.*\.jar$')" >"$WORK/h2.jar" || die "no H2 jar in $JAR"

: >"$WORK/tables.txt"
for store in ${BENCH_STORES:-embedded redis}; do
	for attempt in 1 2 3; do
		run_store "$store"
		[[ -n $DISTURBED ]] || break
		log "another Maven/test run was active during the $store measurements (try $attempt of 3):"
		sed 's/^/    /' <<<"$DISTURBED" >&2
	done
	print_table >>"$WORK/tables.txt"
done
cat "$WORK/tables.txt"
echo
echo "Logs and wrk output: $WORK"
