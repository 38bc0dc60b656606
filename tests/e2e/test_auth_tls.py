# SPDX-License-Identifier: GPL-3.0-or-later
"""Local SMTP AUTH (listen.auth "required"), STARTTLS towards SendGuard, and TLS
towards the upstream (STARTTLS, implicit TLS, certificate verification, AUTH)."""

import os
import smtplib
import time
import unittest
import uuid

import sgharness as h

LOCAL_USER = "sendguard"


def unique_subject(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:10])


def needs_keyring(testcase):
    if not h.keyring_available():
        testcase.skipTest("no D-Bus session: run inside dbus-run-session with an unlocked gnome-keyring")


class LocalAuthTest(h.SGTestCase):
    """2. listen.auth "required"."""

    def setUp(self):
        needs_keyring(self)
        self.password = "e2e-Pw-%s" % uuid.uuid4().hex[:12]
        self.up = self.start_upstream()
        self.sg = self.make_sendguard(config={"listen": {"auth": "required"}}, upstream=self.up, start=False)
        self.sg.set_local_password(self.password)
        self.sg.start()

    def test_credentials_show_returns_the_password_set(self):
        proc = self.sg.cli("credentials", "show", "local")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        out = proc.stdout.decode()
        self.assertIn("username: sendguard", out)
        self.assertEqual(self.sg.local_password(), self.password)

    def test_mail_without_auth_is_refused_530(self):
        c = self.raw(self.sg.port)
        ehlo = c.greeting_and_ehlo()
        self.assertIn("AUTH", ehlo.upper(), "EHLO must advertise AUTH when auth is required")
        code, text = c.cmd("MAIL FROM:<alice@example.com>")
        self.assertEqual(code, 530, text)
        code, text = c.cmd("RCPT TO:<bob@example.net>")
        self.assertGreaterEqual(code, 500, text)
        code, text = c.cmd("DATA")
        self.assertGreaterEqual(code, 500, text)
        self.assertEqual(c.cmd("QUIT")[0], 221)
        self.assert_no_delivery(self.up, 2)

    def test_wrong_password_is_refused_535(self):
        with smtplib.SMTP(h.LOOPBACK, self.sg.port, timeout=20) as s:
            s.ehlo("client.e2e.test")
            with self.assertRaises(smtplib.SMTPAuthenticationError) as cm:
                s.login(LOCAL_USER, self.password + "x")
            self.assertEqual(cm.exception.smtp_code, 535)
            code, _ = s.mail("alice@example.com")
            self.assertEqual(code, 530, "MAIL after a failed AUTH must still be refused")
        c = self.raw(self.sg.port)
        c.greeting_and_ehlo()
        import base64
        token = base64.b64encode(b"\0other-user\0" + self.password.encode()).decode()
        code, text = c.cmd("AUTH PLAIN " + token)
        self.assertEqual(code, 535, "a wrong user name must be refused: %s" % text)
        self.assert_no_delivery(self.up, 1)

    def _swaks_auth(self, mechanism):
        subject = unique_subject("auth-" + mechanism)
        proc = h.run(["swaks", "--server", "127.0.0.1:%d" % self.sg.port, "--helo", "client.e2e.test",
                      "--from", "alice@example.com", "--to", "bob@example.net",
                      "-a", mechanism, "-au", LOCAL_USER, "-ap", self.password,
                      "--header", "Subject: " + subject, "--body", "auth test body", "--timeout", "20"],
                     timeout=40)
        out = proc.stdout.decode(errors="replace")
        self.assertEqual(proc.returncode, 0, out + proc.stderr.decode(errors="replace"))
        self.assertRegex(out, r"<[-~*]\s+235", "AUTH must succeed with 235")
        msgs = self.assert_exactly_once(self.up, 1)
        self.assertIn(("Subject: " + subject).encode(), msgs[0].data)
        self.assertEqual(msgs[0].rcpt_tos, ["bob@example.net"])

    def test_swaks_auth_plain(self):
        self._swaks_auth("PLAIN")

    def test_swaks_auth_login(self):
        self._swaks_auth("LOGIN")

    def test_smtplib_login_over_starttls_and_no_password_in_audit(self):
        subject = unique_subject("auth-starttls")
        msg = h.make_message(subject)
        self.assertEqual(h.smtplib_send(self.sg.port, "alice@example.com", ["bob@example.net"], msg,
                                        user=LOCAL_USER, password=self.password, starttls=True), {})
        self.assert_exactly_once(self.up, 1)
        self.sg.wait_queue_state(subject, "sent", 10)
        raw = self.sg.audit_raw()
        self.assertTrue(raw, "audit log must not be empty")
        self.assertNotIn(self.password.encode(), raw, "audit log must never contain the password")
        import base64
        self.assertNotIn(base64.b64encode(b"\0sendguard\0" + self.password.encode()), raw)


class FirstRunPasswordTest(h.SGTestCase):
    """The local password is generated at first run, kept in the keychain per canonical data dir."""

    def test_generated_password_works_and_is_kept(self):
        needs_keyring(self)
        up = self.start_upstream()
        sg = self.make_sendguard(config={"listen": {"auth": "required"}}, upstream=up)
        pw = sg.local_password()
        self.assertGreaterEqual(len(pw), 12, "a generated password must not be trivially short")
        subject = unique_subject("first-run")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject),
                                        user=LOCAL_USER, password=pw), {})
        self.assert_exactly_once(up, 1)
        sg.restart()
        self.assertEqual(sg.local_password(), pw, "the password is kept across restarts")
        # the keychain entry is keyed by the canonical data dir: an equivalent spelling finds it
        alias = sg.data_dir.replace("/data", "/./data")
        proc = h.run([sg.bin, "credentials", "show", "local", "--data-dir", alias], timeout=30, env=sg.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("password: " + pw, proc.stdout.decode())
        other = self.make_sendguard(config={"listen": {"auth": "required"}})
        self.assertNotEqual(other.local_password(), pw, "each data dir has its own password")
        self.assertNotIn(pw.encode(), sg.audit_raw())


class LocalStartTlsTest(h.SGTestCase):
    """3a. STARTTLS from the mail client to SendGuard (self-signed identity in DATA/tls/)."""

    def test_smtplib_starttls(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("local-starttls-smtplib")
        with smtplib.SMTP(h.LOOPBACK, sg.port, timeout=20) as s:
            s.ehlo("client.e2e.test")
            self.assertTrue(s.has_extn("starttls"), "EHLO must advertise STARTTLS (listen.starttls default true)")
            import ssl
            ctx = ssl.create_default_context(cafile=sg.path("tls", "cert.pem"))
            ctx.check_hostname = False  # the local identity's names are SendGuard's business
            code, _ = s.starttls(context=ctx)
            self.assertEqual(code, 220)
            self.assertIsNotNone(s.sock.version())
            s.ehlo("client.e2e.test")
            self.assertFalse(s.has_extn("starttls"), "no STARTTLS offered again inside TLS")
            s.sendmail("alice@example.com", ["bob@example.net"], h.make_message(subject))
        msgs = self.assert_exactly_once(up, 1)
        self.assertIn(("Subject: " + subject).encode(), msgs[0].data)

    def test_starttls_can_be_disabled(self):
        sg = self.make_sendguard(config={"listen": {"starttls": False}})
        c = self.raw(sg.port)
        self.assertNotIn("STARTTLS", c.greeting_and_ehlo().upper())
        code, text = c.cmd("STARTTLS")
        self.assertGreaterEqual(code, 500, text)

    def test_swaks_starttls(self):
        if not h.swaks_has_tls():
            self.skipTest("swaks -tls needs Net::SSLeay: install libnet-ssleay-perl")
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("local-starttls")
        proc = h.run(["swaks", "--server", "127.0.0.1:%d" % sg.port, "--helo", "client.e2e.test", "-tls",
                      "--from", "alice@example.com", "--to", "bob@example.net",
                      "--header", "Subject: " + subject, "--body", "tls body", "--timeout", "20"], timeout=40)
        out = proc.stdout.decode(errors="replace")
        self.assertEqual(proc.returncode, 0, out + proc.stderr.decode(errors="replace"))
        self.assertIn("TLS started", out)
        msgs = self.assert_exactly_once(up, 1)
        self.assertIn(("Subject: " + subject).encode(), msgs[0].data)
        self.assertTrue(os.path.isfile(sg.path("tls", "cert.pem")), "DATA/tls/cert.pem")
        self.assertTrue(os.path.isfile(sg.path("tls", "key.pem")), "DATA/tls/key.pem")

    def test_starttls_after_restart_reuses_identity(self):
        sg = self.make_sendguard()
        cert1 = None
        if os.path.exists(sg.path("tls", "cert.pem")):
            with open(sg.path("tls", "cert.pem"), "rb") as f:
                cert1 = f.read()
        c = self.raw(sg.port)
        self.assertIn("STARTTLS", c.greeting_and_ehlo().upper())
        self.assertEqual(c.cmd("STARTTLS")[0], 220)
        c.close()
        sg.restart()
        with open(sg.path("tls", "cert.pem"), "rb") as f:
            cert2 = f.read()
        if cert1 is not None:
            self.assertEqual(cert1, cert2, "the local certificate is made once")


class UpstreamTlsTest(h.SGTestCase):
    """3b. TLS towards the upstream."""

    def setUp(self):
        self.pki = h.get_pki()

    def _send(self, sg, subject):
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})

    def test_starttls_with_ca_file(self):
        up = self.start_upstream(tls="starttls", require_starttls=True)
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "starttls", "ca_file": self.pki.ca_cert}})
        subject = unique_subject("up-starttls")
        self._send(sg, subject)
        m = self.assert_exactly_once(up, 1)[0]
        self.assertTrue(m.tls, "must have been delivered over TLS")
        sg.wait_queue_state(subject, "sent", 10)

    def test_implicit_tls_with_ca_file(self):
        up = self.start_upstream(tls="implicit")
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "tls", "ca_file": self.pki.ca_cert}})
        subject = unique_subject("up-tls")
        self._send(sg, subject)
        m = self.assert_exactly_once(up, 1)[0]
        self.assertTrue(m.tls)

    def _assert_refused_untrusted(self, up, sg, subject):
        self._send(sg, subject)
        item = sg.wait_queue_state(subject, {"retrying", "failed"}, 20)
        h.wait_until(lambda: sg.queue_item(subject=subject).get("last_error"), 10, message="last_error to be set")
        # Between attempts the message is "retrying"; during the next one it is "relaying".
        still_queued = ("retrying", "failed", "relaying")
        item = sg.queue_item(subject=subject)
        self.assertIn(item["state"], still_queued)
        self.assertRegex(item["last_error"], r"(?i)certificate",
                         "last_error must say the certificate was not trusted")
        time.sleep(3)  # a few retries at 1-2 s
        self.assertEqual(up.messages(), [], "nothing may be delivered to an untrusted upstream")
        plain = [e for e in up.events() if e[0] in ("MAIL", "RCPT", "DATA")]
        self.assertEqual(plain, [], "no fallback to plaintext: no MAIL/RCPT/DATA may reach the upstream")
        self.assertIn(sg.queue_item(subject=subject)["state"], still_queued)

    def test_self_signed_starttls_without_ca_file_is_not_delivered(self):
        up = self.start_upstream(tls="starttls", cert=self.pki.self_cert, key=self.pki.self_key, require_starttls=False)
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "starttls"}})
        self._assert_refused_untrusted(up, sg, unique_subject("self-signed-starttls"))

    def test_self_signed_implicit_tls_without_ca_file_is_not_delivered(self):
        up = self.start_upstream(tls="implicit", cert=self.pki.self_cert, key=self.pki.self_key)
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "tls"}})
        self._assert_refused_untrusted(up, sg, unique_subject("self-signed-tls"))

    def test_ca_signed_cert_without_ca_file_is_not_trusted(self):
        up = self.start_upstream(tls="starttls", require_starttls=False)
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "starttls"}})
        self._assert_refused_untrusted(up, sg, unique_subject("unknown-ca"))

    def test_starttls_required_but_not_offered_no_plaintext(self):
        up = self.start_upstream()  # no TLS at all
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "starttls"}})
        subject = unique_subject("no-starttls")
        self._send(sg, subject)
        sg.wait_queue_state(subject, {"retrying", "failed"}, 20)
        time.sleep(3)
        self.assertEqual(up.messages(), [])
        self.assertEqual([e for e in up.events() if e[0] in ("MAIL", "RCPT", "DATA")], [],
                         "security starttls must never fall back to plaintext")

    def test_verify_certificate_false_accepts_self_signed(self):
        up = self.start_upstream(tls="starttls", cert=self.pki.self_cert, key=self.pki.self_key, require_starttls=True)
        sg = self.make_sendguard(upstream=up, config={"upstream": {"security": "starttls", "verify_certificate": False}})
        self._send(sg, unique_subject("noverify"))
        self.assertTrue(self.assert_exactly_once(up, 1)[0].tls)

    def test_upstream_auth_over_starttls(self):
        needs_keyring(self)
        upw = "up-Pw-%s" % uuid.uuid4().hex[:10]
        up = self.start_upstream(tls="starttls", require_starttls=True, auth={"relay-user": upw})
        sg = self.make_sendguard(upstream=up, start=False, config={
            "upstream": {"security": "starttls", "ca_file": self.pki.ca_cert, "username": "relay-user"}})
        sg.set_upstream_password(upw)
        sg.start()
        subject = unique_subject("up-auth")
        self._send(sg, subject)
        m = self.assert_exactly_once(up, 1)[0]
        self.assertTrue(m.tls)
        self.assertIn(("relay-user", True), [(u, ok) for _, u, ok in up.auth_attempts])
        sg.wait_queue_state(subject, "sent", 10)
        self.assertNotIn(upw.encode(), sg.audit_raw())


if __name__ == "__main__":
    unittest.main()
