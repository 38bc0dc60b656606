#!/bin/sh
# Installs everything SendGuard needs to build, run and test on Debian 12.
# Safe to run again: apt-get only adds what is missing.
set -eu

# libgpgme-dev and libassuan-dev: the Gpgmepp CMake target of libgpgmepp-dev links them, but
# Debian 12 does not install them with it. gnupg (gpg, gpg-agent): the OpenPGP plugin and tests.
BUILD_PKGS="build-essential cmake ninja-build pkg-config git \
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
  libqt6sql6-sqlite qtkeychain-qt6-dev libgpgmepp-dev libgpgme-dev libassuan-dev \
  libgmime-3.0-dev libssl-dev libgl-dev openssl gnupg"
RUN_PKGS="gnome-keyring dbus dbus-bin fonts-noto-cjk"
# clang and its runtime build the libFuzzer target (scripts/fuzz.sh).
FUZZ_PKGS="clang libclang-rt-14-dev"
# xvfb + xdotool: the GUI end-to-end test (tests/e2e/test_gui_xvfb.py); imagemagick: its
# screenshot on failure and scripts/screenshots.sh.
# dpkg-dev (dpkg-shlibdeps for CPack), desktop-file-utils: tests/e2e/test_deb_package.py, which
# builds the .deb and checks that this machine satisfies its Depends (libqt6svg6: the tray icon).
# wixl + msitools (MSI from installer/windows/SendGuard.wxs), libxml2-utils (xmllint), xsltproc:
# installer/windows/check-wix.sh. dnsmasq-base: the DNS server with SPF/DMARC records on loopback
# for tests/e2e/test_check.py.
TEST_PKGS="swaks libnet-ssleay-perl libio-socket-ssl-perl msmtp python3 python3-aiosmtpd postfix xvfb xauth procps \
  xdotool imagemagick \
  dpkg-dev desktop-file-utils libqt6svg6 wixl msitools libxml2-utils xsltproc \
  dnsmasq-base"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

missing=""
for p in $BUILD_PKGS $RUN_PKGS $TEST_PKGS $FUZZ_PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "install-deps: installing:$missing"
  $SUDO apt-get update -qq
  # postfix is only needed for smtp-sink/smtp-source; no daemon is configured.
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "install-deps: all packages present"
fi
