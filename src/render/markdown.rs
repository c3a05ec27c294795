//! GitHub-flavoured Markdown: tables for comparisons, `~~deleted~~` and
//! `**inserted**` redlines for diffs.
//!
//! Text from plans is escaped, so a `|` or a line break in a clause never breaks a
//! table and no markup or HTML in it takes effect.

use std::fmt::Write as _;

use crate::text;

use super::changes;
use super::sources::Citations;
use super::{counts, group_letter, standing, unchanged_text};
use crate::diff::WordTag;
use crate::{Comparison, PlanDiff};

/// The comparison as a table with one column per plan, then the agreement matrix.
pub(super) fn comparison(comparison: &Comparison) -> String {
    let mut out = String::new();
    let ids: Vec<String> = comparison.plans.iter().map(|id| text::markdown(id)).collect();
    let _ = writeln!(out, "## Comparison of {} plans\n", ids.len());
    let _ = writeln!(out, "{}\n", text::markdown(super::COMPARISON_LEGEND));
    let _ = writeln!(out, "| Subject | Status | {} |", ids.join(" | "));
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(ids.len()));
    let mut citations = Citations::default();
    for row in &comparison.rows {
        let cells: Vec<String> = comparison
            .plans
            .iter()
            .map(|id| {
                let entries = row.cells.get(id).map(Vec::as_slice).unwrap_or_default();
                if entries.is_empty() {
                    return text::markdown(&super::empty_cell_text(row, id, &mut citations));
                }
                let letter = row.group_of(id).map_or(' ', group_letter);
                let lines: Vec<String> = super::cell_texts(entries, &mut citations)
                    .iter()
                    .map(|line| text::markdown(line))
                    .collect();
                format!("**{letter}** {}", lines.join("<br>"))
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} ({}) | {} |",
            text::markdown_code(&row.subject.to_string()),
            row.status,
            text::markdown(&standing(row)),
            cells.join(" | ")
        );
    }
    let _ = writeln!(out, "\n### Agreement\n");
    let _ = writeln!(out, "Agreement: {}\n", text::markdown(super::MATRIX_LEGEND));
    let _ = writeln!(out, "| | {} |", ids.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(ids.len()));
    for (id, row) in ids.iter().zip(&comparison.matrix) {
        let cells: Vec<String> = row.iter().map(super::agreement_text).collect();
        let _ = writeln!(out, "| **{id}** | {} |", cells.join(" | "));
    }
    let _ = writeln!(
        out,
        "\n{} subjects: {}.",
        comparison.rows.len(),
        counts(comparison.counts())
    );
    out.push_str(&citations.markdown());
    out
}

/// The diff, one section per shown clause change: its typed changes first,
/// where each side comes from, then its wording as a redline. Unknown changes
/// are marked `?` and their text quoted as it stands, never struck out.
pub(super) fn diff(diff: &PlanDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} → {}\n",
        text::markdown(&diff.from.id),
        text::markdown(&diff.to.id)
    );
    for (sign, header) in [("Old", &diff.from), ("New", &diff.to)] {
        let _ = writeln!(
            out,
            "- **{sign}:** *{}*, {}, {}",
            text::markdown(&header.title),
            header.date,
            header.completeness
        );
    }
    let _ = writeln!(
        out,
        "\n~~Deleted~~ and **inserted** words; ? unknown: a partial plan is silent; \\[1 · high\\] sources and confidence."
    );
    for note in changes::notes(diff) {
        let _ = writeln!(out, "\n*{}*", text::markdown(&note));
    }
    let mut citations = Citations::default();
    for view in changes::views(diff, &mut citations) {
        let heading = if view.unknown {
            format!("? {}", view.heading)
        } else {
            view.heading.clone()
        };
        let _ = writeln!(out, "\n### {}\n", text::markdown(&heading));
        for typed in &view.typed {
            let _ = writeln!(out, "- {}", text::markdown(typed));
        }
        let sides: Vec<String> = [("old", &view.old), ("new", &view.new)]
            .into_iter()
            .filter(|(_, marks)| !marks.is_empty())
            .map(|(side, marks)| {
                let parts: Vec<String> = marks
                    .iter()
                    .map(|(label, mark)| format!("{label} {mark}"))
                    .collect();
                format!("{side} {}", parts.join(", "))
            })
            .collect();
        let _ = writeln!(out, "- from: {}", text::markdown(&sides.join("; ")));
        if view.unknown {
            let _ = writeln!(
                out,
                "\nText, as it stands: {}",
                text::markdown(unchanged_text(view.change))
            );
            continue;
        }
        let wording = &view.wording;
        if wording.is_empty() {
            let _ = writeln!(out, "\n{}", text::markdown(unchanged_text(view.change)));
        } else {
            let label = if view.compares_paraphrases(diff) {
                "Wording (paraphrases compared): "
            } else {
                ""
            };
            let _ = writeln!(out, "\n{label}{}", redline(wording));
        }
    }
    out.push('\n');
    for line in changes::summary(diff) {
        let _ = writeln!(out, "{}  ", text::markdown(&line));
    }
    out.push_str(&citations.markdown());
    out
}

/// Word runs as Markdown, markers hugging the words (`~~a b~~ **c**`).
fn redline(words: &[crate::diff::WordChange]) -> String {
    let mut out = String::new();
    let mut previous = WordTag::Equal;
    for run in words {
        // A deletion and the insertion replacing it read as two marked phrases.
        if previous == WordTag::Delete && run.tag == WordTag::Insert {
            out.push(' ');
        }
        previous = run.tag;
        let text = text::markdown(&run.text);
        let (marker, trimmed) = match run.tag {
            WordTag::Equal => {
                out.push_str(&text);
                continue;
            }
            WordTag::Delete => ("~~", text.trim()),
            WordTag::Insert => ("**", text.trim()),
        };
        if trimmed.is_empty() {
            out.push_str(&text);
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let tail = &text[text.trim_end().len()..];
        let _ = write!(out, "{lead}{marker}{trimmed}{marker}{tail}");
    }
    out
}
