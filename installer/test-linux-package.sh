#!/usr/bin/env bash
# Builds the .deb (installer/build-linux.sh) and checks it as an office PC would see it:
#   1. its metadata and dependencies (dpkg-deb --field / --contents);
#   2. installed into a scratch root (dpkg -x, nothing is installed on this machine), the launcher runs
#      headless: --version, then init/sample/stats on a new database (the bundled runtime's SQLite, locales);
#   3. when Xvfb and xdotool are there, the installed program opens its welcome window on a fresh data
#      folder, Enter takes the sample, and the main window opens on the new database.
# Ends with "N passed, M failed"; exits non-zero when a check failed.
#
#   installer/test-linux-package.sh            build, then check
#   installer/test-linux-package.sh --no-build check the .deb already in target/installer/
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD

passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL %s\n' "$1"; [ -n "${2:-}" ] && printf '       %s\n' "$2"; }
check() { # description, then a command that must succeed
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}
contains() { [[ $1 == *"$2"* ]]; }

if [ "${1:-}" != "--no-build" ]; then
  start=$(date +%s)
  installer/build-linux.sh || { echo "build-linux.sh failed"; echo "0 passed, 1 failed"; exit 1; }
  echo "Build took $(($(date +%s) - start)) s"
fi

VERSION=$(sed -n 's/^version=//p' target/classes/org/duban/version.properties)
ARCH=$(dpkg --print-architecture)
DEB=target/installer/duban-desk_${VERSION}-1_${ARCH}.deb
echo
echo "== Checking $DEB"
[ -f "$DEB" ] || { bad "the .deb exists" "$DEB is missing"; echo "$passed passed, $failed failed"; exit 1; }
ok "the .deb exists ($(du -h "$DEB" | cut -f1))"

field() { dpkg-deb --field "$DEB" "$1"; }
check "Package is duban-desk" test "$(field Package)" = duban-desk
check "Version is the pom's ($VERSION-1)" test "$(field Version)" = "$VERSION-1"
check "Architecture is $ARCH" test "$(field Architecture)" = "$ARCH"
check "Maintainer is set" test -n "$(field Maintainer)"
description=$(field Description)
if [[ $description == *督办台* && $description == *"Duban Desk"* ]]; then ok "Description names 督办台 and Duban Desk"; else bad "Description names 督办台 and Duban Desk" "$description"; fi
depends=$(field Depends)
for dep in libgtk-3-0 libc6 libfreetype6 libfontconfig1 libpango-1.0-0 libx11-6 xdg-utils; do
  if [[ ", $depends," == *", $dep,"* || ", $depends," == *", $dep "* ]]; then ok "Depends on $dep"; else bad "Depends on $dep" "$depends"; fi
done
contents=$(dpkg-deb --contents "$DEB")
for f in ./opt/duban-desk/bin/duban-desk ./opt/duban-desk/lib/app/duban-desk.jar ./opt/duban-desk/lib/duban-desk.png \
         ./opt/duban-desk/lib/duban-desk-duban-desk.desktop ./opt/duban-desk/lib/runtime/lib/libglassgtk3.so; do
  if contains "$contents" "$f"; then ok "contains $f"; else bad "contains $f"; fi
done
if grep -Eq '/javafx-(base|graphics|controls)-' <<<"$contents"; then bad "JavaFX is linked into the runtime, not shipped as jars"; else ok "JavaFX is linked into the runtime, not shipped as jars"; fi
postinst=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xOf - ./postinst 2>/dev/null)
if contains "$postinst" "xdg-desktop-menu install"; then ok "postinst installs the menu entry"; else bad "postinst installs the menu entry"; fi

scratch=$(mktemp -d /tmp/duban-deb-test.XXXXXX)
gui_pid=
xvfb_pid=
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
dpkg -x "$DEB" "$scratch/root"
APP=$scratch/root/opt/duban-desk
check "menu entry is named 督办台" grep -qx 'Name=督办台' "$APP/lib/duban-desk-duban-desk.desktop"
check "menu entry has its English name" grep -qx 'Name\[en\]=Duban Desk' "$APP/lib/duban-desk-duban-desk.desktop"
check "menu entry starts /opt/duban-desk/bin/duban-desk" grep -qx 'Exec=/opt/duban-desk/bin/duban-desk' "$APP/lib/duban-desk-duban-desk.desktop"
check "menu entry shows the icon" grep -qx 'Icon=/opt/duban-desk/lib/duban-desk.png' "$APP/lib/duban-desk-duban-desk.desktop"
check "menu entry is under Office" grep -q '^Categories=Office;' "$APP/lib/duban-desk-duban-desk.desktop"
check "the icon is the project's (256 px PNG)" cmp "$APP/lib/duban-desk.png" "$ROOT/assets/icons/duban-256.png"
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "desktop-file-validate accepts the menu entry" desktop-file-validate "$APP/lib/duban-desk-duban-desk.desktop"
fi

echo
echo "== Running the installed launcher headless"
export DUBAN_DATA_DIR=$scratch/data
unset DISPLAY
out=$("$APP/bin/duban-desk" --version 2>&1)
if [[ $out == "督办台 Duban Desk $VERSION "* ]]; then ok "--version: $out"; else bad "--version prints the version" "$out"; fi
db=$scratch/headless.db
check "init makes a database with the default roster" "$APP/bin/duban-desk" --db "$db" init
check "sample adds the sample meeting" "$APP/bin/duban-desk" --db "$db" sample
json=$("$APP/bin/duban-desk" --db "$db" stats --json 2>&1)
tasks=$(printf '%s' "$json" | sed -n 's/^  "tasks": \([0-9]*\),$/\1/p')
if [ -n "$tasks" ] && [ "$tasks" -gt 0 ]; then ok "stats --json counts $tasks tasks"; else bad "stats --json counts the sample tasks" "$json"; fi
out=$("$APP/bin/duban-desk" --db "$db" --lang en init 2>&1)
status=$?
if [ $status -ne 0 ] && [[ $out == "Error: "* ]]; then ok "errors are one line in the chosen language"; else bad "errors are one line in the chosen language" "$out"; fi

echo
echo "== Starting the installed program under Xvfb"
if command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1; then
  # Xvfb picks a free display itself and writes its number to the FIFO (-displayfd).
  mkfifo "$scratch/display"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$scratch/display" >"$scratch/xvfb.log" 2>&1 &
  xvfb_pid=$!
  read -r -t 30 display_number <"$scratch/display" || display_number=
  if [ -z "$display_number" ]; then
    bad "Xvfb starts" "$(cat "$scratch/xvfb.log")"
  else
    export DISPLAY=:$display_number
    gui_data=$scratch/gui-data
    DUBAN_DATA_DIR=$gui_data "$APP/bin/duban-desk" >"$scratch/gui.log" 2>&1 &
    gui_pid=$!
    welcome=$(timeout 90 xdotool search --sync --name '欢迎使用督办台' 2>/dev/null | head -1)
    if [ -n "$welcome" ]; then
      ok "the welcome window opens on a fresh data folder"
      if [ -e "$gui_data/duban.db" ]; then bad "no database before the user chooses"; else ok "no database before the user chooses"; fi
      xdotool windowfocus --sync "$welcome" key Return
      main=$(timeout 90 xdotool search --sync --name '督办台 — duban.db' 2>/dev/null | head -1)
      if [ -n "$main" ]; then ok "Enter takes the sample and the main window opens"; else bad "Enter takes the sample and the main window opens" "$(tail -5 "$scratch/gui.log")"; fi
      # The window holds the writer lock; `backup` only reads, so it copies the ledger while the window is open.
      json=$(DUBAN_DATA_DIR=$gui_data "$APP/bin/duban-desk" backup "$scratch/gui-copy.db" 2>&1 &&
             "$APP/bin/duban-desk" --db "$scratch/gui-copy.db" stats --json 2>&1)
      if [[ $json == *"\"tasks\": $tasks,"* ]]; then ok "the new duban.db holds the $tasks sample tasks"; else bad "the new duban.db holds the sample tasks" "$json"; fi
    else
      bad "the welcome window opens on a fresh data folder" "$(tail -20 "$scratch/gui.log"; tail -20 "$gui_data/logs/duban.log" 2>/dev/null)"
    fi
  fi
else
  echo "  (skipped: Xvfb or xdotool is not installed)"
fi

echo
echo "installer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
