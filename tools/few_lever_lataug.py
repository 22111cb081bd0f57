"""A lever for one and five images a class, tried on development digits 3 and 7 only (development-test images): fit
the condition's latent to the given images and their one-pixel shifts (nine images for each one), so that three images
cannot pull the decoded body to a model that reads those three pixels only. The condition's embedding, the head rule
and the calibration read the given images as the sampler does (`sampled_lataug`).
Run by few_bench.py's code, with its arguments and outputs; the results notebook reads them.

  python tools/few_lever_lataug.py --out runs/few_lever_lataug --runs runs/holdout_s0_c3 runs/holdout_s0_c7 --ks 1 5
"""
from wsl_nb.few import FewImages
from few_bench import parser, run_bench
from few_lever_k1 import aug


LEVER_METHODS = ('sampled', 'sampled_lataug', 'scratch', 'soup_ft10', 'soup_ft100')


class Lever(FewImages):
    def answer(self, method, im, classes, target, seed=0):
        if method != 'sampled_lataug': return super().answer(method, im, classes, target, seed)
        s = self.s
        c = s.condition(im, target)
        z0 = s.latent([c])[0]
        return s.finish(s.fit_latent(z0, aug(im)), c, z0)


if __name__ == '__main__':
    run_bench(parser(LEVER_METHODS, __doc__.split('\n\n')[0]).parse_args(), Lever)
