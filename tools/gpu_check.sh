#!/usr/bin/env bash
# The GPU checks, in one run (about 6 minutes on one H100 or H200): the `cuda` notebook cells, the zoo benchmark on the GPU at
# 256 and 1,024 runs (the per-model loop on fewer runs, as wsl_bench does) with the CPU loop for reference, and the whole main
# job on the GPU with every stage's seconds. Run from the repository root on a machine with an NVIDIA GPU and wsl_nb's
# dependencies; where some are missing, put their wheels in .whl/ (they are installed into /tmp/site first). Results go to
# $OUT (default: gpu_out/).
set -uo pipefail
OUT=${OUT:-gpu_out}; mkdir -p "$OUT"
export MPLBACKEND=Agg PYTHONUNBUFFERED=1 PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
if compgen -G ".whl/*.whl" > /dev/null; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH="$PWD:/tmp/site" PATH="/tmp/site/bin:$PATH"
fi
py() { python3 -c "import sys; from $1 import $2; sys.argv[0] = '$3'; $2()" "${@:4}"; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/gpu.txt"
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.get_device_name(), 'cpus', __import__('os').cpu_count())" | tee -a "$OUT/gpu.txt"

echo "== 1. the cuda cells (nbdev_test --flags cuda) on the notebooks that have them"
for nb in $(grep -l '#| cuda' nbs/*.ipynb); do
  timeout 300 python3 -c "import sys; from nbdev.test import nbdev_test; sys.argv = ['nbdev_test', '--flags', 'cuda', '--path', '$nb', '--do_print']; nbdev_test()" 2>&1 | tail -5 | tee -a "$OUT/cuda_tests.txt"
done

echo "== 2. wsl_bench on the GPU: 256 and 1,024 runs; the per-model loop on 32 of them, on the GPU and on the CPU"
for n in 256 1024; do
  timeout 400 py wsl_nb.bench bench_main wsl_bench --device cuda --only zoo --zoo-runs $n --loop-runs 32 --group-size $n --out "$OUT/bench_gpu_$n.json" 2>&1 | tail -3
done
timeout 300 py wsl_nb.bench bench_main wsl_bench --device cpu --only zoo --zoo-runs 64 --loop-runs 32 --threads 2 --out "$OUT/bench_cpu_64.json" 2>&1 | tail -3

echo "== 3. the main job on the GPU"
start=$(date +%s)
timeout 900 py wsl_nb.run run_main wsl_run --out runs/gpu_digits --device cuda --quiet 2>&1 | tail -5
echo "wsl_run --device cuda: $(( $(date +%s) - start )) s wall, imports included" | tee "$OUT/wsl_run_wall.txt"
cp runs/gpu_digits/report/metrics.json "$OUT/metrics_gpu.json" 2>/dev/null
python3 -c "import json; print(json.dumps(json.load(open('$OUT/metrics_gpu.json'))['timings'], indent=1))" 2>/dev/null
