#!/bin/sh
# DSR Desk for Linux, per user: no root, nothing outside your home folder.
#   ./install.sh            install (or update) into ~/.local/opt/dsr-desk, with a menu entry and icons
#   ./install.sh --remove   remove the program, its menu entry and icons
# Neither ever touches your workspace (the cases) in ~/.local/share/DSR Desk, nor its log.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/dsr-desk"
bin="$HOME/.local/bin"

remove() {
  rm -rf "$target"
  rm -f "$bin/dsr-desk" "$data/applications/dsr-desk.desktop"
  find "$data/icons/hicolor" -path '*/apps/dsr-desk.png' -delete 2>/dev/null || true
}

if [ "${1:-}" = "--remove" ]; then
  remove
  echo "DSR Desk removed. Your workspace in $data/DSR Desk is kept."
  exit 0
fi

remove
mkdir -p "$target" "$bin" "$data/applications"
cp -R "$here/dsr-desk/." "$target/"
cp "$here/THIRD_PARTY_NOTICES.txt" "$target/"
ln -sf "$target/dsr-desk" "$bin/dsr-desk"
(cd "$here/icons" && find hicolor -name dsr-desk.png) | while read -r icon; do
  mkdir -p "$data/icons/$(dirname "$icon")"
  cp "$here/icons/$icon" "$data/icons/$icon"
done
sed "s|^Exec=.*|Exec=\"$target/dsr-desk\"|" "$here/dsr-desk.desktop" > "$data/applications/dsr-desk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "DSR Desk installed in $target; start it from the menu, or run: dsr-desk"
