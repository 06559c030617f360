#!/usr/bin/env bash
# Build-time benchmark: briefing on a generated corpus, side by side with Hugo when installed.
#
#   benches/build.sh [N_ARTICLES] [RUNS]        (defaults: 5000 articles, 5 runs)
#
# Uses ../shared/bench/gen_corpus.py (deterministic corpus) and ../shared/bench/hugo-site.
# briefing builds with --no-cache (cold: see benches/incremental.sh for cached builds).
# Runs alternate briefing and Hugo so machine noise hits both alike; reports the median wall
# time of each and their ratio. Output goes to /dev/shm when available to keep disk noise out.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
runs=${2:-5}
bench=${BENCH_DIR:-../shared/bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/briefing-bench.XXXXXX")
out=/dev/shm; [ -d "$out" ] && [ -w "$out" ] || out=$work
trap 'rm -rf "$work" "$out"/briefing-bench-out-$$ "$out"/hugo-bench-out-$$' EXIT

cargo build --release -q
python3 "$bench/gen_corpus.py" --n "$n" --out "$work/site/content" --flavor plain --infer-partners >/dev/null
printf 'title = "Bench"\nbase_url = "https://example.org/"\nhome_country = "kg"\n' > "$work/site/site.toml"

have_hugo=false
if command -v hugo >/dev/null 2>&1 && [ -d "$bench/hugo-site" ]; then
  have_hugo=true
  cp -r "$bench/hugo-site" "$work/hugo"
  sed -i '/disableKinds/d' "$work/hugo/config.toml"   # feeds and sitemap on, like briefing
  python3 "$bench/gen_corpus.py" --n "$n" --out "$work/hugo" --flavor hugo >/dev/null
fi

time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

b_times=(); h_times=()
for _ in $(seq "$runs"); do
  b_times+=("$(time_of ./target/release/briefing build --no-cache --root "$work/site" --output "$out/briefing-bench-out-$$")")
  if $have_hugo; then
    rm -rf "$out/hugo-bench-out-$$"
    h_times+=("$(time_of hugo --source "$work/hugo" --destination "$out/hugo-bench-out-$$")")
  fi
done
b=$(printf '%s\n' "${b_times[@]}" | median)
echo "articles: $n, runs: $runs"
echo "briefing cold build: median ${b} s  (runs: ${b_times[*]})"
if $have_hugo; then
  h=$(printf '%s\n' "${h_times[@]}" | median)
  echo "hugo build:          median ${h} s  (runs: ${h_times[*]})"
  echo "ratio briefing/hugo: $(echo "scale=2; $b / $h" | bc)"
else
  echo "hugo not installed (apt-get install -y hugo) — no comparison"
fi
