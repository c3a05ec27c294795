//! Plans imported from text: structure, proposed subjects, a user's lexicon,
//! errors, the laws, and the command.

use peacediff::import::{Lexicon, TextImport, plans_from_text};
use peacediff::{ClauseChangeKind, NoteKind, Plan, ProvisionChangeKind, corpus, diff, laws};

mod common;

const REWORDED: &str = include_str!("texts/us-28-point-reworded.txt");
const NEWS: &str = include_str!("texts/ukraine-20-point-news.md");

fn reworded() -> Plan {
    TextImport::new().plan(REWORDED).unwrap()
}

#[test]
fn a_reworded_28_point_text_pairs_point_by_point_with_the_bundled_draft() {
    let draft = corpus::get("us-28-point-2025-11").unwrap();
    let text = reworded();
    assert_eq!(text.clauses().len(), 50);
    assert_eq!(text.id, "reworded-28-point");
    let d = diff(draft, &text);
    // Every point pairs with the bundled clause of the same number.
    let mut right = 0;
    for change in &d.clauses {
        if let ([old], [new]) = (change.before.as_slice(), change.after.as_slice()) {
            right += usize::from(old.clause.label() == new.clause.label());
        }
    }
    assert!(right * 10 >= 50 * 9, "{right} of 50");
    assert!(d.clauses.iter().all(|c| c.kind != ClauseChangeKind::Unknown));
    // The text's 800,000 is a typed change of the draft's 600,000.
    let cap = common::change(&d, "military/armed-forces-cap");
    assert_eq!(cap.kind, ProvisionChangeKind::Amended);
    assert_eq!(cap.fields[0].to_string(), "cap: 600,000 → 800,000");
}

#[test]
fn each_proposal_says_why_and_how_sure() {
    let text = reworded();
    let six = &text.clauses()["p6"];
    assert_eq!(six.number.as_deref(), Some("6"));
    assert!(six.text.starts_with("The size of the Armed Forces of Ukraine"));
    let note = six.notes.iter().find(|n| n.kind == NoteKind::Proposed).unwrap();
    assert!(note.text.contains("800000"), "{}", note.text);
    assert_eq!(note.confidence, Some(peacediff::Confidence::Medium));
    let review = peacediff::import::review(&text);
    assert_eq!(review.len(), 50);
    assert!(
        review[5].starts_with("6  military/armed-forces-cap  ← "),
        "{}",
        review[5]
    );
    // Texts the lexicon has no phrase for are other provisions named after their words.
    let plan = TextImport::new()
        .plan("1. The parties meet every spring in Vienna.")
        .unwrap();
    assert_eq!(
        plan.clauses()["p1"].provisions[0].subject().to_string(),
        "other/the-parties-meet-every"
    );
}

#[test]
fn a_users_lexicon_adds_a_phrase_without_code() {
    let text = "1. The sides swap everyone they hold.";
    let before = TextImport::new().plan(text).unwrap();
    assert_eq!(
        before.clauses()["p1"].provisions[0].subject().to_string(),
        "other/the-sides-swap-everyone"
    );
    let mine =
        Lexicon::parse("peacediff-lexicon 1\nprisoners/pows {\"terms\": \"all_for_all\"} = swap everyone")
            .unwrap();
    let after = TextImport::new()
        .with_lexicon(Lexicon::built_in().extended(mine))
        .plan(text)
        .unwrap();
    let provision = &after.clauses()["p1"].provisions[0];
    assert_eq!(provision.subject().to_string(), "prisoners/pows");
    assert_eq!(provision.brief(), "all for all");
}

#[test]
fn markdown_with_headings_bullets_and_restarted_numbering() {
    let text = "# Draft\n\n## Security\n\n1. **Ceasefire** takes effect immediately.\n   - monitored by drones\n\n## Economy\n\n1. Sanctions are lifted in stages.\n3. The World Bank funds a package.\n";
    let plan = TextImport::new().with_id("draft").plan(text).unwrap();
    assert_eq!(plan.title, "Draft");
    let numbers: Vec<&str> = plan.clauses().values().map(|c| c.label()).collect();
    assert_eq!(numbers, ["1", "1.1", "1", "3"]);
    let notes: Vec<&str> = plan.notes.iter().map(|n| n.text.as_str()).collect();
    assert!(notes.iter().any(|n| n.contains("restarts at 1")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("skips from 1 to 3")), "{notes:?}");
    let subjects: Vec<String> = plan.provisions().map(|(_, p)| p.subject().to_string()).collect();
    assert!(subjects.contains(&"ceasefire/terms".to_owned()), "{subjects:?}");
    assert!(subjects.contains(&"sanctions/russia".to_owned()), "{subjects:?}");
    assert!(
        subjects.contains(&"economy/world-bank".to_owned()),
        "{subjects:?}"
    );
}

#[test]
fn empty_or_malformed_text_is_one_clear_error() {
    for (text, expected) in [
        (
            "",
            "line 1, column 1: the text holds no points or paragraphs to import",
        ),
        (
            "\n\n   \n",
            "line 1, column 1: the text holds no points or paragraphs to import",
        ),
        (
            "---\ndate: soon\n---\n1. A point.",
            "line 1, column 1, at `date`: invalid date `soon` in the front matter",
        ),
    ] {
        let err = TextImport::new().plan(text).unwrap_err().to_string();
        assert!(err.starts_with(expected), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
    // JSON is read as JSON, text as text.
    assert_eq!(
        plans_from_text(&corpus::get("witkoff-2025-04").unwrap().to_json(), "x").unwrap()[0].id,
        "witkoff-2025-04"
    );
    assert!(plans_from_text("{ not json", "x").is_err());
}

#[test]
fn the_laws_hold_on_imported_plans() {
    let text = reworded();
    let draft = corpus::get("us-28-point-2025-11").unwrap();
    laws::json_roundtrip(&text).unwrap();
    laws::diff_identity(&text).unwrap();
    for other in corpus::all() {
        laws::diff_apply(other, &text).unwrap();
        laws::diff_invert(other, &text).unwrap();
        laws::diff_roundtrip(other, &text).unwrap();
        laws::render_total(other, &text).unwrap();
    }
    let (april, e3) = (
        corpus::get("witkoff-2025-04").unwrap(),
        corpus::get("e3-counter-2025-11").unwrap(),
    );
    laws::compare_order(&[draft, &text, april]).unwrap();
    laws::merge_identity(draft, &text).unwrap();
    laws::merge_symmetry(draft, &text, e3).unwrap();
}

#[test]
fn a_text_file_loads_wherever_a_plan_is_read() {
    let plans = corpus::load_list("tests/texts/us-28-point-reworded.txt").unwrap();
    assert_eq!(plans[0], reworded());
    let plan = corpus::load("tests/texts/us-28-point-reworded.txt").unwrap();
    assert_eq!(plan.clauses().len(), 50);
}

/// The subjects and the brief of each provision proposed for a one-point text.
fn proposed(text: &str) -> Vec<(String, String)> {
    let plan = TextImport::new()
        .with_id("t")
        .plan(&format!("1. {text}"))
        .unwrap();
    plan.clauses()["p1"]
        .provisions
        .iter()
        .map(|p| (p.subject().to_string(), p.brief()))
        .collect()
}

fn brief_of(text: &str, subject: &str) -> String {
    proposed(text)
        .into_iter()
        .find(|(s, _)| s == subject)
        .map(|(_, b)| b)
        .unwrap_or_else(|| panic!("no {subject} in {:?}", proposed(text)))
}

#[test]
fn typed_values_are_read_however_they_are_written() {
    for (text, cap) in [
        ("The army is capped at 600,000.", "capped · cap: 600,000"),
        ("The army is capped at 600 thousand.", "capped · cap: 600,000"),
        ("Armed forces of 800 000 in peacetime.", "capped · cap: 800,000"),
    ] {
        assert_eq!(brief_of(text, "military/armed-forces-cap"), cap, "{text}");
    }
    assert!(
        brief_of(
            "Elections are held within 100 days of signing.",
            "governance/elections"
        )
        .contains("100")
    );
    assert_eq!(
        brief_of("All prisoners are exchanged, all for all.", "prisoners/pows"),
        "all for all"
    );
    assert!(brief_of("Sanctions are lifted in stages.", "sanctions/russia").contains("in stages"));
    assert!(brief_of("Ukraine will never join NATO.", "nato/ukraine-membership").contains("barred"));
    let europe = brief_of(
        "Europe contributes $100bn to the reconstruction of Ukraine.",
        "economy/european-contribution",
    );
    assert!(europe.contains("100"), "{europe}");
    let euros = brief_of(
        "A reconstruction fund of €50bn is set up.",
        "economy/reconstruction",
    );
    assert!(
        euros.contains("50") && euros.to_lowercase().contains("eur"),
        "{euros}"
    );
}

#[test]
fn a_status_worded_once_applies_to_every_region_the_sentence_names() {
    let text = "Crimea, Luhansk and Donetsk are recognised as Russian de facto; Kherson and Zaporizhzhia oblasts are frozen along the line of contact.";
    let found = proposed(text);
    for region in ["crimea", "luhansk", "donetsk"] {
        let brief = brief_of(text, &format!("territory/{region}"));
        assert!(brief.contains("russian de facto"), "{region}: {brief}");
    }
    for region in ["kherson", "zaporizhzhia"] {
        let brief = brief_of(text, &format!("territory/{region}"));
        assert!(
            brief.contains("frozen along line of contact"),
            "{region}: {brief}"
        );
    }
    assert!(found.len() >= 5, "{found:?}");
    let de_jure = "Crimea, the Luhansk and Donetsk republics and the Zaporizhzhia and Kherson regions receive international legal recognition as part of Russia.";
    for region in ["crimea", "luhansk", "donetsk", "zaporizhzhia", "kherson"] {
        let brief = brief_of(de_jure, &format!("territory/{region}"));
        assert!(brief.contains("russian de jure"), "{region}: {brief}");
    }
}

#[test]
fn the_power_split_of_the_plant_is_read() {
    for text in [
        "The Zaporizhzhia nuclear plant restarts and its electricity is shared equally between Russia and Ukraine.",
        "The Zaporizhzhia nuclear power plant is restarted, its output split 50/50 between Ukraine and Russia.",
    ] {
        let brief = brief_of(text, "nuclear/zaporizhzhia-npp");
        assert!(
            brief.contains("russia") && brief.contains("50"),
            "{text}: {brief}"
        );
    }
}

#[test]
fn a_news_style_summary_of_the_20_points_pairs_with_the_bundled_framework() {
    let text = TextImport::new().plan(NEWS).unwrap();
    let points = text.clauses().values().filter(|c| c.number.is_some()).count();
    assert_eq!(points, 28);
    let framework = corpus::get("ukraine-20-point-2025-12").unwrap();
    let renumbered = [
        ("2", "2a"),
        ("2a", "2b"),
        ("14", "14a"),
        ("14a", "14b"),
        ("14b", "14c"),
        ("14c", "14d"),
        ("14d", "14e"),
    ];
    let truth = |label: &str| {
        renumbered
            .iter()
            .find(|(t, _)| *t == label)
            .map_or(label, |(_, b)| b)
            .to_owned()
    };
    let right = diff(framework, &text)
        .clauses
        .iter()
        .filter(|c| match (c.before.as_slice(), c.after.as_slice()) {
            ([old], [new]) => new.clause.number.is_some() && old.clause.label() == truth(new.clause.label()),
            _ => false,
        })
        .count();
    assert!(right * 10 >= points * 8, "{right} of {points}");
}

#[test]
fn fields_the_tagger_does_not_read_are_unknown_not_left_out() {
    let draft = corpus::get("us-28-point-2025-11").unwrap();
    let text = reworded();
    let point = text.clauses().values().find(|c| c.label() == "13a").unwrap();
    let unread = point
        .notes
        .iter()
        .find(|n| {
            n.kind == NoteKind::Unknown
                && n.subjects
                    .iter()
                    .any(|s| s.to_string() == "economy/russia-reintegration")
        })
        .unwrap();
    assert!(unread.fields.iter().any(|f| f == "parties"));
    let changes = diff(draft, &text);
    let reintegration = common::change(&changes, "economy/russia-reintegration");
    let parties = reintegration.fields.iter().find(|f| f.path == "parties").unwrap();
    assert!(parties.unknown);
    assert_eq!(parties.to_string(), "parties: russia → not known");
    // What the tagger reads still changes: the cap.
    let cap = common::change(&changes, "military/armed-forces-cap");
    assert_eq!(cap.kind, ProvisionChangeKind::Amended);
    assert!(cap.fields.iter().all(|f| !f.unknown));
}
