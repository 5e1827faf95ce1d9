#!/usr/bin/env python3
"""Caper's HTTP test server: the routes NetworkTests fetch, on 127.0.0.1.

Usage: server.py [--certificate cert.pem --key key.pem]

Listens on free ports, prints one JSON line {"http": port, "https": port or null, "closed": port}
("closed" is a port that was free a moment ago, for connection-refused tests), and exits when its
standard input closes, so it never outlives the test process that started it.

Routes:
  /page                 200 HTML, charset utf-8
  /missing              404
  /redirect/CODE?to=P&policy=R
                        CODE (301, 302, 303, 307, 308) with Location P (default /echo), relative;
                        with a Referrer-Policy header R when given
  /chain/N              302 to /chain/N-1, and /chain/0 to /page
  /loop                 302 to itself
  /gzip                 a gzip-encoded body when the request accepts gzip
  /slow?seconds=S&to=P  answers after S seconds (a 302 to P when given), or not at all if the client
                        hangs up first
  /charset              text/plain with a quoted ISO-8859-1 charset and Latin-1 bytes
  /headers              repeated and ordered response headers
  /echo, /.../echo      JSON: the request's method, path, headers (in order) and body
  /set-cookie?c=C&to=P  a Set-Cookie header for each C, in order; a 302 to P when given, else 200
  /cookie-redirect?to=P&status=S
                        S (default 302) to P (default /echo), setting the cookie hop=1 (Path=/)
  /chunks?count=N&pause=MS
                        200 text/plain, chunked: "chunk 0\n" ... "chunk N-1\n", MS milliseconds apart
  /held?key=K           200 text/plain, chunked: its headers at once, then nothing until /release?key=K
                        was requested, then "released" (or the end after 10 minutes)
  /release?key=K        lets /held?key=K send its body
  /large?mb=N           N MiB of bytes (0..255 repeated) with a Content-Length, written 1 MiB at a time
"""

import gzip
import json
import os
import select
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGE = b"<!doctype html><title>Caper</title><p>Hello from the test server</p>"
MEBIBYTE = bytes(range(256)) * 4096

# /held waits on these, by key, until /release sets them.
gates = {}
gates_lock = threading.Lock()


def gate(key):
    with gates_lock:
        return gates.setdefault(key, threading.Event())


class Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when tests open 50 at once (each retried a
    # second or more later by TCP).
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hung up (an aborted or timed-out fetch) is not the server's error.
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

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_chunked_head(self, status=200, headers=(("Content-Type", "text/plain"),)):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()

    def send_chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def wait_unless_hung_up(self, seconds):
        """Waits `seconds`; False as soon as the client closes the connection (nothing to answer).

        A handler thread is not left sleeping for a fetch that was aborted or timed out long ago.
        """
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([self.connection], [], [], remaining)
            if not readable:
                continue
            try:
                # The TCP bytes themselves (socket.socket's recv, under TLS too): none means EOF.
                waiting = socket.socket.recv(self.connection, 1, socket.MSG_PEEK)
            except OSError:
                return False
            if not waiting:
                return False
            # The client sent more (a pipelined request or TLS's close_notify): wait out the delay.
            time.sleep(max(0.0, deadline - time.monotonic()))
        return True

    def route(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        if url.path == "/page":
            self.send(200, PAGE, [("Content-Type", "text/html; charset=utf-8")])
        elif url.path == "/missing":
            self.send(404, b"no such page", [("Content-Type", "text/plain")])
        elif parts[0] == "redirect" and len(parts) == 2:
            target = query.get("to", ["/echo"])[0]
            headers = [("Location", target), ("Content-Type", "text/plain")]
            headers += [("Referrer-Policy", policy) for policy in query.get("policy", [])]
            self.send(int(parts[1]), b"moved", headers)
        elif parts[0] == "chain" and len(parts) == 2:
            remaining = int(parts[1])
            target = "/page" if remaining == 0 else "/chain/%d" % (remaining - 1)
            self.send(302, b"", [("Location", target)])
        elif url.path == "/loop":
            self.send(302, b"", [("Location", "/loop")])
        elif url.path == "/gzip":
            text = b"compressed " * 200
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                self.send(200, gzip.compress(text), [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")])
            else:
                self.send(200, text, [("Content-Type", "text/plain")])
        elif url.path == "/slow":
            if not self.wait_unless_hung_up(float(query.get("seconds", ["5"])[0])):
                self.close_connection = True
            elif "to" in query:
                self.send(302, b"", [("Location", query["to"][0])])
            else:
                self.send(200, b"late", [("Content-Type", "text/plain")])
        elif url.path == "/charset":
            self.send(200, "caf\u00e9".encode("latin-1"), [("Content-Type", 'text/plain; charset="ISO-8859-1"')])
        elif url.path == "/headers":
            headers = [("X-First", "1"), ("X-Second", "two words"), ("x-first", "3"), ("Content-Type", "text/plain")]
            self.send(200, b"", headers)
        elif url.path == "/set-cookie":
            headers = [("Set-Cookie", cookie) for cookie in query.get("c", [])]
            if "to" in query:
                self.send(302, b"", headers + [("Location", query["to"][0])])
            else:
                self.send(200, b"set", headers + [("Content-Type", "text/plain")])
        elif url.path == "/cookie-redirect":
            status = int(query.get("status", ["302"])[0])
            headers = [("Set-Cookie", "hop=1; Path=/"), ("Location", query.get("to", ["/echo"])[0])]
            self.send(status, b"", headers)
        elif url.path == "/chunks":
            self.send_chunked_head()
            pause = float(query.get("pause", ["50"])[0]) / 1000
            for index in range(int(query.get("count", ["3"])[0])):
                if index:
                    time.sleep(pause)
                self.send_chunk(b"chunk %d\n" % index)
            self.send_chunk(b"")
        elif url.path == "/held":
            self.send_chunked_head()
            # A bound only so that no thread waits forever: a loaded test process may take long to ask.
            if gate(query["key"][0]).wait(600):
                self.send_chunk(b"released")
            self.send_chunk(b"")
        elif url.path == "/release":
            gate(query["key"][0]).set()
            self.send(200, b"released", [("Content-Type", "text/plain")])
        elif url.path == "/large":
            count = int(query.get("mb", ["100"])[0])
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(count * len(MEBIBYTE)))
            self.end_headers()
            for _ in range(count):
                self.wfile.write(MEBIBYTE)
        elif url.path == "/echo" or url.path.endswith("/echo"):
            echo = {
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body": body.decode("latin-1"),
            }
            self.send(200, json.dumps(echo).encode(), [("Content-Type", "application/json")])
        else:
            self.send(404, b"unknown route", [("Content-Type", "text/plain")])


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()


def main():
    arguments = sys.argv[1:]
    options = dict(zip(arguments[::2], arguments[1::2]))
    http = Server(("127.0.0.1", 0), Handler)
    serve(http)
    https_port = None
    if "--certificate" in options:
        https = Server(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options["--certificate"], options["--key"])
        https.socket = context.wrap_socket(https.socket, server_side=True)
        https_port = https.server_address[1]
        serve(https)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    closed = probe.getsockname()[1]
    probe.close()
    print(json.dumps({"http": http.server_address[1], "https": https_port, "closed": closed}), flush=True)
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
