#!/usr/bin/env bash
# Builds the Linux packages of 督办台 (Duban Desk) from a checkout, with one command:
#
#   installer/build-linux.sh
#
# Results, in target/installer/:
#   duban-desk_VERSION-1_amd64.deb          install: sudo apt install ./duban-desk_VERSION-1_amd64.deb
#                                            (program in /opt/duban-desk, menu entry 督办台 under Office)
#   duban-desk/                              the app-image: runs in place with duban-desk/bin/duban-desk
#   duban-desk-VERSION-linux-x64.tar.gz      the app-image packed, for machines where nothing may be installed
#
# Needs: JDK 17+ with jlink and jpackage (the same JDK), Maven 3.8+, fakeroot and dpkg-deb (Debian/Ubuntu),
# objcopy (binutils; jlink strips native debug symbols with it). Tests are not run here: run `mvn verify`.
#
# How it is put together: the program is not modular, so jlink makes a trimmed runtime of the JDK modules
# in package.properties plus the JavaFX jars of this platform (modular jars, on --module-path); the
# program's own jar and its other libraries go on the class path. JavaFX is thus loaded as named modules
# (the supported way) and is not a second time inside a fat jar. JavaFX's native libraries are placed in the
# runtime's lib/ folder, where JavaFX looks first, so nothing is unpacked into the user's home at start.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT=build-linux.sh
# shellcheck source=installer/common.sh
source installer/common.sh

need_tools java jlink jpackage jar mvn fakeroot dpkg-deb objcopy
build_inputs
link_runtime so
# jpackage lists the packages that provide what these libraries link against: they must be installed here.
missing=$(cd "$NATIVES" && for so in *.so; do ldd "$so" | sed -n "s/^\t\(.*\) => not found/\1 (for $so)/p"; done | sort -u)
[ -z "$missing" ] || die "libraries missing on this machine, so the package's dependencies would be incomplete:
$missing
Install them first (Debian/Ubuntu: apt-get install libgtk-3-0 libgl1 libxxf86vm1 libxtst6)."

common=(--name "$PACKAGE" --app-version "$VERSION" --vendor "$(prop vendor)"
        --description "$(prop description)" --copyright "$(prop copyright)"
        --icon "$ROOT/assets/icons/duban-256.png" --dest "$OUT")

java_options
say "Making the app-image (jpackage --type app-image)"
jpackage --type app-image "${common[@]}" ${JAVA_OPTIONS[@]+"${JAVA_OPTIONS[@]}"} \
  --input "$OUT/input" --main-jar "$PACKAGE.jar" --main-class "$(prop main.class)" \
  --runtime-image "$OUT/runtime"

say "Making the .deb (jpackage --type deb)"
# jpackage derives Depends from the native libraries in the runtime (ldd, then dpkg -S). Because JavaFX's
# libraries sit in the runtime's lib/, GTK 3, OpenGL, Pango and fontconfig are found too (left inside the
# jars, they would be missed: installer/test-linux-package.sh checks that libgtk-3-0 is there). The Chinese
# font is inside the program, so no font package is needed. installer/linux/ holds the menu entry (name
# 督办台, English name, icon, category Office) and the control file with a Chinese and English description.
jpackage --type deb "${common[@]}" \
  --app-image "$OUT/$PACKAGE" \
  --linux-package-name "$PACKAGE" --linux-app-release 1 \
  --linux-deb-maintainer "$(prop maintainer.email)" \
  --linux-menu-group Office --linux-shortcut \
  --resource-dir "$ROOT/installer/linux"

say "Packing the app-image"
tar -C "$OUT" -czf "$OUT/$PACKAGE-$VERSION-linux-x64.tar.gz" "$PACKAGE"
rm -rf "$NATIVES"

say "Done"
ls -lh "$OUT"/*.deb "$OUT"/*.tar.gz
du -sh "$OUT/$PACKAGE"
