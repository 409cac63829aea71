"""Feed entry links: a relative RSS link is resolved against the feed, a guid that is no URL is not a url."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import newsprism
from newsprism.ingest import read_inputs
from newsprism.ingest.feed import read_feed
from newsprism.model import RawDocument

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _bodies() -> list[str]:
    return [p.read_text(encoding="utf-8").strip().partition("\n")[2].strip() for p in sorted(DEMO.glob("*.txt"))]


def _docs(source: str, data: str) -> list[RawDocument]:
    return [d for d in read_feed(source, data.encode()) if isinstance(d, RawDocument)]


def test_relative_rss_links_are_resolved_against_the_channel_link(tmp_path: Path):
    a, b, *_ = _bodies()
    feed = tmp_path / "ledger.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><link>https://ledger.example/</link>'
        f"<item><title>Xi in Moscow</title><link>/world/xi-moscow</link><description>{escape(a)}</description></item>"
        f"<item><title>Kyiv</title><link>kyiv.html</link><description>{escape(b)}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    docs = [d for d in read_inputs([feed]) if isinstance(d, RawDocument)]
    assert [d.meta["url"] for d in docs] == [
        "https://ledger.example/world/xi-moscow",
        "https://ledger.example/kyiv.html",
    ]
    assert docs[0].id == "https://ledger.example/world/xi-moscow"
    articles = newsprism.clean([feed])
    assert [x.outlet for x in articles] == ["Ledger", "Ledger"]
    assert articles[0].url == "https://ledger.example/world/xi-moscow"


def test_a_feed_fetched_from_a_url_resolves_against_that_url():
    a = _bodies()[0]
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
        f"<item><title>Xi</title><link>../world/xi</link><description>{escape(a)}</description></item>"
        "</channel></rss>"
    )
    (doc,) = _docs("https://ledger.example/feeds/world.rss", data)
    assert doc.meta["url"] == "https://ledger.example/world/xi"


def test_a_guid_that_is_not_a_url_is_not_the_entry_url():
    a, b, c, *_ = _bodies()
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>'
        f"<item><title>One</title><guid>story-42</guid><description>{escape(a)}</description></item>"
        f"<item><title>Two</title><guid>https://wire.example/two</guid><description>{escape(b)}</description></item>"
        "</channel></rss>"
    )
    one, two = _docs("wire.rss", rss)
    assert "url" not in one.meta and one.id == "story-42"
    assert two.meta["url"] == "https://wire.example/two"  # a permalink guid is the page
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>'
        f"<entry><title>Three</title><id>urn:uuid:3</id><updated>2023-03-17T10:00:00Z</updated>"
        f"<content type='text'>{escape(c)}</content></entry></feed>"
    )
    (three,) = _docs("blog.atom", atom)
    assert "url" not in three.meta and three.id == "urn:uuid:3"
