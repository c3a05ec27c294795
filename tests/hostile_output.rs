//! Hostile plan text in every output: no control or invisible character from the
//! data reaches terminal text, Markdown or HTML; Markdown rendered by a CommonMark
//! parser holds no markup from the data; HTML is well-formed; error messages are
//! one bounded line; output stays proportional to its input.

mod common;
use common::chain;
use peacediff::render::{Format, Options, Render};
use peacediff::*;
use pulldown_cmark::{Event, Parser, Tag};

/// Terminal escapes (clear screen, OSC 52 clipboard, OSC 8 hyperlink, C1 CSI and
/// OSC, BEL, backspace, carriage return), bidi and zero-width characters, and
/// Markdown and HTML markup.
const PAYLOAD: &str = "\u{1b}[2J\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}]8;;http://evil.example\u{7}link\u{1b}]8;;\u{7} \u{9b}31m\u{9d}0;x\u{9c}\r\u{8}\u{0} \
    <script>alert(1)</script> <img src=x onerror=alert(1)>\n# injected heading\n    indented code\n| pipe | `tick` **bold** \
    [link](http://evil.example) ![img](x.png) \u{202e}reversed\u{200b}zero\u{2066}width ~~struck~~\n---\n1. listed &amp; &#60;";

/// `plan` with `payload` appended to every text a plan file can hold freely.
fn poisoned(plan: &Plan, payload: &str) -> Plan {
    let mut plan = plan.clone();
    plan.title.push_str(payload);
    plan.summary.push_str(payload);
    for note in &mut plan.notes {
        note.text.push_str(payload);
    }
    let sources: Vec<String> = plan.sources().keys().cloned().collect();
    for id in sources {
        if let Some(source) = plan.source_mut(&id) {
            source.outlet.push_str(payload);
            source.title.push_str(payload);
        }
    }
    let clauses: Vec<String> = plan.clauses().keys().cloned().collect();
    for id in clauses {
        let Some(clause) = plan.clause_mut(&id) else {
            continue;
        };
        clause.text.push_str(payload);
        for note in &mut clause.notes {
            note.text.push_str(payload);
        }
        for reading in &mut clause.alternatives {
            reading.text.push_str(payload);
        }
        for provision in clause
            .provisions
            .iter_mut()
            .chain(clause.alternatives.iter_mut().flat_map(|r| &mut r.provisions))
        {
            if let Provision::Other(other) = provision {
                other.summary.push_str(payload);
            }
        }
    }
    plan.validate().unwrap();
    plan
}

/// Every rendering of every result over poisoned plans: (what, format, colour, text).
fn outputs() -> Vec<(String, Format, bool, String)> {
    outputs_with(PAYLOAD)
}

/// [`outputs`] with another payload (an empty one gives the plans as bundled).
fn outputs_with(payload: &str) -> Vec<(String, Format, bool, String)> {
    let [april, counter, draft, geneva, e3] = [
        "witkoff-2025-04",
        "european-ukrainian-2025-04",
        "us-28-point-2025-11",
        "geneva-revision-2025-11",
        "e3-counter-2025-11",
    ]
    .map(|id| poisoned(corpus::get(id).unwrap(), payload));
    let cap = Subject::parse("military/armed-forces-cap").unwrap();
    let results: Vec<(&str, Box<dyn Render>)> = vec![
        ("diff", Box::new(diff(&april, &draft).into_owned())),
        ("diff of partial", Box::new(diff(&draft, &geneva).into_owned())),
        (
            "compare",
            Box::new(compare(&[&april, &counter, &draft, &geneva, &e3]).unwrap()),
        ),
        ("merge", Box::new(merge(&draft, &geneva, &e3))),
        (
            "evolution",
            Box::new(evolution(&cap, &[&april, &counter, &draft, &geneva, &e3])),
        ),
        ("plan", Box::new(geneva.clone())),
    ];
    let mut out = Vec::new();
    for (what, result) in &results {
        for format in [Format::Terminal, Format::Markdown, Format::Html] {
            for color in [false, true] {
                for width in [20, 80, 200] {
                    let options = Options::width(width).with_color(color);
                    out.push((
                        format!("{what} at {width}"),
                        format,
                        color,
                        result.render(format, &options),
                    ));
                }
            }
        }
    }
    for (what, text) in [
        ("diff Display", diff(&april, &draft).to_string()),
        ("compare Display", compare(&[&april, &draft]).unwrap().to_string()),
        ("merge Display", merge(&draft, &geneva, &e3).to_string()),
        ("plan Display", format!("{april}\n{}", april.clauses()[0])),
    ] {
        out.push((what.to_owned(), Format::Terminal, false, text));
    }
    out
}

/// The output with the colour styles the renderer writes taken out: `ESC [ … m`.
fn without_styles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let end = tail.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(end) if tail[end..].starts_with('m') => rest = &tail[end + 1..],
            // Not a style: keep the ESC, so that the check below finds it.
            _ => {
                out.push_str(&rest[at..at + 2]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[test]
fn no_control_or_invisible_character_from_the_data_reaches_any_output() {
    for (what, format, color, text) in outputs() {
        let shown = if color && format == Format::Terminal {
            without_styles(&text)
        } else {
            text.clone()
        };
        if let Some((at, c)) = shown.char_indices().find(|&(_, c)| invisible(c)) {
            let around: String = shown[at.saturating_sub(40)..].chars().take(80).collect();
            panic!(
                "{what} as {format} (colour {color}): U+{:04X} at byte {at}: {around:?}",
                u32::from(c)
            );
        }
        if what == "plan at 200" && format != Format::Html {
            assert!(
                text.contains("reversed") && text.contains("alert"),
                "{what} as {format} lost the data"
            );
        }
    }
}

#[test]
fn rendered_markdown_holds_no_markup_from_the_data() {
    let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    for (what, _, _, text) in outputs().into_iter().filter(|o| o.1 == Format::Markdown) {
        // The first text of each heading and list item: the payload's own heading
        // and list item must not start one.
        let mut opened = false;
        for event in Parser::new_ext(&text, options) {
            match &event {
                Event::Html(html) | Event::InlineHtml(html) => {
                    assert_eq!(html.as_ref(), "<br>", "{what}: HTML from the data")
                }
                // The source list links each source's address, nothing else.
                Event::Start(Tag::Link { dest_url, .. })
                    if dest_url.starts_with("https://") || dest_url.starts_with("http://") => {}
                Event::Start(
                    Tag::Image { .. } | Tag::Link { .. } | Tag::CodeBlock(_) | Tag::BlockQuote(_),
                )
                | Event::Rule => {
                    panic!("{what}: {event:?} from the data")
                }
                Event::Start(Tag::Heading { .. } | Tag::Item) => opened = true,
                Event::Text(t) if opened => {
                    assert!(
                        !t.starts_with("injected heading") && !t.starts_with("listed"),
                        "{what}: a block from the data: {t}"
                    );
                    opened = false;
                }
                _ => {}
            }
        }
        // Every row of each table has its header's number of cells.
        let cells = |line: &str| line.replace("\\|", "").matches('|').count();
        let mut header: Option<usize> = None;
        for line in text.lines() {
            match (line.starts_with('|'), header) {
                (true, None) => header = Some(cells(line)),
                (true, Some(n)) => assert_eq!(cells(line), n, "{what}: a table cell from the data: {line}"),
                (false, _) => header = None,
            }
        }
    }
}

#[test]
fn html_is_well_formed_xml_whatever_the_data() {
    for (what, _, _, text) in outputs().into_iter().filter(|o| o.1 == Format::Html) {
        let body = text.strip_prefix("<!DOCTYPE html>\n").unwrap_or(&text);
        let mut reader = quick_xml::Reader::from_str(body);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(tag) | quick_xml::events::Event::Empty(tag)) => {
                    let name = tag.name().into_inner().to_lowercase();
                    assert!(
                        !["script", "img", "iframe"].contains(&name.as_str()),
                        "{what}: <{name}> from the data"
                    );
                    // Links are the report's own: to its anchors, or a source's web address.
                    let attributes: Vec<(String, String)> = tag
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            let key = a.key.into_inner().to_owned();
                            (key, a.value.into_owned())
                        })
                        .collect();
                    for (key, value) in &attributes {
                        assert!(!key.starts_with("on"), "{what}: <{name} {key}> from the data");
                        if key == "href" {
                            assert!(
                                value.starts_with('#')
                                    || value.starts_with("https://")
                                    || value.starts_with("http://"),
                                "{what}: <a href={value:?}>"
                            );
                        }
                    }
                }
                Ok(_) => {}
                Err(err) => panic!("{what}: not well-formed at {}: {err}", reader.buffer_position()),
            }
        }
    }
}

#[test]
fn error_messages_are_one_bounded_line_with_the_data_escaped() {
    let valid = std::fs::read_to_string("tests/bad/valid.json").unwrap();
    let huge = "\u{1b}[2J\n".repeat(100_000);
    let escaped = |s: &str| serde_json::to_string(s).unwrap();
    let cases = [
        valid.replacen(
            "\"completeness\"",
            &format!("{}: 1, \"completeness\"", escaped(&format!("key{PAYLOAD}{huge}"))),
            1,
        ),
        valid.replacen("https://example.org/report", &format!("ftp://x{PAYLOAD}"), 1),
        valid.replacen(
            "\"id\": \"sample\"",
            &format!("\"id\": {}", escaped(&format!("x{PAYLOAD}"))),
            1,
        ),
        valid.replacen(
            "\"S1\"\n      ]",
            &format!("{}\n      ]", escaped(&format!("S9{PAYLOAD}{huge}"))),
            1,
        ),
        valid.replacen("\"permanent\"", &escaped(&format!("permanent{PAYLOAD}")), 1),
        valid.replacen("\"terms\"", &escaped(&format!("terms{huge}")), 1),
        valid.replacen("\"2025-05-01\"", &escaped(&format!("2025{PAYLOAD}")), 1),
    ];
    for (n, json) in cases.iter().enumerate() {
        let err = Plan::from_json(json).expect_err("a hostile plan loads");
        let line = chain(&err);
        assert!(
            line.chars().count() <= 1_000,
            "case {n}: {} characters",
            line.chars().count()
        );
        assert!(
            !line.chars().any(invisible) && !line.contains('\n'),
            "case {n}: {line:?}"
        );
    }
}

#[test]
fn invisible_characters_in_ids_are_refused_by_name_and_position() {
    let plan = corpus::get("witkoff-2025-04").unwrap();
    let json = plan
        .to_json()
        .replacen("\"witkoff-2025-04\"", "\"witkoff\u{200d}-2025-04\"", 1);
    let err = Plan::from_json(&json).unwrap_err();
    assert_eq!(
        err.problem(),
        Some(&Problem::HiddenCharacter {
            character: '\u{200d}',
            position: 7
        })
    );
    assert_eq!(
        err.problem().unwrap().to_string(),
        "holds the invisible character U+200D at position 7"
    );
    let clause = plan
        .to_json()
        .replacen("\"id\": \"1\"", "\"id\": \"1\u{200b}\"", 1);
    assert!(matches!(
        Plan::from_json(&clause).unwrap_err().problem(),
        Some(Problem::HiddenCharacter { .. })
    ));
}

#[test]
fn output_stays_proportional_to_its_input() {
    // A 60,000-character clause number and a width far beyond any terminal.
    let mut plan = corpus::get("witkoff-2025-04").unwrap().clone();
    plan.clause_mut("1").unwrap().number = Some("9".repeat(60_000));
    let input = plan.to_json().len();
    for format in Format::ALL {
        let text = plan.render(*format, &Options::width(usize::MAX));
        assert!(
            text.len() < 3 * input + 100_000,
            "{format}: {} bytes for {input}",
            text.len()
        );
    }
    let comparison = compare(&[&plan, corpus::get("us-28-point-2025-11").unwrap()]).unwrap();
    let wide = comparison.render(Format::Terminal, &Options::width(usize::MAX));
    let normal = comparison.render(Format::Terminal, &Options::width(render::MAX_WIDTH));
    assert_eq!(wide, normal);
    assert!(wide.len() < 2_000_000, "{} bytes", wide.len());
}

#[test]
fn the_positional_form_of_a_plan_is_refused_where_it_starts() {
    let valid = std::fs::read_to_string("tests/bad/valid.json").unwrap();
    assert!(Plan::from_json(&valid).is_ok());
    let value: serde_json::Value = serde_json::from_str(&valid).unwrap();
    // The whole plan as a list of its field values, in declaration order.
    let fields = [
        "id",
        "title",
        "aliases",
        "date",
        "sponsors",
        "completeness",
        "texts",
        "summary",
        "notes",
        "sources",
        "clauses",
    ];
    let defaults = serde_json::json!({"aliases": [], "sponsors": [], "texts": "original", "summary": "", "notes": [], "alternatives": []});
    let positional: Vec<serde_json::Value> = fields
        .iter()
        .map(|f| value.get(f).or(defaults.get(f)).cloned().unwrap())
        .collect();
    let err = Plan::from_json(&serde_json::to_string(&positional).unwrap()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Parse {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{err}"
    );
    // One clause written as a list.
    let mut nested = value.clone();
    let clause = &nested["clauses"][1];
    let list: Vec<serde_json::Value> = [
        "id",
        "number",
        "text",
        "provisions",
        "sources",
        "confidence",
        "notes",
        "alternatives",
    ]
    .iter()
    .map(|f| {
        clause
            .get(f)
            .or(defaults.get(f))
            .cloned()
            .unwrap_or(serde_json::Value::Null)
    })
    .collect();
    nested["clauses"][1] = serde_json::Value::from(list);
    let err = Plan::from_json(&serde_json::to_string_pretty(&nested).unwrap()).unwrap_err();
    assert_eq!(err.path(), Some("clauses[1]"), "{err}");
}
