#!/usr/bin/env bash
# Times `gazette text` on each fixture PDF beside `pdftotext` (poppler-utils), when installed.
# A benchmark, not a test: run it by hand on a quiet machine.
#   bash bench/pdf.sh            # 5 runs each, best time reported
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
bin=${GAZETTE:-target/release/gazette}
[ -n "${GAZETTE:-}" ] || cargo build --release --locked --quiet

best() { # best wall time in ms of "$@" over $runs runs
  local best=999999 t s e
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); (( t < best )) && best=$t
  done
  echo "$best"
}

printf '%-45s %10s %12s %7s\n' file "gazette ms" "pdftotext ms" ratio
for f in fixtures/pdf/*.pdf; do
  g=$(best "$bin" text "$f")
  if command -v pdftotext > /dev/null; then
    p=$(best pdftotext "$f" -)
    ratio=$(awk -v g="$g" -v p="$p" 'BEGIN { printf "%.2f", (p > 0 ? g / p : 0) }')
  else
    p="-"; ratio="-"
  fi
  printf '%-45s %10s %12s %7s\n' "$(basename "$f")" "$g" "$p" "$ratio"
done
