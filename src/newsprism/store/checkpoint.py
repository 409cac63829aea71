"""Checkpoints of the story clusterer's in-memory state, so an ingest run replays only newer articles.

Why: without one, every run that brings new work replays *every* stored article through the
clusterer to rebuild its state (about a millisecond each: a quarter of an hour at a million
articles). The checkpoint is taken where a replay would stand — after the run's last ``add`` and
before ``merge`` — so restoring it and replaying the rest ends exactly where a full replay would.

Why a restricted unpickler: the state lives in the database, and a shared PostgreSQL server must
not become a way to run code on every ingest worker; only the clusterer's own classes, numpy arrays
and a few builtins load. Anything unexpected (another code version, another embedder, a damaged or
foreign blob, a store that other writers fed meanwhile) falls back to the full replay.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

NAME = "clusterer"
_ALLOWED = {
    ("collections", "Counter"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("numpy", "dtype"),
    ("numpy", "ndarray"),
    ("numpy._core.numeric", "_frombuffer"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "_reconstruct"),
}


class _Restricted(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED or (module == "newsprism.cluster" and not name.startswith("__")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"checkpoint refers to {module}.{name}, which a clusterer state never holds")


def fingerprint(clusterer: Any) -> str:
    """Code, parameters and embedder the state depends on: a checkpoint of any other is not used."""
    code = Path(sys.modules[type(clusterer).__module__].__file__ or "").read_bytes()
    emb = clusterer.embedder
    key = repr((clusterer.p, getattr(emb, "name", type(emb).__name__), int(emb.dim)))
    return hashlib.sha256(code + b"\0" + key.encode()).hexdigest()


def freeze(clusterer: Any) -> bytes:
    return zlib.compress(pickle.dumps(clusterer, protocol=5), 1)


def thaw(data: bytes, like: Any) -> Any:
    """The saved state, wired to ``like``'s embedder and callback (``StoryClusterer.attach``)."""
    state = _Restricted(io.BytesIO(zlib.decompress(data))).load()
    if type(state) is not type(like):
        raise pickle.UnpicklingError(f"checkpoint holds a {type(state).__name__}, not a {type(like).__name__}")
    return state.attach(like.embedder, like.on_retire)
