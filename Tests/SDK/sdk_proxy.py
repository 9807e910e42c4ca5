"""A recording reverse proxy in front of `authdesk sandbox serve`.

The SDKs talk to the proxy; it forwards every request to the sandbox unchanged, records the
answer (method, path, status, headers, body) for the schema referee, and rewrites the sandbox's
own address in answers (Location, @odata.nextLink, resourceLocation) to its own, and its own
address in requests (an Auth0 `audience`) back to the sandbox's, as a reverse proxy does, so
that followed links come back through it.
"""

import http.client
import http.server
import ssl
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
    """Forwards http://127.0.0.1:<port> (and, given a certificate, https://127.0.0.1:<tls_port>)
    to the sandbox and keeps every exchange."""

    def __init__(self, upstream_port, certificate=None):
        self.upstream_port = upstream_port
        self.exchanges = []
        self._lock = threading.Lock()
        self.server = self._listen(None)
        self.port = self.server.server_address[1]
        self.servers = [self.server]
        self.tls_port = None
        if certificate:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*certificate)
            tls = self._listen(context)
            self.tls_port = tls.server_address[1]
            self.servers.append(tls)

    def _listen(self, tls_context):
        proxy = self
        scheme = "https" if tls_context else "http"

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
                port = self.server.server_address[1]
                body = proxy.rewrite_request(body, port)
                path = proxy.rewrite_request(self.path.encode(), port).decode()
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=60)
                try:
                    upstream.request(self.command, path, body=body or None, headers=headers)
                    response = upstream.getresponse()
                    answer = response.read()
                    answer_headers = response.getheaders()
                    status = response.status
                finally:
                    upstream.close()
                port = self.server.server_address[1]
                answer = proxy.rewrite(answer, scheme, port)
                recorded = {}
                self.send_response_only(status)
                for name, value in answer_headers:
                    if name.lower() in ("content-length", "connection", "transfer-encoding", "keep-alive"):
                        continue
                    value = proxy.rewrite(value.encode(), scheme, port).decode()
                    recorded[name.lower()] = value
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(answer)
                with proxy._lock:
                    proxy.exchanges.append(Exchange(self.command, self.path, body, status, recorded, answer))

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        if tls_context:
            server.socket = tls_context.wrap_socket(server.socket, server_side=True)
        return server

    def rewrite(self, data, scheme, port):
        """The sandbox's address in an answer → the listener's."""
        upstream = f"127.0.0.1:{self.upstream_port}".encode()
        own = f"127.0.0.1:{port}".encode()
        return data.replace(b"http://" + upstream, f"{scheme}://".encode() + own).replace(upstream, own)

    def rewrite_request(self, data, port):
        """The listener's address in a request → the sandbox's."""
        pairs = [(f"127.0.0.1:{port}", f"127.0.0.1:{self.upstream_port}"),
                 (f"127.0.0.1%3A{port}", f"127.0.0.1%3A{self.upstream_port}")]
        for own, upstream in pairs:
            data = data.replace(own.encode(), upstream.encode())
        return data

    def start(self):
        for server in self.servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def mark(self):
        """A position in the record: `since(mark)` gives the exchanges after it."""
        with self._lock:
            return len(self.exchanges)

    def since(self, mark):
        with self._lock:
            return list(self.exchanges[mark:])
