#!/bin/sh
# Builds SendGuard.pkg on macOS (11 or later, Xcode command line tools, Qt 6 with macdeployqt,
# and the libraries of README.md, e.g. from Homebrew).
#
#   installer/macos/build-pkg.sh [BUILD_DIR]        (default: build-macos next to the sources)
#   SIGN_APP="Developer ID Application: ..." SIGN_PKG="Developer ID Installer: ..." to sign.
#
# Layout installed by the package:
#   /Applications/SendGuard.app/Contents/MacOS/sendguard          the program
#   /Applications/SendGuard.app/Contents/lib/sendguard/plugins/   encryption plugins (SendGuard
#                                                                 looks in <exe>/../lib/sendguard/plugins)
#   /Applications/SendGuard.app/Contents/Frameworks, PlugIns      Qt (macdeployqt)
#   /Library/LaunchAgents/org.sendguard.agent.plist               start at every login
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build-macos}
version=$(sed -n 's/^project(SendGuard VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
work="$build/pkg"
root="$work/root"
app="$root/Applications/SendGuard.app"

rm -rf "$work"
mkdir -p "$app/Contents/MacOS" "$root/Library/LaunchAgents" "$work/resources"

# 1. Build, and install into a staging prefix (bin/sendguard, lib/sendguard/plugins/).
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSENDGUARD_BUILD_TESTS=OFF \
      -DCMAKE_OSX_DEPLOYMENT_TARGET=11.0
cmake --build "$build"
cmake --install "$build" --prefix "$work/stage"

# 2. The app bundle: the program, its plugins beside it as it expects, Info.plist, then Qt.
cp "$work/stage/bin/sendguard" "$app/Contents/MacOS/sendguard"
mkdir -p "$app/Contents/lib/sendguard"
cp -R "$work/stage/lib/sendguard/plugins" "$app/Contents/lib/sendguard/plugins"
sed "s/@VERSION@/$version/g" "$here/Info.plist.in" > "$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"
set --
for plugin in "$app"/Contents/lib/sendguard/plugins/*; do   # .dylib or .so (CMake MODULE)
  [ -f "$plugin" ] && set -- "$@" "-executable=$plugin"
done
macdeployqt "$app" "$@" -always-overwrite
if [ -n "${SIGN_APP:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$SIGN_APP" "$app"
fi

# 3. The LaunchAgent.
cp "$here/org.sendguard.agent.plist" "$root/Library/LaunchAgents/"
plutil -lint "$root/Library/LaunchAgents/org.sendguard.agent.plist"

# 4. Component package: the bundle must stay in /Applications (not relocatable).
pkgbuild --analyze --root "$root" "$work/components.plist"
plutil -replace BundleIsRelocatable -bool NO "$work/components.plist"
pkgbuild --root "$root" --component-plist "$work/components.plist" \
         --identifier org.sendguard.pkg --version "$version" --install-location / \
         --scripts "$here/scripts" --ownership recommended \
         "$work/SendGuard-component.pkg"

# 5. Product archive (what users and MDMs install).
cp "$here/welcome.html" "$work/resources/"
cp "$here/../license-summary.txt" "$work/resources/license.txt"
if [ -n "${SIGN_PKG:-}" ]; then set -- --sign "$SIGN_PKG"; else set --; fi
productbuild --distribution "$here/distribution.xml" --resources "$work/resources" \
             --package-path "$work" "$@" "$build/SendGuard-$version.pkg"
pkgutil --check-signature "$build/SendGuard-$version.pkg" || true
echo "build-pkg: $build/SendGuard-$version.pkg"
