//! Where the story begins and ends in a clipping, and the furniture inside it.
//!
//! The story is the densest run of prose lines: every line that reads as a sentence counts
//! its words, every line of furniture between them (menus, teaser headlines, share rows,
//! comment names and "Reply" buttons) costs a few, and a heading that opens a furniture
//! section costs more. The best run (the maximum-sum span, as in body-text extraction by
//! token density) skips a cookie banner or a teaser's blurb above the headline and reader
//! comments or a footer after the story, whatever the site. Inside the run, a run of four or
//! more non-sentence lines is furniture too (a gallery's controls, a newsletter box, a
//! "More from" list), unless the story introduces it as a list.

use super::{ends_sentence, is_list_item, words, Kind};

/// The span of the story: first to last prose line, cut where furniture begins and little
/// prose follows.
pub(super) fn story_core(lines: &[String], kinds: &[Kind]) -> Option<(usize, usize)> {
    let mut prose: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == Kind::Prose)
        .collect();
    if prose.is_empty() {
        // A very short story (sentences of three words or more are all there is), or one
        // copied without its full stops: long lines standing on their own, not lines of a
        // headline list or a ticker (those come in runs, or after a time).
        let listed = |i: usize| {
            let touches = |j: Option<usize>| {
                j.is_some_and(|j| matches!(kinds[j], Kind::Headline | Kind::Chrome | Kind::Date))
            };
            touches(i.checked_sub(1)) || touches(Some(i + 1).filter(|&j| j < kinds.len()))
        };
        prose = (0..kinds.len())
            .filter(|&i| kinds[i] == Kind::Headline)
            .filter(|&i| {
                (ends_sentence(&lines[i]) && words(&lines[i]) >= 3)
                    || (words(&lines[i]) >= 8 && !listed(i))
            })
            .collect();
    }
    // The story is the densest run of prose: menus, teaser lists, comment furniture and
    // footers between prose lines cost words, so a cookie banner or a teaser's blurb above
    // the headline, or reader comments after a "Comments" heading, fall outside it.
    let (run_start, run_end) = densest_run(lines, kinds, &prose)?;
    prose.retain(|&p| (run_start..=run_end).contains(&p));
    let &first = prose.first()?;
    let mut end = first;
    let words_from = |i: usize| -> usize {
        prose
            .iter()
            .filter(|&&p| p >= i)
            .map(|&p| words(&lines[p]))
            .sum()
    };
    let total: usize = words_from(first);
    let mut story_words = 0;
    for (n, &p) in prose.iter().enumerate() {
        story_words += words(&lines[p]);
        end = p;
        let Some(&next) = prose.get(n + 1) else { break };
        // What separates this prose line from the next?
        let gap = &kinds[p + 1..next];
        let furniture = gap.contains(&Kind::Section);
        // A list the story introduces ("He announced:" then "- Duty cuts ...") is story.
        let introduced = lines[p].trim_end().ends_with(':');
        let junk = (p + 1..next)
            .filter(|&i| {
                matches!(
                    kinds[i],
                    Kind::Headline | Kind::Chrome | Kind::Date | Kind::Field
                )
            })
            .filter(|&i| !(introduced && kinds[i] == Kind::Headline && is_list_item(&lines[i])))
            .count();
        let rest = total - story_words;
        // A furniture section, or a long run of headline-like lines, followed by less prose than
        // we already have: the story is over.
        if (furniture && rest < story_words) || (junk >= 4 && rest * 2 < story_words) {
            break;
        }
    }
    // Extend the end over short story lines that follow directly (a closing one-line quote or
    // "The talks will continue tomorrow."), stopping at the first furniture.
    let mut stop = end;
    for i in end + 1..kinds.len() {
        match kinds[i] {
            Kind::Blank | Kind::Bullet => {}
            Kind::Headline if ends_sentence(&lines[i]) && words(&lines[i]) >= 2 => stop = i,
            _ => break,
        }
    }
    // Extend the start backwards over list items and short sentences directly above.
    let mut begin = first;
    for i in (0..first).rev() {
        match kinds[i] {
            Kind::Blank => {}
            Kind::Headline if ends_sentence(&lines[i]) && words(&lines[i]) >= 3 => begin = i,
            _ => break,
        }
    }
    Some((begin, stop))
}

/// What a line between story paragraphs costs the run, in words: a line of furniture, and a
/// heading that opens a furniture section (a "Read more" box inside a long story is crossed,
/// a "Comments" section after it is not, unless more story follows than the heading costs).
const LINE_COST: i64 = 5;
const SECTION_COST: i64 = 25;

/// Share of the best run's score from which an earlier run is taken instead (the story comes
/// before the comments, a petition box or a "Popular" list that may outweigh it a little).
const EARLIER_RUN_SHARE: i64 = 70;

/// The span of lines with the most story words net of the furniture lines inside it (a
/// maximum-sum run, as in body-text extraction by token density): prose lines count their
/// words, short other lines cost [`LINE_COST`], long ones (a link line, a sentence without its
/// full stop) and list items the story introduces almost nothing. Of the runs that come close
/// to the best, the first is the story.
fn densest_run(lines: &[String], kinds: &[Kind], prose: &[usize]) -> Option<(usize, usize)> {
    let mut is_story = vec![false; lines.len()];
    for &p in prose {
        is_story[p] = true;
    }
    // Each run: (best score, start, end at the best score).
    let mut runs: Vec<(i64, usize, usize)> = Vec::new();
    let mut run = 0i64;
    // After a story line ending in ':' ("including the following ones:"), its list.
    let mut introduced = false;
    for (i, line) in lines.iter().enumerate() {
        let value = if is_story[i] {
            introduced = line.trim_end().ends_with(':');
            words(line) as i64
        } else {
            match kinds[i] {
                Kind::Blank | Kind::Bullet => 0,
                Kind::Section => -SECTION_COST,
                Kind::Headline if introduced || is_list_item(line) || words(line) >= 10 => 0,
                _ => -LINE_COST,
            }
        };
        if run <= 0 {
            if !is_story[i] {
                continue;
            }
            run = 0;
            runs.push((0, i, i));
        }
        run += value;
        let current = runs.last_mut().expect("a run was started");
        if run > current.0 {
            *current = (run, current.1, i);
        }
    }
    let best = runs.iter().map(|r| r.0).max()?;
    runs.iter()
        .find(|r| r.0 * 100 >= best * EARLIER_RUN_SHARE)
        .map(|&(_, start, end)| (start, end))
}

/// Non-sentence lines in a row inside the story from which they are furniture.
const FURNITURE_RUN: usize = 4;

/// For each line of the story span `start..=end`, whether it is a headline-like or date line
/// in a run of [`FURNITURE_RUN`] or more lines that are not sentences (a gallery's "1 of 11",
/// a newsletter box, "Post to Facebook" rows, a "More from" list). A subheading alone between
/// paragraphs stays, and so does a list the story introduces (a sentence ending in `:`, or
/// items with markers).
pub(super) fn furniture_inside(
    lines: &[String],
    kinds: &[Kind],
    (start, end): (usize, usize),
) -> Vec<bool> {
    let mut furniture = vec![false; lines.len()];
    let non_blank: Vec<usize> = (start..=end.min(lines.len().saturating_sub(1)))
        .filter(|&i| !matches!(kinds[i], Kind::Blank))
        .collect();
    let mut r = 0;
    while r < non_blank.len() {
        if kinds[non_blank[r]] == Kind::Prose {
            r += 1;
            continue;
        }
        let run_end = (r..non_blank.len())
            .find(|&k| kinds[non_blank[k]] == Kind::Prose)
            .unwrap_or(non_blank.len());
        let run = &non_blank[r..run_end];
        let introduced = r > 0 && lines[non_blank[r - 1]].trim_end().ends_with(':');
        let headlines: Vec<usize> = run
            .iter()
            .copied()
            .filter(|&i| kinds[i] == Kind::Headline)
            .collect();
        let listed = run.iter().any(|&i| kinds[i] == Kind::Bullet)
            || (!headlines.is_empty() && headlines.iter().all(|&i| is_list_item(&lines[i])));
        if run.len() >= FURNITURE_RUN && !introduced && !listed {
            for &i in run {
                furniture[i] = matches!(kinds[i], Kind::Headline | Kind::Date);
            }
        }
        r = run_end;
    }
    furniture
}
