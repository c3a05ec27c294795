//! Every renderer on the bundled plans, pinned by snapshots, plus escaping of
//! hostile clause text and well-formed HTML.

use peacediff::render::{Format, Options, Render};
use peacediff::{Merge, Plan, compare, corpus, diff};
use quick_xml::Reader;
use quick_xml::events::Event;

mod common;
use common::bundled::{april_to_november, cap_history, comparison as core, november_merge};

#[test]
fn merge_and_evolution_snapshots() {
    let merged = november_merge();
    insta::assert_snapshot!(
        "merge_terminal_100",
        merged.render(Format::Terminal, &Options::width(100))
    );
    insta::assert_snapshot!(
        "merge_markdown",
        merged.render(Format::Markdown, &Options::default())
    );
    let history = cap_history();
    insta::assert_snapshot!(
        "evolution_terminal_80",
        history.render(Format::Terminal, &Options::width(80))
    );
    insta::assert_snapshot!(
        "evolution_markdown",
        history.render(Format::Markdown, &Options::default())
    );
    insta::assert_snapshot!(
        "evolution_html",
        history.render(Format::Html, &Options::default())
    );
    for (json, schema) in [
        (
            merged.render(Format::Json, &Options::default()),
            "peacediff/merge/2",
        ),
        (
            history.render(Format::Json, &Options::default()),
            "peacediff/evolution/2",
        ),
    ] {
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["schema"], schema);
    }
    // The merge's JSON gives back the merge.
    let json = merged.render(Format::Json, &Options::default());
    let again: Merge = serde_json::from_str(&json).unwrap();
    assert_eq!(again, merged);
}

#[test]
fn comparison_snapshots() {
    let comparison = core();
    insta::assert_snapshot!(
        "comparison_terminal_80",
        comparison.render(Format::Terminal, &Options::width(80))
    );
    insta::assert_snapshot!(
        "comparison_terminal_160",
        comparison.render(Format::Terminal, &Options::width(160))
    );
    insta::assert_snapshot!(
        "comparison_markdown",
        comparison.render(Format::Markdown, &Options::default())
    );
    insta::assert_snapshot!(
        "comparison_json",
        comparison.render(Format::Json, &Options::default())
    );
    insta::assert_snapshot!(
        "comparison_html",
        comparison.render(Format::Html, &Options::default())
    );
    insta::assert_snapshot!("comparison_display", comparison.to_string());
}

#[test]
fn diff_snapshots() {
    let d = april_to_november();
    insta::assert_snapshot!(
        "diff_terminal_80",
        d.render(Format::Terminal, &Options::width(80))
    );
    insta::assert_snapshot!("diff_markdown", d.render(Format::Markdown, &Options::default()));
    insta::assert_snapshot!("diff_html", d.render(Format::Html, &Options::default()));
}

#[test]
fn terminal_lines_fit_the_width() {
    for width in [80, 120, 160] {
        let text = core().render(Format::Terminal, &Options::width(width));
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        for text in [
            november_merge().render(Format::Terminal, &Options::width(width)),
            cap_history().render(Format::Terminal, &Options::width(width)),
        ] {
            for line in text.lines() {
                assert!(line.chars().count() <= width, "{width}: {line}");
            }
        }
        let text = april_to_november().render(Format::Terminal, &Options::width(width));
        for line in text
            .lines()
            .filter(|l| !l.starts_with("---") && !l.starts_with("+++"))
        {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
    }
}

#[test]
fn ten_plans_or_more_keep_their_numbers_apart_from_their_cells() {
    let april = corpus::get("witkoff-2025-04").unwrap();
    let copies: Vec<Plan> = (1..=10)
        .map(|i| {
            let mut plan = april.clone();
            plan.id = format!("copy-{i}");
            plan
        })
        .collect();
    let text = compare(&copies.iter().collect::<Vec<_>>())
        .unwrap()
        .render(Format::Terminal, &Options::width(80));
    // The numbers take one column, as wide as `(10)` and a space.
    assert!(text.lines().any(|l| l.starts_with("  (1)  A ")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("  (10) A ")), "{text}");
    // The matrix's header and rows end in the same column.
    let matrix: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Agreement:"))
        .skip_while(|l| !l.trim_start().starts_with("(1)"))
        .take(11)
        .collect();
    assert_eq!(matrix.len(), 11, "{text}");
    assert!(matrix[10].starts_with("  (10) "), "{matrix:?}");
    let ends: Vec<usize> = matrix.iter().map(|l| l.chars().count()).collect();
    assert!(ends.iter().all(|&n| n == ends[0]), "{matrix:#?}");
    // Too narrow for ten columns: the matrix goes on in a second block, each line
    // within the width.
    let narrow = compare(&copies.iter().collect::<Vec<_>>())
        .unwrap()
        .render(Format::Terminal, &Options::width(40));
    let matrix: Vec<&str> = narrow
        .lines()
        .skip_while(|l| !l.starts_with("Agreement:"))
        .take_while(|l| !l.contains(" subjects: "))
        .filter(|l| l.trim_start().starts_with('('))
        .collect();
    let headers: Vec<&&str> = matrix.iter().filter(|l| !l.starts_with("  (")).collect();
    assert_eq!(headers.len(), 2, "{narrow}");
    assert!(headers[1].trim_start().starts_with("(6)"), "{headers:?}");
    assert_eq!(matrix.len(), 22, "{narrow}");
    assert!(matrix.iter().all(|l| l.chars().count() <= 40), "{matrix:#?}");
}

#[test]
fn colour_is_only_there_when_asked_for() {
    let plain = core().render(Format::Terminal, &Options::width(100));
    assert!(!plain.contains('\u{1b}'));
    let coloured = core().render(Format::Terminal, &Options::width(100).with_color(true));
    assert!(coloured.contains("\u{1b}["));
    // Stripping the styles gives the plain text back.
    let stripped = anstream::adapter::strip_str(&coloured).to_string();
    assert_eq!(stripped, plain);
}

/// A plan whose clause text tries to break every format.
fn hostile() -> Plan {
    let text = r#"<script>alert("x")</script> | pipe
new line & **bold** `code` [link](http://x)"#;
    let json = serde_json::json!({
        "id": "hostile", "title": "<b>Hostile</b> | plan", "date": "2025-01-01", "completeness": "complete",
        "sources": [{"id": "S", "outlet": "O", "title": "T", "url": "https://example.org", "date": "2025-01-01"}],
        "clauses": [{"id": "1", "text": text, "sources": ["S"], "confidence": "high",
                     "provisions": [{"topic": "other", "subject": "hostile", "summary": text}]}]
    });
    Plan::from_json(&json.to_string()).unwrap()
}

fn assert_well_formed(html: &str) {
    let mut reader = Reader::from_str(html.trim_start_matches("<!DOCTYPE html>"));
    reader.config_mut().check_end_names = true;
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => panic!("not well-formed at {}: {err}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0);
}

#[test]
fn html_is_well_formed_and_escapes_clause_text() {
    let plan = hostile();
    let other = corpus::get("witkoff-2025-04").unwrap();
    let comparison = compare(&[&plan, other]).unwrap();
    for html in [
        comparison.render(Format::Html, &Options::default()),
        diff(other, &plan).render(Format::Html, &Options::default()),
        core().render(Format::Html, &Options::default()),
        april_to_november().render(Format::Html, &Options::default()),
        november_merge().render(Format::Html, &Options::default()),
        cap_history().render(Format::Html, &Options::default()),
    ] {
        assert_well_formed(&html);
        assert!(!html.contains("<script"), "unescaped script");
        assert!(!html.contains("<b>"), "unescaped tag");
        // Nothing is fetched: links go to the page's own anchors or to sources.
        assert!(
            !html.contains("src=") && !html.contains("<link"),
            "fetches nothing"
        );
        for link in html.split("href=\"").skip(1) {
            assert!(
                link.starts_with('#') || link.starts_with("https://") || link.starts_with("http://"),
                "{link}"
            );
        }
    }
    let html = comparison.render(Format::Html, &Options::default());
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | pipe"));
}

#[test]
fn markdown_tables_survive_pipes_and_newlines() {
    let plan = hostile();
    let comparison = compare(&[&plan, corpus::get("witkoff-2025-04").unwrap()]).unwrap();
    let markdown = comparison.render(Format::Markdown, &Options::default());
    let table: Vec<&str> = markdown
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect();
    // Every table line has as many unescaped pipes as the header.
    let pipes = |line: &str| line.replace("\\|", "").matches('|').count();
    for line in &table[1..] {
        assert_eq!(pipes(line), pipes(table[0]), "{line}");
    }
    assert!(
        markdown.contains(r#"\<script\>alert("x")\</script\> \| pipe new line \& \*\*bold\*\*"#),
        "{markdown}"
    );
    let redline =
        diff(corpus::get("witkoff-2025-04").unwrap(), &plan).render(Format::Markdown, &Options::default());
    assert!(!redline.contains("<script>"));
}

#[test]
fn json_output_carries_its_schema() {
    let value: serde_json::Value =
        serde_json::from_str(&april_to_november().render(Format::Json, &Options::default())).unwrap();
    assert_eq!(value["schema"], "peacediff/diff/2");
    assert_eq!(value["from"]["id"], "witkoff-2025-04");
}
