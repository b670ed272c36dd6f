"""A local stand-in for the ReccoBeats API: an HTTP server on 127.0.0.1 (port 0) in a thread,
answering `GET /v1/audio-features?ids=` and `GET /v1/track/recommendation` in the documented
shapes, recording every request. Nothing leaves the machine."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

MAX_IDS = 40  # the fake refuses larger audio-features batches, so unbatched code fails


class FakeReccoBeats:
    """``features``: Spotify track id → feature values (ids it lacks are left out of answers);
    ``recommended``: the Spotify track ids a recommendation returns, in order. Set
    ``retry_after`` to throttle the next request with 429, ``delay`` to answer slowly."""

    def __init__(self, features: dict[str, dict[str, Any]] | None = None, recommended: list[str] | None = None) -> None:
        self.features = features or {}
        self.recommended = recommended or []
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.retry_after: str | None = None
        self.delay = 0.0
        self.url = ""
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> FakeReccoBeats:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                fake._answer(self)

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.requests.append((parts.path, query))
        if self.delay:
            time.sleep(self.delay)
        if self.retry_after is not None:
            retry, self.retry_after = self.retry_after, None
            self._send(handler, 429, {"error": "Too Many Requests"}, {"Retry-After": retry})
        elif parts.path == "/v1/audio-features":
            ids = query.get("ids", "").split(",")
            if len(ids) > MAX_IDS:
                self._send(handler, 400, {"error": "too many ids"})
                return
            # rows come in another order than asked, with ReccoBeats' own ids, missing ones left out
            rows = [{"id": f"rb-{i}", "href": f"https://open.spotify.com/track/{i}", **self.features[i]}
                    for i in reversed(ids) if i in self.features]
            self._send(handler, 200, {"content": rows})
        elif parts.path == "/v1/track/recommendation":
            size = int(query.get("size", "10"))
            rows = [{"id": f"rb-{i}", "href": f"https://open.spotify.com/track/{i}", "trackTitle": i}
                    for i in self.recommended[:size]]
            self._send(handler, 200, {"content": rows})
        else:
            self._send(handler, 404, {"error": "Not Found"})

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        try:
            handler.wfile.write(data)
        except OSError:  # the client gave up (a timeout test)
            pass
