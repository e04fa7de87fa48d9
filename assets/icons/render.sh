#!/usr/bin/env bash
# Renders the icon sources into the files the program and the installers use:
#   duban-SIZE.png (16…512)  window icon (/assets/icons/duban-256.png …) and the Linux package icon
#   duban.ico                 Windows installer and launcher (16, 24, 32, 48, 64, 128, 256)
#   duban.icns                macOS application bundle (16 … 1024, PNG entries)
# Sizes up to 32 px come from duban-small.svg (fewer details, pixel-aligned), larger ones from duban.svg.
# The results are committed, so building the program or an installer never needs these tools.
# Needs: rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # size → PNG on stdout path $2
  local size=$1 out=$2 src=duban.svg
  [ "$size" -le 32 ] && src=duban-small.svg
  rsvg-convert -w "$size" -h "$size" "$src" -o "$out"
}

for s in 16 24 32 48 64 128 256 512; do
  render "$s" "duban-$s.png"
done
render 1024 "$tmp/duban-1024.png"

convert duban-16.png duban-24.png duban-32.png duban-48.png duban-64.png duban-128.png duban-256.png duban.ico

# ICNS: "icns", total length, then entries of (type, length, PNG bytes); lengths are 32-bit big-endian.
be32() { printf "\\x$(printf %02x $(($1 >> 24 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 & 255)))"; }
entries=("icp4 duban-16.png" "icp5 duban-32.png" "icp6 duban-64.png" "ic07 duban-128.png" "ic08 duban-256.png"
         "ic09 duban-512.png" "ic10 $tmp/duban-1024.png" "ic11 duban-32.png" "ic12 duban-64.png"
         "ic13 duban-256.png" "ic14 duban-512.png")
body="$tmp/body"
: > "$body"
for e in "${entries[@]}"; do
  type=${e%% *}
  file=${e#* }
  size=$(stat -c %s "$file")
  { printf '%s' "$type"; be32 $((size + 8)); cat "$file"; } >> "$body"
done
{ printf 'icns'; be32 $(($(stat -c %s "$body") + 8)); cat "$body"; } > duban.icns

ls -l duban-*.png duban.ico duban.icns
