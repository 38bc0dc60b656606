#!/bin/sh
# Fuzzes the message analysis (MessageAnalyzer) and the outbound header edits (OutboundReader)
# with libFuzzer, ASan and UBSan for SECONDS (default 60) on a copy of fuzz/corpus/.
# Usage: ./scripts/fuzz.sh [SECONDS]          (as root, or as a user with sudo, on Debian 12)
# Environment: FUZZ_BUILD_DIR (build-fuzz in the checkout)  FUZZ_WORK (a new temp dir)
#              FUZZ_JOBS (1: parallel fuzzing jobs)  FUZZ_ARGS (extra libFuzzer flags)
# Exit status: 0 no crash; 1 a crash, leak, timeout or broken invariant (the reproducer's path
# is printed as "CRASH FILE: ..."); 2 setup or build failure.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SECONDS_TO_RUN=${1:-60}
case $SECONDS_TO_RUN in ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
JOBS=${FUZZ_JOBS:-1}

# --- packages (clang and libFuzzer come with the rest)
./scripts/install-deps.sh || exit 2
# --- build (standalone project in fuzz/, never in the main build dir)
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$ROOT/fuzz" -B "$BUILD" -G Ninja >/dev/null || exit 2
fi
cmake --build "$BUILD" -j"$(nproc)" || exit 2
FUZZER="$BUILD/fuzz_analyzer"

# --- run on a copy of the seed corpus; crashes land in WORK/artifacts/
WORK=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/sendguard-fuzz-run.XXXXXX")}
mkdir -p "$WORK/corpus" "$WORK/artifacts"
cp "$ROOT"/fuzz/corpus/* "$WORK/corpus/"
echo "fuzz: running $FUZZER for ${SECONDS_TO_RUN}s; corpus $WORK/corpus, artifacts $WORK/artifacts"

set +e
if [ "$JOBS" -gt 1 ]; then
  # -fork keeps going after a crash only with -ignore_crashes; stop at the first one instead
  "$FUZZER" -fork="$JOBS" -max_total_time="$SECONDS_TO_RUN" -max_len=1048576 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} "$WORK/corpus" 2>"$WORK/fuzz.log"
else
  "$FUZZER" -max_total_time="$SECONDS_TO_RUN" -max_len=1048576 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} "$WORK/corpus" 2>"$WORK/fuzz.log"
fi
rc=$?
set -e
tail -n 25 "$WORK/fuzz.log"

crashes=$(find "$WORK/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null)
if [ $rc != 0 ] || [ -n "$crashes" ]; then
  echo
  echo "fuzz: FAILED (libFuzzer exit status $rc); full log: $WORK/fuzz.log"
  for f in $crashes; do
    echo "CRASH FILE: $f"
    echo "  reproduce: $FUZZER $f"
  done
  exit 1
fi
echo "fuzz: no crash in ${SECONDS_TO_RUN}s ($(ls "$WORK/corpus" | wc -l) corpus files in $WORK/corpus)"
