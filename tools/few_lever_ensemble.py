"""A lever for one and five images a class, tried on development digits 3 and 7 only (development-test images): answer
with several models and average their logits (an output ensemble), and give the matched baselines the same. The
sampler's ensemble (sampled_ensN) is N draws from the prior around the condition's point estimate, each fitted to the
images and finished by the sampler's head rule and calibration, as `sampled` is; the zoo's (zoo_ensN) is N of the
zoo's fit-role training checkpoints (a seeded choice) each with its head refitted on the images by the sampler's
probe; training from scratch (scratch_ensN) is N seeds of `scratch`. The question: does averaging several bodies'
reading of the k images beat the best single one, and does it help the sampler more than it helps training.
Run by few_bench.py's code, with its arguments and outputs; the results notebook reads them.

  python tools/few_lever_ensemble.py --out runs/few_lever_ensemble --runs runs/holdout_s0_c3 runs/holdout_s0_c7 \
      --ks 1 5
"""
from wsl_nb.few import FewImages
from wsl_nb.sample import probe_head, IMAGES_PROBE_C
from wsl_nb.matched import capped
from few_bench import parser, run_bench


LEVER_METHODS = ('sampled', 'sampled_ens4', 'sampled_ens8', 'zoo_ens8', 'zoo_ens40', 'scratch', 'scratch_ens4',
                 'soup_ft100')


class Lever(FewImages):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self._bodies = {}

    def bodies(self, n:int) -> list:
        "n of the bank's final-snapshot checkpoints as state_dicts (a seeded choice, the same for every condition)."
        if n not in self._bodies:
            b = self.bank
            fin = b.rows[b.rows.snapshot == 'final'] if 'snapshot' in b.rows else b.rows
            self._bodies[n] = [b.state(b.body[i], b.W[i], b.b[i]) for i in capped(fin, n, 1).index]
        return self._bodies[n]

    def answer(self, method, im, classes, target, seed=0):
        start, _, rest = method.partition('_')
        if not rest.startswith('ens'): return super().answer(method, im, classes, target, seed)
        n = int(rest[3:])
        if start == 'sampled': return self.s.sample(images=im, target_loss=target, n=n, seed=seed)
        if start == 'scratch':
            return [super(Lever, self).answer('scratch', im, classes, target, seed=1000 * (j + 1) + seed)
                    for j in range(n)]
        X, y = im.tensors()
        return [probe_head(b, self.s.arch, self.s.in_channels, X, y, C=IMAGES_PROBE_C) for b in self.bodies(n)]


if __name__ == '__main__':
    run_bench(parser(LEVER_METHODS, __doc__.split('\n\n')[0]).parse_args(), Lever)
