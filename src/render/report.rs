//! Results that read as a list of titled entries (a merge, a subject's history)
//! are first laid out as a [`Report`], which each text format then draws; the
//! formats differ in markup only.

use std::fmt::Write as _;

use super::sources::Citations;
use super::{cell_texts, tally};
use crate::Party;
use crate::compare::Entry;
use crate::evolution::{Evolution, StepKind};
use crate::merge::{Merge, MergeKind};
use crate::positions::{Positions, StatedPlan, Verdict, party_name};

/// How a tag reads: the colour in a terminal, the class in HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    Calm,
    Change,
    Alarm,
    Faint,
}

pub(crate) struct Item {
    pub tag: String,
    pub tone: Tone,
    pub title: String,
    /// Versions shown side by side where there is room (HTML), else one per line.
    pub columns: Vec<Version>,
    pub lines: Vec<String>,
}

/// One side's version in an item: `ours geneva-revision-2025-11` and what it holds.
pub(crate) struct Version {
    pub label: String,
    pub text: String,
    /// Whether the side's position is not known (a partial plan silent on it).
    pub unknown: bool,
}

impl Version {
    fn new(label: impl Into<String>, text: String) -> Version {
        Version {
            label: label.into(),
            text,
            unknown: false,
        }
    }
}

pub(crate) struct Section {
    pub heading: String,
    pub items: Vec<Item>,
}

pub(crate) struct Report {
    pub title: String,
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
    pub summary: String,
    /// The sources the items cite.
    pub sources: Citations,
}

fn cell(entries: Option<&[Entry]>, citations: &mut Citations) -> String {
    match entries {
        None => UNKNOWN.to_owned(),
        Some([]) => "— left out".to_owned(),
        Some(entries) => cell_texts(entries, citations).join("; "),
    }
}

const UNKNOWN: &str = "? unknown: a partial plan silent on it";

/// A side of a merged subject: unknown where the plan is silent.
fn side(label: String, entries: Option<&[Entry]>, citations: &mut Citations) -> Version {
    Version {
        label,
        unknown: entries.is_none(),
        text: cell(entries, citations),
    }
}

fn merge_tone(kind: MergeKind) -> Tone {
    match kind {
        MergeKind::Unchanged => Tone::Faint,
        MergeKind::Conflict => Tone::Alarm,
        MergeKind::Both => Tone::Calm,
        _ => Tone::Change,
    }
}

/// A merge: the changed subjects, then the changed clause blocks.
pub(crate) fn merge(merge: &Merge) -> Report {
    let mut citations = Citations::default();
    let subjects = merge
        .subjects
        .iter()
        .filter(|s| s.kind != MergeKind::Unchanged)
        .map(|s| {
            let columns = vec![
                side(format!("base {}", merge.base), Some(&s.base), &mut citations),
                side(format!("ours {}", merge.ours), s.ours.as_deref(), &mut citations),
                side(
                    format!("theirs {}", merge.theirs),
                    s.theirs.as_deref(),
                    &mut citations,
                ),
            ];
            let mut lines = Vec::new();
            let left_out = |cell: &Option<Vec<Entry>>| cell.as_ref().is_some_and(Vec::is_empty);
            if left_out(&s.ours) != left_out(&s.theirs) && s.kind == MergeKind::Conflict {
                let (drops, keeps) = if left_out(&s.ours) {
                    ("ours", "theirs")
                } else {
                    ("theirs", "ours")
                };
                lines.push(format!("{drops} leaves it out, {keeps} changes it"));
            } else if !s.differs.is_empty() {
                lines.push(format!("differ on: {}", in_words(&s.differs)));
            }
            Item {
                tag: s.kind.to_string(),
                tone: merge_tone(s.kind),
                title: s.subject.to_string(),
                columns,
                lines,
            }
        })
        .collect();
    let labels = |clauses: &[crate::Clause]| {
        let labels: Vec<&str> = clauses.iter().map(|c| c.label()).collect();
        if labels.is_empty() {
            "—".to_owned()
        } else {
            labels.join("+")
        }
    };
    let clauses = merge
        .clauses
        .iter()
        .filter(|c| c.kind != MergeKind::Unchanged)
        .map(|c| {
            let mut lines = Vec::new();
            if !c.differs.is_empty() {
                lines.push(format!("differ on: {}", in_words(&c.differs)));
            }
            let columns = vec![
                Version::new("base", texts(&c.base)),
                Version::new("ours", texts(&c.ours)),
                Version::new("theirs", texts(&c.theirs)),
            ];
            if c.kind != MergeKind::Conflict {
                lines.push(format!("merged: {}", texts(&c.merged)));
            }
            Item {
                tag: c.kind.to_string(),
                tone: merge_tone(c.kind),
                title: format!(
                    "base {} · ours {} · theirs {}",
                    labels(&c.base),
                    labels(&c.ours),
                    labels(&c.theirs)
                ),
                columns,
                lines,
            }
        })
        .collect();
    let conflicts = merge.conflicts().count();
    Report {
        title: format!(
            "Merge of {} (ours) and {} (theirs) over {} (base)",
            merge.ours, merge.theirs, merge.base
        ),
        intro: vec![
            "A partial plan silent on a subject counts as unchanged there. Conflicts keep the base text, marked, until resolved.".to_owned(),
        ],
        sections: vec![
            Section {
                heading: "Subjects".to_owned(),
                items: subjects,
            },
            Section {
                heading: "Clauses".to_owned(),
                items: clauses,
            },
        ],
        summary: format!(
            "Subjects: {}. Clause blocks: {}. {conflicts} conflict{} to resolve.",
            tally(merge.subjects.iter().map(|s| s.kind)),
            tally(merge.clauses.iter().map(|c| c.kind)),
            if conflicts == 1 { "" } else { "s" }
        ),
        sources: citations,
    }
}

/// Field names as words: `after_signing` → `after signing`.
fn in_words(fields: &[String]) -> String {
    let words: Vec<String> = fields.iter().map(|f| f.replace(['_', '.'], " ")).collect();
    words.join(", ")
}

fn texts(clauses: &[crate::Clause]) -> String {
    if clauses.is_empty() {
        return "(left out)".to_owned();
    }
    let parts: Vec<String> = clauses
        .iter()
        .map(|c| format!("[{}] {}", c.label(), c.text))
        .collect();
    parts.join(" ")
}

/// A subject's history: one item per plan.
pub(crate) fn evolution(evolution: &Evolution) -> Report {
    let mut citations = Citations::default();
    let items = evolution
        .steps
        .iter()
        .map(|step| {
            let mut lines = Vec::new();
            if !step.entries.is_empty() {
                lines.push(cell(Some(&step.entries), &mut citations));
            }
            if !step.changes.is_empty() {
                let changes: Vec<String> = step.changes.iter().map(ToString::to_string).collect();
                lines.push(format!("changed: {}", changes.join("; ")));
            }
            // Readings of clauses that hold the subject show with their entries.
            for alt in step
                .alternatives
                .iter()
                .filter(|alt| !step.entries.iter().any(|e| e.clause == alt.entry.clause))
            {
                let mark = citations.mark(&alt.sources, alt.confidence);
                lines.push(format!(
                    "{}: {} {} {mark}",
                    crate::model::reading_label(&alt.proposed_by),
                    alt.entry.number,
                    alt.entry.brief(),
                ));
            }
            for note in &step.notes {
                lines.push(format!("{}: {}", note.kind, note.text));
            }
            let tone = match step.kind {
                StepKind::Unchanged => Tone::Calm,
                StepKind::Unknown | StepKind::Absent => Tone::Faint,
                StepKind::Removed => Tone::Alarm,
                _ => Tone::Change,
            };
            Item {
                tag: step.kind.to_string(),
                tone,
                title: format!("{} {}", step.date, step.plan),
                columns: Vec::new(),
                lines,
            }
        })
        .collect();
    Report {
        title: format!("{} through {} plans", evolution.subject, evolution.steps.len()),
        intro: evolution
            .subject
            .meaning()
            .map(str::to_owned)
            .into_iter()
            .collect(),
        sections: vec![Section {
            heading: "Plans by date".to_owned(),
            items,
        }],
        summary: format!("Steps: {}.", tally(evolution.steps.iter().map(|s| s.kind))),
        sources: citations,
    }
}

/// Plans against the parties' stated positions: a section per plan, an item per
/// subject a party speaks to, the plan's position beside each party's.
pub(crate) fn positions(positions: &Positions) -> Report {
    let mut citations = Citations::default();
    let party_label = |party: Party, plan: &StatedPlan| {
        format!("{} stated, {} ({})", party_name(party), plan.date, plan.id)
    };
    let sections = positions
        .plans
        .iter()
        .map(|id| {
            let items = positions
                .rows
                .iter()
                .filter_map(|row| {
                    let standing = row.plans.get(id)?;
                    // No entries and an unknown position read as unknown, not left out.
                    let known =
                        (!standing.unknown || !standing.entries.is_empty()).then_some(&standing.entries[..]);
                    let mut columns = vec![side(id.clone(), known, &mut citations)];
                    for stated in &row.stated {
                        let party = positions.parties.iter().find(|p| p.party == stated.party);
                        for (plan_id, entries) in &stated.positions {
                            let Some(plan) =
                                party.and_then(|p| p.plans.iter().find(|plan| plan.id == *plan_id))
                            else {
                                continue;
                            };
                            columns.push(Version::new(
                                party_label(stated.party, plan),
                                cell(Some(entries), &mut citations),
                            ));
                        }
                    }
                    let lines: Vec<String> = standing.standings.iter().map(ToString::to_string).collect();
                    let matched: Vec<String> = standing
                        .standings
                        .iter()
                        .filter(|s| s.verdict == Verdict::Matches)
                        .map(|s| party_name(s.party))
                        .collect();
                    let (tag, tone) = if !matched.is_empty() {
                        (format!("matches {}", matched.join(" and ")), Tone::Calm)
                    } else if standing.entries.is_empty() {
                        ("leaves open".to_owned(), Tone::Faint)
                    } else {
                        ("differs".to_owned(), Tone::Change)
                    };
                    Some(Item {
                        tag,
                        tone,
                        title: row.subject.to_string(),
                        columns,
                        lines,
                    })
                })
                .collect();
            Section {
                heading: format!("{id}: {}", standing_summary(positions, id)),
                items,
            }
        })
        .collect();
    let parties: Vec<String> = positions
        .parties
        .iter()
        .map(|p| {
            let plans: Vec<String> = p
                .plans
                .iter()
                .map(|plan| format!("{} ({})", plan.id, plan.date))
                .collect();
            format!("{}: {}", party_name(p.party), plans.join(", "))
        })
        .collect();
    let summary: Vec<String> = positions
        .plans
        .iter()
        .map(|id| format!("{id}: {}", standing_summary(positions, id)))
        .collect();
    Report {
        title: format!(
            "{} plan{} against the parties' stated positions",
            positions.plans.len(),
            if positions.plans.len() == 1 { "" } else { "s" }
        ),
        intro: vec![
            format!("Stated positions: {}.", parties.join("; ")),
            "A plan matches a party on a subject where it takes the position one of the party's stated plans takes, differs where it takes another, and leaves it open where it takes none (left out, or not known). Subjects no party speaks to are not shown.".to_owned(),
        ],
        sections,
        summary: format!("{}.", summary.join(". ")),
        sources: citations,
    }
}

/// A plan's tallies in words: `against Russia: matches 5, differs 7, leaves 3 open; against Ukraine: …`.
fn standing_summary(positions: &Positions, id: &str) -> String {
    let tallies = positions.summary.get(id).map(Vec::as_slice).unwrap_or_default();
    let parts: Vec<String> = tallies
        .iter()
        .map(|(party, tally)| {
            format!(
                "against {}: matches {}, differs {}, leaves {} open",
                party_name(*party),
                tally.matches,
                tally.differs,
                tally.leaves_open
            )
        })
        .collect();
    parts.join("; ")
}

/// The report as Markdown.
pub(crate) fn markdown(report: &Report) -> String {
    use crate::text::markdown as escape;
    let mut out = format!("## {}\n\n", escape(&report.title));
    for line in &report.intro {
        let _ = writeln!(out, "{}\n", escape(line));
    }
    for section in &report.sections {
        let _ = writeln!(out, "### {}\n", escape(&section.heading));
        if section.items.is_empty() {
            out.push_str("None.\n\n");
        }
        for item in &section.items {
            let _ = writeln!(
                out,
                "- **{}** {}",
                escape(&item.tag),
                crate::text::markdown_code(&item.title)
            );
            for version in &item.columns {
                let _ = writeln!(out, "  - *{}:* {}", escape(&version.label), escape(&version.text));
            }
            for line in &item.lines {
                let _ = writeln!(out, "  - {}", escape(line));
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", escape(&report.summary));
    out.push_str(&report.sources.markdown());
    out
}

/// The report as one HTML page.
pub(crate) fn html(report: &Report) -> String {
    use crate::text::html as escape;
    let mut body = format!("<h1>{}</h1>\n", escape(&report.title));
    for line in &report.intro {
        let _ = writeln!(body, "<p>{}</p>", escape(line));
    }
    for section in &report.sections {
        let _ = writeln!(body, "<h2>{}</h2>", escape(&section.heading));
        if section.items.is_empty() {
            body.push_str("<p>None.</p>\n");
        }
        for item in &section.items {
            let class = match item.tone {
                Tone::Calm => "calm",
                Tone::Change => "change",
                Tone::Alarm => "alarm",
                Tone::Faint => "faint",
            };
            let _ = write!(
                body,
                "<div class=\"item {class}\"><h3><span class=\"tag\">{}</span> <code>{}</code></h3>",
                escape(&item.tag),
                escape(&item.title)
            );
            if !item.columns.is_empty() {
                body.push_str("<div class=\"versions\">");
                for version in &item.columns {
                    let _ = write!(
                        body,
                        "<div class=\"version{}\"><div class=\"label\">{}</div>{}</div>",
                        if version.unknown { " unknown" } else { "" },
                        escape(&version.label),
                        escape(&version.text)
                    );
                }
                body.push_str("</div>");
            }
            if !item.lines.is_empty() {
                body.push_str("<ul>");
                for line in &item.lines {
                    let _ = write!(body, "<li>{}</li>", escape(line));
                }
                body.push_str("</ul>");
            }
            body.push_str("</div>\n");
        }
    }
    let _ = writeln!(body, "<p class=\"summary\">{}</p>", escape(&report.summary));
    body.push_str(&report.sources.html());
    super::html::page(&report.title, &body)
}
