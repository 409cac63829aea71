"""A tiny registry: swappable backends (embedder, nlp, store, llm, extractor) chosen by name.

Backends register a factory under a kind and a name; callers ask ``get(kind, name)``.
Factories are called lazily and their instances cached, so importing a backend
module costs nothing until that backend is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_FACTORIES: dict[str, dict[str, Callable[..., Any]]] = {}
_INSTANCES: dict[tuple[str, str, tuple], Any] = {}


def register(kind: str, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register ``factory`` as backend ``name`` of ``kind``."""

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        _FACTORIES.setdefault(kind, {})[name] = factory
        return factory

    return deco


def names(kind: str) -> list[str]:
    return sorted(_FACTORIES.get(kind, {}))


def get(kind: str, name: str, **options: Any) -> Any:
    """Return the (cached) backend instance ``name`` of ``kind``."""
    try:
        factory = _FACTORIES[kind][name]
    except KeyError:
        raise KeyError(f"unknown {kind} backend {name!r}; available: {', '.join(names(kind)) or 'none'}") from None
    key = (kind, name, tuple(sorted(options.items())))
    if key not in _INSTANCES:
        _INSTANCES[key] = factory(**options)
    return _INSTANCES[key]
