#!/usr/bin/env bash
# Builds the self-contained app image (run by `mvn -Pdist package`, after the jar and target/lib exist).
#   1. jdeps lists the JDK and JavaFX modules the app's jars use (plus jlink/modules-extra.txt);
#   2. jlink makes a runtime of just those modules, JavaFX taken from its modular platform jars
#      (its native libraries copied into the runtime's lib/ beside the JDK's own);
#   3. jpackage --type app-image puts the app's jar and the other jars (JOCL, EJML, JFreeChart, ...,
#      automatic modules jlink cannot take) beside that runtime, with the launcher bin/sharp-minima-lab.
# Usage: jlink/build-image.sh TARGET_DIR VERSION
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
target="$(cd "$1" && pwd)"
version="${2%%-*}"                      # jpackage wants digits: 0.1.0-SNAPSHOT -> 0.1.0
name=sharp-minima-lab
java_bin="$(dirname "$(readlink -f "$(command -v java)")")"
JLINK="${JLINK:-$java_bin/jlink}"; JPACKAGE="${JPACKAGE:-$java_bin/jpackage}"; JDEPS="${JDEPS:-$java_bin/jdeps}"

lib="$target/lib"
fx_jars=$(ls "$lib"/javafx-*-linux.jar | tr '\n' ':')
app_jars=$(ls "$lib"/*.jar | grep -v '/javafx-' || true)

# 1. modules: what jdeps finds (transitively, through the class path) plus the extras
found=$("$JDEPS" -q --multi-release 17 --ignore-missing-deps --print-module-deps --recursive \
    --module-path "$fx_jars" --class-path "$(echo "$app_jars" | tr '\n' ':')" "$target/$name.jar")
extra=$(grep -v '^\s*#' "$here/modules-extra.txt" | grep -v '^\s*$' | tr '\n' ',' | sed 's/,$//')
modules="$found${extra:+,$extra}"
echo "$modules" | tr ',' '\n' > "$target/jlink-modules.txt"
echo "jlink modules: $modules"

# 2. the runtime
runtime="$target/jlink-runtime"
rm -rf "$runtime" "$target/dist" "$target/dist-input"
"$JLINK" @"$here/jlink.args" --module-path "$fx_jars" --add-modules "$modules" --output "$runtime"
# JavaFX's .so files sit at the root of its platform jars; where JavaFX looks first is the runtime's lib/.
for j in "$lib"/javafx-*-linux.jar; do
  unzip -q -o -j "$j" '*.so' -d "$runtime/lib" 2>/dev/null || true
done

# 3. the app image: the runtime, the app's jar and the non-JavaFX jars
mkdir -p "$target/dist-input/lib"
cp "$target/$name.jar" "$target/dist-input/"
for j in $app_jars; do cp "$j" "$target/dist-input/lib/"; done
"$JPACKAGE" --type app-image --name "$name" --app-version "$version" \
    --dest "$target/dist" --runtime-image "$runtime" \
    --input "$target/dist-input" --main-jar "$name.jar" --main-class lab.sharpminima.Launcher \
    --icon "$root/assets/icons/$name-256.png" \
    --description "Interactive companion to 'Sharp Minima Can Generalize For Deep Nets'" \
    --java-options '-Xmx4g' --java-options '-XX:MaxGCPauseMillis=10'
image="$target/dist/$name"
cp "$root/src/main/resources/lab/sharpminima/about/licences.txt" "$image/THIRD-PARTY.txt"
cp "$here/README-image.txt" "$image/README.txt"
echo "app image: $image ($(du -sh "$image" | cut -f1); runtime $(du -sh "$image/lib/runtime" | cut -f1))"
