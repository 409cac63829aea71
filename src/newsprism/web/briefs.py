"""Story briefs computed on demand through :func:`newsprism.api.brief`, cached by the story's article set.

Why keyed by the article set: article ids are content hashes, so the same set always gives the same
brief, and a story that gains an article gets a new key by itself — no invalidation to forget.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict

from newsprism import api
from newsprism.model import Article, StoryBrief


class BriefCache:
    """An LRU of StoryBriefs; one computation at a time (the NLP and embedding models are shared)."""

    def __init__(self, maxsize: int = 64, embedder: str = api.DEFAULT_EMBEDDER, nlp: str = api.DEFAULT_NLP) -> None:
        self.maxsize = maxsize
        self.embedder = embedder
        self.nlp = nlp
        self._data: OrderedDict[tuple[str, ...], StoryBrief] = OrderedDict()
        self._lock = threading.Lock()
        self._compute = threading.Lock()
        self.computed = 0

    @staticmethod
    def key(articles: list[Article]) -> tuple[str, ...]:
        return tuple(sorted(a.id for a in articles))

    def peek(self, articles: list[Article]) -> StoryBrief | None:
        """The cached brief, never computing one."""
        with self._lock:
            return self._data.get(self.key(articles))

    def get(self, story_id: str, title: str, articles: list[Article]) -> StoryBrief:
        """The brief of a stored story: cached, or computed from its articles (kept together as one story)."""
        key = self.key(articles)
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        with self._compute:
            with self._lock:  # another request may have computed it while we waited
                if key in self._data:
                    return self._data[key]
            story = self._build(story_id, title, articles)
            self.computed += 1
        with self._lock:
            self._data[key] = story
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return story

    def _build(self, story_id: str, title: str, articles: list[Article]) -> StoryBrief:
        # The story label keeps the clusterer from splitting articles the store already grouped.
        members = [dataclasses.replace(a, story=story_id) for a in articles]
        brief = api.brief(members, embedder=self.embedder, nlp=self.nlp)
        if not brief.stories:
            raise ValueError(f"no brief could be made for story {story_id}")
        ids = {a.id for a in articles}
        story = max(brief.stories, key=lambda s: (s.id == story_id, len(ids & set(s.articles))))
        return dataclasses.replace(story, id=story_id, title=story.title or title)
