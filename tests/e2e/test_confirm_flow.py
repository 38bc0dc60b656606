# SPDX-License-Identifier: GPL-3.0-or-later
"""The confirm step against the clock, and the hold across restarts, end to end.

The real sendguard runs with its confirm dialog (Qt's offscreen platform: a real dialog nobody
answers), a real smtplib client and an aiosmtpd upstream on loopback:

* policy.confirm_timeout_action "defer": the client gets 250 once the time is up, the message
  waits as awaiting-confirmation and is never relayed until confirmed (`queue release`), or is
  kept as recalled (`queue recall`); it survives a restart in that state;
* "tempfail": the client gets 451 4.7.0 and nothing is kept;
* policy.release_after_restart: a hold that ended while SendGuard was not running is not
  relayed behind the user's back ("ask"/"hold"), or is relayed at start ("send").
Every wait is bounded."""

import smtplib
import time
import unittest
import uuid

import sgharness as h

SENDER = "sender@example.co.jp"
EXTERNAL = ["partner@partner.example"]


def message(subject):
    return h.make_message(subject, from_addr=SENDER, to=EXTERNAL)


def send(port, subject, timeout=60):
    """(code, text, seconds taken) for one message sent with smtplib."""
    started = time.monotonic()
    try:
        h.smtplib_send(port, SENDER, EXTERNAL, message(subject), timeout=timeout)
    except smtplib.SMTPDataError as exc:
        return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace"), time.monotonic() - started
    return 250, "", time.monotonic() - started


def unique(tag):
    return "confirm-%s-%s" % (tag, uuid.uuid4().hex[:10])


class ConfirmTimeout(h.SGTestCase):
    def interactive(self, upstream, action, timeout_seconds=3, **policy):
        config = {"policy": dict({"confirm": "always", "confirm_timeout_seconds": timeout_seconds,
                                  "confirm_timeout_action": action, "hold_seconds": 0,
                                  "internal_domains": ["example.co.jp"]}, **policy)}
        # headless=False with QT_QPA_PLATFORM=offscreen: the real dialog opens and waits.
        return self.make_sendguard(config=config, upstream=upstream, headless=False,
                                   auto_confirm=False)

    def test_defer_answers_250_and_sends_nothing_until_confirmed(self):
        up = self.start_upstream()
        sg = self.interactive(up, "defer")
        subject = unique("defer")
        code, text, took = send(sg.port, subject)
        self.assertEqual(code, 250, text)
        self.assertGreaterEqual(took, 2.5, "the client was answered before the timeout")
        self.assertLess(took, 20)
        item = sg.wait_queue_state(subject, "awaiting-confirmation", timeout=10)
        self.assertIsNone(item["release_at"])
        self.assert_no_delivery(up, seconds=3)
        events = [e.get("event") for e in sg.audit() if e.get("subject") == subject]
        self.assertIn("awaiting_confirmation", events)
        self.assertNotIn("confirmed", events)

        # Still waiting after a restart, and still not sent.
        sg.stop()
        sg.start()
        sg.wait_queue_state(subject, "awaiting-confirmation", timeout=10)
        self.assert_no_delivery(up, seconds=2)

        # Confirmed by hand: relayed exactly once.
        proc = sg.cli("queue", "release", item["id"])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assert_exactly_once(up, 1, settle=2)
        events = [e.get("event") for e in sg.audit() if e.get("subject") == subject]
        self.assertIn("confirmed", events)
        self.assertIn("relayed", events)

    def test_defer_then_cancel_keeps_the_message_as_recalled(self):
        up = self.start_upstream()
        sg = self.interactive(up, "defer")
        subject = unique("defer-recall")
        code, text, _ = send(sg.port, subject)
        self.assertEqual(code, 250, text)
        item = sg.wait_queue_state(subject, "awaiting-confirmation", timeout=10)
        proc = sg.cli("queue", "recall", item["id"])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        sg.wait_queue_state(subject, "recalled", timeout=10)
        self.assert_no_delivery(up, seconds=2)

    def test_tempfail_answers_451_and_keeps_nothing(self):
        up = self.start_upstream()
        sg = self.interactive(up, "tempfail")
        subject = unique("tempfail")
        code, text, took = send(sg.port, subject)
        self.assertEqual(code, 451, text)
        self.assertIn("not confirmed", text)
        self.assertGreaterEqual(took, 2.5)
        self.assertIsNone(sg.queue_item(subject=subject))
        self.assert_no_delivery(up, seconds=2)
        refused = [e for e in sg.audit() if e.get("subject") == subject and e.get("event") == "refused"]
        self.assertEqual(len(refused), 1, sg.audit())


    def test_client_that_hangs_up_is_never_sent_for(self):
        """A client that disconnects while the dialog is open will send again itself: the
        message it abandoned must not be sent too (no duplicate)."""
        up = self.start_upstream()
        sg = self.interactive(up, "defer", timeout_seconds=4)
        subject = unique("hangup")
        client = self.raw(sg.port)
        client.greeting_and_ehlo()
        self.assertEqual(client.cmd("MAIL FROM:<%s>" % SENDER)[0], 250)
        self.assertEqual(client.cmd("RCPT TO:<%s>" % EXTERNAL[0])[0], 250)
        self.assertEqual(client.cmd("DATA")[0], 354)
        client.send(message(subject).replace(b"\r\n.", b"\r\n..") + b".\r\n")
        time.sleep(1)
        client.close()

        def refused():
            return [e for e in sg.audit()
                    if e.get("subject") == subject and e.get("event") == "refused"
                    and e.get("by") == "client"]
        h.wait_until(refused, timeout=10, message="an audit line for the abandoned message")
        time.sleep(5)  # past the confirm timeout: nothing may be deferred into the queue
        self.assertIsNone(sg.queue_item(subject=subject))
        self.assert_no_delivery(up, seconds=1)


class HoldAcrossRestart(h.SGTestCase):
    def held_then_restart(self, rule):
        up = self.start_upstream()
        sg = self.make_sendguard(config={"policy": {"hold_seconds": 2,
                                                    "release_after_restart": rule}},
                                 upstream=up)
        subject = unique("restart-" + rule)
        code, text, _ = send(sg.port, subject)
        self.assertEqual(code, 250, text)
        sg.stop()  # before the hold ends
        time.sleep(3)
        sg.start()
        return up, sg, subject

    def test_ask_waits_for_the_user(self):
        up, sg, subject = self.held_then_restart("ask")
        item = sg.wait_queue_state(subject, "held", timeout=10)
        self.assertTrue(item["release_paused"], item)
        self.assert_no_delivery(up, seconds=3)
        self.assertEqual(sg.cli("queue", "release", item["id"]).returncode, 0)
        self.assert_exactly_once(up, 1, settle=1)

    def test_send_relays_at_start(self):
        up, sg, subject = self.held_then_restart("send")
        self.assert_exactly_once(up, 1, settle=1)

    def test_unfinished_hold_keeps_counting_after_restart(self):
        up = self.start_upstream()
        sg = self.make_sendguard(config={"policy": {"hold_seconds": 6}}, upstream=up)
        subject = unique("remaining")
        sent_at = time.monotonic()
        code, text, _ = send(sg.port, subject)
        self.assertEqual(code, 250, text)
        sg.stop()
        sg.start()
        item = sg.wait_queue_state(subject, "held", timeout=10)
        self.assertFalse(item["release_paused"], item)
        up.wait_for_count(1, timeout=20)
        self.assertGreaterEqual(time.monotonic() - sent_at, 5.5, "released before its hold ended")


if __name__ == "__main__":
    unittest.main()
