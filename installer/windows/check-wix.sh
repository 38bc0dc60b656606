#!/bin/sh
# Checks the Windows (and macOS) installer sources on Linux: XML well-formedness (xmllint),
# plists (plistlib), ADMX/ADML and MSI consistency, and an MSI built from SendGuard.wxs with
# wixl (msitools) with placeholder payload files. See installer/check_installers.py.
# ctest: installer.check-wix (label installer). Exit 77 (ctest: skipped) only when wixl is
# missing, after every other check passed; the message says so.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Debian's python3 (only the standard library is needed), else the first one on PATH.
py=${PYTHON:-}
if [ -z "$py" ]; then
  if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; else py=python3; fi
fi
command -v "$py" >/dev/null 2>&1 || { echo "check-wix: python3 is missing" >&2; exit 1; }
exec timeout 55 "$py" "$here/../check_installers.py"
