#!/usr/bin/python3
"""A local stand-in for the Pingen API v2, for relance's postal channel tests. Standard library only.

    /usr/bin/python3 postal_stub.py --state FILE [--port 0] [--client-id ID] [--client-secret S]
        [--organisation ORG] [--token-ttl SECONDS] [--fault ROUTE:KIND:COUNT[:ARG]]...
        [--lazy-state] [--create-delay SECONDS]

Listens on 127.0.0.1 (a random port unless --port) and prints its base URL on the first line of
standard output, e.g. "http://127.0.0.1:40123". It answers both as the identity server and as the
API, with Pingen's shapes (https://api.pingen.com/documentation, JSON:API bodies):

    POST /auth/access-tokens                   grant_type=client_credentials, client_id, client_secret
    GET  /file-upload                          data.attributes {url, url_signature, expires_at}
    PUT  /uploads/<id>?signature=<sig>         the file bytes (the "pre-signed" URL)
    POST /organisations/<org>/letters          Idempotency-Key honoured: the same key gives back the
                                               letter it created (header Idempotent-Replayed: true)
    GET  /organisations/<org>/letters/<id>     the letter, with its status

API calls need "Authorization: Bearer <token>" with a token it issued and that has not expired.
Validation errors are 422 with {"errors": [{code, title, detail, source: {pointer}}]}.

Everything it did is written after each request to the --state JSON file: "letters" (each with its
attributes, idempotency key, the uploaded file's size and SHA-256 and the path of a copy of its
bytes), "token_requests", "uploads" and "requests" (method, path, status, idempotency key).
With --lazy-state the file is written only when GET /__control/state asks for it: a batch of
thousands of requests then costs no rewrite of a growing file per request.

--create-delay SECONDS waits that long after a letter was created (and its idempotency key
recorded) before answering: a client killed in that window never learns the letter exists, which is
the in-doubt case a crash test wants to hit often.

Faults, from the command line or POST /__control/fault {"route", "kind", "count", "arg"}:
    ROUTE  token | file-upload | upload | create | status | any
    KIND   500        answer 500, do nothing
           429        answer 429 with Retry-After: ARG seconds (default 1), do nothing
           503        answer 503 with Retry-After: ARG seconds when ARG is given, do nothing
           delay      sleep ARG seconds (default 3), then do the work and answer (too late for a
                      client with a shorter timeout: the letter exists, the client is in doubt)
           422        (create) a validation error, do nothing
Other control calls: POST /__control/letters/<id> {"status": ..., "tracking_number": ...} sets a
letter's state; GET /__control/state returns the state document.
"""

import argparse
import hashlib
import json
import os
import secrets
import socket
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DELIVERY_PRODUCTS = {"cheap", "fast", "registered", "bulk", "premium", "atpost_economy", "atpost_priority",
                     "postag_a", "postag_b", "postag_b2", "postag_registered", "postag_aplus", "dpag_standard",
                     "dpag_economy", "indpost_mail", "indpost_robinmail", "online"}
PRINT_MODES = {"simplex", "duplex"}
PRINT_SPECTRA = {"grayscale", "color"}
ROUTES = {"token", "file-upload", "upload", "create", "status", "any"}
KINDS = {"500", "429", "503", "delay", "422"}


def now_iso():
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.RLock()
        self.tokens = {}  # token -> expiry (time.time())
        self.uploads = {}  # id -> {"signature", "bytes"}
        self.letters = {}  # id -> record
        self.order = []
        self.idempotency = {}  # (org, key) -> (status, body)
        self.key_locks = {}
        self.faults = []  # [route, kind, count, arg]
        self.token_requests = 0
        self.upload_count = 0
        self.requests = []
        self.files_dir = args.state + ".files"
        os.makedirs(self.files_dir, exist_ok=True)
        for spec in args.fault or []:
            parts = spec.split(":")
            if len(parts) < 3:
                sys.exit("--fault wants ROUTE:KIND:COUNT[:ARG], not " + spec)
            self.add_fault(parts[0], parts[1], int(parts[2]), parts[3] if len(parts) > 3 else None)
        self.save()

    def add_fault(self, route, kind, count, arg):
        if route not in ROUTES or kind not in KINDS:
            raise ValueError("bad fault %s:%s" % (route, kind))
        with self.lock:
            self.faults.append([route, kind, int(count), arg])

    def take_fault(self, route):
        with self.lock:
            for f in self.faults:
                if f[2] > 0 and f[0] in (route, "any"):
                    f[2] -= 1
                    return f[1], f[3]
        return None, None

    def key_lock(self, org, key):
        with self.lock:
            return self.key_locks.setdefault((org, key), threading.Lock())

    def document(self):
        with self.lock:
            return {
                "letters": [self.letters[i] for i in self.order],
                "token_requests": self.token_requests,
                "uploads": self.upload_count,
                "requests": list(self.requests),
                "faults_left": [f for f in self.faults if f[2] > 0],
            }

    def save(self):
        with self.lock:
            tmp = self.args.state + ".tmp"
            with open(tmp, "w", encoding="utf-8") as out:
                json.dump(self.document(), out, indent=1)
            os.replace(tmp, self.args.state)


def jsonapi_error(status, code, title, detail, pointer=None):
    error = {"code": code, "title": title, "detail": detail}
    if pointer:
        error["source"] = {"pointer": pointer}
    return status, {"errors": [error]}


def letter_resource(rec, base):
    return {
        "data": {
            "id": rec["id"],
            "type": "letters",
            "attributes": rec["attributes"],
            "relationships": {"organisation": {"data": {"id": rec["organisation"], "type": "organisations"}}},
            "links": {"self": "%s/organisations/%s/letters/%s" % (base, rec["organisation"], rec["id"])},
        }
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "postal-stub/1"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm holds the body
        # until the client's delayed ACK of the headers, 40 ms per response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # quiet: the test's output stays readable
        if self.server.state.args.verbose:
            sys.stderr.write("postal_stub: " + (fmt % args) + "\n")

    @property
    def st(self):
        return self.server.state

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, doc=None, headers=None, content_type="application/vnd.api+json", route=None):
        payload = b"" if doc is None else json.dumps(doc).encode("utf-8")
        with self.st.lock:
            if route != "control":  # the test's own questions are not part of what the client did
                self.st.requests.append({
                    "method": self.command,
                    "path": urlsplit(self.path).path,
                    "route": route,
                    "status": status,
                    "idempotency_key": self.headers.get("Idempotency-Key"),
                })
        if not self.st.args.lazy_state:
            self.st.save()
        try:
            self.send_response(status)
            if payload:
                self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): the work is done all the same

    def fault(self, route):
        """Applies an injected fault; True when the request was answered by it."""
        kind, arg = self.st.take_fault(route)
        if kind is None:
            return False
        if kind == "delay":
            time.sleep(float(arg or 3))
            return False
        if kind == "500":
            self.reply(*jsonapi_error(500, "server_error", "Internal Server Error", "injected failure"), route=route)
        elif kind in ("429", "503"):
            headers = {}
            if kind == "429" or arg:
                headers["Retry-After"] = str(arg or 1)
            title = "Too Many Requests" if kind == "429" else "Service Unavailable"
            self.reply(*jsonapi_error(int(kind), "throttled", title, "injected " + kind), headers=headers, route=route)
        elif kind == "422":
            self.reply(*jsonapi_error(422, "validation_error", "Unprocessable Entity",
                                      "The address could not be read in the address window of the first page.",
                                      "/data/attributes/file_url"), route=route)
        return True

    def authorised(self, route):
        auth = self.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else None
        with self.st.lock:
            expiry = self.st.tokens.get(token)
        if expiry is None or expiry < time.time():
            self.reply(*jsonapi_error(401, "unauthenticated", "Unauthenticated", "missing, unknown or expired token"),
                       route=route)
            return False
        return True

    # --- dispatch ---------------------------------------------------------------------------

    def do_GET(self):
        path = urlsplit(self.path).path.rstrip("/")
        parts = path.strip("/").split("/")
        if path == "/__control/state":
            self.st.save()
            return self.reply(200, self.st.document(), content_type="application/json", route="control")
        if path == "/file-upload":
            return self.file_upload()
        if len(parts) == 4 and parts[0] == "organisations" and parts[2] == "letters":
            return self.letter_status(parts[1], parts[3])
        self.reply(*jsonapi_error(404, "not_found", "Not Found", "no such resource: " + path))

    def do_POST(self):
        path = urlsplit(self.path).path.rstrip("/")
        parts = path.strip("/").split("/")
        if path == "/auth/access-tokens":
            return self.access_token()
        if path == "/__control/fault":
            f = json.loads(self.body() or b"{}")
            try:
                self.st.add_fault(f.get("route", "any"), str(f.get("kind")), int(f.get("count", 1)),
                                  None if f.get("arg") is None else str(f.get("arg")))
            except ValueError as e:
                return self.reply(400, {"error": str(e)}, content_type="application/json", route="control")
            return self.reply(204, route="control")
        if len(parts) == 3 and parts[0] == "__control" and parts[1] == "letters":
            return self.control_letter(parts[2])
        if len(parts) == 3 and parts[0] == "organisations" and parts[2] == "letters":
            return self.create_letter(parts[1])
        self.reply(*jsonapi_error(404, "not_found", "Not Found", "no such resource: " + path))

    def do_PUT(self):
        url = urlsplit(self.path)
        parts = url.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "uploads":
            return self.put_upload(parts[1], parse_qs(url.query).get("signature", [""])[0])
        self.reply(404, None)

    # --- endpoints --------------------------------------------------------------------------

    def access_token(self):
        raw = self.body()
        with self.st.lock:
            self.st.token_requests += 1
        if self.fault("token"):
            return
        form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8")).items()}
        if form.get("grant_type") != "client_credentials":
            return self.reply(400, {"error": "unsupported_grant_type",
                                    "error_description": "grant_type must be client_credentials"},
                              content_type="application/json", route="token")
        if form.get("client_id") != self.st.args.client_id or form.get("client_secret") != self.st.args.client_secret:
            return self.reply(401, {"error": "invalid_client", "error_description": "Client authentication failed",
                                    "message": "Client authentication failed"},
                              content_type="application/json", route="token")
        token = secrets.token_urlsafe(24)
        with self.st.lock:
            self.st.tokens[token] = time.time() + self.st.args.token_ttl
        self.reply(200, {"token_type": "Bearer", "expires_in": self.st.args.token_ttl, "access_token": token},
                   content_type="application/json", route="token")

    def file_upload(self):
        if not self.authorised("file-upload") or self.fault("file-upload"):
            return
        upload_id = uuid.uuid4().hex
        signature = secrets.token_hex(16)
        with self.st.lock:
            self.st.uploads[upload_id] = {"signature": signature, "bytes": None}
        expires = (datetime.now(timezone.utc) + timedelta(hours=1)).replace(microsecond=0).isoformat()
        self.reply(200, {"data": {"id": upload_id, "type": "file_uploads", "attributes": {
            "url": "%s/uploads/%s?signature=%s" % (self.base, upload_id, signature),
            "url_signature": signature, "expires_at": expires}}}, route="file-upload")

    def put_upload(self, upload_id, signature):
        data = self.body()
        if self.fault("upload"):
            return
        if "Authorization" in self.headers:
            return self.reply(400, None, route="upload")  # a pre-signed URL takes no credentials
        with self.st.lock:
            up = self.st.uploads.get(upload_id)
            if up is None or up["signature"] != signature:
                return self.reply(403, None, route="upload")
            up["bytes"] = data
            self.st.upload_count += 1
        self.reply(200, None, route="upload")

    def create_letter(self, org):
        raw = self.body()
        if not self.authorised("create"):
            return
        if org != self.st.args.organisation:
            return self.reply(*jsonapi_error(403, "forbidden", "Forbidden", "not your organisation"), route="create")
        key = self.headers.get("Idempotency-Key")
        lock = self.st.key_lock(org, key) if key else threading.Lock()
        with lock:  # a second request with the key waits for the first, then gets its answer
            if key:
                with self.st.lock:
                    stored = self.st.idempotency.get((org, key))
                if stored:
                    return self.reply(stored[0], stored[1], headers={"Idempotent-Replayed": "true"}, route="create")
            if self.fault("create"):
                return
            status, doc = self.validate_and_create(org, raw, key)
            if key and status == 201:
                with self.st.lock:
                    self.st.idempotency[(org, key)] = (status, doc)
            if status == 201 and self.st.args.create_delay > 0:
                time.sleep(self.st.args.create_delay)
            self.reply(status, doc, route="create")

    def validate_and_create(self, org, raw, key):
        ctype = self.headers.get("Content-Type", "")
        if not ctype.startswith("application/vnd.api+json"):
            return jsonapi_error(415, "unsupported_media_type", "Unsupported Media Type",
                                 "Content-Type must be application/vnd.api+json")
        try:
            doc = json.loads(raw)
            data = doc["data"]
            attrs = data["attributes"]
        except (ValueError, KeyError, TypeError):
            return jsonapi_error(400, "bad_request", "Bad Request", "the body is not a JSON:API document")
        if data.get("type") != "letters":
            return jsonapi_error(422, "validation_error", "Unprocessable Entity", "type must be letters", "/data/type")
        checks = [
            ("file_original_name", lambda v: isinstance(v, str) and v != ""),
            ("file_url", lambda v: isinstance(v, str) and v != ""),
            ("file_url_signature", lambda v: isinstance(v, str) and v != ""),
            ("address_position", lambda v: v in ("left", "right")),
            ("auto_send", lambda v: isinstance(v, bool)),
        ]
        if attrs.get("auto_send"):
            checks += [
                ("delivery_product", lambda v: v in DELIVERY_PRODUCTS),
                ("print_mode", lambda v: v in PRINT_MODES),
                ("print_spectrum", lambda v: v in PRINT_SPECTRA),
            ]
        for name, ok in checks:
            if not ok(attrs.get(name)):
                return jsonapi_error(422, "validation_error", "Unprocessable Entity",
                                     "The %s field is missing or invalid." % name, "/data/attributes/" + name)
        upload_id = urlsplit(attrs["file_url"]).path.rstrip("/").split("/")[-1]
        with self.st.lock:
            up = self.st.uploads.get(upload_id)
        if up is None or up["signature"] != attrs["file_url_signature"]:
            return jsonapi_error(422, "validation_error", "Unprocessable Entity",
                                 "The file url signature is invalid.", "/data/attributes/file_url_signature")
        if up["bytes"] is None:
            return jsonapi_error(422, "validation_error", "Unprocessable Entity",
                                 "No file was uploaded to the file url.", "/data/attributes/file_url")
        if not up["bytes"].startswith(b"%PDF-"):
            return jsonapi_error(422, "validation_error", "Unprocessable Entity", "The file is not a PDF.",
                                 "/data/attributes/file_url")
        letter_id = str(uuid.uuid4())
        file_path = os.path.join(self.st.files_dir, letter_id + ".pdf")
        with open(file_path, "wb") as out:
            out.write(up["bytes"])
        stamp = now_iso()
        rec = {
            "id": letter_id,
            "organisation": org,
            "idempotency_key": key,
            "file_size": len(up["bytes"]),
            "file_sha256": hashlib.sha256(up["bytes"]).hexdigest(),
            "file_path": file_path,
            "attributes": {
                "status": "validating",
                "file_original_name": attrs["file_original_name"],
                "file_pages": max(1, up["bytes"].count(b"/Type /Page") - up["bytes"].count(b"/Type /Pages")),
                "address": None,
                "address_position": attrs["address_position"],
                "country": None,
                "delivery_product": attrs.get("delivery_product"),
                "print_mode": attrs.get("print_mode"),
                "print_spectrum": attrs.get("print_spectrum"),
                "auto_send": attrs["auto_send"],
                "price_currency": "CHF",
                "price_value": 1.25,
                "paper_types": ["normal"],
                "fonts": [],
                "source": "api",
                "tracking_number": None,
                "submitted_at": None,
                "created_at": stamp,
                "updated_at": stamp,
            },
        }
        with self.st.lock:
            self.st.letters[letter_id] = rec
            self.st.order.append(letter_id)
        return 201, letter_resource(rec, self.base)

    def letter_status(self, org, letter_id):
        if not self.authorised("status") or self.fault("status"):
            return
        with self.st.lock:
            rec = self.st.letters.get(letter_id)
        if rec is None or rec["organisation"] != org:
            return self.reply(*jsonapi_error(404, "not_found", "Not Found", "no letter " + letter_id), route="status")
        self.reply(200, letter_resource(rec, self.base), route="status")

    def control_letter(self, letter_id):
        change = json.loads(self.body() or b"{}")
        with self.st.lock:
            rec = self.st.letters.get(letter_id)
            if rec is None:
                return self.reply(404, None, route="control")
            for name in ("status", "tracking_number"):
                if name in change:
                    rec["attributes"][name] = change[name]
            rec["attributes"]["updated_at"] = now_iso()
        self.reply(204, route="control")


def main():
    parser = argparse.ArgumentParser(description="Pingen API v2 stand-in for tests")
    parser.add_argument("--state", required=True, help="JSON file where the stub records what it did")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--client-id", default="stub-client")
    parser.add_argument("--client-secret", default="stub-secret")
    parser.add_argument("--organisation", default="stub-org")
    parser.add_argument("--token-ttl", type=int, default=43200)
    parser.add_argument("--fault", action="append", help="ROUTE:KIND:COUNT[:ARG]")
    parser.add_argument("--lazy-state", action="store_true", help="write --state only when asked for it")
    parser.add_argument("--create-delay", type=float, default=0.0, help="seconds between creating and answering")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State(args)
    print("http://127.0.0.1:%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
