#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the installer sources that cannot be built on Linux, as far as Linux can.

Run by installer/windows/check-wix.sh (ctest: installer.check-wix).

- every XML file (WiX, ADMX/ADML, plists, distribution.xml) is well-formed (xmllint --noout);
- the plists load with plistlib and say what the package needs (label, RunAtLoad, paths);
- sendguard.admx, en-US and ja-JP sendguard.adml agree with each other (every string and
  presentation, same ids in both languages, controls matching the elements), and with the
  configuration: value names = configuration key paths, ranges and choices as in
  app/core/ConfigLoader.cpp;
- the MSI sources agree with each other and with the ADMX (property -> value name, one
  conditional component per value, remembered values, one UpgradeCode everywhere);
- the example configuration profile uses those key names with the right types;
- the shell scripts parse (sh -n);
- wixl (msitools) builds an MSI from SendGuard.wxs + MachineSettings.wxs with placeholder
  payload files, the component conditions wixl cannot express are put back with msibuild, and
  the MSI's tables are checked; the same for the harvested-runtime variant (heat output
  simulated, passed through heat-exclude-sendguard.xslt).

Exit status: 0 all passed, 1 something failed, 77 all passed but wixl is missing (MSI not built).
"""

import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))           # installer/
ROOT = os.path.dirname(HERE)                                 # the sources
WIN = os.path.join(HERE, "windows")
MAC = os.path.join(HERE, "macos")
LINUX = os.path.join(HERE, "linux")

WIX_NS = "{http://schemas.microsoft.com/wix/2006/wi}"
UTIL_NS = "{http://schemas.microsoft.com/wix/UtilExtension}"
PD_NS = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"
POLICY_KEY = r"Software\Policies\SendGuard"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

# The policy keys of the Group Policy template (= registry value names = configuration keys).
ADMX_KEYS = {
    "upstream.host", "upstream.port", "upstream.security",
    "policy.internal_domains", "policy.hold_seconds", "policy.mass_threshold",
    "policy.confirm", "policy.bcc_rewrite", "encryption.mode", "encryption.required_for",
}
# Keys the configuration does not know yet (being implemented elsewhere): reported, not failed.
PENDING_KEYS = set()
# The MSI's silent-install properties and the value each one writes.
MSI_PROPERTIES = {
    "UPSTREAM_HOST": "upstream.host",
    "UPSTREAM_PORT": "upstream.port",
    "UPSTREAM_SECURITY": "upstream.security",
    "INTERNAL_DOMAINS": "policy.internal_domains",
    "HOLD_SECONDS": "policy.hold_seconds",
    "MASS_THRESHOLD": "policy.mass_threshold",
}
LIST_KEYS = {"policy.internal_domains"}
INT_KEYS = {"upstream.port", "policy.hold_seconds", "policy.mass_threshold"}

APP_EXECUTABLE = "/Applications/SendGuard.app/Contents/MacOS/sendguard"

results = {"passed": 0, "failed": 0}
notes = []


def ok(what):
    results["passed"] += 1
    print("ok   - " + what)


def fail(what, detail=""):
    results["failed"] += 1
    print("FAIL - " + what + (": " + detail if detail else ""))


def check(condition, what, detail=""):
    if condition:
        ok(what)
    else:
        fail(what, detail)
    return condition


def rel(path):
    return os.path.relpath(path, ROOT)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run(args, timeout=30, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)


def project_version():
    m = re.search(r"project\(SendGuard VERSION ([0-9.]+)", read(os.path.join(ROOT, "CMakeLists.txt")))
    return m.group(1) if m else None


def is_guid(text):
    try:
        return str(uuid.UUID(text.strip("{}"))).upper() == text.strip("{}").upper()
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# XML and plists

XML_FILES = [
    os.path.join(WIN, "SendGuard.wxs"), os.path.join(WIN, "MachineSettings.wxs"),
    os.path.join(WIN, "MachineSettings.wxi"), os.path.join(WIN, "cpack-patch.xml"),
    os.path.join(WIN, "heat-exclude-sendguard.xslt"), os.path.join(WIN, "sendguard.admx"),
    os.path.join(WIN, "en-US", "sendguard.adml"), os.path.join(WIN, "ja-JP", "sendguard.adml"),
    os.path.join(MAC, "org.sendguard.agent.plist"), os.path.join(MAC, "org.sendguard.mobileconfig"),
    os.path.join(MAC, "distribution.xml"), os.path.join(MAC, "Info.plist.in"),
]


def check_xml_wellformed():
    xmllint = shutil.which("xmllint")
    for path in XML_FILES:
        if xmllint:
            proc = run([xmllint, "--noout", "--nonet", path])
            check(proc.returncode == 0, "xmllint --noout " + rel(path), proc.stderr.strip())
        else:
            try:
                ET.parse(path)
                ok("well-formed (xml.etree; xmllint missing) " + rel(path))
            except ET.ParseError as exc:
                fail("well-formed " + rel(path), str(exc))
    if xmllint:
        proc = run([xmllint, "--noout", "--html", os.path.join(MAC, "welcome.html")])
        check(proc.returncode == 0 and not proc.stderr.strip(), "xmllint --html macos/welcome.html",
              proc.stderr.strip())


def load_plist(path, text=None):
    data = (text if text is not None else read(path)).encode("utf-8")
    return plistlib.loads(data)


def check_plists():
    agent = load_plist(os.path.join(MAC, "org.sendguard.agent.plist"))
    check(agent.get("Label") == "org.sendguard.agent", "LaunchAgent: Label org.sendguard.agent")
    check(agent.get("RunAtLoad") is True, "LaunchAgent: RunAtLoad true")
    check(agent.get("ProgramArguments", [None])[0] == APP_EXECUTABLE,
          "LaunchAgent: runs " + APP_EXECUTABLE, repr(agent.get("ProgramArguments")))
    check(agent.get("LimitLoadToSessionType") == "Aqua", "LaunchAgent: GUI sessions only (Aqua)")
    keep = agent.get("KeepAlive")
    check(isinstance(keep, dict) and keep.get("SuccessfulExit") is False,
          "LaunchAgent: restarted after a crash, not after the user quits")

    info = load_plist(None, read(os.path.join(MAC, "Info.plist.in")).replace("@VERSION@", "0.1.0"))
    check(info.get("CFBundleExecutable") == os.path.basename(APP_EXECUTABLE),
          "Info.plist: CFBundleExecutable matches the LaunchAgent's program")
    check(info.get("CFBundleIdentifier", "").startswith("org.sendguard"), "Info.plist: bundle identifier")
    check(info.get("LSUIElement") is True, "Info.plist: menu-bar app (LSUIElement)")

    profile = load_plist(os.path.join(MAC, "org.sendguard.mobileconfig"))
    check(profile.get("PayloadType") == "Configuration" and profile.get("PayloadScope") == "System",
          "mobileconfig: a system-wide Configuration profile")
    content = profile.get("PayloadContent") or [{}]
    check(len(content) == 1 and content[0].get("PayloadType") == "org.sendguard",
          "mobileconfig: one payload for the preference domain org.sendguard")
    uuids = [profile.get("PayloadUUID", ""), content[0].get("PayloadUUID", "")]
    check(all(is_guid(u) for u in uuids) and len(set(uuids)) == 2, "mobileconfig: distinct valid PayloadUUIDs")
    idents = [profile.get("PayloadIdentifier", ""), content[0].get("PayloadIdentifier", "")]
    check(len(set(idents)) == 2 and all(idents), "mobileconfig: distinct PayloadIdentifiers")
    settings = {k: v for k, v in content[0].items() if not k.startswith("Payload")}
    unknown = set(settings) - ADMX_KEYS
    check(not unknown, "mobileconfig: keys are the policy keys (as in the ADMX)", repr(sorted(unknown)))
    bad = []
    for key, value in settings.items():
        if key in INT_KEYS and not (isinstance(value, int) and not isinstance(value, bool)):
            bad.append(key)
        elif key in LIST_KEYS and not (isinstance(value, list) and all(isinstance(x, str) for x in value)):
            bad.append(key)
        elif key not in INT_KEYS and key not in LIST_KEYS and not isinstance(value, str):
            bad.append(key)
    check(not bad, "mobileconfig: integers, arrays of strings and strings where expected", repr(bad))
    return settings


# ---------------------------------------------------------------------------------------------
# the configuration (app/core/ConfigLoader.cpp)

def config_schema():
    """{leaf key: ("int", min, max) | ("enum", [values]) | ("other",)} from ConfigLoader.cpp."""
    path = os.path.join(ROOT, "app", "core", "ConfigLoader.cpp")
    if not os.path.exists(path):
        return None
    text = read(path)
    schema = {}
    for m in re.finditer(r'intKey\("(\w+)",\s*([^,]+),\s*([^,]+),', text):
        try:
            lo = int(eval(m.group(2).replace("LL", ""), {}))  # noqa: S307 - literals like 60LL * 86400
            hi = int(eval(m.group(3).replace("LL", ""), {}))  # noqa: S307
        except Exception:  # noqa: BLE001
            continue
        schema.setdefault(m.group(1), ("int", lo, hi))
    for m in re.finditer(r'enumKey<[\w:]+>\(\s*"(\w+)",\s*\{(.*?)\}\s*,\s*\[', text, re.S):
        schema.setdefault(m.group(1), ("enum", re.findall(r'QStringLiteral\("([^"]*)"\)', m.group(2))))
    for m in re.finditer(r'(?:\w+Key|\{)\s*\(?"(\w+)"', text):
        schema.setdefault(m.group(1), ("other",))
    return schema


# ---------------------------------------------------------------------------------------------
# Group Policy template

def check_admx(schema):
    admx = ET.parse(os.path.join(WIN, "sendguard.admx")).getroot()
    string_refs, presentation_refs, policies = set(), set(), {}
    for el in admx.iter():
        for value in el.attrib.values():
            string_refs.update(re.findall(r"\$\(string\.(\w+)\)", value))
            presentation_refs.update(re.findall(r"\$\(presentation\.(\w+)\)", value))
    value_names = {}
    for policy in admx.iter(PD_NS + "policy"):
        name = policy.get("name")
        check(policy.get("key") == POLICY_KEY and policy.get("class") == "Machine",
              "ADMX %s: class Machine, key %s" % (name, POLICY_KEY))
        elements = policy.find(PD_NS + "elements")
        items = list(elements) if elements is not None else []
        check(len(items) == 1, "ADMX %s: one element (one registry value)" % name)
        policies[name] = items
        for item in items:
            value_names[item.get("valueName")] = (name, item)
    check(set(value_names) == ADMX_KEYS, "ADMX: value names are exactly the policy keys",
          "missing %r, extra %r" % (sorted(ADMX_KEYS - set(value_names)), sorted(set(value_names) - ADMX_KEYS)))

    for key, (name, item) in sorted(value_names.items()):
        kind = item.tag[len(PD_NS):]
        leaf = key.split(".", 1)[1]
        spec = schema.get(leaf) if schema is not None else None
        if schema is not None and spec is None:
            if key in PENDING_KEYS:
                notes.append("%s is in the ADMX but not yet in app/core/ConfigLoader.cpp (pending)" % key)
            else:
                fail("ADMX %s: %s is a configuration key (app/core/ConfigLoader.cpp)" % (name, key))
            continue
        if kind == "decimal":
            check(item.get("storeAsText") == "true", "ADMX %s: number stored as REG_SZ (storeAsText)" % name)
            if spec:
                check(spec[0] == "int" and (int(item.get("minValue")), int(item.get("maxValue"))) == spec[1:],
                      "ADMX %s: range %s..%s as in ConfigLoader" % (name, item.get("minValue"), item.get("maxValue")),
                      "ConfigLoader says %r" % (spec,))
        elif kind == "enum":
            values = [v.text for v in item.iter(PD_NS + "string")]
            if spec:
                check(spec[0] == "enum" and sorted(values) == sorted(spec[1]),
                      "ADMX %s: choices %s as in ConfigLoader" % (name, "/".join(values)),
                      "ConfigLoader says %r" % (spec,))
        elif kind == "text":
            ok("ADMX %s: text value %s" % (name, key))
        else:
            fail("ADMX %s: unexpected element %s" % (name, kind))

    adml_ids = {}
    for lang in ("en-US", "ja-JP"):
        adml = ET.parse(os.path.join(WIN, lang, "sendguard.adml")).getroot()
        strings = {s.get("id"): (s.text or "") for s in adml.iter(PD_NS + "string")}
        presentations = {p.get("id"): p for p in adml.iter(PD_NS + "presentation")}
        adml_ids[lang] = (set(strings), set(presentations))
        check(set(strings) == string_refs, "%s ADML: a string for every $(string.*) of the ADMX, no others" % lang,
              "missing %r, unused %r" % (sorted(string_refs - set(strings)), sorted(set(strings) - string_refs)))
        check(set(presentations) == presentation_refs,
              "%s ADML: a presentation for every policy" % lang,
              "missing %r" % sorted(presentation_refs - set(presentations)))
        check(all(v.strip() for v in strings.values()), "%s ADML: no empty string" % lang)
        for name, items in policies.items():
            pres = presentations.get(name)
            if pres is None:
                continue
            controls = {c.get("refId"): c.tag[len(PD_NS):] for c in pres if c.get("refId")}
            expected = {i.get("id"): {"text": "textBox", "decimal": "decimalTextBox",
                                      "enum": "dropdownList"}.get(i.tag[len(PD_NS):]) for i in items}
            check(controls == expected, "%s ADML %s: controls match the ADMX elements" % (lang, name),
                  "%r != %r" % (controls, expected))
        for key, (name, item) in value_names.items():
            help_text = strings.get(name + "_Help", "")
            check('"%s"' % key in help_text, "%s ADML %s: help names the registry value %s" % (lang, name, key))
    check(adml_ids["en-US"] == adml_ids["ja-JP"], "en-US and ja-JP ADML have the same ids")
    return value_names


# ---------------------------------------------------------------------------------------------
# WiX sources

def wix_tree(name):
    return ET.parse(os.path.join(WIN, name)).getroot()


def check_wix_sources(value_names):
    product = wix_tree("SendGuard.wxs").find(WIX_NS + "Product")
    upgrade = product.get("UpgradeCode", "")
    check(is_guid(upgrade), "SendGuard.wxs: UpgradeCode is a GUID")
    cpack = read(os.path.join(WIN, "CPackWix.cmake"))
    m = re.search(r'CPACK_WIX_UPGRADE_GUID\s+"([0-9A-F-]+)"', cpack)
    check(m and m.group(1) == upgrade.strip("{}"), "CPackWix.cmake: same UpgradeCode as SendGuard.wxs")
    package = product.find(WIX_NS + "Package")
    check(package.get("InstallScope") == "perMachine", "SendGuard.wxs: per-machine package")
    check(product.find(WIX_NS + "MajorUpgrade") is not None, "SendGuard.wxs: MajorUpgrade")
    version = re.search(r'<\?define Version = "([0-9.]+)"\?>', read(os.path.join(WIN, "SendGuard.wxs")))
    check(version and version.group(1) == project_version(),
          "SendGuard.wxs: default Version = project version %s" % project_version())

    wxi = ET.parse(os.path.join(WIN, "MachineSettings.wxi")).getroot()
    props = {p.get("Id"): p for p in wxi.iter(WIX_NS + "Property")}
    check(set(props) == set(MSI_PROPERTIES) | {"AUTOSTART"},
          "MachineSettings.wxi: the silent-install properties", repr(sorted(props)))
    for prop, key in MSI_PROPERTIES.items():
        p = props.get(prop)
        search = p.find(WIX_NS + "RegistrySearch") if p is not None else None
        check(p is not None and p.get("Secure") == "yes" and search is not None and
              search.get("Root") == "HKLM" and search.get("Key") == POLICY_KEY and
              search.get("Name") == key and search.get("Win64") == "yes",
              "property %s: Secure, remembered from HKLM\\%s\\%s (64-bit view)" % (prop, POLICY_KEY, key))
        check(key in value_names, "property %s writes an ADMX policy value (%s)" % (prop, key))

    settings_text = read(os.path.join(WIN, "MachineSettings.wxs"))
    settings = wix_tree("MachineSettings.wxs")
    setprops = list(settings.iter(WIX_NS + "SetProperty"))
    for prop in list(MSI_PROPERTIES) + ["AUTOSTART"]:
        saved = [s for s in setprops if s.get("Id") == "SG_CMDLINE_" + prop and s.get("Before") == "AppSearch"
                 and s.get("Value") == "[%s]" % prop and (s.text or "").strip() == prop]
        restored = [s for s in setprops if s.get("Id") == prop and s.get("After") == "AppSearch"
                    and s.get("Value") == "[SG_CMDLINE_%s]" % prop]
        check(len(saved) == 1 and len(restored) == 1 and
              all(s.get("Sequence") == "both" for s in saved + restored),
              "property %s: command-line value kept over the remembered one" % prop)
    components = {}
    for comp in settings.iter(WIX_NS + "Component"):
        components[comp.get("Id")] = comp
    conditions = component_conditions(settings_text)
    for prop, key in MSI_PROPERTIES.items():
        match = [c for c in components.values()
                 if any(r.get("Name") == key for r in c.iter(WIX_NS + "RegistryValue"))]
        ok_ = len(match) == 1
        if ok_:
            reg = match[0].find(WIX_NS + "RegistryValue")
            ok_ = (reg.get("Root") == "HKLM" and reg.get("Key") == POLICY_KEY and reg.get("Type") == "string"
                   and reg.get("Value") == "[%s]" % prop and reg.get("KeyPath") == "yes"
                   and conditions.get(match[0].get("Id")) == prop and match[0].get("Win64") == "yes")
        check(ok_, "%s -> REG_SZ HKLM\\%s\\%s, only when %s is set" % (prop, POLICY_KEY, key, prop))
    run_comps = [c for c in components.values()
                 if any(r.get("Key") == RUN_KEY for r in c.iter(WIX_NS + "RegistryValue"))]
    check(len(run_comps) == 1 and conditions.get(run_comps[0].get("Id")) == 'AUTOSTART <> "0"' and
          "[INSTALL_ROOT]bin\\sendguard.exe" in run_comps[0].find(WIX_NS + "RegistryValue").get("Value"),
          "autostart: HKLM Run value for bin\\sendguard.exe unless AUTOSTART=0")
    guids = [c.get("Guid") for c in components.values()]
    check(all(is_guid(g) for g in guids) and len(set(guids)) == len(guids),
          "MachineSettings.wxs: fixed, distinct component GUIDs")
    close = list(settings.iter(UTIL_NS + "CloseApplication"))
    check(len(close) == 1 and close[0].get("Target") == "sendguard.exe" and close[0].get("RebootPrompt") == "no"
          and close[0].get("TerminateProcess"), "running sendguard.exe closed on upgrade/repair/uninstall")
    group = [g.get("Id") for g in settings.iter(WIX_NS + "ComponentGroup")]
    patch = ET.parse(os.path.join(WIN, "cpack-patch.xml")).getroot()
    refs = [r.get("Id") for r in patch.iter("ComponentGroupRef")]
    check(refs == group == ["SendGuardMachineSettings"], "cpack-patch.xml adds MachineSettings to the feature")
    check(all("INSTALL_ROOT" == g.get("Directory") for g in settings.iter(WIX_NS + "ComponentGroup")),
          "MachineSettings.wxs: uses INSTALL_ROOT (defined by SendGuard.wxs and by CPack's template)")


def component_conditions(text):
    """{component id: condition} from the <Condition> children in a WiX source (raw text:
    they sit inside preprocessor blocks that ElementTree does not see as such)."""
    out = {}
    for m in re.finditer(r'<Component Id="(\w+)"[^>]*>(.*?)</Component>', text, re.S):
        c = re.search(r"<Condition>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</Condition>", m.group(2), re.S)
        if c:
            out[m.group(1)] = c.group(1).strip()
    return out


# ---------------------------------------------------------------------------------------------
# building the MSI with wixl

def wixl_variant(src_dir, dst_dir):
    """wixl needs '/' in Source paths; the rest is handled by -D Wixl=1 in the sources."""
    for name in ("SendGuard.wxs", "MachineSettings.wxs", "MachineSettings.wxi"):
        text = read(os.path.join(src_dir, name))
        text = re.sub(r'Source="([^"]*)"', lambda m: 'Source="%s"' % m.group(1).replace("\\", "/"), text)
        with open(os.path.join(dst_dir, name), "w", encoding="utf-8") as f:
            f.write(text)


def msi_table(msi, table):
    proc = run(["msiinfo", "export", msi, table])
    if proc.returncode != 0:
        return []
    lines = proc.stdout.replace("\r\n", "\n").split("\n")
    return [line.split("\t") for line in lines[3:] if line]


def wixl_build(work, args, out):
    proc = run(["wixl", "-a", "x64", "-D", "Wixl=1", "-D", "Version=" + project_version(),
                "-D", "PayloadDir=payload", "-o", out] + args, cwd=work, timeout=60)
    noise = re.compile(r"GLib-GObject-WARNING .*has no property named|builder\.vala:\d+: unimplemented|^\s*$")
    messages = [line for line in proc.stderr.splitlines() if not noise.search(line)]
    return proc.returncode == 0 and os.path.exists(os.path.join(work, out)), "\n".join(messages)


def check_full_wix_preprocessed(work):
    """The WiX (not wixl) branch of the sources after the preprocessor (wixl -E, which follows
    the same <?ifdef?>/<?include?> rules as candle): well-formed, with the parts wixl skips."""
    trees = {}
    for name in ("SendGuard.wxs", "MachineSettings.wxs"):
        proc = run(["wixl", "-E", "-D", "PayloadDir=payload", name], cwd=work)
        try:
            trees[name] = ET.fromstring(proc.stdout)
        except ET.ParseError as exc:
            fail("WiX branch of %s preprocesses to well-formed XML" % name, str(exc) + proc.stderr)
            return
        ok("WiX branch of %s preprocesses to well-formed XML (wixl -E)" % name)
    settings = trees["MachineSettings.wxs"]
    fragment = settings.find(WIX_NS + "Fragment")
    props = [p.get("Id") for p in fragment.findall(WIX_NS + "Property")]
    check(sorted(props) == sorted(list(MSI_PROPERTIES) + ["AUTOSTART"]),
          "WiX branch: properties (MachineSettings.wxi) inside the Fragment", repr(props))
    conditioned = {c.get("Id"): (c.find(WIX_NS + "Condition").text or "").strip()
                   for c in settings.iter(WIX_NS + "Component") if c.find(WIX_NS + "Condition") is not None}
    check(conditioned == component_conditions(read(os.path.join(WIN, "MachineSettings.wxs"))) and
          len(conditioned) == len(MSI_PROPERTIES) + 2,
          "WiX branch: every policy and autostart component has its <Condition>", repr(conditioned))
    check(len(list(settings.iter(WIX_NS + "SetProperty"))) == 2 * (len(MSI_PROPERTIES) + 1) and
          len(list(settings.iter(UTIL_NS + "CloseApplication"))) == 1,
          "WiX branch: SetProperty pairs and util:CloseApplication present")
    product = trees["SendGuard.wxs"].find(WIX_NS + "Product")
    check(not product.findall(WIX_NS + "Property[@Secure]"),
          "WiX branch: the properties are not also in <Product> (only the wixl variant has them there)")
    shortcuts = list(trees["SendGuard.wxs"].iter(WIX_NS + "Shortcut"))
    comp = [c for c in trees["SendGuard.wxs"].iter(WIX_NS + "Component") if c.find(WIX_NS + "Shortcut") is not None]
    reg = comp[0].find(WIX_NS + "RegistryValue") if len(comp) == 1 else None
    check(len(shortcuts) == 1 and shortcuts[0].get("Target") == "[#SendGuardExe]" and
          shortcuts[0].get("Advertise") in (None, "no") and reg is not None and reg.get("Root") == "HKCU"
          and reg.get("KeyPath") == "yes",
          "WiX branch: one non-advertised Start menu shortcut, in a component with an HKCU key path (ICE43)")
    refs = [r.get("Id") for r in product.iter(WIX_NS + "ComponentGroupRef")]
    groups = [g.get("Id") for t in trees.values() for g in t.iter(WIX_NS + "ComponentGroup")]
    check(all(r in groups for r in refs), "WiX branch: every ComponentGroupRef of the feature is defined",
          repr([r for r in refs if r not in groups]))


def check_msi_with_wixl():
    if not shutil.which("wixl"):
        notes.append("wixl (Debian package wixl, from msitools) is not installed: the MSI was NOT built")
        return False
    work = tempfile.mkdtemp(prefix="sg-wixl-")
    try:
        for name in ("SendGuard.wxs", "MachineSettings.wxs", "MachineSettings.wxi"):
            shutil.copy(os.path.join(WIN, name), work)
        check_full_wix_preprocessed(work)
        wixl_variant(WIN, work)
        sources = read(os.path.join(work, "SendGuard.wxs"))
        payload = sorted(set(re.findall(r'Source="\$\(var\.PayloadDir\)/([^"]+)"', sources)))
        for path in payload:
            full = os.path.join(work, "payload", path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write("placeholder for " + path + "\n")
        built, messages = wixl_build(work, ["SendGuard.wxs", "MachineSettings.wxs"], "SendGuard.msi")
        if not check(built, "wixl builds SendGuard.msi from SendGuard.wxs + MachineSettings.wxs", messages):
            return True
        msi = os.path.join(work, "SendGuard.msi")

        # What wixl cannot express: component conditions, SecureCustomProperties.
        conditions = component_conditions(read(os.path.join(WIN, "MachineSettings.wxs")))
        secure = ["WIX_DOWNGRADE_DETECTED", "WIX_UPGRADE_DETECTED"] + sorted(list(MSI_PROPERTIES) + ["AUTOSTART"])
        queries = ["UPDATE `Component` SET `Condition` = '%s' WHERE `Component` = '%s'" % (cond, comp)
                   for comp, cond in conditions.items()]
        queries.append("UPDATE `Property` SET `Value` = '%s' WHERE `Property` = 'SecureCustomProperties'"
                       % ";".join(secure))
        for q in queries:
            proc = run(["msibuild", msi, "-q", q])
            if proc.returncode != 0:
                fail("msibuild: " + q, proc.stderr.strip())
        check_msi_tables(msi, payload, conditions)

        # The harvested-runtime variant: heat's output for bin\, plugins\ and translations\
        # (simulated), bin\ passed through the transform that drops sendguard.exe.
        if shutil.which("xsltproc"):
            harvests = {}
            for name, text in HEAT_SAMPLES.items():
                with open(os.path.join(work, "heat-" + name), "w") as f:
                    f.write(text)
            proc = run(["xsltproc", "-o", os.path.join(work, "QtRuntimeBin.wxs"),
                        os.path.join(WIN, "heat-exclude-sendguard.xslt"), os.path.join(work, "heat-QtRuntimeBin.wxs")])
            transformed = read(os.path.join(work, "QtRuntimeBin.wxs")) if proc.returncode == 0 else ""
            check(proc.returncode == 0 and "sendguard.exe" not in transformed and "Qt6Core.dll" in transformed,
                  "heat-exclude-sendguard.xslt drops bin\\sendguard.exe from the harvest", proc.stderr.strip())
            harvests["QtRuntimeBin.wxs"] = transformed
            for name in ("QtRuntimePlugins.wxs", "QtRuntimeTranslations.wxs"):
                harvests[name] = HEAT_SAMPLES[name]
            stage = {"StageBin": "payload/bin/", "StagePlugins": "payload/plugins/",
                     "StageTranslations": "payload/translations/"}
            for name, text in harvests.items():
                text = re.sub(r'Source="\$\(var\.(\w+)\)\\([^"]*)"',
                              lambda m: 'Source="%s%s"' % (stage[m.group(1)], m.group(2).replace("\\", "/")), text)
                with open(os.path.join(work, name), "w") as f:
                    f.write(text)
            built, messages = wixl_build(work, ["-D", "HarvestedRuntime=1", "SendGuard.wxs", "MachineSettings.wxs"]
                                         + sorted(harvests), "Harvested.msi")
            if check(built, "wixl builds the harvested-runtime variant (-D HarvestedRuntime)", messages):
                files = {row[2] for row in msi_table(os.path.join(work, "Harvested.msi"), "File")}
                check(files == {"sendguard.exe", "sendguard_smime.dll", "sendguard_openpgp.dll",
                                "Qt6Core.dll", "qwindows.dll", "qtbase_ja.qm"},
                      "harvested variant: sendguard.exe once, the harvested files", repr(sorted(files)))
        else:
            notes.append("xsltproc is not installed: heat-exclude-sendguard.xslt was not tried")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return True


HEAT_SAMPLES = {
    # heat dir STAGE\bin -cg QtRuntimeBin -dr BINDIR -srd -ag -var var.StageBin (before the transform)
    "QtRuntimeBin.wxs": r"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
    <Fragment>
        <DirectoryRef Id="BINDIR">
            <Component Id="cmpCore" Guid="*" Win64="yes">
                <File Id="filCore" KeyPath="yes" Source="$(var.StageBin)\Qt6Core.dll" />
            </Component>
            <Component Id="cmpExe" Guid="*" Win64="yes">
                <File Id="filExe" KeyPath="yes" Source="$(var.StageBin)\sendguard.exe" />
            </Component>
        </DirectoryRef>
    </Fragment>
    <Fragment>
        <ComponentGroup Id="QtRuntimeBin">
            <ComponentRef Id="cmpCore" />
            <ComponentRef Id="cmpExe" />
        </ComponentGroup>
    </Fragment>
</Wix>
""",
    # heat dir STAGE\plugins -cg QtRuntimePlugins -dr QTPLUGINDIR -srd -ag -var var.StagePlugins
    "QtRuntimePlugins.wxs": r"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
    <Fragment>
        <DirectoryRef Id="QTPLUGINDIR">
            <Directory Id="dirPlatforms" Name="platforms">
                <Component Id="cmpQwindows" Guid="*" Win64="yes">
                    <File Id="filQwindows" KeyPath="yes" Source="$(var.StagePlugins)\platforms\qwindows.dll" />
                </Component>
            </Directory>
        </DirectoryRef>
    </Fragment>
    <Fragment>
        <ComponentGroup Id="QtRuntimePlugins">
            <ComponentRef Id="cmpQwindows" />
        </ComponentGroup>
    </Fragment>
</Wix>
""",
    # heat dir STAGE\translations -cg QtRuntimeTranslations -dr QTTRANSLATIONSDIR -srd -ag -var var.StageTranslations
    "QtRuntimeTranslations.wxs": r"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
    <Fragment>
        <DirectoryRef Id="QTTRANSLATIONSDIR">
            <Component Id="cmpQtbaseJa" Guid="*" Win64="yes">
                <File Id="filQtbaseJa" KeyPath="yes" Source="$(var.StageTranslations)\qtbase_ja.qm" />
            </Component>
        </DirectoryRef>
    </Fragment>
    <Fragment>
        <ComponentGroup Id="QtRuntimeTranslations">
            <ComponentRef Id="cmpQtbaseJa" />
        </ComponentGroup>
    </Fragment>
</Wix>
""",
}


def check_msi_tables(msi, payload, conditions):
    info = run(["msiinfo", "suminfo", msi]).stdout
    check("Template: x64;1033" in info, "MSI: 64-bit package (Template x64;1033)")
    props = {row[0]: row[1] for row in msi_table(msi, "Property")}
    check(props.get("UpgradeCode") == "{68363954-9AB8-4599-A180-5BC224991BC2}" and props.get("ALLUSERS") == "1",
          "MSI: UpgradeCode and ALLUSERS=1 (per machine)")
    upgrades = msi_table(msi, "Upgrade")
    check(len(upgrades) == 2 and all(r[0] == props.get("UpgradeCode") for r in upgrades),
          "MSI: Upgrade table finds older and newer versions (MajorUpgrade)")
    dirs = {row[0]: (row[1], row[2]) for row in msi_table(msi, "Directory")}

    def path_of(d):
        parts = []
        while d and d != "TARGETDIR":
            parent, name = dirs[d]
            parts.append(name.split("|")[-1])
            d = parent
        return "/".join(reversed(parts))
    files = {}
    comp_dir = {row[0]: row[2] for row in msi_table(msi, "Component")}
    for row in msi_table(msi, "File"):
        files[path_of(comp_dir[row[1]]) + "/" + row[2]] = row
    expected = {"ProgramFiles64Folder/SendGuard/" + p.replace("\\", "/") for p in payload}
    expected = {p.replace("ProgramFiles64Folder", ".") for p in expected}
    got = {p.replace("ProgramFiles64Folder", ".") for p in files}
    check(got == expected, "MSI: every payload file at its place (bin\\, plugins\\, translations\\, lib\\sendguard\\plugins\\)",
          "missing %r, extra %r" % (sorted(expected - got), sorted(got - expected)))
    check("./SendGuard/bin/sendguard.exe" in got and "./SendGuard/lib/sendguard/plugins/sendguard_smime.dll" in got,
          "MSI: plugins in ..\\lib\\sendguard\\plugins relative to sendguard.exe")
    comps = {row[0]: row for row in msi_table(msi, "Component")}
    check(all(int(row[3]) & 256 for row in comps.values()), "MSI: every component 64-bit")
    check({c: comps[c][4] for c in conditions} == conditions, "MSI: component conditions in place (msibuild)")
    registry = msi_table(msi, "Registry")
    values = {(r[1], r[2], r[3]): (r[4], r[5]) for r in registry}
    for prop, key in MSI_PROPERTIES.items():
        value, comp = values.get(("2", POLICY_KEY, key), (None, None))
        check(value == "[%s]" % prop and comps.get(comp, [""] * 5)[4] == prop,
              "MSI: HKLM\\%s\\%s = [%s] if %s" % (POLICY_KEY, key, prop, prop))
    run_value = values.get(("2", RUN_KEY, "SendGuard"))
    check(run_value and run_value[0] == '"[INSTALL_ROOT]bin\\sendguard.exe"',
          "MSI: HKLM Run entry starts bin\\sendguard.exe at logon")
    locators = {row[0]: row for row in msi_table(msi, "RegLocator")}
    appsearch = {row[0]: row[1] for row in msi_table(msi, "AppSearch")}
    for prop, key in MSI_PROPERTIES.items():
        loc = locators.get(appsearch.get(prop), [None] * 5)
        check(loc[2:5] == [POLICY_KEY, key, "18"], "MSI: AppSearch reads %s back (64-bit registry view)" % prop)
    shortcuts = msi_table(msi, "Shortcut")
    check(len(shortcuts) == 1 and shortcuts[0][1] == "ProgramMenuFolder" and shortcuts[0][2] == "SendGuard"
          and shortcuts[0][3] == "SendGuardExe", "MSI: Start menu shortcut SendGuard")
    check(props.get("SecureCustomProperties", "").count(";") == 8, "MSI: properties secure (passed to the server)")


# ---------------------------------------------------------------------------------------------
# the rest

def check_scripts_and_distribution():
    for path in (os.path.join(MAC, "build-pkg.sh"), os.path.join(MAC, "scripts", "preinstall"),
                 os.path.join(MAC, "scripts", "postinstall"), os.path.join(LINUX, "build-deb.sh"),
                 os.path.join(WIN, "check-wix.sh")):
        proc = run(["sh", "-n", path])
        check(proc.returncode == 0 and os.access(path, os.X_OK), "sh -n %s (and executable)" % rel(path),
              proc.stderr.strip())
    dist = ET.parse(os.path.join(MAC, "distribution.xml")).getroot()
    refs = [(p.get("id"), (p.text or "").strip()) for p in dist.iter("pkg-ref") if (p.text or "").strip()]
    script = read(os.path.join(MAC, "build-pkg.sh"))
    check(refs == [("org.sendguard.pkg", "SendGuard-component.pkg")] and
          "--identifier org.sendguard.pkg" in script and '"$work/SendGuard-component.pkg"' in script,
          "distribution.xml names the component package build-pkg.sh makes")
    for res in ("welcome", "license"):
        el = dist.find(res)
        check(el is not None and el.get("file") in script, "distribution.xml: %s file provided by build-pkg.sh" % res)
    check(APP_EXECUTABLE.split("/Contents/")[0].replace("/Applications", '$root/Applications') in script,
          "build-pkg.sh installs the app where the LaunchAgent runs it")


def check_policy_example():
    path = os.path.join(LINUX, "policy.json.example")
    try:
        data = json.loads(read(path))
        ok("linux/policy.json.example is JSON")
    except ValueError as exc:
        fail("linux/policy.json.example is JSON", str(exc))
        return
    flat = {"%s.%s" % (s, k) for s, keys in data.items() for k in keys}
    check(flat <= ADMX_KEYS, "policy.json.example: only keys IT can also set by GPO / profile",
          repr(sorted(flat - ADMX_KEYS)))
    binary = os.environ.get("SENDGUARD_BIN")
    if binary and os.access(binary, os.X_OK):
        env = dict(os.environ, SENDGUARD_POLICY_FILE=os.path.join(tempfile.gettempdir(), "sg-no-such-policy.json"))
        proc = run([binary, "check-config", "--config", path], env=env)
        check(proc.returncode == 0, "sendguard check-config accepts policy.json.example",
              (proc.stdout + proc.stderr).strip())


def guarded(what, fn, *args, default=None):
    """Runs one group of checks; a file that cannot even be parsed is one failure, not a crash."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001
        fail(what, "%s: %s" % (type(exc).__name__, exc))
        return default


def main():
    os.chdir(HERE)
    check_xml_wellformed()
    mobile = guarded("plists load with plistlib", check_plists, default={})
    schema = config_schema()
    if schema is None:
        notes.append("app/core/ConfigLoader.cpp not found: ranges and choices not compared")
    value_names = guarded("Group Policy templates", check_admx, schema, default={})
    for key, value in mobile.items():
        name, item = value_names.get(key, (None, None))
        if item is not None and item.tag == PD_NS + "enum":
            choices = [v.text for v in item.iter(PD_NS + "string")]
            check(value in choices, "mobileconfig %s = %r is one of the ADMX choices" % (key, value))
    guarded("WiX sources", check_wix_sources, value_names)
    guarded("policy example", check_policy_example)
    guarded("scripts and distribution.xml", check_scripts_and_distribution)
    built = guarded("MSI built with wixl", check_msi_with_wixl, default=True)

    for note in notes:
        print("NOTE - " + note)
    print("check-installers: %d passed, %d failed" % (results["passed"], results["failed"]))
    if results["failed"]:
        return 1
    if not built:
        print("SKIPPED: the MSI was not built (install wixl / msitools); all other checks passed")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
