#!/usr/bin/env bash
# Writes the Word / PDF / HTML fixtures of tests/document_*.rs from the seed documents in
# assets/demo and from a few small tables of our own. Run by hand when they must change; the
# small output files are committed, so neither CI nor `make test` needs these tools.
#
# Needs: python3, LibreOffice (apt: libreoffice-writer-nogui), Ghostscript (apt: ghostscript).
#
# For each case NAME it writes
#   NAME.txt   the text as the importer reads it (a seed excerpt, or our own TAB text)
#   NAME.html  the same content as an HTML document, merged cells as rowspan/colspan
#   NAME.docx  LibreOffice's conversion of NAME.html
#   NAME.pdf   LibreOffice's conversion of NAME.docx
#   NAME.clip.html  LibreOffice's HTML export of NAME.docx: what it puts on the clipboard
# plus PDFs that cannot come from LibreOffice: CMap-only Chinese fonts, a scan, an encrypted
# one, and a long plan for the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=tests/fixtures/documents
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK" # a throw-away LibreOffice profile

python3 scripts/document_fixtures.py "$OUT" "$WORK"

convert() { # FORMAT FILE OUTDIR
  soffice --headless --norestore --convert-to "$1" --outdir "$3" "$2" >/dev/null 2>&1
}

for html in "$WORK"/cases/*.html; do
  name=$(basename "$html" .html)
  cp "$html" "$OUT/$name.html"
  convert 'docx:MS Word 2007 XML' "$html" "$WORK/docx"
  cp "$WORK/docx/$name.docx" "$OUT/$name.docx"
  convert pdf "$OUT/$name.docx" "$WORK/pdf"
  cp "$WORK/pdf/$name.pdf" "$OUT/$name.pdf"
  convert 'html:HTML (StarWriter)' "$OUT/$name.docx" "$WORK/clip"
  # Images of the export are not part of a paste.
  cp "$WORK/clip/$name.html" "$OUT/$name.clip.html"
done

# The 60-page plan of the benchmark: Word and PDF only.
convert 'docx:MS Word 2007 XML' "$WORK/long-plan.html" "$WORK/docx"
cp "$WORK/docx/long-plan.docx" "$OUT/long-plan.docx"
convert pdf "$OUT/long-plan.docx" "$WORK/pdf"
cp "$WORK/pdf/long-plan.pdf" "$OUT/long-plan.pdf"

# A scan: one page holding only an image, no text layer.
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "$OUT/scanned.pdf" "$WORK/scan.ps"
# Encrypted with a user password: nothing can be read without it.
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOwnerPassword=owner -sUserPassword=user \
  -o "$OUT/encrypted.pdf" "$OUT/own-merged-category.pdf"
# 300 pages of prose without any table.
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "$OUT/prose-300-pages.pdf" "$WORK/prose.ps"

ls -la "$OUT"
