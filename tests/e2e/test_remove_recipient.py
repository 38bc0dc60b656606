# SPDX-License-Identifier: GPL-3.0-or-later
"""Removing recipients without a key in the real confirm dialog, end to end.

Encryption is required (encryption.required_for "all", S/MIME, whole message) and two of the
three recipients have no certificate: dave (Cc) and frank (only in the envelope and a Bcc
header). The real sendguard runs with its GUI on an Xvfb (as test_gui_xvfb) and the dialog is
answered with the keyboard through xdotool:

    recipients list (focus on dave, the first line: the group "nokey.example" comes first)
      alt+s       nothing happens: encryption is impossible, Send is disabled
      Delete      removes dave (struck out, no check box any more)
      alt+r       "Remove the recipients without a key": removes frank too, and puts the
                  cursor back in the list, on alice, the first line still to be ticked
      space       ticks alice
      Tab Tab     past the Remove/Restore button, to the attachments list
      space       ticks the attachment
      alt+s       Send

What arrives at the aiosmtpd upstream is checked: only alice in the envelope, dave and frank
nowhere in the header (no Cc, no Bcc field), the message S/MIME-encrypted and readable with
alice's key, and the audit log says who was removed, by whom and that the message was encrypted
without any override. Skipped as a whole when Xvfb or xdotool is missing. Loopback only; every
wait is bounded."""

import email
import email.policy
import email.utils
import tempfile
import threading
import time
import unittest
import uuid
from email.message import EmailMessage

import sgharness as h
import test_encryption as enc
from test_gui_xvfb import XDOTOOL, XVFB, XvfbTestCase

SENDER = enc.SENDER
ALICE = "alice@partner.example"  # has an S/MIME certificate
DAVE = "dave@nokey.example"  # none (Cc)
FRANK = "frank@nokey.example"  # none (Bcc)

KEYS = None


def setUpModule():
    global KEYS
    missing = [name for name, path in (("Xvfb (Debian: xvfb)", XVFB), ("xdotool", XDOTOOL)) if not path]
    if missing:
        raise unittest.SkipTest("these tests need %s; install them (scripts/install-deps.sh)"
                                % " and ".join(missing))
    keys = enc.Keys(tempfile.mkdtemp(prefix="sg-e2e-keys-"))
    try:
        keys.smime("sender", SENDER)
        keys.smime("alice", ALICE)
    except Exception:
        keys.cleanup()
        raise
    KEYS = keys


def tearDownModule():
    if KEYS is not None:
        KEYS.cleanup()


def message(subject, attachment):
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Sender <%s>" % SENDER
    msg["To"] = "Alice <%s>" % ALICE
    msg["Cc"] = "Dave <%s>" % DAVE
    msg["Bcc"] = FRANK
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=False)
    msg["Message-ID"] = "<%s@e2e.sendguard.test>" % uuid.uuid4().hex
    msg.set_content(enc.TEXT, charset="utf-8", cte="8bit")
    name, data = attachment
    msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return msg.as_bytes()


class RemoveRecipientWithoutKey(XvfbTestCase):
    # -- the dialog on the X server
    def confirm_windows(self):
        out, _ = self.xdo("search", "--onlyvisible", "--name", "SendGuard")
        found = []
        for wid in out.split():
            name, rc = self.xdo("getwindowname", wid)
            if rc == 0 and "confirm" in name.lower():
                found.append(wid)
        return found

    def wait_dialog(self, timeout=30.0):
        wid = h.wait_until(self.confirm_windows, timeout, interval=0.1, message="the confirm dialog")[0]
        self.xdo("windowfocus", "--sync", wid, timeout=10)
        h.wait_until(lambda: self.xdo("getwindowfocus")[0] == wid, 5, interval=0.1,
                     message="the keyboard focus on the confirm dialog")
        time.sleep(0.2)  # let Qt handle the FocusIn before the first key
        return wid

    def key(self, *keys):
        _, rc = self.xdo("key", "--delay", "60", *keys)
        self.assertEqual(rc, 0, "xdotool key %s failed" % " ".join(keys))

    # -- the parts
    def start_sendguard(self, upstream):
        config = {"encryption": {"mode": "message", "method": "smime", "required_for": "all",
                                 "smime_certificates": KEYS.certs},
                  "policy": {"confirm": "always", "hold_seconds": 0, "internal_domains": [enc.INTERNAL],
                             "confirm_timeout_seconds": 120}}
        return self.start_gui_sendguard(upstream, config)

    def send_in_background(self, port, rcpts, msg):
        """Sends with smtplib on a thread; returns a function giving (code, text), bounded."""
        result = {}

        def run():
            result["reply"] = enc.send(port, rcpts, msg, timeout=90)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()

        def reply(timeout=30.0):
            thread.join(timeout)
            self.assertFalse(thread.is_alive(), "the mail client got no answer within %.0fs" % timeout)
            return result["reply"]
        return thread, reply

    def events(self, sg, subject):
        return [e for e in sg.audit() if e.get("subject") == subject]

    # -- the test
    def test_keyless_recipients_removed_by_keyboard_rest_sent_encrypted(self):
        up = self.start_upstream()
        sg = self.start_sendguard(up)
        subject = "remove-keyless-" + uuid.uuid4().hex[:8]
        attachment = ("quotation.pdf", b"%PDF-1.4\n" + uuid.uuid4().bytes * 500 + b"\n%%EOF\n")
        msg = message(subject, attachment)
        thread, reply = self.send_in_background(sg.port, [ALICE, DAVE, FRANK], msg)
        wid = self.wait_dialog()

        # Encryption is impossible for everyone: Send does nothing.
        self.key("alt+s")
        time.sleep(0.8)
        self.assertIn(wid, self.confirm_windows(), "Alt+S closed the dialog although Send was disabled")
        self.assertTrue(thread.is_alive(), "the mail client was answered before the user decided")

        self.key("Delete")
        self.key("alt+r")
        time.sleep(0.6)  # the button clicks a moment after its shortcut
        self.key("space", "Tab", "Tab", "space")
        time.sleep(0.3)
        self.key("alt+s")
        self.assertEqual(reply(), (250, ""))
        h.wait_until(lambda: wid not in self.confirm_windows(), 5, message="the dialog to close")

        received = self.assert_exactly_once(up, 1, settle=1.5)[0]
        self.assertEqual([r.lower() for r in received.rcpt_tos], [ALICE])
        raw = enc.received_bytes(received)
        head = h.header_block(raw)
        for gone in (DAVE, FRANK):
            self.assertNotIn(gone.encode(), raw, "%s was removed but is still in the message" % gone)
        top = enc.parse(raw)
        self.assertIsNone(top.get("Cc"), "the emptied Cc field must go")
        self.assertIsNone(top.get("Bcc"), "a Bcc field is never relayed")
        self.assertNotIn(b"\nBcc:", b"\n" + head)
        self.assertIn(ALICE, top.get("To"))
        self.assertEqual(top.get("Subject"), subject)
        # Encrypted as required, for alice (and the sender), without any override.
        self.assertEqual(top.get_content_type(), "application/pkcs7-mime")
        blob = top.get_payload(decode=True)
        inner = KEYS.cms_decrypt("alice", blob)
        self.assertIsNotNone(inner, "alice must be able to decrypt")
        self.assertIn(attachment[0].encode(), inner)
        self.assertIsNotNone(KEYS.cms_decrypt("sender", blob), "the sender's own key is included")

        h.wait_until(lambda: "relayed" in [e.get("event") for e in self.events(sg, subject)], 10,
                     message="the relayed audit line")
        events = self.events(sg, subject)
        names = [e.get("event") for e in events]
        self.assertNotIn("sent_unencrypted_override", names)
        self.assertNotIn("refused", names)
        removed = [e for e in events if e.get("event") == "recipients_removed"]
        self.assertEqual(len(removed), 1, names)
        line = removed[0]
        self.assertEqual(line.get("by"), "user")
        self.assertEqual(sorted(line.get("removed")), sorted([DAVE, FRANK]))
        self.assertEqual(line.get("remaining"), [ALICE])
        self.assertTrue(line.get("encryption", {}).get("encrypt"), line)
        self.assertIn("no usable key", line.get("detail", ""))
        self.assertLess(names.index("recipients_removed"), names.index("confirmed"))
        confirmed = [e for e in events if e.get("event") == "confirmed"][0]
        self.assertEqual(confirmed.get("recipients"), [ALICE])


if __name__ == "__main__":
    unittest.main()
