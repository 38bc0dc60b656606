# SPDX-License-Identifier: GPL-3.0-or-later
"""The tamper-evident audit trail through the real binary: messages relayed by a real
SendGuard, `sendguard audit verify` before and after a line is edited, the chain's format
re-computed in Python (SHA-256, HMAC-SHA256), the daily rotation, and `sendguard audit export
--csv` read back with Python's csv module (BOM, CRLF, Japanese subject)."""

import csv
import datetime
import email.header
import hashlib
import hmac
import io
import json
import os
import time
import unittest
import uuid

import sgharness as h

GENESIS = "0" * 64


def unique_subject(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def encoded(subject):
    """A Subject header value for a non-ASCII subject (RFC 2047, UTF-8)."""
    return email.header.Header(subject, "utf-8").encode()


def lines_of(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data.endswith(b"\n"), "the audit file must end with a line end"
    return data[:-1].split(b"\n")


def sha256_hex(line):
    return hashlib.sha256(line).hexdigest()


MAC_TAIL = len(',"mac":"') + 64 + 2


def split_mac(line):
    """(covered bytes, mac) as docs/CONTRACT.md describes: `{...},"mac":"HEX"}`."""
    if not line.endswith(b'"}') or line[-MAC_TAIL:-66] != b',"mac":"':
        return line, None
    return line[:-MAC_TAIL] + b"}", line[-66:-2].decode()


class AuditTrailTest(h.SGTestCase):

    def send(self, sg, subject, rcpts=("bob@example.net",)):
        msg = h.make_message(subject, to=list(rcpts))
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", list(rcpts), msg), {})

    def wait_relayed(self, sg, n):
        return h.wait_until(lambda: len([e for e in sg.audit() if e["event"] == "relayed"]) >= n, 20,
                            message="%d relayed event(s) in the audit log" % n)

    def verify(self, sg, *extra, env=None):
        args = [sg.bin, "audit", "verify", "--data-dir", sg.data_dir] + list(extra)
        return h.run(args, timeout=30, env=env or sg.env)

    def test_verify_detects_an_edited_line(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        s1, s2 = unique_subject("audit-one"), unique_subject("audit-two")
        self.send(sg, s1, ("bob@example.net", "carol@example.org"))
        self.send(sg, s2)
        up.wait_for_count(2)
        self.wait_relayed(sg, 2)

        # Intact while the instance runs.
        proc = self.verify(sg)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn(b"intact", proc.stdout)
        sg.stop()

        # The format, computed independently: seq without gaps, prev = SHA-256 of the line before.
        path = sg.path("audit.jsonl")
        lines = lines_of(path)
        prev = GENESIS
        for i, line in enumerate(lines, 1):
            obj = json.loads(line)
            self.assertEqual(obj["seq"], i)
            self.assertEqual(obj["prev"], prev, "line %d" % i)
            for key in ("ts", "user", "event"):
                self.assertIn(key, obj)
            prev = sha256_hex(line)
        events = [json.loads(l)["event"] for l in lines]
        self.assertEqual(events[0], "started")
        self.assertEqual(events[-1], "stopped")
        with open(sg.path("audit-head.json"), "rb") as f:
            head = json.loads(f.read())
        self.assertEqual(head["seq"], len(lines))
        self.assertEqual(head["hash"], prev)

        proc = self.verify(sg)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        last = proc.stdout.decode()
        self.assertIn("seq 1 to %d" % len(lines), last)
        self.assertIn(prev, last)

        # Someone edits a line with an editor: the subject of the first message's "accepted".
        index = next(i for i, l in enumerate(lines)
                     if json.loads(l)["event"] == "accepted" and json.loads(l)["subject"] == s1)
        lines[index] = lines[index].replace(s1.encode(), b"nothing-to-see")
        with open(path, "wb") as f:
            f.write(b"\n".join(lines) + b"\n")
        proc = self.verify(sg)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        out = proc.stdout.decode()
        self.assertIn("audit.jsonl:%d: seq %d: changed" % (index + 1, index + 1), out)
        self.assertIn("BROKEN", out)

        proc = self.verify(sg, "--json")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        report = json.loads(proc.stdout)
        self.assertFalse(report["intact"])
        self.assertEqual([(p["kind"], p["file"], p["line"], p["seq"]) for p in report["problems"]],
                         [("changed", "audit.jsonl", index + 1, index + 1)])

        # A removed line is named too.
        lines = lines_of(path)
        del lines[index + 1]
        with open(path, "wb") as f:
            f.write(b"\n".join(lines) + b"\n")
        report = json.loads(self.verify(sg, "--json").stdout)
        kinds = {(p["kind"], p["line"]) for p in report["problems"]}
        self.assertIn(("removed", index + 2), kinds, report)

    def test_mac_with_a_machine_key(self):
        d = self.make_tempdir()
        key_file = os.path.join(d, "audit.key")
        key = os.urandom(32).hex().encode()
        with open(key_file, "wb") as f:
            f.write(key + b"\n")
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, start=False)
        sg.env["SENDGUARD_AUDIT_KEY_FILE"] = key_file
        sg.start()
        subject = unique_subject("audit-mac")
        self.send(sg, subject)
        up.wait_for_count(1)
        self.wait_relayed(sg, 1)
        sg.stop()

        path = sg.path("audit.jsonl")
        lines = lines_of(path)
        for line in lines:
            covered, mac = split_mac(line)
            self.assertIsNotNone(mac, "every line carries a MAC: %r" % line)
            self.assertEqual(mac, hmac.new(key, covered, hashlib.sha256).hexdigest())
            self.assertNotIn("mac", json.loads(covered))
        proc = self.verify(sg)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn(key_file.encode(), proc.stdout)

        # Change a line and re-compute the chain after it without the key: the MAC tells.
        index = next(i for i, l in enumerate(lines) if json.loads(l)["event"] == "relayed")
        obj = json.loads(split_mac(lines[index])[0])
        obj["subject"] = "nothing-to-see"
        lines[index] = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
        for i in range(index + 1, len(lines)):
            o = json.loads(split_mac(lines[i])[0])
            o["prev"] = sha256_hex(lines[i - 1])
            lines[i] = json.dumps(o, ensure_ascii=False, separators=(",", ":")).encode()
        with open(path, "wb") as f:
            f.write(b"\n".join(lines) + b"\n")
        os.unlink(sg.path("audit-head.json"))
        proc = self.verify(sg, "--json")
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        problems = json.loads(proc.stdout)["problems"]
        self.assertEqual(problems[0]["line"], index + 1)
        self.assertIn(problems[0]["kind"], ("changed", "mac-missing"))

    def test_rotation_keeps_the_chain_across_files(self):
        sg = self.make_sendguard(start=False)
        yesterday = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)
        ts = yesterday.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        legacy = json.dumps({"event": "started", "ts": ts, "user": "someone"},
                            separators=(",", ":")).encode()
        chained = json.dumps({"event": "stopped", "ts": ts, "user": "someone", "seq": 1,
                              "prev": sha256_hex(legacy)}, separators=(",", ":")).encode()
        with open(sg.path("audit.jsonl"), "wb") as f:
            f.write(legacy + b"\n" + chained + b"\n")
        sg.start()
        h.wait_until(lambda: sg.audit(), 10, message="the first line of the new day")
        sg.stop()

        old = sg.path("audit-%s.jsonl" % yesterday.strftime("%Y-%m-%d"))
        self.assertTrue(os.path.exists(old), os.listdir(sg.data_dir))
        self.assertEqual(lines_of(old), [legacy, chained])
        lines = lines_of(sg.path("audit.jsonl"))
        first = json.loads(lines[0])
        self.assertEqual(first["event"], "rotated")
        self.assertEqual(first["rotated_from"], os.path.basename(old))
        self.assertEqual(first["seq"], 2)
        self.assertEqual(first["prev"], sha256_hex(chained))
        self.assertEqual(json.loads(lines[1])["event"], "started")

        proc = self.verify(sg)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn(b"2 file(s)", proc.stdout)
        self.assertIn(b"before the chain", proc.stdout)  # the legacy line is noted

        # The earlier day's file deleted: named precisely.
        os.unlink(old)
        proc = self.verify(sg)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        out = proc.stdout.decode()
        self.assertIn("audit.jsonl:1: seq 2: start-missing", out)
        self.assertIn("file-missing", out)

    def test_verify_exit_codes_without_a_log(self):
        d = self.make_tempdir()
        proc = h.run([h.sendguard_bin(), "audit", "verify", "--data-dir", d], timeout=20,
                     env=h.sendguard_env())
        self.assertEqual(proc.returncode, 0, proc.stderr)
        proc = h.run([h.sendguard_bin(), "audit", "verify", "--data-dir", os.path.join(d, "nope")],
                     timeout=20, env=h.sendguard_env())
        self.assertEqual(proc.returncode, 2, proc.stderr)
        proc = h.run([h.sendguard_bin(), "audit", "frobnicate", "--data-dir", d], timeout=20,
                     env=h.sendguard_env())
        self.assertEqual(proc.returncode, 2, proc.stderr)


class AuditExportTest(h.SGTestCase):

    HEADER = ["Time", "User", "Event", "Message ID", "From", "Recipients", "Subject", "Detail"]

    def test_csv_for_spreadsheets(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        jp = "【社外秘】お見積りの件 %s" % uuid.uuid4().hex[:6]
        tricky = 'Quote "this", please %s' % uuid.uuid4().hex[:6]
        rcpts = ["bob@example.net", "carol@example.org"]
        msg = h.make_message(encoded(jp), to=rcpts, message_id="<jp-%s@e2e.test>" % uuid.uuid4().hex)
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", rcpts, msg), {})
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["dave@example.net"],
                                        h.make_message(tricky, to=["dave@example.net"])), {})
        up.wait_for_count(2)
        h.wait_until(lambda: len([e for e in sg.audit() if e["event"] == "relayed"]) >= 2, 20)
        sg.stop()

        out = os.path.join(sg.base, "audit.csv")
        t0 = time.monotonic()
        proc = sg.cli("audit", "export", "--csv", "--output", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(out, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), raw[:20])
        self.assertTrue(raw.endswith(b"\r\n"))
        self.assertEqual(raw.count(b"\n"), raw.count(b"\r\n"), "every line ends in CRLF")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0], self.HEADER)
        body = rows[1:]
        self.assertTrue(all(len(r) == 8 for r in rows), rows)
        self.assertEqual(len(body), len(sg.audit()), "one row per audit line")

        jp_rows = [r for r in body if r[6] == jp]
        self.assertEqual({r[2] for r in jp_rows} >= {"accepted", "held", "relayed"}, True, jp_rows)
        accepted = next(r for r in jp_rows if r[2] == "accepted")
        self.assertEqual(accepted[4], "alice@example.com")
        self.assertEqual(accepted[5], "bob@example.net; carol@example.org")
        self.assertIn("jp-", accepted[3])
        when = datetime.datetime.strptime(accepted[0], "%Y-%m-%d %H:%M:%S")
        self.assertLess(abs((datetime.datetime.now() - when).total_seconds()), 600, "local time")
        relayed = next(r for r in jp_rows if r[2] == "relayed")
        self.assertIn("250", relayed[7])
        self.assertIn(tricky, [r[6] for r in body])

        # To standard output: the same bytes.
        proc = sg.cli("audit", "export", "--csv")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, raw)

        # Days: local dates, inclusive.
        today = datetime.date.today()
        tomorrow = (today + datetime.timedelta(days=1)).isoformat()
        yesterday = (today - datetime.timedelta(days=1)).isoformat()
        only_header = sg.cli("audit", "export", "--csv", "--from", tomorrow).stdout
        self.assertEqual(len(list(csv.reader(io.StringIO(only_header.decode("utf-8-sig"), newline="")))), 1)
        only_header = sg.cli("audit", "export", "--csv", "--to", yesterday).stdout
        self.assertEqual(len(list(csv.reader(io.StringIO(only_header.decode("utf-8-sig"), newline="")))), 1)
        same = sg.cli("audit", "export", "--csv", "--from", today.isoformat(), "--to", today.isoformat()).stdout
        self.assertEqual(same, raw)
        self.assertEqual(sg.cli("audit", "export", "--csv", "--from", "2024-13-40").returncode, 2)
        self.assertEqual(sg.cli("audit", "export", "--csv", "--from", tomorrow, "--to", yesterday).returncode, 2)
        self.assertLess(time.monotonic() - t0, 30)


if __name__ == "__main__":
    unittest.main()
