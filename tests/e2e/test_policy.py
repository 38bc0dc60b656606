# SPDX-License-Identifier: GPL-3.0-or-later
"""Policy end to end: the move to Bcc, blocked domains, keyword rules, policy.confirm and
byte-exact relaying of Japanese mail. Real sendguard, smtplib client, aiosmtpd upstream,
loopback only; every wait is bounded."""

import base64
import email
import email.policy
import email.utils
import os
import smtplib
import time
import unittest
import uuid

import sgharness as h

INTERNAL = "example.co.jp"
SENDER = "sender@example.co.jp"


def unique_subject(tag):
    return "policy-%s-%s" % (tag, uuid.uuid4().hex[:10])


def b_word(text, charset="utf-8"):
    codec = "iso2022_jp" if charset.lower() == "iso-2022-jp" else charset
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(codec)).decode("ascii"))


def build(headers, body=b"Hello,\r\nthis is a test.\r\n", content_type="text/plain; charset=us-ascii"):
    """A message as bytes: header lines (str, may be folded with CRLF + space), then a body."""
    lines = list(headers) + [
        "Date: %s" % email.utils.formatdate(localtime=False),
        "Message-ID: <%s@e2e.sendguard.test>" % uuid.uuid4().hex,
        "MIME-Version: 1.0",
        "Content-Type: %s" % content_type,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def send(port, mail_from, rcpts, msg, timeout=30):
    """(code, text): 250 when accepted, else the refusal SendGuard gave (at RCPT or DATA)."""
    try:
        refused = h.smtplib_send(port, mail_from, rcpts, msg, timeout=timeout)
    except smtplib.SMTPDataError as exc:
        return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace")
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        return code, text.decode("utf-8", "replace")
    except smtplib.SMTPSenderRefused as exc:
        return exc.smtp_code, exc.smtp_error.decode("utf-8", "replace")
    if refused:
        return 0, "some recipients refused: %r" % (refused,)
    return 250, ""


def header_addresses(raw):
    """Every address in To/Cc/Bcc/From of a raw message's header block, lower-case."""
    msg = email.message_from_bytes(h.header_block(raw) + b"\r\n", policy=email.policy.compat32)
    fields = []
    for name in ("to", "cc", "bcc", "from", "resent-to", "resent-cc"):
        fields += [str(v) for v in (msg.get_all(name) or [])]
    return {addr.lower() for _, addr in email.utils.getaddresses(fields) if addr}


class PolicyCase(h.SGTestCase):
    def audit_events(self, sg, event, subject=None, timeout=10.0):
        def find():
            found = [e for e in sg.audit() if e.get("event") == event and
                     (subject is None or e.get("subject") == subject)]
            return found or None
        return h.wait_until(find, timeout, message="audit event %r for %r" % (event, subject))

    def assertRefused(self, code, text, *needles):
        self.assertEqual(code, 550, "expected a 550 refusal, got %r %r" % (code, text))
        self.assertIn("5.7.1", text)
        for n in needles:
            self.assertIn(n, text)


class MoveToBccTest(PolicyCase):
    """(a), (b): mass mail to external recipients is sent with them moved to Bcc."""

    def test_external_recipients_moved_to_bcc(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {
            "mass_threshold": 10, "internal_domains": [INTERNAL]}})
        names = ["田中 一郎", "Jane Roe", "佐藤 花子", "O'Brien", "高橋 様", "Müller", "伊藤", "渡辺",
                 "山本", "中村", "小林", "加藤"]
        external = ["rcpt%02d@%s" % (i, ("example.net", "example.org", "customer.example")[i % 3])
                    for i in range(12)]
        internal = "taro@" + INTERNAL
        mailboxes = []
        for name, addr in zip(names, external):
            shown = b_word(name) if not name.isascii() else '"%s"' % name
            mailboxes.append("%s <%s>" % (shown, addr))
        mailboxes.insert(5, "%s <%s>" % (b_word("山田 太郎"), internal))
        subject = unique_subject("mass")
        msg = build(["From: %s <%s>" % (b_word("送信者"), SENDER),
                     "To: " + ",\r\n ".join(mailboxes),
                     "Subject: " + subject])
        rcpts = external + [internal]

        self.assertEqual(send(sg.port, SENDER, rcpts, msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=1.0)[0]
        self.assertEqual(sorted(a.lower() for a in m.rcpt_tos), sorted(rcpts),
                         "all 13 envelope recipients must receive the message")
        head = h.header_block(m.data)
        lower = head.lower()
        for addr in external:
            self.assertNotIn(addr.encode(), lower, "external address %s still in the headers:\n%s"
                             % (addr, head.decode("utf-8", "replace")))
        self.assertEqual(header_addresses(m.data), {internal, SENDER},
                         "only the internal recipient (and the sender) may be visible")
        parsed = email.message_from_bytes(head + b"\r\n", policy=email.policy.compat32)
        self.assertEqual([a.lower() for _, a in email.utils.getaddresses(parsed.get_all("To") or [])], [internal])
        self.assertNotIn(b"\r\nbcc:", b"\r\n" + lower, "no Bcc header may be relayed")
        self.assertEqual(h.body_of(m.data), h.body_of(msg), "the body must be untouched")

        ev = self.audit_events(sg, "moved_to_bcc", subject)[0]
        self.assertEqual(sorted(a.lower() for a in ev.get("moved", [])), sorted(external),
                         "audit moved_to_bcc must list the 12 external recipients: %r" % (ev,))

    def test_windows_japanese_survives_the_move_to_bcc(self):
        """Outlook's ISO-2022-JP with ①, ㈱, 﨑, 髙: the subject SendGuard shows and logs is
        whole, and the colleague who stays in To keeps his name (not "?")."""
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "corpus",
                            "outlook-iso2022jp-windows-characters.eml")
        with open(path, "rb") as f:
            msg = f.read()
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {
            "mass_threshold": 10, "internal_domains": [INTERNAL]}})
        parsed = email.message_from_bytes(msg, policy=email.policy.compat32)
        rcpts = [a for _, a in email.utils.getaddresses(parsed.get_all("To"))]
        self.assertEqual(len(rcpts), 11)

        self.assertEqual(send(sg.port, "yamada@" + INTERNAL, rcpts, msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=1.0)[0]
        head = email.message_from_bytes(h.header_block(m.data) + b"\r\n", policy=email.policy.default)
        self.assertEqual(str(head["To"]), "髙橋 一郎 <takahashi@example.co.jp>")
        self.assertEqual(h.body_of(m.data), h.body_of(msg), "the body must be untouched")
        subject = "【至急】①お見積書の件（㈱エーコープ様）"
        ev = self.audit_events(sg, "moved_to_bcc", subject)[0]
        self.assertEqual(len(ev.get("moved", [])), 10)
        item = sg.queue_item(subject=subject)
        self.assertIsNotNone(item, "queue list must show the subject whole")

    def test_all_when_mass_gives_undisclosed_recipients(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {
            "mass_threshold": 10, "internal_domains": [INTERNAL], "bcc_rewrite": "all-when-mass"}})
        external = ["member%02d@example.net" % i for i in range(10)]
        subject = unique_subject("allmass")
        msg = build(["From: " + SENDER, "To: " + ",\r\n ".join(external), "Subject: " + subject])

        self.assertEqual(send(sg.port, SENDER, external, msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=1.0)[0]
        self.assertEqual(sorted(m.rcpt_tos), sorted(external))
        head = h.header_block(m.data)
        self.assertIn(b"\r\nTo: undisclosed-recipients:;\r\n", b"\r\n" + head,
                      "To must read 'undisclosed-recipients:;':\n%s" % head.decode("utf-8", "replace"))
        self.assertEqual(header_addresses(m.data), {SENDER})
        self.assertNotIn(b"\r\nbcc:", b"\r\n" + head.lower())


class BlockedDomainTest(PolicyCase):
    """(c): a recipient in policy.blocked_domains stops the whole message."""

    def test_blocked_domain_refused(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {
            "internal_domains": [INTERNAL], "blocked_domains": ["blocked.example"]}})
        subject = unique_subject("blocked")
        bad = "mallory@blocked.example"
        msg = build(["From: " + SENDER, "To: alice@example.net, " + bad, "Subject: " + subject])

        code, text = send(sg.port, SENDER, ["alice@example.net", bad], msg)
        self.assertRefused(code, text, bad)
        self.assert_no_delivery(up, 2.0)
        ev = self.audit_events(sg, "refused", subject)[0]
        self.assertIn(bad, ev.get("recipients") or [], ev)
        self.assertIn(bad, ev.get("detail", ""))
        self.assertEqual(sg.queue_item(subject=subject), None, "a refused message must not be queued")


class KeywordRuleTest(PolicyCase):
    """(d): keyword rules on the (UTF-8 encoded) subject: block refuses, warn flags."""

    def _config(self, action):
        return {"policy": {"internal_domains": [INTERNAL],
                           "keyword_rules": [{"pattern": "社外秘", "where": "subject", "action": action}]}}

    def _message(self, subject):
        return build(["From: " + SENDER, "To: alice@example.net",
                      "Subject: " + b_word("【社外秘】新製品の計画 ") + " " + subject])

    def test_block_rule_refuses(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config=self._config("block"))
        tag = unique_subject("kwblock")
        code, text = send(sg.port, SENDER, ["alice@example.net"], self._message(tag))
        self.assertRefused(code, text, "subject")
        self.assert_no_delivery(up, 2.0)
        ev = [e for e in self.audit_events(sg, "refused") if tag in e.get("subject", "")]
        self.assertTrue(ev, "audit must have a 'refused' event for the blocked subject")

    def test_warn_rule_flags_and_delivers(self):
        up = self.start_upstream()
        config = self._config("warn")
        config["policy"]["hold_seconds"] = 600  # keep it in the queue long enough to look at it
        sg = self.make_sendguard(upstream=up, config=config)
        tag = unique_subject("kwwarn")
        self.assertEqual(send(sg.port, SENDER, ["alice@example.net"], self._message(tag)), (250, ""))

        def held():
            for item in sg.queue_list():
                if tag in (item.get("subject") or "") and item.get("state") == "held":
                    return item
            return None
        item = h.wait_until(held, 15, interval=0.25, message="the warned message held in the queue")
        analysis = item.get("analysis")
        self.assertIsInstance(analysis, dict, "queue list --json items must carry an 'analysis' object: %r" % item)
        self.assertIn("keyword", analysis.get("flags", []), "analysis: %r" % analysis)
        hits = analysis.get("keyword_hits", [])
        self.assertTrue(any(x.get("pattern") == "社外秘" and x.get("action") == "warn" for x in hits), hits)
        self.assertIn("社外秘", item.get("subject", ""))

        proc = sg.cli("queue", "release", item["id"])
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        m = self.assert_exactly_once(up, 1, settle=1.0)[0]
        self.assertEqual(m.rcpt_tos, ["alice@example.net"])


class ConfirmPolicyTest(PolicyCase):
    """(e): policy.confirm with --headless and without --auto-confirm."""

    def test_confirm_never_delivers_without_auto_confirm(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, auto_confirm=False, config={"policy": {
            "internal_domains": [INTERNAL], "confirm": "never"}})
        subject = unique_subject("never")
        msg = build(["From: " + SENDER, "To: alice@example.net", "Subject: " + subject])
        self.assertEqual(send(sg.port, SENDER, ["alice@example.net"], msg), (250, ""))
        self.assert_exactly_once(up, 1, settle=1.0)
        ev = self.audit_events(sg, "confirmed", subject)[0]
        self.assertEqual(ev.get("detail"), "not-required", ev)

    def test_confirm_external_headless(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, auto_confirm=False, config={"policy": {
            "internal_domains": [INTERNAL], "confirm": "external"}})
        internal_subject = unique_subject("internal")
        msg = build(["From: " + SENDER, "To: taro@" + INTERNAL, "Cc: hanako@" + INTERNAL,
                     "Subject: " + internal_subject])
        self.assertEqual(send(sg.port, SENDER, ["taro@" + INTERNAL, "hanako@" + INTERNAL], msg), (250, ""),
                         "internal-only mail needs no confirmation")
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        self.assertEqual(sorted(m.rcpt_tos), ["hanako@" + INTERNAL, "taro@" + INTERNAL])
        ev = self.audit_events(sg, "confirmed", internal_subject)[0]
        self.assertEqual(ev.get("detail"), "not-required", ev)

        external_subject = unique_subject("external")
        msg = build(["From: " + SENDER, "To: alice@example.net", "Subject: " + external_subject])
        code, text = send(sg.port, SENDER, ["alice@example.net"], msg)
        self.assertEqual(code, 550, "external mail with nobody to confirm it must be refused: %r %r" % (code, text))
        self.assertIn("5.7.1", text)
        self.assert_no_delivery_beyond(up, 1, 2.0)
        self.audit_events(sg, "refused", external_subject)

    def assert_no_delivery_beyond(self, up, n, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.assertEqual(up.count(), n, "the upstream got a message it must not get")
            time.sleep(0.1)


class JapaneseBeckyTest(PolicyCase):
    """(f): a Becky!-style ISO-2022-JP message is relayed byte for byte, minus its Bcc."""

    def test_iso2022jp_byte_identical(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"internal_domains": [INTERNAL]}})
        subject_text = "お見積りの件につきまして（第２版）ご確認のほどよろしくお願いいたします"
        head = ("Date: Mon, 01 Jul 2024 10:00:00 +0900\r\n"
                "From: " + b_word("山田 太郎", "ISO-2022-JP") + " <" + SENDER + ">\r\n"
                "To: " + b_word("鈴木 一郎 様", "ISO-2022-JP") + " <suzuki@example.net>\r\n"
                "Cc: " + b_word("佐藤", "ISO-2022-JP") + " <sato@" + INTERNAL + ">\r\n")
        bcc = "Bcc: " + b_word("部長", "ISO-2022-JP") + " <bucho@" + INTERNAL + ">,\r\n kiroku@" + INTERNAL + "\r\n"
        subj_words = [b_word(subject_text[i:i + 12], "ISO-2022-JP") for i in range(0, len(subject_text), 12)]
        tail = ("Subject: " + "\r\n ".join(subj_words) + "\r\n"
                "Message-Id: <20240701100000.4F2A.BECKY.%s@example.co.jp>\r\n"
                "MIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=\"ISO-2022-JP\"\r\n"
                "Content-Transfer-Encoding: 7bit\r\n"
                "X-Mailer: Becky! ver. 2.81.04 [ja]\r\n\r\n") % uuid.uuid4().hex[:8]
        body = ("鈴木様\r\n\r\nいつもお世話になっております。山田です。\r\n"
                "お見積りを添付いたしました。\r\n.\r\n..ドットで始まる行\r\n"
                "Bcc: これは本文です\r\n\r\n以上、よろしくお願いいたします。\r\n").encode("iso2022_jp")
        original = head.encode("ascii") + bcc.encode("ascii") + tail.encode("ascii") + body
        expected = head.encode("ascii") + tail.encode("ascii") + body
        rcpts = ["suzuki@example.net", "sato@" + INTERNAL, "bucho@" + INTERNAL, "kiroku@" + INTERNAL]

        self.assertEqual(send(sg.port, SENDER, rcpts, original), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=1.0)[0]
        self.assertEqual(sorted(m.rcpt_tos), sorted(rcpts))
        self.assertEqual(m.data, expected, "must be byte-identical apart from the removed Bcc header")


class FuzzFindingsTest(PolicyCase):
    """Cases found by fuzz/fuzz_analyzer, reproduced over SMTP: a message that is only a header
    block (no empty line, no body) still gets its Bcc removed and its To rewritten, and an
    address moved to Bcc disappears even from a field GMime can only partly parse."""

    def test_bcc_as_last_header_without_body(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"internal_domains": [INTERNAL]}})
        subject = unique_subject("headers-only-bcc")
        msg = ("From: %s\r\nTo: alice@example.net\r\nSubject: %s\r\nBcc: secret@example.org\r\n"
               % (SENDER, subject)).encode()
        self.assertEqual(send(sg.port, SENDER, ["alice@example.net", "secret@example.org"], msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        self.assertNotIn(b"secret@example.org", m.data, "the Bcc header was relayed:\n%s" % m.data.decode())

    def test_mass_to_as_last_header_without_body(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"internal_domains": [INTERNAL],
                                                                 "mass_threshold": 3}})
        external = ["a@example.net", "b@example.net", "c@example.net"]
        msg = ("From: %s\r\nSubject: %s\r\nTo: %s\r\n"
               % (SENDER, unique_subject("headers-only-mass"), ", ".join(external))).encode()
        self.assertEqual(send(sg.port, SENDER, external, msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        self.assertEqual(header_addresses(m.data), {SENDER}, "moved recipients still visible:\n%s" % m.data.decode())

    def test_moved_address_in_field_with_unterminated_comment(self):
        # "c@example.net, (unterminated comment": the Cc field is rewritten from what GMime read
        # in it, so the address the verdict (and the audit event moved_to_bcc) calls moved is
        # really gone from every header.
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"internal_domains": [INTERNAL],
                                                                 "mass_threshold": 3}})
        rcpts = ["a@example.net", "b@example.net", "c@example.net"]
        subject = unique_subject("cc-comment")
        msg = build(["From: " + SENDER, "To: a@example.net, b@example.net",
                     "Cc: c@example.net, (unterminated comment", "Subject: " + subject])
        self.assertEqual(send(sg.port, SENDER, rcpts, msg), (250, ""))
        m = self.assert_exactly_once(up, 1, settle=0.5)[0]
        self.assertNotIn(b"c@example.net", h.header_block(m.data),
                         "a recipient moved to Bcc is still in Cc:\n%s" % m.data.decode())


if __name__ == "__main__":
    unittest.main()
