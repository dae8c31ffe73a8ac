#!/usr/bin/env bash
# A profile-guided release build of `gazette` (PGO): the compiler lays out and inlines the code
# by how often each branch and call is taken when the binary reads the bundled fixtures, which
# `cargo build --release` can only guess. The profile comes from the fixtures alone (the seed
# report in every encoding and PDF producer, the web pages, the diff pair): never from the corpus
# that `bench/run.sh` measures, so that the build is not fitted to its own benchmark.
#
#   bash bench/pgo.sh              # prints the path of the optimised binary
#   GAZETTE=$(bash bench/pgo.sh) bash bench/run.sh
#
# Needs `llvm-profdata` of the toolchain's own LLVM (rustup's `llvm-tools` component; added
# here when missing). The builds use their own target directories under target/, so the plain
# release build is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
profdata=$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$profdata" ] && command -v rustup > /dev/null; then
  rustup component add llvm-tools >&2 || rustup component add llvm-tools-preview >&2 || true
fi
if [ ! -x "$profdata" ]; then
  echo "bench/pgo.sh: llvm-profdata not found at $profdata (rustup component add llvm-tools)" >&2
  exit 1
fi

gen=target/pgo-generate
use=target/pgo-use
raw=$(realpath -m target/pgo-profiles)
rm -rf "$raw"
mkdir -p "$raw"

# 1. A binary that counts what it runs.
RUSTFLAGS="-Cprofile-generate=$raw" CARGO_TARGET_DIR=$gen \
  cargo build --release --locked --quiet >&2
counting=$gen/release/gazette

# 2. The work it is trained on: every command on every fixture, in every output format.
train() { "$counting" "$@" > /dev/null 2>&1 || true; }
inputs=(fixtures/xizang-2025-01.txt fixtures/text/* fixtures/web/* fixtures/gb18030/*
  fixtures/utf16/* fixtures/diff/* fixtures/pdf/*.pdf fixtures/pdf/bad/*)
for f in "${inputs[@]}"; do
  [ -f "$f" ] || continue
  for format in jsonl json csv markdown table; do train extract "$f" --format "$format"; done
  train extract "$f" --kind all --format jsonl
  train sections "$f" --format json
  train sections "$f" --depth sentence --format json
  train text "$f"
done
train extract fixtures --format jsonl -j 2
train diff fixtures/diff/earlier-2025.txt fixtures/diff/later-2026.txt
train diff fixtures/diff/earlier-2025.txt fixtures/diff/later-2026.txt --format json

# 3. The profile, and the build that uses it.
"$profdata" merge -o "$raw/merged.profdata" "$raw"/*.profraw
RUSTFLAGS="-Cprofile-use=$raw/merged.profdata" CARGO_TARGET_DIR=$use \
  cargo build --release --locked --quiet >&2
optimised=$use/release/gazette

# 4. The profile changes how the code is compiled, never what it does: both builds must write the
# same bytes for every fixture, or the optimised one is not handed out.
cargo build --release --locked --quiet >&2
written() { "$1" extract "$2" --kind all --format jsonl 2> "$3.err" > "$3.out" || true; }
for f in "${inputs[@]}"; do
  [ -f "$f" ] || continue
  written target/release/gazette "$f" "$raw/plain"
  written "$optimised" "$f" "$raw/optimised"
  for stream in out err; do
    cmp -s "$raw/plain.$stream" "$raw/optimised.$stream" || {
      echo "bench/pgo.sh: the profile-guided build writes other output than the plain one for $f" >&2
      exit 1
    }
  done
done
echo "$optimised"
