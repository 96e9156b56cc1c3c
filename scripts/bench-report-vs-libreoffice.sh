#!/usr/bin/env bash
# Issue 6 benchmark: our 300-indicator quarterly PDF report (release build) against what
# officials do today, LibreOffice converting the exported .xlsx to PDF. Prints both times.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v libreoffice >/dev/null 2>&1; then
    echo "安装 LibreOffice Calc（Debian 软件包）……" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y --no-install-recommends libreoffice-calc
fi

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

REPORT_BENCH_OUT="$OUT" cargo bench --bench report

# LibreOffice: first run creates a profile; time a warm-up run and a measured run each
# with their own fresh profile so both include start-up, as an official would see it.
PROFILE="$OUT/lo-profile"
lo_convert() {
    libreoffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf \
        --outdir "$OUT/lo" "$OUT/indicators.xlsx" >/dev/null 2>&1
}
lo_convert # warm-up (profile creation)
times=()
for _ in 1 2 3; do
    start=$(date +%s%N)
    lo_convert
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "libreoffice --headless --convert-to pdf（导出的 300 行 .xlsx）: min $(echo "$sorted" | head -1) ms   median $(echo "$sorted" | sed -n 2p) ms"
echo "  LibreOffice PDF: $(( $(stat -c %s "$OUT/lo/indicators.pdf") / 1024 )) KB, $(pdfinfo "$OUT/lo/indicators.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') 页（仅表格，无图表、无汇总）"
