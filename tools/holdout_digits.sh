#!/usr/bin/env bash
# Every digit held out, for the results notebook's per-digit table: `wsl_run --holdout-class C` for C = 0..9 on the
# seed-0 zoo, and for three digits on zoos of seeds 1 and 2. One zoo per seed, shared by its holdout runs (a link to
# the seed's zoo folder); the runs go one after another, so each zoo has one writer at a time. Reruns resume: a run
# directory whose report exists is skipped. Usage: bash tools/holdout_digits.sh [RUNS_DIR]  (default: runs)
set -uo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
root=${1:-runs}
mkdir -p "$root"
log="$root/holdout_digits.log"
echo "start $(date -u +%FT%TZ) on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores" >> "$log"
run() {  # run DIR ARGS...: one wsl_run, its seconds and exit status logged
  local d=$1; shift
  if [ -f "$d/report/metrics.json" ] && grep -q '"timings"' "$d/report/metrics.json"; then echo "skip $d (done)" >> "$log"; return; fi
  local t0=$(date +%s)
  wsl_run --out "$d" --quiet "$@" > "$d.out" 2>&1
  echo "$d: exit $? in $(( $(date +%s) - t0 )) s" >> "$log"
}
for seed in 0 1 2; do
  if [ "$seed" -eq 0 ]; then base="$root/digits"; digits="2 5 9 0 1 3 4 6 7 8"; else base="$root/digits_seed$seed"; digits="2 5 9"; fi
  if [ ! -f "$base/zoo/manifest.parquet" ]; then
    mkdir -p "$base"; t0=$(date +%s)
    wsl_zoo --out "$base/zoo" --seed "$seed" --quiet >> "$log" 2>&1
    echo "$base/zoo: exit $? in $(( $(date +%s) - t0 )) s" >> "$log"
  fi
  for c in $digits; do
    d="$root/holdout_s${seed}_c$c"
    mkdir -p "$d"
    [ -e "$d/zoo" ] || ln -s "$(realpath "$base/zoo")" "$d/zoo"
    run "$d" --holdout-class "$c" --seed "$seed"
  done
done
echo "end $(date -u +%FT%TZ)" >> "$log"
