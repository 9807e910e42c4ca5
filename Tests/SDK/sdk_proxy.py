"""A recording reverse proxy in front of `authdesk sandbox serve`.

The SDKs talk to the proxy; it forwards every request to the sandbox unchanged, records the
answer (method, path, status, headers, body) for the schema referee, and rewrites the sandbox's
own address in answers (Location, @odata.nextLink, resourceLocation) to its own, and its own
address in requests (an Auth0 `audience`) back to the sandbox's, as a reverse proxy does, so
that followed links come back through it.
"""

import http.client
import http.server
import threading
from dataclasses import dataclass, field


@dataclass
class Exchange:
    """One request and its answer, as seen on the wire."""
    method: str
    path: str
    request_body: bytes
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""


class RecordingProxy:
    """Forwards 127.0.0.1:<port> to the sandbox and keeps every exchange."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.exchanges = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "connection", "keep-alive", "proxy-connection", "content-length")}
                headers["Host"] = f"127.0.0.1:{proxy.upstream_port}"
                body = proxy.rewrite_request(body)
                path = proxy.rewrite_request(self.path.encode()).decode()
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=60)
                try:
                    upstream.request(self.command, path, body=body or None, headers=headers)
                    response = upstream.getresponse()
                    answer = response.read()
                    answer_headers = response.getheaders()
                    status = response.status
                finally:
                    upstream.close()
                answer = proxy.rewrite(answer)
                recorded = {}
                self.send_response_only(status)
                for name, value in answer_headers:
                    if name.lower() in ("content-length", "connection", "transfer-encoding", "keep-alive"):
                        continue
                    value = proxy.rewrite(value.encode()).decode()
                    recorded[name.lower()] = value
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(answer)
                with proxy._lock:
                    proxy.exchanges.append(Exchange(self.command, self.path, body, status, recorded, answer))

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def rewrite(self, data):
        return data.replace(f"127.0.0.1:{self.upstream_port}".encode(), f"127.0.0.1:{self.port}".encode())

    def rewrite_request(self, data):
        return data.replace(f"127.0.0.1:{self.port}".encode(), f"127.0.0.1:{self.upstream_port}".encode()).replace(
            f"127.0.0.1%3A{self.port}".encode(), f"127.0.0.1%3A{self.upstream_port}".encode())

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def mark(self):
        """A position in the record: `since(mark)` gives the exchanges after it."""
        with self._lock:
            return len(self.exchanges)

    def since(self, mark):
        with self._lock:
            return list(self.exchanges[mark:])
