//! A plan as people read it: its metadata, then each clause with its number,
//! subjects, confidence and paraphrase, its other readings and the subjects it
//! says it leaves out.

use std::fmt::Write as _;

use super::{Options, wrap};
use crate::text::{self, plain};
use crate::{Clause, NoteKind, Plan};

/// Clause numbers are right-aligned in a column this wide at most; longer ones
/// push their line on rather than widening every line.
const LABEL_COLUMN: usize = 8;

fn subjects(clause: &Clause) -> String {
    let subjects: Vec<String> = clause.subjects().iter().map(ToString::to_string).collect();
    subjects.join(", ")
}

fn sponsors(plan: &Plan) -> String {
    let sponsors: Vec<&str> = plan.sponsors.iter().map(|p| p.as_str()).collect();
    sponsors.join(", ")
}

fn absences(plan: &Plan) -> impl Iterator<Item = (String, &str)> {
    plan.notes
        .iter()
        .filter(|n| n.kind == NoteKind::Absent)
        .map(|note| {
            let subjects: Vec<String> = note.subjects.iter().map(ToString::to_string).collect();
            (subjects.join(", "), note.text.as_str())
        })
}

/// The plan for a terminal, wrapped within `options.width`.
pub(super) fn terminal(plan: &Plan, options: &Options) -> String {
    let width = options.width.min(super::MAX_WIDTH);
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", plain(&plan.id), plain(&plan.title));
    let _ = writeln!(
        out,
        "{} · {} · {} clauses · sponsors: {}",
        plan.date,
        plan.completeness,
        plan.clauses().len(),
        sponsors(plan)
    );
    if !plan.aliases.is_empty() {
        let aliases: Vec<String> = plan.aliases.iter().map(|a| plain(a).into_owned()).collect();
        let _ = writeln!(out, "also known as: {}", aliases.join("; "));
    }
    let longest = plan
        .clauses()
        .values()
        .map(|c| plain(c.label()).chars().count())
        .max();
    let column = longest.unwrap_or(0).min(LABEL_COLUMN);
    let indent = column + 4;
    let body = width.saturating_sub(indent).max(20);
    for clause in plan.clauses().values() {
        let label = plain(clause.label());
        let pad = " ".repeat(column.saturating_sub(label.chars().count()));
        let _ = writeln!(
            out,
            "\n  {pad}{label}  {}  [{}]",
            plain(&subjects(clause)),
            clause.confidence
        );
        for line in wrap(&clause.text, body) {
            let _ = writeln!(out, "{:indent$}{line}", "");
        }
        for reading in &clause.alternatives {
            let text = format!(
                "reports differ ({}, {}): {}",
                reading.sources.join(", "),
                reading.confidence,
                reading.text
            );
            for line in wrap(&text, body) {
                let _ = writeln!(out, "{:indent$}{line}", "");
            }
        }
    }
    for (subjects, note) in absences(plan) {
        let _ = writeln!(out, "\n  leaves out {}", plain(&subjects));
        for line in wrap(note, width.saturating_sub(4).max(20)) {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// The plan as a Markdown section with one list item per clause.
pub(super) fn markdown(plan: &Plan) -> String {
    let mut out = format!(
        "## {} — {}\n\n",
        text::markdown(&plan.id),
        text::markdown(&plan.title)
    );
    let _ = writeln!(
        out,
        "{} · {} · {} clauses · sponsors: {}\n",
        plan.date,
        plan.completeness,
        plan.clauses().len(),
        text::markdown(&sponsors(plan))
    );
    for clause in plan.clauses().values() {
        let _ = writeln!(
            out,
            "- **{}** {} ({}, {})",
            text::markdown(clause.label()),
            text::markdown(&clause.text),
            text::markdown_code(&subjects(clause)),
            clause.confidence
        );
        for reading in &clause.alternatives {
            let _ = writeln!(
                out,
                "  - reports differ ({}): {}",
                reading.confidence,
                text::markdown(&reading.text)
            );
        }
    }
    for (subjects, note) in absences(plan) {
        let _ = writeln!(
            out,
            "- leaves out {}: {}",
            text::markdown_code(&subjects),
            text::markdown(note)
        );
    }
    out
}

/// Plans as one HTML page, one section each.
pub(super) fn html(plans: &[Plan]) -> String {
    let mut body = String::new();
    for plan in plans {
        body.push_str("<section class=\"plan\">\n");
        body.push_str(&html_section(plan));
        body.push_str("</section>\n");
    }
    let title = match plans {
        [plan] => plan.title.clone(),
        _ => format!("{} plans", plans.len()),
    };
    super::html::page(&title, &body)
}

fn html_section(plan: &Plan) -> String {
    let mut body = format!("<h1>{}</h1>\n", text::html(&plan.title));
    let _ = writeln!(
        body,
        "<p><code>{}</code> · {} · {} · {} clauses · sponsors: {}</p>\n<ol class=\"clauses\">",
        text::html(&plan.id),
        plan.date,
        plan.completeness,
        plan.clauses().len(),
        text::html(&sponsors(plan))
    );
    for clause in plan.clauses().values() {
        let _ = write!(
            body,
            "<li><strong>{}</strong> <code>{}</code> <span class=\"tag\">{}</span><p>{}</p>",
            text::html(clause.label()),
            text::html(&subjects(clause)),
            clause.confidence,
            text::html(&clause.text)
        );
        for reading in &clause.alternatives {
            let _ = write!(
                body,
                "<p>reports differ ({}): {}</p>",
                reading.confidence,
                text::html(&reading.text)
            );
        }
        body.push_str("</li>\n");
    }
    body.push_str("</ol>\n");
    for (subjects, note) in absences(plan) {
        let _ = writeln!(
            body,
            "<p>leaves out <code>{}</code>: {}</p>",
            text::html(&subjects),
            text::html(note)
        );
    }
    body
}
