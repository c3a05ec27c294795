//! One self-contained HTML page: inline CSS, no scripts, nothing fetched.
//!
//! Comparisons show the plans side by side, rows coloured by status, cells by
//! agreement group, and the agreement matrix as a coloured grid. Diffs show each
//! changed clause group with `<del>`/`<ins>` redlines. All text is escaped, and the
//! page is well-formed XML as well as HTML.

use std::fmt::Write as _;

use crate::text;

use super::changes;
use super::sources::Citations;
use super::{counts, group_letter, standing};
use crate::diff::WordTag;
use crate::{Comparison, PlanDiff};

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #1b1b1b; max-width: 90em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #d0d0d0; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
tr.topic th { background: #e4e8ef; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; }
tr.consensus td.status { background: #dbe8f7; }
tr.divergent td.status { background: #fbe3c8; }
tr.single td.status { color: #555; }
td.none { color: #777; text-align: center; }
td.unknown { color: #555; text-align: center; font-style: italic; background: repeating-linear-gradient(135deg, #fff, #fff 6px, #f1f1f1 6px, #f1f1f1 12px); }
.g0 { background: #e3f4e1; } .g1 { background: #fdf1cf; } .g2 { background: #f1dff3; }
.g3 { background: #d9eef5; } .g4 { background: #e0e4fa; } .g5 { background: #fbe0dd; }
.letter { font-weight: bold; margin-right: 0.4em; }
.clause { font-weight: 600; margin-right: 0.3em; }
.cite { color: #555; font-size: 0.85em; white-space: nowrap; }
.cite a { color: inherit; }
.reading { font-style: italic; }
table.comparison { table-layout: fixed; }
table.comparison th:first-child { width: 11em; } table.comparison th:nth-child(2) { width: 8em; }
table.comparison td, table.comparison th { overflow-wrap: anywhere; }
details { font-size: 0.88em; color: #333; } summary { cursor: pointer; color: #555; }
table.matrix td { text-align: right; font-variant-numeric: tabular-nums; }
del { background: #fbe0dd; color: #8a1c12; text-decoration: line-through; }
ins { background: #dcf3dc; color: #145214; text-decoration: underline; font-weight: 600; }
.change { border-left: 4px solid #d0d0d0; padding-left: 0.8em; margin: 1.2em 0; }
.change h2 { margin: 0 0 0.3em; font-size: 1em; }
.change.unknown { border: 2px dashed #9a9a9a; border-left-width: 4px; padding: 0.4em 0.8em; color: #444; }
.unknown-tag { font-weight: bold; border: 1px dashed #777; padding: 0 0.3em; }
table.sides { table-layout: fixed; }
table.sides td { width: 50%; }
.typed { margin: 0.3em 0; }
.note { border-left: 4px solid #7a9cc6; padding-left: 0.6em; }
.label { color: #555; font-size: 0.9em; margin: 0.3em 0 0; }
ol.toc { columns: 2; font-size: 0.92em; }
ol.toc li.unknown a { color: #666; }
ol.sources { font-size: 0.9em; word-break: break-word; }
.item { border-left: 4px solid #d0d0d0; padding-left: 0.8em; margin: 1em 0; }
.item h3 { margin: 0 0 0.3em; font-size: 1em; }
.item ul { margin: 0; padding-left: 1.2em; }
.item.change { border-color: #d9a400; } .item.alarm { border-color: #c0392b; border-left-style: double; border-left-width: 6px; }
.item.calm { border-color: #2e6fb3; } .item.faint { color: #555; }
.version.unknown { border-style: dashed; color: #555; font-style: italic; }
.versions { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.6em; margin: 0.4em 0; }
.version { border: 1px solid #d0d0d0; padding: 0.3em 0.5em; }
.version .label { font-weight: 600; margin: 0 0 0.2em; }
.tag { font-weight: bold; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; }
.summary { font-weight: 600; }
@media print {
  body { margin: 0; font-size: 11pt; max-width: none; }
  nav { display: none; }
  .change, .item, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  ol.sources a::after { content: \" (\" attr(href) \")\"; }
}
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
        "<p>{} Letters and colours mark the groups.</p>\n<p class=\"summary\">{} subjects: {}.</p>",
        text::html(super::COMPARISON_LEGEND),
        comparison.rows.len(),
        text::html(&counts(comparison.counts()))
    );
    let mut citations = Citations::default();
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
            "<tr class=\"{}\"><td><code>{}</code></td><td class=\"status\"><strong>{}</strong><br /><small>{}</small></td>",
            row.status,
            text::html(&row.subject.to_string()),
            row.status,
            text::html(&standing(row))
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
                        let mark = citations.mark(&entry.sources, entry.confidence);
                        let _ = write!(
                            body,
                            "<span class=\"clause\">{}</span>{} {}<details><summary>text</summary>{}</details>",
                            text::html(&entry.number),
                            text::html(&entry.brief()),
                            mark.html(),
                            text::html(&entry.text)
                        );
                        for reading in &entry.readings {
                            let mark = citations.mark(&reading.sources, reading.confidence);
                            let _ = write!(
                                body,
                                "<br /><span class=\"reading\">{}: {} {}</span>",
                                text::html(&reading.label()),
                                text::html(&reading.brief()),
                                mark.html()
                            );
                        }
                    }
                    body.push_str("</td>");
                }
                _ => {
                    let (class, shown) = match super::empty_cell(row, id) {
                        "?" => ("unknown", "? unknown"),
                        _ => ("none", "— left out"),
                    };
                    let marks: Vec<String> = super::absence_marks(row, id, &mut citations)
                        .iter()
                        .map(super::sources::Mark::html)
                        .collect();
                    let marks = if marks.is_empty() {
                        String::new()
                    } else {
                        format!(" reported {}", marks.join(" "))
                    };
                    let _ = write!(body, "<td class=\"{class}\">{shown}{marks}</td>");
                }
            }
        }
        body.push_str("</tr>\n");
    }
    let _ = writeln!(body, "</tbody>\n</table>");
    let _ = writeln!(
        body,
        "<h2>Agreement</h2>\n<p>Agreement: {}</p>",
        text::html(super::MATRIX_LEGEND)
    );
    let _ = write!(body, "<table class=\"matrix\">\n<thead><tr><th></th>");
    for id in &comparison.plans {
        let _ = write!(body, "<th>{}</th>", text::html(id));
    }
    let _ = writeln!(body, "</tr></thead>\n<tbody>");
    for (id, shares) in comparison.plans.iter().zip(&comparison.matrix) {
        let _ = write!(body, "<tr><th>{}</th>", text::html(id));
        for agreement in shares {
            match agreement.share() {
                // One hue, darker with more agreement: it reads in any colour vision and in grey.
                Some(share) => {
                    let _ = write!(
                        body,
                        "<td style=\"background: hsl(210, 60%, {:.0}%)\">{}</td>",
                        95.0 - share * 25.0,
                        super::agreement_text(agreement)
                    );
                }
                None => body.push_str("<td class=\"none\">—</td>"),
            }
        }
        body.push_str("</tr>\n");
    }
    let _ = writeln!(body, "</tbody>\n</table>");
    body.push_str(&citations.html());
    page(&title, &body)
}

/// The diff as a page: a list of the changes with links, then each change with
/// its typed changes, the old and new text side by side (deleted words struck
/// through in the old, inserted words underlined in the new) and their sources.
/// Unknown changes have their own look: a dashed frame, the text as it stands.
pub(super) fn diff(diff: &PlanDiff) -> String {
    let mut body = String::new();
    let title = format!("{} → {}", diff.from.id, diff.to.id);
    let _ = writeln!(body, "<h1>{}</h1>", text::html(&title));
    body.push_str("<dl class=\"plans\">");
    for (side, header) in [("old", &diff.from), ("new", &diff.to)] {
        let _ = write!(
            body,
            "<dt>{side}</dt><dd><code>{}</code> <em>{}</em>, {}, {}</dd>",
            text::html(&header.id),
            text::html(&header.title),
            header.date,
            header.completeness
        );
    }
    body.push_str("</dl>\n");
    for note in changes::notes(diff) {
        let _ = writeln!(body, "<p class=\"note\">{}</p>", text::html(&note));
    }
    let _ = writeln!(
        body,
        "<p class=\"legend\"><del>deleted</del> and <ins>inserted</ins> words; <span class=\"unknown-tag\">? unknown</span>: a partial plan is silent; [1 · high]: sources and confidence.</p>"
    );
    for line in changes::summary(diff) {
        let _ = writeln!(body, "<p class=\"summary\">{}</p>", text::html(&line));
    }
    let mut citations = Citations::default();
    let views = changes::views(diff, &mut citations);
    body.push_str("<nav><h2>Changes</h2>\n<ol class=\"toc\">\n");
    for view in &views {
        let class = if view.unknown { "unknown" } else { "known" };
        let _ = writeln!(
            body,
            "<li class=\"{class}\"><a href=\"#change-{}\">{}{}</a></li>",
            view.number,
            if view.unknown { "? " } else { "" },
            text::html(&view.heading)
        );
    }
    body.push_str("</ol></nav>\n");
    for view in &views {
        let class = if view.unknown { "unknown" } else { "known" };
        let _ = writeln!(
            body,
            "<section class=\"change {class}\" id=\"change-{}\">\n<h2>{}{}</h2>",
            view.number,
            if view.unknown {
                "<span class=\"unknown-tag\">? unknown</span> "
            } else {
                ""
            },
            text::html(
                view.heading
                    .strip_prefix("unknown ")
                    .filter(|_| view.unknown)
                    .unwrap_or(&view.heading)
            )
        );
        if !view.typed.is_empty() {
            let items: Vec<String> = view
                .typed
                .iter()
                .map(|t| format!("<li>{}</li>", text::html(t)))
                .collect();
            let _ = writeln!(body, "<ul class=\"typed\">{}</ul>", items.join(""));
        }
        if view.compares_paraphrases(diff) {
            body.push_str("<p class=\"label\">Wording, paraphrases compared:</p>\n");
        }
        let [old, new] = view.sides();
        body.push_str("<table class=\"sides\"><thead><tr>");
        for (side, marks) in [(&diff.from, &view.old), (&diff.to, &view.new)] {
            let labels: Vec<String> = marks
                .iter()
                .map(|(label, mark)| format!("{} {}", text::html(label), mark.html()))
                .collect();
            let _ = write!(
                body,
                "<th><code>{}</code> {}</th>",
                text::html(&side.id),
                labels.join(", ")
            );
        }
        body.push_str("</tr></thead>\n<tbody><tr>");
        for (runs, marks) in [(&old, &view.old), (&new, &view.new)] {
            if marks.is_empty() {
                let (class, shown) = if view.unknown {
                    ("unknown", "? not known")
                } else {
                    ("none", "— none")
                };
                let _ = write!(body, "<td class=\"{class}\">{shown}</td>");
                continue;
            }
            body.push_str("<td>");
            for run in runs {
                let text = text::html(&run.text);
                let _ = match run.tag {
                    WordTag::Equal => write!(body, "{text}"),
                    WordTag::Delete => write!(body, "<del>{text}</del>"),
                    WordTag::Insert => write!(body, "<ins>{text}</ins>"),
                };
            }
            body.push_str("</td>");
        }
        body.push_str("</tr></tbody></table>\n</section>\n");
    }
    body.push_str(&citations.html());
    page(&title, &body)
}
