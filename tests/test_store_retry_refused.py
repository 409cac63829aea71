"""An input the store refused before is cleaned again on re-ingest, not its old problem repeated forever."""

from __future__ import annotations

import shutil
from pathlib import Path

import newsprism
from newsprism.clean import clean_documents
from newsprism.errors import InputError
from newsprism.store import open_store
from newsprism.store.ingest import Ingestor

DEMO = Path(newsprism.api.DEMO_CORPUS)
STUB = '<html><head><meta http-equiv="refresh" content="0; url=https://news.example/xi"></head><body></body></html>'


def _older_cleaner(raws, on_error=None):
    """What an older newsprism did: refused the first demo article (and said less about the stub)."""
    keep = []
    for raw in raws:
        if raw.source.endswith(("000_d926349e394c1f47.txt", "stub.html")):
            on_error(InputError(raw.source, "HTML page has no article text" if "stub" in raw.source else "no article"))
        else:
            keep.append(raw)
    return clean_documents(keep, on_error=on_error)


def _run(db: Path, folder: Path, cleaner=None):
    store = open_store(str(db))
    errors: list[InputError] = []
    try:
        kwargs = {"cleaner": cleaner} if cleaner else {}
        report = Ingestor(store, embedder=None, on_error=errors.append, **kwargs).run([str(folder)])
        return report, [str(e) for e in errors], store.count("articles")
    finally:
        store.close()


def test_a_refused_input_is_read_by_the_next_run_and_a_bad_one_says_todays_reason(tmp_path: Path):
    folder = tmp_path / "in"
    shutil.copytree(DEMO, folder)
    (folder / "stub.html").write_text(STUB, encoding="utf-8")
    db = tmp_path / "s.db"
    first, _, stored = _run(db, folder, _older_cleaner)
    assert (first.added, first.errors, stored) == (4, 2, 4)
    again, errors, stored = _run(db, folder)
    assert (again.added, again.already, again.errors, stored) == (1, 4, 1, 5)
    assert errors == [
        f"{folder / 'stub.html'}: HTML page has no article text (it is a redirect to https://news.example/xi: "
        "read that page instead)"
    ]
    third, errors, stored = _run(db, folder)
    assert (third.added, third.already, third.errors, stored) == (0, 5, 1, 5) and len(errors) == 1
