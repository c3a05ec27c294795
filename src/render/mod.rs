//! Output people read: terminal tables, Markdown, JSON and HTML.
//!
//! Every result type implements [`Render`]: pick a [`Format`] and [`Options`],
//! get a `String` or write to any [`io::Write`].
//!
//! ```
//! use peacediff::render::{Format, Options, Render};
//! use peacediff::{compare, corpus};
//!
//! // The six texts of the US-led talks of 2025, from the April framework to the 20-point plan.
//! let plans = [
//!     "witkoff-2025-04",
//!     "european-ukrainian-2025-04",
//!     "us-28-point-2025-11",
//!     "geneva-revision-2025-11",
//!     "e3-counter-2025-11",
//!     "ukraine-20-point-2025-12",
//! ]
//! .map(|id| corpus::get(id).unwrap());
//! let comparison = compare(&plans).unwrap();
//! let markdown = comparison.render(Format::Markdown, &Options::default());
//! assert!(markdown.contains("| `nato/ukraine-membership` | divergent (5 plans, 3 positions; 1 leaves it out) |"));
//! let html = comparison.render(Format::Html, &Options::default());
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! ```
//!
//! The terminal format embeds ANSI styles when [`Options::color`] is set; whether
//! to set it is the caller's decision, by the ecosystem's conventions (`NO_COLOR`,
//! whether output is a terminal, a `--color` flag). The example programs leave it
//! to `anstream`, which strips the styles when colour is off.

use std::fmt::Write as _;
use std::io;

mod changes;
mod html;
pub mod json;
mod markdown;
mod plan;
mod report;
mod sources;
mod terminal;

use crate::diff::{ClauseChange, PlacedClause};
use crate::model::keyword::keywords;
use crate::{Comparison, Evolution, Merge, PlanDiff};

keywords! {
    /// An output format.
    pub enum Format: "format" {
        Terminal = "terminal": "Columns fitted to a width, with optional colour.",
        Markdown = "markdown": "GitHub-flavoured tables and redlines.",
        Json = "json": "The serde form with a `schema` field.",
        Html = "html": "One self-contained page.",
    }
}

/// The widest terminal table drawn, in columns: padding never grows beyond it.
pub const MAX_WIDTH: usize = 1_000;

/// How to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Width in columns for the terminal format; text wraps to fit. Tables pad
    /// their columns to at most [`MAX_WIDTH`] columns, whatever the width asked.
    pub width: usize,
    /// Whether the terminal format embeds ANSI styles.
    pub color: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 100,
            color: false,
        }
    }
}

impl Options {
    /// Options with the given width, without colour.
    pub fn width(width: usize) -> Self {
        Options {
            width,
            ..Options::default()
        }
    }

    /// The same options with colour on or off.
    pub fn with_color(self, color: bool) -> Self {
        Options { color, ..self }
    }
}

/// A result that renders in every [`Format`].
pub trait Render {
    /// The result in `format`.
    fn render(&self, format: Format, options: &Options) -> String;

    /// Writes the result in `format` to `out`. The crate's results and plans
    /// write their JSON as it is made ([`json::write()`]), never holding the whole text.
    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        out.write_all(self.render(format, options).as_bytes())
    }
}

/// A plan renders as a listing of its clauses; its JSON form is the one
/// [`Plan::from_json`](crate::Plan::from_json) reads back.
impl Render for crate::Plan {
    fn render(&self, format: Format, options: &Options) -> String {
        std::slice::from_ref(self).render(format, options)
    }
}

/// Plans render one after another (in HTML, as sections of one page); their JSON
/// form is an array, which [`Plan::list_from_json`](crate::Plan::list_from_json)
/// reads back (a single plan is written as an object).
impl Render for [crate::Plan] {
    fn render(&self, format: Format, options: &Options) -> String {
        match (format, self) {
            (Format::Json, [plan]) => plan.to_json() + "\n",
            // Serialising plans cannot fail: every map key is a string.
            (Format::Json, plans) => serde_json::to_string_pretty(plans).unwrap_or_default() + "\n",
            (Format::Html, plans) => plan::html(plans),
            (Format::Terminal, plans) => {
                let listed: Vec<String> = plans.iter().map(|p| plan::terminal(p, options)).collect();
                listed.join("\n")
            }
            (Format::Markdown, plans) => {
                let listed: Vec<String> = plans.iter().map(plan::markdown).collect();
                listed.join("\n")
            }
        }
    }

    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        match format {
            Format::Json => json::write_value(self, out),
            _ => out.write_all(self.render(format, options).as_bytes()),
        }
    }
}

/// How a versioned result writes: its JSON as it is made, other formats as rendered.
fn write_versioned<T: Render + json::Versioned>(
    result: &T,
    out: &mut dyn io::Write,
    format: Format,
    options: &Options,
) -> io::Result<()> {
    match format {
        Format::Json => json::write(result, out),
        _ => out.write_all(result.render(format, options).as_bytes()),
    }
}

impl Render for Comparison {
    fn render(&self, format: Format, options: &Options) -> String {
        match format {
            Format::Terminal => terminal::comparison(self, options),
            Format::Markdown => markdown::comparison(self),
            Format::Json => json::to_json(self),
            Format::Html => html::comparison(self),
        }
    }

    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        write_versioned(self, out, format, options)
    }
}

impl Render for PlanDiff<'_> {
    fn render(&self, format: Format, options: &Options) -> String {
        match format {
            Format::Terminal => terminal::diff(self, options),
            Format::Markdown => markdown::diff(self),
            Format::Json => json::to_json(self),
            Format::Html => html::diff(self),
        }
    }

    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        write_versioned(self, out, format, options)
    }
}

impl Render for Merge {
    fn render(&self, format: Format, options: &Options) -> String {
        match format {
            Format::Terminal => terminal::merge(self, options),
            Format::Markdown => report::markdown(&report::merge(self)),
            Format::Json => json::to_json(self),
            Format::Html => report::html(&report::merge(self)),
        }
    }

    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        write_versioned(self, out, format, options)
    }
}

impl Render for Evolution {
    fn render(&self, format: Format, options: &Options) -> String {
        match format {
            Format::Terminal => terminal::evolution(self, options),
            Format::Markdown => report::markdown(&report::evolution(self)),
            Format::Json => json::to_json(self),
            Format::Html => report::html(&report::evolution(self)),
        }
    }

    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        write_versioned(self, out, format, options)
    }
}

impl Render for crate::Positions {
    fn render(&self, format: Format, options: &Options) -> String {
        match format {
            Format::Terminal => terminal::positions(self, options),
            Format::Markdown => report::markdown(&report::positions(self)),
            Format::Json => json::to_json(self),
            Format::Html => report::html(&report::positions(self)),
        }
    }

    fn write_to(&self, out: &mut dyn io::Write, format: Format, options: &Options) -> io::Result<()> {
        write_versioned(self, out, format, options)
    }
}

/// Greedy word wrap to `width` characters, each word made [plain](crate::text::plain);
/// a word longer than the width is cut into pieces, so that nothing is lost and
/// nothing overflows.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let pieces = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = crate::text::plain(word).chars().collect();
        chars
            .chunks(width)
            .map(|piece| piece.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    for word in pieces {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// What an empty comparison cell shows: `?` where a partial plan is silent on the
/// subject (unknown), `—` where the plan leaves it out.
pub(crate) fn empty_cell(row: &crate::ComparisonRow, id: &str) -> &'static str {
    if row.unknown.iter().any(|silent| silent == id) {
        "?"
    } else {
        "—"
    }
}

/// The marks of the notes saying plan `id` leaves the row's subject out, for an
/// empty cell: ` reported left out [3 · low]`, or nothing when no note says so.
pub(crate) fn absence_marks(
    row: &crate::ComparisonRow,
    id: &str,
    citations: &mut sources::Citations,
) -> Vec<sources::Mark> {
    row.absences
        .get(id)
        .map(|absences| absences.iter().map(|a| citations.absence_mark(a)).collect())
        .unwrap_or_default()
}

/// An empty cell as text: `?`, `—`, or `— reported left out [3 · low]`.
pub(crate) fn empty_cell_text(
    row: &crate::ComparisonRow,
    id: &str,
    citations: &mut sources::Citations,
) -> String {
    let shown = empty_cell(row, id);
    let marks = absence_marks(row, id, citations);
    if shown == "?" || marks.is_empty() {
        return shown.to_owned();
    }
    format!("{shown} {}", left_out(&marks))
}

/// What absence notes' marks say: `reported left out [3 · low] [4, 5]`.
pub(crate) fn left_out(marks: &[sources::Mark]) -> String {
    let marks: Vec<String> = marks.iter().map(ToString::to_string).collect();
    format!("reported left out {}", marks.join(" "))
}

/// How the plans stand on a row, with those that state no position counted apart:
/// `3 plans, 2 positions; 1 leaves it out; 2 unknown; 1 in other words`.
pub(crate) fn standing(row: &crate::ComparisonRow) -> String {
    let speaking = row.groups.iter().map(Vec::len).sum::<usize>();
    let plans = |n: usize| {
        if n == 1 {
            "1 plan".to_owned()
        } else {
            format!("{n} plans")
        }
    };
    let mut text = match row.status {
        crate::RowStatus::Consensus => format!("{} agree", plans(speaking)),
        crate::RowStatus::Divergent => format!("{}, {} positions", plans(speaking), row.groups.len()),
        _ => plans(speaking),
    };
    match row.absent.len() {
        0 => {}
        1 => text.push_str("; 1 leaves it out"),
        n => {
            let _ = write!(text, "; {n} leave it out");
        }
    }
    if !row.unknown.is_empty() {
        let _ = write!(text, "; {} unknown", row.unknown.len());
    }
    if !row.worded.is_empty() {
        let _ = write!(text, "; {} in other words", row.worded.len());
    }
    for (letters, values) in shared_by_groups(row) {
        let _ = write!(text, "; {letters} share {values}");
    }
    text
}

/// A row's shared values by the groups that hold them, as the cells' letters
/// name them, items of one list field read together:
/// `("A, B", "form: article 5 like; guarantors: united states, france")`.
/// A group counts only when all its plans state the value, so a plan that joined
/// it with the field unknown is never said to share it.
fn shared_by_groups(row: &crate::ComparisonRow) -> Vec<(String, String)> {
    let mut out: Vec<(String, Vec<crate::SharedValue>)> = Vec::new();
    for value in &row.shared {
        let letters: Vec<String> = row
            .groups
            .iter()
            .enumerate()
            .filter(|(_, members)| members.iter().all(|id| value.plans.contains(id)))
            .map(|(group, _)| group_letter(group).to_string())
            .collect();
        if letters.len() < 2 {
            continue;
        }
        let letters = letters.join(", ");
        match out.iter_mut().find(|(l, _)| *l == letters) {
            Some((_, values)) => values.push(value.clone()),
            None => out.push((letters, vec![value.clone()])),
        }
    }
    out.into_iter()
        .map(|(letters, values)| {
            let mut parts: Vec<String> = Vec::new();
            for (i, value) in values.iter().enumerate() {
                let after_same_list = i > 0
                    && value.item
                    && values
                        .get(i - 1)
                        .is_some_and(|before| before.item && before.field == value.field);
                match parts.last_mut() {
                    Some(last) if after_same_list => {
                        let _ = write!(last, ", {}", crate::model::reading(&value.field, &value.value));
                    }
                    _ => parts.push(value.to_string()),
                }
            }
            (letters, parts.join("; "))
        })
        .collect()
}

/// What the agreement matrix shows.
pub(crate) const MATRIX_LEGEND: &str =
    "on how many of the subjects shown that both plans state a position they agree (agreed/shared).";

/// A matrix cell: `3/4`, or `—` when the plans share no subject.
pub(crate) fn agreement_text(agreement: &crate::Agreement) -> String {
    if agreement.shared == 0 {
        "—".to_owned()
    } else {
        format!("{}/{}", agreement.agreed, agreement.shared)
    }
}

/// A cell's entries as text, one per entry and one per other reading:
/// `21a recognised de facto [1 · high]`, `reported otherwise: unrestricted [3 · medium]`.
pub(crate) fn cell_texts(
    entries: &[crate::compare::Entry],
    citations: &mut sources::Citations,
) -> Vec<String> {
    let mut texts = Vec::new();
    for entry in entries {
        let mark = citations.mark(&entry.sources, entry.confidence);
        texts.push(format!("{} {} {mark}", entry.number, entry.brief()));
        for reading in &entry.readings {
            let mark = citations.mark(&reading.sources, reading.confidence);
            texts.push(format!("{}: {} {mark}", reading.label(), reading.brief()));
        }
    }
    texts
}

/// What the statuses and marks of a comparison mean.
pub(crate) const COMPARISON_LEGEND: &str = "Plans marked with the same letter (A, B, C…) take the same position on a subject. A subject is consensus when every plan that states a position on it agrees, divergent when they differ (“A, B share …” names what plans that differ still have in common), single when only one plan states one; plans that leave it out (—) and partial plans silent on it (? unknown) are counted apart. [1, 2 · medium] names a position's sources, listed at the end, and how well it is attested.";

/// Groups are shown as A, B, C…; plans with the same letter agree.
pub(crate) fn group_letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .filter(|i| *i < 26)
        .map_or('*', |i| char::from(b'A' + i))
}

/// A clause group's title: `substituted 3 → 5, renumbered`.
pub(crate) fn heading(change: &ClauseChange) -> String {
    let labels = |clauses: &[PlacedClause]| {
        let labels: Vec<&str> = clauses.iter().map(|c| c.clause.label()).collect();
        labels.join("+")
    };
    let (old, new) = (labels(&change.before), labels(&change.after));
    let mut flags = String::new();
    if change.moved {
        flags.push_str(", moved");
    }
    if change.renumbered {
        flags.push_str(", renumbered");
    }
    match (old.is_empty(), new.is_empty()) {
        (true, _) => format!("{} {new}{flags}", change.kind),
        (_, true) => format!("{} {old}{flags}", change.kind),
        _ => format!("{} {old} → {new}{flags}", change.kind),
    }
}

/// The clause changes of `diff` in order, each with the provision changes it
/// carries, unchanged ones left out. One pass over the provision changes serves
/// every clause change.
pub(crate) fn clause_changes<'r, 'a>(
    diff: &'r PlanDiff<'a>,
) -> impl Iterator<Item = (&'r ClauseChange<'a>, Vec<&'r crate::ProvisionChange<'a>>)> + 'r {
    use std::collections::HashMap;
    let mut holder: [HashMap<&str, usize>; 2] = [HashMap::new(), HashMap::new()];
    for (k, change) in diff.clauses.iter().enumerate() {
        for c in &change.before {
            holder[0].insert(c.clause.id(), k);
        }
        for c in &change.after {
            holder[1].insert(c.clause.id(), k);
        }
    }
    let mut carried: Vec<Vec<&crate::ProvisionChange<'a>>> = vec![Vec::new(); diff.clauses.len()];
    for p in diff
        .provisions
        .iter()
        .filter(|p| p.kind != crate::ProvisionChangeKind::Unchanged)
    {
        let sides = [&p.before, &p.after];
        let mut at: Vec<usize> = (0..2)
            .filter_map(|side| {
                holder
                    .get(side)?
                    .get(sides.get(side)?.as_ref()?.clause.as_ref())
                    .copied()
            })
            .collect();
        at.dedup();
        for k in at {
            if let Some(list) = carried.get_mut(k) {
                list.push(p);
            }
        }
    }
    diff.clauses.iter().zip(carried)
}

/// The text of a clause group whose wording did not change.
pub(crate) fn unchanged_text<'r>(change: &'r ClauseChange<'_>) -> &'r str {
    change
        .before
        .first()
        .or(change.after.first())
        .map_or("", |c| c.clause.text.as_str())
}

/// Counts of each kind in `kinds`, in the kinds' order: `2 ours, 1 conflict`.
pub(crate) fn tally<K: Ord + std::fmt::Display>(kinds: impl IntoIterator<Item = K>) -> String {
    let mut counted: std::collections::BTreeMap<K, usize> = std::collections::BTreeMap::new();
    for kind in kinds {
        *counted.entry(kind).or_default() += 1;
    }
    counts(counted)
}

/// Plain-text counts such as `1 consensus, 7 divergent`.
pub(crate) fn counts<K: std::fmt::Display>(counts: impl IntoIterator<Item = (K, usize)>) -> String {
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_every_word() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("unbreakable", 4), ["unbr", "eaka", "ble"]);
        assert_eq!(wrap("", 4), [""]);
    }
}
