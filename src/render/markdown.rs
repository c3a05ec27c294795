//! GitHub-flavoured Markdown: tables for comparisons, `~~deleted~~` and
//! `**inserted**` redlines for diffs.
//!
//! Text from plans is escaped, so a `|` or a line break in a clause never breaks a
//! table and no markup or HTML in it takes effect.

use std::fmt::Write as _;

use crate::text;

use super::{clause_changes, counts, group_letter, heading, unchanged_text};
use crate::diff::WordTag;
use crate::{ClauseChangeKind, Comparison, PlanDiff};

/// The comparison as a table with one column per plan, then the agreement matrix.
pub(super) fn comparison(comparison: &Comparison) -> String {
    let mut out = String::new();
    let ids: Vec<String> = comparison.plans.iter().map(|id| text::markdown(id)).collect();
    let _ = writeln!(out, "## Comparison of {} plans\n", ids.len());
    let _ = writeln!(
        out,
        "Plans marked with the same letter take the same position on a subject; — means the plan leaves it out, ? that a partial plan is silent on it.\n"
    );
    let _ = writeln!(out, "| Subject | Status | {} |", ids.join(" | "));
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(ids.len()));
    for row in &comparison.rows {
        let cells: Vec<String> = comparison
            .plans
            .iter()
            .map(|id| {
                let entries = row.cells.get(id).map(Vec::as_slice).unwrap_or_default();
                if entries.is_empty() {
                    return super::empty_cell(row, id).to_owned();
                }
                let letter = row.group_of(id).map_or(' ', group_letter);
                let lines: Vec<String> = entries
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            text::markdown(&e.clause),
                            text::markdown(&e.provision.brief())
                        )
                    })
                    .collect();
                format!("**{letter}** {}", lines.join("<br>"))
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            text::markdown_code(&row.subject.to_string()),
            row.status,
            cells.join(" | ")
        );
    }
    let _ = writeln!(out, "\n### Agreement\n");
    let _ = writeln!(
        out,
        "Share of the subjects two plans both cover on which they agree.\n"
    );
    let _ = writeln!(out, "| | {} |", ids.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(ids.len()));
    for (id, shares) in ids.iter().zip(&comparison.matrix) {
        let shares: Vec<String> = shares
            .iter()
            .map(|share| share.map_or_else(|| "—".to_owned(), |s| format!("{:.0}%", s * 100.0)))
            .collect();
        let _ = writeln!(out, "| **{id}** | {} |", shares.join(" | "));
    }
    let _ = writeln!(
        out,
        "\n{} subjects: {}.",
        comparison.rows.len(),
        counts(comparison.counts())
    );
    out
}

/// The diff as a redline, one section per changed clause group, with its provision changes.
pub(super) fn diff(diff: &PlanDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {} → {}\n",
        text::markdown(&diff.from.id),
        text::markdown(&diff.to.id)
    );
    let _ = writeln!(
        out,
        "From *{}* to *{}*. ~~Deleted~~ and **inserted** words.",
        text::markdown(&diff.from.title),
        text::markdown(&diff.to.title)
    );
    for (change, carried) in clause_changes(diff) {
        if change.kind == ClauseChangeKind::Unchanged && !change.moved && !change.renumbered {
            continue;
        }
        let _ = writeln!(out, "\n### {}\n", text::markdown(&heading(change)));
        let wording = change.wording();
        if wording.is_empty() {
            let _ = writeln!(out, "{}", text::markdown(unchanged_text(change)));
        } else {
            let _ = writeln!(out, "{}", redline(&wording));
        }
        let provisions: Vec<String> = carried
            .into_iter()
            .map(|(p, detail)| {
                // The separator is ours; only the fields are data.
                let detail = detail
                    .strip_prefix(": ")
                    .map_or_else(String::new, |d| format!(": {}", text::markdown(d)));
                format!(
                    "- {} {}{detail}",
                    p.kind,
                    text::markdown_code(&p.subject.to_string())
                )
            })
            .collect();
        if !provisions.is_empty() {
            let _ = writeln!(out, "\n{}", provisions.join("\n"));
        }
    }
    let summary = diff.summary();
    let _ = writeln!(
        out,
        "\n**Clauses:** {} ({} moved, {} renumbered). **Provisions:** {}.",
        counts(summary.clauses),
        summary.moved,
        summary.renumbered,
        counts(summary.provisions)
    );
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
