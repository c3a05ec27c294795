//! Plans and clauses, and loading them from JSON.

use std::fmt;
use std::io::Read;
use std::path::Path;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize, Serializer};

use super::keyword::keywords;
use super::limits::Limits;
use super::party::Party;
use super::provision::Provision;
use super::source::{Confidence, Date, Note, NoteKind, Source};
use super::subject::Subject;
use crate::error::Error;
use crate::text::plain as printable;

keywords! {
    /// Whether a plan's text is known in full.
    pub enum Completeness: "completeness" {
        Complete = "complete": "Every clause of the text is known.",
        Partial = "partial": "Only part of the text is known; silence is not absence.",
    }
}

keywords! {
    /// Whose words a plan's clause texts are.
    pub enum Texts: "texts" {
        Original = "original": "The document's own words, or a translation of them: a change of wording is a change of the text.",
        Paraphrased = "paraphrased": "Neutral paraphrases of the reporting: a change of wording may be the paraphrase's, not the plan's.",
    }
}

// `keywords!` declares the enum, so it cannot take `#[derive(Default)]`.
#[allow(clippy::derivable_impls)]
impl Default for Texts {
    fn default() -> Self {
        Texts::Original
    }
}

impl Texts {
    pub(crate) fn is_original(&self) -> bool {
        *self == Texts::Original
    }
}

/// A numbered clause of a plan: its paraphrase, its typed provisions and its sources.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Unique in the plan; the key of [`Plan::clauses`]. Read with [`Clause::id`]:
    /// it is fixed when the clause is made, so that it cannot leave its key.
    pub(crate) id: String,
    /// The number the document gives it (`"21"`, `"10b"`); absent when unnumbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// A neutral paraphrase of the clause.
    pub text: String,
    /// The typed commitments it makes: at least one.
    pub provisions: Vec<Provision>,
    /// Ids of the plan's [`Source`]s the clause rests on: at least one.
    pub sources: Vec<String>,
    /// How well the clause is attested.
    pub confidence: Confidence,
    /// Disagreements, gaps and context.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Other readings of the clause, when sources disagree on what it says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Reading>,
}

/// Another reading of a clause: what some sources report it says, where they
/// differ from the clause's own provisions (the Geneva revision's armed-forces cap
/// is reported raised to 800,000 by some outlets and dropped by others), or, when
/// [`proposed_by`](Reading::proposed_by) names parties, one of the competing
/// proposals the clause leaves open (the 20-point plan's Zaporizhzhia point holds
/// a US and a Ukrainian proposal).
///
/// A reading speaks only of subjects the clause itself speaks of. Alignment, diffs
/// and comparisons use the clause's own provisions; readings travel with the clause
/// and are shown beside it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// Who proposes this version, when it is one party's proposal rather than
    /// another report of the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposed_by: Vec<Party>,
    /// What these sources say, paraphrased.
    pub text: String,
    /// The typed commitments in this reading: at least one.
    pub provisions: Vec<Provision>,
    /// Ids of the plan's sources for this reading: at least one.
    pub sources: Vec<String>,
    /// How well this reading is attested.
    pub confidence: Confidence,
}

impl Clause {
    /// A clause with its id, paraphrase and confidence, and as yet no number,
    /// provisions or sources: add them with the `with_` methods.
    pub fn new(id: impl Into<String>, text: impl Into<String>, confidence: Confidence) -> Clause {
        Clause {
            id: id.into(),
            number: None,
            text: text.into(),
            provisions: Vec::new(),
            sources: Vec::new(),
            confidence,
            notes: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    /// Its id: unique in its plan, and the key it is stored under.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The clause with the number the document gives it.
    pub fn with_number(self, number: impl Into<String>) -> Clause {
        Clause {
            number: Some(number.into()),
            ..self
        }
    }

    /// The clause with one more provision.
    pub fn with_provision(mut self, provision: impl Into<Provision>) -> Clause {
        self.provisions.push(provision.into());
        self
    }

    /// The clause citing one more source, by its id.
    pub fn with_source(mut self, source: impl Into<String>) -> Clause {
        self.sources.push(source.into());
        self
    }

    /// The clause with one more note.
    pub fn with_note(mut self, note: Note) -> Clause {
        self.notes.push(note);
        self
    }

    /// The clause with one more alternative reading.
    pub fn with_alternative(mut self, reading: Reading) -> Clause {
        self.alternatives.push(reading);
        self
    }

    /// The document's number for the clause, or its id when it has none.
    pub fn label(&self) -> &str {
        self.number.as_deref().unwrap_or(&self.id)
    }

    /// The subjects of its provisions, in order, without repeats.
    pub fn subjects(&self) -> Vec<Subject> {
        let mut subjects: Vec<Subject> = Vec::with_capacity(self.provisions.len());
        for subject in self.provisions.iter().map(Provision::subject) {
            if !subjects.contains(&subject) {
                subjects.push(subject);
            }
        }
        subjects
    }
}

impl Reading {
    /// A reading with its paraphrase and confidence, and as yet no provisions or
    /// sources: add them with the `with_` methods.
    pub fn new(text: impl Into<String>, confidence: Confidence) -> Reading {
        Reading {
            proposed_by: Vec::new(),
            text: text.into(),
            provisions: Vec::new(),
            sources: Vec::new(),
            confidence,
        }
    }

    /// How the reading is introduced: `reported otherwise`, or
    /// `proposed by united states` for a party's proposal.
    pub fn label(&self) -> String {
        super::party::reading_label(&self.proposed_by)
    }

    /// The reading as a proposal of one more party.
    pub fn with_proposer(mut self, party: Party) -> Reading {
        self.proposed_by.push(party);
        self
    }

    /// The reading with one more provision.
    pub fn with_provision(mut self, provision: impl Into<Provision>) -> Reading {
        self.provisions.push(provision.into());
        self
    }

    /// The reading citing one more source, by its id.
    pub fn with_source(mut self, source: impl Into<String>) -> Reading {
        self.sources.push(source.into());
        self
    }
}

/// A peace plan: its metadata, its sources and its clauses in document order.
///
/// Load one with [`Plan::from_json`], [`Plan::from_reader`] or [`Plan::from_path`];
/// every loader validates (see [`Plan::validate`]). The bundled plans are in
/// [`corpus`](crate::corpus).
///
/// ```
/// let plan = peacediff::corpus::get("us-28-point-2025-11").unwrap();
/// let point6 = &plan.clauses()["6"];
/// assert_eq!(point6.subjects()[0].to_string(), "military/armed-forces-cap");
///
/// let again = peacediff::Plan::from_json(&plan.to_json()).unwrap();
/// assert_eq!(&again, plan);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PlanRecord")]
pub struct Plan {
    /// Stable id in kebab case (`"us-28-point-2025-11"`).
    pub id: String,
    /// The plan's title or usual name.
    pub title: String,
    /// Other names users may search for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// When it was presented.
    pub date: Date,
    /// Who put it forward.
    pub sponsors: Vec<Party>,
    /// Whether the whole text is known.
    pub completeness: Completeness,
    /// Whose words the clause texts are (original unless the file says otherwise).
    #[serde(default, skip_serializing_if = "Texts::is_original")]
    pub texts: Texts,
    /// A short description of the plan and how it became known.
    pub summary: String,
    /// Disagreements, absences and gaps recorded for the whole plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The sources clauses cite, keyed by their ids: see [`Plan::sources`].
    #[serde(serialize_with = "values")]
    pub(crate) sources: IndexMap<String, Source>,
    /// The clauses in document order, keyed by their ids: see [`Plan::clauses`].
    #[serde(serialize_with = "values")]
    pub(crate) clauses: IndexMap<String, Clause>,
}

/// Sources and clauses are written as JSON arrays: their ids are inside them.
fn values<T: Serialize, S: Serializer>(map: &IndexMap<String, T>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(map.values())
}

/// The JSON form of a plan, before ids are checked for uniqueness.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanRecord {
    id: String,
    title: String,
    #[serde(default)]
    aliases: Vec<String>,
    date: Date,
    #[serde(default)]
    sponsors: Vec<Party>,
    completeness: Completeness,
    #[serde(default)]
    texts: Texts,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    notes: Vec<Note>,
    sources: Vec<Source>,
    clauses: Vec<Clause>,
}

impl TryFrom<PlanRecord> for Plan {
    type Error = Rejected;

    fn try_from(record: PlanRecord) -> Result<Plan, Rejected> {
        let plan = Plan::from_record(record).map_err(Rejected)?;
        plan.validate().map_err(Rejected)?;
        Ok(plan)
    }
}

/// A plan rejected while deserialising: serde keeps only a message, so it holds
/// the error with its causes.
pub(crate) struct Rejected(Error);

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = std::error::Error::source(&self.0);
        while let Some(err) = cause {
            write!(f, ": {err}")?;
            cause = err.source();
        }
        Ok(())
    }
}

impl Plan {
    /// The plan a record describes, with ids checked for uniqueness.
    fn from_record(record: PlanRecord) -> Result<Plan, Error> {
        let sources = super::validate::keyed(&record.id, "sources", record.sources, |s| &s.id)?;
        let clauses = super::validate::keyed(&record.id, "clauses", record.clauses, |c| &c.id)?;
        let plan = Plan {
            id: record.id,
            title: record.title,
            aliases: record.aliases,
            date: record.date,
            sponsors: record.sponsors,
            completeness: record.completeness,
            texts: record.texts,
            summary: record.summary,
            notes: record.notes,
            sources,
            clauses,
        };
        Ok(plan)
    }
}

impl Plan {
    /// A plan with its id, title, date and completeness, and as yet no sponsors,
    /// summary, notes, sources or clauses: add them with the `with_` methods, then
    /// [`validate`](Plan::validate) it.
    ///
    /// ```
    /// use peacediff::*;
    ///
    /// let cap = Military { cap: Some(800_000), ..Military::new(MilitarySubject::ArmedForcesCap, MilitaryStance::Capped) };
    /// let plan = Plan::new("mine", "My plan", "2025-05-01".parse()?, Completeness::Complete)
    ///     .with_source(Source::new("S1", "Example News", "A report", "https://example.org/a", "2025-05-01".parse()?))
    ///     .with_clause(Clause::new("1", "The army is capped at 800,000.", Confidence::High).with_provision(cap).with_source("S1"));
    /// plan.validate()?;
    /// assert_eq!(plan.to_string(), "mine: My plan (2025-05-01, complete, 1 clause)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        date: Date,
        completeness: Completeness,
    ) -> Plan {
        Plan {
            id: id.into(),
            title: title.into(),
            aliases: Vec::new(),
            date,
            sponsors: Vec::new(),
            completeness,
            texts: Texts::Original,
            summary: String::new(),
            notes: Vec::new(),
            sources: IndexMap::new(),
            clauses: IndexMap::new(),
        }
    }

    /// The plan with clause texts of this kind.
    pub fn with_texts(self, texts: Texts) -> Plan {
        Plan { texts, ..self }
    }

    /// The plan with a summary.
    pub fn with_summary(self, summary: impl Into<String>) -> Plan {
        Plan {
            summary: summary.into(),
            ..self
        }
    }

    /// The plan with one more alias.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Plan {
        self.aliases.push(alias.into());
        self
    }

    /// The plan with one more sponsor.
    pub fn with_sponsor(mut self, sponsor: Party) -> Plan {
        self.sponsors.push(sponsor);
        self
    }

    /// The plan with one more note.
    pub fn with_note(mut self, note: Note) -> Plan {
        self.notes.push(note);
        self
    }

    /// The plan with `source` under its own id, replacing one with the same id.
    pub fn with_source(mut self, source: Source) -> Plan {
        self.insert_source(source);
        self
    }

    /// The plan with `clause` under its own id: a new id goes last, a known one
    /// replaces that clause in place.
    pub fn with_clause(mut self, clause: Clause) -> Plan {
        self.insert_clause(clause);
        self
    }

    /// The sources clauses cite, in the order given, each under its own id.
    pub fn sources(&self) -> &IndexMap<String, Source> {
        &self.sources
    }

    /// The clauses in document order, each under its own id.
    ///
    /// ```
    /// let plan = peacediff::corpus::get("us-28-point-2025-11").unwrap();
    /// assert_eq!(plan.clauses()["6"].id(), "6");
    /// assert_eq!(plan.clauses().len(), 50);
    /// ```
    pub fn clauses(&self) -> &IndexMap<String, Clause> {
        &self.clauses
    }

    /// The clause with id `id`, to edit in place; its id stays as it is.
    pub fn clause_mut(&mut self, id: &str) -> Option<&mut Clause> {
        self.clauses.get_mut(id)
    }

    /// The source with id `id`, to edit in place; its id stays as it is.
    pub fn source_mut(&mut self, id: &str) -> Option<&mut Source> {
        self.sources.get_mut(id)
    }

    /// Takes the clause with id `id` out of the plan, keeping the others' order.
    pub fn remove_clause(&mut self, id: &str) -> Option<Clause> {
        self.clauses.shift_remove(id)
    }

    /// Keeps only the clauses for which `keep` holds, in their order.
    pub fn retain_clauses(&mut self, mut keep: impl FnMut(&Clause) -> bool) {
        self.clauses.retain(|_, clause| keep(clause));
    }

    /// Stores `source` under its own id; returns the source it replaces, if any.
    pub fn insert_source(&mut self, source: Source) -> Option<Source> {
        self.sources.insert(source.id.clone(), source)
    }

    /// Stores `clause` under its own id (last when the id is new, in place when it
    /// is known); returns the clause it replaces, if any.
    pub fn insert_clause(&mut self, clause: Clause) -> Option<Clause> {
        self.clauses.insert(clause.id.clone(), clause)
    }

    /// Parses and validates a plan from its JSON text.
    ///
    /// A leading byte-order mark is ignored. Parse errors carry the line, column
    /// and JSON path of the offending value; validation errors carry the path of
    /// the offending field.
    ///
    /// ```
    /// let err = peacediff::Plan::from_json(r#"{"id": "x", "title": 5}"#).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "line 1, column 22, at `title`: invalid type: integer `5`, expected a string",
    /// );
    /// ```
    pub fn from_json(json: &str) -> Result<Plan, Error> {
        Plan::from_json_with(json, &Limits::default())
    }

    /// [`Plan::from_json`] with other size [`Limits`]: the input size is checked
    /// before parsing, counts and lengths before validation.
    pub fn from_json_with(json: &str, limits: &Limits) -> Result<Plan, Error> {
        limits.check_input(json.len())?;
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let record: PlanRecord = serde_path_to_error::deserialize(&mut deserializer).map_err(Error::parse)?;
        deserializer.end().map_err(Error::trailing)?;
        refuse_positional(json, false)?;
        let plan = Plan::from_record(record)?;
        plan.validate_with(limits)?;
        Ok(plan)
    }

    /// Parses and validates a list of plans: a JSON array of plan objects (as
    /// `serde_json` writes a `Vec<Plan>`), or a single plan object, read as a list
    /// of one. Errors are those of [`Plan::from_json`], their paths starting at
    /// the plan's place in the array.
    ///
    /// ```
    /// use peacediff::{corpus, Plan};
    ///
    /// let json = serde_json::to_string(corpus::all()).unwrap();
    /// assert_eq!(Plan::list_from_json(&json).unwrap(), corpus::all());
    /// let one = Plan::list_from_json(&corpus::all()[0].to_json()).unwrap();
    /// assert_eq!(one.len(), 1);
    /// let err = Plan::list_from_json(r#"[{"id": "x", "title": 5}]"#).unwrap_err();
    /// assert!(err.to_string().starts_with("line 1, column 23, at `[0].title`"));
    /// ```
    pub fn list_from_json(json: &str) -> Result<Vec<Plan>, Error> {
        let limits = Limits::default();
        limits.check_input(json.len())?;
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if !json.trim_start().starts_with('[') {
            return Plan::from_json_with(json, &limits).map(|plan| vec![plan]);
        }
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let records: Vec<PlanRecord> =
            serde_path_to_error::deserialize(&mut deserializer).map_err(Error::parse)?;
        deserializer.end().map_err(Error::trailing)?;
        refuse_positional(json, true)?;
        records
            .into_iter()
            .map(|record| {
                let plan = Plan::from_record(record)?;
                plan.validate_with(&limits)?;
                Ok(plan)
            })
            .collect()
    }

    /// [`Plan::list_from_json`] reading a reader, as [`Plan::from_reader`] does.
    pub fn list_from_reader<R: Read>(reader: R) -> Result<Vec<Plan>, Error> {
        read_text(reader).and_then(|json| Plan::list_from_json(&json))
    }

    /// [`Plan::list_from_json`] reading a file, as [`Plan::from_path`] does.
    pub fn list_from_path(path: impl AsRef<Path>) -> Result<Vec<Plan>, Error> {
        let path = path.as_ref();
        read_file(path)
            .and_then(|json| Plan::list_from_json(&json))
            .map_err(|err| err.in_file(path))
    }

    /// Reads, parses and validates a plan from a reader. Bytes that are not UTF-8
    /// are a parse error at their line and column.
    pub fn from_reader<R: Read>(reader: R) -> Result<Plan, Error> {
        read_text(reader).and_then(|json| Plan::from_json(&json))
    }

    /// Reads, parses and validates a plan file; errors name the file. Only regular
    /// files are read: a FIFO, a device or a directory is refused before it is
    /// opened, so that loading never blocks on it.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Plan, Error> {
        let path = path.as_ref();
        read_file(path)
            .and_then(|json| Plan::from_json(&json))
            .map_err(|err| err.in_file(path))
    }

    /// The plan in its JSON form, pretty-printed. [`Plan::from_json`] reads it back
    /// to an equal plan.
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every provision of the plan with the clause it belongs to, in document order.
    pub fn provisions(&self) -> impl Iterator<Item = (&Clause, &Provision)> {
        self.clauses
            .values()
            .flat_map(|clause| clause.provisions.iter().map(move |p| (clause, p)))
    }

    /// The sources a clause cites, in the order it cites them; unknown ids are skipped.
    pub fn sources_of<'a>(&'a self, clause: &'a Clause) -> impl Iterator<Item = &'a Source> + 'a {
        clause.sources.iter().filter_map(|id| self.sources.get(id))
    }

    /// Whether the plan is known to speak to `subject`, having a provision on it or
    /// saying it leaves it out. A complete plan speaks to every subject but those its
    /// notes of kind [`Unknown`](crate::NoteKind::Unknown) name without fields; a partial
    /// one only to the subjects of its provisions and of its notes of kind
    /// [`Absent`](crate::NoteKind::Absent). Where a partial plan is silent, its position
    /// is unknown, not absent: diffs, comparisons and merges keep the difference.
    ///
    /// ```
    /// use peacediff::{corpus, Subject};
    ///
    /// let geneva = corpus::get("geneva-revision-2025-11").unwrap();
    /// let amnesty = Subject::parse("governance/amnesty").unwrap();
    /// let kinburn = Subject::parse("territory/kinburn-spit").unwrap();
    /// assert!(geneva.covers(&amnesty)); // reported dropped
    /// assert!(!geneva.covers(&kinburn)); // not reported either way
    /// assert!(corpus::get("us-28-point-2025-11").unwrap().covers(&kinburn));
    /// ```
    pub fn covers(&self, subject: &Subject) -> bool {
        !Silence::of(self).on(subject)
    }

    /// The subjects the plan's notes of kind [`Absent`](crate::NoteKind::Absent) say it
    /// leaves out, from the plan's notes and its clauses' notes.
    pub fn absent_subjects(&self) -> impl Iterator<Item = &Subject> {
        self.all_notes()
            .filter(|note| note.kind == NoteKind::Absent)
            .flat_map(|note| &note.subjects)
    }

    /// Narrows notes of kind [`Unknown`](crate::NoteKind::Unknown) to what the plan
    /// does not state, dropping those left empty: after a merge has taken one
    /// side's provisions, what the other side did not know may now be stated.
    pub(crate) fn settle_unknowns(&mut self) {
        /// Narrows one note to what `provisions` leave unstated; whether anything is left.
        fn settle(note: &mut Note, provisions: &[&Provision]) -> bool {
            if note.kind != NoteKind::Unknown {
                return true;
            }
            let states = |subject: &Subject, field: Option<&str>| {
                provisions.iter().any(|p| {
                    p.subject() == *subject
                        && field.is_none_or(|f| p.fields().iter().any(|(name, v)| *name == f && v.is_some()))
                })
            };
            if note.fields.is_empty() {
                note.subjects.retain(|s| !states(s, None));
                !note.subjects.is_empty()
            } else {
                let subjects = &note.subjects;
                note.fields
                    .retain(|f| !subjects.iter().any(|s| states(s, Some(f))));
                !note.fields.is_empty()
            }
        }
        let all: Vec<&Provision> = self.clauses.values().flat_map(|c| &c.provisions).collect();
        self.notes.retain_mut(|note| settle(note, &all));
        for clause in self.clauses.values_mut() {
            let own: Vec<&Provision> = clause.provisions.iter().collect();
            clause.notes.retain_mut(|note| settle(note, &own));
        }
    }

    /// The plan's notes, then its clauses' notes in document order.
    pub(crate) fn all_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes
            .iter()
            .chain(self.clauses.values().flat_map(|c| &c.notes))
    }

    /// The fields of `clause`'s provisions on `subject` whose values notes of kind
    /// [`Unknown`](crate::NoteKind::Unknown) on the plan or on the clause say are not
    /// known, by JSON name, without repeats.
    ///
    /// ```
    /// use peacediff::{corpus, Subject};
    ///
    /// let plan = corpus::get("ukraine-20-point-2025-12").unwrap();
    /// let body = Subject::parse("monitoring/enforcement-body").unwrap();
    /// assert_eq!(plan.unknown_fields(&plan.clauses()["19"], &body), ["sanctions_for_violations"]);
    /// ```
    pub fn unknown_fields<'a>(&'a self, clause: &'a Clause, subject: &Subject) -> Vec<&'a str> {
        let mut fields: Vec<&str> = Vec::new();
        let notes = self.notes.iter().chain(&clause.notes);
        for note in notes.filter(|n| n.kind == NoteKind::Unknown && n.subjects.contains(subject)) {
            for field in &note.fields {
                if !fields.contains(&field.as_str()) {
                    fields.push(field);
                }
            }
        }
        fields
    }

    /// Whether `name` is the plan's id or one of its aliases (case-insensitive).
    pub fn is_named(&self, name: &str) -> bool {
        self.id.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|alias| alias.eq_ignore_ascii_case(name))
    }
}

/// Where a plan is silent: the subjects a partial plan does not [cover](Plan::covers),
/// and those any plan's notes of kind [`Unknown`](NoteKind::Unknown) name.
pub(crate) struct Silence {
    /// For a partial plan, the subjects it covers; `None` for a complete one.
    covered: Option<foldhash::HashSet<Subject>>,
    /// Subjects whose position notes say is unknown.
    unknown: foldhash::HashSet<Subject>,
}

impl Silence {
    pub(crate) fn of(plan: &Plan) -> Self {
        let covered = (plan.completeness == Completeness::Partial).then(|| {
            let provisions = plan.provisions().map(|(_, p)| p.subject());
            provisions.chain(plan.absent_subjects().cloned()).collect()
        });
        let unknown = plan
            .all_notes()
            .filter(|note| note.kind == NoteKind::Unknown && note.fields.is_empty())
            .flat_map(|note| note.subjects.iter().cloned())
            .collect();
        Silence { covered, unknown }
    }

    /// Whether the plan says nothing on `subject`: partial and silent, or said unknown.
    pub(crate) fn on(&self, subject: &Subject) -> bool {
        self.unknown.contains(subject)
            || self
                .covered
                .as_ref()
                .is_some_and(|covered| !covered.contains(subject))
    }

    /// Whether the plan is silent on every subject of the other plan's `clauses`.
    pub(crate) fn on_all<'c>(&self, mut clauses: impl Iterator<Item = &'c Clause>) -> bool {
        (self.covered.is_some() || !self.unknown.is_empty())
            && clauses.all(|c| c.provisions.iter().all(|p| self.on(&p.subject())))
    }
}

impl fmt::Display for Plan {
    /// A one-line summary: id, title, date, completeness and clause count.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.clauses.len();
        write!(
            f,
            "{}: {} ({}, {}, {n} clause{})",
            printable(&self.id),
            printable(&self.title),
            self.date,
            self.completeness,
            if n == 1 { "" } else { "s" }
        )
    }
}

impl fmt::Display for Clause {
    /// The clause's number or id, its subjects and its text on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subjects: Vec<String> = self.subjects().iter().map(ToString::to_string).collect();
        write!(
            f,
            "{} [{}]: {}",
            printable(self.label()),
            subjects.join(", "),
            printable(&self.text)
        )
    }
}

/// Fields whose values, or whose list items, are objects in the JSON form.
const OBJECT_LISTS: [&str; 6] = [
    "sources",
    "clauses",
    "notes",
    "alternatives",
    "provisions",
    "power_split",
];
const OBJECT_FIELDS: [&str; 1] = ["amount"];

/// The text of a regular file, read as [`read_text`] does; other files are refused
/// before they are opened, so that loading never blocks on a FIFO or a device.
pub(crate) fn read_file(path: &Path) -> Result<String, Error> {
    let io = |source| Error::Io { file: None, source };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    read_text(std::fs::File::open(path).map_err(io)?)
}

/// Everything a reader holds, up to the default input limit, as UTF-8 text;
/// bytes that are not UTF-8 are a parse error at their line and column.
pub(crate) fn read_text(reader: impl Read) -> Result<String, Error> {
    let limit = Limits::default().input_bytes;
    let mut bytes = Vec::new();
    // Read one byte past the limit: enough to know it is exceeded.
    reader
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io { file: None, source })?;
    Limits::default().check_input(bytes.len())?;
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let before = err.as_bytes().get(..valid).unwrap_or_default();
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        Error::Parse {
            file: None,
            line,
            column,
            path: String::new(),
            message: "invalid UTF-8".into(),
        }
    })
}

/// The first place where the text holds an array in place of an object (serde's
/// positional form of a struct, which plan files do not use), as a parse error.
/// In a `list`, the top-level array holds plan objects.
fn refuse_positional(json: &str, list: bool) -> Result<(), Error> {
    // Keys are borrowed from the text: the scan allocates only its stack.
    enum Frame<'a> {
        Object { key: Option<&'a str> },
        Array { key: Option<&'a str>, index: usize },
    }
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    let path = |stack: &[Frame]| {
        let mut path = String::new();
        for frame in stack {
            match frame {
                Frame::Object { key: Some(key) } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Frame::Array { index, .. } => path.push_str(&format!("[{index}]")),
                Frame::Object { key: None } => {}
            }
        }
        path
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'"' => {
                // A string: a key when an object waits for one, else a value.
                let start = i + 1;
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 1,
                        b'"' => break,
                        _ => {}
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key }) = stack.last_mut()
                    && key.is_none()
                {
                    *key = Some(json.get(start..i).unwrap_or_default());
                }
            }
            b'{' => stack.push(Frame::Object { key: None }),
            b'[' => {
                let object_expected = match stack.last() {
                    None => !list,
                    Some(Frame::Array { key: None, .. }) => list && stack.len() == 1,
                    Some(Frame::Object { key: Some(key) }) => OBJECT_FIELDS.contains(key),
                    Some(Frame::Array { key: Some(key), .. }) => OBJECT_LISTS.contains(key),
                    _ => false,
                };
                if object_expected {
                    return Err(Error::Parse {
                        file: None,
                        line,
                        column: json.get(line_start..i).map_or(0, |s| s.chars().count()) + 1,
                        path: path(&stack),
                        message: "an array where an object is expected (write fields by name)".into(),
                    });
                }
                let key = match stack.last() {
                    Some(Frame::Object { key }) => *key,
                    _ => None,
                };
                stack.push(Frame::Array { key, index: 0 });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index, .. }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    Ok(())
}
