//! The stated-positions report: the April pair against Russia's and Ukraine's
//! stated positions, in every format.

use peacediff::render::{Format, Options, Render};
use peacediff::*;

fn plan(id: &str) -> &'static Plan {
    corpus::get(id).unwrap_or_else(|| panic!("no bundled plan `{id}`"))
}

fn april() -> Positions {
    let stated = Stated::defaults(corpus::get).unwrap();
    positions(
        &[plan("witkoff-2025-04"), plan("european-ukrainian-2025-04")],
        &stated,
    )
    .unwrap()
}

fn verdict(report: &Positions, subject: &str, id: &str, party: Party) -> Option<Verdict> {
    let row = report.row(subject)?;
    Some(row.plans[id].against(party)?.verdict)
}

#[test]
fn the_april_pair_leans_to_opposite_sides() {
    let report = april();
    let tally = |id, party| report.tally(id, party).unwrap();
    let (us_russia, us_ukraine) = (
        tally("witkoff-2025-04", Party::Russia),
        tally("witkoff-2025-04", Party::Ukraine),
    );
    let (eu_russia, eu_ukraine) = (
        tally("european-ukrainian-2025-04", Party::Russia),
        tally("european-ukrainian-2025-04", Party::Ukraine),
    );
    assert_eq!((us_russia.matches, us_russia.differs), (1, 8));
    assert_eq!((us_ukraine.matches, us_ukraine.differs), (2, 10));
    assert_eq!((eu_russia.matches, eu_russia.differs), (0, 8));
    assert_eq!((eu_ukraine.matches, eu_ukraine.differs), (10, 7));
    // Where both speak, the counter-proposal stands closer to Ukraine's stated positions.
    assert!(eu_ukraine.share() > us_ukraine.share());
    assert_eq!(eu_russia.share(), Some(0.0));
}

#[test]
fn verdicts_per_subject_follow_the_agreement_groups() {
    let report = april();
    use Verdict::*;
    let (us, eu) = ("witkoff-2025-04", "european-ukrainian-2025-04");
    assert_eq!(
        verdict(&report, "nato/ukraine-membership", us, Party::Russia),
        Some(Matches)
    );
    assert_eq!(
        verdict(&report, "nato/ukraine-membership", us, Party::Ukraine),
        Some(Differs)
    );
    assert_eq!(
        verdict(&report, "nato/ukraine-membership", eu, Party::Ukraine),
        Some(Matches)
    );
    assert_eq!(
        verdict(&report, "military/armed-forces-cap", eu, Party::Ukraine),
        Some(Matches)
    );
    assert_eq!(
        verdict(&report, "military/armed-forces-cap", us, Party::Russia),
        Some(LeavesOpen)
    );
    // Only Ukraine's stated plans speak to the line of contact: no standing against Russia.
    assert_eq!(
        verdict(&report, "territory/line-of-contact", eu, Party::Russia),
        None
    );
    assert_eq!(
        verdict(&report, "territory/line-of-contact", eu, Party::Ukraine),
        Some(Matches)
    );
    // Each standing names the stated plans it is measured against.
    let row = report.row("territory/crimea").unwrap();
    let against: Vec<&str> = row.plans[us]
        .against(Party::Russia)
        .unwrap()
        .against
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(against, ["russia-memorandum-2025-06", "putin-conditions-2024-06"]);
    // A plan that differs names what it still shares with the party, and only then.
    let twenty = [plan("ukraine-20-point-2025-12")];
    let stated = Stated::defaults(corpus::get).unwrap();
    let twenty = positions(&twenty, &stated).unwrap();
    let cap = &twenty.row("military/armed-forces-cap").unwrap().plans["ukraine-20-point-2025-12"];
    let russia = cap.against(Party::Russia).unwrap();
    assert_eq!(russia.verdict, Differs);
    let sharing: Vec<String> = russia.sharing.iter().map(ToString::to_string).collect();
    assert_eq!(sharing, ["stance: capped"]);
    assert!(russia.to_string().ends_with(", sharing stance: capped"));
    assert!(cap.against(Party::Ukraine).unwrap().sharing.is_empty());
    assert!(
        twenty
            .rows
            .iter()
            .flat_map(|row| row.plans.values())
            .all(|standing| {
                standing
                    .standings
                    .iter()
                    .all(|s| s.verdict == Differs || s.sharing.is_empty())
            })
    );
    // No row is shown that no party speaks to.
    assert!(
        report
            .rows
            .iter()
            .all(|row| row.stated.iter().any(|s| !s.positions.is_empty()))
    );
}

#[test]
fn the_report_prints_in_every_format_in_neutral_words() {
    let report = april();
    for format in Format::ALL {
        let text = report.render(*format, &Options::default());
        // HTML escapes apostrophes.
        let text = text.replace("&#39;", "'");
        assert!(text.contains("nato/ukraine-membership"), "{format}");
        if *format != Format::Json {
            assert!(
                text.contains(
                    "matches Ukraine's stated position of about June 2025 (ukraine-memorandum-2025-06)"
                ),
                "{format}"
            );
            assert!(
                text.contains("against Russia: matches 1, differs 8, leaves 27 open"),
                "{format}"
            );
            // Every position shown cites its sources and confidence.
            assert!(
                text.contains(" · high]") || text.contains(" · high\\]"),
                "{format}"
            );
        }
    }
    let json = report.render(Format::Json, &Options::default());
    let back: Positions = render::json::from_json(&json).unwrap();
    assert_eq!(back, report);
    let html = report.render(Format::Html, &Options::default());
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn other_stated_positions_can_be_given() {
    let stated = [Stated {
        party: Party::Russia,
        plans: vec![plan("istanbul-draft-2022-04")],
    }];
    let report = positions(&[plan("us-28-point-2025-11")], &stated).unwrap();
    assert_eq!(report.parties.len(), 1);
    assert!(report.rows.iter().all(|row| row.stated.len() == 1));
    assert!(report.tally("us-28-point-2025-11", Party::Ukraine).is_none());
}
