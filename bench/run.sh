#!/usr/bin/env bash
# The text path of `gazette extract`, measured against the targets of the Performance section of
# the README: whole-process time on the seed report, throughput on one large input beside one
# `rg -c` pass over the same bytes, peak memory for one large input and for batches of files,
# and one worker against two on a batch.
#
# A benchmark, not a test: run it by hand on a quiet machine.
#   bash bench/run.sh                 # RUNS=5 by default, the median of the runs reported
#   PGO=0 bash bench/run.sh           # the plain release build only
#   GAZETTE=path/to/gazette bash bench/run.sh
#
# The binary measured is the profile-guided build of bench/pgo.sh (trained on the bundled
# fixtures, not on the corpus measured here), the build to use for whole archives; the plain
# release build is measured beside it on the large input. Where the profile-guided build cannot
# be made (no llvm-tools), or with PGO=0, the plain release build is measured instead.
#
# The large input is built from the reports in ../shared/corpus (GAZETTE_CORPUS to point
# elsewhere); without them the corpus figures are skipped and only the seed is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}

# What the figures are taken with comes from Debian's packages: ripgrep (the scan compared with),
# hyperfine (medians) and GNU time (peak memory). A fresh machine lacks them: they are installed
# here when apt-get can (as root, or through sudo without a password); otherwise the figures that
# need them are skipped, each saying so.
missing=()
command -v rg > /dev/null || missing+=(ripgrep)
command -v hyperfine > /dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get > /dev/null; then
  apt() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo -n apt-get "$@"; fi; }
  echo "installing ${missing[*]} (Debian packages) for the measurements" >&2
  # The package lists are fetched only when the first try finds no such package.
  { apt install -y -qq "${missing[@]}" || { apt update -qq && apt install -y -qq "${missing[@]}"; }; } \
    > /dev/null 2>&1 || echo "could not install ${missing[*]}: the figures that need them are skipped" >&2
fi
plain=target/release/gazette
corpus=${GAZETTE_CORPUS:-../shared/corpus}
min_mb=${MIN_MB:-25}
if [ -n "${GAZETTE:-}" ]; then
  bin=$GAZETTE
  plain=
else
  cargo build --release --locked --quiet
  bin=$plain
  if [ "${PGO:-1}" != 0 ]; then
    if pgo=$(bash bench/pgo.sh); then
      bin=$pgo
    else
      echo "no profile-guided build (see above): the plain release build is measured"
    fi
  fi
fi
[ "$bin" = "$plain" ] && plain=
echo "measured: $bin${plain:+ (profile-guided; the plain build $plain beside it on the large input)}"
# The figures belong to a processor: the ratio to rg moved from 9× to 11× between two generations
# of one vendor's (README, round 12), so the run says which one it had, and which rg.
if [ -r /proc/cpuinfo ]; then
  awk -F': *' -v cores="$(nproc)" '
    /^model name/ && !name { name = $2 } /^cpu family/ && !fam { fam = $2 } /^model\t/ && !mod { mod = $2 }
    END { printf "processor: %s (family %s, model %s), %s cores\n", name, fam, mod, cores }' /proc/cpuinfo
fi
command -v rg > /dev/null && echo "compared with: $(rg --version | sed -n 1p)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Wall time of "$@" (stdout discarded) over $runs runs: the median, by hyperfine when it is
# installed (Debian package hyperfine: no shell in between, warm-up runs first), else the best of
# the runs timed by date.
median_us() {
  if command -v hyperfine > /dev/null; then
    local csv=$work/hyperfine.csv
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-csv "$csv" \
      -- "$(printf '%q ' "$@")" > /dev/null 2>&1
    awk -F, 'NR == 2 { printf "%d", $4 * 1e6 }' "$csv"
  else
    local best=999999999999 t s e
    for _ in $(seq "$runs"); do
      s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N)
      t=$(( (e - s) / 1000 )); (( t < best )) && best=$t
    done
    echo "$best"
  fi
}
time_ms() { echo $(( $(median_us "$@") / 1000 )); }
time_us() { median_us "$@"; }

peak_mb() { # peak resident memory in MB of "$@" (GNU time), stdout discarded
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }'
  else
    echo "-"
  fi
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
rate() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.1f", (ms > 0 ? b / 1e6 / (ms / 1000) : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

seed=fixtures/xizang-2025-01.txt
spawn=$(time_us "$bin" --version)
seed_us=$(time_us "$bin" extract "$seed" --format jsonl)
echo "seed report ($(wc -c < "$seed") bytes), whole process: $(awk -v u="$seed_us" 'BEGIN { printf "%.1f", u / 1000 }') ms (starting the binary alone: $(awk -v u="$spawn" 'BEGIN { printf "%.1f", u / 1000 }') ms)"

if [ ! -d "$corpus/provincial-2026" ]; then
  echo "no corpus at $corpus: the large-input and batch figures are skipped"
  exit 0
fi

# One large input: the reports one after another, as often as it takes to pass $min_mb MB.
reports=("$corpus"/provincial-2026/*.txt)
big=$work/big.txt
: > "$big"
while [ "$(wc -c < "$big")" -lt $((min_mb * 1000 * 1000)) ]; do cat "${reports[@]}" >> "$big"; done
size=$(wc -c < "$big")

g=$(time_ms "$bin" extract "$big" --format jsonl -j 1)
echo "large input: $(mb "$size") MB, gazette extract --format jsonl: $g ms, $(rate "$size" "$g") MB/s on one core"
# How many figures each MB gives: the concatenation is read as one document, whose first report
# ends where its page's footer starts; what follows is back matter, whose figures are not
# extracted. The batch below reads each report as a document of its own.
mentions() { "$@" 2> /dev/null | grep -c '"type":"indicator"' || true; }
per_mb() { awk -v n="$1" -v b="$2" 'BEGIN { printf "%.0f", n / (b / 1e6) }'; }
n_big=$(mentions "$bin" extract "$big" --format jsonl -j 1)
echo "  $n_big mentions extracted ($(per_mb "$n_big" "$size") per MB)"
# Wall time of "$@" in microseconds (stdout discarded), one run.
wall_us() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
two_places() { awk -v x="$1" 'BEGIN { printf "%.2f", x }'; }
# The commands of the arrays named $2 and $3 run in turn, $runs pairs, into the file $1: a line
# "A B T" of wall times in microseconds each, T that of a run of /bin/true beside them. The ratio
# of two medians taken a minute apart moves with the machine's speed; the median of each pair's
# ratio much less. Timed from the shell, each run carries what timing it costs (starting `date`,
# forking): T measures that, for the pairs whose figure has it taken off.
in_turn() {
  local -n first=$2 second=$3
  : > "$1"
  for _ in $(seq "$runs"); do
    echo "$(wall_us "${first[@]}") $(wall_us "${second[@]}") $(wall_us /bin/true)" >> "$1"
  done
}
if command -v rg > /dev/null; then
  r=$(time_ms rg -c '[0-9]+' "$big")
  echo "  rg -c '[0-9]+' on the same file: $r ms ($(rate "$size" "$r") MB/s); gazette / rg = $(ratio "$g" "$r")"
  # in_turn times /bin/true beside each pair: the cost of starting a process, taken off both here.
  gazette_large=("$bin" extract "$big" --format jsonl -j 1)
  rg_large=(rg -c '[0-9]+' "$big")
  in_turn "$work/rg-pairs" gazette_large rg_large
  paired=$(awk '{ printf "%.4f\n", ($1 - $3) / ($2 - $3) }' "$work/rg-pairs" | median)
  echo "  gazette / rg in $runs pairs run in turn: $(two_places "$paired")× (median of the pairs' ratios)"
else
  echo "  rg not installed (apt-get install ripgrep): no scan to compare with"
fi
echo "  peak memory: $(peak_mb "$bin" extract "$big" --format jsonl) MB for a $(mb "$size") MB input"
if [ -n "$plain" ]; then
  plain_large=("$plain" extract "$big" --format jsonl -j 1)
  guided_large=("$bin" extract "$big" --format jsonl -j 1)
  in_turn "$work/build-pairs" plain_large guided_large
  p=$(awk '{ print int($1 / 1000) }' "$work/build-pairs" | median)
  by=$(awk '{ printf "%.4f\n", $2 / $1 }' "$work/build-pairs" | median)
  echo "  plain release build: $p ms ($(rate "$size" "$p") MB/s); the profile-guided build takes $(two_places "$by") of its time (median of $runs pairs run in turn)"
fi

# Batches: the reports as separate files, 8 and 32 copies of each.
for copies in 8 32; do
  dir=$work/batch-$copies
  mkdir -p "$dir"
  for c in $(seq "$copies"); do
    for f in "${reports[@]}"; do cp "$f" "$dir/$c-$(basename "$f")"; done
  done
done
for copies in 8 32; do
  dir=$work/batch-$copies
  n=$(find "$dir" -type f | wc -l)
  bytes=$(cat "$dir"/* | wc -c)
  echo "batch of $n files ($(mb "$bytes") MB): peak memory $(peak_mb "$bin" extract "$dir" --format jsonl -q -j 2) MB with 2 workers"
done
dir=$work/batch-32
bytes=$(cat "$dir"/* | wc -c)
# One worker and two in turn: the speed of a core drifts on a shared machine, so the speed-up is
# the median of each pair's ratio, not the ratio of two medians taken minutes apart.
one_worker=("$bin" extract "$dir" --format jsonl -q -j 1)
two_workers=("$bin" extract "$dir" --format jsonl -q -j 2)
in_turn "$work/worker-pairs" one_worker two_workers
one=$(awk '{ print int($1 / 1000) }' "$work/worker-pairs" | median)
two=$(awk '{ print int($2 / 1000) }' "$work/worker-pairs" | median)
speedup=$(awk '{ printf "%.4f\n", $1 / $2 }' "$work/worker-pairs" | median)
echo "batch of $(find "$dir" -type f | wc -l) files: 1 worker $one ms ($(rate "$bytes" "$one") MB/s), 2 workers $two ms ($(rate "$bytes" "$two") MB/s): $(two_places "$speedup")× (median of $runs pairs run in turn)"
n_batch=$(mentions "$bin" extract "$dir" --format jsonl -q -j 2)
echo "  $n_batch mentions extracted ($(per_mb "$n_batch" "$bytes") per MB)"
