__version__ = "0.1.0"

# The names a user reaches for, importable from the package itself (`from wsl_nb import load_run`). Each is read from its
# module on first use, so that `import wsl_nb` stays light.
_NAMES = {'run_all': 'run', 'fit_run': 'pipeline', 'load_run': 'pipeline', 'Run': 'pipeline',
          'Sampler': 'sample', 'Images': 'sample', 'image_task': 'sample', 'save_sample': 'sample', 'load_sample': 'sample',
          'TaskEval': 'sample', 'load_source': 'data', 'load_task': 'data', 'import_zoo': 'importer',
          'compare': 'evaluation', 'SampleWidget': 'widget', 'RunDir': 'store'}
__all__ = list(_NAMES)


def __getattr__(name):
    if name not in _NAMES: raise AttributeError(f"module 'wsl_nb' has no attribute {name!r}")
    from importlib import import_module
    return getattr(import_module(f'.{_NAMES[name]}', __name__), name)


def __dir__(): return sorted(list(globals()) + __all__)
