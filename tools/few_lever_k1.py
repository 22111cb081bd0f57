"""Levers for one image a class, tried on development digits 3 and 7 only (development-test images): the k images
augmented by every one-pixel shift for the probe head (and, to be fair, for scratch and the fine-tuned soup);
fine-tuning from the probe-headed sample. Run by few_bench.py's code, with its arguments
and outputs; the results notebook reads them.

  python tools/few_lever_k1.py --out runs/few_lever_k1 --runs runs/holdout_s0_c3 runs/holdout_s0_c7 --ks 1 5
"""
import torch, torch.nn.functional as F
from wsl_nb.baselines import finetune
from wsl_nb.sample import Images, probe_head
from wsl_nb.few import FewImages, fresh_model
from few_bench import parser, run_bench

def shifts(X, r=1):
    "Every shift of X (n, C, H, W) by up to r pixels each way, edges replicated."
    H, W = X.shape[-2:]
    P = F.pad(X, (r, r, r, r), mode='replicate')
    d = range(-r, r + 1)
    return torch.cat([P[..., r + dy:r + dy + H, r + dx:r + dx + W] for dy in d for dx in d])

def aug(im:Images) -> Images:
    return Images([shifts(x.float()) for x in im.per_class], im.names, im.src, im.data_seed)

LEVER_METHODS = ('sampled', 'sampled_aug', 'sampled_probe_ft10', 'sampled_aug_ft10', 'scratch', 'scratch_aug',
                 'soup_ft10', 'soup_ft10_aug', 'sampled_ft10')

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

if __name__ == '__main__':
    run_bench(parser(LEVER_METHODS, __doc__.split('\n\n')[0]).parse_args(), Lever)
