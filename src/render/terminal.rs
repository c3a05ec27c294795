//! Plain and coloured text for terminals: columns per plan fitted to a width.
//!
//! The `Display` impls of the result types are this renderer without colour:
//! the comparison in its stacked layout, the diff unwrapped.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};

use super::changes;
use super::report::{Report, Tone};
use super::sources::Citations;
use super::{Options, counts, group_letter, standing, unchanged_text, wrap};
use crate::diff::{ClauseChange, WordChange, WordTag};
use crate::text::plain;
use crate::{Comparison, ComparisonRow, Evolution, Merge, PlanDiff, RowStatus};

/// Applies styles when colour is on.
#[derive(Clone, Copy)]
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }
}

const BOLD: Style = Style::new().effects(Effects::BOLD);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const DELETED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .effects(Effects::STRIKETHROUGH);
const INSERTED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)))
    .effects(Effects::UNDERLINE);

/// Colours of agreement groups A, B, C…, cycling.
const GROUPS: [AnsiColor; 6] = [
    AnsiColor::Green,
    AnsiColor::Yellow,
    AnsiColor::Magenta,
    AnsiColor::Cyan,
    AnsiColor::Blue,
    AnsiColor::Red,
];

fn group_style(group: usize) -> Style {
    let color = GROUPS
        .get(group % GROUPS.len())
        .copied()
        .unwrap_or(AnsiColor::White);
    Style::new()
        .fg_color(Some(anstyle::Color::Ansi(color)))
        .effects(Effects::BOLD)
}

// Blue and orange, which read apart in every common colour vision.
fn status_style(status: RowStatus) -> Style {
    let color = match status {
        RowStatus::Consensus => AnsiColor::Blue,
        RowStatus::Divergent => AnsiColor::Yellow,
        _ => AnsiColor::BrightBlack,
    };
    Style::new().fg_color(Some(anstyle::Color::Ansi(color)))
}

/// Narrowest plan column worth drawing; below it the comparison is stacked.
const MIN_COLUMN: usize = 16;
const GAP: usize = 2;

/// The comparison as columns per plan within `options.width`, or stacked rows when
/// the plans do not fit side by side.
pub(super) fn comparison(comparison: &Comparison, options: &Options) -> String {
    let painter = Painter { color: options.color };
    let mut out = String::new();
    let plans = comparison.plans.len();
    let options = &Options::width(options.width.min(super::MAX_WIDTH)).with_color(options.color);
    let subject_width = (options.width / 4).clamp(16, 30);
    let column = options
        .width
        .saturating_sub(subject_width + GAP * plans)
        .checked_div(plans)
        .unwrap_or(0);
    for line in wrap(&legend(), options.width) {
        let _ = writeln!(out, "{}", paint_letters(&line, painter));
    }
    let mut citations = Citations::default();
    if plans == 0 || column < MIN_COLUMN {
        stacked(&mut out, comparison, painter, options.width, &mut citations);
    } else {
        columns(
            &mut out,
            comparison,
            painter,
            subject_width,
            column,
            &mut citations,
        );
    }
    out.push_str(&matrix(comparison, painter, options.width));
    out.push_str(&subjects_line(comparison));
    out.push_str(&source_list(&citations, options.width, painter));
    out
}

fn legend() -> String {
    format!("Legend: {}", super::COMPARISON_LEGEND)
}

/// The sources cited, each wrapped within `width`.
fn source_list(citations: &Citations, width: usize, painter: Painter) -> String {
    let lines = citations.plain_lines();
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", painter.paint(BOLD, "Sources"));
    for line in lines {
        for (n, part) in wrap(&line, width.saturating_sub(4).max(20))
            .into_iter()
            .enumerate()
        {
            let indent = if n == 0 { "" } else { "    " };
            let _ = writeln!(out, "{indent}{part}");
        }
    }
    out
}

/// Colours the legend's sample letters like the groups they stand for.
fn paint_letters(line: &str, painter: Painter) -> String {
    let mut line = line.replacen("Legend:", &painter.paint(BOLD, "Legend:"), 1);
    for (g, sample) in ["(A,", " B,", " C…)"].iter().enumerate() {
        let letter = group_letter(g).to_string();
        line = line.replacen(
            sample,
            &sample.replacen(&letter, &painter.paint(group_style(g), &letter), 1),
            1,
        );
    }
    line
}

/// One cell's lines: `A 21a status · scope [1 · high]`, then any other reading
/// sources report, wrapped within `width`.
fn cell_lines(
    row: &ComparisonRow,
    id: &str,
    width: usize,
    painter: Painter,
    citations: &mut Citations,
) -> Vec<String> {
    let Some(entries) = row.cells.get(id).filter(|e| !e.is_empty()) else {
        return wrap(
            &super::empty_cell_text(row, id, citations),
            width.saturating_sub(2),
        );
    };
    let group = row.group_of(id);
    let letter = group.map_or(' ', group_letter).to_string();
    let mut lines = Vec::new();
    for (k, text) in super::cell_texts(entries, citations).into_iter().enumerate() {
        for (n, line) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
            let mark = if n == 0 && k == 0 { letter.as_str() } else { " " };
            let mark = match group {
                Some(g) => painter.paint(group_style(g), mark),
                None => mark.to_owned(),
            };
            lines.push(format!("{mark} {line}"));
        }
    }
    lines
}

fn visible_len(line: &str, painter: Painter) -> usize {
    if painter.color {
        // Escape sequences run from ESC to the final `m`.
        let mut len = 0;
        let mut escape = false;
        for c in line.chars() {
            match (escape, c) {
                (false, '\u{1b}') => escape = true,
                (true, 'm') => escape = false,
                (true, _) => {}
                (false, _) => len += 1,
            }
        }
        len
    } else {
        line.chars().count()
    }
}

fn pad(line: &str, width: usize, painter: Painter) -> String {
    let fill = width.saturating_sub(visible_len(line, painter));
    format!("{line}{}", " ".repeat(fill))
}

fn columns(
    out: &mut String,
    comparison: &Comparison,
    painter: Painter,
    subject_width: usize,
    column: usize,
    citations: &mut Citations,
) {
    // Header: plan ids, wrapped at hyphens if needed.
    let headers: Vec<Vec<String>> = comparison
        .plans
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let header = format!("({}) {}", i + 1, plain(id));
            if header.chars().count() <= column {
                vec![header]
            } else {
                // Break long ids after their hyphens rather than anywhere.
                let lines = wrap(&header.replace('-', "- "), column);
                lines.into_iter().map(|l| l.replace("- ", "-")).collect()
            }
        })
        .collect();
    let height = headers.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let mut text = pad(if line == 0 { "subject" } else { "" }, subject_width, painter);
        for header in &headers {
            text.push_str(&" ".repeat(GAP));
            text.push_str(&pad(header.get(line).map_or("", String::as_str), column, painter));
        }
        let _ = writeln!(out, "{}", painter.paint(BOLD, text.trim_end()));
    }
    let total = subject_width + (GAP + column) * comparison.plans.len();
    let mut topic = None;
    for row in &comparison.rows {
        if topic != Some(row.topic) {
            topic = Some(row.topic);
            let title = format!("── {} ", row.topic);
            let rule = "─".repeat(total.saturating_sub(title.chars().count()));
            let _ = writeln!(out, "{}", painter.paint(DIM, &format!("{title}{rule}")));
        }
        let mut left = wrap(row.subject.slug(), subject_width);
        left.push(painter.paint(status_style(row.status), row.status.as_str()));
        left.extend(
            wrap(&standing(row), subject_width)
                .into_iter()
                .map(|l| painter.paint(DIM, &l)),
        );
        let cells: Vec<Vec<String>> = comparison
            .plans
            .iter()
            .map(|id| cell_lines(row, id, column, painter, citations))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(left.len());
        for line in 0..height {
            let mut text = pad(left.get(line).map_or("", String::as_str), subject_width, painter);
            for cell in &cells {
                text.push_str(&" ".repeat(GAP));
                text.push_str(&pad(cell.get(line).map_or("", String::as_str), column, painter));
            }
            let _ = writeln!(out, "{}", text.trim_end());
        }
    }
}

/// Rows one under another, each cell on its own lines: for narrow terminals and
/// for `Display`.
fn stacked(
    out: &mut String,
    comparison: &Comparison,
    painter: Painter,
    width: usize,
    citations: &mut Citations,
) {
    for (i, id) in comparison.plans.iter().enumerate() {
        let _ = writeln!(out, "  ({}) {}", i + 1, plain(id));
    }
    // The plan numbers and a space, as wide as the largest number needs.
    let label_width = number_width(comparison.plans.len()) + 1;
    let mut topic = None;
    for row in &comparison.rows {
        if topic != Some(row.topic) {
            topic = Some(row.topic);
            let _ = writeln!(out, "\n{}", painter.paint(BOLD, &format!("== {} ==", row.topic)));
        }
        let subject = plain(&row.subject.to_string()).into_owned();
        let status = painter.paint(status_style(row.status), row.status.as_str());
        let standing = format!("({})", standing(row));
        let one_line = subject.chars().count() + row.status.as_str().len() + standing.chars().count() + 4;
        if one_line <= width {
            let _ = writeln!(out, "{subject} — {status} {standing}");
        } else {
            let _ = writeln!(out, "{subject} — {status}");
            for line in wrap(&standing, width.saturating_sub(2)) {
                let _ = writeln!(out, "  {line}");
            }
        }
        for (column, id) in comparison.plans.iter().enumerate() {
            let text_width = width.saturating_sub(2 + label_width);
            for (n, line) in cell_lines(row, id, text_width, painter, citations)
                .iter()
                .enumerate()
            {
                let label = if n == 0 {
                    format!("({})", column + 1)
                } else {
                    String::new()
                };
                let _ = writeln!(out, "  {label:<label_width$}{line}");
            }
        }
    }
}

/// The width of the largest plan number in parentheses, `(n)`, for `plans` plans.
fn number_width(plans: usize) -> usize {
    format!("({plans})").len()
}

fn matrix(comparison: &Comparison, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    out.push('\n');
    for line in wrap(&format!("Agreement: {}", super::MATRIX_LEGEND), width) {
        let _ = writeln!(
            out,
            "{}",
            line.replacen("Agreement:", &painter.paint(BOLD, "Agreement:"), 1)
        );
    }
    let cells: Vec<Vec<String>> = comparison
        .matrix
        .iter()
        .map(|row| row.iter().map(super::agreement_text).collect())
        .collect();
    let cell = cells
        .iter()
        .flatten()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(1)
        .max(3);
    let plans = comparison.plans.len();
    let label = number_width(plans);
    let cell = cell.max(label);
    // Columns that do not fit the width go on in further blocks of about equal size.
    let fit = (width.saturating_sub(2 + label) / (cell + 1)).max(1);
    let blocks = plans.div_ceil(fit).max(1);
    let per_block = plans.div_ceil(blocks).max(1);
    let columns: Vec<usize> = (0..plans).collect();
    for (b, block) in columns.chunks(per_block).enumerate() {
        let first = block.first().copied().unwrap_or(0);
        if b > 0 {
            out.push('\n');
        }
        let mut header = " ".repeat(2 + label);
        for column in block {
            let _ = write!(header, " {:>cell$}", format!("({})", column + 1));
        }
        let _ = writeln!(out, "{}", header.trim_end());
        for (i, row) in cells.iter().enumerate() {
            let _ = write!(out, "  {:<label$}", format!("({})", i + 1));
            for (j, text) in row.iter().enumerate().skip(first).take(block.len()) {
                let text = format!(" {text:>cell$}");
                // The diagonal (a plan with itself) is faint.
                let text = if i == j { painter.paint(DIM, &text) } else { text };
                let _ = write!(out, "{text}");
            }
            let _ = writeln!(out);
        }
    }
    out
}

/// The diff: each shown clause change with its typed changes first, where each
/// side comes from, then its wording, wrapped within `options.width`. Unknown
/// changes are marked `?` and their text shown as it stands, never struck out.
pub(super) fn diff(diff: &PlanDiff, options: &Options) -> String {
    let painter = Painter { color: options.color };
    let width = options.width.min(super::MAX_WIDTH);
    let mut out = String::new();
    for (sign, header) in [("---", &diff.from), ("+++", &diff.to)] {
        let line = format!(
            "{sign} {} ({}), {}, {}",
            plain(&header.id),
            plain(&header.title),
            header.date,
            header.completeness
        );
        let _ = writeln!(out, "{}", painter.paint(BOLD, &line));
    }
    let legend = if painter.color {
        format!(
            "{} {} ? unknown: a partial plan is silent",
            painter.paint(DELETED, "deleted"),
            painter.paint(INSERTED, "inserted")
        )
    } else {
        "[-deleted-] {+inserted+} ? unknown: a partial plan is silent".to_owned()
    };
    // The legend's own styles stay whole: it is wrapped at its clauses.
    let _ = writeln!(out, "{}: {legend};", painter.paint(BOLD, "Legend"));
    let _ = writeln!(out, "[1 · high] sources and confidence");
    for note in changes::notes(diff) {
        for line in wrap(&note, width) {
            let _ = writeln!(out, "{}", painter.paint(DIM, &line));
        }
    }
    let mut citations = Citations::default();
    for view in changes::views(diff, &mut citations) {
        let _ = writeln!(out);
        let heading = if view.unknown {
            format!("? {}", view.heading)
        } else {
            view.heading.clone()
        };
        let style = if view.unknown { DIM } else { BOLD };
        let _ = writeln!(out, "{}", painter.paint(style, &plain(&heading)));
        for typed in &view.typed {
            for (n, line) in wrap(typed, width.saturating_sub(4)).into_iter().enumerate() {
                let bullet = if n == 0 { "  • " } else { "    " };
                let _ = writeln!(out, "{bullet}{line}");
            }
        }
        let marks = |side: &str, marks: &[(String, super::sources::Mark)]| {
            let parts: Vec<String> = marks
                .iter()
                .map(|(label, mark)| format!("{label} {mark}"))
                .collect();
            (!parts.is_empty()).then(|| format!("{side} {}", parts.join(", ")))
        };
        let from = [marks("old", &view.old), marks("new", &view.new)];
        let from: Vec<String> = from.into_iter().flatten().collect();
        for line in wrap(&format!("from: {}", from.join("; ")), width.saturating_sub(2)) {
            let _ = writeln!(out, "  {}", painter.paint(DIM, &line));
        }
        if view.unknown {
            for line in wrap(super::unchanged_text(view.change), width.saturating_sub(4)) {
                let _ = writeln!(out, "    {}", painter.paint(DIM, &line));
            }
            continue;
        }
        if view.compares_paraphrases(diff) {
            let _ = writeln!(out, "  {}", painter.paint(DIM, "wording (paraphrases compared):"));
        }
        for line in redline(view.change, &view.wording, width.saturating_sub(4), painter) {
            let _ = writeln!(out, "    {line}");
        }
    }
    out.push('\n');
    for line in changes::summary(diff).iter().flat_map(|l| wrap(l, width)) {
        let _ = writeln!(out, "{line}");
    }
    out.push_str(&source_list(&citations, width, painter));
    out
}

/// The group's wording as wrapped lines: a redline when it changed, else the text.
fn redline(change: &ClauseChange, wording: &[WordChange], width: usize, painter: Painter) -> Vec<String> {
    let words: Vec<(WordTag, String)> = if wording.is_empty() {
        unchanged_text(change)
            .split_whitespace()
            .map(|w| (WordTag::Equal, plain(w).into_owned()))
            .collect()
    } else {
        wording
            .iter()
            .flat_map(|run| {
                let words: Vec<&str> = run.text.split_whitespace().collect();
                let last = words.len().saturating_sub(1);
                // Without colour, markers enclose each run: [-a b-] {+c+}.
                words
                    .into_iter()
                    .enumerate()
                    .map(move |(i, word)| {
                        let word = plain(word);
                        let word = match (painter.color, run.tag) {
                            (false, WordTag::Delete) => marked(&word, i == 0, i == last, "[-", "-]"),
                            (false, WordTag::Insert) => marked(&word, i == 0, i == last, "{+", "+}"),
                            _ => word.into_owned(),
                        };
                        (run.tag, word)
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mut lines = Vec::new();
    let (mut line, mut len) = (String::new(), 0);
    for (tag, word) in words {
        let word_len = word.chars().count();
        if len > 0 && len + 1 + word_len > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        let style = match tag {
            WordTag::Equal => Style::new(),
            WordTag::Delete => DELETED,
            WordTag::Insert => INSERTED,
        };
        line.push_str(&painter.paint(style, &word));
        len += word_len;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn marked(word: &str, first: bool, last: bool, open: &str, close: &str) -> String {
    format!(
        "{}{word}{}",
        if first { open } else { "" },
        if last { close } else { "" }
    )
}

/// A merge: the subjects and clause blocks that changed, conflicts in red.
pub(super) fn merge(merge: &Merge, options: &Options) -> String {
    report(&super::report::merge(merge), options)
}

/// A subject's history, plan by plan.
pub(super) fn evolution(evolution: &Evolution, options: &Options) -> String {
    report(&super::report::evolution(evolution), options)
}

/// Plans against the parties' stated positions.
pub(super) fn positions(positions: &crate::Positions, options: &Options) -> String {
    report(&super::report::positions(positions), options)
}

fn report(report: &Report, options: &Options) -> String {
    let painter = Painter { color: options.color };
    let mut out = String::new();
    for line in wrap(&report.title, options.width) {
        let _ = writeln!(out, "{}", painter.paint(BOLD, &line));
    }
    for line in report.intro.iter().flat_map(|l| wrap(l, options.width)) {
        let _ = writeln!(out, "{line}");
    }
    for section in &report.sections {
        let _ = writeln!(
            out,
            "\n{}",
            painter.paint(BOLD, &format!("── {} ──", section.heading))
        );
        if section.items.is_empty() {
            let _ = writeln!(out, "none");
        }
        for item in &section.items {
            let color = match item.tone {
                Tone::Calm => AnsiColor::Green,
                Tone::Change => AnsiColor::Yellow,
                Tone::Alarm => AnsiColor::Red,
                Tone::Faint => AnsiColor::BrightBlack,
            };
            let tag = painter.paint(
                Style::new()
                    .fg_color(Some(anstyle::Color::Ansi(color)))
                    .effects(Effects::BOLD),
                &format!("{:<9}", item.tag),
            );
            for (n, line) in wrap(&item.title, options.width.saturating_sub(10))
                .into_iter()
                .enumerate()
            {
                let lead = if n == 0 { tag.clone() } else { " ".repeat(9) };
                let _ = writeln!(out, "{lead} {}", painter.paint(BOLD, &line));
            }
            let columns = item.columns.iter().map(|v| format!("{}: {}", v.label, v.text));
            for line in columns.chain(item.lines.iter().cloned()) {
                for (n, part) in wrap(&line, options.width.saturating_sub(14))
                    .into_iter()
                    .enumerate()
                {
                    let bullet = if n == 0 { "          • " } else { "            " };
                    let _ = writeln!(out, "{bullet}{part}");
                }
            }
        }
    }
    out.push('\n');
    for line in wrap(&report.summary, options.width) {
        let _ = writeln!(out, "{line}");
    }
    out.push_str(&source_list(&report.sources, options.width, painter));
    out
}

fn subjects_line(comparison: &Comparison) -> String {
    format!(
        "\n{} subjects: {}.\n",
        comparison.rows.len(),
        counts(comparison.counts())
    )
}

/// The stacked comparison without colour, for `Display`.
fn comparison_plain(comparison: &Comparison) -> String {
    let painter = Painter { color: false };
    let mut out = String::new();
    let _ = writeln!(out, "Comparison of {} plans:", comparison.plans.len());
    let mut citations = Citations::default();
    stacked(&mut out, comparison, painter, usize::MAX, &mut citations);
    out.push_str(&matrix(comparison, painter, usize::MAX));
    out.push_str(&subjects_line(comparison));
    out.push_str(&source_list(&citations, usize::MAX, painter));
    out
}

// Every result's `Display` is its terminal form without colour and without a width
// limit, so that `println!("{result}")` and the renderers cannot drift apart.

impl std::fmt::Display for Comparison {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&comparison_plain(self))
    }
}

impl std::fmt::Display for PlanDiff<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&diff(self, &Options::width(usize::MAX)))
    }
}

impl std::fmt::Display for Merge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&merge(self, &Options::width(usize::MAX)))
    }
}

impl std::fmt::Display for Evolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&evolution(self, &Options::width(usize::MAX)))
    }
}
