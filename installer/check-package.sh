#!/usr/bin/env bash
# Build the Debian package from a finished build tree and check what it contains.
#
# Usage: installer/check-package.sh <build-dir> [app-id]
#   <build-dir>  CMake build directory holding CPackConfig.cmake (the project must be built)
#   [app-id]     reverse-DNS application id, default org.topograph.Topograph
# Environment: CPACK  cpack executable to use (default: cpack from PATH)
#
# The package is written to a temporary directory that is removed on exit, so the build tree is
# left as it was. Exits 0 when every expected file is in the package, 1 when some are missing,
# 2 on usage errors or when the package cannot be built.
set -euo pipefail

usage() {
    echo "usage: $0 <build-dir> [app-id]" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
build_dir=$1
app_id=${2:-org.topograph.Topograph}
cpack=${CPACK:-cpack}

if [[ ! -f "$build_dir/CPackConfig.cmake" ]]; then
    echo "error: $build_dir/CPackConfig.cmake not found; configure the project first" >&2
    exit 2
fi
for tool in "$cpack" dpkg dpkg-deb; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "error: '$tool' not found (cpack comes with CMake, dpkg with the dpkg package)" >&2
        exit 2
    fi
done

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/topograph-package.XXXXXX")
trap 'rm -rf -- "$work_dir"' EXIT

echo "== building the package in $work_dir"
if ! "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work_dir" >"$work_dir/cpack.log" 2>&1; then
    cat "$work_dir/cpack.log" >&2
    echo "error: cpack failed (is the project built?)" >&2
    exit 2
fi

shopt -s nullglob
debs=("$work_dir"/*.deb)
shopt -u nullglob
if [[ ${#debs[@]} -ne 1 ]]; then
    cat "$work_dir/cpack.log" >&2
    echo "error: expected exactly one .deb, found ${#debs[@]}" >&2
    exit 2
fi
deb=${debs[0]}
echo "== $(basename "$deb")"

# Field 6 of `dpkg -c` is the path; symlinks add " -> target" after it.
dpkg -c "$deb" | awk '{ print $6 }' >"$work_dir/contents.txt"

expected=(
    "./usr/bin/topograph"
    "./usr/bin/topograph-cli"
    "./usr/share/applications/$app_id.desktop"
    "./usr/share/metainfo/$app_id.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"
)
# Plugins that dpkg-shlibdeps cannot find; they are added to Depends by hand.
expected_depends=(libqt6sql6-mysql libqt6sql6-sqlite libqt6svg6)

missing=0
for path in "${expected[@]}"; do
    if grep -Fxq -- "$path" "$work_dir/contents.txt"; then
        echo "ok       $path"
    else
        echo "MISSING  $path"
        missing=1
    fi
done

depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
for package in "${expected_depends[@]}"; do
    # Depends is a comma separated list of "name [(version)]" entries.
    if tr ',' '\n' <<<"$depends" | awk '{ print $1 }' | grep -Fxq -- "$package"; then
        echo "ok       Depends: $package"
    else
        echo "MISSING  Depends: $package"
        missing=1
    fi
done

if [[ $missing -ne 0 ]]; then
    echo "== package contents:"
    cat "$work_dir/contents.txt"
    echo "error: the package lacks some of the expected files or dependencies" >&2
    exit 1
fi
echo "== package is complete"
