"""Levers for one image a class, tried on development digits 3 and 7 only (development-test images): the k images
augmented by every one-pixel shift for the probe head (and, to be fair, for scratch and the fine-tuned soup);
fine-tuning from the probe-headed sample. Writes few_<run>.csv and summary.csv as few_bench.py does; the results
notebook reads them.

  python tools/few_lever_k1.py runs/few_lever_k1 runs/holdout_s0_c3 runs/holdout_s0_c7
"""
import json, sys, time
from pathlib import Path
import torch, torch.nn.functional as F
import pandas as pd
from wsl_nb.pipeline import load_run
from wsl_nb.protocol import load_protocol, split_rows
from wsl_nb.baselines import ZooBank, finetune
from wsl_nb.align import weights_zoo
from wsl_nb.zoo import load_zoo
from wsl_nb.sample import TaskEval, Images, probe_head
from wsl_nb.matched import capped
from wsl_nb.few import FewImages, evaluate_few, summarise_few, few_pairs, fresh_model

def shifts(X, r=1):
    "Every shift of X (n, C, H, W) by up to r pixels each way, edges replicated."
    H, W = X.shape[-2:]
    P = F.pad(X, (r, r, r, r), mode='replicate')
    d = range(-r, r + 1)
    return torch.cat([P[..., r + dy:r + dy + H, r + dx:r + dx + W] for dy in d for dx in d])

def aug(im:Images) -> Images:
    return Images([shifts(x.float()) for x in im.per_class], im.names, im.src, im.data_seed)

class Lever(FewImages):
    def answer(self, method, im, classes, target, seed=0):
        a = self.s.arch, self.s.in_channels
        if method == 'sampled_aug':
            sd = self.raw.sample(images=im, target_loss=target)
            sd = probe_head(sd, *a, *aug(im).tensors(), C=self.settings['probe_C'])
            return self.s.calibrated(sd, im, target)
        if method == 'sampled_probe_ft10':
            sd = self.raw.sample(images=im, target_loss=target)
            sd = probe_head(sd, *a, *im.tensors(), C=self.settings['probe_C'])
            return finetune(sd, *a, *im.tensors(), 10, self.settings['ft_lr'])
        if method == 'sampled_aug_ft10':
            sd = self.raw.sample(images=im, target_loss=target)
            sd = probe_head(sd, *a, *aug(im).tensors(), C=self.settings['probe_C'])
            return finetune(sd, *a, *aug(im).tensors(), 10, self.settings['ft_lr'])
        if method == 'scratch_aug':
            st = self.settings
            return finetune(fresh_model(*a, seed), *a, *aug(im).tensors(), st['scratch_steps'], st['scratch_lr'])
        if method == 'soup_ft10_aug':
            return finetune(self.soup(classes, target), *a, *aug(im).tensors(), 10, self.settings['ft_lr'])
        return super().answer(method, im, classes, target, seed)

out = Path(sys.argv[1]); out.mkdir(exist_ok=True, parents=True)
methods = ('sampled', 'sampled_aug', 'sampled_probe_ft10', 'sampled_aug_ft10', 'scratch', 'scratch_aug', 'soup_ft10',
           'soup_ft10_aug', 'sampled_ft10')
parts = []
for rd in map(Path, sys.argv[2:]):
    f = out/f'few_{rd.name}.csv'
    if not f.exists():
        t0 = time.time()
        run, proto = load_run(rd), load_protocol(rd)
        s, wz = run.sampler, weights_zoo(rd)
        bank = ZooBank(wz, split_rows(proto.fit_rows(load_zoo(wz)[1]), 'train'))
        rows = proto.group(run.manifest, 'unseen_class')
        rows = capped(rows[rows.snapshot == 'final'], 6, 0)
        d = evaluate_few(Lever(s, bank), rows, 'unseen_class', TaskEval.of(s, 'dev_test'), ks=(1, 5), draws=2,
                         methods=methods, run=rd.name)
        d.to_csv(f, index=False)
        print(rd.name, time.time() - t0, flush=True)
    parts.append(pd.read_csv(f))
d = pd.concat(parts)
s = summarise_few(d)
s.to_csv(out/'summary.csv', index=False)
(out/'done.json').write_text(json.dumps(dict(runs=sys.argv[2:], split='dev_test', ks=[1, 5], draws=2, cap=6)))
print(s.pivot_table(index='method', columns='k', values='acc').round(3))
p = few_pairs(d)
p['cell'] = [f"{x:+.3f} {c}" for x, c in zip(p['diff'], p.diff_ci)]
print(p.pivot_table(index='other', columns='k', values='cell', aggfunc='first'))
