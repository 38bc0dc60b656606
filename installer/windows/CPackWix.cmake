# SPDX-License-Identifier: GPL-3.0-or-later
# CPack WiX generator (WiX Toolset v3.11 on PATH or in %WIX%): `cpack -G WIX` in a Windows build
# tree makes a per-machine MSI from what `cmake --install` lays out (bin\sendguard.exe with the
# Qt DLLs that Qt's deploy script adds, lib\sendguard\plugins\*.dll), plus MachineSettings.wxs:
# the silent-install properties written to HKLM\Software\Policies\SendGuard, the autostart entry
# and the closing of running copies. Included from installer/CMakeLists.txt on Windows only.
#
# The hand-written installer/windows/SendGuard.wxs builds the same product (same UpgradeCode)
# with candle/light directly; installer/README.md describes both.

set(CPACK_GENERATOR "WIX")
# Fixed for the life of the product; the same as Product/@UpgradeCode in SendGuard.wxs.
set(CPACK_WIX_UPGRADE_GUID "68363954-9AB8-4599-A180-5BC224991BC2")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "SendGuard")
set(CPACK_WIX_ROOT_FEATURE_TITLE "SendGuard")
set(CPACK_WIX_ROOT_FEATURE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}")
# Start menu\Programs\SendGuard.lnk directly (no folder, no uninstall shortcut).
set(CPACK_PACKAGE_EXECUTABLES "sendguard" "SendGuard")
set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
set(CPACK_WIX_EXTRA_SOURCES "${CMAKE_CURRENT_LIST_DIR}/MachineSettings.wxs")
set(CPACK_WIX_PATCH_FILE "${CMAKE_CURRENT_LIST_DIR}/cpack-patch.xml")
# util:CloseApplication in MachineSettings.wxs.
set(CPACK_WIX_EXTENSIONS "WixUtilExtension")
set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}")
set(CPACK_WIX_PROPERTY_ARPNOMODIFY "1")
# Per machine: Program Files, and the Start menu and Programs and Features entries for all users.
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    set(CPACK_WIX_INSTALL_SCOPE "perMachine")
else()
    set(CPACK_WIX_PROPERTY_ALLUSERS "1")
endif()
