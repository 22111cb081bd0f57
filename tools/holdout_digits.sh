#!/usr/bin/env bash
# The results notebook's seeds and held-out digits, one run after another in the background (each zoo has one writer at
# a time): `wsl_run --holdout-class C` on the seed-0 zoo for the few-image bench's development digits (3, 7) and test
# digits (2, 5, 9); the main job on zoos of seeds 1 and 2; the test digits on those zoos; the other digits on seed 0.
# A holdout run shares its seed's zoo (a link to its folder; the zoo's lock lets one run at a time), and its training
# baselines answer 12 conditions a group (`--cap 12`, the main job's 24 halved, to keep a run near ten minutes).
# Reruns resume: a run directory whose report is complete is skipped.
# Usage: bash tools/holdout_digits.sh [RUNS_DIR [SEED:DIGIT ...]]  (default: runs, every run above; with SEED:DIGIT
# pairs, only those holdout runs, after their seed's main job)
set -uo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
root=${1:-runs}
mkdir -p "$root"
log="$root/holdout_digits.log"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
echo "start $(date -u +%FT%TZ) on $cpu, $(nproc) cores" >> "$log"
run() {  # run DIR ARGS...: one wsl_run, its seconds and exit status logged
  local d=$1; shift
  if [ -f "$d/report/metrics.json" ] && grep -q '"timings"' "$d/report/metrics.json"; then
    echo "skip $d (done)" >> "$log"; return
  fi
  mkdir -p "$d"
  local t0=$(date +%s)
  wsl_run --out "$d" --quiet "$@" > "$d.out" 2>&1
  echo "$d: exit $? in $(( $(date +%s) - t0 )) s" >> "$log"
}
base() { [ "$1" -eq 0 ] && echo "$root/digits" || echo "$root/digits_seed$1"; }
holdout() {  # holdout SEED DIGIT
  local d="$root/holdout_s$1_c$2"
  mkdir -p "$d"
  [ -e "$d/zoo" ] || ln -s "$(realpath "$(base "$1")/zoo")" "$d/zoo"
  run "$d" --holdout-class "$2" --seed "$1" --cap 12
}
if [ $# -gt 1 ]; then                           # only the holdout runs named
  for sc in "${@:2}"; do run "$(base "${sc%%:*}")" --seed "${sc%%:*}"; holdout "${sc%%:*}" "${sc##*:}"; done
  exit 0
fi
run "$root/digits" --seed 0
for c in 3 7; do holdout 0 "$c"; done          # the development digits of the few-image bench first
for c in 2 5 9; do holdout 0 "$c"; done        # its test digits, and the three digits of the seeds table
for seed in 1 2; do run "$(base $seed)" --seed "$seed"; done
for seed in 1 2; do for c in 2 5 9; do holdout "$seed" "$c"; done; done
for c in 0 1 4 6 8; do holdout 0 "$c"; done
echo "end $(date -u +%FT%TZ)" >> "$log"
