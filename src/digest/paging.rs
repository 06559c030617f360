//! Paging of long lists: which slice of a list each page holds, and the page numbers a
//! pager shows.
//!
//! Page 1 of a list stays at the list's own address (`partners/cn/index.html`); page `n > 1`
//! lives in the folder `page/<n>/` under it (see [`super::PageDir::page`]). Pages are cut
//! from the list as it is ordered (newest first), so the same digest always gives the same
//! pages.

use std::ops::Range;

/// The slices of a list of `len` items cut into pages of `per_page` (0: one page holding
/// everything). An empty list still has one (empty) page, so its page exists.
pub fn ranges(len: usize, per_page: usize) -> Vec<Range<usize>> {
    if per_page == 0 || len <= per_page {
        return std::iter::once(0..len).collect();
    }
    (0..len)
        .step_by(per_page)
        .map(|start| start..(start + per_page).min(len))
        .collect()
}

/// How many pages a list of `len` items takes.
pub fn count(len: usize, per_page: usize) -> usize {
    ranges(len, per_page).len()
}

/// The page (1-based) holding item `index` of the list.
pub fn page_of(index: usize, per_page: usize) -> usize {
    index.checked_div(per_page).map_or(1, |n| n + 1)
}

/// The page numbers a pager lists for page `current` of `total`: the first and last pages,
/// and two on either side of the current one; `None` marks a gap ("…"). Short runs are
/// listed whole, so a pager never says "…" for a single missing number.
pub fn window(current: usize, total: usize) -> Vec<Option<usize>> {
    const AROUND: usize = 2;
    let mut shown: Vec<usize> = (1..=total)
        .filter(|&n| n == 1 || n == total || n.abs_diff(current) <= AROUND)
        .collect();
    shown.dedup();
    let mut out = Vec::with_capacity(shown.len() + 2);
    let mut last = 0;
    for n in shown {
        match n - last {
            1 => {}
            // One number missing: show it rather than a gap.
            2 => out.push(Some(n - 1)),
            _ => out.push(None),
        }
        out.push(Some(n));
        last = n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_the_list_in_order() {
        assert_eq!(ranges(0, 30), vec![0..0]);
        assert_eq!(ranges(30, 30), vec![0..30]);
        assert_eq!(ranges(31, 30), vec![0..30, 30..31]);
        assert_eq!(ranges(65, 30), vec![0..30, 30..60, 60..65]);
        assert_eq!(ranges(500, 0), vec![0..500]);
        assert_eq!(count(61, 30), 3);
        assert_eq!(page_of(0, 30), 1);
        assert_eq!(page_of(29, 30), 1);
        assert_eq!(page_of(30, 30), 2);
        assert_eq!(page_of(99, 0), 1);
    }

    #[test]
    fn window_shows_ends_and_neighbours() {
        let w = |c, t| {
            window(c, t)
                .into_iter()
                .map(|n| n.map_or_else(|| "…".to_owned(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(w(1, 1), "1");
        assert_eq!(w(1, 5), "1 2 3 4 5");
        assert_eq!(w(1, 10), "1 2 3 … 10");
        assert_eq!(w(5, 10), "1 2 3 4 5 6 7 … 10");
        assert_eq!(w(6, 12), "1 … 4 5 6 7 8 … 12");
        assert_eq!(w(12, 12), "1 … 10 11 12");
    }
}
