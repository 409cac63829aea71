"""The local web app: story list, story briefs, highlighted source articles, an ingest form and a JSON API.

Server-rendered (Jinja2, autoescaped) and script-free, so it works without JavaScript and a hostile
article can only ever show up as text: every page also carries a CSP that forbids scripts.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism import api
from newsprism.errors import InputError
from newsprism.model import Article, Brief, StoryBrief
from newsprism.render import brief_to_json_dict
from newsprism.render.cite import source_date
from newsprism.render.html import mark_article, render_html, safe_url, story_context
from newsprism.web import queries
from newsprism.web.briefs import BriefCache

MAX_UPLOAD_BYTES = 10 * 2**20
"""One uploaded file (or pasted text) larger than this is refused with 413."""
MAX_FILES = 20
MAX_BODY_BYTES = 32 * 2**20
"""A whole form submission larger than this is refused with 413 before it is read."""
INBOX = ".newsprism-inbox"
"""Folder beside the store where submitted texts and files wait for ingest (content-hash names)."""
UPLOAD_SUFFIXES = (
    ".txt",
    ".md",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".arc",
)

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


class BodyTooLarge(Exception):
    """A request body went over :data:`MAX_BODY_BYTES` while it was being read."""


class BodyLimit:
    """ASGI middleware: refuse oversized bodies from Content-Length at once, and cut off streams that lie."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _too_large(scope, send, f"The submission is over the {self.limit // 2**20} MiB limit.")
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        await self.app(scope, limited, send)


async def _too_large(scope: Scope, send: Send, text: str) -> None:
    if scope.get("path", "").startswith("/api/"):
        response: Response = JSONResponse({"detail": text}, status_code=413)
    else:
        response = HTMLResponse(
            f"<!doctype html><title>Too large</title><h1>413 Too large</h1><p>{text}</p>", status_code=413
        )
    await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:  # pragma: no cover - a plain response never reads
    return {"type": "http.disconnect"}


def _environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("newsprism.web", "templates"), PackageLoader("newsprism.render", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.globals["source_date"] = source_date  # an article's date as the brief shows it
    return env


class _Stores(threading.local):
    """One store connection per worker thread (SQLite connections are not shared across threads)."""

    store: Any = None


def _article_href(story_id: str) -> Callable[[str, int | None, int | None], str]:
    def href(aid: str, start: int | None, end: int | None) -> str:
        url = f"/articles/{quote(aid, safe='')}?story={quote(story_id, safe='')}"
        if start is not None and end is not None:
            url += f"&start={start}&end={end}#hl"
        return url

    return href


def _upload_name(filename: str | None) -> str:
    """An uploaded file's name fit to show in a message (its last path part; never used as a path)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:120] or "the uploaded file"


def _upload_suffix(filename: str | None) -> str:
    """A known format suffix of the client's file name (``.html``, ``.jsonl.gz``…), else ``.txt``.

    Only the suffix is looked at, and only to pick a reader: the name itself never becomes a path.
    """
    name = (filename or "").lower().replace("\\", "/").rsplit("/", 1)[-1]
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    suffix = next((s for s in UPLOAD_SUFFIXES if name.endswith(s)), ".txt")
    return suffix + (".gz" if gz else "")


def create_app(
    db_path: str | Path,
    *,
    embedder: str = api.DEFAULT_EMBEDDER,
    nlp: str = api.DEFAULT_NLP,
    allow_private: bool = False,
    inbox_dir: str | Path | None = None,
) -> FastAPI:
    """The app serving the store at ``db_path``: a SQLite file (created when missing) or a PostgreSQL URL.

    ``allow_private`` lets submitted URLs reach private network addresses (off: the fetcher refuses them).
    Submissions are written to ``inbox_dir`` before ingesting (default: next to a SQLite file, else
    ``.newsprism-inbox`` in the working directory).
    """
    from newsprism.store import backend_for

    if backend_for(str(db_path)) == "sqlite":
        db = str(Path(db_path).resolve())
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        default_inbox = Path(db).parent / INBOX
    else:
        db, default_inbox = str(db_path), Path.cwd() / INBOX
    inbox = Path(inbox_dir).resolve() if inbox_dir is not None else default_inbox
    stores = _Stores()
    cache = BriefCache(embedder=embedder, nlp=nlp)
    ingest_lock = threading.Lock()
    templates = Jinja2Templates(env=_environment())

    app = FastAPI(
        title="newsprism",
        summary="Cited, neutral story briefs from many outlets' articles.",
        description="Browse the stories in a newsprism store, read their briefs and the cited source "
        "sentences, and add articles. The HTML pages live at `/`; this is the JSON API.",
        version="1",
    )
    app.state.db = db
    app.state.briefs = cache
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    def store() -> Any:
        if stores.store is None:
            from newsprism.store import open_store

            stores.store = open_store(db)
        return stores.store

    def conn() -> Any:
        return queries.conn_of(store())

    def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=code)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html.j2", exc.status_code, status=exc.status_code, message=exc.detail)

    @app.exception_handler(BodyTooLarge)
    async def body_too_large(request: Request, exc: BodyTooLarge) -> Response:
        text = f"The submission is over the {MAX_BODY_BYTES // 2**20} MiB limit."
        if wants_json(request):
            return JSONResponse({"detail": text}, status_code=413)
        return page(request, "error.html.j2", 413, status=413, message=text)

    # ------------------------------------------------------------ data access
    def load_story(story_id: str) -> tuple[queries.StoryRow, list[Article]]:
        row = queries.story_row(conn(), story_id)
        if row is None:
            raise HTTPException(404, f"No story {story_id!r} in this store.")
        articles = [a for aid in queries.story_article_ids(conn(), story_id) if (a := store().get_article(aid))]
        return row, articles

    def story_brief(story_id: str) -> tuple[queries.StoryRow, StoryBrief, list[Article]]:
        row, articles = load_story(story_id)
        try:
            brief = cache.get(story_id, row.title, articles)
        except ValueError as exc:
            raise HTTPException(500, str(exc)) from exc
        return row, brief, articles

    def load_article(article_id: str) -> Article:
        article = store().get_article(article_id)
        if article is None:
            raise HTTPException(404, f"No article {article_id!r} in this store.")
        return article

    # ------------------------------------------------------------ HTML pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, order: str = "newest", q: str = "", offset: int = Query(0, ge=0)) -> HTMLResponse:
        order = order if order in queries.ORDERS else "newest"
        limit = 50
        if q.strip():
            rows = queries.search_stories(conn(), q, limit=limit, offset=offset)
            loose = [h for h in queries.search(conn(), q, limit=20) if h.story is None] if not offset else []
            total = queries.count_search_stories(conn(), q)
        else:
            rows, loose = queries.list_stories(conn(), order, limit=limit, offset=offset), []
            total = queries.count_stories(conn())
        return page(
            request,
            "index.html.j2",
            stories=rows,
            loose=loose,
            order=order,
            q=q,
            offset=offset,
            limit=limit,
            total=total,
            stats=store().stats(),
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        row, brief, articles = story_brief(story_id)
        ctx = story_context(brief, {a.id: a for a in articles}, article_href=_article_href(story_id))
        return page(request, "story.html.j2", ctx=ctx, row=row, title=brief.title or row.title)

    @app.get("/stories/{story_id}/report.html", response_class=HTMLResponse, include_in_schema=False)
    def story_report(story_id: str) -> HTMLResponse:
        _, brief, articles = story_brief(story_id)
        html = render_html(Brief(stories=[brief]), {a.id: a for a in articles})
        return HTMLResponse(
            html, headers={"Content-Disposition": f'attachment; filename="brief-{quote(story_id)}.html"'}
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(
        request: Request, article_id: str, start: int | None = None, end: int | None = None, story: str | None = None
    ) -> HTMLResponse:
        article = load_article(article_id)
        story_id = queries.story_of(conn(), article.id)
        hl = (start, end) if start is not None and end is not None and 0 <= start < end <= len(article.text) else None
        bad_range = (start is not None or end is not None) and hl is None
        spans: list[tuple[int, int]] = []
        if story_id is not None:
            members = [a for aid in queries.story_article_ids(conn(), story_id) if (a := store().get_article(aid))]
            cached = cache.peek(members)
            if cached is not None:
                spans = [(s.start, s.end) for s in _spans_of(cached) if s.article == article.id]
        if hl:
            # Why: marks must nest, so a span crossing the requested one would swallow it (no '#hl' anchor).
            spans = [sp for sp in spans if not _crosses(sp, hl)] + [hl]
        marked = mark_article(1, article.text, spans, prefix="a-", named={hl: "hl"} if hl else None)
        return page(
            request,
            "article.html.j2",
            article=article,
            story_id=story_id,
            marked=marked,
            hl_text=article.text[hl[0] : hl[1]] if hl else None,
            bad_range=bad_range,
            url=safe_url(article.url),
            title=article.title or article.id,
        )

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form(request: Request) -> HTMLResponse:
        return page(request, "add.html.j2", limit_mib=MAX_UPLOAD_BYTES // 2**20, max_files=MAX_FILES)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_submit(request: Request) -> HTMLResponse:
        form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=MAX_UPLOAD_BYTES)
        text = str(form.get("text") or "").strip()
        url = str(form.get("url") or "").strip()
        meta = {k: str(form.get(k) or "").strip() for k in ("title", "outlet", "published", "authors")}
        uploads: list[tuple[str, bytes, str]] = []
        for item in form.getlist("files"):
            if not isinstance(item, UploadFile) or not (item.filename or item.size):
                continue
            data = await item.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise HTTPException(
                    413, f"The file {item.filename!r} is over the {MAX_UPLOAD_BYTES // 2**20} MiB limit per file."
                )
            if data.strip():
                uploads.append((_upload_suffix(item.filename), data, _upload_name(item.filename)))
        if len(text.encode()) > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"The pasted text is over the {MAX_UPLOAD_BYTES // 2**20} MiB limit.")
        problems: list[str] = []
        if url and not safe_url(url):
            problems.append("The URL must be an http:// or https:// address.")
            url = ""
        if not (text or url or uploads) and not problems:
            problems.append("Paste an article's text, give its URL, or choose files to upload.")
        if not (text or url or uploads):
            return page(
                request,
                "add.html.j2",
                422,
                limit_mib=MAX_UPLOAD_BYTES // 2**20,
                max_files=MAX_FILES,
                problems=problems,
                form=meta | {"text": text},
            )
        result = await run_in_threadpool(ingest_submission, text, meta, url, uploads)
        added, errors = result
        errors = problems + errors
        status = 200 if added else 422
        return page(request, "added.html.j2", status, added=added, errors=errors)

    def ingest_submission(
        text: str, meta: dict[str, str], url: str, uploads: list[tuple[str, bytes, str]]
    ) -> tuple[list[dict], list[str]]:
        """Write submissions to the inbox under content-hash names, ingest them, then remove them.

        Problems name the file as the user called it ('export.jsonl:3: invalid JSON …'), never the inbox path.
        """
        files: list[tuple[str, bytes, str]] = list(uploads)
        if text:
            record: dict[str, Any] = {"text": text}
            record.update({k: v for k, v in meta.items() if v and k != "authors"})
            if meta.get("authors"):
                record["authors"] = [a.strip() for a in meta["authors"].split(",") if a.strip()]
            files.append((".json", json.dumps(record, ensure_ascii=False).encode(), "the pasted text"))
        errors: list[str] = []
        names: dict[str, str] = {}

        def on_error(err: InputError) -> None:
            source, problem = err.source, err.problem
            for path, name in names.items():
                source = source.replace(path, name)
                problem = problem.replace(path, name)
            if inbox.as_posix() in source:
                source = "your submission"
            errors.append(f"{source}: {problem}")

        with ingest_lock:
            inbox.mkdir(exist_ok=True)
            paths: list[str] = []
            for suffix, data, name in files:
                path = inbox / (hashlib.sha256(data).hexdigest()[:32] + suffix)
                tmp = path.with_name(path.name + ".part")
                tmp.write_bytes(data)
                os.replace(tmp, path)
                paths.append(str(path))
                names.setdefault(str(path), name)
            sources = paths + ([url] if url else [])
            try:
                api.ingest(sources, db, embedder=embedder, allow_private=allow_private, on_error=on_error)
            finally:
                for p in paths:
                    Path(p).unlink(missing_ok=True)
            ids = queries.articles_from_sources(conn(), sources)
        added = []
        for aid in ids:
            article = store().get_article(aid)
            if article is not None:
                added.append({"article": article, "story": queries.story_of(conn(), aid)})
        return added, errors

    # ------------------------------------------------------------ JSON API
    @app.get("/api/stories", tags=["stories"], summary="List stories")
    def api_stories(
        order: str = Query("newest", pattern="^(newest|covered)$"),
        q: str = "",
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0),
    ) -> dict:
        """Stories newest first or most covered (distinct outlets) first; ``q`` is a full-text search.

        ``total`` counts the stories the listing holds (all, or those matching ``q``); ``offset`` pages either.
        """
        searching = bool(q.strip())
        rows = (
            queries.search_stories(conn(), q, limit=limit, offset=offset)
            if searching
            else queries.list_stories(conn(), order, limit=limit, offset=offset)
        )
        return {
            "total": queries.count_search_stories(conn(), q) if searching else queries.count_stories(conn()),
            "stories": [
                {
                    "id": r.id,
                    "title": r.title,
                    "articles": r.articles,
                    "outlets": r.outlets,
                    "outlet_names": r.outlet_names,
                    "latest": r.latest,
                    "url": f"/api/stories/{quote(r.id, safe='')}",
                }
                for r in rows
            ],
        }

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="A story's brief")
    def api_story(story_id: str) -> dict:
        """The story's brief in the published JSON shape (``docs/brief.schema.json``), one story."""
        _, brief, _ = story_brief(story_id)
        return brief_to_json_dict(Brief(stories=[brief]))

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One stored article")
    def api_article(article_id: str) -> dict:
        """The cleaned article (offsets in citations index its ``text``) and the story it belongs to."""
        article = load_article(article_id)
        return queries.article_json(article, queries.story_of(conn(), article.id))

    return app


def _crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two ranges overlap without one holding the other."""
    return a[0] < b[1] and b[0] < a[1] and not (a[0] <= b[0] and b[1] <= a[1]) and not (b[0] <= a[0] and a[1] <= b[1])


def _spans_of(story: StoryBrief) -> list:
    items: list[Any] = [*story.summary, *story.facts, *story.quotes, *story.timeline]
    items += [v for c in story.contradictions for v in c.variants]
    return [sp for item in items for sp in item.spans]
