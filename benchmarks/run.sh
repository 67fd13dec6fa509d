#!/usr/bin/env bash
# Builds the benchmarks, runs fedbroker and its peers (OneLogin java-saml, UnboundID SCIM 2 SDK) in one JMH run, and
# writes benchmarks/results/latest.md (the table, the JDK, the machine, the load, the exact JMH options).
#
#   benchmarks/run.sh                 short configuration (about 6 minutes on 2 cores)
#   benchmarks/run.sh --full          the longer, publishable configuration (about 35 minutes)
#   benchmarks/run.sh --no-build ...  reuse benchmarks/target/benchmarks.jar
#   benchmarks/run.sh --pg            install PostgreSQL (Debian package) if missing, for the JDBC replay cache
#
# The JDBC replay cache is measured on PostgreSQL when FEDBROKER_TEST_PG_URL (+ _USER, _PASSWORD) is set, or when
# PostgreSQL is installed (or --pg): then a throwaway local cluster is started with .ci/postgres.sh and removed after.
#   benchmarks/run.sh -- REGEX ...    anything after -- goes to JMH (e.g. a benchmark regex, -prof stack)
#
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH (the forks use the same JVM).
set -euo pipefail

cd "$(dirname "$0")/.."
mode=short
build=1
pg=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --full) mode=full ;;
    --no-build) build=0 ;;
    --pg) pg=1 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar
results=benchmarks/results
work=benchmarks/target/run
mkdir -p "$results" "$work"
rm -f "$work"/facts.properties "$work"/load.txt

if [ "$build" = 1 ]; then
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

if [ "$mode" = full ]; then
  opts=(-f 2 -wi 4 -i 6 -w 3s -r 3s -prof gc)
else
  opts=(-f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc)
fi

pg_stop=""
cleanup() {
  [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$pg_stop" ] && eval "$pg_stop" || true
}
trap cleanup EXIT
if [ -z "${FEDBROKER_TEST_PG_URL:-}" ] && { [ "$pg" = 1 ] || ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; }; then
  if exports=$(bash .ci/postgres.sh start); then
    eval "$exports"
    pg_stop="$FEDBROKER_TEST_PG_STOP"
  fi
fi
if [ -z "${FEDBROKER_TEST_PG_URL:-}" ]; then
  echo "run.sh: no PostgreSQL (see --help): the JDBC replay cache is measured on H2 only" >&2
  opts+=(-p database=h2)
fi

# The machine may be shared: sample the 1-minute load average while the benchmarks run, and report it.
( while true; do cut -d' ' -f1 /proc/loadavg 2>/dev/null >> "$work/load.txt" || true; sleep 10; done ) &
sampler=$!

"$java" -jar "$jar" "${opts[@]}" -rf json -rff "$work/results.json" \
  -jvmArgsAppend "-Dfedbroker.bench.facts=$work" "${extra[@]}" 2>&1 | tee "$work/jmh.log"

echo "run.sh: CPU-time cross-check of the SAML ratios (about a minute)" >&2
"$java" -Dfedbroker.bench.facts="$work" -cp "$jar" dev.fedbroker.bench.CpuTimeCheck
kill "$sampler" 2>/dev/null || true
sampler=""
load=$(sort -n "$work/load.txt" 2>/dev/null | awk '{a[NR]=$1; s+=$1} END {if (NR) printf "min %s, median %s, max %s (%d samples)", a[1], a[int((NR+1)/2)], a[NR], NR; else print "(not measured)"}')
cp "$work/results.json" "$results/latest.json"
"$java" -cp "$jar" dev.fedbroker.bench.ResultsReport --json "$work/results.json" --facts "$work/facts.properties" \
  --out "$results/latest.md" --options "${opts[*]} ${extra[*]:-}" --load "$load" --mode "$mode"
echo "wrote $results/latest.md"
