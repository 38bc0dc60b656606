# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared harness for SendGuard's end-to-end tests.

Everything here drives real components over loopback (127.0.0.1) only:

* ``Upstream``   an aiosmtpd server in a thread of this process (plain, STARTTLS,
                 implicit TLS, AUTH, scripted RCPT/DATA refusals, store-to-disk).
* ``SmtpSink``   Postfix's ``smtp-sink`` as an external upstream.
* ``TestPKI``    a CA, a server certificate for 127.0.0.1/localhost signed by it and
                 a separate self-signed certificate, made with the openssl CLI.
* ``SendGuard``  the real ``$SENDGUARD_BIN`` with a temporary config and data dir.
* ``RawSMTP``    a byte-exact SMTP client on a plain socket (for protocol abuse tests).
* ``SGTestCase`` a unittest.TestCase base class that wires all of the above into
                 addCleanup and prints SendGuard's stderr when a test fails.

Every wait is bounded; every process and temporary directory is cleaned up.
"""

import atexit
import copy
import email.utils
import hashlib
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

import logging

# aiosmtpd logs every TLS handshake SendGuard rightly aborts; keep the test output readable.
if not os.environ.get("SG_E2E_VERBOSE"):
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)

LOOPBACK = "127.0.0.1"
LISTENING_MARKER = "SendGuard: listening on"

# Exit codes from docs/CONTRACT.md
EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_INVALID = 2
EXIT_NO_INSTANCE = 3
EXIT_NO_KEYCHAIN = 4

QUEUE_STATES = {"awaiting-confirmation", "held", "relaying", "retrying", "failed", "recalled", "sent"}


# ---------------------------------------------------------------------------
# small utilities


def sendguard_bin():
    """Path of the sendguard binary under test ($SENDGUARD_BIN)."""
    path = os.environ.get("SENDGUARD_BIN")
    if not path:
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.normpath(os.path.join(here, "..", "..", "build", "app", "sendguard"))
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise RuntimeError("SENDGUARD_BIN is not set to an executable sendguard binary (tried %r)" % path)
    return path


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago (bind to port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def port_accepts(port, host=LOOPBACK, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_until(predicate, timeout=10.0, interval=0.1, message=None):
    """Poll predicate() until it returns a truthy value (returned) or timeout expires.

    Raises AssertionError (a test failure) on timeout. Exceptions raised by the
    predicate are remembered and reported if the wait times out."""
    deadline = time.monotonic() + timeout
    last_exc = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as exc:  # noqa: BLE001 - reported on timeout
            last_exc = exc
        if time.monotonic() >= deadline:
            text = message or getattr(predicate, "__name__", "condition")
            if last_exc is not None:
                text += " (last error: %r)" % (last_exc,)
            raise AssertionError("timed out after %.1fs waiting for %s" % (timeout, text))
        time.sleep(interval)


def deep_merge(base, override):
    """Return base updated recursively with override; a None value deletes the key."""
    result = copy.deepcopy(base)
    for key, value in (override or {}).items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def make_message(subject, from_addr="alice@example.com", to=("bob@example.net",), body=None,
                 extra_headers=(), message_id=None):
    """An RFC 5322 message as bytes with CRLF line ends.

    extra_headers: sequence of raw header lines (str, without line end; may contain
    CRLF + whitespace for folded headers)."""
    if body is None:
        body = "Hello,\r\nthis is the body of %s.\r\nBye.\r\n" % subject
    message_id = message_id or "<%s@e2e.sendguard.test>" % uuid.uuid4().hex
    lines = [
        "From: %s" % from_addr,
        "To: %s" % ", ".join(to),
        "Subject: %s" % subject,
        "Date: %s" % email.utils.formatdate(localtime=False),
        "Message-ID: %s" % message_id,
    ]
    lines.extend(extra_headers)
    lines.append("MIME-Version: 1.0")
    lines.append("Content-Type: text/plain; charset=us-ascii")
    text = "\r\n".join(lines) + "\r\n\r\n" + body
    if not text.endswith("\r\n"):
        text += "\r\n"
    return text.encode("ascii")


def header_block(raw):
    """The header section of a raw message (bytes, without the blank line)."""
    idx = raw.find(b"\r\n\r\n")
    return raw if idx < 0 else raw[:idx + 2]


def body_of(raw):
    idx = raw.find(b"\r\n\r\n")
    return b"" if idx < 0 else raw[idx + 4:]


def run(args, input=None, timeout=30, env=None):
    """subprocess.run with a timeout, text capture and bytes input allowed."""
    return subprocess.run(args, input=input, capture_output=True, timeout=timeout, env=env)


def _is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------------------
# test PKI (openssl CLI)


class TestPKI:
    """A CA, a server certificate signed by it (SAN IP:127.0.0.1, DNS:localhost) and a
    separate self-signed certificate for the same names. Files are PEM."""

    __test__ = False  # not a unittest class

    def __init__(self, directory):
        self.dir = directory
        j = lambda name: os.path.join(directory, name)  # noqa: E731
        self.ca_cert, self.ca_key = j("ca.pem"), j("ca.key")
        self.server_cert, self.server_key = j("server.pem"), j("server.key")
        self.self_cert, self.self_key = j("selfsigned.pem"), j("selfsigned.key")
        self._make()

    def _openssl(self, *args):
        proc = run(["openssl"] + list(args), timeout=60)
        if proc.returncode != 0:
            raise RuntimeError("openssl %s failed: %s" % (" ".join(args), proc.stderr.decode(errors="replace")))

    def _make(self):
        d = self.dir
        self._openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3",
                      "-keyout", self.ca_key, "-out", self.ca_cert,
                      "-subj", "/O=SendGuard E2E/CN=SendGuard E2E Test CA",
                      "-addext", "basicConstraints=critical,CA:TRUE",
                      "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        csr = os.path.join(d, "server.csr")
        self._openssl("req", "-newkey", "rsa:2048", "-nodes", "-sha256",
                      "-keyout", self.server_key, "-out", csr, "-subj", "/O=SendGuard E2E/CN=localhost")
        ext = os.path.join(d, "server.ext")
        with open(ext, "w") as f:
            f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                    "basicConstraints=critical,CA:FALSE\n"
                    "keyUsage=critical,digitalSignature,keyEncipherment\n"
                    "extendedKeyUsage=serverAuth\n")
        self._openssl("x509", "-req", "-in", csr, "-CA", self.ca_cert, "-CAkey", self.ca_key,
                      "-CAcreateserial", "-out", self.server_cert, "-days", "3", "-sha256",
                      "-extfile", ext)
        self._openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3",
                      "-keyout", self.self_key, "-out", self.self_cert,
                      "-subj", "/O=Untrusted/CN=localhost",
                      "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")

    @staticmethod
    def server_context(cert, key):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        return ctx


_PKI = None
_PKI_LOCK = threading.Lock()


def get_pki():
    """The test PKI of this process, made once (removed at interpreter exit)."""
    global _PKI
    with _PKI_LOCK:
        if _PKI is None:
            d = tempfile.mkdtemp(prefix="sg-e2e-pki-")
            atexit.register(shutil.rmtree, d, True)
            _PKI = TestPKI(d)
        return _PKI


# ---------------------------------------------------------------------------
# upstream SMTP servers


class ReceivedMessage:
    """What an upstream got: envelope, raw bytes (or a file for store_dir), TLS, AUTH."""

    def __init__(self, mail_from, rcpt_tos, data, tls, auth_user, mail_options, path=None,
                 size=None, sha256=None):
        self.mail_from = mail_from
        self.rcpt_tos = list(rcpt_tos)
        self.data = data  # bytes, or None when written to disk
        self.tls = tls
        self.auth_user = auth_user
        self.mail_options = list(mail_options)
        self.path = path
        self.size = size if size is not None else len(data)
        self.sha256 = sha256 if sha256 is not None else hashlib.sha256(data).hexdigest()

    def __repr__(self):
        return "<ReceivedMessage from=%r to=%r size=%d tls=%s>" % (
            self.mail_from, self.rcpt_tos, self.size, self.tls)


class _UpstreamHandler:
    def __init__(self, upstream):
        self.up = upstream

    @staticmethod
    def _tls(server):
        transport = getattr(server, "transport", None)
        return bool(transport is not None and transport.get_extra_info("ssl_object") is not None)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        self.up._event("EHLO", hostname, self._tls(server))
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.up._event("MAIL", address, self._tls(server))
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.up._event("RCPT", address, self._tls(server))
        reply = self.up.rcpt_replies.get(address.lower())
        if reply is not None:
            with self.up._lock:
                self.up.refused_rcpts.append(address)
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        up = self.up
        with up._lock:
            up.data_attempts += 1
            attempt = up.data_attempts
        up._event("DATA", "attempt %d" % attempt, self._tls(server))
        if attempt <= up.data_fail_first:
            return up.data_fail_reply
        if up.data_reply is not None:
            return up.data_reply
        raw = envelope.original_content
        auth_user = None
        auth_data = getattr(session, "auth_data", None)
        if auth_data is not None:
            login = getattr(auth_data, "login", auth_data)
            auth_user = login.decode() if isinstance(login, bytes) else str(login)
        if up.store_dir:
            path = os.path.join(up.store_dir, "msg-%04d.eml" % attempt)
            with open(path, "wb") as f:
                f.write(raw)
            msg = ReceivedMessage(envelope.mail_from, envelope.rcpt_tos, None, self._tls(server),
                                  auth_user, envelope.mail_options, path=path, size=len(raw),
                                  sha256=hashlib.sha256(raw).hexdigest())
            envelope.original_content = envelope.content = None
        else:
            msg = ReceivedMessage(envelope.mail_from, envelope.rcpt_tos, bytes(raw), self._tls(server),
                                  auth_user, envelope.mail_options)
        with up._lock:
            up._messages.append(msg)
        return "250 2.0.0 Message accepted for delivery"


class Upstream:
    """An aiosmtpd server on 127.0.0.1:port in a thread of this process.

    tls:              None, "starttls" or "implicit"
    cert, key:        PEM files for tls (default: the test PKI's CA-signed server cert)
    require_starttls: refuse everything but EHLO/STARTTLS/QUIT before STARTTLS
    auth:             dict user -> password; if set, AUTH PLAIN/LOGIN is required
    rcpt_replies:     dict address -> reply line (e.g. "550 5.1.1 No such user")
    data_fail_first:  answer data_fail_reply (4xx by default) to the first N DATA
    data_reply:       answer this reply to every DATA (after data_fail_first)
    store_dir:        write messages to files there instead of keeping them in memory

    start()/stop() may be repeated on the same port ("upstream down then up").
    messages() returns a snapshot list of ReceivedMessage; events() the commands seen
    as (command, argument, over_tls) tuples."""

    def __init__(self, port=None, tls=None, cert=None, key=None, require_starttls=False, auth=None,
                 rcpt_replies=None, data_fail_first=0, data_fail_reply="451 4.3.0 Temporary failure, try later",
                 data_reply=None, store_dir=None, data_size_limit=256 * 1024 * 1024):
        assert tls in (None, "starttls", "implicit")
        self.port = port or free_port()
        self.tls = tls
        if tls and not cert:
            pki = get_pki()
            cert, key = pki.server_cert, pki.server_key
        self.cert, self.key = cert, key
        self.require_starttls = require_starttls
        self.auth = dict(auth) if auth else None
        self.rcpt_replies = {k.lower(): v for k, v in (rcpt_replies or {}).items()}
        self.data_fail_first = data_fail_first
        self.data_fail_reply = data_fail_reply
        self.data_reply = data_reply
        self.store_dir = store_dir
        self.data_size_limit = data_size_limit
        self.data_attempts = 0
        self.refused_rcpts = []
        self.auth_attempts = []
        self._messages = []
        self._events = []
        self._lock = threading.Lock()
        self._controller = None

    # -- recording
    def _event(self, command, arg, tls):
        with self._lock:
            self._events.append((command, arg, tls))

    def messages(self):
        with self._lock:
            return list(self._messages)

    def events(self):
        with self._lock:
            return list(self._events)

    def count(self):
        with self._lock:
            return len(self._messages)

    def wait_for_count(self, n, timeout=20.0):
        wait_until(lambda: self.count() >= n, timeout,
                   message="%d message(s) at upstream port %d (have %d)" % (n, self.port, self.count()))
        return self.messages()

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            user = auth_data.login.decode(errors="replace")
            password = auth_data.password.decode(errors="replace")
            ok = self.auth is not None and self.auth.get(user) == password
            with self._lock:
                self.auth_attempts.append((mechanism, user, ok))
            return AuthResult(success=ok, handled=False, auth_data=auth_data)
        return AuthResult(success=False, handled=False)

    # -- lifecycle
    @property
    def running(self):
        return self._controller is not None

    def start(self):
        assert self._controller is None, "upstream already running"
        kwargs = dict(hostname=LOOPBACK, port=self.port, ready_timeout=10,
                      data_size_limit=self.data_size_limit, decode_data=False,
                      server_hostname="upstream.e2e.test")
        if self.tls == "starttls":
            kwargs["tls_context"] = TestPKI.server_context(self.cert, self.key)
            kwargs["require_starttls"] = self.require_starttls
        elif self.tls == "implicit":
            kwargs["ssl_context"] = TestPKI.server_context(self.cert, self.key)
        if self.auth is not None:
            kwargs["authenticator"] = self._authenticate
            kwargs["auth_required"] = True
            kwargs["auth_require_tls"] = bool(self.tls)
        controller = Controller(_UpstreamHandler(self), **kwargs)
        deadline = time.monotonic() + 10
        while True:  # the port may be in TIME_WAIT/being released right after stop()
            try:
                controller.start()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
                controller = Controller(_UpstreamHandler(self), **kwargs)
        self._controller = controller
        return self

    def stop(self):
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop(no_assert=True)

    def describe(self):
        return "upstream 127.0.0.1:%d tls=%s events=%r messages=%r" % (
            self.port, self.tls, self.events()[-40:], self.messages())


class LoggedProcess:
    """A helper program started by a test (self.proc) whose output goes to self._logf."""

    proc = None
    _logf = None

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
        if getattr(self, "_logf", None):
            self._logf.close()
            self._logf = None


class SmtpSink(LoggedProcess):
    """Postfix smtp-sink as an upstream; every message is dumped to a file in a dir."""

    BIN = "/usr/sbin/smtp-sink"

    def __init__(self, directory, port=None):
        self.port = port or free_port()
        self.dir = os.path.join(directory, "sink")
        os.makedirs(self.dir, exist_ok=True)
        # smtp-sink runs as "nobody" when started by root: it must reach and write the dir
        os.chmod(directory, 0o711)
        os.chmod(self.dir, 0o777)
        self.proc = None
        self.log = os.path.join(directory, "smtp-sink.log")

    def start(self):
        args = [self.BIN]
        if _is_root():
            args += ["-u", "nobody"]
        args += ["-d", os.path.join(self.dir, "%Y%m%d%H%M%S."), "-c", "%s:%d" % (LOOPBACK, self.port), "100"]
        self._logf = open(self.log, "wb")
        self.proc = subprocess.Popen(args, stdout=self._logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_until(lambda: self.proc.poll() is not None or port_accepts(self.port), 10,
                   message="smtp-sink to listen")
        if self.proc.poll() is not None:
            raise RuntimeError("smtp-sink exited: %s" % open(self.log, "rb").read().decode(errors="replace"))
        return self


    def dumps(self):
        """List of dicts: mail_from, rcpt_tos, raw (bytes, LF line ends as smtp-sink writes)."""
        out = []
        for name in sorted(os.listdir(self.dir)):
            with open(os.path.join(self.dir, name), "rb") as f:
                raw = f.read()
            mail_from, rcpts = None, []
            for line in raw.split(b"\n"):
                if not line:
                    break
                if line.startswith(b"X-Mail-Args: "):
                    mail_from = line[len(b"X-Mail-Args: "):].decode().split(" ")[0].strip("<>")
                elif line.startswith(b"X-Rcpt-Args: "):
                    rcpts.append(line[len(b"X-Rcpt-Args: "):].decode().split(" ")[0].strip("<>"))
            out.append({"name": name, "mail_from": mail_from, "rcpt_tos": rcpts, "raw": raw})
        return out


# ---------------------------------------------------------------------------
# raw SMTP client


class RawSMTP:
    """A byte-exact SMTP client on a plain socket; every read has a timeout."""

    def __init__(self, port, host=LOOPBACK, timeout=10.0):
        self.timeout = timeout
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buf = b""
        self.transcript = []

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.transcript.append(("C", data[:300]))
        self.sock.sendall(data)

    def _readline(self, timeout):
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buf:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise socket.timeout("no complete reply line within %.1fs" % timeout)
            self.sock.settimeout(remaining)
            chunk = self.sock.recv(65536)
            if not chunk:
                if self.buf:
                    line, self.buf = self.buf, b""
                    return line
                return None
            self.buf += chunk
        line, _, self.buf = self.buf.partition(b"\n")
        return line.rstrip(b"\r")

    def reply(self, timeout=None):
        """(code, text) of the next reply; (None, "") if the server closed the connection."""
        timeout = self.timeout if timeout is None else timeout
        lines = []
        while True:
            line = self._readline(timeout)
            if line is None:
                if lines:
                    break
                self.transcript.append(("S", b"<closed>"))
                return None, ""
            lines.append(line.decode("utf-8", errors="replace"))
            self.transcript.append(("S", line))
            if len(line) < 4 or line[3:4] != b"-":
                break
        try:
            code = int(lines[-1][:3])
        except ValueError:
            code = -1
        return code, "\n".join(lines)

    def cmd(self, line, timeout=None):
        if isinstance(line, str):
            line = line.encode()
        self.send(line + b"\r\n")
        return self.reply(timeout)

    def greeting_and_ehlo(self, name="client.e2e.test"):
        code, text = self.reply()
        if code != 220:
            raise AssertionError("greeting was %r %r" % (code, text))
        code, text = self.cmd("EHLO " + name)
        if code != 250:
            raise AssertionError("EHLO got %r %r" % (code, text))
        return text

    def is_closed(self, timeout=3.0):
        """True if the server closes the connection within timeout (data is discarded)."""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                self.sock.settimeout(max(0.05, deadline - time.monotonic()))
                chunk = self.sock.recv(65536)
                if not chunk:
                    return True
                self.buf += chunk
        except socket.timeout:
            return False
        except OSError:
            return True
        return False

    def dump(self):
        return "\n".join("%s: %r" % (who, data) for who, data in self.transcript[-60:])


# ---------------------------------------------------------------------------
# SendGuard process


TEST_DEFAULT_CONFIG = {
    "listen": {"address": LOOPBACK, "auth": "none"},
    "upstream": {"security": "none"},
    "relay": {
        "retry_initial_seconds": 1,
        "retry_max_interval_seconds": 2,
        "connect_timeout_seconds": 5,
        "command_timeout_seconds": 30,
    },
    "policy": {"hold_seconds": 0},
}


def sendguard_env():
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LC_ALL"] = "C.UTF-8"
    env["LANGUAGE"] = "en"
    return env


class SendGuard:
    """One sendguard instance with its own config file and data dir in a temp dir.

    config:    dict merged over TEST_DEFAULT_CONFIG (a None value deletes a key);
               listen.port is set to a free port unless given.
    upstream:  an Upstream/SmtpSink (or anything with .port); sets upstream.host/port.
               Without it and without upstream.host in config the demo upstream is used.
    extra_args: appended to the command line.
    """

    def __init__(self, config=None, upstream=None, extra_args=(), base_dir=None, headless=True,
                 auto_confirm=True):
        self.bin = sendguard_bin()
        self.base = base_dir or tempfile.mkdtemp(prefix="sg-e2e-")
        self.config_path = os.path.join(self.base, "config.json")
        self.data_dir = os.path.join(self.base, "data")
        os.makedirs(self.data_dir, exist_ok=True)
        cfg = copy.deepcopy(TEST_DEFAULT_CONFIG)
        if upstream is not None:
            cfg = deep_merge(cfg, {"upstream": {"host": LOOPBACK, "port": upstream.port}})
        cfg = deep_merge(cfg, config or {})
        cfg.setdefault("listen", {}).setdefault("port", free_port())
        self.config = cfg
        self.port = cfg["listen"]["port"]
        self.write_config()
        self.extra_args = list(extra_args)
        self.headless = headless
        self.auto_confirm = auto_confirm
        self.proc = None
        self.starts = 0
        self.stderr_paths = []
        self.returncodes = []
        self.env = sendguard_env()

    # -- files
    def write_config(self, cfg=None):
        if cfg is not None:
            self.config = cfg
        with open(self.config_path, "w") as f:
            json.dump(self.config, f, indent=2)

    def path(self, *parts):
        return os.path.join(self.data_dir, *parts)

    # -- process lifecycle
    def command(self):
        args = [self.bin, "--config", self.config_path, "--data-dir", self.data_dir]
        if self.headless:
            args.append("--headless")
        if self.auto_confirm:
            args.append("--auto-confirm")
        return args + self.extra_args

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def start(self, timeout=20.0, wait=True):
        assert not self.running(), "sendguard already running"
        self.starts += 1
        err_path = os.path.join(self.base, "stderr-%d.log" % self.starts)
        out_path = os.path.join(self.base, "stdout-%d.log" % self.starts)
        self.stderr_paths.append(err_path)
        with open(err_path, "wb") as err, open(out_path, "wb") as out:
            self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                         env=self.env)
        if wait:
            self.wait_listening(timeout)
        return self

    def stderr_text(self, which=-1):
        if not self.stderr_paths:
            return ""
        try:
            with open(self.stderr_paths[which], "rb") as f:
                return f.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def all_stderr(self):
        return "".join("--- start %d ---\n%s" % (i + 1, self.stderr_text(i)) for i in range(len(self.stderr_paths)))

    def wait_listening(self, timeout=20.0):
        deadline = time.monotonic() + timeout
        next_probe = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            if LISTENING_MARKER in self.stderr_text():
                return
            if self.proc.poll() is not None:
                raise AssertionError("sendguard exited with %s before listening; stderr:\n%s"
                                     % (self.proc.returncode, self.stderr_text()))
            if time.monotonic() >= next_probe:
                next_probe = time.monotonic() + 0.5
                if port_accepts(self.port):
                    return
            time.sleep(0.05)
        raise AssertionError("sendguard did not listen on port %d within %.0fs; stderr:\n%s"
                             % (self.port, timeout, self.stderr_text()))

    def stop(self, timeout=10.0):
        """SIGTERM, then SIGKILL after timeout. Returns the exit code (or None)."""
        if self.proc is None:
            return None
        proc = self.proc
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        self.returncodes.append(proc.returncode)
        self.proc = None
        return proc.returncode

    def kill9(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.returncodes.append(self.proc.returncode)
        self.proc = None

    def restart(self, timeout=20.0):
        self.stop()
        return self.start(timeout)

    def cleanup(self):
        try:
            self.stop(5)
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    # -- /proc
    def proc_status(self, field):
        """A field of /proc/PID/status in kB, e.g. VmHWM, VmRSS."""
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise KeyError(field)

    # -- CLI
    def cli(self, *args, input=None, timeout=20.0, data_dir=True):
        argv = [self.bin] + list(args)
        if data_dir:
            argv += ["--data-dir", self.data_dir]
        if isinstance(input, str):
            input = input.encode()
        return run(argv, input=input, timeout=timeout, env=self.env)

    def queue_list(self):
        proc = self.cli("queue", "list", "--json")
        if proc.returncode != 0:
            raise AssertionError("queue list --json exited %d: %s" % (proc.returncode, proc.stderr.decode(errors="replace")))
        try:
            items = json.loads(proc.stdout.decode())
        except ValueError as exc:
            raise AssertionError("queue list --json printed invalid JSON (%s): %r" % (exc, proc.stdout[:2000]))
        if not isinstance(items, list):
            raise AssertionError("queue list --json is not an array: %r" % (items,))
        return items

    def queue_item(self, subject=None, id=None):
        """The queue entry with this subject (or id), or None."""
        for item in self.queue_list():
            if (id is not None and item.get("id") == id) or (subject is not None and item.get("subject") == subject):
                return item
        return None

    def wait_queue_state(self, subject, states, timeout=20.0):
        states = {states} if isinstance(states, str) else set(states)

        def check():
            item = self.queue_item(subject=subject)
            return item if item and item.get("state") in states else None

        try:
            return wait_until(check, timeout, interval=0.25)
        except AssertionError:
            raise AssertionError("message %r did not reach state %s within %.0fs; queue: %s"
                                 % (subject, sorted(states), timeout, json.dumps(self.queue_list(), indent=1)))

    def audit(self):
        """The audit log as a list of dicts (a partial last line is ignored)."""
        path = self.path("audit.jsonl")
        if not os.path.exists(path):
            return []
        out = []
        with open(path, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                line = line.strip()
                if line:
                    out.append(json.loads(line.decode("utf-8")))
        return out

    def audit_raw(self):
        path = self.path("audit.jsonl")
        if not os.path.exists(path):
            return b""
        with open(path, "rb") as f:
            return f.read()

    def set_local_password(self, password):
        proc = self.cli("credentials", "set", "local", input=password + "\n")
        if proc.returncode == EXIT_NO_KEYCHAIN:
            raise AssertionError("keychain unavailable (exit 4): run inside dbus-run-session with an "
                                 "unlocked gnome-keyring; stderr: %s" % proc.stderr.decode(errors="replace"))
        if proc.returncode != 0:
            raise AssertionError("credentials set local exited %d: %s"
                                 % (proc.returncode, proc.stderr.decode(errors="replace")))

    def set_upstream_password(self, password):
        proc = self.cli("credentials", "set", "upstream", input=password + "\n")
        if proc.returncode != 0:
            raise AssertionError("credentials set upstream exited %d: %s"
                                 % (proc.returncode, proc.stderr.decode(errors="replace")))

    def local_password(self):
        proc = self.cli("credentials", "show", "local")
        if proc.returncode != 0:
            raise AssertionError("credentials show local exited %d: %s"
                                 % (proc.returncode, proc.stderr.decode(errors="replace")))
        for line in proc.stdout.decode().splitlines():
            if line.startswith("password:"):
                return line.split(":", 1)[1].strip()
        raise AssertionError("credentials show local printed no password line: %r" % proc.stdout)

    wait_until = staticmethod(wait_until)


# ---------------------------------------------------------------------------
# clients


def smtplib_send(port, mail_from, rcpt_tos, msg, user=None, password=None, starttls=False, timeout=30):
    """Send with smtplib; returns the refused-recipients dict (raises on failure)."""
    import smtplib
    with smtplib.SMTP(LOOPBACK, port, timeout=timeout) as s:
        s.ehlo("client.e2e.test")
        if starttls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            s.starttls(context=ctx)
            s.ehlo("client.e2e.test")
        if user is not None:
            s.login(user, password)
        return s.sendmail(mail_from, list(rcpt_tos), msg)


def swaks_has_tls():
    """swaks -tls needs Perl's Net::SSLeay (Debian: libnet-ssleay-perl)."""
    try:
        return run(["perl", "-MNet::SSLeay", "-e", "1"], timeout=15).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def keyring_available():
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))


# ---------------------------------------------------------------------------
# base test case


class SGTestCase(unittest.TestCase):
    """TestCase with factories that register cleanup, and diagnostics on failure."""

    maxDiff = 4000

    def _test_failed(self):
        # unittest resets _Outcome.success while a cleanup runs: look at the result instead
        outcome = getattr(self, "_outcome", None)
        result = getattr(outcome, "result", None)
        if result is None:
            return True
        for test, _ in list(getattr(result, "failures", [])) + list(getattr(result, "errors", [])):
            if test is self or getattr(test, "test_case", None) is self:
                return True
        return False

    def _diagnose(self, what, text_fn):
        if os.environ.get("SG_E2E_VERBOSE") or self._test_failed():
            try:
                text = text_fn()
            except Exception as exc:  # noqa: BLE001
                text = "<could not collect: %r>" % (exc,)
            if len(text) > 20000:
                text = "...\n" + text[-20000:]
            sys.stderr.write("\n===== %s: %s =====\n%s\n" % (self.id(), what, text))
            sys.stderr.flush()

    def make_tempdir(self, prefix="sg-e2e-"):
        d = tempfile.mkdtemp(prefix=prefix)
        self.addCleanup(shutil.rmtree, d, True)
        return d

    def start_upstream(self, **kwargs):
        up = Upstream(**kwargs)
        self.addCleanup(up.stop)
        self.addCleanup(self._diagnose, "upstream", up.describe)
        up.start()
        return up

    def make_upstream(self, **kwargs):
        """An Upstream that is not started yet (stopped at cleanup if started later)."""
        up = Upstream(**kwargs)
        self.addCleanup(up.stop)
        self.addCleanup(self._diagnose, "upstream", up.describe)
        return up

    def start_sink(self):
        d = self.make_tempdir("sg-e2e-sink-")
        sink = SmtpSink(d)
        self.addCleanup(sink.stop)
        sink.start()
        return sink

    def make_sendguard(self, config=None, upstream=None, start=True, **kwargs):
        sg = SendGuard(config=config, upstream=upstream, **kwargs)
        self.addCleanup(shutil.rmtree, sg.base, True)
        self.addCleanup(self._diagnose, "sendguard stderr (data dir %s)" % sg.data_dir, sg.all_stderr)
        self.addCleanup(sg.stop, 5)
        if start:
            sg.start()
        return sg

    def raw(self, port, timeout=10.0):
        client = RawSMTP(port, timeout=timeout)
        self.addCleanup(client.close)
        self.addCleanup(self._diagnose, "raw SMTP transcript", client.dump)
        return client

    def assert_no_delivery(self, upstream, seconds=3.0):
        """Upstream receives nothing during the next `seconds` (and has nothing now)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.assertEqual(upstream.messages(), [], "upstream received a message it must not get")
            time.sleep(0.1)
        self.assertEqual(upstream.messages(), [])

    def assert_exactly_once(self, upstream, n=1, settle=3.0, timeout=20.0):
        upstream.wait_for_count(n, timeout)
        time.sleep(settle)
        msgs = upstream.messages()
        self.assertEqual(len(msgs), n, "expected exactly %d delivery(ies), got %r" % (n, msgs))
        return msgs
