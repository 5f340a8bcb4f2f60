#!/usr/bin/env bash
# Installs the Debian packages the tests need and a fresh machine lacks; does nothing when all are there.
# Uses apt-get as root, or through sudo when that needs no password; otherwise says what is missing and goes on,
# so that only the tests needing the missing piece fail.
set -euo pipefail

need=()
# The test phase runs in its own network namespace (test.sh: unshare, ip).
command -v ip >/dev/null || need+=(iproute2)
command -v unshare >/dev/null || need+=(util-linux)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
# Debian's Chromium renders the card gallery (scripts/cards/); playwright-core never downloads a browser.
command -v chromium >/dev/null || need+=(chromium)
# A font with umlauts, or the card screenshots show boxes instead of text.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
# LibreOffice turns the exported agenda into a PDF (src/AgendaBot/Export/PdfConverter.cs); its test needs the real one.
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)

[ ${#need[@]} -eq 0 ] && exit 0

install_command="apt-get install -y --no-install-recommends ${need[*]}"
if ! command -v apt-get >/dev/null; then
  echo "install-system: missing ${need[*]} (Debian package names); install them with your system's package manager." >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-system: missing ${need[*]}; install them with: sudo apt-get update && sudo $install_command" >&2
  exit 0
fi

echo "install-system: apt-get install ${need[*]}"
# Through env, because sudo does not pass the caller's environment on.
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
if ! { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq --no-install-recommends "${need[@]}"; }; then
  echo "install-system: installing ${need[*]} failed; the tests that need them will fail. By hand: $install_command" >&2
fi
