#!/usr/bin/python3
"""A local SMTP server for relance's tests and benchmark (Debian's python3-aiosmtpd).

Run it with /usr/bin/python3: the python3 first on PATH may be another interpreter that does not
see Debian's Python packages.

    smtp_server.py serve --dir DIR [--fail-data N] [--reject-rcpt TEXT] [--delay-data SECONDS]

listens on 127.0.0.1 on a free port chosen by the system, prints "PORT <n>" on standard output
once it accepts connections, and stores every accepted message in DIR as NNNNNN.eml (the bytes
received after DATA, dot-stuffing undone) next to NNNNNN.json (the envelope: mail_from,
rcpt_tos, peer [host, port] of the client connection, helo). Both files are complete before the
server answers 250 (written to a temporary name, then renamed).
  --fail-data N       answers "451 4.3.0" to the first N messages (at the end of DATA) and keeps
                      nothing of them
  --reject-rcpt TEXT  answers "550 5.1.1" to RCPT TO for any address containing TEXT
  --delay-data S      waits S seconds before answering the end of DATA (timeouts)
  --auth USER:PASS    requires AUTH (PLAIN or LOGIN, offered without TLS: a test server) with
                      these credentials; MAIL without it gets 530, a wrong password 535
It stops on SIGTERM or SIGINT, or when its standard input reaches end of file (so it cannot
outlive a test that holds the other end of a pipe). Exit status 3: aiosmtpd is not installed.

    smtp_server.py parse DIR

prints, as one JSON array, every NNNNNN.eml of DIR parsed by Python's email package
(policy.default: RFC 2047 and RFC 2231 decoded): envelope, headers (name, raw value, decoded
value, addresses), defects, MIME structure, text and HTML bodies, attachments (file name,
content type, bytes in hex), and the raw message's line facts (longest line, bare LFs).
"""

import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import sys
import warnings


def serve(args):
    try:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult
    except ImportError:
        print("aiosmtpd is not installed (Debian: apt-get install python3-aiosmtpd)", file=sys.stderr)
        return 3

    os.makedirs(args.dir, exist_ok=True)

    class Handler:
        def __init__(self):
            self.data_commands = 0
            self.stored = 0

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if args.reject_rcpt and args.reject_rcpt in address:
                return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
            envelope.rcpt_tos.append(address)
            return "250 2.1.5 OK"

        async def handle_DATA(self, server, session, envelope):
            self.data_commands += 1
            if self.data_commands <= args.fail_data:
                return "451 4.3.0 Temporary local problem, try again later"
            if args.delay_data > 0:
                await asyncio.sleep(args.delay_data)
            self.stored += 1
            stem = os.path.join(args.dir, "%06d" % self.stored)
            meta = {
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "peer": list(session.peer) if session.peer else None,
                "helo": session.host_name,
            }
            with open(stem + ".json.tmp", "w", encoding="utf-8") as f:
                json.dump(meta, f)
            os.rename(stem + ".json.tmp", stem + ".json")
            with open(stem + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content)
            os.rename(stem + ".eml.tmp", stem + ".eml")
            return "250 2.0.0 OK queued as %06d" % self.stored

    class EphemeralPortController(Controller):
        # Binds port 0 (the system picks a free port: no race with other tests), then records it
        # so that Controller.start() can check the server answers.
        def _create_server(self):
            async def create():
                server = await self.loop.create_server(self._factory_invoker, host=self.hostname, port=0)
                self.port = server.sockets[0].getsockname()[1]
                return server

            return create()

    options = {"data_size_limit": 64 * 1024 * 1024}
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            login = getattr(auth_data, "login", b"")
            secret = getattr(auth_data, "password", b"")
            ok = login == user.encode() and secret == password.encode()
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
        # aiosmtpd rightly warns about AUTH without TLS; this is a loopback test server
        warnings.simplefilter("ignore")
        logging.getLogger("mail.log").setLevel(logging.ERROR)
    controller = EphemeralPortController(Handler(), hostname="127.0.0.1", **options)
    controller.start()

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("PORT %d" % controller.port, flush=True)
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except SystemExit:
        pass
    finally:
        controller.stop()
    return 0


def walk(part, out, structure):
    ctype = part.get_content_type()
    if part.is_multipart():
        children = []
        for sub in part.iter_parts():
            walk(sub, out, children)
        structure.append({"type": ctype, "parts": children})
        return
    structure.append({"type": ctype})
    disposition = part.get_content_disposition()
    if disposition == "attachment" or (ctype not in ("text/plain", "text/html")):
        payload = part.get_payload(decode=True) or b""
        out["attachments"].append(
            {
                "filename": part.get_filename(),
                "content_type": ctype,
                "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
                "hex": payload.hex(),
            }
        )
    elif ctype == "text/plain":
        out["text"] = part.get_content()
        out["text_charset"] = part.get_content_charset()
        out["text_encoding"] = part.get("Content-Transfer-Encoding", "")
    elif ctype == "text/html":
        out["html"] = part.get_content()
        out["html_encoding"] = part.get("Content-Transfer-Encoding", "")
    for defect in part.defects:
        out["defects"].append(repr(defect))


def parse_one(path):
    with open(path, "rb") as f:
        raw = f.read()
    envelope = None
    meta = path[: -len(".eml")] + ".json"
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            envelope = json.load(f)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = {
        "file": os.path.basename(path),
        "envelope": envelope,
        "headers": [],
        "defects": [repr(d) for d in msg.defects],
        "text": None,
        "html": None,
        "attachments": [],
        "structure": [],
    }
    raw_items = msg.raw_items()
    for (name, raw_value), (_, value) in zip(raw_items, msg.items()):
        entry = {"name": name, "raw": raw_value, "value": str(value)}
        addresses = getattr(value, "addresses", None)
        if addresses is not None:
            entry["addresses"] = [{"name": a.display_name, "address": a.addr_spec} for a in addresses]
        for d in getattr(value, "defects", ()):
            out["defects"].append("%s: %r" % (name, d))
        out["headers"].append(entry)
    walk(msg, out, out["structure"])
    lines = raw.split(b"\n")
    out["longest_line"] = max((len(l.rstrip(b"\r")) for l in lines), default=0)
    out["bare_lf"] = any(not l.endswith(b"\r") for l in lines[:-1])
    out["non_ascii"] = any(b > 127 for b in raw)
    return out


def parse(args):
    names = sorted(n for n in os.listdir(args.dir) if n.endswith(".eml"))
    json.dump([parse_one(os.path.join(args.dir, n)) for n in names], sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--dir", required=True)
    s.add_argument("--fail-data", type=int, default=0)
    s.add_argument("--reject-rcpt", default="")
    s.add_argument("--delay-data", type=float, default=0.0)
    s.add_argument("--auth", default="")
    p = sub.add_parser("parse")
    p.add_argument("dir")
    args = parser.parse_args()
    return serve(args) if args.command == "serve" else parse(args)


if __name__ == "__main__":
    sys.exit(main())
