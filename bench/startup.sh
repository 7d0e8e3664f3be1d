#!/usr/bin/env bash
# Startup benchmark of the app image (build it first: mvn -Pdist package).
# Prints: the image's size; for each of RUNS launches, the time from JVM start to the first frame
# (-Dsml.startup.timing); then one run that opens every tab in turn and prints the used heap after GC
# (-Dsml.bench.views). Needs xvfb-run. Writes bench/results/startup-<date>.txt as well.
# Usage: bench/startup.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
image=target/dist/sharp-minima-lab
app="$image/bin/sharp-minima-lab"
[ -x "$app" ] || { echo "error: $app not found; build it with: mvn -Pdist package" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "error: xvfb-run not found; install the xvfb package" >&2; exit 2; }
out="bench/results/startup-$(date -u +%Y-%m-%d).txt"
mkdir -p bench/results
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# One launch: JAVA_TOOL_OPTIONS reaches the image's JVM through its native launcher.
launch() {
  JAVA_TOOL_OPTIONS="-Dprism.order=sw $1" timeout 300 \
    xvfb-run -a -s "-screen 0 1280x800x24" "$app" >"$log" 2>&1 || true
}

{
  echo "# Sharp Minima Lab startup benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# display: Xvfb, software rendering (prism.order=sw)"
  echo "image-size-mb $(du -sm "$image" | cut -f1)  (runtime $(du -sm "$image/lib/runtime" | cut -f1), app jars $(du -sm "$image/lib/app" | cut -f1))"
  echo "runtime-modules $(tr '\n' ',' < target/jlink-modules.txt | sed 's/,$//')"
  for i in $(seq 1 "$runs"); do
    # the view pass quits the app itself once every tab is measured; a timing-only run is quit after its frame
    JAVA_TOOL_OPTIONS="-Dprism.order=sw -Dsml.startup.timing=true" timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" \
      bash -c '"$0" >"$1" 2>&1 & pid=$!; for s in $(seq 1 240); do sleep 0.5; grep -q first-frame "$1" && break; done; kill $pid' \
      "$app" "$log" || true
    grep -o 'first-frame-ms [0-9]*' "$log" | sed "s/^/run $i /" || echo "run $i: no frame (see $log)"
  done
  launch "-Dsml.bench.views=true"
  grep -o 'heap-after-gc-mb .*' "$log" || echo "views: no measurements"
} | tee "$out"
echo "written: $out"
