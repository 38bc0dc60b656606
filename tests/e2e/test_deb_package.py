# SPDX-License-Identifier: GPL-3.0-or-later
"""The Debian package, end to end.

CPack builds the .deb from this build tree (``cpack -G DEB``, a few seconds: the tree is
already built), ``dpkg-deb`` shows what is in it, and ``dpkg --root`` installs it into a
throw-away root with its own dpkg database (nothing touches the real system; no root needed:
``--force-not-root``; the package has no maintainer scripts, ``--force-script-chrootless``
just in case; ``--force-depends`` because that root has no other packages - the test checks
separately that this machine satisfies every Depends). Then the *installed* program runs from
there: ``--version``, ``check-config`` on the shipped policy example, a start with encryption
on that must load both plugins from the installed ``lib/sendguard/plugins`` (QT_DEBUG_PLUGINS
says from where), and a headless relay into the demo outbox with Python's smtplib. Last, the
package is removed and purged and must leave nothing behind.

Needs dpkg, dpkg-deb, dpkg-dev (dpkg-shlibdeps, used by CPack) and cpack; the ctest entry
passes SENDGUARD_BUILD_DIR and SENDGUARD_CPACK. Loopback only, no network.
"""

import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from sgharness import (LISTENING_MARKER, SGTestCase, make_message, sendguard_env, smtplib_send,
                       wait_until)

BUILD_DIR = os.environ.get("SENDGUARD_BUILD_DIR", "")
CPACK = os.environ.get("SENDGUARD_CPACK") or shutil.which("cpack") or ""

REQUIRED_FILES = {
    "usr/bin/sendguard",
    "usr/lib/sendguard/plugins/libsendguard_smime.so",
    "usr/lib/sendguard/plugins/libsendguard_openpgp.so",
    "usr/share/applications/sendguard.desktop",
    "usr/share/icons/hicolor/scalable/apps/sendguard.svg",
    "usr/share/doc/sendguard/copyright",
    "etc/xdg/autostart/sendguard.desktop",
    "etc/sendguard/policy.json.example",
    "etc/sendguard/README",
}
CONFFILES = {"/etc/xdg/autostart/sendguard.desktop", "/etc/sendguard/policy.json.example",
             "/etc/sendguard/README"}
# Packages the program needs at run time that dpkg-shlibdeps cannot see, and some it must find.
EXPECTED_DEPENDS = {"libqt6sql6-sqlite", "libqt6svg6", "gnupg", "libqt6core6", "libqt6network6",
                    "libqt6widgets6", "libqt6keychain1", "libgmime-3.0-0", "libssl3", "libgpgmepp6"}


def missing_tools():
    tools = ["dpkg", "dpkg-deb", "dpkg-shlibdeps"]
    missing = [t for t in tools if not shutil.which(t)]
    if not (CPACK and os.access(CPACK, os.X_OK)):
        missing.append("cpack")
    if not (BUILD_DIR and os.path.exists(os.path.join(BUILD_DIR, "CPackConfig.cmake"))):
        missing.append("SENDGUARD_BUILD_DIR with CPackConfig.cmake")
    return missing


def run(args, timeout=60, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)


def control_fields(info_text):
    """Fields of `dpkg-deb --info` (the control part), continuation lines joined."""
    fields, current = {}, None
    for line in info_text.splitlines():
        m = re.match(r"^ ([A-Za-z-]+): ?(.*)$", line)
        if m:
            current = m.group(1)
            fields[current] = m.group(2)
        elif current and line.startswith("  "):
            fields[current] += "\n" + line.strip()
    return fields


def host_satisfies(relation):
    """'pkg (>= 1.2)' installed on this machine?"""
    m = re.match(r"^\s*([a-z0-9][a-z0-9.+-]*)(?::\w+)?\s*(?:\(([<>=]+)\s*([^)]+)\))?\s*$", relation)
    if not m:
        return False
    name, op, version = m.groups()
    q = run(["dpkg-query", "-W", "-f=${Status}\t${Version}", name], timeout=20)
    if q.returncode != 0 or not q.stdout.startswith("install ok installed"):
        return False
    if not op:
        return True
    op = {">=": "ge", "<=": "le", ">>": "gt", "<<": "lt", "=": "eq"}[op]
    return run(["dpkg", "--compare-versions", q.stdout.split("\t")[1], op, version.strip()],
               timeout=20).returncode == 0


@unittest.skipIf(missing_tools(), "needs %s" % ", ".join(missing_tools()))
class DebPackageTest(SGTestCase):
    """Ordered: test_1 ... test_9 share one package and one installation (setUpClass)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sg-deb-")
        out = os.path.join(cls.tmp, "out")
        started = time.monotonic()
        proc = run([CPACK, "-G", "DEB", "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake"),
                    "-B", out], timeout=150, cwd=BUILD_DIR)
        cls.cpack_seconds = time.monotonic() - started
        debs = glob.glob(os.path.join(out, "sendguard_*.deb"))
        if proc.returncode != 0 or len(debs) != 1:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise AssertionError("cpack -G DEB failed (%s):\n%s\n%s" % (proc.returncode, proc.stdout, proc.stderr))
        cls.deb = debs[0]
        cls.root = os.path.join(cls.tmp, "root")
        admin = os.path.join(cls.root, "var", "lib", "dpkg")
        for d in ("info", "updates", "triggers"):
            os.makedirs(os.path.join(admin, d))
        for f in ("status", "available"):
            open(os.path.join(admin, f), "w").close()
        cls.dpkg_root = ["dpkg", "--root=" + cls.root, "--force-not-root", "--force-script-chrootless",
                         "--log=/dev/null"]
        cls.dpkg_env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
        proc = run(cls.dpkg_root + ["--force-depends", "-i", cls.deb], env=cls.dpkg_env)
        if proc.returncode != 0:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise AssertionError("dpkg --root -i failed:\n%s\n%s" % (proc.stdout, proc.stderr))
        cls.bin = os.path.join(cls.root, "usr", "bin", "sendguard")
        # The harness starts $SENDGUARD_BIN: the installed program, for this module.
        cls.saved_bin = os.environ.get("SENDGUARD_BIN")
        os.environ["SENDGUARD_BIN"] = cls.bin

    @classmethod
    def tearDownClass(cls):
        if cls.saved_bin is None:
            os.environ.pop("SENDGUARD_BIN", None)
        else:
            os.environ["SENDGUARD_BIN"] = cls.saved_bin
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- helpers
    def installed(self, *parts):
        return os.path.join(self.root, *parts)

    def program_env(self):
        env = sendguard_env()
        for name in ("SENDGUARD_PLUGIN_DIR", "LD_LIBRARY_PATH", "QT_PLUGIN_PATH"):
            env.pop(name, None)
        home = self.make_tempdir("sg-deb-home-")
        env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                   XDG_DATA_HOME=os.path.join(home, ".local", "share"),
                   # the machine's own /etc/sendguard/policy.json must not interfere
                   SENDGUARD_POLICY_FILE=os.path.join(home, "no-policy.json"))
        return env

    def installed_sendguard(self, config, extra_args=(), env=None):
        sg = self.make_sendguard(config=config, start=False, extra_args=list(extra_args))
        self.assertEqual(sg.bin, self.bin)
        sg.env = env or self.program_env()
        return sg

    # -- the package file
    def test_1_control(self):
        info = run(["dpkg-deb", "--info", self.deb])
        self.assertEqual(info.returncode, 0, info.stderr)
        f = control_fields(info.stdout)
        version = run([self.bin, "--version"], env=self.program_env()).stdout.split()[-1]
        arch = run(["dpkg", "--print-architecture"]).stdout.strip()
        self.assertEqual(f.get("Package"), "sendguard")
        self.assertTrue(f.get("Version", "").startswith(version + "-"), (f.get("Version"), version))
        self.assertEqual(f.get("Architecture"), arch)
        self.assertEqual(f.get("Section"), "mail")
        self.assertRegex(f.get("Maintainer", ""), r"^.+ <[^@ ]+@[^> ]+>$")
        self.assertIn("\n", f.get("Description", ""), "summary and long description")
        depends = [group.strip() for group in f.get("Depends", "").split(",")]
        names = {re.split(r"[\s(:]", group)[0] for group in depends}
        self.assertLessEqual(EXPECTED_DEPENDS, names, "Depends: %s" % f.get("Depends"))
        self.assertFalse([d for d in depends if "sendguard" in d], "no self-dependency")
        self.assertIn("gnome-keyring", f.get("Recommends", ""))
        # Every Depends is satisfiable: this machine (which runs the installed program below)
        # has one alternative of each.
        unmet = [g for g in depends if not any(host_satisfies(alt) for alt in g.split("|"))]
        self.assertEqual(unmet, [], "Depends not satisfied on this machine (typo, or missing from "
                                    "scripts/install-deps.sh?)")
        listed = set(run(["dpkg-deb", "-I", self.deb, "conffiles"]).stdout.split())
        self.assertEqual(listed, CONFFILES, "everything under /etc, and only that, is a conffile")
        scripts = run(["dpkg-deb", "-I", self.deb]).stdout
        for script in ("preinst", "postinst", "prerm", "postrm"):
            self.assertNotRegex(scripts, r"\b%s\b" % script, "no maintainer scripts are needed")

    def test_2_contents(self):
        listing = run(["dpkg-deb", "--contents", self.deb])
        self.assertEqual(listing.returncode, 0, listing.stderr)
        entries = {}
        for line in listing.stdout.splitlines():
            parts = line.split(None, 5)
            path = parts[5].split(" -> ")[0]
            entries[os.path.normpath(path).lstrip("./")] = (parts[0], parts[1])
        files = {p for p, (mode, _) in entries.items() if not mode.startswith("d")}
        self.assertLessEqual(REQUIRED_FILES, files, "missing: %r" % sorted(REQUIRED_FILES - files))
        self.assertNotIn("etc/sendguard/policy.json", files, "no active machine policy is shipped")
        self.assertEqual([p for p in files if not (p.startswith("usr/") or p.startswith("etc/"))], [])
        self.assertEqual([p for p in files if p.startswith("usr/local/") or p.endswith(".a") or
                          "/include/" in p or "/Test" in p], [], "no build or test leftovers")
        self.assertEqual({owner for _, owner in entries.values()}, {"root/root"})
        self.assertEqual(entries["usr/bin/sendguard"][0], "-rwxr-xr-x")
        self.assertTrue(all(entries[p][0] == "-rw-r--r--" for p in files if p.startswith("etc/")))

    # -- the installation
    def test_3_installed_files(self):
        for path in REQUIRED_FILES:
            self.assertTrue(os.path.isfile(self.installed(path)), path)
        status = run(["dpkg", "--root=" + self.root, "-s", "sendguard"]).stdout
        self.assertIn("Status: install ok installed", status)
        if shutil.which("desktop-file-validate"):
            for entry in ("usr/share/applications/sendguard.desktop", "etc/xdg/autostart/sendguard.desktop"):
                proc = run(["desktop-file-validate", self.installed(entry)])
                self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        with open(self.installed("etc/xdg/autostart/sendguard.desktop"), encoding="utf-8") as f:
            autostart = f.read()
        self.assertIn("\nExec=sendguard\n", autostart)
        self.assertIn("Name[ja]=", autostart)
        self.assertNotRegex(autostart, r"\n(Hidden=true|X-GNOME-Autostart-enabled=false)")
        # No RPATH into the build tree: everything comes from the system's library paths.
        if shutil.which("readelf"):
            for binary in [self.bin] + glob.glob(self.installed("usr/lib/sendguard/plugins/*.so")):
                dyn = run(["readelf", "-d", binary]).stdout
                self.assertNotRegex(dyn, r"R(UN)?PATH", binary)
        if shutil.which("ldd"):
            for binary in [self.bin] + glob.glob(self.installed("usr/lib/sendguard/plugins/*.so")):
                self.assertNotIn("not found", run(["ldd", binary]).stdout, binary)

    def test_4_version_and_policy_example(self):
        env = self.program_env()
        proc = run([self.bin, "--version"], env=env, timeout=20)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertRegex(proc.stdout, r"^SendGuard \d+\.\d+\.\d+")
        example = self.installed("etc/sendguard/policy.json.example")
        proc = run([self.bin, "check-config", "--config", example], env=env, timeout=20)
        self.assertEqual(proc.returncode, 0, "the shipped policy example must be valid:\n" + proc.stderr)

    def test_5_plugins_load_from_installed_folder(self):
        certs = self.make_tempdir("sg-deb-certs-")
        sg = self.installed_sendguard({"encryption": {"mode": "attachments", "method": "smime",
                                                      "smime_certificates": certs}},
                                      extra_args=["--demo"])
        sg.env["QT_DEBUG_PLUGINS"] = "1"
        sg.start(timeout=20)
        sg.stop(5)
        err = sg.all_stderr()
        plugins = os.path.realpath(self.installed("usr/lib/sendguard/plugins"))
        for name in ("libsendguard_smime.so", "libsendguard_openpgp.so"):
            self.assertRegex(err, r'"%s" loaded library' % re.escape(os.path.join(plugins, name)),
                             "plugin not loaded from the installed folder")
        self.assertNotRegex(err, r'no encryption plugin "\w+" was found')
        self.assertNotRegex(err, r"sendguard/plugins/\S+: (not a Qt plugin|cannot be loaded)")

    def test_6_headless_relay_into_demo_outbox(self):
        sg = self.installed_sendguard({}, extra_args=["--demo"])
        sg.start(timeout=20)
        self.assertIn(LISTENING_MARKER, sg.stderr_text())
        msg = make_message("deb package relay", to=("bob@example.net",))
        refused = smtplib_send(sg.port, "alice@example.com", ["bob@example.net"], msg, timeout=20)
        self.assertEqual(refused, {})
        outbox = sg.path("demo-outbox")
        emls = wait_until(lambda: glob.glob(os.path.join(outbox, "*.eml")), timeout=15,
                          message="a message in %s" % outbox)
        self.assertEqual(len(emls), 1)
        with open(emls[0], "rb") as f:
            delivered = f.read()
        self.assertIn(b"Subject: deb package relay", delivered)
        self.assertIn(b"this is the body of deb package relay", delivered)
        self.assertEqual(sg.stop(10), 0, "clean exit on SIGTERM")

    # -- removal (last)
    def test_9_remove_and_purge(self):
        proc = run(self.dpkg_root + ["-r", "sendguard"], env=self.dpkg_env)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertFalse(os.path.exists(self.bin))
        self.assertFalse(os.path.exists(self.installed("usr/lib/sendguard")))
        for conffile in CONFFILES:   # removed but not purged: the administrator's files stay
            self.assertTrue(os.path.exists(self.installed(conffile.lstrip("/"))), conffile)
        proc = run(self.dpkg_root + ["-P", "sendguard"], env=self.dpkg_env)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        left = [os.path.relpath(os.path.join(d, f), self.root)
                for d, _, names in os.walk(self.root) for f in names]
        self.assertEqual([p for p in left if not p.startswith("var/lib/dpkg/")], [],
                         "purge leaves nothing behind")
        self.assertEqual([p for p in left if "sendguard" in p], [])


if __name__ == "__main__":
    unittest.main()
