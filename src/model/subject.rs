//! Topics and subjects: the keys on which provisions of different plans align.
//!
//! A subject is written `topic/slug` in lowercase kebab case (`territory/crimea`,
//! `military/armed-forces-cap`). Typed topics have a closed list of slugs, one enum
//! per topic; the `other` topic takes any kebab-case slug.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::keyword::keywords;
use crate::error::ParseError;

keywords! {
    /// The subject area of a provision. Topics are listed in the order comparisons show them.
    pub enum Topic: "topic" {
        Territory = "territory": "Control and status of territory, and how territorial questions are settled.",
        Nato = "nato": "Ukraine's NATO membership, alliance expansion and NATO–Russia relations.",
        Sanctions = "sanctions": "Sanctions on Russia: scope, lifting and reinstatement.",
        Guarantees = "guarantees": "Security guarantees and non-aggression commitments.",
        Prisoners = "prisoners": "Prisoners, detainees, deported children and other humanitarian questions.",
        Ceasefire = "ceasefire": "The ceasefire and the talks that implement it.",
        Military = "military": "Limits on armed forces and on foreign forces.",
        Economy = "economy": "Reconstruction, frozen assets, trade and economic cooperation.",
        Nuclear = "nuclear": "Nuclear plants, non-nuclear status and arms control.",
        Governance = "governance": "Sovereignty, elections, amnesty, language, religion and education.",
        Navigation = "navigation": "Passage on rivers and at sea.",
        Monitoring = "monitoring": "Monitoring, compliance and enforcement bodies.",
        Eu = "eu": "Ukraine's EU membership and access to the EU market.",
        Other = "other": "Anything else, keyed by a free kebab-case slug.",
    }
}

keywords! {
    /// Subjects of territory provisions: a region, a site, or the territorial settlement itself.
    pub enum TerritorySubject: "territory subject" {
        Crimea = "crimea": "Crimea, including Sevastopol.",
        Luhansk = "luhansk": "Luhansk oblast.",
        Donetsk = "donetsk": "Donetsk oblast.",
        Zaporizhzhia = "zaporizhzhia": "Zaporizhzhia oblast (the region, not the power plant).",
        Kherson = "kherson": "Kherson oblast.",
        Kharkiv = "kharkiv": "Kharkiv oblast.",
        Sumy = "sumy": "Sumy oblast.",
        Dnipropetrovsk = "dnipropetrovsk": "Dnipropetrovsk oblast.",
        Mykolaiv = "mykolaiv": "Mykolaiv oblast.",
        KinburnSpit = "kinburn-spit": "The Kinburn Spit at the mouth of the Dnipro.",
        KakhovkaDam = "kakhovka-dam": "The Kakhovka dam on the Dnipro.",
        OtherOccupied = "other-occupied": "Occupied areas outside the regions named above.",
        Settlement = "settlement": "How and when territorial questions are settled.",
        LineOfContact = "line-of-contact": "The line of contact as a baseline or a de facto line.",
    }
}

keywords! {
    /// Subjects of NATO provisions.
    pub enum NatoSubject: "NATO subject" {
        UkraineMembership = "ukraine-membership": "Whether Ukraine may join NATO.",
        Expansion = "expansion": "Further enlargement of the alliance.",
        RussiaDialogue = "russia-dialogue": "A dialogue between Russia and NATO.",
    }
}

keywords! {
    /// Subjects of sanctions provisions.
    pub enum SanctionsSubject: "sanctions subject" {
        Russia = "russia": "Sanctions on Russia and how they are lifted.",
        Snapback = "snapback": "Reinstating sanctions and other responses if Russia attacks again.",
    }
}

keywords! {
    /// Subjects of security-guarantee provisions.
    pub enum GuaranteesSubject: "guarantees subject" {
        Ukraine = "ukraine": "The security guarantee given to Ukraine: its form and its givers.",
        Guarantors = "guarantors": "Which states act as guarantors.",
        UsCompensation = "us-compensation": "Compensation to the United States for its guarantee.",
        VoidConditions = "void-conditions": "Acts that void or trigger the guarantee.",
        Bilateral = "bilateral": "Bilateral guarantees with other states.",
        NonAggressionPact = "non-aggression-pact": "A non-aggression agreement and its parties.",
        RussiaNeighbours = "russia-neighbours": "Russia not invading its neighbours.",
        NonAggressionLaw = "non-aggression-law": "Non-aggression written into national law.",
    }
}

keywords! {
    /// Subjects of prisoner and humanitarian provisions.
    pub enum PrisonersSubject: "prisoners subject" {
        Pows = "pows": "Prisoners of war.",
        CivilianDetainees = "civilian-detainees": "Civilian detainees and hostages.",
        Children = "children": "Deported and displaced Ukrainian children.",
        PoliticalPrisoners = "political-prisoners": "Political prisoners.",
        Remains = "remains": "Bodies of the dead.",
        FamilyReunification = "family-reunification": "Reuniting separated families.",
        Victims = "victims": "Relief for victims of the conflict.",
        Committee = "committee": "A humanitarian committee for open issues.",
    }
}

keywords! {
    /// Subjects of ceasefire provisions.
    pub enum CeasefireSubject: "ceasefire subject" {
        Terms = "terms": "The ceasefire itself: its kind, scope and trigger.",
        ImplementationTalks = "implementation-talks": "Talks on implementing the ceasefire and the deal.",
    }
}

keywords! {
    /// Subjects of military-limit provisions.
    pub enum MilitarySubject: "military subject" {
        ArmedForcesCap = "armed-forces-cap": "The size of Ukraine's armed forces.",
        ForeignTroops = "foreign-troops": "Foreign (NATO or friendly) troops in Ukraine.",
        JetsInPoland = "jets-in-poland": "Fighter jets based in Poland.",
    }
}

keywords! {
    /// Subjects of economic provisions.
    pub enum EconomySubject: "economy subject" {
        MineralsDeal = "minerals-deal": "The US–Ukraine minerals and economic-cooperation agreement.",
        Reconstruction = "reconstruction": "Rebuilding and compensating Ukraine.",
        FrozenAssets = "frozen-assets": "Frozen Russian sovereign assets.",
        EuropeanContribution = "european-contribution": "Money Europe adds to reconstruction.",
        DevelopmentFund = "development-fund": "Funds investing in Ukraine's growth sectors.",
        GasInfrastructure = "gas-infrastructure": "Ukraine's gas pipelines and storage.",
        WarDamagedAreas = "war-damaged-areas": "Rehabilitation of war-damaged cities and regions.",
        Infrastructure = "infrastructure": "Infrastructure development.",
        NaturalResources = "natural-resources": "Minerals and natural-resource extraction.",
        WorldBank = "world-bank": "A World Bank financing package.",
        UsRussiaCooperation = "us-russia-cooperation": "Economic cooperation between the US and Russia.",
        RussiaReintegration = "russia-reintegration": "Russia's return to the world economy.",
        G8 = "g8": "Russia's return to the G8.",
        FreeTrade = "free-trade": "A US–Ukraine free-trade agreement.",
    }
}

keywords! {
    /// Subjects of nuclear provisions.
    pub enum NuclearSubject: "nuclear subject" {
        ZaporizhzhiaNpp = "zaporizhzhia-npp": "The Zaporizhzhia nuclear power plant.",
        NonNuclearStatus = "non-nuclear-status": "Ukraine's non-nuclear status.",
        ArmsControl = "arms-control": "Arms-control and non-proliferation treaties.",
    }
}

keywords! {
    /// Subjects of governance provisions.
    pub enum GovernanceSubject: "governance subject" {
        Sovereignty = "sovereignty": "Ukraine's sovereignty.",
        Elections = "elections": "Elections in Ukraine.",
        Referendum = "referendum": "A referendum or parliamentary approval of the deal.",
        Amnesty = "amnesty": "Amnesty for acts committed during the war.",
        ToleranceEducation = "tolerance-education": "Education against prejudice and for tolerance.",
        ReligionAndLanguage = "religion-and-language": "Religious tolerance and linguistic minorities.",
        MediaAndEducationRights = "media-and-education-rights": "Rights of Ukrainian- and Russian-language media and education.",
        NaziIdeology = "nazi-ideology": "Banning Nazi ideology and activity.",
        MartialLaw = "martial-law": "Martial law and mobilisation.",
    }
}

keywords! {
    /// Subjects of navigation provisions.
    pub enum NavigationSubject: "navigation subject" {
        Dnipro = "dnipro": "Passage on the Dnipro river.",
        BlackSea = "black-sea": "Shipping on the Black Sea.",
    }
}

keywords! {
    /// Subjects of monitoring and enforcement provisions.
    pub enum MonitoringSubject: "monitoring subject" {
        Ceasefire = "ceasefire": "Monitoring the ceasefire and the line of contact.",
        WorkingGroup = "working-group": "A joint working group on compliance.",
        NoChangeByForce = "no-change-by-force": "Not changing the agreed arrangements by force.",
        EnforcementBody = "enforcement-body": "The body that oversees and enforces the deal.",
        InternationalForce = "international-force": "International forces deployed to monitor compliance.",
    }
}

keywords! {
    /// Subjects of EU provisions.
    pub enum EuSubject: "EU subject" {
        Membership = "membership": "Ukraine's membership of the European Union.",
        MarketAccess = "market-access": "Ukraine's access to the EU market before membership.",
    }
}

/// The alignment key of a provision: `topic/slug`, such as `territory/crimea`.
///
/// Subjects are public API: the subjects of typed topics are listed in the crate
/// docs and never renamed silently. Build one with [`Subject::new`] or parse one
/// with [`Subject::parse`].
///
/// Subjects order by topic, then as the subject table lists them, then (for `other`)
/// by slug.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Subject {
    topic: Topic,
    // Shared: diffs and alignments repeat a subject once per provision and row.
    slug: Arc<str>,
}

impl Subject {
    /// A subject of `topic` with the given slug: for a typed topic a subject listed
    /// in the crate docs, for `other` any kebab-case slug. The same rule as
    /// [`Subject::parse`].
    ///
    /// ```
    /// use peacediff::{Subject, Topic};
    ///
    /// assert!(Subject::new(Topic::Territory, "crimea").is_some());
    /// assert!(Subject::new(Topic::Territory, "atlantis").is_none());
    /// assert!(Subject::new(Topic::Other, "atlantis").is_some());
    /// assert!(Subject::new(Topic::Other, "Atlantis").is_none());
    /// ```
    pub fn new(topic: Topic, slug: &str) -> Option<Subject> {
        let subject = Subject::from_parts(topic, slug);
        let valid = if topic == Topic::Other {
            is_kebab_case(slug)
        } else {
            subject.is_known()
        };
        valid.then_some(subject)
    }

    /// A subject without the kebab-case check, for slugs already held by a provision.
    pub(crate) fn from_parts(topic: Topic, slug: &str) -> Subject {
        Subject {
            topic,
            slug: Arc::from(slug),
        }
    }

    /// Parses `topic/slug`. Slugs of typed topics must be known subjects.
    pub fn parse(text: &str) -> Option<Subject> {
        let (topic, slug) = text.split_once('/')?;
        Subject::new(Topic::from_name(topic)?, slug)
    }

    /// The topic part.
    pub fn topic(&self) -> Topic {
        self.topic
    }

    /// The slug part, after the `/`.
    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// Whether this is a subject of a typed topic listed in the crate docs.
    pub fn is_known(&self) -> bool {
        self.meaning().is_some()
    }

    /// The documented meaning of a typed subject; `None` for `other/…` subjects.
    pub fn meaning(&self) -> Option<&'static str> {
        known_subjects()
            .find(|(subject, _)| subject == self)
            .map(|(_, meaning)| meaning)
    }
}

impl Subject {
    /// Position in the subject table of the topic; `other` slugs after all of them.
    pub(crate) fn rank(&self) -> usize {
        fn index<T: Copy + PartialEq>(all: &[T], name: fn(T) -> &'static str, slug: &str) -> Option<usize> {
            all.iter().position(|&value| name(value) == slug)
        }
        let slug = &*self.slug;
        let position = match self.topic {
            Topic::Territory => index(TerritorySubject::ALL, TerritorySubject::as_str, slug),
            Topic::Nato => index(NatoSubject::ALL, NatoSubject::as_str, slug),
            Topic::Sanctions => index(SanctionsSubject::ALL, SanctionsSubject::as_str, slug),
            Topic::Guarantees => index(GuaranteesSubject::ALL, GuaranteesSubject::as_str, slug),
            Topic::Prisoners => index(PrisonersSubject::ALL, PrisonersSubject::as_str, slug),
            Topic::Ceasefire => index(CeasefireSubject::ALL, CeasefireSubject::as_str, slug),
            Topic::Military => index(MilitarySubject::ALL, MilitarySubject::as_str, slug),
            Topic::Economy => index(EconomySubject::ALL, EconomySubject::as_str, slug),
            Topic::Nuclear => index(NuclearSubject::ALL, NuclearSubject::as_str, slug),
            Topic::Governance => index(GovernanceSubject::ALL, GovernanceSubject::as_str, slug),
            Topic::Navigation => index(NavigationSubject::ALL, NavigationSubject::as_str, slug),
            Topic::Monitoring => index(MonitoringSubject::ALL, MonitoringSubject::as_str, slug),
            Topic::Eu => index(EuSubject::ALL, EuSubject::as_str, slug),
            Topic::Other => None,
        };
        position.unwrap_or(usize::MAX)
    }
}

impl Ord for Subject {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.topic, self.rank(), &self.slug).cmp(&(other.topic, other.rank(), &other.slug))
    }
}

impl PartialOrd for Subject {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.topic, self.slug)
    }
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::str::FromStr for Subject {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Subject::parse(text).ok_or_else(|| {
            ParseError::new(format!(
                "unknown subject `{}` (expected `topic/slug` with a subject listed in the crate docs, or `other/<kebab-case>`)",
                crate::text::bounded(text)
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Subject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Every subject of the typed topics, with its meaning, in topic order.
///
/// This is the table printed in the crate docs.
pub fn known_subjects() -> impl Iterator<Item = (Subject, &'static str)> {
    fn list<T: Copy>(
        topic: Topic,
        all: &'static [T],
        name: fn(T) -> &'static str,
        meaning: fn(T) -> &'static str,
    ) -> impl Iterator<Item = (Subject, &'static str)> {
        all.iter()
            .map(move |&value| (Subject::from_parts(topic, name(value)), meaning(value)))
    }
    macro_rules! chain {
        ($first:expr $(, $rest:expr)* $(,)?) => { $first $(.chain($rest))* };
    }
    chain!(
        list(
            Topic::Territory,
            TerritorySubject::ALL,
            TerritorySubject::as_str,
            TerritorySubject::meaning
        ),
        list(
            Topic::Nato,
            NatoSubject::ALL,
            NatoSubject::as_str,
            NatoSubject::meaning
        ),
        list(
            Topic::Sanctions,
            SanctionsSubject::ALL,
            SanctionsSubject::as_str,
            SanctionsSubject::meaning
        ),
        list(
            Topic::Guarantees,
            GuaranteesSubject::ALL,
            GuaranteesSubject::as_str,
            GuaranteesSubject::meaning
        ),
        list(
            Topic::Prisoners,
            PrisonersSubject::ALL,
            PrisonersSubject::as_str,
            PrisonersSubject::meaning
        ),
        list(
            Topic::Ceasefire,
            CeasefireSubject::ALL,
            CeasefireSubject::as_str,
            CeasefireSubject::meaning
        ),
        list(
            Topic::Military,
            MilitarySubject::ALL,
            MilitarySubject::as_str,
            MilitarySubject::meaning
        ),
        list(
            Topic::Economy,
            EconomySubject::ALL,
            EconomySubject::as_str,
            EconomySubject::meaning
        ),
        list(
            Topic::Nuclear,
            NuclearSubject::ALL,
            NuclearSubject::as_str,
            NuclearSubject::meaning
        ),
        list(
            Topic::Governance,
            GovernanceSubject::ALL,
            GovernanceSubject::as_str,
            GovernanceSubject::meaning
        ),
        list(
            Topic::Navigation,
            NavigationSubject::ALL,
            NavigationSubject::as_str,
            NavigationSubject::meaning
        ),
        list(
            Topic::Monitoring,
            MonitoringSubject::ALL,
            MonitoringSubject::as_str,
            MonitoringSubject::meaning
        ),
        list(Topic::Eu, EuSubject::ALL, EuSubject::as_str, EuSubject::meaning),
    )
}

/// Lowercase ASCII words joined by single hyphens: `kinburn-spit`, `g8`.
pub(crate) fn is_kebab_case(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_parse_and_print() {
        let subject = Subject::parse("territory/kinburn-spit").unwrap();
        assert_eq!(subject.topic(), Topic::Territory);
        assert_eq!(subject.to_string(), "territory/kinburn-spit");
        assert!(Subject::parse("territory/atlantis").is_none());
        assert!(Subject::parse("other/fighter-jets").is_some());
        assert!(Subject::parse("other/Fighter Jets").is_none());
        assert!(Subject::parse("nowhere/crimea").is_none());
    }

    #[test]
    fn known_subjects_are_unique() {
        let all: Vec<_> = known_subjects().map(|(s, _)| s).collect();
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(all.len(), sorted.len());
    }

    #[test]
    fn the_subject_table_in_the_docs_lists_every_subject() {
        let table = include_str!("../subjects.md");
        let known: Vec<String> = known_subjects()
            .map(|(s, meaning)| format!("{s}` | {meaning}"))
            .collect();
        let rows: Vec<String> = table
            .lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.strip_suffix(" |"))
            .map(str::to_owned)
            .collect();
        assert_eq!(rows, known, "src/subjects.md is out of date");
    }
}
