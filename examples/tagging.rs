//! The text importer's quality, for BENCHMARKS.md: how well the built-in lexicon
//! proposes subjects and typed values on clause texts, and how well an imported
//! text pairs with the bundled plan it re-words.
//!
//! The lexicon was written against the texts of the April pair and the 28-point
//! draft; the E3 text, the Geneva revision and the 20-point framework are held out,
//! and so is `tests/texts/us-28-point-reworded.txt`, a re-wording in treaty
//! language whose truth is the bundled clause of the same number.
//!
//! ```text
//! cargo run --example tagging
//! ```

use std::collections::BTreeMap;

use peacediff::import::TextImport;
use peacediff::{Clause, Plan, Provision, Topic, corpus, diff};

const WRITTEN_AGAINST: [&str; 3] = [
    "witkoff-2025-04",
    "european-ukrainian-2025-04",
    "us-28-point-2025-11",
];
const HELD_OUT: [&str; 3] = [
    "e3-counter-2025-11",
    "geneva-revision-2025-11",
    "ukraine-20-point-2025-12",
];
const REWORDED: &str = include_str!("../tests/texts/us-28-point-reworded.txt");

/// Counts for one topic.
#[derive(Default)]
struct Tally {
    proposed: usize,
    true_subjects: usize,
    correct: usize,
    same_position: usize,
    same_provision: usize,
}

/// The typed provisions of a clause (its `other` ones carry no subject to find).
fn typed(provisions: &[Provision]) -> Vec<&Provision> {
    provisions
        .iter()
        .filter(|p| p.subject().topic() != Topic::Other)
        .collect()
}

/// The first field of a provision: its stance or status, the position itself.
fn position(provision: &Provision) -> Option<String> {
    provision
        .fields()
        .first()
        .and_then(|(_, v)| v.as_ref())
        .map(ToString::to_string)
}

/// Tags `text` and scores it against `truth`, per topic.
fn score(text: &str, truth: &[Provision], tallies: &mut BTreeMap<Topic, Tally>) {
    let Ok(plan) = TextImport::new()
        .with_id("scored")
        .with_date("2025-01-01".parse().unwrap_or_else(|_| unreachable!()))
        .plan(&format!("1. {text}"))
    else {
        return;
    };
    let proposed: Vec<Provision> = plan
        .clauses()
        .values()
        .flat_map(|c: &Clause| c.provisions.clone())
        .collect();
    let proposed = typed(&proposed);
    let truth = typed(truth);
    for p in &proposed {
        let tally = tallies.entry(p.subject().topic()).or_default();
        tally.proposed += 1;
        if let Some(t) = truth.iter().find(|t| t.subject() == p.subject()) {
            tally.correct += 1;
            tally.same_position += usize::from(position(p) == position(t));
            tally.same_provision += usize::from(p == t);
        }
    }
    for t in &truth {
        tallies.entry(t.subject().topic()).or_default().true_subjects += 1;
    }
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "—".to_owned()
    } else {
        format!("{:.2}", a as f64 / b as f64)
    }
}

fn report(title: &str, tallies: &BTreeMap<Topic, Tally>) {
    println!("{title}");
    println!(
        "  {:<12} {:>8} {:>6} {:>9} {:>6} {:>9} {:>9}",
        "topic", "proposed", "true", "precision", "recall", "position", "provision"
    );
    let mut all = Tally::default();
    for (topic, t) in tallies {
        row(topic.as_str(), t);
        all.proposed += t.proposed;
        all.true_subjects += t.true_subjects;
        all.correct += t.correct;
        all.same_position += t.same_position;
        all.same_provision += t.same_provision;
    }
    row("all", &all);
}

fn row(name: &str, t: &Tally) {
    println!(
        "  {:<12} {:>8} {:>6} {:>9} {:>6} {:>9} {:>9}",
        name,
        t.proposed,
        t.true_subjects,
        ratio(t.correct, t.proposed),
        ratio(t.correct, t.true_subjects),
        ratio(t.same_position, t.correct),
        ratio(t.same_provision, t.correct)
    );
}

fn clauses(ids: &[&str]) -> Vec<&'static Clause> {
    ids.iter()
        .filter_map(|id| corpus::get(id))
        .flat_map(|plan| plan.clauses().values())
        .collect()
}

fn main() {
    println!(
        "Subjects proposed from clause texts (position: the stance or status matches; provision: every field matches)\n"
    );
    for (title, ids) in [("written against", &WRITTEN_AGAINST), ("held out", &HELD_OUT)] {
        let mut tallies = BTreeMap::new();
        for clause in clauses(ids) {
            score(&clause.text, &clause.provisions, &mut tallies);
        }
        report(&format!("{title}: {}", ids.join(", ")), &tallies);
        println!();
    }
    let draft = corpus::get("us-28-point-2025-11").unwrap_or_else(|| unreachable!());
    let text: Plan = match TextImport::new().plan(REWORDED) {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    };
    let mut tallies = BTreeMap::new();
    for clause in text.clauses().values() {
        let truth = draft.clauses().values().find(|c| c.label() == clause.label());
        score(
            &clause.text,
            truth.map_or(&[][..], |c| &c.provisions),
            &mut tallies,
        );
    }
    report(
        "held out: the re-worded 28-point text against the bundled clause of each number",
        &tallies,
    );
    let d = diff(draft, &text);
    let right = d
        .clauses
        .iter()
        .filter(|c| matches!((c.before.as_slice(), c.after.as_slice()), ([old], [new]) if old.clause.label() == new.clause.label()))
        .count();
    println!(
        "\nPairing: {right} of {} points of the re-worded text pair with the bundled clause of the same number ({:.0} %)",
        text.clauses().len(),
        100.0 * right as f64 / text.clauses().len() as f64
    );
}
