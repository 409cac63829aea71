"""newsprism: turn a pile of news articles from many outlets into cited, neutral story briefs."""

# The stage modules share names with the API functions (`newsprism.clean` is both a subpackage and
# the function users call). Import the modules first: Python binds a submodule onto its package
# only when it is first loaded, so the function bindings below then stay in place.
import newsprism.clean
import newsprism.cluster
import newsprism.dedupe  # noqa: F401
from newsprism.api import brief, clean, cluster, dedupe, quotes
from newsprism.model import Article, Brief, Story, StoryBrief

__all__ = ["Article", "Brief", "Story", "StoryBrief", "brief", "clean", "cluster", "dedupe", "quotes"]
__version__ = "0.1.0"
