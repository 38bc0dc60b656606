# SPDX-License-Identifier: GPL-3.0-or-later
"""`sendguard check`: the real binary against aiosmtpd upstreams (plain, STARTTLS with a trusted
or a self-signed certificate, implicit TLS, nothing listening) and a dnsmasq DNS server with SPF
and DMARC records, all on loopback.

Qt 6.4's QDnsLookup always asks port 53, so dnsmasq listens on port 53 of a loopback address of
its own (127.53.x.y); that needs root (the DNS tests are skipped otherwise)."""

import json
import os
import random
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import unittest

import sgharness as h

DNSMASQ = shutil.which("dnsmasq") or "/usr/sbin/dnsmasq"

RECORDS = [
    ("example.test", "v=spf1 -all"),
    ("_dmarc.example.test", "v=DMARC1; p=reject; rua=mailto:d@example.test"),
    ("weak.test", "v=spf1 ~all"),
    ("_dmarc.weak.test", "v=DMARC1; p=none"),
    ("open.test", "v=spf1 +all"),
    ("open.test", "google-site-verification=abc123"),
    ("_dmarc.open.test", "v=DMARC1; p=quarantine; pct=50; rua=mailto:r@open.test"),
    # nodata.test exists (it has a child) but has no TXT record itself: NOERROR without answers
    ("_dmarc.nodata.test", "v=DMARC1; p=reject; rua=mailto:d@nodata.test"),
]


def dns_txt_query(server, name, timeout=1.0):
    """One TXT query over UDP; the response code (0 = NOERROR, 3 = NXDOMAIN) or None."""
    qid = random.randint(0, 65535)
    packet = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    packet += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    packet += struct.pack(">HH", 16, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        try:
            s.sendto(packet, (server, 53))
            data = s.recv(4096)
        except OSError:
            return None
    if len(data) < 12 or struct.unpack(">H", data[:2])[0] != qid:
        return None
    return data[3] & 0x0F


class DnsServer(h.LoggedProcess):
    """dnsmasq on port 53 of a loopback address of its own, answering only RECORDS
    (anything else under .test is NXDOMAIN)."""

    def __init__(self):
        self.address = "127.53.%d.%d" % (random.randint(1, 254), random.randint(1, 254))
        self.dir = tempfile.mkdtemp(prefix="sg-e2e-dns-")
        self.log = os.path.join(self.dir, "dnsmasq.log")
        self.proc = None

    def start(self):
        args = [DNSMASQ, "--no-daemon", "--port=53", "--listen-address=" + self.address,
                "--bind-interfaces", "--no-resolv", "--no-hosts", "--conf-file=/dev/null",
                "--pid-file=", "--local=/test/", "--log-queries", "--log-facility=-"]
        args += ["--txt-record=%s,%s" % (name, value) for name, value in RECORDS]
        self._logf = open(self.log, "wb")
        self.proc = subprocess.Popen(args, stdout=self._logf, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            if dns_txt_query(self.address, "example.test", 0.3) == 0:
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("dnsmasq did not answer on %s:53: %s" % (self.address, self.log_text()))

    def log_text(self):
        try:
            with open(self.log, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def stop(self):
        super().stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class LongLivedPKI:
    """A CA and a server certificate for 127.0.0.1/localhost valid for 400 days (the harness's
    test PKI lives 3 days, which `check` rightly reports as expiring soon)."""

    def __init__(self, directory):
        j = lambda name: os.path.join(directory, name)  # noqa: E731
        self.ca_cert, ca_key = j("ca.pem"), j("ca.key")
        self.server_cert, self.server_key = j("server.pem"), j("server.key")
        csr, ext = j("server.csr"), j("server.ext")
        with open(ext, "w") as f:
            f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                    "basicConstraints=critical,CA:FALSE\n"
                    "keyUsage=critical,digitalSignature,keyEncipherment\n"
                    "extendedKeyUsage=serverAuth\n")
        for args in (
                ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "400",
                 "-keyout", ca_key, "-out", self.ca_cert, "-subj", "/O=SendGuard E2E/CN=SendGuard Check CA",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                ["req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", self.server_key,
                 "-out", csr, "-subj", "/O=SendGuard E2E/CN=localhost"],
                ["x509", "-req", "-in", csr, "-CA", self.ca_cert, "-CAkey", ca_key, "-CAcreateserial",
                 "-out", self.server_cert, "-days", "400", "-sha256", "-extfile", ext]):
            proc = h.run(["openssl"] + args, timeout=60)
            if proc.returncode != 0:
                raise RuntimeError("openssl failed: %s" % proc.stderr.decode(errors="replace"))


def dns_unavailable():
    if not os.path.exists(DNSMASQ):
        return "dnsmasq is not installed (apt-get install dnsmasq-base)"
    if os.geteuid() != 0:
        return "needs root: Qt 6.4 asks DNS servers on port 53 only"
    return None


class CheckTest(h.SGTestCase):
    dns = None

    @classmethod
    def setUpClass(cls):
        cls.pki_dir = tempfile.mkdtemp(prefix="sg-e2e-pki-long-")
        cls.pki = LongLivedPKI(cls.pki_dir)
        if dns_unavailable() is None:
            cls.dns = DnsServer().start()

    @classmethod
    def tearDownClass(cls):
        if cls.dns is not None:
            cls.dns.stop()
        shutil.rmtree(cls.pki_dir, ignore_errors=True)

    def start_tls_upstream(self, tls="starttls"):
        return self.start_upstream(tls=tls, cert=self.pki.server_cert, key=self.pki.server_key)

    def need_dns(self):
        reason = dns_unavailable()
        if reason:
            self.skipTest(reason)

    def write_config(self, cfg):
        d = self.make_tempdir()
        path = os.path.join(d, "config.json")
        with open(path, "w") as f:
            json.dump(cfg, f)
        return path

    def config(self, up=None, security="starttls", ca=True, **sections):
        """A config file: `up` as the upstream (with the test CA), sections merged over it."""
        pki = self.pki
        cfg = {"listen": {"address": h.LOOPBACK, "port": h.free_port()},
               "relay": {"connect_timeout_seconds": 5}}
        if up is not None:
            cfg["upstream"] = {"host": h.LOOPBACK, "port": up.port, "security": security}
            if ca:
                cfg["upstream"]["ca_file"] = pki.ca_cert
        for key, value in sections.items():
            cfg = h.deep_merge(cfg, {key: value})
        return self.write_config(cfg)

    def check(self, config, *args, env=None, expect=None):
        argv = [h.sendguard_bin(), "check", "--json", "--config", config] + list(args)
        t0 = time.monotonic()
        proc = h.run(argv, timeout=60, env=env or h.sendguard_env())
        elapsed = time.monotonic() - t0
        self.assertLess(elapsed, 30, "check must be bounded in time")
        if expect is not None:
            self.assertEqual(proc.returncode, expect,
                             "stdout: %s\nstderr: %s" % (proc.stdout.decode(errors="replace"),
                                                          proc.stderr.decode(errors="replace")))
        report = json.loads(proc.stdout) if proc.stdout.strip() else None
        return proc, report

    @staticmethod
    def findings(report):
        return {f["id"]: f for f in report["findings"]}

    def dns_args(self):
        return ["--dns-server", self.dns.address]

    # -- the sender domain ----------------------------------------------------------------

    def test_good_domain_and_trusted_starttls_upstream(self):
        self.need_dns()
        up = self.start_tls_upstream()
        cfg = self.config(up)
        proc, report = self.check(cfg, "--sender-domain", "example.test", *self.dns_args(), expect=0)
        self.assertEqual(report["result"], "ok")
        self.assertEqual(report["exit_code"], 0)
        f = self.findings(report)
        for fid in ("config.no_plaintext", "upstream.tls", "upstream.certificate", "spf.ok", "dmarc.ok"):
            self.assertIn(fid, f, report)
            self.assertEqual(f[fid]["level"], "ok")
        u = report["upstream"]
        self.assertTrue(u["connected"])
        self.assertTrue(u["starttls_offered"])
        self.assertTrue(u["tls"])
        self.assertIn(u["tls_version"], ("TLSv1.2", "TLSv1.3"))
        cert = u["certificate"]
        self.assertTrue(cert["chain_valid"])
        self.assertTrue(cert["host_name_match"])
        self.assertFalse(cert["expired"])
        self.assertGreaterEqual(cert["days_left"], 1)
        self.assertEqual(cert["issuer"], "SendGuard Check CA")
        self.assertGreater(cert["days_left"], 300)
        d = report["sender_domain"]
        self.assertEqual(d["domain"], "example.test")
        self.assertEqual(d["dns_server"], "%s:53" % self.dns.address)
        self.assertEqual(d["spf"]["record"], "v=spf1 -all")
        self.assertEqual(d["spf"]["all"], "-all")
        self.assertEqual(d["dmarc"]["policy"], "reject")
        self.assertEqual(d["dmarc"]["rua"], ["mailto:d@example.test"])
        self.assertEqual(report["plaintext"], {"upstream_security_none": False, "verify_certificate_off": False,
                                               "listen_auth_none": False, "listen_starttls_off": False})
        # Nothing but EHLO, STARTTLS and QUIT reached the upstream.
        self.assertEqual({e[0] for e in up.events()}, {"EHLO"})
        self.assertEqual(up.messages(), [])

    def test_weak_domain(self):
        self.need_dns()
        cfg = self.config()
        _, report = self.check(cfg, "--sender-domain", "weak.test", *self.dns_args(), expect=1)
        self.assertEqual(report["result"], "warnings")
        f = self.findings(report)
        self.assertEqual(f["spf.softfail"]["level"], "warning")
        self.assertIn("-all", f["spf.softfail"]["advice"])
        self.assertEqual(f["dmarc.policy_none"]["level"], "warning")
        self.assertEqual(f["dmarc.no_reports"]["level"], "warning")
        self.assertEqual(report["sender_domain"]["spf"]["all"], "~all")
        self.assertEqual(report["sender_domain"]["dmarc"]["policy"], "none")

    def test_open_domain_and_partial_dmarc(self):
        self.need_dns()
        cfg = self.config()
        _, report = self.check(cfg, "--sender-domain", "open.test", *self.dns_args(), expect=1)
        f = self.findings(report)
        self.assertEqual(f["spf.pass_all"]["level"], "problem")
        self.assertEqual(report["result"], "problems")
        self.assertIn("dmarc.partial", f)
        self.assertEqual(report["sender_domain"]["dmarc"]["pct"], 50)
        # the unrelated TXT record is not taken for SPF
        self.assertEqual(report["sender_domain"]["spf"]["records"], ["v=spf1 +all"])

    def test_missing_records_and_domain_from_the_user_name(self):
        self.need_dns()
        cfg = self.config(upstream={"username": "taro@nothing.test"})
        _, report = self.check(cfg, *self.dns_args(), expect=1)
        self.assertEqual(report["sender_domain"]["domain"], "nothing.test")
        f = self.findings(report)
        self.assertEqual(f["spf.missing"]["level"], "warning")
        self.assertEqual(f["dmarc.missing"]["level"], "warning")
        self.assertIn("_dmarc.nothing.test", f["dmarc.missing"]["advice"])

    def test_domain_without_txt_records(self):
        """NOERROR without answers (NODATA) is "no SPF record", not a failed lookup."""
        self.need_dns()
        cfg = self.config()
        _, report = self.check(cfg, "--sender-domain", "nodata.test", *self.dns_args(), expect=1)
        f = self.findings(report)
        self.assertEqual(f["spf.missing"]["level"], "warning")
        self.assertNotIn("spf.lookup_failed", f)
        self.assertIn("dmarc.ok", f)
        self.assertIsNone(report["sender_domain"]["spf"]["lookup_error"])

    def test_dns_server_that_does_not_answer(self):
        cfg = self.config()
        silent = "127.54.%d.%d" % (random.randint(1, 254), random.randint(1, 254))
        _, report = self.check(cfg, "--sender-domain", "example.test", "--dns-server", silent, expect=1)
        f = self.findings(report)
        self.assertEqual(f["spf.lookup_failed"]["level"], "warning")
        self.assertEqual(f["dmarc.lookup_failed"]["level"], "warning")
        self.assertTrue(report["sender_domain"]["spf"]["lookup_error"])

    def test_dns_server_from_the_environment(self):
        self.need_dns()
        cfg = self.config()
        env = h.sendguard_env()
        env["SENDGUARD_DNS_SERVER"] = self.dns.address
        _, report = self.check(cfg, "--sender-domain", "example.test", env=env, expect=0)
        self.assertEqual(report["sender_domain"]["spf"]["all"], "-all")

    def test_dns_server_port(self):
        cfg = self.config()
        proc, report = self.check(cfg, "--sender-domain", "example.test", "--dns-server", "127.0.0.1:5353")
        if proc.returncode == 2:  # Qt < 6.6: only port 53
            self.assertIn(b"port 53", proc.stderr)
        else:
            self.assertEqual(report["sender_domain"]["dns_server"], "127.0.0.1:5353")
        proc, _ = self.check(cfg, "--dns-server", "not an address", expect=2)

    # -- the upstream -----------------------------------------------------------------------

    def test_upstream_without_starttls(self):
        up = self.start_upstream()
        cfg = self.config(up, security="starttls")
        _, report = self.check(cfg, expect=1)
        f = self.findings(report)
        self.assertEqual(f["upstream.no_starttls"]["level"], "problem")
        self.assertFalse(report["upstream"]["starttls_offered"])
        self.assertFalse(report["upstream"]["tls"])
        self.assertIsNone(report["upstream"]["certificate"])
        self.assertEqual(f["sender_domain.unknown"]["level"], "info")

    def test_self_signed_upstream_certificate(self):
        pki = h.get_pki()
        up = self.start_upstream(tls="starttls", cert=pki.self_cert, key=pki.self_key)
        cfg = self.config(up, security="starttls")
        _, report = self.check(cfg, expect=1)
        f = self.findings(report)
        self.assertEqual(f["upstream.certificate_untrusted"]["level"], "problem")
        self.assertIn("refuses", f["upstream.certificate_untrusted"]["message"])
        cert = report["upstream"]["certificate"]
        self.assertFalse(cert["chain_valid"])
        self.assertTrue(cert["self_signed"])
        self.assertTrue(report["upstream"]["tls"])

    def test_certificate_expiring_soon(self):
        pki = h.get_pki()  # the harness's: 3 days
        up = self.start_upstream(tls="starttls")
        cfg = self.write_config({"upstream": {"host": h.LOOPBACK, "port": up.port, "ca_file": pki.ca_cert},
                                 "relay": {"connect_timeout_seconds": 5}})
        _, report = self.check(cfg, expect=1)
        f = self.findings(report)
        self.assertEqual(f["upstream.certificate_expires_soon"]["level"], "warning")
        self.assertLessEqual(report["upstream"]["certificate"]["days_left"], 3)
        self.assertTrue(report["upstream"]["certificate"]["chain_valid"])

    def test_implicit_tls_upstream(self):
        up = self.start_tls_upstream("implicit")
        cfg = self.config(up, security="tls")
        _, report = self.check(cfg, expect=0)
        u = report["upstream"]
        self.assertTrue(u["tls"])
        self.assertIsNone(u["starttls_offered"])
        self.assertTrue(u["certificate"]["chain_valid"])
        self.assertIn("upstream.certificate", self.findings(report))

    def test_unreachable_upstream(self):
        port = h.free_port()
        cfg = self.write_config({"upstream": {"host": h.LOOPBACK, "port": port},
                                 "relay": {"connect_timeout_seconds": 3}})
        _, report = self.check(cfg, expect=1)
        self.assertEqual(self.findings(report)["upstream.unreachable"]["level"], "problem")
        self.assertFalse(report["upstream"]["connected"])
        self.assertTrue(report["upstream"]["error"])

    # -- the configuration ------------------------------------------------------------------

    def test_plaintext_configuration(self):
        up = self.start_tls_upstream()
        cfg = self.config(up, security="none", listen={"auth": "none", "starttls": False})
        proc, report = self.check(cfg, expect=1)
        self.assertEqual(report["plaintext"], {"upstream_security_none": True, "verify_certificate_off": False,
                                               "listen_auth_none": True, "listen_starttls_off": True})
        f = self.findings(report)
        self.assertEqual(f["config.upstream_plaintext"]["level"], "problem")
        self.assertEqual(f["config.listen_auth_none"]["level"], "warning")
        self.assertEqual(f["config.listen_plaintext"]["level"], "warning")
        self.assertEqual(f["upstream.starttls_available"]["level"], "info")
        self.assertTrue(report["upstream"]["starttls_offered"])

        cfg = self.config(up, security="starttls", upstream={"verify_certificate": False})
        _, report = self.check(cfg, expect=1)
        self.assertTrue(report["plaintext"]["verify_certificate_off"])
        self.assertEqual(self.findings(report)["config.certificate_not_verified"]["level"], "problem")

        # The same for people, in words.
        proc = h.run([h.sendguard_bin(), "check", "--config", cfg], timeout=60, env=h.sendguard_env())
        self.assertEqual(proc.returncode, 1)
        text = proc.stdout.decode()
        self.assertIn("[PROBLEM]", text)
        self.assertIn("verify_certificate", text)
        self.assertIn("->", text)

    def test_demo_upstream_defaults_are_fine(self):
        cfg = self.write_config({})
        _, report = self.check(cfg, expect=0)
        f = self.findings(report)
        self.assertEqual(f["config.demo_upstream"]["level"], "info")
        self.assertFalse(report["upstream"]["checked"])
        self.assertIsNone(report["sender_domain"])

    def test_invalid_configuration_exit_2(self):
        cfg = self.write_config({"upstream": {"security": "maybe"}})
        proc, report = self.check(cfg, expect=2)
        self.assertIsNone(report)
        self.assertIn(b"upstream.security", proc.stderr)
        missing = os.path.join(self.make_tempdir(), "nope.json")
        self.check(missing, expect=2)


if __name__ == "__main__":
    unittest.main()
