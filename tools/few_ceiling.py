"""What a condition's own zoo checkpoint gives with the same k images: as trained (`original`, every image of its task
seen, the held-out digit included) and with its head refitted on the k images by the sampler's rule (`original_probe`),
beside the sampler itself. It separates what one image a class costs in the head from what the sampled body costs.
The checkpoint's own latent (its weight embedding, encoded) decoded and finished by the sampler's head rule
(`original_decoded`), and fitted to the k images from there (`original_decoded_fit`), say what a perfect condition
encoder would give: the best start the sampler could be handed for a digit no stage saw; `sampled_unfitted` is the
sampler's own start (its point estimate z_proj from the images) finished the same way, not fitted.
The conditions and draws are few_bench.py's (final snapshots, a seeded choice of at most --cap, draw d of the k images).

  python tools/few_ceiling.py --out runs/few_ceiling_dev --runs runs/holdout_s0_c3 runs/holdout_s0_c7
"""
import argparse, json, time
from pathlib import Path
import pandas as pd, torch
from wsl_nb.pipeline import load_run
from wsl_nb.protocol import load_protocol
from wsl_nb.zoo import load_checkpoint
from wsl_nb.sample import TaskEval, image_task, probe_head, IMAGES_PROBE_C
from wsl_nb.matched import capped
from few_bench import bench_record


def parser(description:str) -> argparse.ArgumentParser:
    "The arguments of the ceiling tools: run directories, the group, split, k, draws and cap of few_bench.py."
    p = argparse.ArgumentParser(description=description)
    p.add_argument('--out', required=True)
    p.add_argument('--runs', nargs='+', required=True)
    p.add_argument('--group', default='unseen_class')
    p.add_argument('--split', default='dev_test', choices=('dev_test', 'final_test'))
    p.add_argument('--ks', nargs='+', type=int, default=[1, 5])
    p.add_argument('--draws', type=int, default=2)
    p.add_argument('--cap', type=int, default=6)
    return p


def main():
    a, rows_out, t0 = parser(__doc__.split('\n\n')[0]).parse_args(), [], time.time()
    for rd in map(Path, a.runs):
        run, proto = load_run(rd), load_protocol(rd)
        s, ev = run.sampler, TaskEval.of(run.sampler, a.split)
        rows = proto.group(run.manifest, a.group)
        for _, r in capped(rows[rows.snapshot == 'final'], a.cap, 0).iterrows():
            cl, orig = [int(c) for c in r.classes], load_checkpoint(rd/'zoo', r)
            for k in a.ks:
                for d in range(a.draws):
                    im = image_task(s.src, cl, k, d, s.data_seed)
                    probe = probe_head(orig, s.arch, s.in_channels, *im.tensors(), C=IMAGES_PROBE_C)
                    c = s.condition(im, float(r.val_loss))
                    with torch.no_grad(): zw = s.ae.encode(s.comp.transform(orig)[None])[0]
                    zp = s.latent([c])[0]
                    for m, sd in (('original', orig), ('original_probe', probe),
                                  ('original_decoded', s.finish(zw, c, zw)),
                                  ('original_decoded_fit', s.finish(s.fit_latent(zw, im), c, zw)),
                                  ('sampled_unfitted', s.finish(zp, c, zp)),
                                  ('sampled', s.sample(images=im, target_loss=float(r.val_loss)))):
                        rows_out.append(dict(group=a.group, run=rd.name, set='-'.join(map(str, sorted(cl))),
                                             model_id=r.model_id, snapshot=r.snapshot, k=k, draw=d, method=m,
                                             acc=ev(sd, cl)['acc']))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    d = pd.DataFrame(rows_out)
    d.to_csv(out/'few_ceiling.csv', index=False)
    (out/'done.json').write_text(json.dumps(bench_record(runs=a.runs, split=a.split, group=a.group, ks=a.ks,
                                                         draws=a.draws, cap=a.cap, seconds=round(time.time() - t0))))
    print(d.pivot_table(index='method', columns=['run', 'k'], values='acc').round(3))


if __name__ == '__main__':
    main()
