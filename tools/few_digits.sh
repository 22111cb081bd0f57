#!/usr/bin/env bash
# The few-image bench on digits no stage saw, in the background (one writer a run directory; the zoo is shared by a
# link). Each step is skipped when its output exists, so reruns resume.
#  1. `wsl_run --holdout-class C --seed 0` for the development digits 3, 7 and the test digits 2, 5, 9, by
#     tools/holdout_digits.sh (skipped where its report is complete);
#  2. development, on digits 3 and 7 (development-test images): every method at k = 1, 5, 10 and all
#     (runs/few_digits_dev), the rule for a condition given as images, the same on digits every stage saw
#     (runs/few_calib), the fine-tuning rate and the probe's strength (runs/few_digits_dev_*), two levers for one
#     image a class and what limits it (runs/few_lever_k1, runs/few_ceiling_dev, runs/few_zoo_ceiling_dev), the head
#     rule on new domains
#     (runs/few_lever_domain_*: the development sets of runs/digits with their images inverted or rotated), several
#     starts and shifted images for the latent fit (runs/few_lever_multistart, runs/few_lever_lataug), averaged models
#     (runs/few_lever_ensemble), and the best latent a condition encoder could give (runs/few_ceiling_oracle_dev);
#  3. final test, read once, with the method as it then is: digits 2, 5 and 9, the final held-out sets of runs/digits,
#     and those sets as new domains (inverted, rotated), k = 1, 5, 10, 25 and all, three draws, final-test images
#     (runs/few_digits_final, runs/few_ceiling_final, runs/few_sets_final, runs/few_digits_*_final).
# Usage: bash tools/few_digits.sh [dev|final]  (default: dev)
# With TAG set (TAG=_latent bash tools/few_digits.sh final), only the benches of every method run again, into
# runs/NAME$TAG: the method as it now is, beside the tables of the method before it.
set -uo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
log=runs/few_digits.log
tag=${TAG:-}
bench() { local o=runs/$1$tag; shift; [ -f $o/done.json ] || python tools/few_bench.py --out $o "$@" >> $log 2>&1; }
if [ "${1:-dev}" = dev ]; then
  bash tools/holdout_digits.sh runs 0:3 0:7
  dev="--runs runs/holdout_s0_c3 runs/holdout_s0_c7"
  bench few_digits_dev $dev --ks 1 5 10 all --draws 2 --cap 6                                     # every method
  [ -n "$tag" ] && { echo "$(date -u +%FT%TZ) few_digits.sh dev$tag done" >> $log; exit 0; }
  bench few_digits_dev_rule $dev --ks 1 3 5 10 all --draws 2 --cap 6 --methods sampled sampled_probe sampled_raw
  bench few_calib --runs runs/digits --group dev_sets --ks 1 3 5 10 25 all --draws 2 --cap 12   # every stage saw them
  for lr in 0.0003 0.001 0.01; do                                           # the fine-tuning rate (0.003: the setting)
    bench few_digits_dev_lr$lr $dev --ks 1 5 --draws 2 --cap 6 --settings "{\"ft_lr\": $lr}" \
      --methods sampled_ft10 sampled_ft100 soup_ft10 soup_ft100
  done
  for C in 0.01 0.1 10; do                                                       # the probe's strength (1: the setting)
    bench few_digits_dev_C$C $dev --ks 1 3 5 10 all --draws 2 --cap 6 --settings "{\"probe_C\": $C}" \
      --methods sampled_probe
  done
  [ -f runs/few_lever_k1/done.json ] || python tools/few_lever_k1.py --out runs/few_lever_k1 $dev --ks 1 5 >> $log 2>&1
  [ -f runs/few_ceiling_dev/done.json ] || python tools/few_ceiling.py --out runs/few_ceiling_dev $dev >> $log 2>&1
  [ -f runs/few_zoo_ceiling_dev/done.json ] ||   # the zoo's own bodies, a probe on the k images: blind and best
    python tools/few_zoo_ceiling.py --out runs/few_zoo_ceiling_dev $dev >> $log 2>&1
  [ -f runs/few_ceiling_oracle_dev/done.json ] || # the same tool as few_ceiling_dev, with the decoded rows it now has
    python tools/few_ceiling.py --out runs/few_ceiling_oracle_dev $dev >> $log 2>&1
  for dom in inverted rot90; do                  # the head rule on a new domain: the development sets, images changed
    o=runs/few_lever_domain_$dom
    [ -f $o/done.json ] || python tools/few_lever_domain.py --out $o --runs runs/digits --group dev_sets \
      --source digits_$dom --ks 1 5 --draws 2 --cap 12 >> $log 2>&1
  done
  o=runs/few_lever_domain_digits                 # the same rows on the development digits as they are
  [ -f $o/done.json ] || python tools/few_lever_domain.py --out $o $dev --ks 1 5 --draws 2 --cap 6 >> $log 2>&1
  for lever in multistart lataug ensemble; do    # several starts for the latent fit; shifted images; averaged models
    o=runs/few_lever_$lever
    [ -f $o/done.json ] || python tools/few_lever_$lever.py --out $o $dev --ks 1 5 --draws 2 --cap 6 >> $log 2>&1
  done
else
  bash tools/holdout_digits.sh runs 0:2 0:5 0:9
  fin="--runs runs/holdout_s0_c2 runs/holdout_s0_c5 runs/holdout_s0_c9"
  bench few_digits_final $fin --split final_test --ks 1 5 10 25 all --draws 3 --cap 6
  [ -n "$tag" ] || [ -f runs/few_ceiling_final/done.json ] ||
    python tools/few_ceiling.py --out runs/few_ceiling_final $fin --split final_test --ks 1 5 --draws 3 >> $log 2>&1
  bench few_sets_final --runs runs/digits --split final_test --group final_sets --ks 1 5 10 25 all --draws 3 --cap 12
  for dom in digits_inverted digits_rot90; do                                 # a new domain: the same digits, changed
    bench few_${dom}_final --runs runs/digits --split final_test --group final_sets --source $dom --ks 1 5 25 \
      --draws 3 --cap 12 --methods sampled sampled_raw scratch pixel_means soup_ft10
  done
fi
echo "$(date -u +%FT%TZ) few_digits.sh ${1:-dev}$tag done" >> $log
