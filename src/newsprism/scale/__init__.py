"""Scale-out: analyse and synthesise many stories at once, with the same briefs as in one process.

Why per story: after clustering, each story's brief (spaCy analysis, alignment, synthesis) needs
only that story's articles, and analysis is the dominant cost (about 4 articles per second per
core with spaCy). So stories are independent tasks. An engine maps the task over them; ``local``
runs them in this process, ``ray`` on a Ray cluster (a local one by default, or ``address=``).
Each worker process loads its NLP model and embedder once (the registry caches backends per
process) and keeps them for every later task. Results come back in task order, so the brief is
identical whatever the engine.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from newsprism import registry
from newsprism.model import Article, Story, StoryBrief

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["Engine", "StoryTask", "brief_story", "get_engine", "synthesize_stories"]


class Engine(Protocol):
    """Runs ``fn`` over ``items`` and returns the results in the items' order."""

    name: str

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]: ...


@dataclass
class StoryTask:
    """Everything one story's brief needs, picklable: backends travel by name, not as objects."""

    story: Story
    articles: list[Article]
    nlp: str
    embedder: str
    options: dict[str, Any] = field(default_factory=dict)


def brief_story(task: StoryTask) -> StoryBrief:
    """One story: analyse its articles, then synthesise the brief (runs wherever the engine puts it)."""
    from newsprism.analyze import analyze
    from newsprism.analyze.embed import get_embedder
    from newsprism.synthesize import synthesize

    analyses = analyze(task.articles, nlp=task.nlp)
    return synthesize(task.story, task.articles, analyses, get_embedder(task.embedder), **task.options)


def synthesize_stories(
    tasks: Sequence[StoryTask], engine: str | Engine = "local", **engine_options
) -> list[StoryBrief]:
    """The briefs of ``tasks`` (in order) on ``engine`` (a name from the registry, or an Engine)."""
    eng = get_engine(engine, **engine_options) if isinstance(engine, str) else engine
    return eng.map(brief_story, list(tasks))


class LocalEngine:
    """In this process, one task after another: the default, and the reference the others must match."""

    name = "local"

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(x) for x in items]


class RayEngine:
    """Tasks as Ray remote functions: a local Ray instance with ``workers`` CPUs, or the cluster at ``address``.

    Ray is an optional dependency (``pip install 'newsprism[scale]'``); it is imported, and the local
    instance started, on first use. Usage statistics and the dashboard are off: newsprism runs without
    network access.
    """

    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers = workers
        self.address = address

    def _ray(self):
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            import ray
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the ray engine needs Ray: pip install 'newsprism[scale]'") from exc
        if not ray.is_initialized():
            # one thread per worker: a worker is one CPU's worth of tasks, so ONNX/BLAS threads would only contend
            env = {"NEWSPRISM_THREADS": "1", "OMP_NUM_THREADS": "1", "RAY_USAGE_STATS_ENABLED": "0"}
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "ignore_reinit_error": True,
                "runtime_env": {"env_vars": env},
            }
            if self.address:
                kwargs["address"] = self.address
            else:
                kwargs["num_cpus"] = self.workers or os.cpu_count() or 1
            ray.init(**kwargs)
        return ray

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        ray = self._ray()
        remote = ray.remote(num_cpus=1)(lambda x, f=fn: f(x))  # any callable, builtins too
        return ray.get([remote.remote(x) for x in items])

    def shutdown(self) -> None:
        import ray

        if ray.is_initialized():
            ray.shutdown()


@registry.register("engine", "local")
def _local() -> LocalEngine:
    return LocalEngine()


@registry.register("engine", "ray")
def _ray_engine(workers: int | None = None, address: str | None = None) -> RayEngine:
    return RayEngine(workers=workers, address=address)


def get_engine(name: str = "local", **options) -> Engine:
    """The execution engine ``name`` (``local``, ``ray``)."""
    return registry.get("engine", name, **options)
