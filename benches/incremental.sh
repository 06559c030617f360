#!/usr/bin/env bash
# Incremental-build benchmark: cold, warm (no change) and one-change builds of a generated
# corpus, measured in one run so their ratios are comparable.
#
#   benches/incremental.sh [N_ARTICLES] [RUNS]        (defaults: 5000 articles, 5 runs)
#
# Each run: a cold build (empty cache, no output), a warm build with nothing changed, then a
# build after editing one article. Reports the median of each and warm/one-change speed-ups
# over cold. Output goes to /dev/shm when available to keep disk noise out.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
runs=${2:-5}
bench=${BENCH_DIR:-../shared/bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/briefing-incr.XXXXXX")
out=/dev/shm; [ -d "$out" ] && [ -w "$out" ] || out=$work
out="$out/briefing-incr-out-$$"
trap 'rm -rf "$work" "$out"' EXIT

cargo build --release -q
bin=$PWD/target/release/briefing
python3 "$bench/gen_corpus.py" --n "$n" --out "$work/site/content" --flavor plain --infer-partners >/dev/null
printf 'title = "Bench"\nbase_url = "https://example.org/"\nhome_country = "kg"\n' > "$work/site/site.toml"
edited=$(find "$work/site/content" -type f -name '*.md' | sort | sed -n "$((n / 2))p")

time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
build() { "$bin" build -q --root "$work/site" --output "$out"; }

cold=(); warm=(); one=()
for i in $(seq "$runs"); do
  rm -rf "$work/site/.briefing-cache" "$out"
  cold+=("$(time_of build)")
  warm+=("$(time_of build)")
  printf '\nAn added sentence about the talks, run %s.\n' "$i" >> "$edited"
  one+=("$(time_of build)")
done
c=$(printf '%s\n' "${cold[@]}" | median)
w=$(printf '%s\n' "${warm[@]}" | median)
o=$(printf '%s\n' "${one[@]}" | median)
echo "articles: $n, runs: $runs"
echo "cold build (empty cache):  median ${c} s  (runs: ${cold[*]})"
echo "warm build, no change:     median ${w} s  (runs: ${warm[*]})"
echo "one article edited:        median ${o} s  (runs: ${one[*]})"
echo "speed-up warm/cold:        $(echo "scale=1; $c / $w" | bc)x"
echo "speed-up one-change/cold:  $(echo "scale=1; $c / $o" | bc)x"
