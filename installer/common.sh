# shellcheck shell=bash
# Steps shared by build-linux.sh and build-macos.sh (sourced, not run). Written for bash 3.2, which macOS
# ships: no mapfile, and arrays are only expanded when they are not empty (set -u).
#
# The caller sets SCRIPT (its name, for messages), is in the checkout's root, and then calls:
#   build_inputs              mvn -Pinstaller package; sets ROOT, OUT, VERSION, PACKAGE, FX_JARS
#   link_runtime EXT          jlink the runtime into $OUT/runtime and put JavaFX's native libraries (*.EXT)
#                             into its lib/ folder, where JavaFX loads them from; sets NATIVES (their folder)

say() { printf '\n== %s\n' "$*"; }
die() { printf '%s: %s\n' "$SCRIPT" "$*" >&2; exit 1; }
prop() { # key → value from installer/package.properties
  local line
  line=$(grep -m1 "^$1=" installer/package.properties) || die "installer/package.properties has no $1"
  printf '%s' "${line#*=}"
}
need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (see installer/README.md for what to install)"
  done
}

build_inputs() {
  ROOT=$PWD
  OUT=$ROOT/target/installer
  local java_major
  java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${java_major%%.*}" -ge 17 ] || die "JDK 17 or newer is needed (found $java_major)"

  say "Building the jar and collecting the libraries (mvn -Pinstaller package)"
  rm -rf "$OUT"
  # shellcheck disable=SC2086
  mvn -B -q -Pinstaller -DskipTests ${MVN_ARGS:-} clean package
  VERSION=$(sed -n 's/^version=//p' target/classes/org/duban/version.properties)
  [ -n "$VERSION" ] || die "no version in target/classes/org/duban/version.properties"
  PACKAGE=$(prop package)
  # The shade plugin keeps the program's own jar (without dependencies) as original-duban-desk.jar.
  cp target/original-duban-desk.jar "$OUT/input/$PACKAGE.jar"

  # The JavaFX jars with a platform classifier (javafx-graphics-21-linux.jar) are the modules; the jars
  # without one are empty stand-ins that only pull the right classifier in.
  FX_JARS=()
  local j
  for j in "$OUT"/javafx/*.jar; do
    [[ $(basename "$j") =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]] && continue
    FX_JARS+=("$j")
  done
  [ "${#FX_JARS[@]}" -gt 0 ] || die "no JavaFX platform jars in $OUT/javafx"
}

# JAVA_OPTIONS: --java-options OPT for each word of java.options in package.properties (the same for every launcher)
java_options() {
  local o
  JAVA_OPTIONS=()
  for o in $(prop java.options); do
    JAVA_OPTIONS+=(--java-options "$o")
  done
}

link_runtime() {
  local ext=$1 module_path j lib libs
  module_path=$(IFS=:; echo "${FX_JARS[*]}")
  say "Linking the runtime (jlink)"
  jlink --module-path "$module_path" \
    --add-modules "$(prop modules)" \
    --exclude-resources "glob:/javafx.graphics/*.$ext" \
    --strip-debug --no-header-files --no-man-pages --strip-native-commands \
    --include-locales=en,zh --compress=2 \
    --output "$OUT/runtime"
  NATIVES=$OUT/natives
  mkdir -p "$NATIVES"
  for j in "${FX_JARS[@]}"; do
    libs=()
    while IFS= read -r lib; do libs+=("$lib"); done < <(jar tf "$j" | grep "\\.$ext\$" || true)
    [ "${#libs[@]}" -eq 0 ] || (cd "$NATIVES" && jar xf "$j" "${libs[@]}")
  done
  cp "$NATIVES"/*."$ext" "$OUT/runtime/lib/"
}
