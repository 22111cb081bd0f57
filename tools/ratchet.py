"""A ratchet on the notebooks' shape: the number of code lines over 120 characters, of `;` statements and of export cells
over 50 lines may only go down. The counts are kept in tools/ratchet.json; `--update` writes today's (only when none grew),
`--check` (what CI runs) fails with one line per count that grew."""
import io, json, re, sys, tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_LINE, LIMIT_CELL = 120, 50


def semicolons(code:str) -> int:
    "`;` operators in a cell's code (not in strings or comments)."
    code = '\n'.join(l for l in code.splitlines() if not l.lstrip().startswith(('!', '%')))
    try: return sum(t.type == tokenize.OP and t.string == ';' for t in tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return 0


def counts(root:Path=ROOT) -> dict:
    "Per notebook: long code lines, `;` statements, export cells over 50 lines; and their totals."
    per = {}
    for nb in sorted((root/'nbs').glob('*.ipynb')):
        cells = [''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code']
        exp = [c for c in cells if re.search(r'^#\|\s*export', c, re.M)]
        per[nb.name] = dict(long_lines=sum(len(l) > LIMIT_LINE for c in cells for l in c.splitlines()),
                            semicolons=sum(semicolons(c) for c in exp),
                            long_cells=sum(len(c.splitlines()) > LIMIT_CELL for c in exp))
    return dict(total={k: sum(v[k] for v in per.values()) for k in ('long_lines', 'semicolons', 'long_cells')}, notebooks=per)


def main(argv):
    now, f = counts(), ROOT/'tools'/'ratchet.json'
    was = json.loads(f.read_text()) if f.exists() else None
    grew = [] if was is None else [f"{nb}: {k} {was['notebooks'].get(nb, {}).get(k, 0)} -> {v[k]}"
                                   for nb, v in now['notebooks'].items() for k in v
                                   if v[k] > was['notebooks'].get(nb, {}).get(k, 0)]
    print('ratchet:', ', '.join(f'{k} {v}' for k, v in now['total'].items()),
          '' if was is None else '(was ' + ', '.join(f'{k} {v}' for k, v in was['total'].items()) + ')')
    for g in grew: print(f'ratchet: grew in {g} (lines over {LIMIT_LINE} characters, `;` in export cells, export cells over '
                         f'{LIMIT_CELL} lines may only go down)')
    if was is None and '--check' in argv:
        print(f'ratchet: no counts in {f}: run python tools/ratchet.py --update and commit it'); return 1
    if '--update' in argv and not grew: f.write_text(json.dumps(now, indent=1) + '\n')
    return 1 if grew and '--check' in argv else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
