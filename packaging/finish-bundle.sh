#!/usr/bin/env bash
# After PyInstaller: desktop integration files, icons, a smaller libpython,
# and the archive users download. Usage: finish-bundle.sh dist/weaklink PYTHON
set -euo pipefail
bundle=$1 python=$2
here=$(cd "$(dirname "$0")" && pwd)
share="$bundle/share"
mkdir -p "$share/applications" "$share/metainfo"
cp "$here/weaklink.desktop" "$share/applications/"
cp "$here/io.github.weaklink.Weaklink.metainfo.xml" "$share/metainfo/"
QT_QPA_PLATFORM=offscreen "$python" "$here/make_icons.py" "$share/icons"
# libpython ships with its symbols (about 18 MB of 23); stripping the other
# libraries is unsafe (numpy's OpenBLAS breaks), so only this one.
if command -v strip >/dev/null; then
  strip --strip-unneeded "$bundle"/_internal/libpython3*.so.* 2>/dev/null || true
fi
version=$("$bundle/weaklink" --version | awk '{print $NF}')
archive="$(dirname "$bundle")/weaklink-$version-linux-$(uname -m).tar.gz"
tar -C "$(dirname "$bundle")" -czf "$archive" "$(basename "$bundle")"
echo "bundle: $(du -sh "$bundle" | cut -f1) unpacked, $(du -h "$archive" | cut -f1) as $(basename "$archive")"
