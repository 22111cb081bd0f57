"""A lever for images from a new domain, tried on development data only: the development held-out class sets of
runs/digits with their images inverted or rotated (`--source`; development-test images), and the development digits 3
and 7 as they are (to see what a rule costs where the images are the zoo's own kind). On the final test the sampler fell
behind training from scratch on new domains at one image a class: its fitted latent's head reads the three given images,
so the guard keeps it, yet it reads the domain's other images badly. The rows:
- sampled: the sampler as it is when the bench runs (done.json's commit). In runs/few_lever_domain_* it was the guard
  alone, before the check below was adopted; the sampler has had the check since, so `sampled_guard` keeps the rule
  before it: the latent fitted, the decoded head kept while it reads every given image, else a probe;
- sampled_probe: the fitted latent's body with a probe head;
- sampled_rawprobe: the unfitted latent's body with a probe head (the rule before the latent fit);
- sampled_check: the decoded head kept only if the *unfitted* decoded model, too, reads every given image (a model of
  the zoo that reads the images says they are the zoo's kind); otherwise the probe on the fitted body.
Every sampled row is calibrated on the given images as the sampler is (accuracy does not change with it).
Run by few_bench.py's code, with its arguments and outputs; the results notebook reads them.

  python tools/few_lever_domain.py --out runs/few_lever_domain_inverted --runs runs/digits --group dev_sets \
      --source digits_inverted --ks 1 5 --cap 12
"""
import torch
from wsl_nb.sample import probe_head, IMAGES_PROBE_C
from wsl_nb.few import FewImages
from few_bench import parser, run_bench


LEVER_METHODS = ('sampled', 'sampled_guard', 'sampled_probe', 'sampled_rawprobe', 'sampled_check', 'scratch', 'soup_ft10')


class Lever(FewImages):
    def answer(self, method, im, classes, target, seed=0):
        X, y = im.tensors()
        probe = lambda sd: probe_head(sd, self.s.arch, self.s.in_channels, X, y, C=IMAGES_PROBE_C)
        if method == 'sampled_rawprobe':
            return self.s.calibrated(probe(self.raw.sample(images=im, target_loss=target)), im, target)
        if method == 'sampled_guard':                   # the check left out: the fitted model's head, if it reads them
            c = self.s.condition(im, target)
            return self.s.finish(self.s.fit_latent(self.s.latent([c])[0], im), c)     # no start: no check
        if method == 'sampled_check':
            with torch.no_grad(): raw = self.s.model(self.raw.sample(images=im, target_loss=target))(X)
            if bool((raw.argmax(1) == y).all()): return self.s.sample(images=im, target_loss=target)
            return self.s.calibrated(probe(self.body.sample(images=im, target_loss=target)), im, target)
        return super().answer(method, im, classes, target, seed)


if __name__ == '__main__':
    run_bench(parser(LEVER_METHODS, __doc__.split('\n\n')[0]).parse_args(), Lever)
