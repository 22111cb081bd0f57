"""A lever for one and five images a class, tried on development digits 3 and 7 only (development-test images): fit
the latent from several starts, not one. The sampler fits its point estimate z_proj to the images; here it also fits
n - 1 draws from the prior around z_proj (seeded by the images' draw), then either keeps the fitted latent whose
decoded model has the lowest cross-entropy on the images (sampled_msN) or decodes the mean of the fitted latents
(sampled_msNmean). Each is finished by the sampler's head rule and calibration, as `sampled` is.
Run by few_bench.py's code, with its arguments and outputs; the results notebook reads them.

  python tools/few_lever_multistart.py --out runs/few_lever_multistart --runs runs/holdout_s0_c3 runs/holdout_s0_c7 \
      --ks 1 5
"""
import math
import torch
import torch.nn.functional as F
from wsl_nb.sample import DRAW_TEMPERATURE
from wsl_nb.few import FewImages
from few_bench import parser, run_bench


LEVER_METHODS = ('sampled', 'sampled_ms4', 'sampled_ms4mean', 'scratch', 'soup_ft10', 'soup_ft100')


class Lever(FewImages):
    def answer(self, method, im, classes, target, seed=0):
        if not method.startswith('sampled_ms'): return super().answer(method, im, classes, target, seed)
        s, rest = self.s, method[len('sampled_ms'):]
        mean, n = rest.endswith('mean'), int(rest.removesuffix('mean'))
        c, X, y = s.condition(im, target), *im.tensors()
        z0 = s.latent([c])[0]
        g = torch.Generator().manual_seed(int(seed))
        with torch.no_grad():
            zp = z0[None].expand(n - 1, -1)
            starts = torch.cat([z0[None], zp + s.prior.draw(zp, torch.full((len(zp),), math.log(c.target)), g,
                                                            DRAW_TEMPERATURE)])
        fitted = [s.fit_latent(z, im) for z in starts]
        if mean: zs, start = torch.stack(fitted).mean(0), starts.mean(0)
        else:
            with torch.no_grad(): loss = [F.cross_entropy(s.model(s._decoded(z))(X), y).item() for z in fitted]
            i = min(range(len(loss)), key=loss.__getitem__)
            zs, start = fitted[i], starts[i]
        return s.finish(zs, c, start)


if __name__ == '__main__':
    run_bench(parser(LEVER_METHODS, __doc__.split('\n\n')[0]).parse_args(), Lever)
