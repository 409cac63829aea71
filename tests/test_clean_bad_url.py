"""A record whose ``url`` cannot be parsed loses its url's site, never the batch it is in."""

from __future__ import annotations

import json
from pathlib import Path

import newsprism
from newsprism.clean.html import host_of, site_of
from newsprism.errors import InputError

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))[:3]]


def test_malformed_bracketed_host_is_no_host():
    assert host_of("http://[oops/x") is None
    assert site_of("http://[oops/x") is None
    assert host_of("https://www.example.com/a") == "example.com"


def test_one_bad_url_among_records_keeps_every_article(tmp_path: Path):
    a, b, c = _texts()
    path = tmp_path / "export.jsonl"
    rows = [
        {"id": "a", "url": "https://news.example.com/a", "text": a},
        {"id": "b", "url": "http://[oops/story", "text": b},  # typo: an opening bracket with no IPv6 address
        {"id": "c", "url": "http://[oops/page", "html": f"<p>{c}</p>"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors: list[InputError] = []
    articles = newsprism.clean([path], on_error=errors.append)
    assert [x.id for x in articles] == ["a", "b", "c"]
    assert articles[0].outlet == "example.com"
    assert articles[1].url == "http://[oops/story" and articles[1].outlet is None
    assert not errors
