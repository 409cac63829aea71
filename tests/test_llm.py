"""The optional LLM summary against a real local OpenAI-compatible HTTP server: kept, dropped, fallen back."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jsonschema
import pytest
from click.testing import CliRunner

import newsprism
from conftest import DEMO
from newsprism.cli import main
from newsprism.model import Article, Brief, Fact, Span, SummarySentence, to_dict
from newsprism.render import brief_to_json_dict
from newsprism.render.schema import brief_schema
from newsprism.synthesize.llm import (
    Breaker,
    FakeLLM,
    LLMError,
    OpenAIChat,
    Source,
    build_sources,
    check_sentence,
    get_llm,
    numbers,
    parse_reply,
    parse_sources,
    verify,
)

FAST = {"embedder": "hash", "nlp": "regex"}
NUMBER_LIE = ", and 4,700 people attended"
NAME_LIE = ", Angela Merkel said"
QUOTE_LIE = ', calling it "a historic betrayal of the people"'
OFF_TOPIC = "The weather was pleasant and sunny all afternoon, with a light breeze from the river"


def _body(sentence: str) -> str:
    return sentence.rstrip().rstrip(".")


def good_reply(sources: list[tuple[int, str]]) -> str:
    """A well-behaved model: copies of sources 1 and 3, and a shortened source 2, each cited."""
    by_n = dict(sources)
    short = " ".join(by_n[2].split()[:12]).rstrip(",;:")
    return f"{_body(by_n[1])} [1]. {short}. [2]\n{_body(by_n[3])} [3]."


def bad_reply(sources: list[tuple[int, str]]) -> str:
    """One supported sentence and one of every kind of lie, each built on a real source sentence."""
    by_n = dict(sources)
    return "\n".join(
        [
            f"{_body(by_n[1])} [1].",
            f"{_body(by_n[2])}{NUMBER_LIE} [2].",
            f"{_body(by_n[3])}{NAME_LIE} [3].",
            f"{_body(by_n[4])}{QUOTE_LIE} [4].",
            f"{_body(by_n[5])}.",
            f"{_body(by_n[1])} [99].",
            f"{OFF_TOPIC} [2].",
        ]
    )


class FakeOpenAI:
    """A local /v1/chat/completions server; ``mode`` picks the reply, ``requests`` records what came in."""

    def __init__(self) -> None:
        self.mode = "good"
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                mode = server.mode
                if self.path != "/v1/chat/completions":
                    return self._send(404, b'{"error": "not found"}')
                if mode == "500":
                    return self._send(500, b'{"error": {"message": "model crashed"}}')
                if mode == "slow":
                    time.sleep(3)
                if mode == "garbage":
                    return self._send(200, b"<html>this is not json")
                if mode == "nochoices":
                    return self._send(200, b'{"object": "chat.completion", "choices": []}')
                sources = parse_sources(body["messages"][-1]["content"])
                content = good_reply(sources) if mode in ("good", "slow", "parts") else bad_reply(sources)
                if mode == "parts":
                    content = [{"type": "text", "text": content[:10]}, {"type": "text", "text": content[10:]}]
                reply = {
                    "object": "chat.completion",
                    "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
                }
                self._send(200, json.dumps(reply).encode())

            def _send(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    with FakeOpenAI() as s:
        yield s


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch):
    for var in ("NEWSPRISM_LLM_API_KEY", "OPENAI_API_KEY", "MY_LLM_KEY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def demo() -> tuple[list[Article], Brief]:
    articles = newsprism.clean([DEMO])
    return articles, newsprism.brief(articles, **FAST)


def _llm(server: FakeOpenAI, **options) -> OpenAIChat:
    return OpenAIChat(base_url=server.url, model="test-model", **options)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _story_brief(articles, llm):
    brief = newsprism.brief(articles, llm=llm, **FAST)
    assert len(brief.stories) == 1
    return brief.stories[0]


# --------------------------------------------------------------- HTTP end to end
def test_good_reply_is_kept_with_the_cited_spans(demo, server):
    articles, _ = demo
    texts = {a.id: a.text for a in articles}
    story = _story_brief(articles, _llm(server))
    rep = story.summary_llm
    assert rep is not None and rep.used and rep.fallback is None and rep.backend == "openai"
    assert rep.model == "test-model" and rep.rejected == [] and rep.kept == 3
    sources = rep.sources
    assert len(sources) >= 5
    # what the model saw: numbered lines whose text is exactly the first cited span of each source
    for src in sources:
        first = src.spans[0]
        assert _flat(texts[first.article][first.start : first.end]) == _flat(src.text)
    assert [s.text for s in story.summary] == [
        _body(sources[0].text) + ".",
        " ".join(sources[1].text.split()[:12]).rstrip(",;:") + ".",
        _body(sources[2].text) + ".",
    ]
    for sent, src in zip(story.summary, sources[:3], strict=True):
        assert sent.spans == src.spans and sent.articles == src.articles
        for sp in sent.spans:
            assert 0 <= sp.start < sp.end <= len(texts[sp.article])
    # the request: one chat completion, the model name, temperature 0, the numbered sources, no key
    (req,) = server.requests
    assert req["body"]["model"] == "test-model" and req["body"]["temperature"] == 0
    prompt = req["body"]["messages"][-1]["content"]
    assert [t for _, t in parse_sources(prompt)] == [s.text for s in sources]
    assert "[2][5]" in prompt and "authorization" not in {k.lower() for k in req["headers"]}


def test_content_parts_reply_is_read(demo, server):
    articles, _ = demo
    server.mode = "parts"
    rep = _story_brief(articles, _llm(server)).summary_llm
    assert rep.used and rep.kept == 3 and rep.rejected == []


def test_hallucinations_are_dropped_and_reported(demo, server):
    articles, _ = demo
    server.mode = "bad"
    story = _story_brief(articles, _llm(server))
    rep = story.summary_llm
    assert rep.used and rep.kept == 1
    assert [s.text for s in story.summary] == [_body(rep.sources[0].text) + "."]
    assert story.summary[0].spans == rep.sources[0].spans
    reasons = {r.reason: r for r in rep.rejected}
    assert list(reasons) == [
        "unsupported-number",
        "unsupported-name",
        "unverbatim-quote",
        "no-citation",
        "unknown-citation",
        "low-similarity",
    ]
    assert "4700" in reasons["unsupported-number"].detail and reasons["unsupported-number"].cites == [2]
    assert "Angela" in reasons["unsupported-name"].detail and NAME_LIE.strip(", ") in reasons["unsupported-name"].text
    assert "a historic betrayal of the people" in reasons["unverbatim-quote"].detail
    assert reasons["no-citation"].cites == [] and reasons["unknown-citation"].cites == [99]
    assert reasons["low-similarity"].text.startswith("The weather was pleasant")
    # the rejects are in the published JSON and it validates
    data = brief_to_json_dict(Brief(stories=[story]))
    jsonschema.validate(data, brief_schema())
    assert [r["reason"] for r in data["stories"][0]["summary_llm"]["rejected"]] == list(reasons)


@pytest.mark.parametrize(
    ("mode", "timeout", "why"),
    [
        ("500", 10.0, r"HTTP 500: .*model crashed"),
        ("slow", 0.5, r"no reply from http://127\.0\.0\.1:\d+/v1/chat/completions within 0\.5s"),
        ("garbage", 10.0, r"invalid JSON"),
        ("nochoices", 10.0, r"without choices\[0\]\.message\.content"),
    ],
)
def test_endpoint_failure_keeps_the_extractive_summary(demo, server, mode, timeout, why):
    articles, plain = demo
    server.mode = mode
    started = time.monotonic()
    story = _story_brief(articles, _llm(server, timeout=timeout))
    assert time.monotonic() - started < 20
    rep = story.summary_llm
    assert rep is not None and not rep.used and rep.kept == 0
    assert re.search(why, rep.fallback), rep.fallback
    assert to_dict(story.summary) == to_dict(plain.stories[0].summary)
    assert story.summary and len(server.requests) == 1


def test_unreachable_endpoint_falls_back(demo):
    articles, plain = demo
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    story = _story_brief(articles, OpenAIChat(base_url=f"http://127.0.0.1:{port}/v1", model="m", timeout=2))
    assert not story.summary_llm.used and "failed" in story.summary_llm.fallback
    assert to_dict(story.summary) == to_dict(plain.stories[0].summary)


def test_api_key_comes_from_the_environment(server, monkeypatch):
    msgs = [{"role": "user", "content": "[1] Officials met in Geneva on Monday.\n[2] Talks went on.\n[3] x."}]
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    _llm(server).complete(msgs)
    monkeypatch.setenv("NEWSPRISM_LLM_API_KEY", "sk-newsprism")
    _llm(server).complete(msgs)
    monkeypatch.setenv("MY_LLM_KEY", "sk-mine")
    _llm(server, api_key_env="MY_LLM_KEY").complete(msgs)
    auth = [{k.lower(): v for k, v in r["headers"].items()}.get("authorization") for r in server.requests]
    assert auth == ["Bearer sk-openai", "Bearer sk-newsprism", "Bearer sk-mine"]


def test_breaker_stops_asking_an_unreachable_endpoint_but_not_a_failing_one(server):
    msgs = [{"role": "user", "content": "[1] Officials met."}]
    server.mode = "slow"
    llm = Breaker(_llm(server, timeout=0.3))
    with pytest.raises(LLMError, match="within 0.3s"):
        llm.complete(msgs)
    started = time.monotonic()
    with pytest.raises(LLMError, match="skipped, the endpoint was unreachable earlier"):
        llm.complete(msgs)
    assert time.monotonic() - started < 0.2 and len(server.requests) == 1
    server.mode = "500"
    llm = Breaker(_llm(server))
    for _ in range(2):
        with pytest.raises(LLMError, match="HTTP 500"):
            llm.complete(msgs)
    assert len(server.requests) == 3


def test_cli_brief_with_llm_writes_verified_summary_and_reports_drops(server, tmp_path):
    server.mode = "bad"
    out = tmp_path / "brief.json"
    args = [
        "brief",
        str(DEMO),
        "--embedder",
        "hash",
        "--nlp",
        "regex",
        "--format",
        "json",
        "-o",
        str(out),
        "--llm-base-url",
        server.url,
        "--llm-model",
        "cli-model",
        "--llm-timeout",
        "5",
    ]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    jsonschema.validate(data, brief_schema())
    (story,) = data["stories"]
    rep = story["summary_llm"]
    assert rep["used"] and rep["model"] == "cli-model" and len(story["summary"]) == 1
    assert len(rep["rejected"]) == 6
    assert server.requests[0]["body"]["model"] == "cli-model"
    assert res.stderr.count("llm: story-") == 7 and "dropped (unsupported-number" in res.stderr

    server.mode = "500"
    res = CliRunner().invoke(main, args[:-6] + ["--format", "md", "-o", str(tmp_path / "b.md")] + args[-6:])
    assert res.exit_code == 0, res.output
    assert "kept the extractive summary: LLM request failed" in res.stderr
    assert "### Summary" in (tmp_path / "b.md").read_text()


def test_cli_llm_options_go_together():
    res = CliRunner().invoke(main, ["brief", str(DEMO), "--llm-model", "x"])
    assert res.exit_code == 2 and "--llm-base-url and --llm-model go together" in res.output
    res = CliRunner().invoke(main, ["brief", str(DEMO), "--llm-model", "x", "--llm-base-url", "ftp://x"])
    assert res.exit_code == 2 and "http(s)" in res.output


def test_default_brief_has_no_llm_report(demo):
    _, plain = demo
    assert all(s.summary_llm is None for s in plain.stories)
    assert brief_to_json_dict(plain)["stories"][0]["summary_llm"] is None


# ----------------------------------------------------------------- fake backend
def test_fake_backend_by_registry_name_and_injection(demo):
    articles, plain = demo
    story = _story_brief(articles, "fake")
    assert story.summary_llm.backend == "fake" and story.summary_llm.used and story.summary_llm.kept == 3
    assert [s.text for s in story.summary] == [s.text for s in story.summary_llm.sources[:3]]
    liar = get_llm("fake", inject=("Xi Jinping met Joe Biden in Paris [1].",), limit=0)
    story = _story_brief(articles, liar)
    assert not story.summary_llm.used and story.summary_llm.fallback == "no generated sentence passed verification"
    assert [r.reason for r in story.summary_llm.rejected] == ["unsupported-name"]
    assert to_dict(story.summary) == to_dict(plain.stories[0].summary)
    story = _story_brief(articles, FakeLLM(fail="boom"))
    assert story.summary_llm.fallback == "LLM request failed: boom"


def test_a_crashing_backend_never_costs_the_brief(demo):
    class Broken:
        name, model = "broken", "x"

        def complete(self, messages):
            raise RuntimeError("segfault-ish")

    articles, plain = demo
    story = _story_brief(articles, Broken())
    assert story.summary_llm.fallback == "LLM backend error: RuntimeError: segfault-ish"
    assert to_dict(story.summary) == to_dict(plain.stories[0].summary)


# -------------------------------------------------------------------- checks
SRC = Source(
    1,
    "Chinese President Xi Jinping met Vladimir Putin in Moscow on Monday, "
    "the first of three meetings, and said the talks were “frank and friendly”. Twelve aides joined.",
    ["a"],
    [Span("a", 0, 10)],
)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Xi met Putin in Moscow on Monday.", None),
        ("China's President Xi Jinping met Vladimir Putin in Moscow.", None),  # China/Chinese: same stem
        ("Xi met Putin on Monday, the first of 3 meetings.", None),  # number word vs digits
        ("Xi met Putin with 12 aides.", None),
        ("Xi called the talks “frank and friendly.”", None),
        ('Xi called the talks "Frank and friendly".', None),  # case and quote style are light normalisation
        ("Xi met Putin on Tuesday.", "unsupported-date"),
        ("Xi met Putin yesterday.", "unsupported-date"),
        ("Xi met Putin in Beijing.", "unsupported-name"),
        ("Xi met Vladimir Zelensky in Moscow.", "unsupported-name"),
        ("Xi met Putin, the second of three meetings.", "unsupported-number"),
        ("Xi met Putin with thirteen aides.", "unsupported-number"),
        ("Xi met Putin with 1,200 aides.", "unsupported-number"),
        ("Xi called the talks “frank and very friendly”.", "unverbatim-quote"),
        ("Xi did not meet Putin in Moscow.", "negation"),
        ("The dictator Xi met Putin in Moscow.", "loaded-wording"),
    ],
)
def test_check_sentence(sentence, reason):
    fail = check_sentence(sentence, [SRC])
    assert (fail[0] if fail else None) == reason, fail


def test_numbers_normalise_digits_and_words():
    assert numbers("1,000 rifles and a thousand more")[0] == {"1000"}
    assert numbers("twenty-two people, two hundred and fifty cars, $1.5bn, 2.5 million")[0] == {
        "22",
        "250",
        "1500000000",
        "2500000",
    }
    assert numbers("the 3rd and first visit")[0] == {"#3", "#1"}
    assert numbers("one of the leaders") == (set(), {"1"})


def test_parse_reply_handles_markers_bullets_and_abbreviations():
    reply = (
        "```\nSummary:\n- Xi will visit Moscow, the U.S. said [1]. Mr. Putin welcomed him.[2][3]\n"
        "2. He met J. Smith [1, 4] and aides [5-7].\n[8]\nNo marker here\n```"
    )
    assert parse_reply(reply) == [
        ("Xi will visit Moscow, the U.S. said.", [1]),
        ("Mr. Putin welcomed him.", [2, 3]),
        ("He met J. Smith and aides.", [1, 4, 5, 6, 7, 8]),
        ("No marker here", []),
    ]


def test_parse_reply_drops_reasoning_blocks_preambles_and_emphasis():
    reply = "<think>Source [2] says 40 people [2].</think>\nHere is a neutral summary:\n\n**Xi** met Putin [1]."
    assert parse_reply(reply) == [("Xi met Putin.", [1])]


def test_honorifics_and_hyphenated_names():
    src = Source(1, "Syrian President Bashar al-Assad met Putin, drawing a rejection from Mr. Biden.", ["a"], [])
    assert check_sentence("Mr. Bashar al-Assad met Putin, and Biden rejected it.", [src]) is None
    assert check_sentence("Al-Assad met Putin.", [src]) is None
    assert check_sentence("Al-Sisi met Putin.", [src])[0] == "unsupported-name"


def test_sources_leave_out_contested_facts():
    art = Article(id="a", text="Xi met Putin. Ten people died. Talks ended.")

    def span(t: str) -> Span:
        return Span("a", art.text.index(t), art.text.index(t) + len(t))

    summary = [SummarySentence("Xi met Putin.", ["a"], [span("Xi met Putin.")])]
    facts = [Fact(t, ["a"], 1, 1, [span(t)]) for t in ("Ten people died.", "Talks ended.")]
    got = build_sources(summary, facts, {"a": art}, contested=[Span("a", span("Ten people died.").start + 2, 22)])
    assert [(s.n, s.text) for s in got] == [(1, "Xi met Putin."), (2, "Talks ended.")]
    assert len(build_sources(summary, facts, {"a": art})) == 3


def test_verify_merges_spans_and_drops_duplicates():
    a = Source(
        1,
        "Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin.",
        ["x", "y"],
        [Span("x", 0, 5), Span("y", 3, 9)],
    )
    b = Source(2, "The talks with Vladimir Putin lasted three days.", ["z"], [Span("z", 1, 4)])
    parsed = [
        ("Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin that lasted three days.", [1, 2]),
        ("Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin that lasted three days.", [1, 2]),
    ]
    kept, rejected = verify(parsed, [a, b], None)
    assert len(kept) == 1 and kept[0].articles == ["x", "y", "z"]
    assert kept[0].spans == [Span("x", 0, 5), Span("y", 3, 9), Span("z", 1, 4)]
    assert [r.reason for r in rejected] == ["duplicate"]
    # the same sentence citing only [1] lacks "three" -> unsupported number
    kept, rejected = verify(parsed[:1] and [(parsed[0][0], [1])], [a, b], None)
    assert kept == [] and rejected[0].reason == "unsupported-number"


def test_openai_backend_needs_a_model_and_an_http_url():
    with pytest.raises(ValueError):
        OpenAIChat(base_url="http://localhost:11434/v1", model="")
    with pytest.raises(ValueError):
        OpenAIChat(base_url="localhost:11434", model="m")
    with pytest.raises(LLMError):
        FakeLLM(fail="down").complete([])


def test_markdown_and_html_say_who_wrote_the_summary_and_what_was_dropped(demo):
    from newsprism.render import render

    articles, _ = demo
    liar = get_llm("fake", inject=("Xi Jinping met Joe Biden in Paris [1].",))
    story = _story_brief(articles, liar)
    assert story.summary_llm.used and story.summary_llm.rejected
    md = render(Brief(stories=[story]), "md")
    assert "Summary rewritten by the fake" in md and "dropped (unsupported-name): Xi Jinping met Joe Biden" in md
    html = render(Brief(stories=[story]), "html", articles={a.id: a for a in articles})
    assert "dropped by the verifier" in html and "Joe Biden in Paris" in html
