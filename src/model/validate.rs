//! The rules a plan must keep, checked by every loader and by [`Plan::validate`].

use indexmap::IndexMap;
use indexmap::map::Entry;

use super::limits::Limits;
use super::plan::{Clause, Plan};
use super::provision::Provision;
use super::source::{Date, Note, NoteKind, Source};
use super::subject::{Subject, is_kebab_case};
use crate::error::{Error, Problem};

/// Smallest and largest plausible values of the numeric fields.
pub mod ranges {
    /// Troops in an armed-forces cap.
    pub const TROOPS: (u64, u64) = (1, 5_000_000);
    /// A deadline in days.
    pub const DAYS: (u64, u64) = (1, 3_650);
    /// A deadline in hours.
    pub const HOURS: (u64, u64) = (1, 8_760);
    /// A calendar year in a provision.
    pub const YEAR: (u64, u64) = (1991, 2100);
    /// Billions of a currency.
    pub const BILLIONS: (u64, u64) = (1, 100_000);
    /// A percentage.
    pub const PERCENT: (u64, u64) = (0, 100);
}

/// Builds an id-keyed map from a list, rejecting empty and repeated ids.
pub(crate) fn keyed<T>(
    plan: &str,
    list_name: &str,
    items: Vec<T>,
    id: impl Fn(&T) -> &String,
) -> Result<IndexMap<String, T>, Error> {
    let mut map = IndexMap::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let path = format!("{list_name}[{index}].id");
        check_id(plan, &path, id(&item))?;
        match map.entry(id(&item).clone()) {
            Entry::Occupied(entry) => {
                let problem = Problem::DuplicateId {
                    id: entry.key().clone(),
                    first: entry.index(),
                };
                return Err(Error::invalid(plan, path, problem));
            }
            Entry::Vacant(entry) => {
                entry.insert(item);
            }
        }
    }
    Ok(map)
}

fn check_id(plan: &str, path: &str, id: &str) -> Result<(), Error> {
    if id.is_empty() {
        return Err(Error::invalid(plan, path, Problem::Empty));
    }
    if let Some((position, c)) = id.chars().enumerate().find(|&(_, c)| crate::text::is_hidden(c)) {
        let problem = Problem::HiddenCharacter {
            character: c,
            position,
        };
        return Err(Error::invalid(plan, path, problem));
    }
    if id.chars().any(char::is_whitespace) {
        let problem = Problem::InvalidName {
            value: id.to_owned(),
            expected: "free of spaces",
        };
        return Err(Error::invalid(plan, path, problem));
    }
    Ok(())
}

/// A label shown as a name (a clause number, an alias): not empty, and free of
/// characters that steer a terminal or hide, join or reorder text.
fn check_label(plan: &str, path: impl FnOnce() -> String, label: &str) -> Result<(), Error> {
    if label.trim().is_empty() {
        return Err(Error::invalid(plan, path(), Problem::Empty));
    }
    if let Some((position, c)) = label
        .chars()
        .enumerate()
        .find(|&(_, c)| crate::text::is_hidden(c))
    {
        return Err(Error::invalid(
            plan,
            path(),
            Problem::HiddenCharacter {
                character: c,
                position,
            },
        ));
    }
    Ok(())
}

/// A date as the JSON form reads it back: on the calendar, with a four-digit year.
fn check_date(plan: &str, path: &str, date: Date) -> Result<(), Error> {
    let written = date.to_string();
    if written.parse::<Date>() != Ok(date) {
        return Err(Error::invalid(plan, path, Problem::InvalidDate { date: written }));
    }
    Ok(())
}

fn check_text(plan: &str, path: impl FnOnce() -> String, text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::invalid(plan, path(), Problem::Empty));
    }
    Ok(())
}

impl Plan {
    /// Checks every rule of the model: non-empty ids and texts, ids unique and
    /// matching their keys, each clause with provisions and known sources, numbers
    /// in range (see [`ranges`]), dates on the calendar, URLs that are `http(s)`,
    /// slugs in kebab case, and the default [`Limits`] on sizes.
    ///
    /// A plan passes exactly when [`Plan::from_json`] accepts its JSON form. The
    /// loaders call this; call it yourself after building or editing a plan in code.
    pub fn validate(&self) -> Result<(), Error> {
        self.validate_with(&Limits::default())
    }

    /// [`Plan::validate`] with other size limits, as [`Plan::from_json_with`] applies them.
    pub fn validate_with(&self, limits: &Limits) -> Result<(), Error> {
        limits.check_plan(self)?;
        let plan = self.id.as_str();
        check_id(plan, "id", plan)?;
        check_date(plan, "date", self.date)?;
        check_text(plan, || "title".into(), &self.title)?;
        for (index, alias) in self.aliases.iter().enumerate() {
            check_label(plan, || format!("aliases[{index}]"), alias)?;
        }
        for (index, (key, source)) in self.sources.iter().enumerate() {
            self.check_source(index, key, source)?;
        }
        for (index, note) in self.notes.iter().enumerate() {
            self.check_note(&format!("notes[{index}]"), note)?;
        }
        for (index, (key, clause)) in self.clauses.iter().enumerate() {
            self.check_clause(index, key, clause)?;
        }
        self.check_unknowns()
    }

    /// Notes of kind `unknown` name fields of their subjects' topics, and never
    /// what the plan states: a subject unknown as a whole has no provision in the
    /// plan, an unknown field is unstated in the provisions the note covers (the
    /// clause's for a clause note, the plan's for a plan note). Other notes name no fields.
    fn check_unknowns(&self) -> Result<(), Error> {
        let plan = self.id.as_str();
        let clause_notes = self.clauses.values().enumerate().flat_map(|(c, clause)| {
            let notes = clause.notes.iter().enumerate();
            notes.map(move |(n, note)| (format!("clauses[{c}].notes[{n}]"), note, Some(clause)))
        });
        let plan_notes = self
            .notes
            .iter()
            .enumerate()
            .map(|(n, note)| (format!("notes[{n}]"), note, None));
        let mut unknown = plan_notes
            .chain(clause_notes)
            .filter(|(_, note, _)| note.kind == NoteKind::Unknown || !note.fields.is_empty())
            .peekable();
        if unknown.peek().is_none() {
            return Ok(());
        }
        // Where each subject is stated, built once: notes may be many.
        let mut stated: foldhash::HashMap<Subject, Vec<(&Clause, &Provision)>> = Default::default();
        for (clause, provision) in self.provisions() {
            stated
                .entry(provision.subject())
                .or_default()
                .push((clause, provision));
        }
        for (path, note, clause) in unknown {
            if note.kind != NoteKind::Unknown || (note.subjects.is_empty() && !note.fields.is_empty()) {
                return Err(Error::invalid(
                    plan,
                    format!("{path}.fields"),
                    Problem::MisplacedFields,
                ));
            }
            for (s, subject) in note.subjects.iter().enumerate() {
                let names = subject.topic().field_names();
                if let Some((f, field)) = note
                    .fields
                    .iter()
                    .enumerate()
                    .find(|(_, f)| !names.contains(&f.as_str()))
                {
                    let problem = Problem::NotAField {
                        field: field.clone(),
                        topic: subject.topic().as_str(),
                    };
                    return Err(Error::invalid(plan, format!("{path}.fields[{f}]"), problem));
                }
                let covered = stated.get(subject).into_iter().flatten();
                let mut covered = covered.filter(|(c, _)| clause.is_none_or(|clause| c.id == clause.id));
                let contradicted = covered.find_map(|(c, provision)| {
                    if note.fields.is_empty() {
                        return Some((c, None));
                    }
                    let values = provision.fields();
                    let given = note.fields.iter().find(|field| {
                        values
                            .iter()
                            .any(|(name, value)| name == field && value.is_some())
                    });
                    given.map(|field| (c, Some(field.clone())))
                });
                if let Some((c, field)) = contradicted {
                    let what = match field {
                        Some(field) => format!("`{field}` of `{subject}`"),
                        None => format!("the position on `{subject}`"),
                    };
                    let problem = Problem::StatedUnknown {
                        what,
                        clause: c.id.as_str().into(),
                    };
                    return Err(Error::invalid(plan, format!("{path}.subjects[{s}]"), problem));
                }
            }
        }
        Ok(())
    }

    fn check_source(&self, index: usize, key: &str, source: &Source) -> Result<(), Error> {
        let plan = self.id.as_str();
        let path = |field: &str| format!("sources[{index}].{field}");
        check_id(plan, &path("id"), &source.id)?;
        if key != source.id {
            let problem = Problem::KeyMismatch {
                key: key.to_owned(),
                id: source.id.clone(),
            };
            return Err(Error::invalid(plan, path("id"), problem));
        }
        check_text(plan, || path("outlet"), &source.outlet)?;
        check_date(plan, &path("date"), source.date)?;
        check_text(plan, || path("title"), &source.title)?;
        // A text supplied without an address has none; any address given must be http(s).
        if !source.url.is_empty() && !crate::text::is_http_url(&source.url) {
            let problem = Problem::InvalidUrl {
                url: source.url.clone(),
            };
            return Err(Error::invalid(plan, path("url"), problem));
        }
        Ok(())
    }

    fn check_note(&self, path: &str, note: &Note) -> Result<(), Error> {
        check_text(&self.id, || format!("{path}.text"), &note.text)?;
        self.check_citations(&format!("{path}.sources"), &note.sources)
    }

    fn check_citations(&self, path: &str, ids: &[String]) -> Result<(), Error> {
        match ids
            .iter()
            .enumerate()
            .find(|(_, id)| !self.sources.contains_key(*id))
        {
            Some((index, id)) => {
                let problem = Problem::UnknownSource { id: id.clone() };
                Err(Error::invalid(&self.id, format!("{path}[{index}]"), problem))
            }
            None => Ok(()),
        }
    }

    fn check_clause(&self, index: usize, key: &str, clause: &Clause) -> Result<(), Error> {
        let plan = self.id.as_str();
        let path = |field: &str| format!("clauses[{index}].{field}");
        check_id(plan, &path("id"), &clause.id)?;
        if key != clause.id {
            let problem = Problem::KeyMismatch {
                key: key.to_owned(),
                id: clause.id.clone(),
            };
            return Err(Error::invalid(plan, path("id"), problem));
        }
        if let Some(number) = &clause.number {
            check_label(plan, || path("number"), number)?;
        }
        self.check_content(&path(""), &clause.text, &clause.provisions, &clause.sources)?;
        for (n, note) in clause.notes.iter().enumerate() {
            self.check_note(&path(&format!("notes[{n}]")), note)?;
        }
        let subjects = clause.subjects();
        for (n, reading) in clause.alternatives.iter().enumerate() {
            let at = path(&format!("alternatives[{n}]."));
            self.check_content(&at, &reading.text, &reading.provisions, &reading.sources)?;
            if let Some((p, foreign)) = reading
                .provisions
                .iter()
                .enumerate()
                .find(|(_, p)| !subjects.contains(&p.subject()))
            {
                let problem = Problem::ForeignSubject {
                    subject: foreign.subject().to_string(),
                };
                return Err(Error::invalid(plan, format!("{at}provisions[{p}]"), problem));
            }
        }
        Ok(())
    }

    /// The rules a clause and each of its alternative readings keep: a text, at
    /// least one valid provision, at least one known source. `at` prefixes the paths.
    fn check_content(
        &self,
        at: &str,
        text: &str,
        provisions: &[Provision],
        sources: &[String],
    ) -> Result<(), Error> {
        let plan = self.id.as_str();
        check_text(plan, || format!("{at}text"), text)?;
        if provisions.is_empty() {
            return Err(Error::invalid(
                plan,
                format!("{at}provisions"),
                Problem::NoProvisions,
            ));
        }
        if sources.is_empty() {
            return Err(Error::invalid(plan, format!("{at}sources"), Problem::NoSources));
        }
        self.check_citations(&format!("{at}sources"), sources)?;
        for (n, provision) in provisions.iter().enumerate() {
            if let Err((field, problem)) = check_provision(provision) {
                return Err(Error::invalid(
                    plan,
                    format!("{at}provisions[{n}].{field}"),
                    problem,
                ));
            }
        }
        Ok(())
    }
}

/// The first broken rule of a provision, as (field path, problem).
fn check_provision(provision: &Provision) -> Result<(), (String, Problem)> {
    match provision {
        Provision::Military(p) => range("cap", p.cap, ranges::TROOPS),
        Provision::Sanctions(p) => range("since_year", p.since_year, ranges::YEAR),
        Provision::Ceasefire(p) => {
            range("within_hours", p.within_hours, ranges::HOURS)?;
            range("length_days", p.length_days, ranges::DAYS)
        }
        Provision::Governance(p) => range("within_days", p.within_days, ranges::DAYS),
        Provision::Eu(p) => range("by_year", p.by_year, ranges::YEAR),
        Provision::Economy(p) => {
            range("amount.billions", p.amount.map(|m| m.billions), ranges::BILLIONS)?;
            range(
                "us_profit_share_percent",
                p.us_profit_share_percent,
                ranges::PERCENT,
            )
        }
        Provision::Nuclear(p) => {
            for (index, share) in p.power_split.iter().enumerate() {
                range(
                    &format!("power_split[{index}].percent"),
                    share.percent,
                    ranges::PERCENT,
                )?;
            }
            let total: u64 = p
                .power_split
                .iter()
                .filter_map(|s| s.percent)
                .map(u64::from)
                .sum();
            range("power_split", Some(total), ranges::PERCENT)
        }
        Provision::Other(p) => {
            if !is_kebab_case(&p.subject) {
                let problem = Problem::InvalidName {
                    value: p.subject.clone(),
                    expected: "lowercase kebab case, such as `fighter-jets`",
                };
                return Err(("subject".into(), problem));
            }
            if p.summary.trim().is_empty() {
                return Err(("summary".into(), Problem::Empty));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn range<T: Into<u64>>(
    field: &str,
    value: Option<T>,
    (min, max): (u64, u64),
) -> Result<(), (String, Problem)> {
    match value.map(Into::into) {
        Some(value) if !(min..=max).contains(&value) => {
            Err((field.to_owned(), Problem::OutOfRange { value, min, max }))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::text::is_http_url;

    #[test]
    fn urls_need_a_scheme_and_a_host() {
        assert!(is_http_url("https://news.liga.net/en/amp/politics"));
        assert!(is_http_url("http://americandiary24.com/news.php?id=934"));
        assert!(!is_http_url("ftp://example.com"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https://exa mple.com"));
        assert!(!is_http_url("example.com"));
    }
}
