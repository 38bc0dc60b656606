# SPDX-License-Identifier: GPL-3.0-or-later
"""The real confirm dialog on a real X server, answered with the keyboard only.

The real sendguard runs with its GUI (not --headless, not --auto-confirm) on QT_QPA_PLATFORM=xcb
against an Xvfb started here on a free display number (no window manager: Qt gives the dialog
the input focus itself, and `xdotool windowfocus --sync` makes sure). swaks sends one message to
two external recipients with one PDF attachment; the dialog is found with
`xdotool search --name SendGuard` and answered with `xdotool key` (XTEST key presses, the same
path as a real keyboard):

* Return alone does not send (Cancel is the default button): 550 5.7.1 "cancelled in SendGuard";
* Return after ticking everything still does not send;
* Escape cancels: 550;
* Alt+S before anything is ticked does nothing (Send is disabled);
* ticking every check box and Alt+S sends: swaks gets 250, the upstream gets it exactly once.

The key sequence that ticks everything, for the dialog of this message (recipients grouped by
domain, in this order):

    recipients list (has the focus, current row = b@other.example)
      space           tick b@other.example
      Down            a@partner.example (the cursor steps over the group line
                      "External — partner.example (1)", which has no check box)
      space           tick it
    Tab               the attachments list (current row = the PDF)
      space           tick it
    alt+s             Send

The module is skipped when Xvfb or xdotool is not installed (Debian: xvfb, xdotool).
Every wait is bounded; Xvfb and sendguard are stopped at cleanup."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

import sgharness as h

SENDER = "taro@example.co.jp"
RECIPIENTS = ["a@partner.example", "b@other.example"]
ATTACHMENT_NAME = "quotation-2026.pdf"

# Ticks b@other.example, steps over the group row of partner.example, ticks a@partner.example,
# moves to the attachments and ticks the PDF (see the module's docstring).
TICK_EVERYTHING = ["space", "Down", "space", "Tab", "space"]

XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")
IMPORT = shutil.which("import")  # ImageMagick, only for a screenshot when a test fails


def setUpModule():
    missing = [name for name, path in (("Xvfb (Debian: xvfb)", XVFB), ("xdotool", XDOTOOL)) if not path]
    if missing:
        raise unittest.SkipTest("GUI end-to-end tests need %s; install them (scripts/install-deps.sh)"
                                % " and ".join(missing))
    if not shutil.which("swaks"):
        raise RuntimeError("swaks is not installed (scripts/install-deps.sh installs it)")


# ---------------------------------------------------------------------------
# Xvfb


class Xvfb:
    """An Xvfb on the first free display number from 90 on; start() waits (bounded) until it
    accepts clients, stop() ends it."""

    def __init__(self, first=90, last=400):
        self.first, self.last = first, last
        self.proc = None
        self.display = None
        self.log = tempfile.NamedTemporaryFile(prefix="sg-e2e-xvfb-", suffix=".log", delete=False)

    @staticmethod
    def _taken(n):
        return os.path.exists("/tmp/.X%d-lock" % n) or os.path.exists("/tmp/.X11-unix/X%d" % n)

    def _owns_lock(self, n):
        try:
            with open("/tmp/.X%d-lock" % n) as f:
                return int(f.read().strip() or 0) == self.proc.pid
        except (OSError, ValueError):
            return False

    def _ready(self):
        try:
            return subprocess.run([XDOTOOL, "getmouselocation"], env=self.env(), capture_output=True,
                                  timeout=5).returncode == 0
        except subprocess.TimeoutExpired:
            return False

    def env(self, base=None):
        env = dict(base if base is not None else os.environ)
        env["DISPLAY"] = self.display
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("XAUTHORITY", None)
        return env

    def start(self, timeout=15.0):
        deadline = time.monotonic() + timeout
        n = self.first
        while n <= self.last and time.monotonic() < deadline:
            if self._taken(n):
                n += 1
                continue
            self.display = ":%d" % n
            self.proc = subprocess.Popen([XVFB, self.display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
                                          "-noreset"], stdin=subprocess.DEVNULL, stdout=self.log,
                                         stderr=subprocess.STDOUT)
            until = min(deadline, time.monotonic() + 8)
            while time.monotonic() < until:
                if self.proc.poll() is not None:
                    break  # lost a race for this number: try the next one
                # Ready, and the server that answers is ours (not one that another test run
                # started on the same number a moment earlier): its lock file has our pid.
                if self._owns_lock(n) and self._ready() and self.proc.poll() is None:
                    return self
                time.sleep(0.1)
            self.stop()
            n += 1
        raise RuntimeError("could not start Xvfb within %.0fs; last log:\n%s" % (timeout, self.log_text()))

    def log_text(self):
        try:
            with open(self.log.name, "rb") as f:
                return f.read().decode(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self):
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)

    def close(self):
        self.stop()
        self.log.close()
        try:
            os.unlink(self.log.name)
        except OSError:
            pass


# ---------------------------------------------------------------------------
# the test case


class XvfbTestCase(h.SGTestCase):
    """One Xvfb for the class; xdo() runs xdotool against it."""

    @classmethod
    def setUpClass(cls):
        cls.xvfb = Xvfb().start()

    @classmethod
    def tearDownClass(cls):
        cls.xvfb.close()

    def xdo(self, *args, timeout=10):
        proc = subprocess.run([XDOTOOL] + list(args), env=self.xvfb.env(), capture_output=True, timeout=timeout)
        return proc.stdout.decode(errors="replace").strip(), proc.returncode

    def start_gui_sendguard(self, upstream, config):
        """sendguard with its real GUI (English) on this class's X server."""
        sg = self.make_sendguard(config=config, upstream=upstream, headless=False, auto_confirm=False,
                                 extra_args=["--lang", "en"], start=False)
        sg.env = self.xvfb.env(sg.env)
        sg.env["QT_QPA_PLATFORM"] = "xcb"
        sg.env.pop("QT_IM_MODULE", None)
        sg.start()
        return sg


class ConfirmDialogByKeyboard(XvfbTestCase):
    """One Xvfb for the class, one sendguard and one upstream per test."""

    # -- helpers

    def windows(self):
        """(id, name) of the visible windows whose name contains SendGuard."""
        out, _ = self.xdo("search", "--onlyvisible", "--name", "SendGuard")
        result = []
        for wid in out.split():
            name, rc = self.xdo("getwindowname", wid)
            if rc == 0:
                result.append((wid, name))
        return result

    def confirm_windows(self):
        return [wid for wid, name in self.windows() if "confirm" in name.lower()]

    def wait_dialog(self, timeout=20.0):
        """The confirm dialog's window id, once it is shown and has the keyboard focus."""
        try:
            found = h.wait_until(self.confirm_windows, timeout, interval=0.1, message="the confirm dialog")
        except AssertionError as exc:
            raise AssertionError("%s; SendGuard windows: %r" % (exc, self.windows())) from None
        self.assertEqual(len(found), 1, "expected one confirm dialog, found %r" % (self.windows(),))
        wid = found[0]
        # No window manager: Qt already gave the dialog the focus; make sure of it.
        self.xdo("windowfocus", "--sync", wid, timeout=10)
        try:
            h.wait_until(lambda: self.xdo("getwindowfocus")[0] == wid, 5, interval=0.1,
                         message="the keyboard focus on the confirm dialog %s" % wid)
        except AssertionError as exc:
            raise AssertionError("%s; it is on %r" % (exc, self.xdo("getwindowfocus"))) from None
        time.sleep(0.2)  # let Qt finish handling the FocusIn before the first key
        self._dialog = wid
        return wid

    def key(self, *keys):
        _, rc = self.xdo("key", "--delay", "60", *keys)
        self.assertEqual(rc, 0, "xdotool key %s failed" % " ".join(keys))

    def dialog_gone(self, wid):
        return wid not in self.confirm_windows()

    def start_sendguard(self, upstream):
        config = {"listen": {"auth": "none"},
                  "policy": {"confirm": "always", "hold_seconds": 0, "internal_domains": ["example.co.jp"],
                             "confirm_timeout_seconds": 120}}
        return self.start_gui_sendguard(upstream, config)

    def swaks(self, sg, subject):
        """Starts swaks in the background: two external recipients, one PDF attachment."""
        d = self.make_tempdir("sg-e2e-gui-")
        pdf = os.path.join(d, ATTACHMENT_NAME)
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        log = open(os.path.join(d, "swaks.log"), "w+b")
        self.addCleanup(log.close)
        proc = subprocess.Popen(
            ["swaks", "--server", "%s:%d" % (h.LOOPBACK, sg.port), "--timeout", "90",
             "--helo", "client.e2e.test", "--from", SENDER, "--to", ",".join(RECIPIENTS),
             "--header", "Subject: %s" % subject, "--body", "Please find the quotation attached.\n",
             "--attach-type", "application/pdf", "--attach-name", ATTACHMENT_NAME, "--attach", "@" + pdf],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)

        def stop():
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
        self.addCleanup(stop)
        self.addCleanup(self._diagnose, "swaks transcript", lambda: self._read(log))
        self.addCleanup(self._screenshot_on_failure)
        self._swaks = (proc, log)
        return proc, log

    @staticmethod
    def _read(log):
        log.flush()
        log.seek(0)
        return log.read().decode("utf-8", errors="replace")

    def data_reply(self, timeout=20.0):
        """(code, text) of the reply swaks got to the end of DATA."""
        proc, log = self._swaks
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.fail("swaks got no answer to DATA within %.0fs:\n%s" % (timeout, self._read(log)))
        transcript = self._read(log)
        lines = transcript.splitlines()
        for i, line in enumerate(lines):
            if line.strip() == "-> .":
                for reply in lines[i + 1:]:
                    m = re.match(r"^<(?:-|\*\*)\s+(\d{3})[ -](.*)$", reply)
                    if m:
                        return int(m.group(1)), m.group(2)
        self.fail("no reply to the end of DATA in the swaks transcript:\n%s" % transcript)

    def _screenshot_on_failure(self):
        if not (IMPORT and self._test_failed() and getattr(self, "_dialog", None)):
            return
        path = os.path.join(tempfile.gettempdir(), "sg-e2e-gui-%s.png" % uuid.uuid4().hex[:8])
        try:
            subprocess.run([IMPORT, "-window", "root", path], env=self.xvfb.env(), capture_output=True,
                           timeout=15)
            sys.stderr.write("\n===== %s: screen at failure: %s =====\n" % (self.id(), path))
        except (OSError, subprocess.TimeoutExpired):
            pass

    def audit_events(self, sg, subject):
        return [e.get("event") for e in sg.audit() if e.get("subject") == subject]

    def setUp(self):
        self._dialog = None
        self.up = self.start_upstream()
        self.sg = self.start_sendguard(self.up)
        self.subject = "gui-%s-%s" % (self._testMethodName, uuid.uuid4().hex[:8])

    def assert_cancelled(self, wid):
        code, text = self.data_reply()
        self.assertEqual(code, 550, text)
        self.assertIn("5.7.1", text)
        self.assertIn("cancelled in SendGuard", text)
        h.wait_until(lambda: self.dialog_gone(wid), 5, message="the dialog to close")
        self.assert_no_delivery(self.up, seconds=1.5)
        events = self.audit_events(self.sg, self.subject)
        self.assertIn("refused", events)
        self.assertNotIn("confirmed", events)
        self.assertIsNone(self.sg.queue_item(subject=self.subject))

    # -- the tests
    def test_return_alone_does_not_send(self):
        self.swaks(self.sg, self.subject)
        wid = self.wait_dialog()
        self.key("Return")
        self.assert_cancelled(wid)

    def test_return_after_ticking_everything_does_not_send(self):
        self.swaks(self.sg, self.subject)
        wid = self.wait_dialog()
        self.key(*TICK_EVERYTHING)
        time.sleep(0.3)
        self.key("Return")
        self.assert_cancelled(wid)

    def test_escape_cancels(self):
        self.swaks(self.sg, self.subject)
        wid = self.wait_dialog()
        self.key("Escape")
        self.assert_cancelled(wid)

    def test_tick_everything_then_alt_s_sends_exactly_once(self):
        proc, _ = self.swaks(self.sg, self.subject)
        wid = self.wait_dialog()

        # Nothing ticked yet: Send is disabled, Alt+S does nothing.
        self.key("alt+s")
        time.sleep(0.8)
        self.assertIn(wid, self.confirm_windows(), "Alt+S closed the dialog before anything was ticked")
        self.assertIsNone(proc.poll(), "swaks was answered before anything was ticked")
        self.assertEqual(self.up.messages(), [])

        self.key(*TICK_EVERYTHING)
        time.sleep(0.3)
        self.key("alt+s")
        code, text = self.data_reply()
        self.assertEqual(code, 250, text)
        self.assertEqual(proc.returncode, 0)
        h.wait_until(lambda: self.dialog_gone(wid), 5, message="the dialog to close")

        msgs = self.assert_exactly_once(self.up, 1, settle=2.0)
        msg = msgs[0]
        self.assertEqual(msg.mail_from, SENDER)
        self.assertEqual(sorted(r.lower() for r in msg.rcpt_tos), sorted(RECIPIENTS))
        self.assertIn(self.subject.encode(), msg.data)
        self.assertIn(ATTACHMENT_NAME.encode(), msg.data)
        self.assertIn(b"application/pdf", msg.data)
        events = self.audit_events(self.sg, self.subject)
        self.assertIn("confirmed", events)
        confirmed = [e for e in self.sg.audit() if e.get("subject") == self.subject and e.get("event") == "confirmed"]
        self.assertEqual(confirmed[0].get("detail"), "user", confirmed)
        h.wait_until(lambda: "relayed" in self.audit_events(self.sg, self.subject), 10,
                     message="the relayed audit line")


if __name__ == "__main__":
    unittest.main()
