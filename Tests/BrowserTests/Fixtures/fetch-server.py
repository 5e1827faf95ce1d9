#!/usr/bin/env python3
"""The HTTP server FetchTests and XMLHttpRequestTests fetch from, on 127.0.0.1.

Usage: fetch-server.py

Listens on two free ports (two origins, for CORS), prints one JSON line {"http": port, "other":
port}, and exits when its standard input closes, so it never outlives the test process.

Routes (the same on both ports):
  /page                         200 HTML
  /echo                         JSON: the request's method, path, headers (in order) and body
                                (Latin-1); ?acao=V adds Access-Control-Allow-Origin V
  /delay?ms=N                   "late" after N milliseconds, or nothing if the client hangs up
  /redirect?status=S&to=P       S with Location P
  /status?code=C&text=T         status C with reason phrase T
  /headers                      repeated and mixed-case headers, and a Set-Cookie
  /text?type=T&body=B           B (UTF-8) with Content-Type T
  /latin1                       "café" in ISO-8859-1, labelled so
  /xml, /html, /json, /bytes    a document, a page, {"ok": true}, the bytes 0..255
  /nocontent                    204
  /cors?acao=V&credentials=1&expose=H
                                "cross", with X-Secret, Access-Control-Allow-Origin V when given,
                                Access-Control-Allow-Credentials true and -Expose-Headers H when given
  /cors?...&allow-methods=M&allow-headers=H  also Access-Control-Allow-Methods/-Headers (a preflight's answer);
                                the body is "preflight" for OPTIONS, else "cross METHOD"
  /slow-body?ms=N               200 text/plain: its headers at once, its body "body" N milliseconds later
  /events/basic?acao=V          an event stream (BOM, comments, CR/LF/CRLF, event:, multi-line data:,
                                id:), then its end; Access-Control-Allow-Origin V when given
  /events/chunked               an event stream whose lines and characters are split across chunks
  /events/reconnect             "retry: 1000", id "a", data "first", then its end; a request with a
                                Last-Event-ID gets id "b" and data "got <its Last-Event-ID>", then its end
  /events/forever?key=K         data "hello", then stays open until the client hangs up
  /events/open?key=K            how many /events/forever?key=K streams are open now
  /events/status?code=C         status C, text/event-stream (an event stream's body unless C is 204)
  /events/wrongtype             200 text/plain with an event stream's body
"""

import json
import os
import select
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# Open /events/forever streams, by key.
open_streams = {}
open_streams_lock = threading.Lock()


def count_open(key, change):
    with open_streams_lock:
        open_streams[key] = open_streams.get(key, 0) + change
        return open_streams[key]


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_GET

    def send(self, status, body=b"", headers=(), reason=None):
        self.send_response(status, reason)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        # The head and the body in one write: a client never sees the head alone, so what a test
        # of virtual-time rule 2 (the clock held until the headers) sees does not depend on how
        # TCP happens to split them.
        self._headers_buffer.append(b"\r\n")
        payload = b"".join(self._headers_buffer) + (body if self.command != "HEAD" else b"")
        self._headers_buffer = []
        self.wfile.write(payload)

    def send_chunked_head(self, content_type, headers=()):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()

    def send_chunk(self, data, pause=0.0):
        """Sends one chunk (the last one when empty) and waits `pause` seconds, so chunks arrive apart."""
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()
        time.sleep(pause)

    def wait_unless_hung_up(self, seconds):
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([self.connection], [], [], remaining)
            if not readable:
                continue
            try:
                waiting = socket.socket.recv(self.connection, 1, socket.MSG_PEEK)
            except OSError:
                return False
            if not waiting:
                return False
            time.sleep(max(0.0, deadline - time.monotonic()))
        return True

    def route(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        path = url.path
        if path == "/page":
            self.send(200, b"<!doctype html><title>Fetch</title><p>page", [("Content-Type", "text/html; charset=utf-8")])
        elif path == "/echo":
            echo = {
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": body.decode("latin-1"),
            }
            headers = [("Content-Type", "application/json")]
            if "acao" in query:
                headers.append(("Access-Control-Allow-Origin", query["acao"]))
            self.send(200, json.dumps(echo).encode(), headers)
        elif path == "/delay":
            if not self.wait_unless_hung_up(int(query.get("ms", "1000")) / 1000):
                self.close_connection = True
            else:
                self.send(200, b"late", [("Content-Type", "text/plain")])
        elif path == "/redirect":
            self.send(int(query.get("status", "302")), b"moved", [("Location", query.get("to", "/echo"))])
        elif path == "/status":
            self.send(int(query["code"]), b"status", [("Content-Type", "text/plain")], query.get("text"))
        elif path == "/headers":
            headers = [("X-B", "1"), ("x-a", "first"), ("X-A", "second"), ("Set-Cookie", "secret=1"), ("Content-Type", "text/plain")]
            self.send(200, b"", headers)
        elif path == "/text":
            self.send(200, query.get("body", "").encode(), [("Content-Type", query.get("type", "text/plain"))])
        elif path == "/latin1":
            self.send(200, "caf\u00e9".encode("latin-1"), [("Content-Type", "text/plain; charset=ISO-8859-1")])
        elif path == "/xml":
            self.send(200, b"<?xml version='1.0'?><root><item id='a'>x</item></root>", [("Content-Type", "application/xml")])
        elif path == "/html":
            self.send(200, b"<!doctype html><title>T</title><p id=p>para", [("Content-Type", "text/html")])
        elif path == "/json":
            self.send(200, b'{"ok": true}', [("Content-Type", "application/json")])
        elif path == "/bytes":
            self.send(200, bytes(range(256)), [("Content-Type", "application/octet-stream")])
        elif path == "/nocontent":
            self.send(204)
        elif path == "/cors":
            headers = [("Content-Type", "text/plain"), ("X-Secret", "s")]
            if "acao" in query:
                headers.append(("Access-Control-Allow-Origin", query["acao"]))
            if "credentials" in query:
                headers.append(("Access-Control-Allow-Credentials", "true"))
            if "expose" in query:
                headers.append(("Access-Control-Expose-Headers", query["expose"]))
            if "allow-methods" in query:
                headers.append(("Access-Control-Allow-Methods", query["allow-methods"]))
            if "allow-headers" in query:
                headers.append(("Access-Control-Allow-Headers", query["allow-headers"]))
            self.send(200, b"preflight" if self.command == "OPTIONS" else b"cross " + self.command.encode(), headers)
        elif path == "/slow-body":
            self.send_chunked_head("text/plain")
            if self.wait_unless_hung_up(int(query.get("ms", "1000")) / 1000):
                self.send_chunk(b"body")
                self.send_chunk(b"")
            else:
                self.close_connection = True
        elif path == "/events/basic":
            headers = [("Access-Control-Allow-Origin", query["acao"])] if "acao" in query else []
            body = "\ufeff: a comment\r\ndata: one\r\n\r\nevent: named\ndata: two\ndata:  lines\nid: 7\n\ndata:three\rid\r\r"
            self.send(200, body.encode(), [("Content-Type", "text/event-stream")] + headers)
        elif path == "/events/chunked":
            self.send_chunked_head("text/event-stream; charset=utf-8")
            for chunk in [b"data: sp", b"lit\r", b"\n\r\ndata: caf\xc3", b"\xa9\n\n"]:
                self.send_chunk(chunk, 0.05)
            self.send_chunk(b"")
        elif path == "/events/reconnect":
            last = self.headers.get("Last-Event-ID")
            body = "retry: 1000\nid: a\ndata: first\n\n" if last is None else "id: b\ndata: got %s\n\n" % last
            self.send(200, body.encode(), [("Content-Type", "text/event-stream")])
        elif path == "/events/forever":
            key = query.get("key", "")
            self.send_chunked_head("text/event-stream")
            count_open(key, 1)
            try:
                self.send_chunk(b"data: hello\n\n")
                self.wait_unless_hung_up(60)
            finally:
                count_open(key, -1)
            self.close_connection = True
        elif path == "/events/open":
            self.send(200, str(count_open(query.get("key", ""), 0)).encode(), [("Content-Type", "text/plain")])
        elif path == "/events/status":
            code = int(query.get("code", "204"))
            # A 204 has no body: bytes sent after its head would be read as the next response.
            self.send(code, b"" if code == 204 else b"data: no\n\n", [("Content-Type", "text/event-stream")])
        elif path == "/events/wrongtype":
            self.send(200, b"data: no\n\n", [("Content-Type", "text/plain")])
        else:
            self.send(404, b"unknown route", [("Content-Type", "text/plain")])


def main():
    servers = [Server(("127.0.0.1", 0), Handler) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"http": servers[0].server_address[1], "other": servers[1].server_address[1]}), flush=True)
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
