//! One self-contained HTML page: inline CSS, no scripts, nothing fetched.
//!
//! Comparisons show the plans side by side, rows coloured by status, cells by
//! agreement group, and the agreement matrix as a coloured grid. Diffs show each
//! changed clause group with `<del>`/`<ins>` redlines. All text is escaped, and the
//! page is well-formed XML as well as HTML.

use std::fmt::Write as _;

use crate::text;

use super::{clause_changes, counts, group_letter, heading, unchanged_text};
use crate::diff::WordTag;
use crate::{ClauseChangeKind, Comparison, PlanDiff};

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #d0d0d0; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; position: sticky; top: 0; }
tr.topic th { background: #e4e8ef; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; }
tr.consensus td.status { background: #d8f0d8; }
tr.divergent td.status { background: #f6d6d2; }
tr.partial td.status { color: #666; }
td.none { color: #999; text-align: center; }
.g0 { background: #e3f4e1; } .g1 { background: #fdf1cf; } .g2 { background: #f1dff3; }
.g3 { background: #d9eef5; } .g4 { background: #e0e4fa; } .g5 { background: #fbe0dd; }
.letter { font-weight: bold; margin-right: 0.4em; }
.clause { font-weight: 600; margin-right: 0.3em; }
table.matrix td { text-align: right; font-variant-numeric: tabular-nums; }
del { background: #fbe0dd; color: #8a1c12; }
ins { background: #dcf3dc; color: #145214; text-decoration: none; }
.change { border-left: 4px solid #d0d0d0; padding-left: 0.8em; margin: 1.2em 0; }
.change h2 { margin: 0 0 0.3em; font-size: 1em; }
.provisions { color: #444; font-size: 0.92em; }
.item { border-left: 4px solid #d0d0d0; padding-left: 0.8em; margin: 1em 0; }
.item h3 { margin: 0 0 0.3em; font-size: 1em; }
.item ul { margin: 0; padding-left: 1.2em; }
.item.change { border-color: #d9a400; } .item.alarm { border-color: #c0392b; }
.item.calm { border-color: #2e8b57; } .item.faint { color: #666; }
.tag { font-weight: bold; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; }
.summary { font-weight: 600; }
";

pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        text::html(title)
    )
}

/// The comparison as a page: the plans side by side, then the agreement grid.
pub(super) fn comparison(comparison: &Comparison) -> String {
    let mut body = String::new();
    let title = format!("Comparison of {} plans", comparison.plans.len());
    let _ = writeln!(body, "<h1>{}</h1>", text::html(&title));
    let _ = writeln!(
        body,
        "<p>Cells with the same letter and colour take the same position on a subject; — means the plan leaves it out, ? that a partial plan is silent on it. {} subjects: {}.</p>",
        comparison.rows.len(),
        text::html(&counts(comparison.counts()))
    );
    let _ = writeln!(
        body,
        "<table class=\"comparison\">\n<thead><tr><th>Subject</th><th>Status</th>"
    );
    for id in &comparison.plans {
        let _ = write!(body, "<th>{}</th>", text::html(id));
    }
    let _ = writeln!(body, "</tr></thead>\n<tbody>");
    let columns = comparison.plans.len() + 2;
    let mut topic = None;
    for row in &comparison.rows {
        if topic != Some(row.topic) {
            topic = Some(row.topic);
            let _ = writeln!(
                body,
                "<tr class=\"topic\"><th colspan=\"{columns}\">{}</th></tr>",
                text::html(row.topic.as_str())
            );
        }
        let _ = write!(
            body,
            "<tr class=\"{}\"><td><code>{}</code></td><td class=\"status\">{}</td>",
            row.status,
            text::html(&row.subject.to_string()),
            row.status
        );
        for id in &comparison.plans {
            let entries = row.cells.get(id).map(Vec::as_slice).unwrap_or_default();
            match row.group_of(id) {
                Some(group) if !entries.is_empty() => {
                    let _ = write!(
                        body,
                        "<td class=\"g{}\"><span class=\"letter\">{}</span>",
                        group % 6,
                        group_letter(group)
                    );
                    for (n, entry) in entries.iter().enumerate() {
                        if n > 0 {
                            body.push_str("<br />");
                        }
                        let _ = write!(
                            body,
                            "<span class=\"clause\">{}</span>{}",
                            text::html(&entry.clause),
                            text::html(&entry.provision.brief())
                        );
                    }
                    body.push_str("</td>");
                }
                _ => {
                    let _ = write!(body, "<td class=\"none\">{}</td>", super::empty_cell(row, id));
                }
            }
        }
        body.push_str("</tr>\n");
    }
    let _ = writeln!(body, "</tbody>\n</table>");
    let _ = writeln!(
        body,
        "<h2>Agreement</h2>\n<p>Share of the subjects two plans both cover on which they agree.</p>"
    );
    let _ = write!(body, "<table class=\"matrix\">\n<thead><tr><th></th>");
    for id in &comparison.plans {
        let _ = write!(body, "<th>{}</th>", text::html(id));
    }
    let _ = writeln!(body, "</tr></thead>\n<tbody>");
    for (id, shares) in comparison.plans.iter().zip(&comparison.matrix) {
        let _ = write!(body, "<tr><th>{}</th>", text::html(id));
        for share in shares {
            match share {
                // Red (0 %) through yellow to green (100 %).
                Some(share) => {
                    let _ = write!(
                        body,
                        "<td style=\"background: hsl({:.0}, 65%, 82%)\">{:.0}%</td>",
                        share * 120.0,
                        share * 100.0
                    );
                }
                None => body.push_str("<td class=\"none\">—</td>"),
            }
        }
        body.push_str("</tr>\n");
    }
    let _ = writeln!(body, "</tbody>\n</table>");
    page(&title, &body)
}

/// The diff as a page of redlined clause groups.
pub(super) fn diff(diff: &PlanDiff) -> String {
    let mut body = String::new();
    let title = format!("{} → {}", diff.from.id, diff.to.id);
    let _ = writeln!(body, "<h1>{}</h1>", text::html(&title));
    let summary = diff.summary();
    let _ = writeln!(
        body,
        "<p>From <em>{}</em> to <em>{}</em>: <del>deleted</del> and <ins>inserted</ins> words. Clauses: {} ({} moved, {} renumbered). Provisions: {}.</p>",
        text::html(&diff.from.title),
        text::html(&diff.to.title),
        text::html(&counts(summary.clauses)),
        summary.moved,
        summary.renumbered,
        text::html(&counts(summary.provisions))
    );
    for (change, carried) in clause_changes(diff) {
        if change.kind == ClauseChangeKind::Unchanged && !change.moved && !change.renumbered {
            continue;
        }
        let _ = writeln!(
            body,
            "<div class=\"change {}\">\n<h2>{}</h2>",
            change.kind,
            text::html(&heading(change))
        );
        body.push_str("<p>");
        let wording = change.wording();
        if wording.is_empty() {
            body.push_str(&text::html(unchanged_text(change)));
        }
        for run in &wording {
            let text = text::html(&run.text);
            let _ = match run.tag {
                WordTag::Equal => write!(body, "{text}"),
                WordTag::Delete => write!(body, "<del>{text}</del>"),
                WordTag::Insert => write!(body, "<ins>{text}</ins>"),
            };
        }
        body.push_str("</p>\n");
        let provisions: Vec<String> = carried
            .into_iter()
            .map(|(p, detail)| {
                let detail = text::html(&detail);
                format!(
                    "<li>{} <code>{}</code>{detail}</li>",
                    p.kind,
                    text::html(&p.subject.to_string())
                )
            })
            .collect();
        if !provisions.is_empty() {
            let _ = writeln!(body, "<ul class=\"provisions\">{}</ul>", provisions.join(""));
        }
        body.push_str("</div>\n");
    }
    page(&title, &body)
}
