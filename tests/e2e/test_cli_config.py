# SPDX-License-Identifier: GPL-3.0-or-later
"""Invalid configurations are refused (exit 2, FILE: KEY: REASON, nothing listening),
check-config, general CLI behaviour, and the queue commands (list/recall/release)."""

import datetime
import json
import os
import re
import subprocess
import time
import unittest
import uuid

import sgharness as h


def unique_subject(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:10])


def parse_iso_utc(text):
    t = text[:-1] + "+00:00" if text.endswith("Z") else text
    value = datetime.datetime.fromisoformat(t)
    if value.tzinfo is None or value.utcoffset() != datetime.timedelta(0):
        raise AssertionError("timestamp %r is not UTC" % text)
    return value


class InvalidConfigTest(h.SGTestCase):
    """11."""

    def setUp(self):
        self.bin = h.sendguard_bin()
        self.dir = self.make_tempdir()
        self.data = os.path.join(self.dir, "data")
        self.env = h.sendguard_env()

    def cases(self, port):
        return [
            ("unknown key", {"listen": {"port": port, "bogus_key": 1}}, "listen.bogus_key"),
            ("unknown section", {"listen": {"port": port}, "bogus": {"x": 1}}, "bogus"),
            ("wrong type", {"listen": {"port": port, "idle_timeout_seconds": "5"}}, "listen.idle_timeout_seconds"),
            ("wrong type bool", {"listen": {"port": port, "starttls": "yes"}}, "listen.starttls"),
            ("bad enum", {"listen": {"port": port}, "upstream": {"security": "ssl"}}, "upstream.security"),
            ("bad enum auth", {"listen": {"port": port, "auth": "optional"}}, "listen.auth"),
            ("non-loopback any", {"listen": {"port": port, "address": "0.0.0.0"}}, "listen.address"),
            ("non-loopback private", {"listen": {"port": port, "address": "192.168.1.10"}}, "listen.address"),
            ("port out of range", {"listen": {"port": 70000}}, "listen.port"),
            ("negative hold", {"listen": {"port": port}, "policy": {"hold_seconds": -1}}, "policy.hold_seconds"),
        ]

    def write(self, name, content):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def run_sendguard(self, cfg):
        try:
            return subprocess.run([self.bin, "--config", cfg, "--data-dir", self.data, "--headless", "--auto-confirm"],
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=15, env=self.env)
        except subprocess.TimeoutExpired:
            self.fail("sendguard kept running with an invalid config %s" % cfg)

    def assert_refused(self, proc, cfg, key, port):
        err = proc.stderr.decode(errors="replace")
        self.assertEqual(proc.returncode, 2, "exit code for %s; stderr: %s" % (cfg, err))
        self.assertIn(cfg, err, "stderr must name the file")
        if key is not None:
            self.assertRegex(err, r"(?m)^%s: %s: \S" % (re.escape(cfg), re.escape(key)),
                             "stderr must have a line 'FILE: KEY: REASON'")
        self.assertNotIn(h.LISTENING_MARKER, err)
        if port:
            self.assertFalse(h.port_accepts(port), "nothing may listen on %d" % port)

    def test_invalid_configs_refused_at_start(self):
        port = h.free_port()
        for i, (name, cfg, key) in enumerate(self.cases(port)):
            with self.subTest(case=name):
                path = self.write("bad-%d.json" % i, cfg)
                self.assert_refused(self.run_sendguard(path), path, key, port)

    def test_malformed_json_refused(self):
        port = h.free_port()
        path = self.write("malformed.json", '{"listen": {"port": %d,}\n' % port)
        proc = self.run_sendguard(path)
        self.assert_refused(proc, path, None, port)
        self.assertRegex(proc.stderr.decode(errors="replace"), r"(?m)^%s: " % re.escape(path))

    def test_one_line_per_problem(self):
        port = h.free_port()
        path = self.write("two.json", {"listen": {"port": port, "auth": "maybe"}, "relay": {"nope": True}})
        proc = self.run_sendguard(path)
        self.assert_refused(proc, path, "listen.auth", port)
        self.assert_refused(proc, path, "relay.nope", port)
        lines = [l for l in proc.stderr.decode().splitlines() if l.startswith(path + ": ")]
        self.assertGreaterEqual(len(lines), 2, proc.stderr)

    def test_missing_config_file_is_an_error(self):
        path = os.path.join(self.dir, "does-not-exist.json")
        proc = self.run_sendguard(path)
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn(path, proc.stderr.decode(errors="replace"))

    def test_check_config(self):
        port = h.free_port()
        for i, (name, cfg, key) in enumerate(self.cases(port)):
            with self.subTest(case=name):
                path = self.write("cc-%d.json" % i, cfg)
                proc = h.run([self.bin, "check-config", "--config", path], timeout=15, env=self.env)
                self.assert_refused(proc, path, key, None)
        path = self.write("cc-malformed.json", "{ not json")
        proc = h.run([self.bin, "check-config", "--config", path], timeout=15, env=self.env)
        self.assert_refused(proc, path, None, None)
        good = self.write("good.json", {"listen": {"port": port, "auth": "none"}, "policy": {"hold_seconds": 0},
                                        "upstream": {"host": "127.0.0.1", "port": 25, "security": "none"}})
        proc = h.run([self.bin, "check-config", "--config", good], timeout=15, env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertFalse(h.port_accepts(port), "check-config must not listen")
        empty = self.write("empty.json", "{}")
        self.assertEqual(h.run([self.bin, "check-config", "--config", empty], timeout=15, env=self.env).returncode, 0)

    def test_version_help_and_usage_error(self):
        proc = h.run([self.bin, "--version"], timeout=15, env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertRegex((proc.stdout + proc.stderr).decode(), r"\d+\.\d+\.\d+")
        proc = h.run([self.bin, "--help"], timeout=15, env=self.env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        proc = h.run([self.bin, "--no-such-option"], timeout=15, env=self.env)
        self.assertEqual(proc.returncode, 2, "an unknown option is a usage error")


class CredentialsTest(h.SGTestCase):

    def test_keychain_unavailable_exit_4(self):
        d = self.make_tempdir()
        env = h.sendguard_env()
        env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=%s/no-such-bus" % d
        proc = h.run([h.sendguard_bin(), "credentials", "set", "local", "--data-dir", os.path.join(d, "data")],
                     input=b"some-password\n", timeout=60, env=env)
        self.assertEqual(proc.returncode, h.EXIT_NO_KEYCHAIN, proc.stderr)


class QueueCliTest(h.SGTestCase):
    """12."""

    def test_list_recall_release(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"hold_seconds": 30}})
        s_recall, s_release = unique_subject("recall-me"), unique_subject("release-me")
        rcpts = ["bob@example.net", "carol@example.org"]
        t_before = datetime.datetime.now(datetime.timezone.utc)
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", rcpts, h.make_message(s_recall, to=rcpts)), {})
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["dave@example.net"],
                                        h.make_message(s_release, to=["dave@example.net"])), {})
        a = sg.wait_queue_state(s_recall, "held", 10)
        b = sg.wait_queue_state(s_release, "held", 10)
        for key in ("id", "state", "subject", "from", "recipients", "release_at", "created_at", "size", "attempts",
                    "last_error"):
            self.assertIn(key, a, "queue list --json entry lacks %r: %r" % (key, a))
        self.assertEqual(a["subject"], s_recall)
        self.assertEqual(a["from"], "alice@example.com")
        self.assertEqual(sorted(a["recipients"]), rcpts)
        self.assertIsInstance(a["size"], int)
        self.assertGreater(a["size"], 100)
        self.assertEqual(a["attempts"], 0)
        release_at, created_at = parse_iso_utc(a["release_at"]), parse_iso_utc(a["created_at"])
        self.assertAlmostEqual((release_at - created_at).total_seconds(), 30, delta=3)
        self.assertLess(abs((created_at - t_before).total_seconds()), 10)
        self.assertNotEqual(a["id"], b["id"])

        proc = sg.cli("queue", "list")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn(s_recall, proc.stdout.decode(errors="replace"), "human-readable list shows the subject")

        proc = sg.cli("queue", "recall", a["id"])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(sg.queue_item(id=a["id"])["state"], "recalled")

        proc = sg.cli("queue", "release", b["id"])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        msgs = up.wait_for_count(1, 10)
        self.assertIn(s_release.encode(), msgs[0].data)
        sg.wait_queue_state(s_release, "sent", 10)

        time.sleep(2)
        self.assertEqual(up.count(), 1, "the recalled message must never be relayed")
        self.assertEqual(sg.queue_item(id=a["id"])["state"], "recalled")

        events = sg.audit()
        self.assertIn("recalled", [e["event"] for e in events if e.get("id") == a["id"]])
        self.assertNotIn("relayed", [e["event"] for e in events if e.get("id") == a["id"]])
        b_events = [e["event"] for e in events if e.get("id") == b["id"]]
        self.assertIn("released", b_events)
        self.assertIn("relayed", b_events)

        # the recalled message stays recalled across a restart and is still never relayed
        sg.restart()
        self.assertEqual(sg.queue_item(id=a["id"])["state"], "recalled")
        time.sleep(1)
        self.assertEqual(up.count(), 1)

    def test_unknown_id_exit_1(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"hold_seconds": 30}})
        for verb in ("recall", "release"):
            with self.subTest(verb=verb):
                proc = sg.cli("queue", verb, "no-such-id-" + uuid.uuid4().hex[:6])
                self.assertEqual(proc.returncode, h.EXIT_REFUSED, proc.stderr)

    def test_release_of_recalled_message_is_a_deliberate_resend(self):
        """CONTRACT: release works on held, retrying, failed or recalled ("a deliberate re-send");
        a recalled message is otherwise never relayed."""
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up, config={"policy": {"hold_seconds": 4}})
        subject = unique_subject("recall-then-release")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        a = sg.wait_queue_state(subject, "held", 10)
        self.assertEqual(sg.cli("queue", "recall", a["id"]).returncode, 0)
        time.sleep(6)  # past the 4 s hold: a recalled message must stay put
        self.assertEqual(up.events(), [], "a recalled message must not reach the upstream")
        self.assertEqual(sg.queue_item(id=a["id"])["state"], "recalled")
        proc = sg.cli("queue", "release", a["id"])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        msgs = self.assert_exactly_once(up, 1, settle=2, timeout=10)
        self.assertIn(subject.encode(), msgs[0].data)
        sg.wait_queue_state(subject, "sent", 10)

    def test_recall_of_sent_message_exit_1(self):
        up = self.start_upstream()
        sg = self.make_sendguard(upstream=up)
        subject = unique_subject("recall-sent")
        self.assertEqual(h.smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], h.make_message(subject)), {})
        item = sg.wait_queue_state(subject, "sent", 15)
        self.assertEqual(sg.cli("queue", "recall", item["id"]).returncode, h.EXIT_REFUSED)
        self.assertEqual(sg.cli("queue", "release", item["id"]).returncode, h.EXIT_REFUSED)
        time.sleep(1)
        self.assertEqual(up.count(), 1)

    def test_queue_commands_without_instance_exit_3(self):
        empty = self.make_tempdir()
        bin_ = h.sendguard_bin()
        env = h.sendguard_env()
        for args in (["queue", "list", "--json"], ["queue", "list"], ["queue", "release", "X1"],
                     ["queue", "recall", "X1"]):
            with self.subTest(args=args):
                proc = h.run([bin_] + args + ["--data-dir", empty], timeout=20, env=env)
                self.assertEqual(proc.returncode, h.EXIT_NO_INSTANCE, proc.stderr)
        # also for the data dir of an instance that has stopped
        sg = self.make_sendguard()
        self.assertEqual(sg.queue_list(), [])
        sg.stop()
        self.assertEqual(sg.cli("queue", "list", "--json").returncode, h.EXIT_NO_INSTANCE)


if __name__ == "__main__":
    unittest.main()
