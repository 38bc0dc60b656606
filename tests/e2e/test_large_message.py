# SPDX-License-Identifier: GPL-3.0-or-later
"""8. A 100 MB message is relayed intact and SendGuard's peak RSS stays under 100 MB."""

import hashlib
import os
import time
import unittest
import uuid

import sgharness as h

BODY_BYTES = 100 * 1024 * 1024
LINE_LEN = 200  # including CRLF
PEAK_RSS_LIMIT_KB = 100 * 1024


def write_message(path, subject):
    """Write headers + ~100 MB body (CRLF lines, none starting with '.') to path.
    Returns (total_size, body_size, body_sha256). Only one line block is in memory."""
    headers = ("From: alice@example.com\r\n"
               "To: bob@example.net\r\n"
               "Subject: %s\r\n"
               "Message-ID: <%s@e2e.sendguard.test>\r\n"
               "MIME-Version: 1.0\r\n"
               "Content-Type: text/plain; charset=us-ascii\r\n"
               "\r\n" % (subject, uuid.uuid4().hex)).encode()
    alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-"
    body_hash = hashlib.sha256()
    body_size = 0
    n_lines = BODY_BYTES // LINE_LEN
    with open(path, "wb") as f:
        f.write(headers)
        i = 0
        while i < n_lines:
            block = []
            for j in range(i, min(i + 4096, n_lines)):
                rot = j % len(alphabet)
                text = b"L%010d " % j + (alphabet[rot:] + alphabet[:rot]) * 3
                block.append(text[:LINE_LEN - 2] + b"\r\n")
            data = b"".join(block)
            f.write(data)
            body_hash.update(data)
            body_size += len(data)
            i += 4096
    return len(headers) + body_size, body_size, body_hash.hexdigest()


def file_body_digest(path):
    """(body_size, sha256) of the body (after the first CRLFCRLF) of a message file, streamed."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        head = b""
        while True:
            chunk = f.read(1 << 16)
            if not chunk:
                return 0, digest.hexdigest()
            head += chunk
            idx = head.find(b"\r\n\r\n")
            if idx >= 0:
                rest = head[idx + 4:]
                break
        digest.update(rest)
        size += len(rest)
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


class LargeMessageTest(h.SGTestCase):

    def test_100mb_message_relayed_with_bounded_memory(self):
        work = self.make_tempdir("sg-e2e-large-")
        store = os.path.join(work, "upstream")
        os.makedirs(store)
        up = self.start_upstream(store_dir=store, data_size_limit=None)
        sg = self.make_sendguard(upstream=up, config={
            "listen": {"max_message_size": 200 * 1024 * 1024},
            "relay": {"command_timeout_seconds": 120}})
        subject = "large-" + uuid.uuid4().hex[:8]
        path = os.path.join(work, "big.eml")
        t0 = time.monotonic()
        total, body_size, body_sha = write_message(path, subject)
        t_gen = time.monotonic() - t0
        self.assertGreater(body_size, BODY_BYTES - LINE_LEN)
        self.assertEqual(os.path.getsize(path), total)

        c = self.raw(sg.port, timeout=60)
        c.greeting_and_ehlo()
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com> SIZE=%d" % total)[0], 250)
        self.assertEqual(c.cmd("RCPT TO:<bob@example.net>")[0], 250)
        self.assertEqual(c.cmd("DATA")[0], 354)
        t1 = time.monotonic()
        with open(path, "rb") as f:
            c.sock.settimeout(90)
            c.sock.sendfile(f)
        c.send(b".\r\n")
        code, text = c.reply(timeout=90)
        t_send = time.monotonic() - t1
        self.assertEqual(code, 250, text)
        self.assertEqual(c.cmd("QUIT")[0], 221)

        t2 = time.monotonic()
        msgs = up.wait_for_count(1, 90)
        t_relay = time.monotonic() - t2
        sys_msg = "generate %.1fs, send %.1fs, relay %.1fs" % (t_gen, t_send, t_relay)
        m = msgs[0]
        self.assertEqual(m.mail_from, "alice@example.com")
        self.assertEqual(m.rcpt_tos, ["bob@example.net"])
        got_size, got_sha = file_body_digest(m.path)
        self.assertEqual(got_size, body_size, "body size at the upstream (%s)" % sys_msg)
        self.assertEqual(got_sha, body_sha, "body sha256 at the upstream")
        with open(m.path, "rb") as f:
            self.assertIn(("Subject: %s\r\n" % subject).encode(), f.read(8192))
        sg.wait_queue_state(subject, "sent", 20)

        hwm_kb = sg.proc_status("VmHWM")
        print("\n100 MB relay: %s; sendguard VmHWM %d kB" % (sys_msg, hwm_kb))
        self.assertLess(hwm_kb, PEAK_RSS_LIMIT_KB,
                        "sendguard peak RSS (VmHWM) %d kB must stay under 100 MB for a 100 MB message" % hwm_kb)


if __name__ == "__main__":
    unittest.main()
