"""Markdown posts: front matter is metadata, Markdown markup is not article text."""

from __future__ import annotations

from pathlib import Path

import newsprism
from newsprism.errors import InputError
from newsprism.ingest.markdown import front_matter, strip_markdown

DEMO = Path(newsprism.api.DEMO_CORPUS)


def _demo() -> tuple[str, list[str]]:
    title, _, body = sorted(DEMO.glob("*.txt"))[0].read_text(encoding="utf-8").strip().partition("\n")
    return title.strip(), [p.strip() for p in body.split("\n") if p.strip()]


def test_a_hugo_post_cleans_like_the_same_article_as_plain_text(tmp_path: Path):
    title, paras = _demo()
    marked = [
        p.replace("Xi Jinping", "**Xi Jinping**", 1).replace("Putin", "[Putin](https://en.wikipedia.org/wiki/Putin)", 1)
        for p in paras
    ]
    post = (
        "---\n"
        f'title: "{title}"\n'
        "date: 2023-03-17T10:00:00+01:00\n"
        "authors:\n  - Jane Doe\n  - Sam Poe\n"
        "tags: [china, russia]\n"
        "---\n\n"
        f"# {title}\n\n" + "\n\n".join(marked) + "\n\n![Xi and Putin](/img/xi.jpg)\n"
    )
    (tmp_path / "post.md").write_text(post, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    md, txt = newsprism.clean([tmp_path / "post.md", tmp_path / "plain.txt"], on_error=errors.append)
    assert (md.title, md.published, md.authors) == (title, "2023-03-17T10:00:00+01:00", ["Jane Doe", "Sam Poe"])
    assert md.text == txt.text
    assert not any(mark in md.text for mark in ("**", "](", "tags:", "date:", "---"))


def test_front_matter_forms():
    meta, rest = front_matter("---\ntitle: 'A title'\nauthor: Ann Lee\ndate: 17/03/2023\n---\nBody\n")
    assert meta == {"title": "A title", "authors": ["Ann Lee"], "published": "2023-03-17"} and rest == "Body\n"
    meta, _ = front_matter("---\nauthors:\n  - name: Bo Li\n---\n")
    assert meta == {"authors": ["Bo Li"]}
    assert front_matter("No front matter\n---\n") == ({}, "No front matter\n---\n")


def test_markup_is_removed_and_words_are_kept():
    assert strip_markdown("## Heading ##") == "Heading"
    assert strip_markdown("> said **Mr. Lee**, a _former_ official.") == "said Mr. Lee, a former official."
    assert strip_markdown("- a [link](http://x.example/a_(b)) and snake_case_name") == "a link and snake_case_name"
    assert strip_markdown("5 * 3 * 2 is 30, and 2*3 is 6") == "5 * 3 * 2 is 30, and 2*3 is 6"
    assert strip_markdown("Title\n=====\ntext") == "Title\n\ntext"


def test_a_markdown_file_with_only_front_matter_is_named(tmp_path: Path):
    (tmp_path / "draft.md").write_text("---\ntitle: Draft\n---\n", encoding="utf-8")
    errors: list[InputError] = []
    assert newsprism.clean([tmp_path / "draft.md"], on_error=errors.append) == []
    assert [str(e) for e in errors] == [f"{tmp_path / 'draft.md'}: Markdown file holds front matter only, no text"]
