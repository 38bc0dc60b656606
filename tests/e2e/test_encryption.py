# SPDX-License-Identifier: GPL-3.0-or-later
"""Encryption end to end (encryption.*): the real sendguard (headless, --auto-confirm) relays to
an aiosmtpd upstream, and what arrives is decrypted with the real `openssl cms -decrypt` and
`gpg --decrypt`. Certificates are made with the openssl CLI and OpenPGP keys with gpg in a
temporary GNUPGHOME, all thrown away afterwards. Loopback only; every wait is bounded."""

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


def build_message(subject, to, attachments=(), cc=(), text=TEXT):
    """A multipart message as an SMTP client sends it; attachments: (name, type, bytes)."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Sender <%s>" % SENDER
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
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
        t1 = time.monotonic()
        self.assertEqual(hashlib.sha256(KEYS.cms_decrypt("alice", blob) or b"").digest(),
                         hashlib.sha256(data).digest())
        print("\n100 MB attachment, S/MIME: receive+encrypt+relay %.1fs, openssl decrypt %.1fs; "
              "sendguard VmHWM %d kB" % (elapsed, time.monotonic() - t1, hwm_kb))
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
