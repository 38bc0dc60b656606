# SPDX-License-Identifier: GPL-3.0-or-later
"""SMTP smuggling, bare line ends, protocol limits (RFC 5321 / RFC 1870), idle
timeout, and an abusive session next to a well-behaved one."""

import socket
import threading
import time
import unittest
import uuid

import sgharness as h

MAX_SIZE = 65536

INJECTED = (b"MAIL FROM:<evil@attacker.example>\r\n"
            b"RCPT TO:<victim@example.org>\r\n"
            b"DATA\r\n"
            b"From: evil@attacker.example\r\n"
            b"To: victim@example.org\r\n"
            b"Subject: injected-smuggled-message\r\n"
            b"\r\n"
            b"injected body\r\n")


def unique_subject(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:10])


class SmugglingTest(h.SGTestCase):
    """6. End-of-data tricks with an injected second transaction."""

    def setUp(self):
        self.up = self.start_upstream()
        self.sg = self.make_sendguard(upstream=self.up)

    def _open_transaction(self):
        c = self.raw(self.sg.port)
        c.greeting_and_ehlo()
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        self.assertEqual(c.cmd("RCPT TO:<bob@example.net>")[0], 250)
        self.assertEqual(c.cmd("DATA")[0], 354)
        return c

    def _replies_until_quit(self, c):
        """All replies (code, text) the server sends after our QUIT, up to 221 or close."""
        replies = []
        try:
            c.send(b"QUIT\r\n")
        except OSError:
            return replies
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                code, text = c.reply(timeout=max(0.1, deadline - time.monotonic()))
            except (socket.timeout, OSError):
                break
            if code is None:
                break
            replies.append((code, text))
            if code == 221:
                break
        return replies

    def _smuggle(self, separator):
        subject = unique_subject("smuggle")
        payload = (("From: alice@example.com\r\nTo: bob@example.net\r\nSubject: %s\r\n\r\n" % subject).encode()
                   + b"first part of the message" + separator + INJECTED + b".\r\n")
        c = self._open_transaction()
        c.send(payload)
        code, text = c.reply(timeout=15)
        self.assertIsNotNone(code, "server closed without answering the DATA")
        self.assertTrue(500 <= code <= 599, "end of DATA with %r inside must get 5xx, got %r %r" % (separator, code, text))
        later = self._replies_until_quit(c)
        extra = [r for r in later if r[0] != 221]
        self.assertEqual(extra, [], "the injected commands must not be answered as commands")
        time.sleep(2)
        self.assertEqual(self.up.messages(), [], "upstream must receive neither message")
        subjects = [i.get("subject") for i in self.sg.queue_list()]
        self.assertNotIn(subject, subjects)
        self.assertNotIn("injected-smuggled-message", subjects)

    def test_lf_dot_lf(self):
        self._smuggle(b"\n.\n")

    def test_cr_dot_cr(self):
        self._smuggle(b"\r.\r")

    def test_crlf_dot_lf(self):
        self._smuggle(b"\r\n.\n")

    def test_lf_dot_crlf(self):
        self._smuggle(b"\n.\r\n")

    def test_crlf_dot_cr(self):
        self._smuggle(b"\r\n.\r")

    def test_bare_lf_in_normal_message_gets_5xx_and_session_goes_on(self):
        c = self._open_transaction()
        bad = unique_subject("bare-lf")
        c.send(("Subject: %s\r\n\r\nline one\nline two\r\n.\r\n" % bad).encode())
        code, text = c.reply(timeout=15)
        self.assertTrue(code is not None and 500 <= code <= 599, "bare LF must get 5xx, got %r %r" % (code, text))
        self.assertEqual(c.cmd("RSET")[0], 250)
        self.assertEqual(c.cmd("NOOP")[0], 250)
        good = unique_subject("after-bare-lf")
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        self.assertEqual(c.cmd("RCPT TO:<bob@example.net>")[0], 250)
        self.assertEqual(c.cmd("DATA")[0], 354)
        c.send(("Subject: %s\r\n\r\nfine\r\n.\r\n" % good).encode())
        self.assertEqual(c.reply(timeout=15)[0], 250)
        self.assertEqual(c.cmd("QUIT")[0], 221)
        msgs = self.assert_exactly_once(self.up, 1)
        self.assertIn(good.encode(), msgs[0].data)
        self.assertNotIn(bad.encode(), msgs[0].data)


class LimitsTest(h.SGTestCase):
    """7. Limits and command-sequence errors."""

    def setUp(self):
        self.up = self.start_upstream()
        self.sg = self.make_sendguard(upstream=self.up, config={
            "listen": {"max_message_size": MAX_SIZE, "max_recipients": 3}})
        self.c = self.raw(self.sg.port)
        self.ehlo = self.c.greeting_and_ehlo()

    def test_command_line_over_512_octets_gets_500(self):
        c = self.c
        code, text = c.cmd("NOOP " + "x" * 505)  # 510 + CRLF = 512 octets: allowed
        self.assertEqual(code, 250, "a 512-octet command line is within the limit: %s" % text)
        code, text = c.cmd("NOOP " + "x" * 600)
        self.assertEqual(code, 500, text)
        code, text = c.cmd("MAIL FROM:<" + "a" * 600 + "@example.com>")
        self.assertEqual(code, 500, text)
        self.assertEqual(c.cmd("NOOP")[0], 250, "the session must go on after a too-long line")

    def test_size_parameter_over_limit_gets_552(self):
        self.assertRegex(self.ehlo, r"(?m)^250[- ]SIZE %d\s*$" % MAX_SIZE, "EHLO must advertise SIZE")
        code, text = self.c.cmd("MAIL FROM:<alice@example.com> SIZE=%d" % (MAX_SIZE + 1))
        self.assertEqual(code, 552, text)
        code, text = self.c.cmd("MAIL FROM:<alice@example.com> SIZE=%d" % (MAX_SIZE // 2))
        self.assertEqual(code, 250, text)

    def test_message_over_limit_during_data_gets_552_and_session_goes_on(self):
        c = self.c
        big = unique_subject("too-big")
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        self.assertEqual(c.cmd("RCPT TO:<bob@example.net>")[0], 250)
        self.assertEqual(c.cmd("DATA")[0], 354)
        line = b"y" * 76 + b"\r\n"
        body = line * (4 * MAX_SIZE // len(line))
        c.send(("Subject: %s\r\n\r\n" % big).encode() + body + b".\r\n")
        code, text = c.reply(timeout=20)
        self.assertEqual(code, 552, text)
        self.assertEqual(c.cmd("RSET")[0], 250)
        self.assertEqual(c.cmd("NOOP")[0], 250)
        small = unique_subject("small-after-big")
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        self.assertEqual(c.cmd("RCPT TO:<bob@example.net>")[0], 250)
        self.assertEqual(c.cmd("DATA")[0], 354)
        c.send(("Subject: %s\r\n\r\nsmall\r\n.\r\n" % small).encode())
        self.assertEqual(c.reply(timeout=15)[0], 250)
        msgs = self.assert_exactly_once(self.up, 1)
        self.assertIn(small.encode(), msgs[0].data)

    def test_unknown_command(self):
        code, text = self.c.cmd("FROBNICATE now")
        self.assertIn(code, (500, 502), text)
        self.assertEqual(self.c.cmd("NOOP")[0], 250)

    def test_bad_sequence_503(self):
        code, text = self.c.cmd("RCPT TO:<bob@example.net>")
        self.assertEqual(code, 503, "RCPT before MAIL: %s" % text)
        self.assertEqual(self.c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        code, text = self.c.cmd("MAIL FROM:<alice@example.com>")
        self.assertEqual(code, 503, "nested MAIL: %s" % text)
        code, text = self.c.cmd("DATA")
        self.assertIn(code, (503, 554), "DATA without RCPT: %s" % text)

    def test_too_many_recipients_452(self):
        c = self.c
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        for i in range(3):
            self.assertEqual(c.cmd("RCPT TO:<r%d@example.net>" % i)[0], 250)
        code, text = c.cmd("RCPT TO:<r3@example.net>")
        self.assertEqual(code, 452, "RFC 5321 4.5.3.1.10: too many recipients: %s" % text)
        self.assertEqual(c.cmd("DATA")[0], 354)
        c.send(b"Subject: three recipients\r\n\r\nx\r\n.\r\n")
        self.assertEqual(c.reply(timeout=15)[0], 250)
        m = self.assert_exactly_once(self.up, 1)[0]
        self.assertEqual(sorted(m.rcpt_tos), ["r0@example.net", "r1@example.net", "r2@example.net"])


class IdleAndAbuseTest(h.SGTestCase):

    def test_idle_timeout_421_and_close(self):
        sg = self.make_sendguard(config={"listen": {"idle_timeout_seconds": 2}})
        c = self.raw(sg.port, timeout=15)
        c.greeting_and_ehlo()
        start = time.monotonic()
        code, text = c.reply(timeout=12)
        elapsed = time.monotonic() - start
        self.assertEqual(code, 421, "idle session must get 421, got %r %r" % (code, text))
        self.assertGreater(elapsed, 1.0, "421 came too early")
        self.assertTrue(c.is_closed(5), "connection must be closed after the 421")

    def test_abusive_session_does_not_affect_parallel_one(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"listen": {"max_message_size": 1024 * 1024}})
        stop = threading.Event()
        abuse_log = []

        def endless_line():
            try:
                with socket.create_connection((h.LOOPBACK, sg.port), timeout=5) as s:
                    s.recv(1024)
                    chunk = b"A" * 65536
                    deadline = time.monotonic() + 6
                    sent = 0
                    while not stop.is_set() and time.monotonic() < deadline:
                        s.sendall(chunk)
                        sent += len(chunk)
                    abuse_log.append(("endless_line sent", sent))
            except OSError as exc:
                abuse_log.append(("endless_line closed", repr(exc)))

        def garbage_commands():
            try:
                with socket.create_connection((h.LOOPBACK, sg.port), timeout=5) as s:
                    s.recv(1024)
                    deadline = time.monotonic() + 6
                    while not stop.is_set() and time.monotonic() < deadline:
                        s.sendall(b"RCPT TO:<x@y>\r\nXYZZY\r\nDATA\r\n" * 200)
                        s.settimeout(0.05)
                        try:
                            s.recv(65536)
                        except socket.timeout:
                            pass
            except OSError as exc:
                abuse_log.append(("garbage closed", repr(exc)))

        def silent():
            try:
                with socket.create_connection((h.LOOPBACK, sg.port), timeout=8) as s:
                    stop.wait(7)
            except OSError:
                pass

        threads = [threading.Thread(target=f, daemon=True) for f in (endless_line, garbage_commands, silent)]
        for t in threads:
            t.start()
        self.addCleanup(stop.set)
        time.sleep(0.5)
        subject = unique_subject("well-behaved")
        start = time.monotonic()
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject),
                                        timeout=15), {})
        self.assertLess(time.monotonic() - start, 5.0, "the well-behaved session was slowed down")
        msgs = up.wait_for_count(1, 15)
        self.assertIn(subject.encode(), msgs[0].data)
        stop.set()
        for t in threads:
            t.join(15)
        time.sleep(1)
        self.assertEqual(len(up.messages()), 1)
        self.assertTrue(sg.running(), "sendguard must survive the abuse")

    def test_max_sessions(self):
        sg = self.make_sendguard(config={"listen": {"max_sessions": 2}})
        a = self.raw(sg.port)
        a.greeting_and_ehlo()
        b = self.raw(sg.port)
        b.greeting_and_ehlo()
        c = self.raw(sg.port)
        code, text = c.reply(timeout=10)
        self.assertTrue(code is None or code == 421,
                        "a session over listen.max_sessions must get 421 or be closed, got %r %r" % (code, text))
        a.cmd("QUIT")
        a.close()

        def new_session_ok():
            d = h.RawSMTP(sg.port, timeout=5)
            try:
                return d.reply()[0] == 220
            finally:
                d.close()

        h.wait_until(new_session_ok, 10, interval=0.3, message="a new session once one has ended")


if __name__ == "__main__":
    unittest.main()
