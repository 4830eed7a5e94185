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
    ./usr/lib/systemd/system/patient-kiosk.service \
    ./usr/lib/systemd/system/patient-kiosk-touch.service \
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
    ./usr/share/man/man1/patient-kiosk-validate.1.gz \
    ./usr/share/man/man1/patient-kiosk-config-check.1.gz \
    ./usr/share/doc/patient-kiosk/copyright \
    ./usr/share/doc/patient-kiosk/changelog.Debian.gz \
    ./usr/share/lintian/overrides/patient-kiosk \
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
# Removing the package stops both units (prerm) and masks them, purging forgets them (postrm);
# cargo-deb wrote those parts where the scripts say #DEBHELPER#, and left no token behind.
control() { dpkg-deb --ctrl-tarfile "$deb" | tar -xO "./$1"; }
for unit in patient-kiosk.service patient-kiosk-touch.service; do
    control prerm | grep -q "deb-systemd-invoke stop $unit" \
        || { echo "package: removing it does not stop $unit" >&2; missing=1; }
    control postrm | grep -q "deb-systemd-helper purge $unit" \
        || { echo "package: purging it does not disable $unit" >&2; missing=1; }
done
for script in postinst prerm postrm; do
    ! control "$script" | grep -q "#DEBHELPER#" \
        || { echo "package: $script still holds #DEBHELPER#" >&2; missing=1; }
done
# The release build links the unwinder in (build.rs, `static_unwinder`): the C library is
# the one library the program needs.
depends=$(dpkg-deb --field "$deb" Depends)
case "$depends" in
    *libgcc*) echo "package: it depends on $depends; the release build should link the unwinder in" >&2; missing=1 ;;
esac
# The changelog's version is the package's.
version=$(dpkg-deb --field "$deb" Version)
changelog_version=$(sed -n '1s/^patient-kiosk (\([^)]*\)).*/\1/p' deploy/debian/changelog)
[ "$version" = "$changelog_version" ] \
    || { echo "package: version $version, but deploy/debian/changelog says $changelog_version" >&2; missing=1; }
# Lintian, as Debian checks a package: no error and no warning (deploy/debian/lintian-overrides
# says why the two that are meant are). CI installs it; elsewhere it runs when it is there.
if command -v lintian >/dev/null 2>&1; then
    lintian --fail-on error,warning --pedantic --info "$deb" 2> >(grep -v "root privileges" >&2) \
        || { echo "package: lintian finds problems" >&2; missing=1; }
elif [ "${CI:-}" = true ]; then
    echo "package: lintian is not installed; .ci/run installs it" >&2
    missing=1
fi
# The unit's Documentation= points at a file the package installs.
grep -q "file:///usr/share/doc/patient-kiosk/deployment.md" deploy/patient-kiosk.service \
    || { echo "package: the unit's Documentation= is not the packaged deployment.md" >&2; missing=1; }
[ "$missing" -eq 0 ] && echo "package: every file is there"
exit "$missing"
