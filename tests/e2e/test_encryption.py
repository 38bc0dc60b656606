# SPDX-License-Identifier: GPL-3.0-or-later
"""Encryption end to end (encryption.*): the real sendguard (headless, --auto-confirm) relays to
an aiosmtpd upstream, and what arrives is decrypted with the real `openssl cms -decrypt` and
`gpg --decrypt`. Certificates are made with the openssl CLI and OpenPGP keys with gpg in a
temporary GNUPGHOME, all thrown away afterwards. Loopback only; every wait is bounded."""

import base64
import email
import email.policy
import email.utils
import hashlib
import json
import os
import re
import shutil
import smtplib
import subprocess
import tempfile
import time
import unittest
import uuid
from email.message import EmailMessage

import sgharness as h

INTERNAL = "example.co.jp"
SENDER = "sender@example.co.jp"
TEXT = "お世話になっております。\n資料を添付します。\n\nBest regards,\nSender\n"
PEAK_RSS_LIMIT_KB = 100 * 1024

KEYS = None  # the module's key material (setUpModule)


def run_tool(args, input=None, timeout=120, env=None):
    proc = subprocess.run(args, input=input, capture_output=True, timeout=timeout, env=env)
    if proc.returncode != 0:
        raise AssertionError("%s exited %d: %s" % (" ".join(args), proc.returncode,
                                                  proc.stderr.decode(errors="replace")[-3000:]))
    return proc


class Keys:
    """Throwaway S/MIME certificates (folder `certs`, keys in `keys`) and OpenPGP keys (GnuPG
    home `gnupg`, secret keys included so that the test can decrypt)."""

    def __init__(self, base):
        self.base = base
        self.certs = os.path.join(base, "certs")
        self.keys = os.path.join(base, "keys")
        self.gnupg = os.path.join(base, "gnupg")
        self.ca = os.path.join(base, "ca")
        for d in (self.certs, self.keys, self.ca, os.path.join(self.ca, "newcerts")):
            os.makedirs(d)
        os.makedirs(self.gnupg, mode=0o700)
        open(os.path.join(self.ca, "index.txt"), "w").close()
        self.pgp_subkeys = {}  # address -> encryption subkey ids (16 hex digits)

    # -- S/MIME
    def openssl(self, *args):
        return run_tool(["openssl"] + list(args))

    def smime(self, name, address):
        """A self-signed RSA certificate for `address`, valid for 30 days."""
        self.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
                     "-keyout", self.key_file(name), "-out", self.cert_file(name),
                     "-subj", "/CN=%s" % name, "-addext", "subjectAltName=email:%s" % address,
                     "-addext", "keyUsage=digitalSignature,keyEncipherment")

    def smime_dated(self, name, address, start, end):
        """A certificate with explicit validity (openssl ca -selfsign; YYYYMMDDHHMMSSZ)."""
        cnf = os.path.join(self.ca, "ca.cnf")
        with open(cnf, "w") as f:
            f.write("[ca]\ndefault_ca = CA_default\n[CA_default]\ndatabase = %s/index.txt\n"
                    "new_certs_dir = %s/newcerts\nrand_serial = yes\ndefault_md = sha256\n"
                    "policy = pol\ncopy_extensions = copy\nunique_subject = no\n"
                    "[pol]\ncommonName = supplied\n" % (self.ca, self.ca))
        csr = os.path.join(self.ca, name + ".csr")
        self.openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", self.key_file(name),
                     "-out", csr, "-subj", "/CN=%s" % name,
                     "-addext", "subjectAltName=email:%s" % address,
                     "-addext", "keyUsage=keyEncipherment")
        self.openssl("ca", "-batch", "-config", cnf, "-selfsign", "-keyfile", self.key_file(name),
                     "-in", csr, "-startdate", start, "-enddate", end, "-notext",
                     "-out", self.cert_file(name))

    def cert_file(self, name, certs=None):
        return os.path.join(certs or self.certs, name + ".pem")

    def key_file(self, name):
        return os.path.join(self.keys, name + ".key")

    def cms_decrypt(self, name, data, inform="DER"):
        """Decrypts CMS data with `name`'s key: the bytes, or None when `name` is no recipient."""
        d = tempfile.mkdtemp(prefix="sg-e2e-cms-")
        try:
            src, out = os.path.join(d, "in"), os.path.join(d, "out")
            with open(src, "wb") as f:
                f.write(data)
            proc = subprocess.run(["openssl", "cms", "-decrypt", "-binary", "-inform", inform,
                                   "-in", src, "-recip", self.cert_file(name),
                                   "-inkey", self.key_file(name), "-out", out],
                                  capture_output=True, timeout=120)
            if proc.returncode != 0:
                return None
            with open(out, "rb") as f:
                return f.read()
        finally:
            shutil.rmtree(d, True)

    def cert_ids(self, name):
        """How a CMS RecipientInfo can name `name`'s certificate: ("serial", issuer, serial) and
        ("ski", hex)."""
        text = self.openssl("x509", "-in", self.cert_file(name), "-noout", "-serial", "-issuer",
                            "-ext", "subjectKeyIdentifier").stdout.decode()
        serial = int(re.search(r"serial=([0-9A-Fa-f]+)", text).group(1), 16)
        issuer = re.search(r"issuer=\s*(.*)", text).group(1).replace(" = ", "=").strip()
        ids = {("serial", issuer, serial)}
        ski = re.search(r"Subject Key Identifier:\s*\n\s*([0-9A-Fa-f:]+)", text)
        if ski:
            ids.add(("ski", ski.group(1).replace(":", "").lower()))
        return ids

    def cms_recipients(self, data, inform="DER", names=("sender", "alice", "carol", "frank")):
        """The names of the certificates CMS EnvelopedData is encrypted to, from its
        RecipientInfos (`openssl cms -cmsout -print`); an unknown one is listed as it is."""
        text = run_tool(["openssl", "cms", "-cmsout", "-print", "-inform", inform],
                        input=data).stdout.decode(errors="replace")
        known = {}
        for name in names:
            for i in self.cert_ids(name):
                known[i] = name
        found = []
        for m in re.finditer(r"issuer: (.*)\n\s*serialNumber: (0x[0-9A-Fa-f]+|\d+)", text):
            serial = m.group(2)
            rid = ("serial", m.group(1).strip(), int(serial, 16) if serial.startswith("0x") else int(serial))
            found.append(known.get(rid, str(rid)))
        for m in re.finditer(r"d\.subjectKeyIdentifier:\s*\n((?:\s*[0-9a-f]{4} - .*\n)+)", text):
            hexdigits = "".join(re.findall(r"\b[0-9a-f]{2}\b", " ".join(
                line.split(" - ", 1)[1][:48] for line in m.group(1).strip().splitlines())))
            found.append(known.get(("ski", hexdigits), "ski:" + hexdigits))
        count = len(re.findall(r"d\.(?:ktri|kari|kekri|pwri|ori):", text))
        assert count == len(found), "cannot read every RecipientInfo:\n" + text
        return sorted(found)

    def cms_sign(self, name, content, detached=True):
        """`content` (a MIME entity, CRLF) signed by `name` as S/MIME (openssl cms -sign):
        multipart/signed, or application/pkcs7-mime; smime-type=signed-data."""
        d = tempfile.mkdtemp(prefix="sg-e2e-sign-")
        try:
            src, out = os.path.join(d, "in"), os.path.join(d, "out")
            with open(src, "wb") as f:
                f.write(content)
            run_tool(["openssl", "cms", "-sign", "-in", src, "-signer", self.cert_file(name),
                      "-inkey", self.key_file(name), "-crlfeol", "-out", out]
                     + ([] if detached else ["-nodetach"]))
            with open(out, "rb") as f:
                # openssl ends the base64 lines with LF alone even with -crlfeol; mail is CRLF
                # (outside the signed part, which stays as it is).
                return re.sub(rb"(?<!\r)\n", b"\r\n", f.read())
        finally:
            shutil.rmtree(d, True)

    def cms_verify(self, name, smime):
        """The signed content when the S/MIME entity `smime` verifies against `name`'s
        certificate (openssl cms -verify), else an AssertionError with openssl's words."""
        d = tempfile.mkdtemp(prefix="sg-e2e-verify-")
        try:
            src, out = os.path.join(d, "in"), os.path.join(d, "out")
            with open(src, "wb") as f:
                f.write(smime)
            run_tool(["openssl", "cms", "-verify", "-in", src, "-CAfile", self.cert_file(name),
                      "-out", out])
            with open(out, "rb") as f:
                return f.read()
        finally:
            shutil.rmtree(d, True)

    # -- OpenPGP
    def gpg_args(self, *args, home=None):
        return ["gpg", "--homedir", home or self.gnupg, "--batch", "--no-tty",
                "--pinentry-mode", "loopback", "--passphrase", ""] + list(args)

    def pgp(self, name, address):
        run_tool(self.gpg_args("--quick-gen-key", "%s <%s>" % (name, address), "future-default",
                               "default", "never"))
        listing = run_tool(self.gpg_args("--with-colons", "--list-keys", "<%s>" % address))
        subkeys = set()
        for line in listing.stdout.decode().splitlines():
            fields = line.split(":")
            if fields[0] == "sub" and "e" in fields[11]:
                subkeys.add(fields[4].upper())
        self.pgp_subkeys[address] = subkeys

    def gpg_decrypt(self, data):
        return run_tool(self.gpg_args("--decrypt"), input=data).stdout

    def pgp_recipient_keyids(self, data):
        """The key ids the OpenPGP message is encrypted to (gpg --list-packets)."""
        proc = subprocess.run(self.gpg_args("--list-packets"), input=data, capture_output=True,
                              timeout=120)
        text = proc.stdout.decode(errors="replace") + proc.stderr.decode(errors="replace")
        return {m.upper() for m in re.findall(r"pubkey enc packet: .*keyid ([0-9A-Fa-f]{16})", text)}

    def copy_gnupg(self, target):
        shutil.copytree(self.gnupg, target, ignore=shutil.ignore_patterns("S.*", "*.lock"))
        os.chmod(target, 0o700)
        return target

    def cleanup(self, extra_homes=()):
        for home in (self.gnupg,) + tuple(extra_homes):
            subprocess.run(["gpgconf", "--homedir", home, "--kill", "all"], capture_output=True,
                           timeout=30)
        shutil.rmtree(self.base, True)


def der_problem(data):
    """Why `data` is not one element in strict DER (X.690 section 10), or None: definite lengths
    in their shortest form, strings primitive, BOOLEAN and INTEGER in their one encoding, SET OF
    elements in ascending order. One-octet tags only (CMS uses no others)."""

    def element(pos, limit, depth):
        if depth > 64:
            raise ValueError("offset %d: nested too deeply" % pos)
        if limit - pos < 2:
            raise ValueError("offset %d: truncated header" % pos)
        tag, first = data[pos], data[pos + 1]
        if tag & 0x1f == 0x1f:
            raise ValueError("offset %d: multi-octet tag" % pos)
        q = pos + 2
        if first == 0x80:
            raise ValueError("offset %d: indefinite length" % pos)
        length = first
        if first & 0x80:
            octets = first & 0x7f
            if octets > 8 or limit - q < octets:
                raise ValueError("offset %d: bad long-form length" % pos)
            if data[q] == 0:
                raise ValueError("offset %d: length with a leading zero octet" % pos)
            length = int.from_bytes(data[q:q + octets], "big")
            q += octets
            if length < 0x80:
                raise ValueError("offset %d: long form for a length below 128" % pos)
        end = q + length
        if end > limit:
            raise ValueError("offset %d: length beyond the enclosing element" % pos)
        universal, constructed, number = tag & 0xc0 == 0, tag & 0x20, tag & 0x1f
        c = data[q:q + 2]
        if not constructed:
            if universal and number == 1 and (length != 1 or c[0] not in (0, 0xff)):
                raise ValueError("offset %d: BOOLEAN not 00 or FF" % pos)
            if universal and number == 2 and (length == 0 or (length > 1 and (
                    (c[0] == 0 and not c[1] & 0x80) or (c[0] == 0xff and c[1] & 0x80)))):
                raise ValueError("offset %d: INTEGER not in its shortest form" % pos)
            return end
        if universal and number not in (16, 17):
            raise ValueError("offset %d: constructed string (DER wants it primitive)" % pos)
        previous, child = None, q
        while child < end:
            child_end = element(child, end, depth + 1)
            if universal and number == 17:
                current = data[child:child_end]
                if previous is not None:
                    n = max(len(previous), len(current))
                    if previous.ljust(n, b"\0") > current.ljust(n, b"\0"):
                        raise ValueError("offset %d: SET OF elements out of order" % child)
                previous = current
            child = child_end
        return end

    try:
        end = element(0, len(data), 0)
    except ValueError as exc:
        return str(exc)
    if end != len(data):
        return "%d bytes after the element" % (len(data) - end)
    return None


def setUpModule():
    global KEYS
    base = tempfile.mkdtemp(prefix="sg-e2e-keys-")
    keys = Keys(base)
    try:
        # S/MIME: sender, alice, carol, frank; erin's certificate expired in 2020.
        for name in ("sender", "alice", "carol", "frank"):
            address = SENDER if name == "sender" else "%s@partner.example" % name
            keys.smime(name, address)
        keys.smime_dated("erin", "erin@partner.example", "20200101000000Z", "20200201000000Z")
        # OpenPGP: sender, alice, bob. dave has nothing.
        for name in ("sender", "alice", "bob"):
            address = SENDER if name == "sender" else "%s@partner.example" % name
            keys.pgp(name.capitalize(), address)
    except Exception:
        keys.cleanup()
        raise
    KEYS = keys


def tearDownModule():
    if KEYS is not None:
        KEYS.cleanup()


def address(name):
    return SENDER if name == "sender" else "%s@partner.example" % name


def build_message(subject, to, attachments=(), cc=(), text=TEXT, bcc=()):
    """A multipart message as an SMTP client sends it; attachments: (name, type, bytes)."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Sender <%s>" % SENDER
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=False)
    msg["Message-ID"] = "<%s@e2e.sendguard.test>" % uuid.uuid4().hex
    msg.set_content(text, charset="utf-8", cte="8bit" if not text.isascii() else "7bit")
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def send(port, rcpts, msg, mail_from=SENDER, timeout=120):
    """(code, text): 250 when accepted, else the refusal SendGuard gave."""
    try:
        refused = h.smtplib_send(port, mail_from, rcpts, msg, timeout=timeout)
    except smtplib.SMTPDataError as exc:
        return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace")
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        return code, text.decode("utf-8", "replace")
    if refused:
        return 0, "some recipients refused: %r" % (refused,)
    return 250, ""


def parse(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def received_bytes(m):
    if m.data is not None:
        return m.data
    with open(m.path, "rb") as f:
        return f.read()


class EncryptionCase(h.SGTestCase):
    def sendguard(self, encryption, upstream, policy=None, extra=None, **kwargs):
        config = {"encryption": dict({"smime_certificates": KEYS.certs, "gnupg_home": KEYS.gnupg},
                                     **encryption),
                  "policy": dict({"internal_domains": [INTERNAL], "hold_seconds": 0}, **(policy or {}))}
        config = h.deep_merge(config, extra or {})
        return self.make_sendguard(config=config, upstream=upstream, **kwargs)

    def audit_events(self, sg, event, subject=None, timeout=10.0):
        def find():
            found = [e for e in sg.audit() if e.get("event") == event and
                     (subject is None or e.get("subject") == subject)]
            return found or None
        return h.wait_until(find, timeout, message="audit event %r for %r" % (event, subject))

    def attachments_of(self, raw):
        """{filename: (content type, params, decoded bytes)} of a received message."""
        out = {}
        for part in parse(raw).walk():
            if part.is_multipart() or not part.get_filename():
                continue
            out[part.get_filename()] = (part.get_content_type(), dict(part["Content-Type"].params),
                                        part.get_payload(decode=True))
        return out

    def assert_headers_kept(self, original, received):
        a, b = parse(original), parse(received)
        for name in ("From", "To", "Cc", "Subject", "Date", "Message-ID"):
            self.assertEqual(a.get(name), b.get(name), "header %s must stay outside, unchanged" % name)

    def assert_der(self, blob):
        """A .p7m / smime.p7m must be strict DER (RFC 8551 section 3.2 wants DER for CMS);
        `openssl cms -cmsout` writes the very same bytes back."""
        self.assertIsNone(der_problem(blob), "not DER")
        self.assertFalse(der_problem(b"\x30\x80" + blob[2:]) is None, "the checker works")
        d = self.make_tempdir("sg-e2e-der-")
        src, again = os.path.join(d, "in.p7m"), os.path.join(d, "again.p7m")
        with open(src, "wb") as f:
            f.write(blob)
        run_tool(["openssl", "cms", "-cmsout", "-inform", "DER", "-outform", "DER", "-in", src,
                  "-out", again])
        with open(again, "rb") as f:
            self.assertTrue(f.read() == blob, "openssl cms -cmsout must give the same bytes")

    def assertRefused(self, code, text, *needles):
        self.assertTrue(500 <= code < 600, "expected a 5xx refusal, got %r %r" % (code, text))
        for n in needles:
            self.assertIn(n, text)


class AttachmentsModeTest(EncryptionCase):

    def test_smime_attachments_encrypted_text_readable_sender_included(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "smime", "required_for": "external"}, up)
        files = [("見積書.pdf", "application/pdf", os.urandom(70000) + b"\r\n.\r\n\x00"),
                 ("data.csv", "text/csv", "a,b\r\n1,2\r\n".encode())]
        subject = "enc-smime-att-" + uuid.uuid4().hex[:8]
        msg = build_message(subject, [address("alice"), address("carol")], files)
        self.assertEqual(send(sg.port, [address("alice"), address("carol")], msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        raw = received_bytes(m)
        self.assert_headers_kept(msg, raw)
        got = self.attachments_of(raw)
        self.assertEqual(sorted(got), sorted(name + ".p7m" for name, _, _ in files), got.keys())
        for name, _, data in files:
            ctype, params, blob = got[name + ".p7m"]
            self.assertEqual(ctype, "application/pkcs7-mime")
            self.assertEqual(params.get("smime-type"), "enveloped-data")
            self.assertNotIn(data[:64], blob)
            self.assert_der(blob)
            for who in ("alice", "carol", "sender"):
                self.assertEqual(KEYS.cms_decrypt(who, blob), data,
                                 "%s must decrypt %s.p7m to the original bytes" % (who, name))
            self.assertIsNone(KEYS.cms_decrypt("frank", blob), "frank is no recipient")
        # The text stays readable; a note in both languages says how to open the files.
        texts = [p.get_content() for p in parse(raw).walk() if p.get_content_type() == "text/plain"]
        self.assertIn(TEXT.replace("\n", "\r\n").strip(), [t.replace("\n", "\r\n").strip() for t in texts]
                      + [t.strip() for t in texts])
        note = [t for t in texts if "openssl cms -decrypt" in t]
        self.assertTrue(note and "暗号化" in note[0] and "encrypted" in note[0], texts)

        ev = self.audit_events(sg, "encrypted", subject)[0]
        self.assertEqual(ev.get("method"), "smime")
        self.assertTrue(ev.get("sender_included"))
        self.assertIn(SENDER, ev.get("encrypted_to"))
        item = sg.wait_queue_state(subject, "sent")
        plan = item["encryption"]
        self.assertEqual((plan["status"], plan["method"], plan["mode"]), ("encrypted", "smime", "attachments"))
        self.assertTrue(all(r["key"] for r in plan["recipients"]), plan)
        self.assertTrue(plan["sender"]["key"])
        accepted = self.audit_events(sg, "accepted", subject)[0]
        self.assertTrue(accepted["encryption"]["encrypt"])

    def test_pgp_attachments(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "pgp"}, up)
        data = os.urandom(50000)
        subject = "enc-pgp-att-" + uuid.uuid4().hex[:8]
        msg = build_message(subject, [address("alice"), address("bob")],
                            [("report.bin", "application/octet-stream", data)])
        self.assertEqual(send(sg.port, [address("alice"), address("bob")], msg), (250, ""))
        raw = received_bytes(self.assert_exactly_once(up, 1, settle=0.5)[0])
        self.assert_headers_kept(msg, raw)
        got = self.attachments_of(raw)
        self.assertEqual(list(got), ["report.bin.pgp"])
        ctype, _, blob = got["report.bin.pgp"]
        self.assertIn(ctype, ("application/octet-stream", "application/pgp-encrypted"))
        self.assertEqual(KEYS.gpg_decrypt(blob), data)
        ids = KEYS.pgp_recipient_keyids(blob)
        for who in ("alice", "bob", "sender"):
            self.assertTrue(KEYS.pgp_subkeys[address(who)] & ids,
                            "%s's key must be a recipient: %s vs %s" % (who, KEYS.pgp_subkeys, ids))
        note = [p.get_content() for p in parse(raw).walk()
                if p.get_content_type() == "text/plain" and "gpg --output" in p.get_content()]
        self.assertTrue(note)


class MessageModeTest(EncryptionCase):

    def check_inner(self, inner, original, attachment):
        body = parse(inner.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        atts = {p.get_filename(): p.get_payload(decode=True) for p in body.iter_attachments()}
        self.assertEqual(atts, {attachment[0]: attachment[1]})
        texts = [p.get_content() for p in body.walk() if p.get_content_type() == "text/plain"]
        self.assertTrue(any("資料を添付します" in t for t in texts), texts)

    def test_smime_whole_message(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "smime", "required_for": "all"}, up)
        att = ("契約書.docx", "application/octet-stream", os.urandom(40000))
        subject = "enc-smime-msg-" + uuid.uuid4().hex[:8]
        msg = build_message(subject, [address("alice")], [att], cc=[address("carol")])
        self.assertEqual(send(sg.port, [address("alice"), address("carol")], msg), (250, ""))
        raw = received_bytes(self.assert_exactly_once(up, 1, settle=0.5)[0])
        self.assert_headers_kept(msg, raw)
        top = parse(raw)
        self.assertEqual(top.get_content_type(), "application/pkcs7-mime")
        params = dict(top["Content-Type"].params)
        self.assertEqual((params.get("smime-type"), params.get("name")), ("enveloped-data", "smime.p7m"))
        self.assertNotIn(b"Content-Type: multipart/mixed", raw)
        blob = top.get_payload(decode=True)
        self.assert_der(blob)
        for who in ("alice", "carol", "sender"):
            inner = KEYS.cms_decrypt(who, blob)
            self.assertIsNotNone(inner, "%s must be able to decrypt" % who)
            self.check_inner(inner, msg, (att[0], att[2]))

    def test_pgp_mime_whole_message(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "pgp", "required_for": "all"}, up)
        att = ("plan.pdf", "application/pdf", os.urandom(30000))
        subject = "enc-pgp-msg-" + uuid.uuid4().hex[:8]
        msg = build_message(subject, [address("bob")], [att])
        self.assertEqual(send(sg.port, [address("bob")], msg), (250, ""))
        raw = received_bytes(self.assert_exactly_once(up, 1, settle=0.5)[0])
        self.assert_headers_kept(msg, raw)
        top = parse(raw)
        self.assertEqual(top.get_content_type(), "multipart/encrypted")
        self.assertEqual(dict(top["Content-Type"].params).get("protocol"), "application/pgp-encrypted")
        parts = top.get_payload()
        self.assertEqual(len(parts), 2)
        self.assertEqual(parts[0].get_content_type(), "application/pgp-encrypted")
        self.assertIn("Version: 1", parts[0].get_payload())
        self.assertEqual(parts[1].get_content_type(), "application/octet-stream")
        armored = parts[1].get_payload(decode=True)
        self.assertTrue(armored.startswith(b"-----BEGIN PGP MESSAGE-----"), armored[:80])
        self.check_inner(KEYS.gpg_decrypt(armored), msg, (att[0], att[2]))
        ids = KEYS.pgp_recipient_keyids(armored)
        self.assertTrue(KEYS.pgp_subkeys[address("bob")] & ids)
        self.assertTrue(KEYS.pgp_subkeys[SENDER] & ids, "the sender's own key must be included")


class ChoiceAndPolicyTest(EncryptionCase):

    def test_auto_picks_the_method_every_recipient_has(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "auto", "required_for": "all"}, up)
        # alice: both; bob: OpenPGP only; carol: S/MIME only.
        cases = [(["alice", "carol"], "application/pkcs7-mime"),   # S/MIME first
                 (["alice", "bob"], "multipart/encrypted")]
        for i, (names, ctype) in enumerate(cases):
            rcpts = [address(n) for n in names]
            msg = build_message("enc-auto-%d-%s" % (i, uuid.uuid4().hex[:6]), rcpts)
            self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
            up.wait_for_count(i + 1, 30)
            self.assertEqual(parse(received_bytes(up.messages()[i])).get_content_type(), ctype, names)
        # bob and carol have no method in common: required, so refused.
        rcpts = [address("bob"), address("carol")]
        code, text = send(sg.port, rcpts, build_message("enc-auto-none", rcpts))
        self.assertRefused(code, text, "encryption is required", "bob@partner.example",
                           "carol@partner.example")
        time.sleep(1.0)
        self.assertEqual(up.count(), 2, "nothing more may be relayed")
        ev = self.audit_events(sg, "refused", "enc-auto-none")[0]
        keys = {k["address"]: k for k in ev["encryption"]["recipients"]}
        self.assertEqual(keys["bob@partner.example"]["methods"], ["openpgp"])
        self.assertEqual(keys["carol@partner.example"]["methods"], ["smime"])

    def test_missing_key_under_each_required_for(self):
        up = self.start_upstream()
        dave = "dave@partner.example"  # no certificate, no key
        pdf = [("a.pdf", "application/pdf", os.urandom(2000))]

        # "none": sent as it is, and the plan says why.
        sg = self.sendguard({"mode": "attachments", "method": "smime", "required_for": "none"}, up)
        subject = "enc-none-" + uuid.uuid4().hex[:6]
        msg = build_message(subject, [address("alice"), dave], pdf)
        self.assertEqual(send(sg.port, [address("alice"), dave], msg), (250, ""))
        raw = received_bytes(self.assert_exactly_once(up, 1, settle=0.3)[0])
        self.assertEqual(list(self.attachments_of(raw)), ["a.pdf"], "not encrypted: dave has no key")
        plan = sg.wait_queue_state(subject, "sent")["encryption"]
        self.assertEqual(plan["status"], "not-encrypted")
        keys = {k["address"]: k["key"] for k in plan["recipients"]}
        self.assertEqual(keys, {address("alice"): True, dave: False})
        sg.stop()

        # "external": an external recipient without a key and an attachment: refused.
        sg = self.sendguard({"mode": "attachments", "method": "smime", "required_for": "external"}, up)
        code, text = send(sg.port, [dave], build_message("enc-ext-att", [dave], pdf))
        self.assertRefused(code, text, "encryption is required", dave)
        # ... no attachment, or only internal recipients: not required, sent as it is.
        self.assertEqual(send(sg.port, [dave], build_message("enc-ext-noatt", [dave])), (250, ""))
        internal = "taro@" + INTERNAL
        self.assertEqual(send(sg.port, [internal], build_message("enc-ext-int", [internal], pdf)),
                         (250, ""))
        up.wait_for_count(3, 30)
        sg.stop()

        # "all": even without an attachment (mode message), and --auto-confirm cannot override.
        sg = self.sendguard({"mode": "message", "method": "auto", "required_for": "all",
                             "allow_unencrypted_override": True}, up)
        code, text = send(sg.port, [dave], build_message("enc-all", [dave]))
        self.assertRefused(code, text, "encryption is required", dave)
        ev = self.audit_events(sg, "refused", "enc-all")[0]
        self.assertIn(dave, ev["detail"])
        self.assertFalse([e for e in sg.audit() if e.get("event") == "sent_unencrypted_override"])
        time.sleep(1.0)
        self.assertEqual(up.count(), 3, "refused messages must not be relayed")

    def test_expired_certificate_refused(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "smime", "required_for": "all"}, up)
        erin = address("erin")
        code, text = send(sg.port, [erin], build_message(
            "enc-expired", [erin], [("x.pdf", "application/pdf", b"%PDF-1.4")]))
        self.assertRefused(code, text, erin, "expired")
        self.assert_no_delivery(up, 1.0)

    def test_mixed_recipients_all_with_certificates(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "auto", "required_for": "external"}, up)
        rcpts = [address("alice"), address("carol"), address("frank")]
        data = os.urandom(10000)
        msg = build_message("enc-mixed-" + uuid.uuid4().hex[:6], rcpts[:2],
                            [("m.bin", "application/octet-stream", data)], cc=rcpts[2:])
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        raw = received_bytes(self.assert_exactly_once(up, 1, settle=0.3)[0])
        blob = self.attachments_of(raw)["m.bin.p7m"][2]
        self.assert_der(blob)
        for who in ("alice", "carol", "frank", "sender"):
            self.assertEqual(KEYS.cms_decrypt(who, blob), data, who)

    def test_missing_plugin_refuses(self):
        # A copy of the binary outside the build tree finds no plugin in an empty folder.
        work = self.make_tempdir("sg-e2e-noplugin-")
        binary = os.path.join(work, "bin", "sendguard")
        os.makedirs(os.path.dirname(binary))
        shutil.copy2(h.sendguard_bin(), binary)
        empty = os.path.join(work, "plugins")
        os.makedirs(empty)
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "smime"}, up, start=False)
        sg.bin = binary
        sg.env["SENDGUARD_PLUGIN_DIR"] = empty
        sg.start()
        rcpt = address("alice")
        code, text = send(sg.port, [rcpt], build_message(
            "enc-noplugin", [rcpt], [("x.pdf", "application/pdf", b"%PDF")]))
        self.assertRefused(code, text, "plugin")
        self.assert_no_delivery(up, 1.0)

    def test_config_validation(self):
        work = self.make_tempdir("sg-e2e-cfg-")
        for encryption, key in ((({"mode": "off", "required_for": "external"}), "encryption.required_for"),
                                (({"mode": "message", "method": "smime"}), "encryption.smime_certificates"),
                                (({"mode": "everything"}), "encryption.mode"),
                                (({"cipher": "des"}), "encryption.cipher")):
            path = os.path.join(work, "config.json")
            with open(path, "w") as f:
                json.dump({"encryption": encryption}, f)
            proc = h.run([h.sendguard_bin(), "check-config", "--config", path], env=h.sendguard_env())
            self.assertEqual(proc.returncode, h.EXIT_INVALID, proc.stderr)
            self.assertIn(key, proc.stderr.decode())


class FailureAndDurabilityTest(EncryptionCase):

    def queued_id(self, sg, subject):
        return sg.wait_queue_state(subject, "held")["id"]

    def test_broken_certificate_file_at_relay_time_fails_never_plain(self):
        certs = self.make_tempdir("sg-e2e-certs-")
        for name in ("alice", "sender"):
            shutil.copy(KEYS.cert_file(name), certs)
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "smime", "smime_certificates": certs},
                            up, policy={"hold_seconds": 3600})
        subject = "enc-broken-" + uuid.uuid4().hex[:6]
        rcpt = address("alice")
        self.assertEqual(send(sg.port, [rcpt], build_message(
            subject, [rcpt], [("x.pdf", "application/pdf", os.urandom(1000))])), (250, ""))
        mid = self.queued_id(sg, subject)
        broken = os.path.join(certs, "alice.pem")
        with open(broken, "w") as f:
            f.write("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n")
        self.assertEqual(sg.cli("queue", "release", mid).returncode, 0)
        item = sg.wait_queue_state(subject, "failed", 30)
        self.assertIn("encryption failed", item["last_error"])
        self.assertIn(broken, item["last_error"], "the reason must name the file")
        ev = self.audit_events(sg, "encryption_failed", subject)[0]
        self.assertIn(rcpt, ev["detail"])
        self.assert_no_delivery(up, 1.0)

    def test_broken_gnupg_home_at_relay_time_fails(self):
        home = KEYS.copy_gnupg(os.path.join(self.make_tempdir("sg-e2e-gpghome-"), "gnupg"))
        self.addCleanup(subprocess.run, ["gpgconf", "--homedir", home, "--kill", "all"],
                        capture_output=True, timeout=30)
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "pgp", "gnupg_home": home}, up,
                            policy={"hold_seconds": 3600})
        subject = "enc-gpgbroken-" + uuid.uuid4().hex[:6]
        rcpt = address("bob")
        self.assertEqual(send(sg.port, [rcpt], build_message(subject, [rcpt])), (250, ""))
        mid = self.queued_id(sg, subject)
        with open(os.path.join(home, "pubring.kbx"), "wb") as f:
            f.write(b"\x00garbage" * 64)
        self.assertEqual(sg.cli("queue", "release", mid).returncode, 0)
        item = sg.wait_queue_state(subject, "failed", 60)
        self.assertIn("encryption failed", item["last_error"])
        self.assertIn(rcpt, item["last_error"])
        self.assert_no_delivery(up, 1.0)

    def test_encrypted_once_and_kept_across_a_crash(self):
        up = self.start_upstream(data_fail_first=10 ** 6)  # 451 until told otherwise
        sg = self.sendguard({"mode": "attachments", "method": "smime"}, up)
        subject = "enc-durable-" + uuid.uuid4().hex[:6]
        rcpt = address("alice")
        data = os.urandom(20000)
        self.assertEqual(send(sg.port, [rcpt], build_message(
            subject, [rcpt], [("d.bin", "application/octet-stream", data)])), (250, ""))
        item = sg.wait_queue_state(subject, "retrying", 30)
        enc = sg.path("spool", "queue", item["id"] + ".enc.eml")
        self.assertTrue(os.path.exists(enc))
        with open(enc, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        sg.kill9()
        up.data_fail_first = 0
        sg.start()
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        self.assertEqual(m.sha256, digest, "the very file encrypted before the crash is relayed")
        blob = self.attachments_of(received_bytes(m))["d.bin.p7m"][2]
        self.assertEqual(KEYS.cms_decrypt("alice", blob), data)
        self.assertEqual(len([e for e in sg.audit() if e.get("event") == "encrypted"]), 1,
                         "encrypted exactly once")
        sg.wait_queue_state(subject, "sent", 20)
        self.assertFalse(os.path.exists(enc), "the encrypted file goes with the message")


class BccCopiesTest(EncryptionCase):
    """An encrypted message names the key of everyone it is encrypted to (CMS RecipientInfos,
    OpenPGP key IDs), and everyone who gets it can read those names. So a recipient the To/Cc
    headers do not show (Bcc, or moved to Bcc by SendGuard) gets a copy of their own, in an SMTP
    transaction of its own: the copy for the visible recipients names them and the sender, each
    Bcc copy only its recipient and the sender."""

    def by_recipient(self, up, n):
        """The n transactions the upstream received, each for exactly one recipient."""
        msgs = self.assert_exactly_once(up, n, settle=0.5, timeout=60)
        for m in msgs:
            self.assertEqual(len(m.rcpt_tos), 1, "one transaction per copy: %r" % msgs)
        got = {m.rcpt_tos[0].lower(): m for m in msgs}
        self.assertEqual(len(got), n, "every recipient exactly once: %r" % msgs)
        return got

    def assert_no_bcc_header(self, raw):
        self.assertNotIn(b"\r\nbcc:", b"\r\n" + h.header_block(raw).lower(),
                         "no copy may carry a Bcc header")

    def encrypted_events(self, sg, subject, n):
        def find():
            found = [e for e in sg.audit()
                     if e.get("event") == "encrypted" and e.get("subject") == subject]
            return found if len(found) >= n else None
        return h.wait_until(find, 10, message="%d encrypted events for %r" % (n, subject))

    def copy_files(self, sg):
        return sorted(f for f in os.listdir(sg.path("spool", "queue")) if ".enc" in f)

    def test_smime_bcc_recipients_get_copies_of_their_own(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "smime", "required_for": "all"}, up)
        files = [("見積書.pdf", "application/pdf", os.urandom(30000)),
                 ("list.csv", "text/csv", b"a,b\r\n1,2\r\n")]
        subject = "enc-bcc-smime-" + uuid.uuid4().hex[:8]
        names = ["alice", "carol", "frank"]
        rcpts = [address(n) for n in names]
        msg = build_message(subject, [address("alice")], files, bcc=rcpts[1:])
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        got = self.by_recipient(up, 3)
        self.assertEqual(sorted(got), sorted(rcpts))
        for who in names:
            raw = received_bytes(got[address(who)])
            self.assert_no_bcc_header(raw)
            self.assert_headers_kept(msg, raw)
            atts = self.attachments_of(raw)
            self.assertEqual(sorted(atts), sorted(name + ".p7m" for name, _, _ in files))
            for name, _, data in files:
                blob = atts[name + ".p7m"][2]
                self.assertEqual(KEYS.cms_recipients(blob), sorted([who, "sender"]),
                                 "%s's copy of %s must name only %s and the sender"
                                 % (who, name, who))
                self.assertEqual(KEYS.cms_decrypt(who, blob), data, who)
                self.assertEqual(KEYS.cms_decrypt("sender", blob), data, "sender, %s" % who)
                for other in set(names) - {who}:
                    self.assertIsNone(KEYS.cms_decrypt(other, blob),
                                      "%s must not read %s's copy" % (other, who))

        events = self.encrypted_events(sg, subject, 3)
        self.assertEqual(len(events), 3, "each copy encrypted once")
        self.assertEqual(sorted(e["copy_kind"] for e in events), ["bcc", "bcc", "visible"])
        for e in events:
            self.assertEqual((e["copies"], e["bcc_copies"], e["copy_recipients"]), (3, 2, 1), e)
            self.assertIn("copy %d of 3" % e["copy"], e["detail"])
        visible = [e for e in events if e["copy_kind"] == "visible"][0]
        self.assertEqual(sorted(visible["encrypted_to"]), sorted([address("alice"), SENDER]))
        relayed = [e for e in sg.audit() if e.get("event") == "relayed" and e.get("subject") == subject]
        self.assertEqual(sorted(a for e in relayed for a in e["delivered_to"]), sorted(rcpts))
        item = sg.wait_queue_state(subject, "sent")
        plan = item["encryption"]
        self.assertEqual(plan["status"], "encrypted")
        self.assertEqual([(c["kind"], c["recipients"], c["state"]) for c in plan["copies"]],
                         [("visible", 1, "relayed"), ("bcc", 1, "relayed"), ("bcc", 1, "relayed")])
        self.assertEqual(self.copy_files(sg), [], "every copy goes with the message")

    def test_pgp_bcc_recipient_gets_a_copy_of_their_own(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "pgp", "required_for": "all"}, up)
        subject = "enc-bcc-pgp-" + uuid.uuid4().hex[:8]
        att = ("plan.pdf", "application/pdf", os.urandom(20000))
        rcpts = [address("alice"), address("bob")]
        msg = build_message(subject, [address("alice")], [att], bcc=[address("bob")])
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        got = self.by_recipient(up, 2)
        for who in ("alice", "bob"):
            raw = received_bytes(got[address(who)])
            self.assert_no_bcc_header(raw)
            top = parse(raw)
            self.assertEqual(top.get_content_type(), "multipart/encrypted")
            self.assertEqual(top["To"], address("alice"))
            armored = top.get_payload()[1].get_payload(decode=True)
            ids = KEYS.pgp_recipient_keyids(armored)
            named = {n for n in ("alice", "bob", "sender") if KEYS.pgp_subkeys[address(n)] & ids}
            self.assertEqual(named, {who, "sender"}, "%s's copy is encrypted to %s" % (who, ids))
            self.assertEqual(len(ids), 2, ids)
            inner = parse(KEYS.gpg_decrypt(armored))
            self.assertEqual([p.get_payload(decode=True) for p in inner.iter_attachments()],
                             [att[2]])

    def test_recipients_moved_to_bcc_get_copies_of_their_own(self):
        # A mass mailing: SendGuard moves the external To addresses to Bcc, so the To header
        # shows nobody, and no copy may name another recipient's key either.
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "smime", "required_for": "all"}, up,
                            policy={"mass_threshold": 3})
        subject = "enc-bcc-mass-" + uuid.uuid4().hex[:8]
        names = ["alice", "carol", "frank"]
        rcpts = [address(n) for n in names]
        msg = build_message(subject, rcpts)
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        got = self.by_recipient(up, 3)
        for who in names:
            raw = received_bytes(got[address(who)])
            self.assert_no_bcc_header(raw)
            self.assertIn(b"\r\nTo: undisclosed-recipients:;\r\n", b"\r\n" + h.header_block(raw))
            blob = parse(raw).get_payload(decode=True)
            self.assertEqual(KEYS.cms_recipients(blob), sorted([who, "sender"]))
            self.assertIn(b"Content-Type: text/plain", KEYS.cms_decrypt(who, blob))
        events = self.encrypted_events(sg, subject, 3)
        self.assertEqual(sorted(e["copy_kind"] for e in events), ["bcc"] * 3)
        self.assertEqual({(e["copies"], e["bcc_copies"]) for e in events}, {(3, 3)})
        moved = self.audit_events(sg, "moved_to_bcc", subject)[0]
        self.assertEqual(sorted(moved["moved"]), sorted(rcpts))

    def test_one_copy_without_bcc_recipients(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "message", "method": "smime", "required_for": "all"}, up)
        subject = "enc-bcc-none-" + uuid.uuid4().hex[:8]
        rcpts = [address("alice"), address("carol")]
        msg = build_message(subject, rcpts[:1], cc=rcpts[1:])
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        self.assertEqual(sorted(m.rcpt_tos), sorted(rcpts))
        blob = parse(received_bytes(m)).get_payload(decode=True)
        self.assertEqual(KEYS.cms_recipients(blob), ["alice", "carol", "sender"])
        events = self.encrypted_events(sg, subject, 1)
        self.assertEqual([(e["copies"], e["bcc_copies"], e["copy_kind"]) for e in events],
                         [(1, 0, "visible")])

    def test_kill9_between_copies_relays_each_copy_once(self):
        # carol's mailbox is busy (451 on RCPT): alice's and frank's copies go out, carol's is
        # made and waits. SendGuard is killed; after the restart only carol's copy is relayed,
        # the very file encrypted before the crash, and nothing is encrypted or relayed twice.
        carol = address("carol")
        up = self.start_upstream(rcpt_replies={carol: "451 4.2.1 Mailbox busy, try later"})
        sg = self.sendguard({"mode": "message", "method": "smime"}, up)
        subject = "enc-bcc-crash-" + uuid.uuid4().hex[:8]
        rcpts = [address("alice"), carol, address("frank")]
        msg = build_message(subject, rcpts[:1], bcc=rcpts[1:])
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        first = self.by_recipient(up, 2)
        self.assertEqual(sorted(first), sorted([address("alice"), address("frank")]))
        item = sg.wait_queue_state(subject, "retrying", 30)
        self.assertEqual([(c["kind"], c["state"]) for c in item["encryption"]["copies"]],
                         [("visible", "relayed"), ("bcc", "encrypted"), ("bcc", "relayed")])
        time.sleep(0.5)  # the state is on disk
        pending = sg.path("spool", "queue", item["id"] + ".enc-1.eml")
        self.assertEqual(self.copy_files(sg), [item["id"] + ".enc-1.eml"],
                         "only the copy still needed is kept")
        with open(pending, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        sg.kill9()
        up.rcpt_replies = {}
        sg.start()
        sg.wait_queue_state(subject, "sent", 30)
        msgs = self.assert_exactly_once(up, 3, settle=1.0)
        last = msgs[-1]
        self.assertEqual(last.rcpt_tos, [carol])
        self.assertEqual(last.sha256, digest, "the copy made before the crash is relayed as it is")
        blob = parse(received_bytes(last)).get_payload(decode=True)
        self.assertEqual(KEYS.cms_recipients(blob), ["carol", "sender"])
        self.assertEqual(len([e for e in sg.audit() if e.get("event") == "encrypted" and
                              e.get("subject") == subject]), 3, "each copy encrypted once")
        self.assertEqual(self.copy_files(sg), [])

    def test_refused_bcc_recipient_sent_again_gets_only_their_copy(self):
        # frank's address is refused (550): the others have their copies, the message fails
        # for frank alone. Sent again by the user, only frank's copy goes, made anew (its file
        # went with the attempt that finished it).
        frank = address("frank")
        up = self.start_upstream(rcpt_replies={frank: "550 5.1.1 No such user"})
        sg = self.sendguard({"mode": "message", "method": "smime"}, up)
        subject = "enc-bcc-refused-" + uuid.uuid4().hex[:8]
        rcpts = [address("alice"), address("carol"), frank]
        msg = build_message(subject, rcpts[:1], bcc=rcpts[1:])
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        item = sg.wait_queue_state(subject, "failed", 30)
        self.assertIn(frank, item["last_error"])
        status = {r["address"]: r["status"] for r in item["recipient_status"]}
        self.assertEqual(status, {address("alice"): "delivered", address("carol"): "delivered",
                                  frank: "refused"})
        self.assertEqual(sorted(m.rcpt_tos[0] for m in up.messages()),
                         [address("alice"), address("carol")])
        time.sleep(0.5)
        self.assertEqual(self.copy_files(sg), [], "no copy is needed any more")
        up.rcpt_replies = {}
        self.assertEqual(sg.cli("queue", "release", item["id"]).returncode, 0)
        sg.wait_queue_state(subject, "sent", 30)
        msgs = self.assert_exactly_once(up, 3, settle=1.0)
        self.assertEqual(msgs[-1].rcpt_tos, [frank])
        blob = parse(received_bytes(msgs[-1])).get_payload(decode=True)
        self.assertEqual(KEYS.cms_recipients(blob), ["frank", "sender"])
        kinds = [(e["copy"], e["copy_kind"]) for e in sg.audit()
                 if e.get("event") == "encrypted" and e.get("subject") == subject]
        self.assertEqual(kinds, [(1, "visible"), (2, "bcc"), (3, "bcc"), (3, "bcc")])


class SignedMessageTest(EncryptionCase):
    """Mode "attachments" must not break a signature: a signed message is encrypted whole, the
    signed entity untouched inside, and after decryption the signature still verifies."""

    def signed_message(self, subject, rcpt, data, detached):
        body = base64.encodebytes(data).replace(b"\n", b"\r\n")
        inner = (b'Content-Type: multipart/mixed; boundary="inner-boundary"\r\n\r\n'
                 b"--inner-boundary\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                 b"Signed text; the attachment is signed too.\r\n"
                 b"--inner-boundary\r\nContent-Type: application/pdf; name=\"signed.pdf\"\r\n"
                 b"Content-Disposition: attachment; filename=\"signed.pdf\"\r\n"
                 b"Content-Transfer-Encoding: base64\r\n\r\n" + body +
                 b"--inner-boundary--\r\n")
        signed = KEYS.cms_sign("sender", inner, detached=detached)
        head = ("From: Sender <%s>\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\n"
                "Message-ID: <%s@e2e.sendguard.test>\r\n"
                % (SENDER, rcpt, subject, email.utils.formatdate(), uuid.uuid4().hex))
        return inner, head.encode() + signed

    def test_signed_message_encrypted_whole_signature_verifies(self):
        up = self.start_upstream()
        sg = self.sendguard({"mode": "attachments", "method": "smime", "required_for": "all"}, up)
        rcpt = address("alice")
        for i, detached in enumerate((True, False)):
            with self.subTest(detached=detached):
                subject = "enc-signed-%s-%s" % ("detached" if detached else "opaque",
                                                uuid.uuid4().hex[:6])
                data = os.urandom(12000)
                inner, msg = self.signed_message(subject, rcpt, data, detached)
                KEYS.cms_verify("sender", msg)  # signed as sent
                self.assertEqual(send(sg.port, [rcpt], msg), (250, ""))
                up.wait_for_count(i + 1, 30)
                raw = received_bytes(up.messages()[i])
                top = parse(raw)
                self.assertEqual(top.get_content_type(), "application/pkcs7-mime")
                self.assertEqual(dict(top["Content-Type"].params).get("smime-type"),
                                 "enveloped-data", "the whole message is encrypted")
                self.assertNotIn(b"signed.pdf", raw)
                decrypted = KEYS.cms_decrypt("alice", top.get_payload(decode=True))
                self.assertIsNotNone(decrypted)
                content = KEYS.cms_verify("sender", decrypted)
                self.assertEqual(content.replace(b"\r\n", b"\n"), inner.replace(b"\r\n", b"\n"),
                                 "the signed content arrives unchanged")

                ev = self.audit_events(sg, "encrypted", subject)[0]
                self.assertEqual((ev["mode"], ev.get("requested_mode"), ev.get("signed")),
                                 ("message", "attachments", True), ev)
                self.assertIn("signed", ev["detail"])
                item = sg.wait_queue_state(subject, "sent")
                self.assertTrue(item["analysis"].get("signed"))
                self.assertEqual((item["encryption"]["mode"],
                                  item["encryption"].get("whole_because_signed")),
                                 ("message", True), item["encryption"])
                accepted = self.audit_events(sg, "accepted", subject)[0]
                self.assertTrue(accepted["encryption"].get("whole_because_signed"), accepted)


class LargeAttachmentTest(EncryptionCase):
    """Large attachments go through encryption from spool file to spool file: SendGuard's peak
    RSS stays well under 100 MB (100 MB with S/MIME; 20 MB with PGP/MIME, whose gpg is slower)."""

    def relay_large(self, encryption, rcpt, megabytes):
        work = self.make_tempdir("sg-e2e-encbig-")
        store = os.path.join(work, "upstream")
        os.makedirs(store)
        up = self.start_upstream(store_dir=store, data_size_limit=None)
        sg = self.sendguard(encryption, up,
                            extra={"listen": {"max_message_size": 200 * 1024 * 1024},
                                   "relay": {"command_timeout_seconds": 120}})
        data = os.urandom(megabytes * 1024 * 1024)
        subject = "enc-big-" + uuid.uuid4().hex[:6]
        msg = build_message(subject, [rcpt], [("big.bin", "application/octet-stream", data)])
        t0 = time.monotonic()
        self.assertEqual(send(sg.port, [rcpt], msg), (250, ""))
        m = up.wait_for_count(1, 180)[0]
        elapsed = time.monotonic() - t0
        sg.wait_queue_state(subject, "sent", 30)
        hwm_kb = sg.proc_status("VmHWM")
        return data, received_bytes(m), elapsed, hwm_kb

    def test_100mb_attachment_smime(self):
        data, raw, elapsed, hwm_kb = self.relay_large({"mode": "attachments", "method": "smime"},
                                                      address("alice"), 100)
        blob = self.attachments_of(raw)["big.bin.p7m"][2]
        self.assert_der(blob)
        t1 = time.monotonic()
        self.assertEqual(hashlib.sha256(KEYS.cms_decrypt("alice", blob) or b"").digest(),
                         hashlib.sha256(data).digest())
        print("\n100 MB attachment, S/MIME: receive+encrypt+relay %.1fs, openssl decrypt %.1fs; "
              "sendguard VmHWM %d kB" % (elapsed, time.monotonic() - t1, hwm_kb))
        self.assertLess(hwm_kb, PEAK_RSS_LIMIT_KB)

    def test_100mb_attachment_smime_three_copies(self):
        # To alice, Bcc carol and frank: three copies of 100 MB, made one after the other from
        # spool file to spool file; it takes time, not memory.
        work = self.make_tempdir("sg-e2e-encbig-")
        store = os.path.join(work, "upstream")
        os.makedirs(store)
        up = self.start_upstream(store_dir=store, data_size_limit=None)
        sg = self.sendguard({"mode": "attachments", "method": "smime"}, up,
                            extra={"listen": {"max_message_size": 200 * 1024 * 1024},
                                   "relay": {"command_timeout_seconds": 120}})
        data = os.urandom(100 * 1024 * 1024)
        digest = hashlib.sha256(data).digest()
        subject = "enc-big-bcc-" + uuid.uuid4().hex[:6]
        rcpts = [address("alice"), address("carol"), address("frank")]
        msg = build_message(subject, rcpts[:1], [("big.bin", "application/octet-stream", data)],
                            bcc=rcpts[1:])
        del data
        t0 = time.monotonic()
        self.assertEqual(send(sg.port, rcpts, msg), (250, ""))
        del msg
        up.wait_for_count(3, 300)
        elapsed = time.monotonic() - t0
        sg.wait_queue_state(subject, "sent", 60)
        hwm_kb = sg.proc_status("VmHWM")
        got = {m.rcpt_tos[0]: m for m in up.messages()}
        self.assertEqual(sorted(got), sorted(rcpts))
        for who in ("alice", "carol", "frank"):
            blob = self.attachments_of(received_bytes(got[address(who)]))["big.bin.p7m"][2]
            self.assertEqual(KEYS.cms_recipients(blob), sorted([who, "sender"]))
            self.assertEqual(hashlib.sha256(KEYS.cms_decrypt(who, blob) or b"").digest(), digest)
            del blob
        print("\n100 MB attachment, S/MIME, 3 copies (2 Bcc): receive+encrypt+relay %.1fs; "
              "sendguard VmHWM %d kB" % (elapsed, hwm_kb))
        self.assertLess(hwm_kb, PEAK_RSS_LIMIT_KB)

    def test_20mb_whole_message_pgp(self):
        data, raw, elapsed, hwm_kb = self.relay_large({"mode": "message", "method": "pgp"},
                                                      address("bob"), 20)
        armored = parse(raw).get_payload()[1].get_payload(decode=True)
        t1 = time.monotonic()
        inner = parse(KEYS.gpg_decrypt(armored))
        got = [p.get_payload(decode=True) for p in inner.iter_attachments() if p.get_filename()]
        self.assertEqual([hashlib.sha256(g).digest() for g in got], [hashlib.sha256(data).digest()])
        print("\n20 MB message, PGP/MIME: receive+encrypt+relay %.1fs, gpg decrypt %.1fs; "
              "sendguard VmHWM %d kB" % (elapsed, time.monotonic() - t1, hwm_kb))
        self.assertLess(hwm_kb, PEAK_RSS_LIMIT_KB)


if __name__ == "__main__":
    unittest.main()
