//! The text importer's quality, for BENCHMARKS.md: how well the built-in lexicon
//! proposes subjects and typed values on clause texts, and how well an imported
//! text pairs with the bundled plan it re-words.
//!
//! The lexicon was written against the texts of the April pair, the 28-point
//! draft and the eight plans of 2015–2025 bundled later; the E3 text, the Geneva
//! revision and the 20-point framework are held out, and so are two texts of our
//! own: `tests/texts/us-28-point-reworded.txt`, a re-wording of the 28 points in
//! treaty language whose truth is the bundled clause of the same number, and
//! `tests/texts/ukraine-20-point-news.md`, a news-style summary of the 20 points
//! whose truth is the bundled clause each point re-tells.
//!
//! ```text
//! cargo run --example tagging
//! cargo run --example tagging -- --misses   # also list each miss on the training texts
//! ```

use std::collections::BTreeMap;

use peacediff::import::TextImport;
use peacediff::{Clause, Plan, Provision, Topic, corpus, diff};

const WRITTEN_AGAINST: [&str; 3] = [
    "witkoff-2025-04",
    "european-ukrainian-2025-04",
    "us-28-point-2025-11",
];
const LATER: [&str; 8] = [
    "minsk-ii-2015-02",
    "istanbul-communique-2022-03",
    "istanbul-draft-2022-04",
    "peace-formula-2022-11",
    "china-position-2023-02",
    "putin-conditions-2024-06",
    "ukraine-memorandum-2025-06",
    "russia-memorandum-2025-06",
];
const HELD_OUT: [&str; 3] = [
    "e3-counter-2025-11",
    "geneva-revision-2025-11",
    "ukraine-20-point-2025-12",
];
const REWORDED: &str = include_str!("../tests/texts/us-28-point-reworded.txt");
const NEWS: &str = include_str!("../tests/texts/ukraine-20-point-news.md");
/// The points of the news-style text numbered otherwise than the bundled
/// 20-point framework: (the text's number, the bundled clause's number). The
/// other points carry the bundled number.
const NEWS_NUMBERS: [(&str, &str); 7] = [
    ("2", "2a"),
    ("2a", "2b"),
    ("14", "14a"),
    ("14a", "14b"),
    ("14b", "14c"),
    ("14c", "14d"),
    ("14d", "14e"),
];

/// The bundled clause number a point of the news-style text re-tells.
fn news_truth(label: &str) -> &str {
    NEWS_NUMBERS
        .iter()
        .find(|(text, _)| *text == label)
        .map_or(label, |(_, bundled)| bundled)
}

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

/// Tags `text` and scores it against `truth`, per topic; with `misses`, prints
/// the subjects proposed wrongly (`+`) and missed (`-`) under `label`.
fn score(label: &str, text: &str, truth: &[Provision], tallies: &mut BTreeMap<Topic, Tally>, misses: bool) {
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
    if misses {
        for p in proposed
            .iter()
            .filter(|p| !truth.iter().any(|t| t.subject() == p.subject()))
        {
            println!("    + {label}: {}  [{}]", p.subject(), p.brief());
        }
        for t in truth
            .iter()
            .filter(|t| !proposed.iter().any(|p| p.subject() == t.subject()))
        {
            println!("    - {label}: {}  [{}]", t.subject(), t.brief());
        }
        for p in &proposed {
            if let Some(t) = truth.iter().find(|t| t.subject() == p.subject())
                && position(p) != position(t)
            {
                println!(
                    "    ~ {label}: {}  [{}] not [{}]",
                    p.subject(),
                    p.brief(),
                    t.brief()
                );
            }
        }
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

fn clauses(ids: &[&str]) -> Vec<(String, &'static Clause)> {
    ids.iter()
        .filter_map(|id| corpus::get(id))
        .flat_map(|plan| {
            plan.clauses()
                .values()
                .map(move |c| (format!("{} {}", plan.id, c.label()), c))
        })
        .collect()
}

fn import(text: &str) -> Plan {
    match TextImport::new().plan(text) {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    }
}

/// The numbered points of `text` that the diff from `bundled` pairs one to one
/// with the clause numbered `truth(label)`, and those it does not.
fn paired(bundled: &Plan, text: &Plan, truth: impl Fn(&str) -> String) -> (usize, Vec<String>) {
    let d = diff(bundled, text);
    let mut right = 0;
    let mut wrong = Vec::new();
    for clause in text.clauses().values().filter(|c| c.number.is_some()) {
        let label = clause.label();
        let pair = d
            .clauses
            .iter()
            .find(|c| c.after.iter().any(|n| n.clause.id() == clause.id()));
        match pair.map(|c| (c.before.as_slice(), c.after.as_slice())) {
            Some(([old], [_])) if old.clause.label() == truth(label) => right += 1,
            Some(([old, ..], _)) => wrong.push(format!("{label} (with {})", old.clause.label())),
            _ => wrong.push(format!("{label} (with none)")),
        }
    }
    (right, wrong)
}

fn main() {
    let misses = std::env::args().any(|a| a == "--misses");
    println!(
        "Subjects proposed from clause texts (position: the stance or status matches; provision: every field matches)\n"
    );
    for (title, ids, training) in [
        ("written against", &WRITTEN_AGAINST[..], true),
        ("written against", &LATER[..], true),
        ("held out", &HELD_OUT[..], false),
    ] {
        let mut tallies = BTreeMap::new();
        for (label, clause) in clauses(ids) {
            score(
                &label,
                &clause.text,
                &clause.provisions,
                &mut tallies,
                misses && training,
            );
        }
        report(&format!("{title}: {}", ids.join(", ")), &tallies);
        println!();
    }
    let draft = corpus::get("us-28-point-2025-11").unwrap_or_else(|| unreachable!());
    let text = import(REWORDED);
    let mut tallies = BTreeMap::new();
    for clause in text.clauses().values() {
        let truth = draft.clauses().values().find(|c| c.label() == clause.label());
        score(
            clause.label(),
            &clause.text,
            truth.map_or(&[][..], |c| &c.provisions),
            &mut tallies,
            false,
        );
    }
    report(
        "held out: the re-worded 28-point text against the bundled clause of each number",
        &tallies,
    );
    let framework = corpus::get("ukraine-20-point-2025-12").unwrap_or_else(|| unreachable!());
    let news = import(NEWS);
    let mut tallies = BTreeMap::new();
    let points: Vec<&Clause> = news.clauses().values().filter(|c| c.number.is_some()).collect();
    for clause in &points {
        let truth = framework
            .clauses()
            .values()
            .find(|c| c.label() == news_truth(clause.label()));
        score(
            clause.label(),
            &clause.text,
            truth.map_or(&[][..], |c| &c.provisions),
            &mut tallies,
            false,
        );
    }
    println!();
    report(
        "held out: the news-style 20-point text (its numbered points) against the bundled clause each re-tells",
        &tallies,
    );
    println!();
    for (what, bundled, text, points, truth) in [
        (
            "re-worded 28-point text",
            draft,
            &text,
            text.clauses().len(),
            &(|l: &str| l.to_owned()) as &dyn Fn(&str) -> String,
        ),
        (
            "news-style 20-point text",
            framework,
            &news,
            points.len(),
            &|l: &str| news_truth(l).to_owned(),
        ),
    ] {
        let (right, wrong) = paired(bundled, text, truth);
        println!(
            "Pairing: {right} of {points} points of the {what} pair with the right clause of {} ({:.0} %)",
            bundled.id,
            100.0 * right as f64 / points as f64
        );
        if !wrong.is_empty() {
            println!("  not paired with the right clause: {}", wrong.join(", "));
        }
    }
}
