"""A real HTTP server on 127.0.0.1 for the fetch tests, and the fixtures folder."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Route:
    """What the server answers on one path."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks: int = 1  # the body is sent this many times over, without a Content-Length
    wait: bool = False  # hold the answer until the test ends


class LocalServer:
    """Serves `routes` and records each request's path and headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"no such page"))
                if route.wait:
                    server.release.wait(30)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.chunks == 1:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    for _ in range(route.chunks):
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading, as it should at a size limit

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, status: int = 200, headers: dict[str, str] | None = None,
            body: bytes = b"", **options: object) -> str:
        """Answer `path` as told (see `Route`) and return its URL."""
        self.routes[path] = Route(status, headers or {}, body, **options)
        return self.url(path)

    def html(self, path: str, body: bytes) -> str:
        return self.add(path, headers={"Content-Type": "text/html; charset=utf-8"}, body=body)


@pytest.fixture
def server():
    local = LocalServer()
    local.thread.start()
    yield local
    local.release.set()
    local.httpd.shutdown()
    local.httpd.server_close()


@pytest.fixture
def fixture_bytes():
    return lambda name: (FIXTURES / name).read_bytes()
