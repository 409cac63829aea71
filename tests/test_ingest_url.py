"""URL fetching: the SSRF policy (every hop, after DNS, pinned), caps, redirects, rate limit.

Every test serves pages from its own server on 127.0.0.1 and never touches another address:
refused addresses are refused *before* any connection, and fake public names go through an
injected resolver.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.net import USER_AGENT, Fetcher, address_problem

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """A local test server: ``routes`` maps a path to (status, headers, body) or a handler function."""

    routes: dict[str, Route]
    port: int = 0
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@contextlib.contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    """Run a threaded HTTP server on 127.0.0.1 (random port) for the duration of the block."""
    server = Server(routes)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            server.requests.append((self.path, dict(self.headers.items())))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour closes</title></head>
<body><article><h1>Harbour closes</h1><p>The harbour closed on Monday after a storm damaged the pier.</p></article></body></html>"""


def html(body: bytes = PAGE, ctype: str = "text/html; charset=utf-8") -> Route:
    return (200, {"Content-Type": ctype}, body)


def redirect(to: str, status: int = 302) -> Route:
    return (status, {"Location": to}, b"")


def fake_dns(table: dict[str, list[str]]) -> Callable[[str, int], list[str]]:
    """A resolver for made-up names; anything else is 'not found' (so no real DNS is asked)."""

    def resolve(host: str, port: int) -> list[str]:
        if host in table:
            return table[host]
        import ipaddress

        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            raise OSError(f"fake DNS has no entry for {host}") from None

    return resolve


# ------------------------------------------------------------------ address policy
@pytest.mark.parametrize(
    ("ip", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.20.30.40", "private"),
        ("192.168.1.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("fc00::1", "private"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
        ("2002:7f00:1::1", "loopback"),  # 6to4 of 127.0.0.1
    ],
)
def test_address_problem_refuses_non_public(ip: str, problem: str):
    assert address_problem(ip) == problem


@pytest.mark.parametrize("ip", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_address_problem_allows_public(ip: str):
    assert address_problem(ip) is None


# ------------------------------------------------------------------ refusals, before any connection
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/page",
        "http://[::1]:{port}/page",
        "http://10.0.0.7/admin",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[::ffff:127.0.0.1]:{port}/page",
        "http://2130706433:{port}/page",  # 127.0.0.1 written as one decimal number
        "http://0x7f.1:{port}/page",
        "http://localhost:{port}/page",
    ],
)
def test_private_addresses_are_refused(url: str):
    with serve({"/page": html()}) as srv:
        fetcher = Fetcher(min_interval=0)
        with pytest.raises(InputError) as info:
            fetcher.fetch(url.format(port=srv.port))
        assert "refused" in info.value.problem and "--allow-private" in info.value.problem
        assert srv.requests == []


def test_non_http_schemes_are_refused():
    with pytest.raises(InputError, match="only http and https"):
        Fetcher().fetch("file:///etc/passwd")


def test_read_inputs_reports_refused_url_and_goes_on(demo_dir):
    with serve({"/page": html()}) as srv:
        items = list(read_inputs([f"{srv.base}/page", str(demo_dir / "000_d926349e394c1f47.txt")]))
        assert srv.requests == []
    assert isinstance(items[0], InputError) and items[0].source == f"{srv.base}/page"
    assert "loopback" in items[0].problem
    assert items[1].id == "000_d926349e394c1f47"


# ------------------------------------------------------------------ redirects are checked hop by hop
@pytest.mark.parametrize(
    "target",
    [
        "http://metadata.test/latest/meta-data/",  # a name resolving to 169.254.169.254
        "http://[::1]:{port}/secret",
        "http://10.0.0.1/router",
        "http://intranet.test:{port}/secret",  # a name resolving to 192.168.0.10
    ],
)
def test_redirect_from_public_to_private_is_refused(target: str):
    with serve({"/start": redirect("x"), "/secret": html(b"<p>secret</p>")}) as srv:
        target = target.format(port=srv.port)
        srv.routes["/start"] = redirect(target)
        dns = fake_dns(
            {
                "news.example.test": ["127.0.0.1"],
                "metadata.test": ["169.254.169.254"],
                "intranet.test": ["192.168.0.10"],
            }
        )
        # Only this one socket address passes as if public: the first hop's server.
        fetcher = Fetcher(resolver=dns, allowed={("127.0.0.1", srv.port)}, min_interval=0)
        with pytest.raises(InputError) as info:
            fetcher.fetch(f"http://news.example.test:{srv.port}/start")
        assert info.value.source == f"http://news.example.test:{srv.port}/start"
        assert "refused" in info.value.problem
        assert srv.paths() == ["/start"]  # the redirect target was never requested


def test_allowed_redirect_chain_is_followed_and_hosts_kept():
    with serve({}) as srv:
        srv.routes.update(
            {
                "/a": redirect(f"http://news.example.test:{srv.port}/b", 301),
                "/b": redirect("/c", 307),  # relative Location
                "/c": html(),
            }
        )
        fetcher = Fetcher(
            resolver=fake_dns({"news.example.test": ["127.0.0.1"]}), allowed={("127.0.0.1", srv.port)}, min_interval=0
        )
        result = fetcher.fetch(f"http://news.example.test:{srv.port}/a")
    assert result.url == f"http://news.example.test:{srv.port}/c"
    assert result.body == PAGE and result.content_type == "text/html" and result.charset == "utf-8"
    assert len(result.redirects) == 2
    assert srv.paths() == ["/a", "/b", "/c"]
    for _, headers in srv.requests:
        assert headers["Host"] == f"news.example.test:{srv.port}"
        assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("newsprism/") and "(+https://github.com/newsprism/newsprism)" in USER_AGENT


def test_too_many_redirects():
    with serve({}) as srv:
        for i in range(10):
            srv.routes[f"/r{i}"] = redirect(f"/r{i + 1}")
        with pytest.raises(InputError, match="more than 5 redirects"):
            Fetcher(allow_private=True, min_interval=0).fetch(f"{srv.base}/r0")
        assert len(srv.requests) == 6


def test_dns_rebinding_connects_to_the_checked_address():
    """The name is resolved once per hop and the connection goes to that address, not a fresh answer."""
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"] if len(calls) == 1 else ["10.0.0.99"]

    with serve({"/page": html()}) as srv:
        fetcher = Fetcher(resolver=rebinding, allowed={("127.0.0.1", srv.port)}, min_interval=0)
        result = fetcher.fetch(f"http://rebind.test:{srv.port}/page")
        assert result.body == PAGE
        assert calls == ["rebind.test"]
        # A second fetch gets the rebound (private) answer and is refused before connecting.
        with pytest.raises(InputError, match="10.0.0.99"):
            fetcher.fetch(f"http://rebind.test:{srv.port}/page")
        assert srv.paths() == ["/page"]


def test_a_name_with_any_private_address_is_refused():
    dns = fake_dns({"mixed.test": ["93.184.216.34", "127.0.0.1"]})
    with pytest.raises(InputError, match="127.0.0.1"):
        Fetcher(resolver=dns).fetch("http://mixed.test/")


# ------------------------------------------------------------------ caps, errors, rate limit
def _stream(total: int, chunk: int = 64 * 1024) -> Callable[[BaseHTTPRequestHandler], None]:
    def handler(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()  # no Content-Length: the cap must hold while streaming
        sent = 0
        with contextlib.suppress(OSError):
            while sent < total:
                h.wfile.write(b"a" * chunk)
                sent += chunk

    return handler


def test_size_cap_while_streaming_and_by_content_length():
    with serve({"/big": _stream(3 * 2**20), "/declared": (200, {"Content-Length": str(5 * 2**20)}, b"")}) as srv:
        fetcher = Fetcher(allow_private=True, min_interval=0, max_bytes=2**20)
        with pytest.raises(InputError, match="exceeds the 1 MiB cap"):
            fetcher.fetch(f"{srv.base}/big")
        with pytest.raises(InputError, match="5 MiB, over the 1 MiB cap"):
            fetcher.fetch(f"{srv.base}/declared")


def test_http_errors_and_timeouts_name_the_url():
    def slow(h: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)

    with serve({"/gone": (404, {}, b"nope"), "/slow": slow}) as srv:
        fetcher = Fetcher(allow_private=True, min_interval=0, timeout=0.5)
        with pytest.raises(InputError) as info:
            fetcher.fetch(f"{srv.base}/gone")
        assert info.value.source == f"{srv.base}/gone" and "HTTP 404" in info.value.problem
        with pytest.raises(InputError, match="timed out"):
            fetcher.fetch(f"{srv.base}/slow")


def test_per_host_rate_limit():
    with serve({"/p": html()}) as srv:
        fetcher = Fetcher(allow_private=True, min_interval=0.4)
        start = time.monotonic()
        for _ in range(3):
            fetcher.fetch(f"{srv.base}/p")
        assert time.monotonic() - start >= 0.8


# ------------------------------------------------------------------ URL inputs become documents
def test_url_input_reads_html_with_http_charset():
    latin = "<html><body><p>Caf\xe9 in S\xe3o Paulo reopened on Monday.</p></body></html>".encode("latin-1")
    with serve({"/news/cafe": html(latin, "text/html; charset=ISO-8859-1")}) as srv:
        opts = IngestOptions(fetcher=Fetcher(allow_private=True, min_interval=0))
        (doc,) = list(read_inputs([f"{srv.base}/news/cafe"], options=opts))
    assert doc.kind == "html" and doc.id == f"{srv.base}/news/cafe"
    assert "Café in São Paulo" in doc.content and doc.meta["url"] == f"{srv.base}/news/cafe"


def test_url_input_allow_private_flag_and_unsupported_type():
    with serve({"/a": html(), "/img": (200, {"Content-Type": "image/png"}, b"\x89PNG...")}) as srv:
        items = list(read_inputs([f"{srv.base}/a", f"{srv.base}/img"], allow_private=True))
    assert items[0].kind == "html" and "Harbour closes" in items[0].content
    assert isinstance(items[1], InputError) and "image/png" in items[1].problem
