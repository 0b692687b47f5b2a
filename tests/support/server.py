"""The local server the browser suite and the benchmarks load the built site from: the site's directory, plus an
overlay directory the self-tests write broken pages into (`serve`, `Server`)."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    overlay: Path

    def translate_path(self, path: str) -> str:
        site_path = super().translate_path(path)
        overlay_path = self.overlay / os.path.relpath(site_path, self.directory)
        if overlay_path.is_file() or (overlay_path / "index.html").is_file():
            return str(overlay_path)
        return site_path

    def log_message(self, format, *args):  # keep pytest output clean
        pass


@dataclass
class Server:
    url: str  # http://127.0.0.1:<port>/
    site_dir: Path
    overlay: Path  # files here shadow the site's; for self-test pages

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")

    def add_page(self, name: str, html: str) -> str:
        """Serve ``html`` at ``/<name>/`` (same depth as the site's pages, so relative links resolve)."""
        target = self.overlay / name / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        return f"{self.url}{name}/"


class _HTTPServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection while a file is sent (a tab closed, or a page left, mid-load) is no
        error of the site's; anything else is printed as socketserver does."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site_dir: Path, port: int, overlay: Path) -> tuple[http.server.ThreadingHTTPServer, Server]:
    handler = type("Handler", (_Handler,), {"overlay": overlay})
    httpd = _HTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True).start()
    return httpd, Server(f"http://127.0.0.1:{port}/", site_dir, overlay)
