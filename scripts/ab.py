"""A/B dumps: HEAD against HEAD plus the named working files, run side by side, then diffed.

Why: a rule change is read change by change (the team's protocol), and the baseline must be
HEAD's own code, not whatever else is uncommitted in a shared checkout. Each side is a git
worktree under the checkout's parent (so ``../shared/eval`` resolves as in the checkout),
and every dump runs with ``PYTHONPATH`` set to that tree's ``src``, so the scripts and the
benchmarks import the tree's code, not the editable install's.

Tools (what is dumped on each side):
  quotes          BASIL DEV quotes (``benchmarks/bench_quotes.py --quick --dump``, which also prints
                  the scores) and ECB+/NeuS DEV quotes (``scripts/dump_quotes.py``)
  timeline        every timeline entry of the DEV stories (``scripts/dump_timeline.py``)
  contradictions  every reported contradiction of the DEV stories (``scripts/scan_contradictions.py``)

Usage:
  .venv/bin/python scripts/ab.py quotes src/newsprism/analyze/quotes/zones.py [more files]
  .venv/bin/python scripts/ab.py timeline --out /tmp/me/tl src/newsprism/analyze/timex.py
The dumps and the diff are written to ``--out`` (default ``/tmp/ab``); the diff is also printed.
The worktrees are removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

#: Per tool: the dump commands (``{out}`` = the side's output stem) and the diff command of two dumps.
TOOLS: dict[str, tuple[list[list[str]], list[list[str]]]] = {
    "quotes": (
        [
            ["benchmarks/bench_quotes.py", "--quick", "--dump", "{out}.basil.jsonl"],
            ["scripts/dump_quotes.py", "--out", "{out}.other.jsonl"],
        ],
        [
            ["scripts/dump_quotes.py", "--diff", "{old}.basil.jsonl", "{new}.basil.jsonl", "--context", "150"],
            ["scripts/dump_quotes.py", "--diff", "{old}.other.jsonl", "{new}.other.jsonl", "--context", "150"],
        ],
    ),
    "timeline": (
        [["scripts/dump_timeline.py", "--out", "{out}.jsonl", "--cache", "{cache}.{side}"]],
        [["scripts/dump_timeline.py", "--diff", "{old}.jsonl", "{new}.jsonl"]],
    ),
    "contradictions": (
        [["scripts/scan_contradictions.py", "--out", "{out}.jsonl", "--cache", "{cache}.{side}.pkl"]],
        [["scripts/scan_contradictions.py", "--diff", "{old}.jsonl", "{new}.jsonl"]],
    ),
}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def _worktree(path: Path) -> None:
    if path.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, capture_output=True)
        shutil.rmtree(path, ignore_errors=True)
    _git("worktree", "add", "-q", "--detach", str(path), "HEAD")


def _run_side(tree: Path, cmds: list[list[str]], fill: dict[str, str], log: Path) -> subprocess.Popen:
    """Run the side's dump commands one after another in ``tree`` (one shell, one log)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    script = " && ".join(" ".join([PY, *(a.format(**fill) for a in cmd)]) for cmd in cmds)
    return subprocess.Popen(["bash", "-c", script], cwd=tree, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tool", choices=sorted(TOOLS))
    ap.add_argument("files", nargs="+", help="working files (paths in the checkout) that make the B side")
    ap.add_argument("--out", type=Path, default=Path("/tmp/ab"), help="directory for dumps, logs and the diff")
    ap.add_argument("--tag", default="ab", help="name of this comparison (file names, worktree names)")
    ap.add_argument("--keep", action="store_true", help="keep the two worktrees")
    a = ap.parse_args(argv)
    for f in a.files:
        if not (ROOT / f).is_file():
            ap.error(f"{f}: not a file of the checkout {ROOT}")
    a.out.mkdir(parents=True, exist_ok=True)
    # the worktrees carry the --out directory's name too, so two people's runs with the same --tag never share them
    side = f"ab-{a.out.name}-{a.tag}"
    old_tree, new_tree = ROOT.parent / f"{side}-old", ROOT.parent / f"{side}-new"
    _worktree(old_tree)
    _worktree(new_tree)
    for f in a.files:
        shutil.copy2(ROOT / f, new_tree / f)
    dumps, diffs = TOOLS[a.tool]
    stem = {side: str(a.out / f"{a.tag}.{side}") for side in ("old", "new")}
    cache = str(a.out / f"{a.tag}.cache")
    procs = [
        _run_side(tree, dumps, {"out": stem[side], "cache": cache, "side": side}, a.out / f"{a.tag}.{side}.log")
        for side, tree in (("old", old_tree), ("new", new_tree))
    ]
    codes = [p.wait() for p in procs]
    for side in ("old", "new"):
        print(f"== {side} ({a.out / f'{a.tag}.{side}.log'})")
        print((a.out / f"{a.tag}.{side}.log").read_text()[-1500:])
    if any(codes):
        print(f"a dump failed (exit codes old/new {codes}); see the logs above", file=sys.stderr)
        return 1
    report = []
    for cmd in diffs:
        argv_ = [PY, *(x.format(old=stem["old"], new=stem["new"]) for x in cmd)]
        env = dict(os.environ, PYTHONPATH=str(new_tree / "src"))
        report.append(subprocess.run(argv_, cwd=new_tree, env=env, capture_output=True, text=True).stdout)
    diff_path = a.out / f"{a.tag}.diff.txt"
    diff_path.write_text("\n".join(report), encoding="utf-8")
    print("\n".join(report))
    print(f"diff written to {diff_path}")
    if not a.keep:
        for tree in (old_tree, new_tree):
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
