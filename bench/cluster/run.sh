#!/usr/bin/env bash
# Cluster throughput: studies per minute with one node and with three nodes on this machine, sharing one throw-away
# PostgreSQL (from /usr/lib/postgresql/*/bin) and one storage root. STUDIES phantom studies (PET + RTSTRUCT, SLICES
# planes each) are sent at once by DCMTK storescu senders, one association per study, round-robin over the nodes; the
# nodes compute and send RT Dose, SR and PDF to a DCMTK storescp. Measured: first C-STORE to the last study Exported
# (every result acknowledged by storescp). While it runs, the CPU seconds of every node, of PostgreSQL and of the
# senders and the bytes written to disk are sampled from /proc, to say what limits the figure.
# Usage: bench/cluster/run.sh [STUDIES=9] [SLICES=47]      (VOXDOSE_BIN=folder with voxdose.dll skips the build;
#        CLUSTERED=1 sets Scheduler:Clustered=true, which needs the node to create Quartz's tables: issue 15 part A)
source "$(dirname "$0")/../node/common.sh"
studies="${1:-9}"; slices="${2:-47}"
work=$(mktemp -d /tmp/voxdose-cluster-bench-XXXX)
pids=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [ -d "$work/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

build_voxdose
echo "cores: $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg); work folder: $work"
# Phantoms are kept between runs (same seed, same study) in artifacts/cluster-phantoms.
phantoms="$repo/artifacts/cluster-phantoms/$slices"
for s in $(seq 1 "$studies"); do
  [ -f "$phantoms/$s/rtstruct.dcm" ] || voxdose phantom --out "$phantoms/$s" --slices "$slices" --seed $((200 + s)) >/dev/null
done

# PostgreSQL: one throw-away cluster for both runs (a database per run).
pg_port=$(free_port)
mkdir -p "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg" -U voxdose --auth=trust --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k $work -h 127.0.0.1" -l "$work/pg.log" -w start >/dev/null
pg_pid=$(head -1 "$work/pg/postmaster.pid")

# The destination.
dest_port=$(free_port)
mkdir -p "$work/dest"
( exec storescp -aet STORESCP -od "$work/dest" "$dest_port" ) >"$work/storescp.log" 2>&1 &
pids+=($!)
wait_port 127.0.0.1 "$dest_port" 30

# cpu_seconds PID...: utime + stime of the processes and their waited-for children, in seconds
cpu_seconds() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$(( total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat") ))
  done
  echo "scale=1; $total / $(getconf CLK_TCK)" | bc
}
pg_pids() { echo "$pg_pid $(pgrep -P "$pg_pid" | tr '\n' ' ')"; }
# written_bytes PID...: bytes the processes caused to be written to storage (/proc/PID/io write_bytes)
written_bytes() { local total=0 p; for p in "$@"; do [ -r "/proc/$p/io" ] && total=$(( total + $(awk '/^write_bytes/ {print $2}' "/proc/$p/io") )); done; echo "$total"; }
# machine_ticks: "busy total" CPU ticks of the whole machine (every process, ours and others')
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }

# run N: N nodes, all studies, one figure
run() {
  local n=$1 db="bench$1" root="$work/root$1" node_pids=() ports=() i
  as_pg "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U voxdose -d postgres -c "CREATE DATABASE $db" >/dev/null
  mkdir -p "$root"
  for i in $(seq 1 "$n"); do
    local port; port=$(free_port); ports+=("$port")
    VoxDose__Storage__Root="$root" VoxDose__Scp__Port="$port" VoxDose__Scp__BindAddress=127.0.0.1 VoxDose__Scp__AllowAnyCaller=true \
    VoxDose__Scp__MaxAssociations=64 VoxDose__Scp__MaxAssociationsPerPeer=64 \
    VoxDose__Database__Provider=postgresql VoxDose__Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=voxdose;Database=$db" \
    VoxDose__Scheduler__Clustered="$([ "${CLUSTERED:-0}" = 1 ] && echo true || echo false)" VoxDose__Scheduler__InstanceId="bench-node-$i" \
    VoxDose__Web__Enabled=false VoxDose__Storage__MinFreeMegabytes=64 VoxDose__Processing__SeriesQuietSeconds=5 \
    VoxDose__Destinations__0__Name=dest VoxDose__Destinations__0__AeTitle=STORESCP VoxDose__Destinations__0__Host=127.0.0.1 \
    VoxDose__Destinations__0__Port="$dest_port" Logging__LogLevel__Default=Warning \
      voxdose_bg serve >"$work/node$n-$i.log" 2>&1
    node_pids+=($!); pids+=($!)
  done
  for port in "${ports[@]}"; do wait_port 127.0.0.1 "$port" 120; done
  local pg_cpu0 nodes_cpu0 bytes0 t0 sender_pids=() s
  pg_cpu0=$(cpu_seconds $(pg_pids)); nodes_cpu0=(); for p in "${node_pids[@]}"; do nodes_cpu0+=("$(cpu_seconds "$p")"); done
  bytes0=$(written_bytes "${node_pids[@]}" $(pg_pids)); read -r busy0 total0 < <(machine_ticks); t0=$(date +%s.%N)
  for s in $(seq 1 "$studies"); do
    local port=${ports[$(( (s - 1) % n ))]}
    storescu -aet SENDER$s -aec VOXDOSE 127.0.0.1 "$port" "$phantoms/$s/rtstruct.dcm" "$phantoms/$s"/pet/*.dcm >"$work/send$n-$s.log" 2>&1 &
    sender_pids+=($!)
  done
  local load_samples=() cpu_samples=()
  for p in "${sender_pids[@]}"; do wait "$p" || { echo "storescu failed (study $p)" >&2; cat "$work"/send$n-*.log | tail -5 >&2; exit 1; }; done
  # Wait until every study is Exported (the audit in PostgreSQL, counted with psql).
  local done_count=0 deadline=$(( $(date +%s) + 1800 ))
  while :; do
    done_count=$(as_pg "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U voxdose -d "$db" -c "SELECT COUNT(*) FROM studies WHERE state = 'exported'")
    load_samples+=("$(cut -d' ' -f1 /proc/loadavg)")
    [ "$done_count" -ge "$studies" ] && break
    failed=$(as_pg "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U voxdose -d "$db" -c "SELECT COUNT(*) FROM studies WHERE state = 'failed'")
    [ "$failed" -gt 0 ] && { echo "a study failed with $n nodes" >&2; exit 1; }
    [ "$(date +%s)" -gt "$deadline" ] && { echo "timeout with $n nodes: $done_count of $studies exported" >&2; exit 1; }
    sleep 0.5
  done
  local t1 wall; t1=$(date +%s.%N); wall=$(echo "$t1 - $t0" | bc)
  local computations; computations=$(as_pg "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U voxdose -d "$db" -c "SELECT COUNT(*) FROM computations")
  local exports; exports=$(as_pg "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U voxdose -d "$db" -c "SELECT COUNT(*) FROM exports WHERE status = 'sent'")
  local node_cpu=() total_node=0 i2=0
  for p in "${node_pids[@]}"; do
    local c; c=$(echo "$(cpu_seconds "$p") - ${nodes_cpu0[$i2]}" | bc); node_cpu+=("$c"); total_node=$(echo "$total_node + $c" | bc); i2=$((i2 + 1))
  done
  local pg_cpu; pg_cpu=$(echo "$(cpu_seconds $(pg_pids)) - $pg_cpu0" | bc)
  local bytes; bytes=$(( $(written_bytes "${node_pids[@]}" $(pg_pids)) - bytes0 ))
  local busy1 total1; read -r busy1 total1 < <(machine_ticks)
  local machine_busy; machine_busy=$(echo "scale=2; ($busy1 - $busy0) / ($total1 - $total0)" | bc)
  local db_mb; db_mb=$(as_pg "$pg_bin/psql" -tA -h 127.0.0.1 -p "$pg_port" -U voxdose -d "$db" -c "SELECT pg_database_size('$db') / 1048576")
  local per_min; per_min=$(echo "scale=2; $studies * 60 / $wall" | bc)
  local load; load=$(printf '%s\n' "${load_samples[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$n node(s): $studies studies in $(printf %.1f "$wall") s = $per_min studies/min; computations $computations, exports sent $exports"
  echo "  CPU s: nodes ${node_cpu[*]} (sum $total_node), PostgreSQL $pg_cpu; machine CPU available $(echo "$wall * $(nproc)" | bc | cut -d. -f1) s; written by nodes + PostgreSQL $(( bytes / 1048576 )) MB (storage root $(du -sm "$root" | cut -f1) MB, database $db_mb MB); whole machine busy $machine_busy (every process, not only ours); median load average $load"
  echo "$per_min $total_node $pg_cpu $wall $load $machine_busy" >"$work/result$n"
  for p in "${node_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}

run 1
run 3
read -r one one_cpu one_pg one_wall one_load one_busy <"$work/result1"
read -r three three_cpu three_pg three_wall three_load three_busy <"$work/result3"
ratio=$(echo "scale=2; $three / $one" | bc)
echo "studies per minute: 1 node $one, 3 nodes $three, ratio 3/1 = $ratio ($(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
ours=$(echo "scale=2; ($three_cpu + $three_pg) / ($three_wall * $(nproc))" | bc)
pg_share=$(echo "scale=2; $three_pg / ($three_cpu + $three_pg)" | bc)
echo "what limits it (3 nodes): the machine's CPU was busy $three_busy of the time (1.00 = every core), VoxDose + PostgreSQL used $ours of it" \
  "(PostgreSQL $pg_share of their CPU); CPU-bound dose computations on one machine: more nodes add no cores, so the ratio can only" \
  "approach 1 here, and is higher across machines only while PostgreSQL and the shared storage keep up"
