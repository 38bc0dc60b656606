# SPDX-License-Identifier: GPL-3.0-or-later
# CPack DEB generator for Debian 12 (and Ubuntu 22.04+): `cpack -G DEB` in a build tree, or
# installer/linux/build-deb.sh, or `cmake --build BUILD --target package`. Included from
# installer/CMakeLists.txt on Linux.
#
# Layout (prefix /usr): bin/sendguard, lib/sendguard/plugins/*.so, share/applications/,
# share/icons/hicolor/scalable/apps/, share/doc/sendguard/; /etc/xdg/autostart/sendguard.desktop,
# /etc/sendguard/{policy.json.example,README}. No maintainer scripts are needed: the menu and
# icon caches are refreshed by the dpkg triggers of desktop-file-utils and hicolor-icon-theme.

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

set(SENDGUARD_PACKAGE_MAINTAINER "SendGuard developers <sendguard@example.org>" CACHE STRING
    "Maintainer field of the .deb (Name <address>)")
set(CPACK_DEBIAN_PACKAGE_NAME "sendguard")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SENDGUARD_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "mail")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT") # sendguard_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE "1")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"SendGuard runs as a small SMTP server on the user's own computer, between the
mail program and the mail server. It reads every outgoing message and points out
what deserves a second look (external recipients, mass mail, look-alike domains,
first-time recipients, keywords, attachments), moves the addresses of mass mail to
Bcc, asks for confirmation, holds confirmed messages for a short delay so they can
still be recalled, and relays them over TLS. Japanese and English.")

# Libraries: computed by dpkg-shlibdeps (package dpkg-dev) from the binary and the plugins.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them:
#   libqt6sql6-sqlite  the Qt SQLite driver (recipient history)
#   libqt6svg6         the SVG icon engine that draws the tray and window icon
#   gnupg              gpg and gpg-agent, which GPGME runs for the OpenPGP plugin
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, gnupg")
# A Secret Service for QtKeychain (the local SMTP password, the upstream password).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk")

# Everything under /etc is a conffile: an administrator's changes survive upgrades.
set(SENDGUARD_CONFFILES_DIR "${CMAKE_CURRENT_BINARY_DIR}/deb-control")
if(IS_ABSOLUTE "${SENDGUARD_SYSCONFDIR}")
    file(WRITE "${SENDGUARD_CONFFILES_DIR}/conffiles"
         "${SENDGUARD_SYSCONFDIR}/xdg/autostart/sendguard.desktop\n"
         "${SENDGUARD_SYSCONFDIR}/sendguard/policy.json.example\n"
         "${SENDGUARD_SYSCONFDIR}/sendguard/README\n")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${SENDGUARD_CONFFILES_DIR}/conffiles")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
