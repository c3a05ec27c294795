//! A plan as people read it: its metadata, then each clause with its number,
//! subjects, confidence and paraphrase, its other readings and the subjects it
//! says it leaves out.

use std::fmt::Write as _;

use super::sources::{Citations, Mark};
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
    // Party names read as words: `united_states` → `united states`.
    let sponsors: Vec<String> = plan
        .sponsors
        .iter()
        .map(|p| p.as_str().replace('_', " "))
        .collect();
    sponsors.join(", ")
}

/// The mark of a clause or reading of `plan`: its sources, looked up in the plan, and confidence.
fn mark_of(citations: &mut Citations, plan: &Plan, ids: &[String], confidence: crate::Confidence) -> Mark {
    citations.mark_ids(|id| plan.sources().get(id), ids, confidence)
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
    let mut citations = Citations::default();
    for clause in plan.clauses().values() {
        let label = plain(clause.label());
        let pad = " ".repeat(column.saturating_sub(label.chars().count()));
        let mark = mark_of(&mut citations, plan, &clause.sources, clause.confidence);
        // The heading wraps under the subjects when they do not fit.
        let heading = format!("{}  {mark}", subjects(clause));
        for (n, line) in wrap(&heading, body).into_iter().enumerate() {
            let _ = if n == 0 {
                writeln!(out, "\n  {pad}{label}  {line}")
            } else {
                writeln!(out, "{:indent$}{line}", "")
            };
        }
        for line in wrap(&clause.text, body) {
            let _ = writeln!(out, "{:indent$}{line}", "");
        }
        for reading in &clause.alternatives {
            let mark = mark_of(&mut citations, plan, &reading.sources, reading.confidence);
            let text = format!("{} {mark}: {}", reading.label(), reading.text);
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
    let sources = citations.plain_lines();
    if !sources.is_empty() {
        let _ = writeln!(out, "\n  Sources");
    }
    for line in sources {
        for (n, part) in wrap(&line, width.saturating_sub(8).max(20))
            .into_iter()
            .enumerate()
        {
            let indent = if n == 0 { "  " } else { "      " };
            let _ = writeln!(out, "{indent}{part}");
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
    let mut citations = Citations::default();
    for clause in plan.clauses().values() {
        let mark = mark_of(&mut citations, plan, &clause.sources, clause.confidence);
        let _ = writeln!(
            out,
            "- **{}** {} ({}) {}",
            text::markdown(clause.label()),
            text::markdown(&clause.text),
            text::markdown_code(&subjects(clause)),
            text::markdown(&mark.to_string())
        );
        for reading in &clause.alternatives {
            let mark = mark_of(&mut citations, plan, &reading.sources, reading.confidence);
            let _ = writeln!(
                out,
                "  - {} {}: {}",
                text::markdown(&reading.label()),
                text::markdown(&mark.to_string()),
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
    out.push_str(&citations.markdown());
    out
}

/// Plans as one HTML page, one section each.
pub(super) fn html(plans: &[Plan]) -> String {
    let mut body = String::new();
    let mut citations = Citations::default();
    for plan in plans {
        body.push_str("<section class=\"plan\">\n");
        body.push_str(&html_section(plan, &mut citations));
        body.push_str("</section>\n");
    }
    body.push_str(&citations.html());
    let title = match plans {
        [plan] => plan.title.clone(),
        _ => format!("{} plans", plans.len()),
    };
    super::html::page(&title, &body)
}

fn html_section(plan: &Plan, citations: &mut Citations) -> String {
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
        let mark = mark_of(citations, plan, &clause.sources, clause.confidence);
        let _ = write!(
            body,
            "<li><strong>{}</strong> <code>{}</code> {}<p>{}</p>",
            text::html(clause.label()),
            text::html(&subjects(clause)),
            mark.html(),
            text::html(&clause.text)
        );
        for reading in &clause.alternatives {
            let mark = mark_of(citations, plan, &reading.sources, reading.confidence);
            let _ = write!(
                body,
                "<p class=\"reading\">{} {}: {}</p>",
                text::html(&reading.label()),
                mark.html(),
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
