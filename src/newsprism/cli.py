"""The ``newsprism`` command: a thin click layer over :mod:`newsprism.api`.

Exit codes: 0 when at least one article was read, 1 when none could be, 2 for usage errors.
Problems with single inputs are warnings on stderr naming the file; the other inputs go on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsprism import api
from newsprism.cluster import ClusterParams
from newsprism.errors import InputError, StoreError
from newsprism.model import to_dict


class _Reporter:
    """Collects input errors and prints each as one clear line on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, err: InputError) -> None:
        self.count += 1
        click.echo(f"warning: {err.source}: {err.problem}", err=True)


def _load(paths: tuple[str, ...]) -> list:
    reporter = _Reporter()
    articles = api.clean(paths, on_error=reporter)
    if not articles:
        click.echo("error: no article could be read from the inputs", err=True)
        sys.exit(1)
    return articles


def _check_output(output: str | None) -> None:
    """Refuse an -o FILE that cannot be written before the work, not after it (exit 2).

    Why: 'brief … -o notes.txt/brief.md' clustered and synthesised every story, then died with a
    FileExistsError traceback from mkdir, the brief lost.
    """
    if not output:
        return
    parent = Path(output).parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.BadParameter(f"cannot create the folder {parent} ({exc.strerror or exc})", param_hint="-o") from exc
    if Path(output).is_dir():
        raise click.BadParameter(f"{output} is a folder", param_hint="-o")


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            click.echo(f"error: cannot write {output} ({exc.strerror or exc})", err=True)
            sys.exit(1)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


paths_arg = click.argument("paths", nargs=-1, required=True)


@click.group()
@click.version_option(package_name="newsprism")
def main() -> None:
    """Turn many outlets' articles into cited, neutral story briefs."""


CLEAN_FIELDS = ("id", "source", "outlet", "title", "authors", "published", "language", "text")


@main.command()
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--all-fields", is_flag=True, help="Also print url, updated, credits and origin fields.")
def clean(paths: tuple[str, ...], fmt: str, all_fields: bool) -> None:
    """Print one cleaned article per line."""
    articles = _load(paths)
    rows = [to_dict(a) if all_fields else {k: getattr(a, k) for k in CLEAN_FIELDS} for a in articles]
    _write(_jsonl(rows), None)


@main.command()
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def dedupe(paths: tuple[str, ...], fmt: str) -> None:
    """Print per article its id, duplicate_of and wire origin."""
    articles = api.dedupe(_load(paths))
    _write(_jsonl([{"id": a.id, "duplicate_of": a.duplicate_of, "origin": a.origin} for a in articles]), None)


@main.command()
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--embedder", default=api.DEFAULT_EMBEDDER, show_default=True)
@click.option(
    "--nn", default=ClusterParams.nn, show_default=True, help="Nearest-story search: numpy, or faiss (optional extra)."
)
def cluster(paths: tuple[str, ...], fmt: str, embedder: str, nn: str) -> None:
    """Print per article its id and story."""
    stories = api.cluster(_load(paths), embedder=embedder, nn=nn)
    rows = [{"id": aid, "story": s.id} for s in stories for aid in s.articles]
    _write(_jsonl(rows), None)


@main.command()
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--nlp", default=api.DEFAULT_NLP, show_default=True)
def quotes(paths: tuple[str, ...], fmt: str, nlp: str) -> None:
    """Print per quote its article, text, speaker and role, whether it is direct or reported speech, and its span."""
    found = api.quotes(_load(paths), nlp=nlp)
    keys = ("article", "text", "speaker", "role", "kind", "start", "end")
    rows = [{k: getattr(q, k) for k in keys} for q in found]
    _write(_jsonl(rows), None)


@main.command()
@paths_arg
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--summary-words", type=int, default=None, help="Target summary length in words.")
@click.option("--embedder", default=api.DEFAULT_EMBEDDER, show_default=True)
@click.option("--nlp", default=api.DEFAULT_NLP, show_default=True)
@click.option(
    "--llm-base-url",
    metavar="URL",
    help="Rewrite summaries with an OpenAI-compatible LLM at URL (e.g. http://localhost:11434/v1); "
    "only sentences verified against their cited sources are kept.",
)
@click.option("--llm-model", metavar="NAME", help="Model name for --llm-base-url (e.g. llama3.1).")
@click.option(
    "--llm-key-env",
    metavar="VAR",
    help="Env var holding the API key [default: NEWSPRISM_LLM_API_KEY, then OPENAI_API_KEY].",
)
@click.option(
    "--llm-timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds to wait for the LLM before keeping the extractive summary.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where stories are analysed and synthesised: this process, or in parallel on Ray.",
)
@click.option("--workers", type=click.IntRange(1, 1024), default=None, help="CPUs for --engine ray [default: all].")
def brief(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    summary_words: int | None,
    embedder: str,
    nlp: str,
    llm_base_url: str | None,
    llm_model: str | None,
    llm_key_env: str | None,
    llm_timeout: float,
    engine: str,
    workers: int | None,
) -> None:
    """Cluster the inputs into stories and write one cited brief per story."""
    from newsprism.render import render

    llm = None
    if llm_base_url or llm_model:
        if not (llm_base_url and llm_model):
            raise click.UsageError("--llm-base-url and --llm-model go together")
        from newsprism.synthesize.llm import get_llm

        try:
            llm = get_llm(
                "openai", base_url=llm_base_url, model=llm_model, api_key_env=llm_key_env, timeout=llm_timeout
            )
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    if llm is not None and engine != "local":
        raise click.UsageError("--llm-* options run with --engine local only")
    _check_output(output)
    articles = _load(paths)
    result = api.brief(
        articles, embedder=embedder, nlp=nlp, summary_words=summary_words, llm=llm, engine=engine, workers=workers
    )
    _report_llm(result)
    _write(render(result, fmt, {a.id: a for a in articles}), output)


def _report_llm(result) -> None:
    """One stderr line per fallback and per dropped LLM sentence, so Markdown/HTML users see them too."""
    for story in result.stories:
        rep = story.summary_llm
        if rep is None:
            continue
        for r in rep.rejected:
            click.echo(f"llm: {story.id}: dropped ({r.reason}: {r.detail}): {r.text}", err=True)
        if rep.used:
            click.echo(f"llm: {story.id}: kept {rep.kept} verified sentence(s), dropped {len(rep.rejected)}", err=True)
        else:
            click.echo(f"warning: llm: {story.id}: kept the extractive summary: {rep.fallback}", err=True)


@main.command()
@click.option("-o", "--out-dir", default="out", show_default=True, type=click.Path(file_okay=False))
@click.option("--embedder", default=api.DEFAULT_EMBEDDER, show_default=True)
@click.option("--nlp", default=api.DEFAULT_NLP, show_default=True)
def demo(out_dir: str, embedder: str, nlp: str) -> None:
    """Run the whole pipeline on the bundled demo corpus; write Markdown, HTML and JSON briefs."""
    from newsprism.render import render

    corpus = api.demo_corpus()
    articles = _load((str(corpus),))
    result = api.brief(articles, embedder=embedder, nlp=nlp)
    by_id = {a.id: a for a in articles}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    click.echo(f"newsprism demo: {len(articles)} articles from {corpus} -> {len(result.stories)} story brief(s)")
    for fmt, name in (("md", "brief.md"), ("html", "brief.html"), ("json", "brief.json")):
        path = out / name
        path.write_text(render(result, fmt, by_id), encoding="utf-8")
        click.echo(f"  {fmt:4} {path.resolve()}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the brief."""
    from newsprism.render.schema import brief_schema

    click.echo(json.dumps(brief_schema(), indent=2))


@main.command()
@paths_arg
@click.option("--db", default=api.DEFAULT_DB, show_default=True, help="Store: SQLite file or postgresql:// URL.")
@click.option("--fetch", is_flag=True, help="Fetch the linked page of feed entries that carry only a teaser.")
@click.option(
    "--allow-private", is_flag=True, help="Let URL fetching reach private, loopback and link-local addresses."
)
@click.option("--embedder", default=api.DEFAULT_EMBEDDER, show_default=True, help="Embedder for story clustering.")
@click.option("--batch-size", type=click.IntRange(1, 10000), default=None, help="Inputs per transaction.")
def ingest(
    paths: tuple[str, ...], db: str, fetch: bool, allow_private: bool, embedder: str, batch_size: int | None
) -> None:
    """Read, clean, dedupe and cluster the inputs into the store; safe to interrupt and rerun."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from newsprism.store.ingest import expand

    console = Console(stderr=True)
    units = expand(paths)
    show = console.is_terminal and len(units) > 20
    progress = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show,
    )
    task = progress.add_task("ingest", total=len(units))

    def on_error(err: InputError) -> None:
        line = f"warning: {err.source}: {err.problem}"
        if show:
            progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)

    try:
        with progress:
            report = api.ingest(
                units,
                db,
                fetch=fetch,
                allow_private=allow_private,
                embedder=embedder,
                on_error=on_error,
                on_progress=lambda done, total, unit: progress.update(task, completed=done),
                batch_size=batch_size,
            )
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(
        f"{db}: {report.added} new article(s), {report.already} already stored, {report.errors} problem(s); "
        f"{report.stories} stories in the store",
        err=True,
    )
    if report.articles == 0:
        click.echo("error: no article could be read from the inputs", err=True)
        sys.exit(1)


@main.command()
@click.option("--db", default=api.DEFAULT_DB, show_default=True, help="Store: SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def stats(db: str, fmt: str) -> None:
    """Print what the store holds: articles, stories, sources, outlets."""
    try:
        counts = api.stats(db)
    except (FileNotFoundError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
    else:
        width = max(len(k) for k in counts)
        click.echo("".join(f"{k:<{width}}  {v}\n" for k, v in counts.items()), nl=False)


def _without_password(url: str) -> str:
    """A server URL fit to print: the password replaced by ``***``."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


@main.command()
@click.option(
    "--db",
    default=str(api.DEFAULT_DB),
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The store to serve: a SQLite file (created when missing) or a postgresql:// URL.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--embedder", default=api.DEFAULT_EMBEDDER, show_default=True)
@click.option("--nlp", default=api.DEFAULT_NLP, show_default=True)
@click.option(
    "--allow-private", is_flag=True, help="Let submitted URLs reach private, loopback and link-local addresses."
)
def serve(db: str, host: str, port: int, embedder: str, nlp: str, allow_private: bool) -> None:
    """Browse the store's stories and briefs, and add articles, in a local web app."""
    import uvicorn

    from newsprism.store import backend_for
    from newsprism.web import create_app

    where = Path(db).resolve() if backend_for(db) == "sqlite" else _without_password(db)
    click.echo(f"newsprism: serving {where} on http://{host}:{port}/ (API docs at /docs)", err=True)
    app = create_app(db, embedder=embedder, nlp=nlp, allow_private=allow_private)
    uvicorn.run(app, host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover
    main()
