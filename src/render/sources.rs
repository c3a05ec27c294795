//! Where positions come from: every report numbers the sources it cites in the
//! order it first cites them, marks each position with its numbers and
//! confidence (`[1, 2 · medium]`), and lists the sources in full at its end.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::text;
use crate::{Confidence, Source};

/// The sources a report cites, in order of first citation.
#[derive(Default)]
pub(crate) struct Citations {
    sources: Vec<Source>,
    /// Each cited source, its id left out, to its number: a report cites
    /// thousands of times, so finding a number must not scan the list.
    numbers: HashMap<Source, usize>,
}

impl Citations {
    /// The numbers (from 1) of `sources`, citing those not yet cited. Two plans'
    /// records of one article (same outlet, title, address and date) share a number.
    pub(crate) fn cite(&mut self, sources: &[Source]) -> Vec<usize> {
        sources
            .iter()
            .map(|source| {
                let mut key = source.clone();
                key.id.clear();
                let next = self.sources.len() + 1;
                *self.numbers.entry(key).or_insert_with(|| {
                    self.sources.push(source.clone());
                    next
                })
            })
            .collect()
    }

    /// A position's mark: its source numbers and confidence.
    pub(crate) fn mark(&mut self, sources: &[Source], confidence: Confidence) -> Mark {
        Mark {
            numbers: self.cite(sources),
            confidence: Some(confidence),
        }
    }

    /// The mark of an absence note: its sources and the confidence it gives, if any.
    pub(crate) fn absence_mark(&mut self, absence: &crate::compare::Absence) -> Mark {
        Mark {
            numbers: self.cite(&absence.sources),
            confidence: absence.confidence,
        }
    }

    /// The mark of sources given by id, looked up with `source`.
    pub(crate) fn mark_ids<'s>(
        &mut self,
        source: impl Fn(&str) -> Option<&'s Source>,
        ids: &[String],
        confidence: Confidence,
    ) -> Mark {
        let sources: Vec<Source> = ids.iter().filter_map(|id| source(id).cloned()).collect();
        self.mark(&sources, confidence)
    }

    /// The sources cited, each as one line of plain text:
    /// `[1] Reuters, 2025-11-20: Title — https://…`.
    pub(crate) fn plain_lines(&self) -> Vec<String> {
        self.numbered()
            .map(|(n, s)| {
                let line = format!("[{n}] {}, {}: {} — {}", s.outlet, s.date, s.title, s.url);
                text::plain(&line).into_owned()
            })
            .collect()
    }

    /// The sources cited as a Markdown list with links.
    pub(crate) fn markdown(&self) -> String {
        let mut out = String::new();
        if self.sources.is_empty() {
            return out;
        }
        out.push_str("\n### Sources\n\n");
        for (n, s) in self.numbered() {
            let title = text::markdown(&s.title);
            let title = match text::link_target(&s.url) {
                Some(url) => format!("[{title}](<{url}>)"),
                None => format!("{title} ({})", text::markdown_code(&s.url)),
            };
            let _ = writeln!(out, "{n}\\. {}, {}: {title}  ", text::markdown(&s.outlet), s.date);
        }
        out
    }

    /// The sources cited as an HTML list with links, each with an anchor
    /// (`#source-1`) that the marks point at.
    pub(crate) fn html(&self) -> String {
        let mut out = String::new();
        if self.sources.is_empty() {
            return out;
        }
        out.push_str("<h2 id=\"sources\">Sources</h2>\n<ol class=\"sources\">\n");
        for (n, s) in self.numbered() {
            let title = text::html(&s.title);
            let title = match text::link_target(&s.url) {
                Some(url) => format!("<a href=\"{}\">{title}</a>", text::html(url)),
                None => format!("{title} (<code>{}</code>)", text::html(&s.url)),
            };
            let _ = writeln!(
                out,
                "<li id=\"source-{n}\">{}, {}: {title}</li>",
                text::html(&s.outlet),
                s.date
            );
        }
        out.push_str("</ol>\n");
        out
    }

    fn numbered(&self) -> impl Iterator<Item = (usize, &Source)> {
        self.sources.iter().enumerate().map(|(i, s)| (i + 1, s))
    }
}

/// Where a position comes from: its source numbers and confidence.
pub(crate) struct Mark {
    numbers: Vec<usize>,
    /// Absent for a note that gives none.
    confidence: Option<Confidence>,
}

/// `[1, 2 · medium]`, `[no source · low]`, or `[3]` without a confidence.
impl std::fmt::Display for Mark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let numbers: Vec<String> = self.numbers.iter().map(ToString::to_string).collect();
        let numbers = if numbers.is_empty() {
            "no source".to_owned()
        } else {
            numbers.join(", ")
        };
        match self.confidence {
            Some(confidence) => write!(f, "[{numbers} · {confidence}]"),
            None => write!(f, "[{numbers}]"),
        }
    }
}

impl Mark {
    /// The mark as HTML, each number a link to its entry in the source list.
    pub(crate) fn html(&self) -> String {
        let linked: Vec<String> = self
            .numbers
            .iter()
            .map(|n| format!("<a href=\"#source-{n}\">{n}</a>"))
            .collect();
        let numbers = if linked.is_empty() {
            "no source".to_owned()
        } else {
            linked.join(", ")
        };
        match self.confidence {
            Some(confidence) => format!("<span class=\"cite\">[{numbers} · {confidence}]</span>"),
            None => format!("<span class=\"cite\">[{numbers}]</span>"),
        }
    }
}
