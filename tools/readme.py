"""Write README.md from nbs/index.ipynb without Quarto; `--check` fails if README.md is out of date or too long.

Markdown cells are copied, their relative links made relative to the repository's root (the notebook's
`95_results.ipynb` is README's `nbs/95_results.ipynb`); an image attached to a cell (`attachment:NAME`,
so that the notebook and its pages show it) becomes a link to the committed file `nbs/images/NAME`, and
`--check` fails unless the two are the same bytes. Code cells become ```python blocks (their `#|`
directive lines dropped) followed by their text output; cells marked `#| hide` are left out. The docs
workflow renders the same notebook with Quarto for the web site.

README is a guide, so `--check` also limits its prose (the words outside fenced code blocks, tables and
HTML comments): at most MAX_WORDS in all, and at most MAX_PARAGRAPH in one paragraph (a block of lines
between blank lines, or one list item)."""
import base64, json, re, sys
from pathlib import Path

MAX_WORDS, MAX_PARAGRAPH = 1250, 90

def root_links(md:str) -> str:
    "Markdown `md` (a cell of nbs/) with its relative link and image targets made relative to the repository's root."
    def fix(m):
        t = m.group(2)
        if t.startswith('attachment:'): t = 'images/' + t[len('attachment:'):]
        elif re.match(r'[a-z][a-z0-9+.-]*:|#|/', t): return m.group(0)     # a URL, an anchor or an absolute path
        return f'{m.group(1)}nbs/{t}{m.group(3)}'
    return re.sub(r'(\]\()([^)\s]+)(\))', fix, md)

def attachments(nb_path) -> dict:
    "The images attached to the notebook's markdown cells, by name: their bytes."
    nb = json.loads(Path(nb_path).read_text())
    return {k: base64.b64decode(v['image/png']) for c in nb['cells'] for k, v in c.get('attachments', {}).items() if 'image/png' in v}

def render(nb_path):
    nb = json.loads(Path(nb_path).read_text())
    out = []
    for c in nb['cells']:
        src = ''.join(c['source'])
        lines = src.splitlines()
        directives = [l for l in lines if l.startswith('#|')]
        if any(d.split()[1:2] == ['hide'] for d in directives): continue
        if c['cell_type'] == 'markdown': out.append(root_links(src.strip())); continue
        code = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
        if code: out.append(f'```python\n{code}\n```')
        texts = []
        for o in c.get('outputs', []):
            if o.get('output_type') == 'stream': texts.append(''.join(o['text']))
            elif 'text/plain' in o.get('data', {}) and 'image/png' not in o.get('data', {}): texts.append(''.join(o['data']['text/plain']))
        if texts: out.append('```\n' + '\n'.join(t.rstrip('\n') for t in texts) + '\n```')
    return '\n\n'.join(out) + '\n'

def paragraphs(text:str) -> list:
    "The prose paragraphs of markdown `text`: fenced code blocks, table rows and HTML comments left out, list items apart."
    text = re.sub(r'<!--.*?-->', '', text, flags=re.S)
    paras, cur, fenced = [], [], False
    for line in text.splitlines() + ['']:
        if line.lstrip().startswith('```'): fenced = not fenced
        if fenced or line.lstrip().startswith('```') or line.lstrip().startswith('|') or not line.strip() \
                or re.match(r'\s*([-*+]|\d+\.)\s', line):
            if cur: paras.append(' '.join(cur))
            cur = []
            if not fenced and re.match(r'\s*([-*+]|\d+\.)\s', line): cur = [line.strip()]
            continue
        cur.append(line.strip())
    return paras

def words(para:str) -> int:
    "Words of a paragraph, a link's or an image's address not counted."
    return len(re.sub(r'\]\([^)]*\)', ']', para).split())

def prose_problems(text:str) -> list:
    "One line for each way README's prose is too long."
    ps = paragraphs(text)
    total, problems = sum(map(words, ps)), []
    if total > MAX_WORDS: problems.append(f'README.md has {total:,} words of prose (at most {MAX_WORDS:,}): shorten nbs/index.ipynb')
    for p in ps:
        if words(p) > MAX_PARAGRAPH:
            problems.append(f'README.md paragraph of {words(p)} words (at most {MAX_PARAGRAPH}): "{p[:70]}..."')
    return problems

if __name__ == '__main__':
    root = Path(__file__).resolve().parent.parent
    text = render(root/'nbs'/'index.ipynb')
    if '--check' in sys.argv:
        if (root/'README.md').read_text() != text:
            sys.exit('README.md differs from nbs/index.ipynb: run `python tools/readme.py` and commit README.md')
        for name, data in attachments(root/'nbs'/'index.ipynb').items():
            f = root/'nbs'/'images'/name
            if not f.exists() or f.read_bytes() != data:
                sys.exit(f"nbs/index.ipynb's attached image {name} differs from the committed nbs/images/{name}: attach the file again")
        if problems := prose_problems(text): sys.exit('\n'.join(problems))
        ps = paragraphs(text)
        print(f'README.md matches nbs/index.ipynb; {sum(map(words, ps)):,} words of prose, the longest paragraph {max(map(words, ps))}')
    else:
        (root/'README.md').write_text(text)
        print('wrote README.md')
