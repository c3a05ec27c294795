//! Plain and coloured text for terminals: columns per plan fitted to a width.
//!
//! The `Display` impls of the result types are this renderer without colour:
//! the comparison in its stacked layout, the diff unwrapped.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style};

use super::report::{Report, Tone};
use super::{Options, clause_changes, counts, group_letter, heading, unchanged_text, wrap};
use crate::diff::{ClauseChange, WordTag};
use crate::text::plain;
use crate::{ClauseChangeKind, Comparison, ComparisonRow, Evolution, Merge, PlanDiff, RowStatus};

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

fn status_style(status: RowStatus) -> Style {
    let color = match status {
        RowStatus::Consensus => AnsiColor::Green,
        RowStatus::Divergent => AnsiColor::Red,
        RowStatus::Partial => AnsiColor::BrightBlack,
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
    if plans == 0 || column < MIN_COLUMN {
        stacked(&mut out, comparison, painter, options.width);
    } else {
        columns(&mut out, comparison, painter, subject_width, column);
    }
    out.push_str(&matrix(comparison, painter));
    out.push_str(&subjects_line(comparison));
    out
}

fn legend() -> String {
    "Legend: plans marked with the same letter (A, B, C…) take the same position on a subject; — the plan leaves it out; ? a partial plan is silent on it.".to_owned()
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

/// One cell's lines: `A 21a  status · scope`, wrapped within `width`.
fn cell_lines(row: &ComparisonRow, id: &str, width: usize, painter: Painter) -> Vec<String> {
    let Some(entries) = row.cells.get(id).filter(|e| !e.is_empty()) else {
        return vec![super::empty_cell(row, id).to_owned()];
    };
    let group = row.group_of(id);
    let letter = group.map_or(' ', group_letter).to_string();
    let mut lines = Vec::new();
    for entry in entries {
        let text = format!("{} {}", entry.clause, entry.provision.brief());
        for (n, line) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
            let mark = if n == 0 { letter.as_str() } else { " " };
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

fn columns(out: &mut String, comparison: &Comparison, painter: Painter, subject_width: usize, column: usize) {
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
        let cells: Vec<Vec<String>> = comparison
            .plans
            .iter()
            .map(|id| cell_lines(row, id, column, painter))
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
fn stacked(out: &mut String, comparison: &Comparison, painter: Painter, width: usize) {
    for (i, id) in comparison.plans.iter().enumerate() {
        let _ = writeln!(out, "  ({}) {}", i + 1, plain(id));
    }
    let mut topic = None;
    for row in &comparison.rows {
        if topic != Some(row.topic) {
            topic = Some(row.topic);
            let _ = writeln!(out, "\n{}", painter.paint(BOLD, &format!("== {} ==", row.topic)));
        }
        let _ = writeln!(
            out,
            "{} — {}",
            plain(&row.subject.to_string()),
            painter.paint(status_style(row.status), row.status.as_str())
        );
        for (column, id) in comparison.plans.iter().enumerate() {
            for (n, line) in cell_lines(row, id, width.saturating_sub(6), painter)
                .iter()
                .enumerate()
            {
                let label = if n == 0 {
                    format!("({})", column + 1)
                } else {
                    String::new()
                };
                let _ = writeln!(out, "  {label:<4}{line}");
            }
        }
    }
}

fn matrix(comparison: &Comparison, painter: Painter) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{}",
        painter.paint(
            BOLD,
            "Agreement: share of the subjects two plans both cover on which they agree"
        )
    );
    let mut header = String::from("     ");
    for column in 1..=comparison.plans.len() {
        let _ = write!(header, " {:>5}", format!("({column})"));
    }
    let _ = writeln!(out, "{header}");
    for (i, row) in comparison.matrix.iter().enumerate() {
        let _ = write!(out, "  {:<3}", format!("({})", i + 1));
        for share in row {
            let text = match share {
                Some(share) => format!("{:>5.0}%", share * 100.0),
                None => format!("{:>6}", "—"),
            };
            let style = match share {
                Some(s) if *s >= 0.5 => status_style(RowStatus::Consensus),
                Some(_) => status_style(RowStatus::Divergent),
                None => DIM,
            };
            let _ = write!(out, "{}", painter.paint(style, &text));
        }
        let _ = writeln!(out);
    }
    out
}

/// The diff as a redline: each changed clause group with its word-level wording
/// changes and the provision changes it carries, wrapped within `options.width`.
pub(super) fn diff(diff: &PlanDiff, options: &Options) -> String {
    let painter = Painter { color: options.color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        painter.paint(
            BOLD,
            &format!("--- {} ({})", plain(&diff.from.id), plain(&diff.from.title))
        )
    );
    let _ = writeln!(
        out,
        "{}",
        painter.paint(
            BOLD,
            &format!("+++ {} ({})", plain(&diff.to.id), plain(&diff.to.title))
        )
    );
    let legend = if painter.color {
        format!(
            "{} {}",
            painter.paint(DELETED, "deleted"),
            painter.paint(INSERTED, "inserted")
        )
    } else {
        "[-deleted-] {+inserted+}".to_owned()
    };
    let _ = writeln!(out, "{}: {legend}", painter.paint(BOLD, "Legend"));
    for (change, carried) in clause_changes(diff) {
        if change.kind == ClauseChangeKind::Unchanged && !change.moved && !change.renumbered {
            continue;
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", painter.paint(BOLD, &plain(&heading(change))));
        for line in redline(change, options.width.saturating_sub(2), painter) {
            let _ = writeln!(out, "  {line}");
        }
        for (provision, detail) in carried {
            let text = format!("{} {}{detail}", provision.kind, provision.subject);
            for (n, line) in wrap(&text, options.width.saturating_sub(6))
                .into_iter()
                .enumerate()
            {
                let bullet = if n == 0 { "  • " } else { "    " };
                let _ = writeln!(out, "{bullet}{}", painter.paint(DIM, &line));
            }
        }
    }
    let summary = diff.summary();
    let text = format!(
        "Clauses: {} ({} moved, {} renumbered). Provisions: {}.",
        counts(summary.clauses),
        summary.moved,
        summary.renumbered,
        counts(summary.provisions)
    );
    out.push('\n');
    for line in wrap(&text, options.width) {
        let line = line.replacen("Clauses:", &painter.paint(BOLD, "Clauses:"), 1);
        let _ = writeln!(
            out,
            "{}",
            line.replacen("Provisions:", &painter.paint(BOLD, "Provisions:"), 1)
        );
    }
    out
}

/// The group's wording as wrapped lines: a redline when it changed, else the text.
fn redline(change: &ClauseChange, width: usize, painter: Painter) -> Vec<String> {
    let wording = change.wording();
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
            for line in &item.lines {
                for (n, part) in wrap(line, options.width.saturating_sub(14))
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
    stacked(&mut out, comparison, painter, usize::MAX);
    out.push_str(&matrix(comparison, painter));
    out.push_str(&subjects_line(comparison));
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
