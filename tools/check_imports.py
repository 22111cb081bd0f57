"""Fail on an import cycle in wsl_nb/, on an import inside a function (optional dependencies excepted), on a name the
exported code uses but never defines or imports (a notebook's test cells can hide one), and on a notebook that imports
from a later-numbered notebook's module. Run from anywhere: `python tools/check_imports.py`."""
import ast, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = 'wsl_nb'
OPTIONAL = {'ray', 'open_clip', 'umap', 'huggingface_hub'}   # imported where they are used, so the package works without them

def module_imports(path:Path) -> tuple[set, list]:
    "The package modules a module imports (anywhere in it), and its imports inside functions as (line, name)."
    tree = ast.parse(path.read_text())
    deps, inner = set(), []
    top = {id(n) for n in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [f'{node.module}'] if node.level == 0 else [f'{PKG}.{node.module}' if node.module else PKG]
        elif isinstance(node, ast.Import): names = [a.name for a in node.names]
        else: continue
        for n in names:
            if n.startswith(PKG + '.'): deps.add(n.split('.')[1])
            if id(node) not in top and n.split('.')[0] not in OPTIONAL: inner.append((node.lineno, n))
    return deps, inner

def find_cycle(graph:dict) -> list|None:
    "One cycle of `graph` (module -> modules it imports) as a list of modules, or None."
    state, stack = {}, []
    def visit(m):
        state[m] = 'open'; stack.append(m)
        for d in sorted(graph.get(m, ())):
            if state.get(d) == 'open': return stack[stack.index(d):] + [d]
            if d not in state and (c := visit(d)): return c
        state[m] = 'done'; stack.pop()
    for m in sorted(graph):
        if m not in state and (c := visit(m)): return c
    return None

def notebook_order(nbs:Path) -> tuple[dict, dict]:
    "Each module's notebook number, and each numbered notebook's code."
    num, code = {}, {}
    for nb in sorted(nbs.glob('[0-9]*.ipynb')):
        n = int(nb.name.split('_')[0])
        src = '\n'.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code')
        code[nb.name] = (n, src)
        if m := re.search(r'^#\|\s*default_exp\s+(\S+)', src, re.M): num[m.group(1)] = n
    return num, code

def undefined_names(path:Path) -> list[str]:
    "pyflakes' undefined-name messages for one module."
    from pyflakes import api, messages, reporter
    class Keep(reporter.Reporter):
        def __init__(self): self.found = []
        def flake(self, m):
            if isinstance(m, (messages.UndefinedName, messages.UndefinedExport, messages.UndefinedLocal)): self.found.append(str(m))
        def unexpectedError(self, f, m): self.found.append(f'{f}: {m}')
        def syntaxError(self, f, m, *a): self.found.append(f'{f}: {m}')
    r = Keep(); api.checkPath(str(path), r)
    return r.found

def check(root:Path=ROOT) -> list[str]:
    "Every problem found, one line each."
    problems, graph = [], {}
    for p in sorted((root/PKG).glob('*.py')):
        if p.stem.startswith('_'): continue
        deps, inner = module_imports(p)
        graph[p.stem] = deps - {p.stem}
        problems += [f'{p.relative_to(root)}:{line}: import of {name} inside a function' for line, name in inner]
        problems += undefined_names(p)
    if cycle := find_cycle(graph): problems.append('import cycle: ' + ' -> '.join(cycle))
    num, code = notebook_order(root/'nbs')
    for name, (n, src) in code.items():
        for mod in sorted(set(re.findall(rf'\b{PKG}\.(\w+)', src))):
            if num.get(mod, -1) > n: problems.append(f'nbs/{name} imports {PKG}.{mod}, which a later notebook ({num[mod]:02d}) defines')
    return problems

if __name__ == '__main__':
    found = check()
    for p in found: print(p)
    print(f"import check: {'FAILED, ' + str(len(found)) + ' problems' if found else 'no cycle, no import inside a function, no undefined name, no notebook imports from a later one'}")
    sys.exit(1 if found else 0)
