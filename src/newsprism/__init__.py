"""newsprism: turn a pile of news articles from many outlets into cited, neutral story briefs."""

from newsprism.api import brief, clean, cluster, dedupe, quotes
from newsprism.model import Article, Brief, Story, StoryBrief

__all__ = ["Article", "Brief", "Story", "StoryBrief", "brief", "clean", "cluster", "dedupe", "quotes"]
__version__ = "0.1.0"
