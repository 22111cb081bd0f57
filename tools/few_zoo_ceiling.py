"""What the zoo's own bodies give a task of k images of a digit no stage saw: each of --zoo final-snapshot checkpoints
of the fit role (a seeded choice; none of a held-out set or with the digit kept out) with its head refitted on the k
images by the sampler's probe, scored on the task's images. Per condition it keeps the mean over those checkpoints
(`zoo_probe_mean`: a checkpoint picked blindly) and the best (`zoo_probe_best`: picked by the test images themselves,
an oracle no method has), beside the sampler: how much of what the sampler misses the zoo's bodies hold at all. The
best of many is partly luck on few test images, so `zoo_probe_best_half` picks the body on one half of the test
images (a seeded split) and scores it on the other, each way, and takes the mean.
Each body's row goes to rows_bodies.csv with what a method could know of it without test images: how many of the
condition's classes it was trained on, its validation accuracy, how far apart its features put the given images
(`maxcos`: the largest dot product of two classes' means of normalised features, a cosine at one image a class), and
how well its probe reads the given images turned 15 degrees either way or shifted by one pixel (`aug_acc`).
The conditions and draws are few_bench.py's (final snapshots, a seeded choice of at most --cap, draw d of the k images).

  python tools/few_zoo_ceiling.py --out runs/few_zoo_ceiling_dev --runs runs/holdout_s0_c3 runs/holdout_s0_c7
"""
import json, math, os, time
from pathlib import Path
import numpy as np, pandas as pd, torch
import torch.nn.functional as F
from wsl_nb.pipeline import load_run
from wsl_nb.protocol import load_protocol
from wsl_nb.zoo import load_checkpoint
from wsl_nb.sample import TaskEval, image_task, probe_head, IMAGES_PROBE_C, _features
from wsl_nb.matched import capped
from few_bench import bench_record
from few_ceiling import parser


def _maxcos(sd:dict, s, X, y) -> float:
    "The largest dot product of two classes' means of the normalised body features of images X (labels y)."
    f = _features(sd, s.arch, s.in_channels, X).double()
    f = f / f.norm(dim=1, keepdim=True).clamp_min(1e-12)
    mu = torch.stack([f[y == c].mean(0) for c in range(3)])
    return float((mu @ mu.T)[~torch.eye(3, dtype=torch.bool)].max())


def _views(X:torch.Tensor) -> torch.Tensor:
    "Images X turned by -15 and 15 degrees and shifted one pixel each way (background: each image's least value)."
    bg, out = X.amin(dim=(1, 2, 3), keepdim=True), []
    turns = [(math.radians(a), 0, 0) for a in (-15, 15)]
    shifts = [(0, 2 * dx / X.shape[-1], 2 * dy / X.shape[-2]) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))]
    for t, dx, dy in turns + shifts:
        th = torch.tensor([[math.cos(t), -math.sin(t), dx], [math.sin(t), math.cos(t), dy]], dtype=X.dtype)
        g = F.affine_grid(th.expand(len(X), 2, 3), list(X.shape), align_corners=False)
        out.append(F.grid_sample(X - bg, g, align_corners=False) + bg)
    return torch.cat(out)


def main():
    p = parser(__doc__.split('\n\n')[0])
    p.add_argument('--zoo', type=int, default=40, help='training checkpoints a condition (a seeded choice)')
    a, rows_out, per_body, t0 = p.parse_args(), [], [], time.time()
    for rd in map(Path, a.runs):
        run, proto = load_run(rd), load_protocol(rd)
        s, ev, m = run.sampler, TaskEval.of(run.sampler, a.split), run.manifest
        train = m[(m.snapshot == 'final').values & (proto.roles(m) == 'fit') & (m.status == 'ok').values]
        picked = capped(train, a.zoo, 1)
        bodies = [load_checkpoint(rd/'zoo', r) for _, r in picked.iterrows()]
        rows = proto.group(m, a.group)
        for _, r in capped(rows[rows.snapshot == 'final'], a.cap, 0).iterrows():
            cl = [int(c) for c in r.classes]
            for k in a.ks:
                for d in range(a.draws):
                    im = image_task(s.src, cl, k, d, s.data_seed)
                    X, y = im.tensors()
                    probes = [probe_head(b, s.arch, s.in_channels, X, y, C=IMAGES_PROBE_C) for b in bodies]
                    right = torch.stack([(lambda l, t: l.argmax(1) == t)(*ev.logits(pr, cl)) for pr in probes]).float()
                    zoo, V = right.mean(1).tolist(), _views(X)
                    half = torch.from_numpy(np.random.default_rng([k, d]).permutation(right.shape[1]) % 2 == 0)
                    a_, b_ = right[:, half].mean(1), right[:, ~half].mean(1)
                    best_half = float((b_[a_.argmax()] + a_[b_.argmax()]) / 2)
                    yv = y.repeat(len(V) // len(X))
                    for (_, br), b, pr, acc in zip(picked.iterrows(), bodies, probes, zoo):
                        with torch.no_grad(): aug = float((s.model(pr)(V).argmax(1) == yv).float().mean())
                        per_body.append(dict(run=rd.name, model_id=r.model_id, k=k, draw=d, body=br.model_id, acc=acc,
                                             shared=len(set(cl) & {int(c) for c in br.classes}),
                                             val_acc=float(br.val_acc), maxcos=_maxcos(b, s, X, y), aug_acc=aug))
                    accs = {'sampled': ev(s.sample(images=im, target_loss=float(r.val_loss)), cl)['acc'],
                            'zoo_probe_mean': float(np.mean(zoo)), 'zoo_probe_best': float(np.max(zoo)),
                            'zoo_probe_best_half': best_half}
                    for meth, acc in accs.items():
                        rows_out.append(dict(group=a.group, run=rd.name, set='-'.join(map(str, sorted(cl))),
                                             model_id=r.model_id, snapshot=r.snapshot, k=k, draw=d, method=meth,
                                             acc=acc))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    d = pd.DataFrame(rows_out)
    d.to_csv(out/'few_zoo_ceiling.csv', index=False)
    pd.DataFrame(per_body).to_csv(out/'rows_bodies.csv', index=False)
    (out/'done.json').write_text(json.dumps(bench_record(runs=a.runs, split=a.split, group=a.group, ks=a.ks,
                                                         draws=a.draws, cap=a.cap, zoo=a.zoo,
                                                         seconds=round(time.time() - t0))))
    print(d.pivot_table(index='method', columns=['run', 'k'], values='acc').round(3))
    print(d.pivot_table(index='method', columns='k', values='acc').round(3))


if __name__ == '__main__':
    main()
