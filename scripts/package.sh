#!/usr/bin/env bash
# Builds the Debian package (cargo deb) with the manual page and completions made from the
# command line itself, then checks that the package holds every file it must.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked

# Wherever Cargo builds ($CARGO_TARGET_DIR, or target/): cargo deb reads the assets written
# "target/…" in Cargo.toml from there.
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
cargo build --release --bin patient-kiosk
mkdir -p "$target/package"
kiosk=$target/release/patient-kiosk
rm -rf "$target/package/man"
"$kiosk" man --out-dir "$target/package/man"
"$kiosk" completions bash > "$target/package/patient-kiosk.bash"
"$kiosk" completions zsh > "$target/package/_patient-kiosk"
"$kiosk" completions fish > "$target/package/patient-kiosk.fish"

deb=$(cargo deb --no-build --no-strip --quiet 2>/dev/null | tail -n 1)
[ -f "$deb" ] || deb=$(ls -t "$target"/debian/patient-kiosk_*.deb | head -n 1)
echo "built $deb"

contents=$(dpkg-deb --contents "$deb")
echo "$contents"
missing=0
for path in \
    ./usr/bin/patient-kiosk \
    ./lib/systemd/system/patient-kiosk.service \
    ./lib/systemd/system/patient-kiosk-touch.service \
    ./usr/share/patient-kiosk/touch/touch-session \
    ./usr/share/patient-kiosk/touch/PatientKiosk.Xresources \
    ./usr/share/doc/patient-kiosk/examples/xorg.conf.d/50-patient-kiosk.conf \
    ./usr/lib/sysusers.d/patient-kiosk.conf \
    ./etc/patient-kiosk/config.toml \
    ./usr/share/doc/patient-kiosk/deployment.md \
    ./usr/share/doc/patient-kiosk/configuration.md \
    ./usr/share/doc/patient-kiosk/README.md \
    ./usr/share/doc/patient-kiosk/content-guide.md \
    ./usr/share/doc/patient-kiosk/PERFORMANCE.md \
    ./usr/share/man/man1/patient-kiosk.1.gz \
    ./usr/share/bash-completion/completions/patient-kiosk \
    ./usr/share/zsh/vendor-completions/_patient-kiosk \
    ./usr/share/fish/vendor_completions.d/patient-kiosk.fish; do
    if ! grep -q " $path\$" <<<"$contents"; then
        echo "package: missing $path" >&2
        missing=1
    fi
done
# The configuration is a conffile: an upgrade never overwrites a clinic's settings.
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/patient-kiosk/config.toml \
    || { echo "package: /etc/patient-kiosk/config.toml is not a conffile" >&2; missing=1; }
# The unit's Documentation= points at a file the package installs.
grep -q "file:///usr/share/doc/patient-kiosk/deployment.md" deploy/patient-kiosk.service \
    || { echo "package: the unit's Documentation= is not the packaged deployment.md" >&2; missing=1; }
[ "$missing" -eq 0 ] && echo "package: every file is there"
exit "$missing"
