#!/usr/bin/env bash
# Measures the search index at 10,000 articles: total size, bytes a query loads and the time
# to its first result in headless Chromium from file:// (browser/search.test.mjs, SEARCH_BENCH).
#   scripts/search-bench.sh [folder]   (default /tmp/search-bench; needs ../shared/bench)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/tmp/search-bench}
gen=${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}
[ -d "$dir/articles" ] || python3 "$gen" --n 10000 --out "$dir" --flavor plain --seed 7 >/dev/null
sed 's/^output_dir = "public"/output_dir = "public"\ncontent_dir = "articles"/' "$repo/site.toml" >"$dir/site.toml"
(cd "$repo" && cargo build --release --quiet)
"$repo/target/release/briefing" build --root "$dir" -o "$dir/public" >/dev/null 2>&1
SEARCH_BENCH="cooperating|liquefied natural gas|Ethiopia|semiconductors Germany|kyrg" \
  node "$repo/browser/search.test.mjs" "$dir/public"
