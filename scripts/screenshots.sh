#!/usr/bin/env bash
# Screenshots of what a patient meets, from a real xterm (white background, DejaVu Sans Mono 11,
# 80×24) under Xvfb, and the first page of the printed handout from headless Chromium:
#   home.png, topic.png (Vertebroplasty), take-home.png, handout-page-1.png
# Usage: scripts/screenshots.sh [BINARY] [OUT_DIR]
# (default: target/release/patient-kiosk into docs/screenshots). Needs Xvfb, xterm, xdotool,
# ImageMagick, chromium and poppler-utils (.ci/run installs them all).
set -euo pipefail
cd "$(dirname "$0")/.."
kiosk=$(realpath "${1:-target/release/patient-kiosk}")
out=${2:-docs/screenshots}
mkdir -p "$out"
scratch=$(mktemp -d)
display=:$((90 + RANDOM % 100))

Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
server=$!
xterm_pid=
trap 'kill "$xterm_pid" "$server" 2>/dev/null || true; rm -rf "$scratch"' EXIT
export DISPLAY=$display

# Saves the window as NAME.png once two screenshots in a row are the same (drawn and done
# drawing) and differ from the screen saved before (the key has acted).
before=
settle() {
    local name=$1 previous=
    for _ in $(seq 100); do
        import -window "$window" "$scratch/$name.png" 2>/dev/null || true
        local sum
        sum=$(md5sum <"$scratch/$name.png" | cut -d' ' -f1)
        if [ "$sum" = "$previous" ] && [ "$sum" != "$before" ]; then
            cp "$scratch/$name.png" "$out/$name.png"
            echo "$out/$name.png"
            before=$sum
            return
        fi
        previous=$sum
        sleep 0.3
    done
    echo "screenshots: $name never settled" >&2
    exit 1
}
press() { xdotool windowfocus --sync "$window" key "$@"; }

for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
XDG_STATE_HOME=$scratch XDG_CONFIG_HOME=$scratch \
    xterm -bg white -fg black -fa "DejaVu Sans Mono" -fs 11 -geometry 80x24+0+0 -e "$kiosk" &
xterm_pid=$!
for _ in $(seq 100); do
    window=$(xdotool search --onlyvisible --class xterm 2>/dev/null | head -n 1) && [ -n "$window" ] && break
    sleep 0.1
done
# The kiosk has drawn once its own black covers the white terminal.
for _ in $(seq 100); do
    import -window "$window" "$scratch/first.png" 2>/dev/null \
        && [ "$(convert "$scratch/first.png" -colorspace gray -format '%[fx:mean<0.5]' info:)" = 1 ] && break
    sleep 0.2
done
settle home
press End Return
settle topic
press t
settle take-home

# The handout, as the kiosk's print command would send it, printed to PDF on Letter paper.
"$kiosk" export vertebroplasty --format html -o "$scratch/handout.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$scratch/handout.pdf" "file://$scratch/handout.html" >/dev/null 2>&1
pdftoppm -f 1 -l 1 -r 60 -png "$scratch/handout.pdf" "$scratch/page"
cp "$scratch"/page-*1.png "$out/handout-page-1.png"
echo "$out/handout-page-1.png ($(pdfinfo "$scratch/handout.pdf" | awk '/^Pages:/ {print $2}') pages)"
