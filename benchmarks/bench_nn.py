"""Nearest-story search: the numpy and faiss backends side by side, per query, by pool size.

Why: the clusterer asks for the top-``candidates`` stories of each new article (and of
each member in a settle pass), one query at a time, over the active pool's mean
embeddings. This times exactly that call for growing pools (30% dead rows, as a pool
with retirements has), single-threaded, and checks that both return the same rows.

    .venv/bin/python benchmarks/bench_nn.py [--dim 384] [--queries 300] [--sizes 2000 20000 100000] [--matmul]

``--matmul`` adds the numpy backend with a BLAS ``cent @ vec`` in place of its ``einsum`` (CPU time counts every
BLAS thread; run it with and without ``OPENBLAS_NUM_THREADS=1``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism import registry  # noqa: E402
from newsprism.cluster import ClusterParams  # noqa: E402, F401  (registers the nn backends)


def time_backend(nn, cent: np.ndarray, live: np.ndarray, queries: np.ndarray, k: int) -> tuple[float, list]:
    out = []
    t = time.process_time()
    for q in queries:
        out.append(nn(cent, live, q, k)[0])
    return 1000 * (time.process_time() - t) / len(queries), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--k", type=int, default=ClusterParams().candidates)
    ap.add_argument("--sizes", type=int, nargs="*", default=[2000, 20000, 100000])
    ap.add_argument("--matmul", action="store_true", help="also time the numpy backend with `@` instead of einsum")
    args = ap.parse_args(argv)
    try:
        fa = registry.get("nn", "faiss")
    except ImportError as exc:
        print(exc, file=sys.stderr)
        return 2
    nu = registry.get("nn", "numpy")
    mm = registry.get("nn", "numpy", matmul=True) if args.matmul else None
    rng = np.random.default_rng(0)
    print(f"### Nearest-story search, CPU ms per query (k = {args.k}, dim {args.dim}, single thread)\n")
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}, "
        f"faiss-cpu {__import__('faiss').__version__}, {dt.date.today().isoformat()}\n"
    )
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
    extra = f" numpy `@` ms/query (OPENBLAS_NUM_THREADS {threads}) |" if mm else ""
    print(f"| pool rows | numpy ms/query | faiss ms/query | faiss speed-up | same top-k |{extra}")
    print("|---|---|---|---|---|" + ("---|" if mm else ""))
    for n in args.sizes:
        cent = rng.standard_normal((n, args.dim)).astype(np.float32)
        cent /= np.linalg.norm(cent, axis=1, keepdims=True)
        live = rng.random(n) > 0.3
        cent[~live] = 0.0
        # queries near live rows, as an article is near its story
        idx = rng.choice(np.flatnonzero(live), args.queries)
        q = cent[idx] + 0.3 * rng.standard_normal((args.queries, args.dim)).astype(np.float32) / np.sqrt(args.dim)
        q /= np.linalg.norm(q, axis=1, keepdims=True)
        time_backend(nu, cent, live, q[:10], args.k)  # warm up
        time_backend(fa, cent, live, q[:10], args.k)
        t_np, r_np = time_backend(nu, cent, live, q, args.k)
        t_fa, r_fa = time_backend(fa, cent, live, q, args.k)
        same = sum(a == b for a, b in zip(r_np, r_fa, strict=True)) / len(q)
        line = f"| {n:,} | {t_np:.3f} | {t_fa:.3f} | {t_np / t_fa:.2f}x | {same:.0%} |"
        if mm:
            time_backend(mm, cent, live, q[:10], args.k)
            t_mm, r_mm = time_backend(mm, cent, live, q, args.k)
            if r_mm != r_np:  # float sums in another order can swap near-ties
                print(
                    f"{n:,} rows: `@` and einsum order {sum(x != y for x, y in zip(r_mm, r_np, strict=True))} queries differently",
                    file=sys.stderr,
                )
            line += f" {t_mm:.3f} |"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
