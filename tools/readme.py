"""Write README.md from nbs/index.ipynb without Quarto; `--check` fails if README.md is out of date.

Markdown cells are copied as they are; code cells become ```python blocks (their `#|` directive lines
dropped) followed by their text output; cells marked `#| hide` are left out. The docs workflow renders
the same notebook with Quarto for the web site."""
import json, sys
from pathlib import Path

def render(nb_path):
    nb = json.loads(Path(nb_path).read_text())
    out = []
    for c in nb['cells']:
        src = ''.join(c['source'])
        lines = src.splitlines()
        directives = [l for l in lines if l.startswith('#|')]
        if any(d.split()[1:2] == ['hide'] for d in directives): continue
        if c['cell_type'] == 'markdown': out.append(src.strip()); continue
        code = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
        if code: out.append(f'```python\n{code}\n```')
        texts = []
        for o in c.get('outputs', []):
            if o.get('output_type') == 'stream': texts.append(''.join(o['text']))
            elif 'text/plain' in o.get('data', {}) and 'image/png' not in o.get('data', {}): texts.append(''.join(o['data']['text/plain']))
        if texts: out.append('```\n' + '\n'.join(t.rstrip('\n') for t in texts) + '\n```')
    return '\n\n'.join(out) + '\n'

if __name__ == '__main__':
    root = Path(__file__).resolve().parent.parent
    text = render(root/'nbs'/'index.ipynb')
    if '--check' in sys.argv:
        if (root/'README.md').read_text() != text:
            sys.exit('README.md differs from nbs/index.ipynb: run `python tools/readme.py` and commit README.md')
        print('README.md matches nbs/index.ipynb')
    else:
        (root/'README.md').write_text(text)
        print('wrote README.md')
