"""Fetching URLs with limits: timeouts, a size cap, a redirect cap, public addresses only.

Every hop (the first request and each redirect) resolves its host, refuses it if any
address is not public (unless `allow_private`), and then connects to the address it
checked (trying them in resolver order), not to the name: a DNS answer that changes
between check and connect (DNS rebinding) cannot steer the request. TLS still verifies
the certificate for the name. Proxies from the environment are ignored on purpose,
since a proxy would connect wherever it likes.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from ..errors import FetchError, SourceTooLarge
from .addresses import IPAddress, Resolver, resolve_public
from .common import DEFAULT_MAX_BYTES, media_type, utc_now

PROJECT_URL = "https://github.com/tollwatch/tollwatch"
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1"
)


def default_user_agent() -> str:
    """"tollwatch/<version> (+<project URL>)": says who is asking and where to complain."""
    from .. import __version__  # late: the package imports its parts before defining it

    return f"tollwatch/{__version__} (+{PROJECT_URL})"


@dataclass(slots=True)
class Fetched:
    """A fetched body with what is needed to read it: final URL, content type, time."""

    url: str
    content_type: str
    body: bytes
    retrieved_at: str = field(default_factory=utc_now)

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)[0]

    @property
    def charset(self) -> str | None:
        return media_type(self.content_type)[1]


class Fetcher:
    """Fetches one URL at a time under limits; call it with a URL to get a `Fetched`.

    Raises `RefusedAddress` for a non-public address, `SourceTooLarge` for a body over
    `max_bytes`, and `FetchError` for timeouts, connection failures, HTTP 4xx/5xx and
    too many redirects. `total_timeout` bounds a body that trickles in under the read
    timeout. Use as a context manager, or call `close()`.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        total_timeout: float = 120.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        user_agent: str | None = None,
        resolver: Resolver = socket.getaddrinfo,
    ):
        self.allow_private = allow_private
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._resolver = resolver
        self._client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            follow_redirects=False,
            trust_env=False,
            # No pooled connections: a connection opened for one name must never carry
            # a request for another name that happens to share its address.
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={"User-Agent": user_agent or default_user_agent(), "Accept": _ACCEPT},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def __call__(self, url: str) -> Fetched:
        deadline = time.monotonic() + self.total_timeout
        current = url
        for _ in range(self.max_redirects + 1):
            target = _http_url(current, url)
            addresses = self._checked_addresses(target)
            with self._errors_explained(current, target):
                response = self._send(target, addresses)
                try:
                    location = _redirect_location(response, current)
                    if location is None:
                        return self._read(response, current, deadline)
                finally:
                    response.close()
            current = str(target.join(location))  # httpx has checked the Location already
        raise FetchError(
            f"{url} redirects more than {self.max_redirects} times",
            hint="fetch the address it finally leads to, or raise max_redirects",
        )

    def _checked_addresses(self, target: httpx.URL) -> list[IPAddress]:
        host = target.raw_host.decode("ascii")
        port = target.port or (443 if target.scheme == "https" else 80)
        return resolve_public(host, port, allow_private=self.allow_private, resolver=self._resolver)

    def _send(self, target: httpx.URL, addresses: list[IPAddress]) -> httpx.Response:
        """Open the response on the first checked address that takes the connection."""
        for address in addresses[:-1]:
            try:
                return self._client.send(self._request(target, address), stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                continue  # e.g. an IPv6 address on a machine without IPv6
        return self._client.send(self._request(target, addresses[-1]), stream=True)

    def _request(self, target: httpx.URL, address: IPAddress) -> httpx.Request:
        return self._client.build_request("GET", _pinned(target, address), **_named(target))

    def _read(self, response: httpx.Response, url: str, deadline: float) -> Fetched:
        if response.status_code >= 400:
            hint = "retry later" if response.status_code >= 500 else "check the URL"
            raise FetchError(f"{url} answered HTTP {response.status_code} {response.reason_phrase}".rstrip(), hint=hint)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise SourceTooLarge(f"{url} is {int(declared):,} bytes, over the limit of {self.max_bytes:,}")
        parts: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise SourceTooLarge(f"{url} is over the limit of {self.max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"{url} took over {self.total_timeout:g} s to arrive",
                                 hint="retry later, or raise total_timeout")
            parts.append(chunk)
        return Fetched(url=url, content_type=response.headers.get("Content-Type", ""), body=b"".join(parts))

    @contextmanager
    def _errors_explained(self, url: str, target: httpx.URL) -> Iterator[None]:
        """Turn httpx's exceptions into FetchErrors that say what happened and what to do."""
        try:
            yield
        except httpx.ConnectTimeout:
            raise FetchError(f"timed out connecting to {target.host} after {self.connect_timeout:g} s",
                             hint="retry later, or raise connect_timeout") from None
        except httpx.TimeoutException:
            raise FetchError(f"{url} did not answer within {self.read_timeout:g} s",
                             hint="retry later, or raise read_timeout") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect to {target.host}: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from None


def _http_url(url: str, given: str) -> httpx.URL:
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"{url} is not a URL that can be fetched: {exc}", hint="check the URL") from None
    if target.scheme not in ("http", "https") or not target.host:
        where = "" if url == given else f" (a redirect from {given})"
        raise FetchError(f"{url}{where} is not an http or https URL", hint="give an http:// or https:// URL")
    return target


def _pinned(target: httpx.URL, address: IPAddress) -> httpx.URL:
    """The URL with its host replaced by the address that was checked."""
    return target.copy_with(host=str(address), fragment=None)


def _named(target: httpx.URL) -> dict:
    """Headers and TLS name that keep the request addressed to the host, not the IP."""
    host = target.raw_host.decode("ascii")
    extensions = {"sni_hostname": host} if target.scheme == "https" else {}
    return {"headers": {"Host": target.netloc.decode("ascii")}, "extensions": extensions}


def _redirect_location(response: httpx.Response, url: str) -> str | None:
    if not response.is_redirect:
        return None
    location = response.headers.get("Location")
    if not location:
        raise FetchError(f"{url} answered HTTP {response.status_code} with no Location to go to")
    return location
