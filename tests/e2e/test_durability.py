# SPDX-License-Identifier: GPL-3.0-or-later
"""Durability: upstream down then up, kill -9 after the 250, kill -9 after the upstream
acknowledged, kill -9 in the middle of DATA, and a held message across a restart."""

import json
import os
import time
import unittest
import uuid

import sgharness as h


def unique_subject(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:10])


class UpstreamDownThenUpTest(h.SGTestCase):
    """4."""

    def test_retrying_then_delivered_exactly_once(self):
        up = self.make_upstream()  # port chosen, nothing listening yet
        self.assertFalse(h.port_accepts(up.port))
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("down-up")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        item = sg.wait_queue_state(subject, "retrying", 20)
        self.assertTrue(item.get("last_error"), "a retrying message must say why: %r" % item)
        self.assertIsNotNone(item.get("attempts"))
        up.start()
        msgs = self.assert_exactly_once(up, 1, settle=5, timeout=30)
        self.assertIn(subject.encode(), msgs[0].data)
        sg.wait_queue_state(subject, "sent", 10)
        events = [e["event"] for e in sg.audit() if e.get("id") == item["id"]]
        self.assertIn("retry", events)
        self.assertIn("relayed", events)
        self.assertEqual(events.count("relayed"), 1)


    def test_4xx_on_data_is_retried_then_delivered_once(self):
        up = self.start_upstream(data_fail_first=2)
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("data-4xx")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        msgs = self.assert_exactly_once(up, 1, settle=4, timeout=30)
        self.assertIn(subject.encode(), msgs[0].data)
        item = sg.wait_queue_state(subject, "sent", 10)
        self.assertEqual(up.data_attempts, 3)
        self.assertEqual(item.get("attempts"), 3)
        retries = [e for e in sg.audit() if e.get("id") == item["id"] and e.get("event") == "retry"]
        self.assertGreaterEqual(len(retries), 1)
        self.assertTrue(any("451" in (e.get("reply") or "") + (e.get("detail") or "") for e in retries),
                        "a retry event carries the upstream's 4xx reply: %r" % retries)

    def test_retrying_message_fails_after_max_age(self):
        up = self.make_upstream()  # never started
        sg = self.make_sendguard(upstream=up, config={"relay": {"max_age_seconds": 3}})
        subject = unique_subject("max-age")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        sg.wait_queue_state(subject, "retrying", 10)
        item = sg.wait_queue_state(subject, "failed", 20)
        self.assertTrue(item.get("last_error"))
        self.assertIn("failed", [e["event"] for e in sg.audit() if e.get("id") == item["id"]])


class KillNineTest(h.SGTestCase):
    """5."""

    def _spooled(self, sg):
        q = sg.path("spool", "queue")
        return sorted(f for f in os.listdir(q) if f.endswith(".eml")) if os.path.isdir(q) else []

    def test_kill9_right_after_250_while_held(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"hold_seconds": 2}})
        subject = unique_subject("kill9-held")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        sg.kill9()
        self.assertEqual(up.messages(), [], "must not have been relayed during the hold")
        spooled = self._spooled(sg)
        self.assertEqual(len(spooled), 1, "the accepted message must be on disk after the 250")
        msg_id = spooled[0][:-len(".eml")]
        self.assertTrue([j for j in self.journal(sg) if j.get("op") == "put" and j.get("id") == msg_id],
                        "CONTRACT: 250 only after the file and its journal line are on disk")
        sg.start()
        msgs = self.assert_exactly_once(up, 1, settle=4, timeout=20)
        self.assertIn(subject.encode(), msgs[0].data)
        sg.wait_queue_state(subject, "sent", 10)

    def test_kill9_right_after_250_with_upstream_down(self):
        up = self.make_upstream()
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("kill9-down")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        sg.kill9()
        up.start()
        sg.start()
        msgs = self.assert_exactly_once(up, 1, settle=4, timeout=30)
        self.assertIn(subject.encode(), msgs[0].data)

    def test_kill9_after_upstream_acknowledged_is_not_sent_again(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("kill9-sent")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        up.wait_for_count(1, 20)
        item = sg.wait_queue_state(subject, "sent", 10)
        sg.kill9()
        sg.start()
        time.sleep(5)
        self.assertEqual(up.count(), 1, "a message the upstream acknowledged must not be sent again")
        after = sg.queue_item(id=item["id"])
        if after is not None:
            self.assertEqual(after["state"], "sent")

    def test_kill9_during_data_leaves_nothing(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        c = self.raw(sg.port)
        c.greeting_and_ehlo()
        self.assertEqual(c.cmd("MAIL FROM:<alice@example.com>")[0], 250)
        self.assertEqual(c.cmd("RCPT TO:<bob@example.net>")[0], 250)
        self.assertEqual(c.cmd("DATA")[0], 354)
        c.send(b"Subject: half-received\r\n\r\n" + b"partial line\r\n" * 5000)
        time.sleep(0.5)
        sg.kill9()
        c.close()
        sg.start()
        tmp = sg.path("spool", "tmp")
        if os.path.isdir(tmp):
            self.assertEqual(os.listdir(tmp), [], "DATA/spool/tmp/ is emptied at start")
        time.sleep(3)
        self.assertEqual(up.messages(), [], "a message whose DATA never ended must not be relayed")
        self.assertEqual([i for i in sg.queue_list() if i.get("subject") == "half-received"], [])

    def journal(self, sg):
        path = sg.path("spool", "journal.jsonl")
        out = []
        if os.path.exists(path):
            with open(path, "rb") as f:
                for line in f:
                    if line.endswith(b"\n") and line.strip():
                        out.append(json.loads(line.decode()))
        return out

    def test_spool_layout_matches_contract(self):
        """docs/CONTRACT.md "Data dir": queue/ID.eml (CRLF, dot-unstuffed), journal.jsonl put/done
        lines, done.jsonl once relayed, sendguard.lock while running."""
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"hold_seconds": 30}})
        self.assertTrue(os.path.exists(sg.path("sendguard.lock")), "DATA/sendguard.lock while running")
        subject = unique_subject("layout")
        marker = "layout-body-" + uuid.uuid4().hex
        msg = h.make_message(subject, body="first %s\r\n.leading dot line\r\n..two dots\r\nlast\r\n" % marker)
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], msg), {})
        item = sg.wait_queue_state(subject, "held", 10)
        eml = sg.path("spool", "queue", item["id"] + ".eml")
        self.assertTrue(os.path.isfile(eml), "DATA/spool/queue/ID.eml")
        with open(eml, "rb") as f:
            self.assertEqual(f.read(), msg, "ID.eml is the message as received (CRLF, dot-unstuffed)")
        puts = [j for j in self.journal(sg) if j.get("op") == "put" and j.get("id") == item["id"]]
        self.assertTrue(puts, "journal.jsonl has a put line for the message")
        self.assertIsInstance(puts[-1].get("entry"), dict)
        self.assertEqual(sg.cli("queue", "release", item["id"]).returncode, 0)
        up.wait_for_count(1, 10)
        sg.wait_queue_state(subject, "sent", 10)
        h.wait_until(lambda: any(j.get("op") == "done" and j.get("id") == item["id"] for j in self.journal(sg)),
                     10, message='a {"op":"done"} journal line once the message was relayed')

        def done_entry():
            path = sg.path("spool", "done.jsonl")
            if not os.path.exists(path):
                return None
            with open(path, "rb") as f:
                raw = f.read()
            self.assertNotIn(marker.encode(), raw, "done.jsonl holds metadata only, no body")
            for line in raw.splitlines():
                if line.strip() and json.loads(line.decode()).get("id") == item["id"]:
                    return True
            return None

        h.wait_until(done_entry, 10, message="an entry for the message in DATA/spool/done.jsonl")
        self.assertEqual(sg.stop(), 0)

    def test_held_message_survives_restart(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"hold_seconds": 30}})
        subject = unique_subject("held-restart")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        before = sg.wait_queue_state(subject, "held", 10)
        self.assertEqual(sg.stop(), 0, "SIGTERM must end sendguard with exit code 0")
        sg.start()
        after = sg.wait_queue_state(subject, "held", 10)
        self.assertEqual(after["id"], before["id"])
        self.assertEqual(after["release_at"], before["release_at"], "a restart must not restart the hold")
        self.assertEqual(up.messages(), [])


if __name__ == "__main__":
    unittest.main()
