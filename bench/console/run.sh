#!/usr/bin/env bash
# Benchmark: the console's Studies page with 10 000 studies in the audit database answers in < 300 ms on 2 cores.
# Builds voxdose (Release), seeds a fresh SQLite audit database (bench/console/seed.py), runs `voxdose serve` pinned
# to 2 cores (taskset), logs in with curl and times each search 20 times; prints median and p95 against the target.
# Prints the load average before and after (a loaded machine must say so), both sides and the ratio per query, and
# ends with PASS, or FAIL on stderr and exit 1 when the worst p95 misses the target.
# Usage: bench/console/run.sh [studies=10000] [repeats=20]
set -euo pipefail
fail() { echo "bench/console: FAIL: $*" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
studies="${1:-10000}"
repeats="${2:-20}"
target_ms=300
out="$repo/artifacts/voxdose"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores on this machine)"
dotnet build "$repo/src/StoreScp/StoreScp.csproj" -c Release -o "$out" -nologo -v q >/dev/null || fail "the build failed"
work="$(mktemp -d /tmp/voxdose-console-bench.XXXXXX)"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# The bench node allows any caller on purpose (secure default: an empty caller list refuses to start); loopback only.
export VoxDose__Storage__Root="$work/root" VoxDose__Storage__MinFreeMegabytes=16 VoxDose__Scp__BindAddress=127.0.0.1 VoxDose__Scp__AllowAnyCaller=true
export VoxDose__Scp__Port="$(free_port)" VoxDose__Web__Urls="http://127.0.0.1:$(free_port)" Logging__LogLevel__Default=Warning
export BENCH_PASSWORD="console-bench-password"
mkdir -p "$work/root"
dotnet "$out/voxdose.dll" users add bench --role viewer --password-env BENCH_PASSWORD >/dev/null   # creates and migrates the database
/usr/bin/python3 "$here/seed.py" "$work/root/voxdose.db" "$studies"
taskset -c 0,1 dotnet "$out/voxdose.dll" serve >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
url="${VoxDose__Web__Urls}"
up=0
for _ in $(seq 1 600); do   # up to 120 s: a loaded machine starts slowly
  curl -sf "$url/healthz" >/dev/null && { up=1; break; }
  kill -0 $pid 2>/dev/null || break
  sleep 0.2
done
[ "$up" = 1 ] || { tail -n 30 "$work/serve.log" >&2; fail "voxdose serve did not answer /healthz (log above)"; }
jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$url/login" | grep -o 'name="__vxaf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//' || true)
[ -n "$token" ] || fail "no anti-forgery token on /login"
login=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w "%{http_code}" --data-urlencode "__vxaf=$token" --data-urlencode name=bench \
  --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode returnUrl=/ "$url/login")
[ "$login" = "302" ] || fail "login answered $login, not 302"
curl -s -b "$jar" -o /dev/null "$url/studies"   # warm-up (JIT, first index pass)
echo "Studies page, $studies studies in SQLite, voxdose serve on 2 cores (taskset -c 0,1), $repeats requests each:"
worst=0
for query in "" "patientName=ROSSI" "patientName=ROSSI%20A&state=exported" "patientId=PID004242" "accession=ACC0009999" \
             "state=failed" "from=2026-03-01&to=2026-03-31" "page=150"; do
  times=()
  for _ in $(seq 1 "$repeats"); do
    code_time=$(curl -s -b "$jar" -o /dev/null -w "%{http_code} %{time_total}" "$url/studies?$query")
    [ "${code_time%% *}" = "200" ] || fail "/studies?$query answered ${code_time%% *}"
    times+=("${code_time##* }")
  done
  read -r median p95 < <(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)]*1000, a[int(NR*0.95+0.5)]*1000}')
  printf '  %-40s median %6.1f ms  p95 %6.1f ms  (target < %d ms, p95/target %.2f)\n' "/studies?${query}" "$median" "$p95" "$target_ms" \
    "$(awk -v p="$p95" -v t="$target_ms" 'BEGIN {print p / t}')"
  worst=$(awk -v a="$worst" -v b="$p95" 'BEGIN {print (b > a) ? b : a}')
done
verdict=$(awk -v w="$worst" -v t="$target_ms" 'BEGIN {print (w < t) ? "PASS" : "FAIL"}')
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "worst p95 ${worst} ms vs target ${target_ms} ms (ratio $(awk -v w="$worst" -v t="$target_ms" 'BEGIN {printf "%.2f", w / t}')): $verdict"
[ "$verdict" = "PASS" ] || fail "worst p95 ${worst} ms is not under the ${target_ms} ms target"

