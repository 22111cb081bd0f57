"""The lever tables that set today's compression, autoencoder and shared-encoder defaults, measured again on the default
zoo's development data as the code is now: agreement is scored on development-test images (`dev_test`), retrieval on
the validation runs and the development held-out sets. Each table is one CSV (`table_pca.csv`, `table_ae.csv`,
`table_shared.csv`); a table already written is kept, so a rerun resumes. done.json names the machine, the seconds
and the commit. The agreement and shared notebooks show the tables, from their copies in results/.

  python tools/rescore_levers.py --run runs/digits --out runs/levers_dev_test   # about 12 minutes on 2 cores
"""
import argparse, json, time
from dataclasses import replace
from pathlib import Path
import pandas as pd
import torch
from wsl_nb.store import atomic_write, RunDir
from wsl_nb.zoo import load_zoo
from wsl_nb.protocol import load_protocol, split_rows
from wsl_nb.compress import Compression, CompressConfig, fit_compression
from wsl_nb.weight_ae import AE_PRESETS, train_ae, reconstruct, load_ae
from wsl_nb.agreement import evaluate_methods, summarise
from wsl_nb.shared import SHARED_PRESETS, shared_inputs, train_shared, retrieval, nt_xent
from few_bench import bench_record

DEFAULT_AE = 'default: probe pool of 96, 150 epochs'
DEFAULT_SHARED = 'default: NT-Xent + MSE, same-condition pairs masked, Fourier loss encoding'


def pca_table(rd:Path) -> pd.DataFrame:
    "PCA-only agreement of the validation runs' checkpoints as the components a parameter keeps grow (0: the full span)."
    man, proto = load_zoo(RunDir(rd).zoo)[1], load_protocol(rd)
    fit_rows, dev_rows = split_rows(proto.fit_rows(man), 'train'), proto.group(man, 'val_runs')
    rows = []
    for k in (8, 32, 128, 512, 0):
        c = fit_compression(RunDir(rd).zoo, CompressConfig(max_components=k), rows=fit_rows, progress=False, verify=False)
        d = evaluate_methods(RunDir(rd).zoo, dev_rows, {'pca': lambda sd: c.inverse_transform(c.transform(sd))},
                             progress=False, n_noise=16, split='dev_test')
        rows.append(dict(max_components=k or 'full span', coefficients=c.dim, agreement=d.agreement_real.mean(),
                         kappa=d.kappa_real.mean()))
    return pd.DataFrame(rows)


def ae_table(rd:Path) -> pd.DataFrame:
    "The autoencoder trained again with one setting changed: the validation runs' agreement, and its training seconds."
    man, proto = load_zoo(RunDir(rd).zoo)[1], load_protocol(rd)
    comp, fit_rows, val_rows = Compression.load(RunDir(rd).compress), proto.fit_rows(man), proto.group(man, 'val_runs')
    base, rows = AE_PRESETS['default'], []
    for name, cfg in [('MSE alone (the thesis)', replace(base, behaviour=0.0)),
                      ('fresh probe images every step', replace(base, probe_pool=0)), (DEFAULT_AE, base),
                      ('100 epochs, 16 probes', replace(base, epochs=100, probe=16)), ('60 epochs', replace(base, epochs=60)),
                      ('60 epochs, 16 probes', replace(base, epochs=60, probe=16))]:
        t0 = time.time()
        ae, _ = train_ae(comp, RunDir(rd).zoo, fit_rows, cfg, progress=False)
        secs = time.time() - t0
        df = evaluate_methods(RunDir(rd).zoo, val_rows, {'ae': lambda sd: reconstruct(comp, ae, sd)}, progress=False,
                              n_noise=16, split='dev_test')
        by = summarise(df, ('method', 'snapshot'))
        rows.append(dict(setting=name, seconds=round(secs), agreement=df.agreement_real.mean(), kappa=df.kappa_real.mean(),
                         early=by.loc[('ae', 'early'), 'agreement_real'], final=by.loc[('ae', 'final'), 'agreement_real']))
    return pd.DataFrame(rows)


def shared_table(rd:Path) -> pd.DataFrame:
    "The shared encoder trained again with one setting changed: NT-Xent and retrieval on development groups."
    lp = shared_inputs(rd, Compression.load(RunDir(rd).compress), load_ae(RunDir(rd).weight_ae), progress=False)
    rows = []
    for name, kw in [(DEFAULT_SHARED, {}), ('no mask', dict(mask_same=False)),
                     ("NT-Xent alone (the thesis's objective)", dict(mse=0.0)), ('MSE alone (the ablation)', dict(ntxent=0.0)),
                     ("loss bins (the thesis's encoding)", dict(results='bins'))]:
        cfg = replace(SHARED_PRESETS['default'], **kw)
        enc, _ = train_shared(lp, cfg, progress=False)
        with torch.no_grad(): zl = {s: enc(lp[s]['zd'], lp[s]['loss']) for s in ('val', 'dev_sets')}
        r = {s: retrieval(zl[s], lp[s]['zw']) for s in zl}
        rows.append({'setting': name, 'val NT-Xent': nt_xent(zl['val'], lp['val']['zw'], cfg.tau).item(),
                     'val top-1': r['val']['top1'], 'val top-5': r['val']['top5'],
                     'dev sets top-1': r['dev_sets']['top1'], 'dev sets top-5': r['dev_sets']['top5']})
    return pd.DataFrame(rows)


TABLES = dict(pca=pca_table, ae=ae_table, shared=shared_table)


def check(rd:Path, name:str, t:pd.DataFrame):
    "The default row of a table must be the stage's own number in the run's report (the same code, the same seed)."
    m = json.loads((RunDir(rd).metrics).read_text())
    if name == 'ae':
        got, want = t.set_index('setting').loc[DEFAULT_AE, 'agreement'], m['reconstruction']['val_runs']['agreement_real']
    elif name == 'shared':
        got, want = t.set_index('setting').loc[DEFAULT_SHARED, 'val NT-Xent'], m['shared']['val_ntxent']
    else: return
    if abs(got - want) > 1e-3: raise SystemExit(f'{name}: the default row {got:.4f} is not the stage\'s {want:.4f}')


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--run', type=Path, default=Path('runs/digits'), help='the run directory (the default zoo)')
    p.add_argument('--out', type=Path, default=Path('runs/levers_dev_test'))
    p.add_argument('--tables', nargs='+', default=list(TABLES), choices=list(TABLES))
    a = p.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    t0, done = time.time(), a.out/'done.json'
    secs = json.loads(done.read_text()).get('table_seconds', {}) if done.exists() else {}   # tables kept: their seconds
    for name in a.tables:
        f = a.out/f'table_{name}.csv'
        if f.exists(): print(f'{f}: kept'); continue
        t1 = time.time()
        t = TABLES[name](a.run)
        check(a.run, name, t)
        atomic_write(f, t.to_csv(index=False))
        secs[name] = round(time.time() - t1)
        print(f'{f}: {secs[name]} s\n{t.round(3).to_string(index=False)}', flush=True)
    atomic_write(done, json.dumps(bench_record(seconds=sum(secs.values()), table_seconds=secs, torch=torch.__version__,
                                               run=str(a.run), split='dev_test', tables=sorted(secs))))
