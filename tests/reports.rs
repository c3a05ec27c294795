//! What the reports must say, checked on their structure in every format: each
//! position's sources and confidence, unknown never drawn as deletion, statuses
//! and counts, and the HTML page's links, side-by-side views and print rules.

use peacediff::render::{Format, Options, Render};
use peacediff::{ClauseChangeKind, PlanDiff, compare, corpus, diff, merge};
use quick_xml::Reader;
use quick_xml::events::Event;

fn november_to_geneva() -> PlanDiff<'static> {
    diff(
        corpus::get("us-28-point-2025-11").unwrap(),
        corpus::get("geneva-revision-2025-11").unwrap(),
    )
}

/// An element of a page: its name, its attributes, and its own text.
type Element = (String, Vec<(String, String)>, String);

/// Every element of an HTML page.
fn elements(html: &str) -> Vec<Element> {
    let mut reader = Reader::from_str(html.trim_start_matches("<!DOCTYPE html>"));
    let mut out: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(tag) | Event::Empty(tag) => {
                let name = tag.name().into_inner().to_owned();
                let attributes = tag
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (a.key.into_inner().to_owned(), a.value.into_owned())
                    })
                    .collect();
                out.push((name, attributes, String::new()));
                open.push(out.len() - 1);
            }
            Event::Text(text) => {
                if let Some(&i) = open.last() {
                    out[i].2.push_str(text.as_ref());
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attribute<'a>(element: &'a Element, key: &str) -> Option<&'a str> {
    element.1.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[test]
fn every_link_of_a_page_reaches_its_anchor_or_a_source() {
    let pages = [
        november_to_geneva().render(Format::Html, &Options::default()),
        compare(&corpus::all().iter().collect::<Vec<_>>())
            .unwrap()
            .render(Format::Html, &Options::default()),
    ];
    for page in pages {
        let all = elements(&page);
        let ids: Vec<&str> = all.iter().filter_map(|e| attribute(e, "id")).collect();
        let links: Vec<&str> = all.iter().filter_map(|e| attribute(e, "href")).collect();
        assert!(links.iter().any(|l| l.starts_with("#source-")));
        for link in links {
            match link.strip_prefix('#') {
                Some(anchor) => assert!(ids.contains(&anchor), "no anchor {anchor}"),
                None => assert!(
                    link.starts_with("https://") || link.starts_with("http://"),
                    "{link}"
                ),
            }
        }
        // Every source in the list links to its address.
        let sources = all
            .iter()
            .filter(|e| attribute(e, "id").is_some_and(|id| id.starts_with("source-")));
        assert!(sources.count() > 3);
        assert!(page.contains("@media print"));
        assert!(!page.contains("<script"));
    }
}

#[test]
fn unknown_is_never_drawn_as_a_deletion() {
    let d = november_to_geneva();
    let unknown = d
        .clauses
        .iter()
        .filter(|c| c.kind == ClauseChangeKind::Unknown)
        .count();
    assert_eq!(unknown, 38);
    // HTML: each unknown change is a section of its own kind with no struck words.
    let page = d.render(Format::Html, &Options::default());
    let sections: Vec<&str> = page.split("<section class=\"change ").skip(1).collect();
    let unknown_sections: Vec<&&str> = sections.iter().filter(|s| s.starts_with("unknown\"")).collect();
    assert_eq!(unknown_sections.len(), unknown);
    for section in unknown_sections {
        let section = section.split("</section>").next().unwrap();
        assert!(
            !section.contains("<del>") && !section.contains("<ins>"),
            "{section}"
        );
        assert!(section.contains("? not known"));
    }
    // Terminal and Markdown: marked `?`, text unstruck.
    let text = d.render(Format::Terminal, &Options::width(100));
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| b.starts_with("? unknown"))
        .collect();
    assert_eq!(blocks.len(), unknown);
    assert!(blocks.iter().all(|b| !b.contains("[-") && !b.contains("{+")));
    let markdown = d.render(Format::Markdown, &Options::default());
    // A leading `?` is escaped, as all leading punctuation is.
    let sections: Vec<&str> = markdown
        .split("\n### ")
        .filter(|s| s.starts_with("\\? unknown"))
        .collect();
    assert_eq!(sections.len(), unknown);
    assert!(sections.iter().all(|s| !s.contains("~~")));
    // The summary keeps the two apart.
    assert!(text.contains("Unknown, not deleted: 38 clauses"), "{text}");
}

#[test]
fn every_change_and_cell_names_its_sources_and_confidence() {
    let d = november_to_geneva();
    let text = d.render(Format::Terminal, &Options::width(200));
    for block in text
        .split("\n\n")
        .skip(1)
        .filter(|b| !b.starts_with("Clauses changed"))
    {
        if block.starts_with("Sources") {
            continue;
        }
        assert!(block.contains("from: "), "{block}");
        assert!(
            block.contains(" · high]") || block.contains(" · medium]") || block.contains(" · low]"),
            "{block}"
        );
    }
    let comparison = compare(&corpus::all().iter().collect::<Vec<_>>()).unwrap();
    let markdown = comparison.render(Format::Markdown, &Options::default());
    for row in markdown.lines().filter(|l| l.starts_with("| `")) {
        for cell in row.split(" | ").skip(2).filter(|c| c.starts_with("**")) {
            assert!(cell.contains(" · "), "{cell}");
        }
    }
    // The source list resolves every number the cells use.
    let listed = markdown
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count();
    assert!(listed > 40, "{listed}");
    // The Geneva cap's other readings show in the comparison.
    let cap = comparison.row("military/armed-forces-cap").unwrap();
    assert_eq!(cap.cells["geneva-revision-2025-11"][0].readings.len(), 2);
    assert!(markdown.contains("reported otherwise: unrestricted"));
    assert!(markdown.contains("reported otherwise: bracketed"));
    // So do competing proposals, with who proposes each.
    assert!(markdown.contains("proposed by ukraine: jointly operated"));
}

#[test]
fn statuses_count_the_plans_that_speak_and_the_matrix_follows_the_rows_shown() {
    let mut comparison = compare(&corpus::all().iter().collect::<Vec<_>>()).unwrap();
    let counts = comparison.counts();
    assert!(counts.values().all(|n| *n > 0), "{counts:?}");
    comparison.retain(|row| row.topic == peacediff::Topic::Nato);
    let shared: usize = comparison
        .matrix
        .iter()
        .flatten()
        .map(|a| a.shared)
        .max()
        .unwrap();
    assert!(shared <= comparison.rows.len());
    let text = comparison.render(Format::Terminal, &Options::width(100));
    let matrix: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Agreement:"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(matrix.join(" ").contains("(agreed/shared)"), "{matrix:?}");
    let rows: Vec<&&str> = matrix.iter().filter(|l| l.starts_with("  (")).collect();
    assert_eq!(rows.len(), corpus::all().len());
    assert!(
        rows.iter().all(|l| !l.contains('%')) && rows.iter().any(|l| l.contains("3/3")),
        "{matrix:?}"
    );
}

#[test]
fn the_merge_page_sets_base_ours_and_theirs_side_by_side() {
    let [base, ours, theirs] = [
        "us-28-point-2025-11",
        "geneva-revision-2025-11",
        "e3-counter-2025-11",
    ]
    .map(|id| corpus::get(id).unwrap());
    let page = merge(base, ours, theirs).render(Format::Html, &Options::default());
    let all = elements(&page);
    let groups = all
        .iter()
        .filter(|e| attribute(e, "class") == Some("versions"))
        .count();
    let versions = all
        .iter()
        .filter(|e| {
            attribute(e, "class").is_some_and(|c| c.starts_with("version"))
                && attribute(e, "class") != Some("versions")
        })
        .count();
    assert!(groups > 10);
    assert_eq!(versions, groups * 3);
    assert!(page.contains("class=\"version unknown\""));
}

#[test]
fn paraphrased_wording_is_labelled_and_user_texts_are_not() {
    let d = november_to_geneva();
    assert!(
        d.render(Format::Terminal, &Options::width(100))
            .contains("wording (paraphrases compared):")
    );
    let mine = |id: &str| {
        let mut plan = corpus::get(id)
            .unwrap()
            .clone()
            .with_texts(peacediff::Texts::Original);
        plan.id = format!("{id}-mine");
        plan
    };
    let (a, b) = (mine("us-28-point-2025-11"), mine("geneva-revision-2025-11"));
    let text = diff(&a, &b).render(Format::Terminal, &Options::width(100));
    assert!(!text.contains("paraphrase"), "{text}");
    assert!(text.contains("[-"));
}

#[test]
fn a_plan_listing_names_each_clauses_sources() {
    let plan = corpus::get("geneva-revision-2025-11").unwrap();
    let text = plan.render(Format::Terminal, &Options::width(100));
    assert!(
        text.contains("armed-forces  military/armed-forces-cap [5, 6 · medium]"),
        "{text}"
    );
    assert!(text.contains("reported otherwise [7, 8 · medium]"), "{text}");
    assert!(text.contains("\n  Sources\n  [1] Kyiv Independent"), "{text}");
    let markdown = plan.render(Format::Markdown, &Options::default());
    assert!(markdown.contains("### Sources") && markdown.contains("](<https://"));
    let page = plan.render(Format::Html, &Options::default());
    assert!(page.contains("<a href=\"#source-5\">5</a>") && page.contains("id=\"source-5\""));
}
