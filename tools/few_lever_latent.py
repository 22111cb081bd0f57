"""A lever for few images, tried on development digits 3 and 7 only (development-test images): fit the condition's
latent, not its weights. From z_proj (the sampler's point estimate for the k images and the target), `steps` Adam
steps on z alone minimise the decoded model's cross-entropy on the k images plus `lam` times |z - z_proj|^2; the
decoded model keeps its decoded head (sampled_latN) or gets a probe head fitted on the k images (sampled_lat30_probe),
calibrated on them either way. The sampler now fits the latent itself (the sample notebook's LATENT_* settings, chosen
from these tables); the rows named `sampled` here are the sampler as it was when the bench ran (done.json's commit).
The decoder keeps the body among the models it can write, so few images cannot drag it anywhere, as fine-tuning every
weight can.
Run by few_bench.py's code, with its arguments and outputs; the results notebook reads them.

  python tools/few_lever_latent.py --out runs/few_lever_latent --runs runs/holdout_s0_c3 runs/holdout_s0_c7 --ks 1 5
"""
from wsl_nb.sample import probe_head
from wsl_nb.few import FewImages
from few_bench import parser, run_bench


LEVER_METHODS = ('sampled', 'sampled_raw', 'sampled_lat10', 'sampled_lat30', 'sampled_lat100', 'sampled_lat30_probe',
                 'sampled_ft10', 'scratch', 'soup_ft10', 'soup_ft100')


class Lever(FewImages):
    def answer(self, method, im, classes, target, seed=0):
        if method.startswith('sampled_lat'):          # sampled_latN: the decoded head, calibrated; _probe: a probe head
            st, (steps, _, head) = self.settings, method[len('sampled_lat'):].partition('_')
            c = self.s.condition(im, target)
            z = self.s.fit_latent(self.s.latent([c])[0], im, int(steps), st.get('lat_lr', 0.03), st.get('lat_lam', 0.0))
            sd = self.s._decoded(z)
            if head == 'probe': sd = probe_head(sd, self.s.arch, self.s.in_channels, *im.tensors(), C=st['probe_C'])
            return self.s.calibrated(sd, im, target)
        return super().answer(method, im, classes, target, seed)


if __name__ == '__main__':
    run_bench(parser(LEVER_METHODS, __doc__.split('\n\n')[0]).parse_args(), Lever)
