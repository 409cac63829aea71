"""clean_document on an HTML fragment handed over directly (not through ingest): read, not 'could not be parsed'."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.model import RawDocument

BRIDGE = (
    "The city council of Springfield voted on Monday to close the Main Street bridge for six months of repairs. "
    "Mayor Ann Lee said the work would cost 4 million dollars and that buses would take a longer route. "
    "Shop owners near the bridge said they feared losing customers during the busy summer season."
)


@pytest.mark.parametrize(
    "content",
    [
        f"<p>{BRIDGE}</p>",
        f"<div><p>{BRIDGE}</p></div>",
        BRIDGE.replace("4 million", "&euro;4 million"),  # typed html, no tag at all
    ],
)
def test_fragment_of_kind_html_is_cleaned(content: str):
    art = clean_document(
        RawDocument(id="frag", source="frag.json", content=content, kind="html", meta={"outlet": "Gazette"})
    )
    assert "Main Street bridge" in art.text and "busy summer season" in art.text
    assert "<p>" not in art.text and "&euro;" not in art.text
    assert art.outlet == "Gazette"
