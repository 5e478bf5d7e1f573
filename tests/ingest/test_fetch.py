"""Fetching from a real local server: limits, redirects, errors and the address guard."""

from __future__ import annotations

import socket

import pytest

import tollwatch.ingest.addresses as addresses
from tollwatch import __version__
from tollwatch.errors import FetchError, RefusedAddress, SourceTooLarge
from tollwatch.ingest.fetch import Fetcher, default_user_agent

PAGE = b"<html><body><p>Four people were killed in Kelmora.</p></body></html>"


@pytest.fixture
def fetcher():
    with Fetcher(allow_private=True, read_timeout=0.5, max_bytes=50_000, max_redirects=3) as local:
        yield local


def test_fetch_returns_body_type_and_final_url(server, fetcher):
    url = server.html("/article", PAGE)
    page = fetcher(url)
    assert page.body == PAGE
    assert page.media_type == "text/html" and page.charset == "utf-8"
    assert page.url == url
    assert page.retrieved_at.endswith("+00:00")


def test_fetch_sends_the_tollwatch_user_agent(server, fetcher):
    fetcher(server.html("/article", PAGE))
    [(_, headers)] = server.requests
    assert headers["User-Agent"] == f"tollwatch/{__version__} (+https://github.com/tollwatch/tollwatch)"
    assert default_user_agent() == headers["User-Agent"]


def test_fetch_follows_redirects_within_the_limit(server, fetcher):
    server.html("/final", PAGE)
    server.add("/hop2", 302, {"Location": "/final"})
    server.add("/hop1", 301, {"Location": server.url("/hop2")})
    page = fetcher(server.url("/hop1"))
    assert page.body == PAGE
    assert page.url == server.url("/final")
    assert [path for path, _ in server.requests] == ["/hop1", "/hop2", "/final"]


def test_fetch_redirect_chain_over_the_limit_fails(server, fetcher):
    server.html("/r0", PAGE)
    for n in range(1, 6):
        server.add(f"/r{n}", 302, {"Location": f"/r{n - 1}"})
    with pytest.raises(FetchError, match="redirects more than 3 times") as caught:
        fetcher(server.url("/r5"))
    assert "max_redirects" in caught.value.hint
    assert len(server.requests) == 4  # the first request and three redirects, no more


def test_fetch_redirect_to_a_private_address_is_refused_at_that_hop(server, monkeypatch):
    # Treat the test server's 127.0.0.1 as public, so only the redirect target is judged private.
    real_kind = addresses.address_kind
    monkeypatch.setattr(addresses, "address_kind", lambda ip: None if str(ip) == "127.0.0.1" else real_kind(ip))
    server.add("/out", 302, {"Location": f"http://10.0.0.7:{server.port}/admin"})
    with Fetcher(allow_private=False) as guarded:
        with pytest.raises(RefusedAddress, match="refused private address 10.0.0.7"):
            guarded(server.url("/out"))
    assert [path for path, _ in server.requests] == ["/out"]


def test_fetch_redirect_to_another_scheme_fails(server, fetcher):
    server.add("/file", 302, {"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http or https URL"):
        fetcher(server.url("/file"))


def test_fetch_redirect_to_a_broken_url_fails(server, fetcher):
    server.add("/broken", 302, {"Location": "http://[::1/"})
    with pytest.raises(FetchError, match="Invalid URL in location header"):
        fetcher(server.url("/broken"))


def test_fetch_slow_answer_times_out(server, fetcher):
    server.add("/slow", headers={"Content-Type": "text/html"}, body=PAGE, wait=True)
    with pytest.raises(FetchError, match="did not answer within 0.5 s") as caught:
        fetcher(server.url("/slow"))
    assert "read_timeout" in caught.value.hint


def test_fetch_declared_large_body_is_refused_before_reading(server, fetcher):
    server.add("/big", headers={"Content-Type": "text/html"}, body=b"x" * 80_000)
    with pytest.raises(SourceTooLarge, match="80,000 bytes, over the limit of 50,000"):
        fetcher(server.url("/big"))


def test_fetch_streamed_body_stops_at_the_limit(server, fetcher):
    # No Content-Length: only counting while streaming can catch it.
    server.add("/stream", headers={"Content-Type": "text/html"}, body=b"y" * 10_000, chunks=500)
    with pytest.raises(SourceTooLarge, match="over the limit of 50,000 bytes"):
        fetcher(server.url("/stream"))


def test_fetch_http_404_says_to_check_the_url(server, fetcher):
    with pytest.raises(FetchError, match="answered HTTP 404") as caught:
        fetcher(server.url("/missing"))
    assert caught.value.hint == "check the URL"


def test_fetch_http_503_says_to_retry(server, fetcher):
    server.add("/down", 503, {"Content-Type": "text/plain"}, b"busy")
    with pytest.raises(FetchError, match="HTTP 503") as caught:
        fetcher(server.url("/down"))
    assert caught.value.hint == "retry later"


def test_fetch_private_address_is_refused_without_connecting(server):
    url = server.html("/article", PAGE)
    with Fetcher() as guarded:
        with pytest.raises(RefusedAddress) as caught:
            guarded(url)
    assert "refused loopback address 127.0.0.1" in caught.value.one_line()
    assert "--allow-private" in caught.value.one_line()
    assert server.requests == []


def test_fetch_connects_to_the_checked_address_not_the_name(server):
    # "kelmora.invalid" resolves nowhere but through this resolver: the request can only
    # reach the server if the fetcher connects to the address it checked.
    def resolver(host, port, type=0):
        assert host == "kelmora.invalid"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    server.html("/article", PAGE)
    with Fetcher(allow_private=True, resolver=resolver) as pinned:
        page = pinned(server.url("/article", host="kelmora.invalid"))
    assert page.body == PAGE
    [(_, headers)] = server.requests
    assert headers["Host"] == f"kelmora.invalid:{server.port}"


def test_fetch_tries_the_next_checked_address_when_one_refuses(server):
    def resolver(host, port, type=0):
        # Nothing listens on 127.0.0.2; the server is bound to 127.0.0.1 only.
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("127.0.0.2", "127.0.0.1")]

    server.html("/article", PAGE)
    with Fetcher(allow_private=True, resolver=resolver) as fallback:
        assert fallback(server.url("/article", host="brenn.invalid")).body == PAGE
    assert len(server.requests) == 1


def test_fetch_connection_refused_is_a_fetch_error(fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect to 127.0.0.1"):
        fetcher(f"http://127.0.0.1:{free_port}/")
