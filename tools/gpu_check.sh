#!/usr/bin/env bash
# The GPU checks: `tools/gpu_check.sh tests bench` (the `cuda` notebook cells; the zoo benchmark on the GPU at 256 and 1,024
# runs, the per-model loop on 32 of them, and the loop on the CPU for reference), then `tools/gpu_check.sh run` (the whole main
# job on the GPU, with every stage's seconds); `all` does both. About 4 minutes each on one H100 or H200. Run from the
# repository root on a machine with an NVIDIA GPU and wsl_nb's dependencies; where some are missing, put their wheels in .whl/
# (they are installed into /tmp/site first). Results go to $OUT (default: gpu_out/).
set -uo pipefail
OUT=${OUT:-gpu_out}; mkdir -p "$OUT"
parts=" ${*:-all} "; want() { [[ "$parts" == *" $1 "* || "$parts" == *" all "* ]]; }
export MPLBACKEND=Agg PYTHONUNBUFFERED=1 PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
if compgen -G ".whl/*.whl" > /dev/null; then
  [ -f /tmp/site/.done ] || { python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl && touch /tmp/site/.done; } || exit 1
  export PYTHONPATH="$PWD:/tmp/site" PATH="/tmp/site/bin:$PATH"
fi
py() { local t=$1; shift; timeout "$t" python3 -c "import sys; from $1 import $2; sys.argv[0] = '$3'; $2()" "${@:4}"; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee -a "$OUT/gpu.txt"
python3 -c "import torch, os; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.get_device_name(), 'cpus', os.cpu_count())" | tee -a "$OUT/gpu.txt"

if want tests; then
  echo "== the cuda cells (nbdev_test --flags cuda) on the notebooks that have them"
  for nb in $(grep -l '#| cuda' nbs/*.ipynb); do
    timeout 170 nbdev_test --flags cuda --path "$nb" --do_print > "$OUT/cuda_tests.txt" 2>&1; tail -30 "$OUT/cuda_tests.txt" | grep -v '^ *[-0-9.e+]*,\?$' 
  done
fi
if want bench; then
  echo "== wsl_bench on the GPU (256 and 1,024 runs; the loop on 32 of them) and the loop on the CPU (2 threads)"
  for n in 256 1024; do
    py 150 wsl_nb.bench bench_main wsl_bench --device cuda --only zoo --zoo-runs $n --loop-runs 32 --group-size $n --out "$OUT/bench_gpu_$n.json" 2>&1 | tail -2
  done
  py 90 wsl_nb.bench bench_main wsl_bench --device cpu --only zoo --zoo-runs 32 --loop-runs 16 --threads 2 --out "$OUT/bench_cpu.json" 2>&1 | tail -2
fi
if want run; then
  echo "== the main job on the GPU"
  start=$(date +%s)
  py 520 wsl_nb.run run_main wsl_run --out runs/gpu_digits --device cuda --quiet 2>&1 | tail -4
  echo "wsl_run --device cuda: $(( $(date +%s) - start )) s wall, imports included" | tee "$OUT/wsl_run_wall.txt"
  cp runs/gpu_digits/report/metrics.json "$OUT/metrics_gpu.json" 2>/dev/null
  python3 -c "import json; print(json.dumps(json.load(open('$OUT/metrics_gpu.json'))['timings']))" 2>/dev/null
fi
