"""Copy what the results notebook reads from run directories (git-ignored, and gone with the machine) into results/,
which is committed: a run's report/metrics.json and the PNGs the notebook shows; a few-image bench's done.json,
summary.csv and per-run rows (few_*.csv, rows_*.csv; gzipped); a lever bench's done.json and tables (table_*.csv).
The copy keeps the run's name, so a table still names the run it came from.

  python tools/archive_results.py runs/digits runs/few_digits_final
"""
import gzip, json, shutil, sys
from pathlib import Path

SHOWN = ('sampling_audit.png',)                                # figures the results notebook displays


def archive(rd:Path, dest:Path=Path('results')) -> list:
    "Copy run directory `rd`'s results into `dest/rd.name`; the paths written."
    out, done = dest/rd.name, []
    if (rd/'report'/'metrics.json').exists():
        m = json.loads((rd/'report'/'metrics.json').read_text())
        if 'timings' not in m: raise SystemExit(f"{rd}: its report is not complete")
        (out/'report').mkdir(parents=True, exist_ok=True)
        for f in ('metrics.json',) + SHOWN:
            if (rd/'report'/f).exists(): shutil.copy2(rd/'report'/f, out/'report'/f); done.append(out/'report'/f)
    elif (rd/'done.json').exists():
        out.mkdir(parents=True, exist_ok=True)
        names = [f for f in ('done.json', 'summary.csv') if (rd/f).exists()]
        rows = sorted(p.name for p in rd.glob('few_*.csv')) + sorted(p.name for p in rd.glob('rows_*.csv'))
        for f in names + rows + sorted(p.name for p in rd.glob('table_*.csv')):
            src = rd/f
            if f in rows:                                          # gzipped, with no date inside: reruns are equal
                with open(src, 'rb') as a, gzip.GzipFile(out/(f + '.gz'), 'wb', mtime=0) as b: shutil.copyfileobj(a, b)
                done.append(out/(f + '.gz'))
            else: shutil.copy2(src, out/f); done.append(out/f)
    else: raise SystemExit(f"{rd}: neither a finished run (report/metrics.json) nor a finished bench (done.json)")
    return done


if __name__ == '__main__':
    for a in sys.argv[1:]:
        for p in archive(Path(a)): print(p)
