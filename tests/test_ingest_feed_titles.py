"""Feed titles, feed names and authors as text: entities decoded once, tags and 'By' dropped."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import newsprism
from newsprism.ingest.feed import read_feed
from newsprism.model import RawDocument

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _body() -> str:
    return sorted(DEMO.glob("*.txt"))[0].read_text(encoding="utf-8").strip().partition("\n")[2].strip()


def test_html_titles_are_decoded_and_authors_lose_their_by(tmp_path: Path):
    body = escape(_body())
    rss = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Ledger &amp;amp; Co</title>"
        f"<item><title>Xi &amp;amp; Putin&amp;#8217;s talks &lt;b&gt;live&lt;/b&gt;</title><description>{body}</description>"
        "<dc:creator>By Sam Poe</dc:creator></item>"
        f"<item><title><![CDATA[Xi &amp; Putin&#8217;s <i>talks</i>]]></title><description>{body} More.</description>"
        "<author>jane@example.com (Jane Doe)</author></item>"
        f"<item><title>AT&amp;T &lt;3 fans</title><description>{body} Again.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "ledger.rss"
    path.write_text(rss, encoding="utf-8")
    docs = [d for d in read_feed(str(path), rss.encode()) if isinstance(d, RawDocument)]
    assert [d.meta["title"] for d in docs] == ["Xi & Putin’s talks live", "Xi & Putin’s talks", "AT&T <3 fans"]
    assert docs[0].meta["outlet"] == "Ledger & Co"
    assert docs[0].meta["authors"] == ["Sam Poe"] and docs[1].meta["authors"] == ["Jane Doe"]
    articles = newsprism.clean([path])
    assert articles[0].title == "Xi & Putin’s talks live" and articles[0].authors == ["Sam Poe"]
