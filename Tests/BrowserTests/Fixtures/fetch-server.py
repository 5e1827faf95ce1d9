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
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

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
            self.send(200, b"cross", headers)
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
