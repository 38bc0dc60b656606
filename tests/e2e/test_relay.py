# SPDX-License-Identifier: GPL-3.0-or-later
"""Relaying with real clients (smtplib, swaks, msmtp) into real upstreams (aiosmtpd,
Postfix smtp-sink), Bcc stripping, 50 parallel sessions, the demo upstream with its
audit trail, and upstream refusals (5xx on DATA, 5xx for one RCPT)."""

import datetime
import getpass
import os
import threading
import time
import unittest
import uuid

import sgharness as h


def unique_subject(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:10])


def parse_iso_utc(text):
    """Parse an ISO 8601 timestamp; must carry UTC (Z or +00:00)."""
    assert isinstance(text, str), "timestamp is not a string: %r" % (text,)
    t = text.replace("Z", "+00:00") if text.endswith("Z") else text
    value = datetime.datetime.fromisoformat(t)
    assert value.tzinfo is not None and value.utcoffset() == datetime.timedelta(0), \
        "timestamp %r is not UTC" % text
    return value


class PlainRelayTest(h.SGTestCase):
    """1. Plain relay with smtplib, swaks, msmtp; relay into smtp-sink."""

    def setUp(self):
        self.up = self.start_upstream()
        self.sg = self.make_sendguard(upstream=self.up)

    def assert_delivered_once(self, subject, mail_from, rcpts, body):
        msgs = self.assert_exactly_once(self.up, 1)
        m = msgs[0]
        self.assertEqual(m.mail_from, mail_from)
        self.assertEqual(sorted(m.rcpt_tos), sorted(rcpts))
        self.assertIn(("Subject: %s" % subject).encode(), h.header_block(m.data))
        self.assertEqual(h.body_of(m.data), body)
        return m

    def test_smtplib(self):
        subject = unique_subject("smtplib")
        msg = h.make_message(subject, to=("bob@example.net", "carol@example.org"))
        refused = h.smtplib_send(self.sg.port, "alice@example.com", ["bob@example.net", "carol@example.org"], msg)
        self.assertEqual(refused, {})
        m = self.assert_delivered_once(subject, "alice@example.com", ["bob@example.net", "carol@example.org"],
                                       h.body_of(msg))
        self.assertFalse(m.tls)

    def test_dot_lines_and_8bit_body_relayed_byte_identical(self):
        subject = unique_subject("transparency")
        body = (".\r\n..\r\n.leading dot\r\n...three\r\n\r\n"
                "caf\u00e9 \u65e5\u672c\u8a9e 8-bit line\r\n.\r\nend\r\n").encode("utf-8")
        head = h.header_block(h.make_message(subject)).replace(b"charset=us-ascii", b"charset=utf-8")
        msg = head + b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body
        import smtplib
        with smtplib.SMTP(h.LOOPBACK, self.sg.port, timeout=20) as s:
            s.ehlo("client.e2e.test")
            self.assertTrue(s.has_extn("8bitmime"), "EHLO must advertise 8BITMIME")
            self.assertEqual(s.sendmail("alice@example.com", ["bob@example.net"], msg, mail_options=["BODY=8BITMIME"]), {})
        m = self.assert_exactly_once(self.up, 1)[0]
        self.assertEqual(m.data, msg, "dot-stuffing must be undone on input and redone on output")

    def test_short_message_after_long_one_is_relayed_exactly(self):
        # The spool reuses a relayed message's file for the next one: nothing of the longer
        # message may survive at the end of the shorter one.
        import smtplib
        sent = []
        for i, size in enumerate((60000, 300, 20000, 10)):
            subject = unique_subject("reuse-%d" % i)
            line = (b"%d" % i) * 70 + b"\r\n"
            msg = h.header_block(h.make_message(subject)) + b"\r\n" + line * (size // 72 + 1)
            with smtplib.SMTP(h.LOOPBACK, self.sg.port, timeout=20) as s:
                self.assertEqual(s.sendmail("alice@example.com", ["bob@example.net"], msg), {})
            self.up.wait_for_count(i + 1, 30)
            sent.append(msg)
        self.assertEqual([m.data for m in self.up.messages()], sent)

    def test_swaks(self):
        subject = unique_subject("swaks")
        msg = h.make_message(subject, to=("bob@example.net",))
        d = self.make_tempdir()
        path = os.path.join(d, "msg.eml")
        with open(path, "wb") as f:
            f.write(msg[:-2])  # swaks itself ends the data with CRLF . CRLF
        proc = h.run(["swaks", "--server", "127.0.0.1:%d" % self.sg.port, "--helo", "client.e2e.test",
                      "--from", "alice@example.com", "--to", "bob@example.net,dave@example.org",
                      "--data", "@" + path, "--timeout", "20"], timeout=40)
        out = proc.stdout.decode(errors="replace")
        self.assertEqual(proc.returncode, 0, out + proc.stderr.decode(errors="replace"))
        self.assert_delivered_once(subject, "alice@example.com", ["bob@example.net", "dave@example.org"],
                                   h.body_of(msg))

    def test_msmtp(self):
        subject = unique_subject("msmtp")
        msg = h.make_message(subject, to=("bob@example.net",))
        d = self.make_tempdir()
        cfg = os.path.join(d, "msmtprc")
        with open(cfg, "w") as f:
            f.write("defaults\n"
                    "logfile %s\n"
                    "account e2e\n"
                    "host 127.0.0.1\n"
                    "port %d\n"
                    "domain client.e2e.test\n"
                    "from alice@example.com\n"
                    "auth off\n"
                    "tls off\n"
                    "timeout 20\n"
                    "account default : e2e\n" % (os.path.join(d, "msmtp.log"), self.sg.port))
        os.chmod(cfg, 0o600)
        proc = h.run(["msmtp", "-C", cfg, "bob@example.net", "erin@example.org"], input=msg, timeout=40)
        self.assertEqual(proc.returncode, 0, proc.stdout.decode(errors="replace") + proc.stderr.decode(errors="replace"))
        self.assert_delivered_once(subject, "alice@example.com", ["bob@example.net", "erin@example.org"],
                                   h.body_of(msg))


class SmtpSinkRelayTest(h.SGTestCase):
    """1b. Relay into Postfix smtp-sink."""

    def test_relay_into_smtp_sink(self):
        sink = self.start_sink()
        sg = self.make_sendguard(upstream=sink)
        subject = unique_subject("sink")
        msg = h.make_message(subject)
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net", "x@example.org"], msg), {})
        h.wait_until(lambda: len(sink.dumps()) >= 1, 20, message="smtp-sink to receive the message")
        time.sleep(2)
        dumps = sink.dumps()
        self.assertEqual(len(dumps), 1, "exactly one message at smtp-sink")
        self.assertEqual(dumps[0]["mail_from"], "alice@example.com")
        self.assertEqual(sorted(dumps[0]["rcpt_tos"]), ["bob@example.net", "x@example.org"])
        self.assertIn(("Subject: %s" % subject).encode(), dumps[0]["raw"])
        sg.wait_queue_state(subject, "sent", 10)


class BccTest(h.SGTestCase):
    """10. Bcc header removed; envelope intact; everything else byte-identical."""

    def setUp(self):
        self.up = self.start_upstream()
        self.sg = self.make_sendguard(upstream=self.up)

    def _check(self, bcc_lines, bcc_rcpts):
        subject = unique_subject("bcc")
        to = ["bob@example.net"]
        head = ("From: Alice <alice@example.com>\r\n"
                "To: bob@example.net\r\n")
        tail = ("Subject: %s\r\n"
                "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                "Message-ID: <%s@e2e.sendguard.test>\r\n"
                "MIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=us-ascii\r\n"
                "X-Trailing: after-bcc\r\n"
                "\r\n"
                "Body line one\r\n"
                "Bcc: this line is body text, not a header\r\n"
                "\r\n"
                "last line\r\n") % (subject, uuid.uuid4().hex)
        original = (head + bcc_lines + tail).encode()
        expected = (head + tail).encode()
        rcpts = to + bcc_rcpts
        self.assertEqual(h.smtplib_send(self.sg.port, "alice@example.com", rcpts, original), {})
        m = self.assert_exactly_once(self.up, 1)[0]
        self.assertEqual(sorted(m.rcpt_tos), sorted(rcpts), "all envelope recipients must be relayed")
        self.assertNotIn(b"\r\nbcc:", h.header_block(m.data).lower(), "Bcc header must be removed")
        self.assertEqual(m.data, expected, "message must be byte-identical apart from the removed Bcc header")

    def test_bcc_single_line(self):
        self._check("Bcc: carol@example.org\r\n", ["carol@example.org"])

    def test_bcc_folded_multiline(self):
        self._check("Bcc: carol@example.org,\r\n\tdave@example.org,\r\n  \"Erin E.\" <erin@example.org>\r\n",
                    ["carol@example.org", "dave@example.org", "erin@example.org"])


class ParallelTest(h.SGTestCase):
    """9. 50 parallel sessions."""

    def test_fifty_parallel_sessions(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        n = 50
        barrier = threading.Barrier(n, timeout=30)
        results = [None] * n
        subjects = [unique_subject("parallel-%02d" % i) for i in range(n)]

        def worker(i):
            try:
                barrier.wait()
                msg = h.make_message(subjects[i], to=("rcpt%02d@example.net" % i,))
                results[i] = h.smtplib_send(sg.port, "alice@example.com", ["rcpt%02d@example.net" % i], msg,
                                            timeout=60)
            except Exception as exc:  # noqa: BLE001
                results[i] = exc

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(90)
        self.assertFalse(any(t.is_alive() for t in threads), "some client threads hung")
        failures = [(i, r) for i, r in enumerate(results) if r != {}]
        self.assertEqual(failures, [], "every session must get 250")
        up.wait_for_count(n, 60)
        time.sleep(2)
        msgs = up.messages()
        self.assertEqual(len(msgs), n)
        got = set()
        for m in msgs:
            for s in subjects:
                if ("Subject: %s\r\n" % s).encode() in m.data:
                    got.add(s)
                    self.assertEqual(m.rcpt_tos, ["rcpt%02d@example.net" % subjects.index(s)])
        self.assertEqual(len(got), n, "50 distinct messages must arrive")


class DemoUpstreamAuditTest(h.SGTestCase):
    """13. Demo upstream writes DATA/demo-outbox/ID.eml; audit trail of a message."""

    def test_demo_outbox_and_audit(self):
        sg = self.make_sendguard(config={"policy": {"hold_seconds": 1}})
        self.assertNotIn("host", sg.config["upstream"])
        subject = unique_subject("demo")
        marker = "BODYMARKER-%s" % uuid.uuid4().hex
        msg = h.make_message(subject, body="Secret body text %s\r\nsecond line\r\n" % marker)
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net", "c@example.org"], msg), {})
        outbox = sg.path("demo-outbox")

        def emls():
            return [f for f in os.listdir(outbox) if f.endswith(".eml")] if os.path.isdir(outbox) else []

        files = h.wait_until(emls, 20, message="an .eml in DATA/demo-outbox/")
        time.sleep(1)
        files = emls()
        self.assertEqual(len(files), 1, files)
        with open(os.path.join(outbox, files[0]), "rb") as f:
            delivered = f.read()
        self.assertIn(("Subject: %s" % subject).encode(), delivered)
        self.assertIn(marker.encode(), delivered)

        item = sg.wait_queue_state(subject, "sent", 10)
        self.assertEqual(files[0], item["id"] + ".eml", "demo-outbox file is named ID.eml")

        def events_for_id():
            return [e for e in sg.audit() if e.get("id") == item["id"]]

        h.wait_until(lambda: {"accepted", "confirmed", "held", "relayed"} <= {e.get("event") for e in events_for_id()},
                     10, message="accepted/confirmed/held/relayed audit events")
        events = events_for_id()
        names = [e["event"] for e in events]
        for ev in ("accepted", "confirmed", "held", "relayed"):
            self.assertIn(ev, names)
        self.assertLess(names.index("accepted"), names.index("relayed"))
        confirmed = [e for e in events if e["event"] == "confirmed"][0]
        self.assertEqual(confirmed.get("detail"), "auto-confirm")
        user = getpass.getuser()
        for e in events:
            for key in ("ts", "user", "event", "id", "message_id", "from", "recipients", "subject", "size"):
                self.assertIn(key, e, "audit event %r lacks %r" % (e, key))
            parse_iso_utc(e["ts"])
            self.assertEqual(e["user"], user)
            self.assertEqual(e["from"], "alice@example.com")
            self.assertEqual(sorted(e["recipients"]), ["bob@example.net", "c@example.org"])
            self.assertEqual(e["subject"], subject)
        raw = sg.audit_raw()
        self.assertNotIn(marker.encode(), raw, "audit log must never contain body text")
        self.assertNotIn(b"Secret body text", raw)


class DemoFlagTest(h.SGTestCase):
    """--demo delivers into DATA/demo-outbox/ even with an upstream configured."""

    def test_demo_flag_overrides_upstream(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, extra_args=["--demo"])
        subject = unique_subject("demo-flag")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        outbox = sg.path("demo-outbox")
        h.wait_until(lambda: os.path.isdir(outbox) and any(f.endswith(".eml") for f in os.listdir(outbox)), 20,
                     message="an .eml in DATA/demo-outbox/")
        self.assert_no_delivery(up, 2)


class NoDisplayTest(h.SGTestCase):
    """Headless without --auto-confirm: nobody can confirm, so nothing is sent unconfirmed."""

    def test_message_is_refused_with_5xx_and_audited(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, auto_confirm=False)
        subject = unique_subject("no-display")
        with h.RawSMTP(sg.port) as s:
            s.greeting_and_ehlo()
            self.assertEqual(s.cmd("MAIL FROM:<alice@example.com>")[0], 250)
            self.assertEqual(s.cmd("RCPT TO:<bob@example.net>")[0], 250)
            self.assertEqual(s.cmd("DATA")[0], 354)
            s.send(h.make_message(subject) + b".\r\n")
            code, text = s.reply()
            self.assertEqual(code, 550, text)
            self.assertIn("5.7.1", text)
            self.assertIn("display", text)
        self.assert_no_delivery(up, 2)
        refused = [e for e in sg.audit() if e.get("event") == "refused" and e.get("subject") == subject]
        self.assertEqual(len(refused), 1, sg.audit())
        self.assertEqual(refused[0].get("by"), "no-display")
        self.assertFalse(any(e.get("event") == "accepted" and e.get("subject") == subject for e in sg.audit()))
        self.assertEqual([i for i in sg.queue_list() if i.get("subject") == subject], [])


class UpstreamRefusalTest(h.SGTestCase):
    """14. Permanent refusals by the upstream."""

    def test_5xx_on_data_fails_at_once(self):
        text = "5.7.1 Rejected-by-e2e-policy %s" % uuid.uuid4().hex[:8]
        up = self.start_upstream(data_reply="554 " + text)
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("data5xx")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        item = sg.wait_queue_state(subject, "failed", 15)
        self.assertIn(text, item.get("last_error") or "", "last_error must carry the upstream's reply text")
        self.assertEqual(item.get("attempts"), 1)
        time.sleep(4)  # retry_initial_seconds is 1: a retry would have happened by now
        self.assertEqual(up.data_attempts, 1, "a 5xx must not be retried")
        self.assertEqual(sg.queue_item(subject=subject)["state"], "failed")
        failed = [e for e in sg.audit() if e.get("id") == item["id"] and e.get("event") == "failed"]
        self.assertTrue(failed, "audit log must have a failed event")
        self.assertEqual(up.messages(), [])

    def test_5xx_for_one_of_two_recipients(self):
        up = self.start_upstream(rcpt_replies={"nobody@example.org": "550 5.1.1 No-such-user-here"})
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("rcpt5xx")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net", "nobody@example.org"],
                                        h.make_message(subject, to=("bob@example.net", "nobody@example.org"))), {})
        msgs = self.assert_exactly_once(up, 1, settle=4)
        self.assertEqual(msgs[0].rcpt_tos, ["bob@example.net"], "the accepted recipient gets the message")
        item = sg.wait_queue_state(subject, "failed", 15)
        err = item.get("last_error") or ""
        self.assertTrue("nobody@example.org" in err or "No-such-user-here" in err,
                        "last_error must say which recipient was refused and why: %r" % err)
        events = [e for e in sg.audit() if e.get("id") == item["id"]]
        self.assertIn("failed", [e["event"] for e in events], events)
        time.sleep(3)
        self.assertEqual(up.count(), 1, "the accepted recipient must not get it twice")
        self.assertEqual([e for e in up.events() if e[0] == "RCPT" and e[1] == "bob@example.net"].__len__(), 1)


if __name__ == "__main__":
    unittest.main()
