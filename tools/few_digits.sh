#!/usr/bin/env bash
# The few-image bench on digits no stage saw, in the background (one writer a run directory; the zoo is shared by a link).
#  1. the training stages of `wsl_run --holdout-class C --seed 0` for the development digits 3, 7 and the test digits 2, 5, 9
#     (fit_run only; `wsl_run` on the same directory later reuses them and adds the report);
#  2. development: every method at k = 1, 5, 10 and all on digits 3 and 7, development-test images (runs/few_digits_dev);
#  3. final test, read once, with the method as it then is: digits 2, 5 and 9, and the final held-out sets of runs/digits,
#     k = 1, 5, 10, 25 and all, three draws, final-test images (runs/few_digits_final, runs/few_sets_final).
# Each step is skipped when its output exists, so reruns resume. Usage: bash tools/few_digits.sh [dev|final]  (default: dev)
set -uo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
log=runs/few_digits.log
fit() {  # fit DIGIT
  local d=runs/holdout_s0_c$1
  [ -f $d/prior/stage.json ] && return
  mkdir -p $d
  [ -e $d/zoo ] || ln -s "$(realpath runs/digits/zoo)" $d/zoo
  local t0=$(date +%s)
  python -c "from wsl_nb.pipeline import fit_run; fit_run('$d', 'default', holdout_class=$1, progress=False, seed=0)" > $d.fit.out 2>&1
  echo "$d: fit_run exit $? in $(( $(date +%s) - t0 )) s" >> $log
}
if [ "${1:-dev}" = dev ]; then
  for c in 3 7; do fit $c; done
  python tools/few_bench.py --out runs/few_digits_dev --runs runs/holdout_s0_c3 runs/holdout_s0_c7 --ks 1 5 10 all --draws 2 \
    --cap 6 >> $log 2>&1
else
  for c in 2 5 9; do fit $c; done
  python tools/few_bench.py --out runs/few_digits_final --split final_test --runs runs/holdout_s0_c2 runs/holdout_s0_c5 \
    runs/holdout_s0_c9 --ks 1 5 10 25 all --draws 3 --cap 6 >> $log 2>&1
  python tools/few_bench.py --out runs/few_sets_final --split final_test --group final_sets --runs runs/digits \
    --ks 1 5 10 25 all --draws 3 --cap 12 >> $log 2>&1
fi
echo "$(date -u +%FT%TZ) few_digits.sh ${1:-dev} done" >> $log
