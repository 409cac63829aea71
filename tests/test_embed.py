"""Embedding backends: registry wiring, normalisation, determinism, sensible similarities."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism import registry
from newsprism.analyze.embed import CachedEmbedder, get_embedder, text_key


def test_registered_backends():
    assert {"hash", "minilm"} <= set(registry.names("embedder"))
    with pytest.raises(KeyError):
        get_embedder("nope")


def test_hash_is_deterministic_and_normalised():
    e = get_embedder("hash")
    texts = ["Xi Jinping visits Moscow", "Putin meets Xi in the Kremlin", ""]
    a, b = e.embed(texts), get_embedder("hash").embed(list(texts))
    assert a.dtype == np.float32 and a.shape == (3, e.dim)
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a[:2], axis=1), 1.0, atol=1e-5)
    assert not a[2].any()  # empty text: zero vector, no NaN
    assert e.embed([]).shape == (0, e.dim)


def test_hash_overlap_similarity():
    v = get_embedder("hash").embed(
        ["the quake hit the island", "a quake hit the island", "stocks rallied on wall street"]
    )
    assert v[0] @ v[1] > v[0] @ v[2]


def test_cache_hook_skips_seen_texts():
    calls: list[list[str]] = []

    class Counting:
        name, dim = "count", 4

        def embed(self, texts):
            calls.append(list(texts))
            return np.eye(4, dtype=np.float32)[[len(t) % 4 for t in texts]]

    cache: dict[str, np.ndarray] = {}
    e = CachedEmbedder(Counting(), cache)
    first = e.embed(["ab", "abc", "ab"])
    assert calls == [["ab", "abc"]] and set(cache) == {text_key("ab"), text_key("abc")}
    again = e.embed(["abc", "ab"])
    assert len(calls) == 1
    assert np.array_equal(again, first[[1, 0]])
    assert get_embedder("hash", cache={}).name == "hash"


def test_minilm_paraphrases_closer_than_unrelated():
    e = get_embedder("minilm")
    v = e.embed(
        [
            "A strong earthquake struck southern Iran on Sunday.",
            "On Sunday a powerful quake hit the south of Iran.",
            "The central bank raised interest rates by half a point.",
            "The Fed increased rates by 50 basis points.",
        ]
    )
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sims = v @ v.T
    assert sims[0, 1] > 0.7 and sims[2, 3] > 0.5
    assert sims[0, 1] > sims[0, 2] + 0.3 and sims[2, 3] > sims[1, 3] + 0.3
    # batching and padding do not change a text's vector
    alone = e.embed(["On Sunday a powerful quake hit the south of Iran."])[0]
    assert np.allclose(alone, v[1], atol=1e-4)
