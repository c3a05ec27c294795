//! The corrected rows of the bundled plans: what the reporting says they hold,
//! what it leaves unknown, and readings and proposals kept side by side.

use peacediff::render::Render;
use peacediff::*;

mod common;

fn plan(id: &str) -> &'static Plan {
    corpus::get(id).unwrap_or_else(|| panic!("no bundled plan `{id}`"))
}

fn comparison() -> Comparison {
    let all: Vec<&Plan> = corpus::all().iter().collect();
    compare(&all).unwrap()
}

fn row<'c>(comparison: &'c Comparison, subject: &str) -> &'c ComparisonRow {
    comparison
        .row(subject)
        .unwrap_or_else(|| panic!("no row {subject}"))
}

/// The clause ids a plan's cell holds on a row.
fn clauses<'r>(row: &'r ComparisonRow, id: &str) -> Vec<&'r str> {
    row.cells[id].iter().map(|e| e.clause.as_str()).collect()
}

#[test]
fn point_13_of_the_20_points_carries_the_rules_on_religion_and_language() {
    let comparison = comparison();
    let row = row(&comparison, "governance/religion-and-language");
    assert_eq!(clauses(row, "ukraine-20-point-2025-12"), ["13"]);
    // The same substance as US sub-point 20a: the two agree.
    assert_eq!(
        row.group_of("ukraine-20-point-2025-12"),
        row.group_of("us-28-point-2025-11")
    );
    assert!(!row.absent.contains(&"ukraine-20-point-2025-12".to_owned()));
    let entry = &row.cells["ukraine-20-point-2025-12"][0];
    assert!(entry.sources.iter().any(|s| s.outlet == "24 Kanal"));
}

#[test]
fn what_the_20_points_may_not_say_is_unknown_not_left_out() {
    let comparison = comparison();
    for subject in [
        "governance/media-and-education-rights",
        "governance/nazi-ideology",
        "prisoners/committee",
    ] {
        let row = row(&comparison, subject);
        assert!(
            row.unknown.contains(&"ukraine-20-point-2025-12".to_owned()),
            "{subject}"
        );
        assert!(
            !row.absent.contains(&"ukraine-20-point-2025-12".to_owned()),
            "{subject}"
        );
    }
    // The diff from the 28-point draft says so too: these provisions are not removed.
    let changes = diff(plan("us-28-point-2025-11"), plan("ukraine-20-point-2025-12"));
    for subject in ["governance/nazi-ideology", "prisoners/committee"] {
        let change = common::change(&changes, subject);
        assert_eq!(change.kind, ProvisionChangeKind::Unknown, "{subject}");
    }
    // A complete plan still leaves out what no note calls unknown.
    assert!(
        row(&comparison, "nato/ukraine-membership")
            .absent
            .contains(&"ukraine-20-point-2025-12".to_owned())
    );
}

#[test]
fn an_unknown_field_is_not_a_change_of_position() {
    let (draft, framework) = (plan("us-28-point-2025-11"), plan("ukraine-20-point-2025-12"));
    let changes = diff(draft, framework);
    let body = common::change(&changes, "monitoring/enforcement-body");
    assert_ne!(body.kind, ProvisionChangeKind::Amended);
    let fields: Vec<String> = body.fields.iter().map(ToString::to_string).collect();
    assert_eq!(fields, ["sanctions for violations: yes → not known"]);
    assert!(body.fields[0].unknown);
    // The inverse diff reads the same from the other side.
    let back = diff(framework, draft);
    let body_back = common::change(&back, "monitoring/enforcement-body");
    assert_eq!(
        body_back.fields[0].to_string(),
        "sanctions for violations: not known → yes"
    );

    // In a comparison the two agree on what both are known to say.
    let comparison = comparison();
    let row = row(&comparison, "monitoring/enforcement-body");
    assert_eq!(
        row.group_of("ukraine-20-point-2025-12"),
        row.group_of("us-28-point-2025-11")
    );
    assert_eq!(
        row.cells["ukraine-20-point-2025-12"][0].unknown,
        ["sanctions_for_violations"]
    );
}

#[test]
fn the_three_guarantees_mirroring_article_5_line_up_on_one_subject() {
    let comparison = comparison();
    let row = row(&comparison, "guarantees/ukraine");
    let article_5 = |id: &str| -> Vec<&str> {
        row.cells[id]
            .iter()
            .filter(|e| {
                matches!(&e.provision, Provision::Guarantees(g) if g.form == Some(GuaranteeForm::Article5Like))
            })
            .map(|e| e.clause.as_str())
            .collect()
    };
    assert_eq!(article_5("european-ukrainian-2025-04"), ["7"]);
    assert_eq!(article_5("e3-counter-2025-11"), ["10"]);
    assert_eq!(article_5("ukraine-20-point-2025-12"), ["5"]);
    // E3's point 10 no longer stands apart on the guarantors subject.
    let guarantors = self::row(&comparison, "guarantees/guarantors");
    assert!(guarantors.cells["e3-counter-2025-11"].is_empty());

    // The three plans take different positions on the subject (E3 and the 20
    // points add a general guarantee, the 20 points more guarantors), and the
    // row shows them as one group on the form and on the US guarantee.
    let three = [
        "european-ukrainian-2025-04",
        "e3-counter-2025-11",
        "ukraine-20-point-2025-12",
    ];
    let groups = three.map(|id| row.group_of(id).unwrap());
    assert!(groups[0] != groups[1] && groups[1] != groups[2] && groups[0] != groups[2]);
    let shared = |value: &str| -> Vec<&str> {
        let shared = row.shared.iter().find(|v| v.to_string() == value);
        let plans = shared.unwrap_or_else(|| panic!("nothing shares {value}: {:?}", row.shared));
        plans.plans.iter().map(String::as_str).collect()
    };
    assert_eq!(shared("form: article 5 like"), three);
    let us = shared("guarantors: united states");
    assert!(three.iter().all(|id| us.contains(id)), "{us:?}");
    let markdown = comparison.render(render::Format::Markdown, &render::Options::default());
    let line = markdown
        .lines()
        .find(|l| l.starts_with("| `guarantees/ukraine`"))
        .unwrap();
    let [a, b, c] = groups.map(|g| char::from(b'A' + u8::try_from(g).unwrap()));
    assert!(
        line.contains(&format!("{a}, {b}, {c} share form: article 5 like")),
        "{line}"
    );
}

#[test]
fn reconstruction_from_russian_assets_is_coded_alike_in_april_and_in_the_e3_text() {
    let subject = Subject::parse("economy/reconstruction").unwrap();
    let on = |id: &str, clause: &str| -> Provision {
        plan(id).clauses()[clause]
            .provisions
            .iter()
            .find(|p| p.subject() == subject)
            .unwrap()
            .clone()
    };
    assert_eq!(
        on("european-ukrainian-2025-04", "20"),
        on("e3-counter-2025-11", "14")
    );
}

#[test]
fn the_zaporizhzhia_point_keeps_both_proposals_with_their_proposers() {
    let point = &plan("ukraine-20-point-2025-12").clauses()["12"];
    let proposers: Vec<&[Party]> = point
        .alternatives
        .iter()
        .map(|r| r.proposed_by.as_slice())
        .collect();
    assert_eq!(proposers, [&[Party::UnitedStates][..], &[Party::Ukraine][..]]);
    let splits: Vec<String> = point
        .alternatives
        .iter()
        .map(|r| r.provisions[0].brief())
        .collect();
    assert!(
        splits[0].contains("united states 33%, ukraine 33%, russia 33%"),
        "{}",
        splits[0]
    );
    assert!(
        splits[1].contains("ukraine 50%, united states 50%"),
        "{}",
        splits[1]
    );
    // The plan's own position stays "no consensus"; comparisons show both proposals beside it.
    let comparison = comparison();
    let cell = &row(&comparison, "nuclear/zaporizhzhia-npp").cells["ukraine-20-point-2025-12"];
    let labels: Vec<String> = cell[0].readings.iter().map(|r| r.label()).collect();
    assert_eq!(labels, ["proposed by united states", "proposed by ukraine"]);
}

#[test]
fn geneva_attributes_the_territory_account_and_keeps_three_readings_of_the_army() {
    let geneva = plan("geneva-revision-2025-11");
    assert!(
        geneva.clauses()["territory"]
            .text
            .contains("Bevz told the Washington Post")
    );
    let army = &geneva.clauses()["armed-forces"];
    let readings: Vec<String> = army
        .alternatives
        .iter()
        .map(|r| r.provisions[0].brief())
        .collect();
    assert_eq!(readings, ["unrestricted", "bracketed"]);
    assert_eq!(army.alternatives[1].confidence, Confidence::Low);
}

#[test]
fn the_2026_follow_up_is_kept_as_dated_sourced_notes_without_the_unverified_leads() {
    let framework = plan("ukraine-20-point-2025-12");
    let signing = framework
        .notes
        .iter()
        .find(|n| n.text.contains("Sybiha"))
        .expect("the signing structure of January 2026");
    assert!(signing.text.contains("28 January 2026"));
    assert_eq!(signing.sources, ["N18", "N19"]);
    assert_eq!(signing.confidence, Some(Confidence::High));
    let znpp = framework
        .notes
        .iter()
        .find(|n| {
            n.subjects
                .iter()
                .any(|s| s.to_string() == "nuclear/zaporizhzhia-npp")
                && n.text.starts_with("Follow-up")
        })
        .unwrap();
    assert!(znpp.text.contains("Russia rejected"));
    // The unverified leads (N44 to N46, N43) are not used anywhere.
    for plan in corpus::all() {
        for id in ["N43", "N44", "N45", "N46"] {
            assert!(!plan.sources().contains_key(id), "{} cites {id}", plan.id);
        }
    }
}

#[test]
fn an_absence_shows_the_sources_and_confidence_it_rests_on() {
    let comparison = comparison();
    let amnesty = row(&comparison, "governance/amnesty");
    assert!(amnesty.absent.contains(&"e3-counter-2025-11".to_owned()));
    let why = &amnesty.absences["e3-counter-2025-11"];
    assert_eq!(why[0].confidence, Some(Confidence::Low));
    assert_eq!(why[0].sources.len(), 1);
    let text = comparison.render(render::Format::Markdown, &render::Options::default());
    assert!(text.contains("— reported left out \\[") && text.contains(" · low\\]"));
    // The deleted 10d is an absence beside 10b's kept condition: it shows in the row.
    let void = row(&comparison, "guarantees/void-conditions");
    assert_eq!(void.cells["e3-counter-2025-11"].len(), 1);
    assert_eq!(
        void.absences["e3-counter-2025-11"][0].confidence,
        Some(Confidence::Medium)
    );
    // In the diff, the removal of 10d's condition rests on that note, and the
    // inverse addition too.
    let (draft, e3) = (plan("us-28-point-2025-11"), plan("e3-counter-2025-11"));
    let changes = diff(draft, e3);
    let removal = changes
        .provisions
        .iter()
        .find(|p| {
            p.kind == ProvisionChangeKind::Removed && p.before.as_ref().is_some_and(|b| b.clause == "10d")
        })
        .expect("10d's condition removed");
    assert_eq!(removal.absences.len(), 1);
    assert_eq!(removal.absences[0].confidence, Some(Confidence::Medium));
    let back = diff(e3, draft);
    assert!(
        back.provisions
            .iter()
            .any(|p| p.kind == ProvisionChangeKind::Added
                && p.after.as_ref().is_some_and(|a| a.clause == "10d")
                && p.absences == removal.absences)
    );
    let text = changes.render(render::Format::Markdown, &render::Options::default());
    assert!(
        text.contains("removed guarantees/void-conditions: conditions: unprovoked strike on moscow — reported left out \\["),
        "{text}"
    );
}
