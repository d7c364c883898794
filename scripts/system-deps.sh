#!/bin/sh
# Installs the Debian packages that tests use, when they are missing and apt-get can be used.
# Never fails the build: a test whose tool is absent skips and says so.
set -u
packages=""
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || packages="$packages $1"; }

command -v apt-get >/dev/null 2>&1 || exit 0
command -v dpkg >/dev/null 2>&1 || exit 0

# Qt's offscreen platform plugin
need_pkg libegl1
need_pkg libxkbcommon0
need_pkg libfontconfig1
need_pkg libdbus-1-3
need_pkg libgl1
# Qt's X11 platform plugin, for the app on a Linux desktop and under Xvfb (screenshots)
for p in libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
         libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0; do need_pkg "$p"; done
# PDF text and page images (pdftotext, pdftoppm)
need_pkg poppler-utils
# A real Secret Service (the Linux keychain) on a private D-Bus session, for the one keychain test
need_pkg gnome-keyring
need_pkg dbus-bin
# Tesseract OCR, which finds the MRZ and BSNs on ID scans where it is installed
need_pkg tesseract-ocr
need_pkg tesseract-ocr-eng
# 7-Zip, to open the AES-encrypted exports as a person would
need_pkg p7zip-full
# objdump, which PyInstaller uses on Linux to find a bundle's libraries (make installer)
need_pkg binutils

[ -z "$packages" ] && exit 0

if [ "$(id -u)" = "0" ]; then sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"
else
  echo "system-deps: missing Debian packages:$packages (no root; the tests that need them will skip)"
  exit 0
fi
echo "system-deps: installing$packages"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1 \
  || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1; } \
  || echo "system-deps: could not install$packages (the tests that need them will skip)"
exit 0
