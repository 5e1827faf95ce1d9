#!/usr/bin/env python3
"""Caper's fixture server: serves Support/site/ and the dynamic routes the probe pages need.

Usage:
  python3 Support/site/server.py --url-file PATH [--root DIR] [--parent PID] [--verbose] [--no-delay]

It binds 127.0.0.1 on a port the system chooses (port 0), writes its base URL
(for example `http://127.0.0.1:40123/`, ending in a slash) to PATH once it accepts connections,
and exits when its parent process dies (its parent id changes), when the process --parent names
is gone, or, when stdin is a pipe, when stdin reaches end of file. (Started through a slow
launcher such as a pyenv shim, the parent may already be gone when the server starts: pass
--parent with the starting process's id, or keep stdin a pipe.) Python 3 standard library only.
Every response carries `Cache-Control: no-store`. With --no-delay, responses go out without
Nagle's delay (Caper's features and benchmark use it; the probes were recorded without it, and some
of their orders depend on the ~40 ms it adds per response on loopback).

Routes (every query parameter may repeat where noted; `<seq>` below means the sequencing
parameters that every route, static files included, accepts):
  GET  /<path>            a file under the root (404 when missing); index.html for folders.
  ANY  /respond           a response made from the query:
                            type=js|mjs|css|html|json|text|png|gif (default text; png and gif
                            answer a 1x1 image and ignore body), body=TEXT, status=N (default
                            200), cookie=SET-COOKIE-VALUE (repeatable), header=NAME:VALUE
                            (repeatable), <seq>.
  ANY  /delay             the same as /respond (named for `/delay?ms=N&type=js&body=...`).
  ANY  /set-cookie        the same as /respond (named for `/set-cookie?cookie=a%3D1`).
  ANY  /status/<code>     /respond with that status (`/status/404`, `/status/500`).
  ANY  /redirect          status=301|302|303|307|308 (default 302), to=URL (default /echo),
                          cookie=... (Set-Cookie on the hop, repeatable), <seq>.
  ANY  /echo              the request as JSON: {"method", "path", "query", "headers" (names
                          lower-cased, duplicates joined with ", "), "cookie", "referer",
                          "contentType", "body"}; accepts cookie=, header=, status=, <seq>.
  ANY  /form-target       records the request (issue 14's form probes): method, target (path and
                          query), contentType and body (a multipart boundary replaced by
                          `BOUNDARY` in both), referer (path and query when same-origin, else as
                          sent); answers a small HTML page that loads /probes/input-log.js, or,
                          with redirect=301|302|303|307|308, that status to /form-target?from=CODE.
                          Sequencing parameters are ignored here (they may be form fields).
  GET  /form-requests     the recorded form requests as a JSON list, oldest first.
  GET  /form-requests/reset  forgets them (answers "ok").
  GET  /seq/reset         forgets every sequencing mark (answers "ok").
  GET  /seq/state         the marks as JSON {"requested": {...}, "answered": {...}}.

The fixture web application (Support/site/app/, driven by Features/site/; never sequenced, so
its form fields cannot be read as sequencing parameters):
  GET  /app/...           its static pages (index.html, login.html, search.html, list.html, ...).
  POST /app/login         fields username, password, next: alice/secret answers 303 to next (an
                          /app/ path, default /app/account) with a `session` cookie (HttpOnly,
                          Path=/); anything else answers login.html again with a role=alert error.
  GET  /app/account       "Welcome, alice" for a valid session cookie, else 303 to
                          /app/login.html?next=/app/account.
  POST /app/logout        forgets the session, clears the cookie, 303 to /app/login.html.
  GET  /app/search        q=TEXT (case-insensitive substring), sort=name|price: a results page
                          over a fixed catalogue of ten fruits ("No results" when none match).
  GET  /app/api/items     a JSON list of three items [{"id", "name"}], after 200 ms.
  POST /app/upload        multipart/form-data (fields file, description): a page with the file's
                          name, size in bytes and type.
  GET  /vendor/jquery.js  Debian's jQuery (/usr/share/javascript/jquery/jquery.min.js, from
                          libjs-jquery); 404 when it is not installed.

Sequencing parameters (so a probe's order is fixed by construction, never by a network race):
  mark=NAME      this request is recorded as NAME: "requested" on arrival, "answered" once its
                 response has been written.
  after=NAME     (repeatable) answer only once a request marked NAME has been answered.
  requested=NAME (repeatable) answer only once a request marked NAME has arrived.
  ms=N           then wait N milliseconds more before answering.
Waits give up after 20 seconds and answer anyway (the probe's log then shows the fault).
Marks live for the server's lifetime: a runner that loads a page several times calls
/seq/reset before each load (Support/scripts/record-probes does).
"""

import argparse
import base64
import email.parser
import email.policy
import html
import http.cookies
import http.server
import json
import mimetypes
import os
import re
import secrets
import socketserver
import stat
import sys
import threading
import time
import urllib.parse

WAIT_LIMIT_SECONDS = 20.0

CONTENT_TYPES = {
  "js": "text/javascript; charset=utf-8",
  "mjs": "text/javascript; charset=utf-8",
  "css": "text/css; charset=utf-8",
  "html": "text/html; charset=utf-8",
  "json": "application/json",
  "text": "text/plain; charset=utf-8",
  "png": "image/png",
  "gif": "image/gif",
}

IMAGES = {
  "png": base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
  ),
  "gif": base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
}

JQUERY = "/usr/share/javascript/jquery/jquery.min.js"

# The fixture application's data: its one account, its search catalogue (name, price) and the
# fetch widget's items.
APP_USERS = {("alice", "secret")}
APP_CATALOGUE = [
  ("Apple", 1.20),
  ("Apricot", 2.50),
  ("Banana", 0.80),
  ("Blueberry", 3.90),
  ("Cherry", 4.20),
  ("Grape", 2.10),
  ("Lemon", 0.60),
  ("Mango", 1.90),
  ("Orange", 1.10),
  ("Peach", 1.50),
]
APP_ITEMS = ["Apple", "Banana", "Cherry"]
APP_PAGE = (
  '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
  '<link rel="stylesheet" href="/app/style.css">\n</head>\n<body>\n%s\n'
  '<p><a href="/app/">Back to the index</a></p>\n</body>\n</html>\n'
)


class Sequencer:
  """The marks of requests seen and answered; waits are on one condition variable."""

  def __init__(self):
    self.condition = threading.Condition()
    self.requested = {}
    self.answered = {}

  def reset(self):
    with self.condition:
      self.requested.clear()
      self.answered.clear()
      self.condition.notify_all()

  def note(self, table, name):
    with self.condition:
      table[name] = table.get(name, 0) + 1
      self.condition.notify_all()

  def wait_for(self, query):
    deadline = time.monotonic() + WAIT_LIMIT_SECONDS
    needs = [(self.answered, name) for name in query.get("after", [])]
    needs += [(self.requested, name) for name in query.get("requested", [])]
    with self.condition:
      for table, name in needs:
        while table.get(name, 0) == 0:
          left = deadline - time.monotonic()
          if left <= 0:
            break
          self.condition.wait(left)
    milliseconds = float(query.get("ms", ["0"])[0])
    if milliseconds > 0:
      time.sleep(milliseconds / 1000.0)

  def state(self):
    with self.condition:
      return {"requested": dict(self.requested), "answered": dict(self.answered)}


class Handler(http.server.BaseHTTPRequestHandler):
  protocol_version = "HTTP/1.1"
  # The status line, headers and body go out as separate writes: with Nagle's algorithm on (the
  # default, which the recorded probes were made with), the later ones wait for the client's
  # delayed ACK, about 40 ms per response on Linux loopback. --no-delay turns it off.
  disable_nagle_algorithm = False
  server_version = "CaperFixture/1"

  def log_message(self, format, *args):
    if self.server.verbose:
      sys.stderr.write("server: " + (format % args) + "\n")

  def do_GET(self):
    self.handle_any()

  def do_POST(self):
    self.handle_any()

  def do_PUT(self):
    self.handle_any()

  def do_DELETE(self):
    self.handle_any()

  def do_PATCH(self):
    self.handle_any()

  def do_HEAD(self):
    self.handle_any()

  def do_OPTIONS(self):
    self.handle_any()

  def handle_any(self):
    parsed = urllib.parse.urlsplit(self.path)
    query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
    length = int(self.headers.get("Content-Length") or 0)
    body = self.rfile.read(length) if length > 0 else b""
    sequencer = self.server.sequencer
    marks = query.get("mark", [])
    for name in marks:
      sequencer.note(sequencer.requested, name)
    path = parsed.path
    if path == "/seq/reset":
      sequencer.reset()
      self.answer(200, "text", b"ok", query, marks=[])
      return
    if path == "/seq/state":
      self.answer(200, "json", json.dumps(sequencer.state()).encode(), query, marks=[])
      return
    if path == "/form-requests/reset":
      with self.server.form_lock:
        del self.server.form_requests[:]
      self.answer(200, "text", b"ok", query, marks=[])
      return
    if path == "/form-requests":
      with self.server.form_lock:
        content = json.dumps(self.server.form_requests).encode("utf-8")
      self.answer(200, "json", content, query, marks=[])
      return
    if path.startswith("/app/") and self.app(path, query, body):
      return
    if path == "/vendor/jquery.js":
      self.vendor_jquery(query, marks)
      return
    if path == "/form-target":
      # Never sequenced: a form's own fields (after=, ms=, ...) arrive in its query.
      self.form_target(parsed, query, body, marks)
      return
    sequencer.wait_for(query)
    if path in ("/respond", "/delay", "/set-cookie") or path.startswith("/status/"):
      status = int(path[len("/status/") :]) if path.startswith("/status/") else int(query.get("status", ["200"])[0])
      kind = query.get("type", ["text"])[0]
      content = IMAGES[kind] if kind in IMAGES else query.get("body", [""])[0].encode("utf-8")
      self.answer(status, kind, content, query, marks)
    elif path == "/redirect":
      status = int(query.get("status", ["302"])[0])
      target = query.get("to", ["/echo"])[0]
      self.answer(status, "text", b"", query, marks, extra=[("Location", target)])
    elif path == "/echo":
      self.answer(int(query.get("status", ["200"])[0]), "json", self.echo(parsed, body), query, marks)
    else:
      self.serve_file(urllib.parse.unquote(path), query, marks)

  def form_target(self, parsed, query, body, marks):
    content_type = self.headers.get("Content-Type")
    text = body.decode("utf-8", "replace")
    if content_type:
      match = re.search(r'boundary="?([^";]+)"?', content_type)
      if match:
        boundary = match.group(1)
        content_type = content_type.replace(boundary, "BOUNDARY")
        text = text.replace(boundary, "BOUNDARY")
    referer = self.headers.get("Referer")
    origin = "http://%s:%d" % self.server.server_address[:2]
    if referer and referer.startswith(origin + "/"):
      referer = referer[len(origin) :]
    target = parsed.path + ("?" + parsed.query if parsed.query else "")
    record = {"method": self.command, "target": target, "contentType": content_type, "referer": referer, "body": text}
    with self.server.form_lock:
      self.server.form_requests.append(record)
    redirect = query.get("redirect", [None])[0]
    if redirect:
      self.answer(int(redirect), "text", b"", query, marks, extra=[("Location", "/form-target?from=" + redirect)])
      return
    page = (
      '<!doctype html>\n<meta charset="utf-8">\n<title>form-target</title>\n'
      '<script src="/probes/input-log.js"></script>\n<p id="received">%s</p>\n' % self.command
    )
    self.answer(200, "html", page.encode("utf-8"), query, marks)

  # The fixture web application's dynamic routes (Support/site/app/); False for its static files.
  def app(self, path, query, body):
    routes = {
      ("POST", "/app/login"): self.app_login,
      ("GET", "/app/account"): self.app_account,
      ("POST", "/app/logout"): self.app_logout,
      ("GET", "/app/search"): self.app_search,
      ("GET", "/app/api/items"): self.app_items,
      ("POST", "/app/upload"): self.app_upload,
    }
    route = routes.get(("GET" if self.command == "HEAD" else self.command, path))
    if route is None:
      return False
    route(query, body)
    return True

  def app_page(self, status, content, extra=()):
    self.answer(status, "html", content.encode("utf-8"), {}, [], extra=extra)

  def app_redirect(self, location, extra=()):
    self.answer(303, "text", b"", {}, [], extra=[("Location", location)] + list(extra))

  def app_user(self):
    cookie = http.cookies.SimpleCookie()
    try:
      cookie.load(self.headers.get("Cookie") or "")
    except http.cookies.CookieError:
      return None
    token = cookie["session"].value if "session" in cookie else None
    with self.server.sessions_lock:
      return self.server.sessions.get(token) if token else None

  def app_login(self, query, body):
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    username = form.get("username", [""])[0]
    password = form.get("password", [""])[0]
    target = form.get("next", ["/app/account"])[0]
    if not target.startswith("/app/"):
      target = "/app/account"
    if (username, password) in APP_USERS:
      token = secrets.token_hex(16)
      with self.server.sessions_lock:
        self.server.sessions[token] = username
      self.app_redirect(target, [("Set-Cookie", "session=%s; HttpOnly; Path=/; SameSite=Lax" % token)])
      return
    with open(os.path.join(self.server.root, "app", "login.html"), encoding="utf-8") as file:
      page = file.read()
    error = '<p role="alert" class="error">Invalid username or password</p>'
    self.app_page(200, page.replace("<!--error-->", error, 1))

  def app_account(self, query, body):
    user = self.app_user()
    if user is None:
      self.app_redirect("/app/login.html?next=/app/account")
      return
    self.app_page(
      200,
      APP_PAGE
      % (
        "Account",
        "<h1>Welcome, %s</h1>\n"
        '<p><a href="/app/account" target="_blank">Open account in a new window</a></p>\n'
        '<form method="post" action="/app/logout"><button type="submit">Log out</button></form>' % html.escape(user),
      ),
    )

  def app_logout(self, query, body):
    cookie = http.cookies.SimpleCookie()
    try:
      cookie.load(self.headers.get("Cookie") or "")
    except http.cookies.CookieError:
      pass
    if "session" in cookie:
      with self.server.sessions_lock:
        self.server.sessions.pop(cookie["session"].value, None)
    self.app_redirect("/app/login.html", [("Set-Cookie", "session=; HttpOnly; Path=/; Max-Age=0")])

  def app_search(self, query, body):
    text = query.get("q", [""])[0].strip()
    order = query.get("sort", ["name"])[0]
    found = [item for item in APP_CATALOGUE if text.lower() in item[0].lower()]
    found.sort(key=(lambda item: (item[1], item[0])) if order == "price" else (lambda item: item[0]))
    rows = "".join(
      '<li><span class="name">%s</span> <span class="price">%.2f</span></li>\n' % (html.escape(name), price)
      for name, price in found
    )
    selected = {"name": "", "price": ""}
    selected[order if order in selected else "name"] = " selected"
    count = "No results" if not found else ("1 result" if len(found) == 1 else "%d results" % len(found))
    content = (
      '<form method="get" action="/app/search" role="search">\n'
      '<p><label for="q">Search</label> <input id="q" name="q" type="search" value="%s"></p>\n'
      '<p><label for="sort">Sort</label> <select id="sort" name="sort">'
      '<option value="name"%s>By name</option><option value="price"%s>By price</option></select></p>\n'
      '<p><button type="submit">Search</button></p>\n</form>\n'
      '<h1>Results for &ldquo;%s&rdquo;</h1>\n<p id="count" role="status">%s</p>\n'
      '<ul aria-label="Results">\n%s</ul>'
      % (html.escape(text), selected["name"], selected["price"], html.escape(text), count, rows)
    )
    self.app_page(200, APP_PAGE % ("Search results", content))

  def app_items(self, query, body):
    time.sleep(0.2)
    content = json.dumps([{"id": index + 1, "name": name} for index, name in enumerate(APP_ITEMS)]).encode("utf-8")
    self.answer(200, "json", content, {}, [])

  def app_upload(self, query, body):
    content_type = self.headers.get("Content-Type") or ""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
      b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    fields = {}
    upload = None
    if message.is_multipart():
      for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        data = part.get_payload(decode=True) or b""
        if filename is not None:
          if upload is None and filename:
            upload = (filename, len(data), part.get_content_type())
        elif name:
          fields[name] = data.decode("utf-8", "replace")
    if upload is None:
      details = "<p>No file was chosen.</p>"
    else:
      details = (
        '<dl>\n<dt>Name</dt><dd id="file-name">%s</dd>\n<dt>Size</dt><dd id="file-size">%d bytes</dd>\n'
        '<dt>Type</dt><dd id="file-type">%s</dd>\n</dl>' % (html.escape(upload[0]), upload[1], html.escape(upload[2]))
      )
    description = fields.get("description", "")
    if description:
      details += '\n<p id="description">Description: %s</p>' % html.escape(description)
    self.app_page(200, APP_PAGE % ("Upload received", "<h1>Upload received</h1>\n" + details))

  def vendor_jquery(self, query, marks):
    try:
      with open(JQUERY, "rb") as file:
        content = file.read()
    except OSError:
      self.answer(404, "text", b"not found: install libjs-jquery", query, marks)
      return
    self.answer(200, "js", content, query, marks)

  def echo(self, parsed, body):
    headers = {}
    for name, value in self.headers.items():
      key = name.lower()
      headers[key] = headers[key] + ", " + value if key in headers else value
    return json.dumps(
      {
        "method": self.command,
        "path": parsed.path,
        "query": parsed.query,
        "headers": headers,
        "cookie": headers.get("cookie"),
        "referer": headers.get("referer"),
        "contentType": headers.get("content-type"),
        "body": body.decode("utf-8", "replace"),
      },
      sort_keys=True,
    ).encode("utf-8")

  def serve_file(self, path, query, marks):
    root = self.server.root
    full = os.path.realpath(os.path.join(root, path.lstrip("/")))
    if full != root and not full.startswith(root + os.sep):
      self.answer(404, "text", b"not found", query, marks)
      return
    if os.path.isdir(full):
      full = os.path.join(full, "index.html")
    if not os.path.isfile(full):
      self.answer(404, "text", b"not found", query, marks)
      return
    with open(full, "rb") as file:
      content = file.read()
    extension = os.path.splitext(full)[1].lstrip(".")
    if extension in CONTENT_TYPES:
      kind = extension
    else:
      kind = mimetypes.guess_type(full)[0] or "application/octet-stream"
    self.answer(int(query.get("status", ["200"])[0]), kind, content, query, marks)

  def answer(self, status, kind, content, query, marks, extra=()):
    self.send_response(status)
    self.send_header("Content-Type", CONTENT_TYPES.get(kind, kind))
    self.send_header("Content-Length", str(len(content)))
    self.send_header("Cache-Control", "no-store")
    for cookie in query.get("cookie", []):
      self.send_header("Set-Cookie", cookie)
    for header in query.get("header", []):
      name, _, value = header.partition(":")
      self.send_header(name.strip(), value.strip())
    for name, value in extra:
      self.send_header(name, value)
    self.end_headers()
    if self.command != "HEAD":
      self.wfile.write(content)
    self.wfile.flush()
    for name in marks:
      self.server.sequencer.note(self.server.sequencer.answered, name)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
  daemon_threads = True
  allow_reuse_address = True

  def handle_error(self, request, client_address):
    # A client that went away (an aborted fetch, a closed browser) is not a fault of the server.
    if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
      return
    super().handle_error(request, client_address)


def exit_with_parent(parent, watched):
  while True:
    if os.getppid() != parent:
      os._exit(0)
    if watched is not None:
      try:
        os.kill(watched, 0)
      except ProcessLookupError:
        os._exit(0)
      except PermissionError:
        pass
    time.sleep(0.2)


def exit_at_end_of_stdin():
  try:
    while sys.stdin.buffer.read(65536):
      pass
  except OSError:
    pass
  os._exit(0)


def main():
  arguments = argparse.ArgumentParser(description="Caper's fixture server (Support/site/).")
  arguments.add_argument("--url-file", required=True, help="where to write the base URL")
  arguments.add_argument("--root", default=os.path.dirname(os.path.abspath(__file__)), help="the folder served")
  arguments.add_argument("--verbose", action="store_true", help="log every request on stderr")
  arguments.add_argument("--parent", type=int, help="also exit when the process with this id is gone")
  arguments.add_argument(
    "--no-delay", action="store_true",
    help="send without Nagle's delay (about 40 ms a response otherwise; the probes were recorded with it)")
  options = arguments.parse_args()
  Handler.disable_nagle_algorithm = options.no_delay
  server = Server(("127.0.0.1", 0), Handler)
  server.root = os.path.realpath(options.root)
  server.sequencer = Sequencer()
  server.form_requests = []
  server.form_lock = threading.Lock()
  server.sessions = {}
  server.sessions_lock = threading.Lock()
  server.verbose = options.verbose
  threading.Thread(target=exit_with_parent, args=(os.getppid(), options.parent), daemon=True).start()
  try:
    if stat.S_ISFIFO(os.fstat(sys.stdin.fileno()).st_mode):
      threading.Thread(target=exit_at_end_of_stdin, daemon=True).start()
  except (OSError, ValueError):
    pass
  url = "http://127.0.0.1:%d/" % server.server_address[1]
  partial = options.url_file + ".partial"
  with open(partial, "w") as file:
    file.write(url)
  os.replace(partial, options.url_file)
  server.serve_forever()


if __name__ == "__main__":
  main()
