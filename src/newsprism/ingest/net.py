"""Fetching URLs without becoming a proxy into the user's network (SSRF).

Why this much care: newsprism follows links found in feeds that strangers write. A link
(or a redirect, or a DNS answer that changes between check and connect) must not reach
``localhost``, the cloud metadata service at 169.254.169.254, or a router on 10.0.0.1.

So for every hop the host name is resolved once, every address it resolves to is checked,
and the connection goes to the *checked address* (the URL's host is swapped for the IP,
with the original ``Host`` header and TLS server name kept), so a second DNS answer is
never asked for. Redirects are followed by hand (at most :data:`MAX_REDIRECTS`), each hop
checked the same way. Bodies are streamed and cut at :data:`MAX_FETCH_BYTES`.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from email.message import Message
from importlib import metadata

import httpx

from newsprism.errors import InputError

MAX_FETCH_BYTES = 10 * 2**20
"""A fetched response larger than this is abandoned mid-stream: no article page is 10 MiB."""
MAX_REDIRECTS = 5
REDIRECT_CODES = {301, 302, 303, 307, 308}
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
TOTAL_DEADLINE = 60.0
"""Seconds one fetch may take overall, so a server trickling bytes cannot hold a run hostage."""
MIN_INTERVAL = 1.0
"""Seconds between two requests to the same host: polite to the outlets we read."""


def _version() -> str:
    try:
        return metadata.version("newsprism")
    except metadata.PackageNotFoundError:  # pragma: no cover - source checkout without install
        return "0"


USER_AGENT = f"newsprism/{_version()} (+https://github.com/newsprism/newsprism)"

Resolver = Callable[[str, int], list[str]]
"""``resolver(host, port) -> [ip, ...]``; tests inject one that maps fake names to local servers."""

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def address_problem(ip: str) -> str | None:
    """Why ``ip`` must not be fetched from (``"loopback"``, ``"private"``, …), or None for a public address.

    IPv6 forms that embed an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) are judged by
    the embedded address, so ``::ffff:127.0.0.1`` is loopback.
    """
    try:
        addr: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(ip.split("%")[0])
    except ValueError:
        return "unparseable"
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if embedded is None and addr in _NAT64:
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is not None:
            problem = address_problem(str(embedded))
            if problem:
                return problem
    for name in ("unspecified", "loopback", "link_local", "multicast", "reserved", "private"):
        if getattr(addr, f"is_{name}"):
            return name.replace("_", "-")
    if not addr.is_global:
        return "non-public"
    return None


@dataclass
class FetchResult:
    """One successful (HTTP 200) response."""

    url: str
    """The final URL, after redirects."""
    body: bytes
    content_type: str = ""
    charset: str | None = None
    date: str | None = None
    redirects: list[str] = field(default_factory=list)


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n} bytes"


def _content_type(value: str) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = value or "application/octet-stream"
    charset = msg.get_param("charset")
    return msg.get_content_type(), (str(charset) if isinstance(charset, str) else None)


class Fetcher:
    """GET a URL under the SSRF policy, a size cap, timeouts and a per-host rate limit.

    ``allowed`` lists exact ``(ip, port)`` pairs that pass the address check anyway (one
    internal service you trust; tests use it for their 127.0.0.1 server). ``allow_private``
    turns the address check off altogether.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        resolver: Resolver | None = None,
        allowed: Collection[tuple[str, int]] = (),
        max_bytes: int = MAX_FETCH_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        min_interval: float = MIN_INTERVAL,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        deadline: float = TOTAL_DEADLINE,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self.allowed = {(ip, int(port)) for ip, port in allowed}
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.min_interval = min_interval
        self.deadline = deadline
        self.user_agent = user_agent
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        # Why no keep-alive: connections are keyed by IP, so a pooled TLS connection verified for one
        # host name could otherwise carry a request for another name on the same IP.
        # Why trust_env=False: a proxy from the environment would resolve names itself, past our check.
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0),
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- policy
    def check(self, url: httpx.URL, *, origin: str) -> str:
        """Resolve ``url``'s host and return the address to connect to, or raise InputError(origin, why)."""
        if url.scheme not in ("http", "https"):
            raise InputError(origin, f"refused {url}: only http and https URLs are fetched")
        host = url.host
        if not host:
            raise InputError(origin, f"refused {url}: no host")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            ips = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise InputError(origin, f"cannot resolve {host} ({exc})") from None
        if not ips:
            raise InputError(origin, f"cannot resolve {host} (no addresses)")
        if not self.allow_private:
            for ip in ips:
                problem = address_problem(ip)
                if problem and (ip, port) not in self.allowed:
                    where = f"{host} is" if host == ip else f"{host} resolves to {ip}, which is"
                    raise InputError(
                        origin, f"refused {url}: {where} a {problem} address (use --allow-private to permit)"
                    )
        return ips[0]

    def _wait_turn(self, host: str) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                ready = self._last.get(host, 0.0) + self.min_interval
                if now >= ready:
                    self._last[host] = now
                    return
            time.sleep(ready - now)

    # ---------------------------------------------------------------- fetch
    def fetch(self, url: str) -> FetchResult:
        """The body of ``url`` after at most ``max_redirects`` checked redirects; InputError naming ``url`` otherwise."""
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            raise InputError(url, f"invalid URL ({exc})") from None
        started = time.monotonic()
        hops: list[str] = []
        for _ in range(self.max_redirects + 1):
            ip = self.check(current, origin=url)
            try:
                result = self._get(current, ip, url, started)
            except httpx.TimeoutException:
                raise InputError(url, f"timed out fetching {current}") from None
            except httpx.HTTPError as exc:
                raise InputError(url, f"cannot fetch {current} ({type(exc).__name__}: {exc})") from None
            if isinstance(result, FetchResult):
                result.redirects = hops
                return result
            hops.append(str(current))
            current = result
        raise InputError(url, f"more than {self.max_redirects} redirects")

    def _get(self, url: httpx.URL, ip: str, origin: str, started: float) -> FetchResult | httpx.URL:
        """One hop to the checked ``ip``: a FetchResult, or the next URL when redirected."""
        host = url.host
        default_port = 443 if url.scheme == "https" else 80
        host_header = host if url.port in (None, default_port) else f"{host}:{url.port}"
        if ":" in host and url.port in (None, default_port):
            host_header = f"[{host}]"
        elif ":" in host:
            host_header = f"[{host}]:{url.port}"
        target = url.copy_with(host=ip)
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        headers = {
            "Host": host_header,
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
        }
        self._wait_turn(host)
        with self._client.stream("GET", target, headers=headers, extensions=extensions) as resp:
            if resp.status_code in REDIRECT_CODES:
                location = resp.headers.get("location")
                if not location:
                    raise InputError(origin, f"HTTP {resp.status_code} from {url} without a Location")
                try:
                    return url.join(location)
                except (httpx.InvalidURL, ValueError) as exc:
                    raise InputError(origin, f"bad redirect from {url} ({exc})") from None
            if resp.status_code != 200:
                raise InputError(origin, f"HTTP {resp.status_code} from {url}")
            length = resp.headers.get("content-length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise InputError(origin, f"response is {_size(int(length))}, over the {_size(self.max_bytes)} cap")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(origin, f"response exceeds the {_size(self.max_bytes)} cap; abandoned")
                if time.monotonic() - started > self.deadline:
                    raise InputError(origin, f"fetch took longer than {self.deadline:.0f} s; abandoned")
                chunks.append(chunk)
            ctype, charset = _content_type(resp.headers.get("content-type", ""))
            return FetchResult(
                url=str(url), body=b"".join(chunks), content_type=ctype, charset=charset, date=resp.headers.get("date")
            )
