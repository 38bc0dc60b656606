#!/usr/bin/env bash
# SendGuard benchmark: relay throughput and large-message memory use, compared with
# sending straight to Postfix smtp-sink. Loopback only; prints figures, not pass/fail.
#
#   bash bench/run.sh [BUILD_DIR]        (default BUILD_DIR=build, binary BUILD_DIR/app/sendguard)
#
# Environment: BENCH_MESSAGES (2000)  BENCH_SESSIONS (20)  BENCH_MSG_SIZE (10240)
#              BENCH_BIG_MB (100)     BENCH_SKIP_MEMORY=1   BENCH_KEEP=1 (keep temp dir)
#              BENCH_SKIP_ANALYSIS=1  BENCH_ANALYSIS_RUNS (9)
#              BENCH_SKIP_ENCRYPT=1   BENCH_ENCRYPT_RUNS (3)
#              BENCH_SKIP_DIALOG=1    BENCH_DIALOG_RUNS (15)
#              BENCH_ANALYSIS_BUILD (build-bench in the checkout: where bench/CMakeLists.txt is built)
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PY=/usr/bin/python3
HELPER="$HERE/bench_helper.py"
SINK=/usr/sbin/smtp-sink
SOURCE=/usr/sbin/smtp-source

BUILD_DIR=${1:-build}
case $BUILD_DIR in
    /*) ;;
    *) if [ -d "$PWD/$BUILD_DIR" ]; then BUILD_DIR="$PWD/$BUILD_DIR"; else BUILD_DIR="$ROOT/$BUILD_DIR"; fi ;;
esac
SG="$BUILD_DIR/app/sendguard"

N=${BENCH_MESSAGES:-2000}
SESSIONS=${BENCH_SESSIONS:-20}
MSG_SIZE=${BENCH_MSG_SIZE:-10240}
BIG_MB=${BENCH_BIG_MB:-100}
BIG_BYTES=$((BIG_MB * 1024 * 1024))
START_TIMEOUT=30          # seconds for SendGuard / smtp-sink to start listening
STOP_TIMEOUT=15           # seconds for a process to exit after SIGTERM
SOURCE_TIMEOUT=$(( N / 10 > 120 ? N / 10 : 120 ))   # smtp-source run limit
RELAY_TIMEOUT=$(( N / 10 > 180 ? N / 10 : 180 ))    # all N messages at the sink
RELAY_STALL=60            # give up if the sink count does not move for this long
BIG_TIMEOUT=600           # large message: socket timeout / relay limit

log() { printf '[bench] %s\n' "$*" >&2; }
problem() {   # also works inside $(...): recorded in a file, listed at the end
    printf '[bench] PROBLEM: %s\n' "$*" >&2
    [ -n "$WORK" ] && printf '%s\n' "$*" >>"$WORK/problems"
}
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (n != "n/a" && s != "n/a" && s + 0 > 0) printf "%.1f", n / s; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b != "n/a" && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "n/a" || k == "") print "n/a"; else printf "%.1f", k / 1024 }'; }
proc_cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo n/a; }   # clock ticks, user + system
children_cpu() {   # children_cpu VAR: CPU seconds of this shell's waited-for children (smtp-source...)
    times >"$WORK/times.out"   # in this shell: a subshell would only count its own children
    printf -v "$1" '%s' "$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + t[2] }
        printf "%.3f", s }' "$WORK/times.out")"
}
system_cpu() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }   # busy, idle (ticks)
TICK=$(getconf CLK_TCK 2>/dev/null || echo 100)
us_per_msg() {   # us_per_msg SECONDS: microseconds per message of N
    awk -v s="$1" -v n="$N" 'BEGIN { if (s == "n/a" || s == "" || n + 0 == 0) print "n/a"; else printf "%.0f", s * 1e6 / n }'
}
ticks_s() { awk -v a="$1" -v b="$2" -v t="$TICK" 'BEGIN { if (a == "n/a" || b == "n/a" || a == "" || b == "") print "n/a"; else printf "%.3f", (b - a) / t }'; }
busy_pct() {   # busy_pct "BUSY0 IDLE0" "BUSY1 IDLE1"
    awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); bu = y[1] - x[1]; id = y[2] - x[2]
        if (bu + id > 0) printf "%.0f", 100 * bu / (bu + id); else print "n/a" }'
}
proc_kb() { awk -v k="$2:" '$1 == k { print $2; f = 1 } END { if (!f) print "n/a" }' "/proc/$1/status" 2>/dev/null || echo n/a; }

FAILED=0
PIDS=()
WORK=""

STOP_HOW=""
stop_pid() {   # stop_pid PID: SIGTERM, bounded wait, then SIGKILL; sets STOP_HOW (no subshell!)
    local pid=$1 i rc
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null; rc=$?
        STOP_HOW="had already exited (status $rc)"
        return 1
    fi
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        STOP_HOW="killed (no exit within ${STOP_TIMEOUT}s of SIGTERM)"
        return 1
    fi
    wait "$pid" 2>/dev/null; rc=$?
    STOP_HOW="exit status $rc"
    return 0
}

CHILD=""
bg_run() {   # bg_run OUTFILE ERRFILE CMD...: run CMD (stdout to OUTFILE, stderr to ERRFILE or
             # "-" for ours) in the background and wait for it, so that a signal to this script
             # runs the trap at once; returns CMD's status
    local out=$1 err=$2 rc; shift 2
    if [ "$err" = - ]; then "$@" >"$out" & else "$@" >"$out" 2>"$err" & fi
    CHILD=$!
    wait "$CHILD"; rc=$?
    CHILD=""
    return $rc
}
helper() {   # helper OUTVAR ARGS...: run bench_helper.py via bg_run, its stdout into OUTVAR
    local var=$1 rc; shift
    bg_run "$WORK/helper.out" - "$PY" "$HELPER" "$@"; rc=$?
    printf -v "$var" '%s' "$(cat "$WORK/helper.out")"
    return $rc
}

cleanup() {
    local pid
    [ -n "$CHILD" ] && kill -TERM "$CHILD" 2>/dev/null
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && stop_pid "$pid"
    done
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM HUP

# ---------------------------------------------------------------- preconditions
for f in "$SINK" "$SOURCE" "$PY"; do
    [ -x "$f" ] || { log "missing $f"; exit 1; }
done
if [ ! -x "$SG" ]; then
    log "SendGuard binary not found: $SG (build it first)"
    exit 1
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sendguard-bench.XXXXXX") || exit 1
chmod 755 "$WORK"
SINK_USER=()
[ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)

log "binary: $SG ($("$SG" --version 2>&1 | head -1))"
log "work dir: $WORK"

# ---------------------------------------------------------------- smtp-sink
read -r SINK_PORT SG_PORT SG2_PORT < <("$PY" "$HELPER" freeport 3)
"$SINK" "${SINK_USER[@]}" -c "127.0.0.1:$SINK_PORT" 256 >"$WORK/sink.count" 2>"$WORK/sink.err" &
SINK_PID=$!
PIDS+=("$SINK_PID")
if ! helper how waitlisten /dev/null "$SINK_PORT" "$SINK_PID" "$START_TIMEOUT" || [ "$how" != port-accepts ]; then
    log "smtp-sink did not start on 127.0.0.1:$SINK_PORT ($how): $(tail -3 "$WORK/sink.err")"
    exit 1
fi
log "smtp-sink pid $SINK_PID on 127.0.0.1:$SINK_PORT"
sinkcount() { "$PY" "$HELPER" sinkcount "$WORK/sink.count"; }

# ---------------------------------------------------------------- SendGuard helpers
write_config() {   # write_config FILE PORT MAX_MESSAGE_SIZE
    cat >"$1" <<EOF
{
  "listen": {
    "address": "127.0.0.1",
    "port": $2,
    "auth": "none",
    "starttls": false,
    "max_message_size": $3
  },
  "upstream": {
    "host": "127.0.0.1",
    "port": $SINK_PORT,
    "security": "none"
  },
  "policy": {
    "hold_seconds": 0
  }
}
EOF
}

SG_PID=""
start_sendguard() {   # start_sendguard NAME PORT MAX_SIZE -> sets SG_PID, SG_DATA; 0 when listening
    local name=$1 port=$2 max=$3 cfg="$WORK/$1.json" how rc
    SG_DATA="$WORK/$name-data"
    mkdir -p "$SG_DATA"
    write_config "$cfg" "$port" "$max"
    if ! out=$(timeout 30 "$SG" check-config --config "$cfg" 2>&1); then
        problem "check-config rejected the benchmark config $cfg: $out"
        return 1
    fi
    "$SG" --config "$cfg" --data-dir "$SG_DATA" --headless --auto-confirm \
        >"$WORK/$name.out" 2>"$WORK/$name.err" &
    SG_PID=$!
    PIDS+=("$SG_PID")
    helper how waitlisten "$WORK/$name.err" "$port" "$SG_PID" "$START_TIMEOUT"; rc=$?
    if [ $rc != 0 ]; then
        stop_pid "$SG_PID"
        case $how in
            exited) how="it $STOP_HOW" ;;
            *) how="timed out after ${START_TIMEOUT}s; $STOP_HOW" ;;
        esac
        problem "SendGuard ($name) did not start listening on 127.0.0.1:$port ($how); stderr: $(tail -5 "$WORK/$name.err" | tr '\n' ' ')"
        return 1
    fi
    if [ "$how" = port-accepts ]; then   # the port is up; the stderr line should follow promptly
        sleep 1
        grep -q "SendGuard: listening on" "$WORK/$name.err" ||
            problem "SendGuard ($name) accepts connections but did not print 'SendGuard: listening on ADDRESS:PORT' to stderr"
    fi
    if grep -q "SendGuard: listening on" "$WORK/$name.err" &&
       ! grep -q "SendGuard: listening on 127.0.0.1:$port" "$WORK/$name.err"; then
        problem "SendGuard ($name) announced '$(grep -m1 'SendGuard: listening on' "$WORK/$name.err")', expected 127.0.0.1:$port"
    fi
    log "SendGuard ($name) pid $SG_PID listening on 127.0.0.1:$port"
    return 0
}

queue_summary() {   # queue_summary DATA -> one line
    local out rc
    out=$(timeout 20 "$SG" queue list --json --data-dir "$1" 2>"$WORK/queue.err"); rc=$?
    if [ $rc != 0 ]; then
        problem "'sendguard queue list --json --data-dir $1' exited $rc: $(head -3 "$WORK/queue.err" | tr '\n' ' ')"
        echo "queue list failed (exit $rc)"
        return 1
    fi
    printf '%s' "$out" | "$PY" "$HELPER" queuesummary || problem "queue list --json output is not a JSON array: ${out:0:200}"
}

stop_sendguard() {   # stop_sendguard NAME
    stop_pid "$SG_PID"
    log "SendGuard ($1) stopped: $STOP_HOW"
    case $STOP_HOW in
        "exit status 0") ;;
        "exit status 143") log "note: SendGuard ($1) was ended by the default SIGTERM action (no handler)";;
        *) problem "SendGuard ($1) on SIGTERM: $STOP_HOW (expected a clean exit, status 0); stderr tail: $(tail -3 "$WORK/$1.err" | tr '\n' ' ')";;
    esac
}

run_source() {   # run_source PORT LABEL -> sets secs (elapsed seconds); 0 on success
    local t0 t1 rc
    secs=n/a
    t0=$EPOCHREALTIME
    bg_run "$WORK/source-$2.out" "$WORK/source-$2.err" timeout "$SOURCE_TIMEOUT" "$SOURCE" \
        -s "$SESSIONS" -m "$N" -l "$MSG_SIZE" -f a@example.com -t b@example.net "127.0.0.1:$1"
    rc=$?
    t1=$EPOCHREALTIME
    if [ $rc != 0 ] || [ -s "$WORK/source-$2.err" ]; then
        problem "smtp-source against $2 exited $rc (124 = timeout ${SOURCE_TIMEOUT}s): $(head -5 "$WORK/source-$2.err" | tr '\n' ' ')"
        [ $rc != 0 ] && return 1
    fi
    secs=$(sub "$t1" "$t0")
}

# ================================================================= 1. throughput
D_SECS=n/a; A_SECS=n/a; E_SECS=n/a; T_HWM=n/a; T_AUDIT=n/a; T_QUEUE=n/a
log "throughput: $N messages x $MSG_SIZE bytes, $SESSIONS parallel sessions"

# CPU time per message (µs) of each process, and how busy the machine was, to tell a run bound
# by CPU from one bound by waiting (syncs, latency).
D_CPU_SOURCE=n/a; D_CPU_SINK=n/a; D_BUSY=n/a; A_CPU_SOURCE=n/a; A_CPU_SINK=n/a; A_CPU_SG=n/a; A_BUSY=n/a
base=$(sinkcount)
children_cpu c0; k0=$(proc_cpu "$SINK_PID"); m0=$(system_cpu)
if run_source "$SINK_PORT" direct; then
    if helper w waitcount "$WORK/sink.count" $((base + N)) "$EPOCHREALTIME" 30 30; then
        D_SECS=$secs
        children_cpu c1
        D_CPU_SOURCE=$(us_per_msg "$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')")
        D_CPU_SINK=$(us_per_msg "$(ticks_s "$k0" "$(proc_cpu "$SINK_PID")")")
        D_BUSY=$(busy_pct "$m0" "$(system_cpu)")
        log "direct: $D_SECS s"
    else
        problem "direct run: smtp-sink did not count $N messages ($w)"; FAILED=1
    fi
else
    FAILED=1
fi

if start_sendguard throughput "$SG_PORT" 52428800; then
    base=$(sinkcount)
    children_cpu c0; k0=$(proc_cpu "$SINK_PID"); g0=$(proc_cpu "$SG_PID"); m0=$(system_cpu)
    t0=$EPOCHREALTIME
    if run_source "$SG_PORT" sendguard; then
        A_SECS=$secs
        children_cpu c1
        A_CPU_SOURCE=$(us_per_msg "$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')")
        A_BUSY=$(busy_pct "$m0" "$(system_cpu)")
        log "SendGuard accepted $N in $A_SECS s; waiting for the sink to count them"
    else
        FAILED=1
    fi
    # wait for the relay even if smtp-source had trouble: how far did it get?
    if helper w waitcount "$WORK/sink.count" $((base + N)) "$t0" "$RELAY_TIMEOUT" "$RELAY_STALL" "$SG_PID"; then
        E_SECS=$w
        A_CPU_SINK=$(us_per_msg "$(ticks_s "$k0" "$(proc_cpu "$SINK_PID")")")
        A_CPU_SG=$(us_per_msg "$(ticks_s "$g0" "$(proc_cpu "$SG_PID")")")
        log "SendGuard relayed $N (end to end) in $E_SECS s"
    else
        problem "SendGuard relay: $w (sink counted $(( $(sinkcount) - base )) of $N)"; FAILED=1
    fi
    sleep 0.5
    T_AUDIT=$("$PY" "$HELPER" auditcount "$SG_DATA/audit.jsonl" relayed)
    [ "$T_AUDIT" = "$N" ] || [ "$E_SECS" = n/a ] ||
        problem "audit.jsonl has $T_AUDIT 'relayed' events for $N messages relayed"
    T_QUEUE=$(queue_summary "$SG_DATA")
    case $T_QUEUE in *held=*|*relaying=*|*retrying=*) problem "queue still has unfinished entries after the sink counted all messages: $T_QUEUE";; esac
    T_HWM=$(proc_kb "$SG_PID" VmHWM)
    stop_sendguard throughput
else
    FAILED=1
fi

# ================================================================= 2. memory
BIG_SIZE=n/a; BD_SECS=n/a; BA_SECS=n/a; BE_SECS=n/a; HWM_BEFORE=n/a; HWM_AFTER=n/a; RSS_AFTER=n/a
if [ "${BENCH_SKIP_MEMORY:-0}" != 1 ]; then
    log "memory: generating a $BIG_MB MiB message"
    BIG="$WORK/big.eml"
    helper BIG_SIZE genmsg "$BIG" "$BIG_BYTES" || { problem "could not generate $BIG"; BIG_SIZE=n/a; FAILED=1; }
fi
if [ "$BIG_SIZE" != n/a ]; then
    base=$(sinkcount)
    if helper r send 127.0.0.1 "$SINK_PORT" "$BIG" a@example.com b@example.net "$BIG_TIMEOUT"; then
        BD_SECS=${r%% *}
        log "large message direct: $BD_SECS s"
    else
        problem "large message direct to smtp-sink: $r"; FAILED=1
    fi

    if start_sendguard memory "$SG2_PORT" 200000000; then
        sleep 1
        HWM_BEFORE=$(proc_kb "$SG_PID" VmHWM)
        base=$(sinkcount)
        t0=$EPOCHREALTIME
        if helper r send 127.0.0.1 "$SG2_PORT" "$BIG" a@example.com b@example.net "$BIG_TIMEOUT"; then
            BA_SECS=${r%% *}
            log "large message accepted by SendGuard in $BA_SECS s ($r)"
            if helper w waitcount "$WORK/sink.count" $((base + 1)) "$t0" "$BIG_TIMEOUT" "$BIG_TIMEOUT" "$SG_PID"; then
                BE_SECS=$w
                log "large message relayed end to end in $BE_SECS s"
            else
                problem "large message not relayed to the sink: $w"; FAILED=1
            fi
        else
            problem "large message to SendGuard: $r"; FAILED=1
        fi
        sleep 0.5
        HWM_AFTER=$(proc_kb "$SG_PID" VmHWM)
        RSS_AFTER=$(proc_kb "$SG_PID" VmRSS)
        M_QUEUE=$(queue_summary "$SG_DATA")
        log "memory instance queue: $M_QUEUE"
        stop_sendguard memory
    else
        FAILED=1
    fi
fi

# Sections 3 to 5 run programs of bench/CMakeLists.txt, built in their own build dir (the core
# sources compiled -O2 like the main build; BENCH_ANALYSIS_BUILD, default build-bench).
# bench_program NAME TARGET SECONDS ARGS...: builds TARGET, runs it with ARGS for at most
# SECONDS; its output is $WORK/NAME.out. On failure it says why and returns 1.
BENCH_BUILD=${BENCH_ANALYSIS_BUILD:-$ROOT/build-bench}
bench_program() {
    local name=$1 target=$2 limit=$3
    shift 3
    log "$name: building $target in $BENCH_BUILD"
    if ! { [ -f "$BENCH_BUILD/CMakeCache.txt" ] ||
           bg_run "$WORK/$name-build.log" "$WORK/$name-build.err" cmake -S "$HERE" -B "$BENCH_BUILD" -G Ninja; } ||
       ! bg_run "$WORK/$name-build.log" "$WORK/$name-build.err" cmake --build "$BENCH_BUILD" -j"$(nproc)" --target "$target"; then
        problem "could not build bench/$target: $(tail -5 "$WORK/$name-build.err" "$WORK/$name-build.log" 2>/dev/null | tr '\n' ' ')"
        FAILED=1
        return 1
    fi
    if ! bg_run "$WORK/$name.out" "$WORK/$name.err" timeout "$limit" "$BENCH_BUILD/$target" "$@"; then
        problem "$target failed: $(tail -5 "$WORK/$name.err" | tr '\n' ' ')"
        FAILED=1
        return 1
    fi
}

# ================================================================= 3. analysis
# MessageAnalyzer::analyze on its own (bench/bench_analysis.cpp).
ANALYSIS_OUT=""
if [ "${BENCH_SKIP_ANALYSIS:-0}" != 1 ]; then
    log "analysis: median of ${BENCH_ANALYSIS_RUNS:-9} runs per case"
    if bench_program analysis bench_analysis 600 --runs "${BENCH_ANALYSIS_RUNS:-9}" --python "$PY"; then
        ANALYSIS_OUT="$WORK/analysis.out"
        grep -q ' NO$' "$ANALYSIS_OUT" && problem "analysis: a case took 50 ms or more (see section 3)"
    fi
fi

# ================================================================= 4. encryption
# The S/MIME and OpenPGP plugins (bench/bench_encrypt.cpp, plugins loaded from the same build
# dir) against `openssl cms -encrypt` and `gpg --encrypt` on the same BENCH_BIG_MB MiB file to
# the same recipient, measured in the same run.
ENCRYPT_OUT=""
if [ "${BENCH_SKIP_ENCRYPT:-0}" != 1 ]; then
    log "encryption: $BIG_MB MiB, median of ${BENCH_ENCRYPT_RUNS:-3} runs per plugin and tool"
    if bench_program encrypt bench_encrypt 900 --size-mb "$BIG_MB" --runs "${BENCH_ENCRYPT_RUNS:-3}"; then
        ENCRYPT_OUT="$WORK/encrypt.out"
        grep -q ' NO$' "$ENCRYPT_OUT" && problem "encryption: a plugin missed its target (see section 4)"
    fi
fi

# ================================================================= 5. confirm dialog latency
# How long after the end of DATA the confirm dialog is on screen (bench/bench_dialog.cpp: the
# real Guard and DialogGate, Qt's offscreen platform unless DISPLAY is set). Target: 150 ms.
DIALOG_OUT=""
if [ "${BENCH_SKIP_DIALOG:-0}" != 1 ]; then
    if bench_program dialog bench_dialog 300 "${BENCH_DIALOG_RUNS:-15}"; then
        DIALOG_OUT="$WORK/dialog.out"
    fi
fi

# ================================================================= report
echo
echo "SendGuard benchmark  ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, binary $SG)"
echo
echo "1. Throughput: $N messages, ${MSG_SIZE}-byte body, $SESSIONS parallel smtp-source sessions"
D_RATE=$(rate "$N" "$D_SECS"); A_RATE=$(rate "$N" "$A_SECS"); E_RATE=$(rate "$N" "$E_SECS")
printf '   %-34s %9s %10s %10s\n' "" "seconds" "msg/s" "vs direct"
printf '   %-34s %9s %10s %10s\n' "direct to smtp-sink" "$D_SECS" "$D_RATE" "1.00"
printf '   %-34s %9s %10s %10s\n' "via SendGuard: accepted" "$A_SECS" "$A_RATE" "$(ratio "$A_RATE" "$D_RATE")"
printf '   %-34s %9s %10s %10s\n' "via SendGuard: relayed (end to end)" "$E_SECS" "$E_RATE" "$(ratio "$E_RATE" "$D_RATE")"
echo "   audit 'relayed' events: $T_AUDIT;  queue afterwards: $T_QUEUE;  SendGuard VmHWM: $(mb "$T_HWM") MiB"
echo "   CPU time per message (us): direct: smtp-source $D_CPU_SOURCE + smtp-sink $D_CPU_SINK (CPUs ${D_BUSY}% busy);"
echo "     via SendGuard: SendGuard $A_CPU_SG + smtp-source $A_CPU_SOURCE + smtp-sink $A_CPU_SINK (CPUs ${A_BUSY}% busy while accepting)"
echo
if [ "${BENCH_SKIP_MEMORY:-0}" != 1 ]; then
    echo "2. Large message: $BIG_SIZE bytes ($(mb "$(awk -v b="$BIG_SIZE" 'BEGIN { if (b == "n/a") print "n/a"; else print b / 1024 }')") MiB)"
    BIG_MIB=$(awk -v b="$BIG_SIZE" 'BEGIN { if (b == "n/a") print 0; else print b / 1048576 }')
    printf '   %-34s %9s %10s %10s\n' "" "seconds" "MiB/s" "time ratio"
    printf '   %-34s %9s %10s %10s\n' "direct to smtp-sink" "$BD_SECS" "$(rate "$BIG_MIB" "$BD_SECS")" "1.00"
    printf '   %-34s %9s %10s %10s\n' "via SendGuard: accepted" "$BA_SECS" "$(rate "$BIG_MIB" "$BA_SECS")" "$(ratio "$BA_SECS" "$BD_SECS")"
    printf '   %-34s %9s %10s %10s\n' "via SendGuard: relayed (end to end)" "$BE_SECS" "$(rate "$BIG_MIB" "$BE_SECS")" "$(ratio "$BE_SECS" "$BD_SECS")"
    printf '   SendGuard peak RSS (VmHWM): before %s MiB, after %s MiB, growth %s MiB (%s x message size); VmRSS after %s MiB\n' \
        "$(mb "$HWM_BEFORE")" "$(mb "$HWM_AFTER")" \
        "$(awk -v a="$HWM_AFTER" -v b="$HWM_BEFORE" 'BEGIN { if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.1f", (a - b) / 1024 }')" \
        "$(awk -v a="$HWM_AFTER" -v b="$HWM_BEFORE" -v s="$BIG_SIZE" 'BEGIN { if (a == "n/a" || b == "n/a" || s == "n/a") print "n/a"; else printf "%.2f", (a - b) * 1024 / s }')" \
        "$(mb "$RSS_AFTER")"
    echo
fi
if [ -n "$ANALYSIS_OUT" ]; then
    cat "$ANALYSIS_OUT"
    echo
fi
if [ -n "$ENCRYPT_OUT" ]; then
    cat "$ENCRYPT_OUT"
    echo
fi
if [ -n "$DIALOG_OUT" ]; then
    echo "5. $(cat "$DIALOG_OUT")"
    echo
fi
if [ -s "$WORK/problems" ]; then
    echo "Problems noticed:"
    sed 's/^/   - /' "$WORK/problems"
    echo
fi
[ "$FAILED" = 0 ] || log "some measurements could not be made (see above)"
exit "$FAILED"
