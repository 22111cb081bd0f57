"""The few-image bench on run directories, in the background: `evaluate_few` on one group of each run's conditions
(final snapshots, a seeded choice of at most --cap), writing few_<run>.csv per run (a run already written is skipped,
so reruns resume: give a new --out when the code or settings change), then summary.csv over all of them and done.json
(machine, seconds, the settings used, the commit). The results notebook reads them.

  python tools/few_bench.py --out runs/few_digits_dev --runs runs/holdout_s0_c3 runs/holdout_s0_c7 --group unseen_class
"""
import argparse, json, os, subprocess, time
from pathlib import Path
import pandas as pd
from wsl_nb.pipeline import load_run
from wsl_nb.run import machine_info
from wsl_nb.protocol import load_protocol, split_rows
from wsl_nb.baselines import ZooBank
from wsl_nb.align import weights_zoo
from wsl_nb.zoo import load_zoo
from wsl_nb.sample import TaskEval
from wsl_nb.matched import capped
from wsl_nb.few import FEW_METHODS, FewImages, evaluate_few, summarise_few


def bench_record(**fields) -> dict:
    "A bench's done.json: `fields`, and where it ran (processor, cores) and on which tree (`git describe --dirty`)."
    mi = machine_info()
    return dict(fields, machine=mi['cpu'], cores=mi['cores'],
                commit=subprocess.run(['git', 'describe', '--always', '--dirty'], text=True,
                                      capture_output=True).stdout.strip())


def parser(methods=FEW_METHODS, description=__doc__.split('\n\n')[0]) -> argparse.ArgumentParser:
    "The bench's arguments (`methods`: the default --methods)."
    p = argparse.ArgumentParser(description=description)
    p.add_argument('--out', required=True)
    p.add_argument('--runs', nargs='+', required=True, help='run directories (made by wsl_run)')
    p.add_argument('--group', default='unseen_class', help='the protocol group whose conditions are answered')
    p.add_argument('--split', default='dev_test', choices=('dev_test', 'final_test'))
    p.add_argument('--source', help='a new domain: condition and test images from this dataset (e.g. digits_inverted)')
    p.add_argument('--ks', nargs='+', default=['1', '5'], help="images a class; 'all' for every training image")
    p.add_argument('--draws', type=int, default=2)
    p.add_argument('--cap', type=int, default=6, help='conditions a run, at most')
    p.add_argument('--methods', nargs='+', default=list(methods))
    p.add_argument('--settings', default='{}', help='FewImages settings as JSON')
    return p


def run_bench(a:argparse.Namespace, few=FewImages):
    "The bench of parsed arguments `a`, answered by `few` (`FewImages` or a subclass with methods of its own)."
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    ks = tuple(None if k == 'all' else int(k) for k in a.ks)
    t0, parts, settings = time.time(), [], None
    for rd in map(Path, a.runs):
        f = out/f'few_{rd.name}.csv'
        if not f.exists():
            run, proto = load_run(rd), load_protocol(rd)
            s, wz = run.sampler, weights_zoo(rd)
            bank = ZooBank(wz, split_rows(proto.fit_rows(load_zoo(wz)[1]), 'train'))
            rows = proto.group(run.manifest, a.group)
            rows = capped(rows[rows.snapshot == 'final'], a.cap, 0)
            fw = few(s, bank, json.loads(a.settings))
            settings = fw.settings
            d = evaluate_few(fw, rows, a.group, TaskEval.of(s, a.split, source=a.source), ks=ks, draws=a.draws,
                             methods=tuple(a.methods), run=rd.name)
            tmp = f.with_suffix('.tmp')
            d.to_csv(tmp, index=False)
            os.replace(tmp, f)
            print(f'{rd.name}: {len(rows)} conditions in {time.time() - t0:.0f} s', flush=True)
        parts.append(pd.read_csv(f))
    d = pd.concat(parts, ignore_index=True)
    summarise_few(d, n_boot=1000).to_csv(out/'summary.csv', index=False)
    (out/'done.json').write_text(json.dumps(bench_record(
        seconds=round(time.time() - t0), runs=[str(r) for r in a.runs], split=a.split, group=a.group, source=a.source,
        ks=a.ks, draws=a.draws, cap=a.cap, settings=settings or json.loads(a.settings), methods=a.methods)))


if __name__ == '__main__':
    run_bench(parser().parse_args())
