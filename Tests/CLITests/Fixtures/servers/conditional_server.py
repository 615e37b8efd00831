#!/usr/bin/env python3
"""A static file server for the end-to-end tests that answers conditional requests as
nginx does: a strong ETag (here the SHA-256 of the file, so a change of content always
changes it, whatever the clock), Last-Modified from the file's mtime, 304 when
If-None-Match matches or, without it, when If-Modified-Since is not older than the file.

    conditional_server.py ROOT LOG [ADDRESS]

Serves ROOT on ADDRESS (default 127.0.0.1) and a free port, prints "PORT\\n" once it
listens, and appends one JSON line per request to LOG: method, path, the conditional
headers and the status answered. Stops on SIGTERM or when its standard input closes.
"""
import email.utils
import hashlib
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT, LOG = sys.argv[1], sys.argv[2]
ADDRESS = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
LOCK = threading.Lock()
TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status):
        entry = {"method": self.command, "path": self.path, "status": status,
                 "if-none-match": self.headers.get("If-None-Match"),
                 "if-modified-since": self.headers.get("If-Modified-Since")}
        with LOCK, open(LOG, "a") as log:
            log.write(json.dumps(entry, sort_keys=True) + "\n")

    def answer(self, status, headers, body=b""):
        self.record(status)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.endswith("/"):
            path += "index.html"
        file = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
        if not file.startswith(os.path.realpath(ROOT) + os.sep) or not os.path.isfile(file):
            return self.answer(404, [("Content-Type", "text/plain")], b"not found")
        with open(file, "rb") as handle:
            body = handle.read()
        mtime = int(os.stat(file).st_mtime)
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
        validators = [("ETag", etag), ("Last-Modified", email.utils.formatdate(mtime, usegmt=True))]
        if_none_match = self.headers.get("If-None-Match")
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_none_match is not None:
            if etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*":
                return self.answer(304, validators)
        elif if_modified_since is not None:
            since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
            if mtime <= since:
                return self.answer(304, validators)
        content_type = TYPES.get(os.path.splitext(file)[1], "application/octet-stream")
        self.answer(200, [("Content-Type", content_type)] + validators, body)

    do_HEAD = do_GET


server = ThreadingHTTPServer((ADDRESS, 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
server.serve_forever()
