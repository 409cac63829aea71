"""The web app's Add page names each problem by the file the user uploaded, with its line or record."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.web import create_app

GOOD = (
    "The Main Street bridge in Springfield closed on Monday for six months of repairs, the city council said. "
    "Mayor Ann Lee said buses would take a longer route while the bridge is shut."
)


def _problems(page: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", li)).strip() for li in re.findall(r"<li[^>]*>(.*?)</li>", page, re.S)]


def test_upload_problems_name_the_users_file_and_line(tmp_path: Path) -> None:
    export = json.dumps({"id": "a1", "text": GOOD, "outlet": "Gazette"}) + "\n" + '{"id": "a2", "text": "cut off\n'
    with TestClient(create_app(tmp_path / "news.db", embedder="hash", nlp="regex")) as client:
        resp = client.post(
            "/add",
            files=[
                ("files", ("export.jsonl", export.encode(), "application/json")),
                ("files", ("C:\\Users\\me\\notes.txt", b"\x00\x01\x02" * 50, "text/plain")),
            ],
        )
        assert resp.status_code == 200
        problems = _problems(resp.text)
        # Before: every problem read 'your submission: …', with no file name and no line number.
        assert any(p.startswith("export.jsonl:2: invalid JSON") for p in problems), problems
        assert "notes.txt: binary data, not text or HTML" in problems, problems
        short = client.post("/add", data={"text": "Too short."})
        assert short.status_code == 422
        assert any(p.startswith("the pasted text: no article text left") for p in _problems(short.text))
