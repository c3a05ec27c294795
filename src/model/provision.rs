//! Provisions: the typed commitments inside a clause.
//!
//! A [`Provision`] is tagged by its topic in JSON (`"topic": "military"`) and carries
//! a `subject` slug plus the fields that hold the positions plans take on that
//! subject. Absent optional fields mean "the plan says nothing about this".
//!
//! ```
//! use peacediff::{Provision, Military, MilitarySubject, MilitaryStance};
//!
//! let cap: Provision = serde_json::from_str(
//!     r#"{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}"#,
//! ).unwrap();
//! assert_eq!(cap.subject().to_string(), "military/armed-forces-cap");
//! let Provision::Military(Military { cap: Some(troops), .. }) = cap else { unreachable!() };
//! assert_eq!(troops, 600_000);
//! ```

use serde::{Deserialize, Serialize};

use super::keyword::keywords;
use super::party::Party;
use super::subject::*;

fn is_false(value: &bool) -> bool {
    !*value
}

/// One typed commitment of a clause. Its [`subject`](Provision::subject) is the
/// key on which plans are aligned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "topic", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provision {
    /// Control and status of territory.
    Territory(Territory),
    /// NATO membership, expansion and dialogue.
    Nato(Nato),
    /// Sanctions on Russia.
    Sanctions(Sanctions),
    /// Security guarantees and non-aggression.
    Guarantees(Guarantees),
    /// Prisoners and humanitarian questions.
    Prisoners(Prisoners),
    /// The ceasefire.
    Ceasefire(Ceasefire),
    /// Limits on armed forces.
    Military(Military),
    /// Economy and reconstruction.
    Economy(Economy),
    /// Nuclear questions.
    Nuclear(Nuclear),
    /// Governance and rights.
    Governance(Governance),
    /// Navigation.
    Navigation(Navigation),
    /// Monitoring and enforcement.
    Monitoring(Monitoring),
    /// EU membership and market access.
    Eu(Eu),
    /// Anything the typed topics do not cover.
    Other(Other),
}

impl Provision {
    /// The provision's topic.
    pub fn topic(&self) -> Topic {
        match self {
            Provision::Territory(_) => Topic::Territory,
            Provision::Nato(_) => Topic::Nato,
            Provision::Sanctions(_) => Topic::Sanctions,
            Provision::Guarantees(_) => Topic::Guarantees,
            Provision::Prisoners(_) => Topic::Prisoners,
            Provision::Ceasefire(_) => Topic::Ceasefire,
            Provision::Military(_) => Topic::Military,
            Provision::Economy(_) => Topic::Economy,
            Provision::Nuclear(_) => Topic::Nuclear,
            Provision::Governance(_) => Topic::Governance,
            Provision::Navigation(_) => Topic::Navigation,
            Provision::Monitoring(_) => Topic::Monitoring,
            Provision::Eu(_) => Topic::Eu,
            Provision::Other(_) => Topic::Other,
        }
    }

    /// The subject slug, without the topic.
    pub fn slug(&self) -> &str {
        match self {
            Provision::Territory(p) => p.subject.as_str(),
            Provision::Nato(p) => p.subject.as_str(),
            Provision::Sanctions(p) => p.subject.as_str(),
            Provision::Guarantees(p) => p.subject.as_str(),
            Provision::Prisoners(p) => p.subject.as_str(),
            Provision::Ceasefire(p) => p.subject.as_str(),
            Provision::Military(p) => p.subject.as_str(),
            Provision::Economy(p) => p.subject.as_str(),
            Provision::Nuclear(p) => p.subject.as_str(),
            Provision::Governance(p) => p.subject.as_str(),
            Provision::Navigation(p) => p.subject.as_str(),
            Provision::Monitoring(p) => p.subject.as_str(),
            Provision::Eu(p) => p.subject.as_str(),
            Provision::Other(p) => &p.subject,
        }
    }

    /// The alignment key `topic/slug`.
    pub fn subject(&self) -> Subject {
        // Typed slugs are kebab case by construction; an `Other` slug that is not
        // is reported by validation, and still yields a subject here.
        Subject::from_parts(self.topic(), self.slug())
    }

    /// Whether the provision belongs to a typed topic (anything but [`Provision::Other`]).
    pub fn is_typed(&self) -> bool {
        !matches!(self, Provision::Other(_))
    }
}

/// Reads the `topic` first and the topic's fields straight from the input, so that
/// an error names the field it is in (`provisions[0].cap`) and its place. Only
/// when `topic` is not the first key are the fields buffered first.
impl<'de> Deserialize<'de> for Provision {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProvisionVisitor)
    }
}

struct ProvisionVisitor;

impl<'de> serde::de::Visitor<'de> for ProvisionVisitor {
    type Value = Provision;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a provision: an object with a `topic`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Provision, A::Error> {
        use serde::de::Error as _;
        let Some(key) = map.next_key::<String>()? else {
            return Err(A::Error::missing_field("topic"));
        };
        if key == "topic" {
            let topic: Topic = map.next_value()?;
            return in_topic(topic, serde::de::value::MapAccessDeserializer::new(map));
        }
        let mut fields = serde_json::Map::new();
        fields.insert(key, map.next_value()?);
        while let Some(key) = map.next_key::<String>()? {
            fields.insert(key, map.next_value()?);
        }
        let topic = fields
            .remove("topic")
            .ok_or_else(|| A::Error::missing_field("topic"))?;
        let topic = Topic::deserialize(topic).map_err(A::Error::custom)?;
        in_topic(topic, serde_json::Value::Object(fields)).map_err(A::Error::custom)
    }
}

/// The provision of `topic` whose fields `deserializer` holds.
fn in_topic<'de, D: serde::Deserializer<'de>>(topic: Topic, deserializer: D) -> Result<Provision, D::Error> {
    Ok(match topic {
        Topic::Territory => Provision::Territory(Territory::deserialize(deserializer)?),
        Topic::Nato => Provision::Nato(Nato::deserialize(deserializer)?),
        Topic::Sanctions => Provision::Sanctions(Sanctions::deserialize(deserializer)?),
        Topic::Guarantees => Provision::Guarantees(Guarantees::deserialize(deserializer)?),
        Topic::Prisoners => Provision::Prisoners(Prisoners::deserialize(deserializer)?),
        Topic::Ceasefire => Provision::Ceasefire(Ceasefire::deserialize(deserializer)?),
        Topic::Military => Provision::Military(Military::deserialize(deserializer)?),
        Topic::Economy => Provision::Economy(Economy::deserialize(deserializer)?),
        Topic::Nuclear => Provision::Nuclear(Nuclear::deserialize(deserializer)?),
        Topic::Governance => Provision::Governance(Governance::deserialize(deserializer)?),
        Topic::Navigation => Provision::Navigation(Navigation::deserialize(deserializer)?),
        Topic::Monitoring => Provision::Monitoring(Monitoring::deserialize(deserializer)?),
        Topic::Eu => Provision::Eu(Eu::deserialize(deserializer)?),
        Topic::Other => Provision::Other(Other::deserialize(deserializer)?),
    })
}

// ---------------------------------------------------------------- territory

keywords! {
    /// Which part of a region a territory provision covers.
    pub enum Scope: "scope" {
        Whole = "whole": "The whole region.",
        OccupiedPart = "occupied_part": "The part Russia occupies.",
        UkrainianHeldPart = "ukrainian_held_part": "The part Ukraine holds.",
    }
}

keywords! {
    /// The status a plan gives to a territory.
    pub enum TerritoryStatus: "territory status" {
        RussianDeJure = "russian_de_jure": "Recognised as Russian in law.",
        RussianDeFacto = "russian_de_facto": "Recognised as under Russian control in fact.",
        FrozenAlongLineOfContact = "frozen_along_line_of_contact": "Frozen along the line of contact.",
        DemilitarisedBufferZone = "demilitarised_buffer_zone": "A neutral demilitarised buffer zone.",
        ReturnedToUkraine = "returned_to_ukraine": "Returned to or kept under Ukrainian control.",
        RussianWithdrawal = "russian_withdrawal": "Russian forces withdraw.",
        NegotiatedAfterCeasefire = "negotiated_after_ceasefire": "Left to negotiation after a ceasefire.",
        NegotiationBaseline = "negotiation_baseline": "The starting point of territorial negotiations.",
        DeFactoLine = "de_facto_line": "Troop positions become the de facto line.",
        NoRecoveryByForce = "no_recovery_by_force": "Not to be recovered by military means.",
        Bracketed = "bracketed": "Left open for the leaders to decide.",
        FreeEconomicZone = "free_economic_zone": "A free or special economic zone.",
        Demilitarised = "demilitarised": "Demilitarised, with nothing said of who controls it.",
        SetByWorkingGroup = "set_by_working_group": "Terms a working group is still to set.",
        MirroredWithdrawal = "mirrored_withdrawal": "Each side pulls its forces back as far as the other does.",
        UkrainianWithdrawal = "ukrainian_withdrawal": "Ukrainian forces withdraw.",
        NotRecognised = "not_recognised": "Russia's hold on it is not recognised.",
    }
}

/// A territory provision: the status of a region or site, or how territory is settled.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// The region, site or question.
    pub subject: TerritorySubject,
    /// The status the plan gives it.
    pub status: TerritoryStatus,
    /// The part of the region concerned; absent when the plan does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Who recognises that status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognised_by: Vec<Party>,
}

// ---------------------------------------------------------------- NATO

keywords! {
    /// A plan's position on a NATO subject.
    pub enum NatoStance: "NATO stance" {
        Renounced = "renounced": "Ukraine will not seek membership.",
        Barred = "barred": "Membership barred in Ukraine's constitution and NATO's statutes.",
        ConsensusRequired = "consensus_required": "Membership depends on allied consensus.",
        Open = "open": "Membership remains open.",
        Halted = "halted": "The alliance does not enlarge further.",
        Dialogue = "dialogue": "A Russia–NATO dialogue is held.",
        Bracketed = "bracketed": "Left open for the leaders to decide.",
    }
}

/// A NATO provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nato {
    /// The NATO question.
    pub subject: NatoSubject,
    /// The position taken.
    pub stance: NatoStance,
    /// Who mediates, for a dialogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mediator: Option<Party>,
    /// Whether it applies only once a peace agreement is signed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_signing: bool,
}

// ---------------------------------------------------------------- sanctions

keywords! {
    /// How sanctions are lifted.
    pub enum Lifting: "lifting" {
        Lifted = "lifted": "Removed outright.",
        InStages = "in_stages": "Lifted in stages, case by case.",
        GraduallyAfterSustainablePeace = "gradually_after_sustainable_peace": "Eased gradually once a sustainable peace holds.",
        Maintained = "maintained": "Kept in place.",
    }
}

keywords! {
    /// What triggers a reinstatement of sanctions.
    pub enum Trigger: "trigger" {
        RussianAttack = "russian_attack": "Russia attacks Ukraine again.",
        DealViolation = "deal_violation": "Russia breaks the agreement.",
    }
}

/// A sanctions provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sanctions {
    /// The sanctions question.
    pub subject: SanctionsSubject,
    /// Who imposed the sanctions concerned; empty when unspecified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imposed_by: Vec<Party>,
    /// The year since which the sanctions concerned were imposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_year: Option<u16>,
    /// How they are lifted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifting: Option<Lifting>,
    /// What triggers a reinstatement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
    /// Whether a coordinated military response also follows the trigger.
    #[serde(default, skip_serializing_if = "is_false")]
    pub military_response: bool,
    /// Whether the deal's benefits (recognition of territory included) are revoked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub benefits_revoked: bool,
    /// Which sanctions are meant, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<SanctionsScope>,
}

keywords! {
    /// Which sanctions a provision means.
    pub enum SanctionsScope: "sanctions scope" {
        AllGlobal = "all_global": "Every sanction on Russia, whoever imposed it.",
    }
}

// ---------------------------------------------------------------- guarantees

keywords! {
    /// The strength a plan attaches to a guarantee.
    pub enum GuaranteeForm: "guarantee form" {
        Robust = "robust": "Described as robust.",
        Reliable = "reliable": "Described as reliable.",
        Strong = "strong": "Described as strong.",
        Article5Like = "article_5_like": "Mirroring NATO's Article 5.",
        Expected = "expected": "An expectation, not an obligation.",
        Removed = "removed": "Explicitly dropped from the text.",
        FullAndUnconditional = "full_and_unconditional": "Described as full and unconditional.",
    }
}

keywords! {
    /// An act that voids or triggers a guarantee.
    pub enum GuaranteeCondition: "guarantee condition" {
        UkraineInvadesRussia = "ukraine_invades_russia": "Void if Ukraine invades Russia.",
        UnprovokedStrikeOnMoscow = "unprovoked_strike_on_moscow": "Void if Ukraine fires at Moscow or St Petersburg without cause.",
        UnprovokedAttackOnRussia = "unprovoked_attack_on_russia": "Void if Ukraine attacks Russia without provocation.",
        RussianAttack = "russian_attack": "Takes effect if Russia attacks Ukraine.",
        ChangeByForce = "change_by_force": "Void for whoever changes the agreed arrangements by force.",
    }
}

/// A security-guarantee or non-aggression provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guarantees {
    /// The guarantee question.
    pub subject: GuaranteesSubject,
    /// How the guarantee is described.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<GuaranteeForm>,
    /// Who gives it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guarantors: Vec<Party>,
    /// Who is bound (for pacts and laws).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// Acts that void or trigger it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<GuaranteeCondition>,
    /// Whether the guarantor is compensated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compensated: Option<bool>,
}

// ---------------------------------------------------------------- prisoners

keywords! {
    /// The humanitarian terms a plan sets.
    pub enum HumanitarianTerms: "humanitarian terms" {
        AllForAll = "all_for_all": "Exchanged all for all.",
        ReleaseAll = "release_all": "All released.",
        UnconditionalReturn = "unconditional_return": "All returned without conditions.",
        Programme = "programme": "A dedicated programme is set up.",
        Committee = "committee": "Handled by a humanitarian committee.",
        ReliefMeasures = "relief_measures": "Measures to ease suffering.",
    }
}

/// A prisoner or humanitarian provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prisoners {
    /// The group of people or the mechanism concerned.
    pub subject: PrisonersSubject,
    /// What happens to them.
    pub terms: HumanitarianTerms,
    /// Who must act; empty when the plan binds both sides.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obliged: Vec<Party>,
}

// ---------------------------------------------------------------- ceasefire

keywords! {
    /// The kind of ceasefire.
    pub enum CeasefireKind: "ceasefire kind" {
        Permanent = "permanent": "A permanent ceasefire.",
        FullUnconditional = "full_unconditional": "Full and unconditional, in the air, on land and at sea.",
        AfterPullback = "after_pullback": "Takes effect once forces pull back to agreed points.",
        OnAgreement = "on_agreement": "Takes effect as soon as all parties agree.",
        Immediate = "immediate": "Starts at once.",
        WithWithdrawal = "with_withdrawal": "Starts when a withdrawal begins, before it is complete.",
    }
}

/// A ceasefire provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ceasefire {
    /// The ceasefire question.
    pub subject: CeasefireSubject,
    /// The kind or timing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CeasefireKind>,
    /// Who takes part, beyond Russia and Ukraine.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Party>,
    /// A deadline in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_hours: Option<u32>,
    /// How long it lasts at first, in days (a 30-day ceasefire).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length_days: Option<u32>,
    /// Further kinds the same ceasefire is described as, besides `kind` (a full
    /// ceasefire that starts at once when all agree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_kinds: Vec<CeasefireKind>,
}

// ---------------------------------------------------------------- military

keywords! {
    /// A plan's position on a military limit.
    pub enum MilitaryStance: "military stance" {
        Unrestricted = "unrestricted": "No restrictions.",
        Capped = "capped": "Capped at a number.",
        Barred = "barred": "Not allowed.",
        NoPermanentPeacetimePresence = "no_permanent_peacetime_presence": "No permanent presence in peacetime.",
        Stationed = "stationed": "To be stationed.",
        Bracketed = "bracketed": "Left open in brackets for later agreement.",
    }
}

/// A military-limit provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Military {
    /// The military question.
    pub subject: MilitarySubject,
    /// The position taken.
    pub stance: MilitaryStance,
    /// The cap, in troops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u64>,
    /// Whether the limit applies in peacetime only.
    #[serde(default, skip_serializing_if = "is_false")]
    pub peacetime_only: bool,
    /// Whose forces are concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forces: Vec<Party>,
}

// ---------------------------------------------------------------- economy

keywords! {
    /// A plan's position on an economic subject.
    pub enum EconomyStance: "economy stance" {
        Implemented = "implemented": "An existing agreement is carried out.",
        Funded = "funded": "Money or a package is provided.",
        FullCompensation = "full_compensation": "Ukraine is fully rebuilt and compensated.",
        FrozenUntilRussiaPays = "frozen_until_russia_pays": "Assets stay frozen until Russia pays for the damage.",
        UsLedFund = "us_led_fund": "Assets go into a US-led reconstruction fund.",
        Unfrozen = "unfrozen": "Assets are unfrozen.",
        JointUsRussiaVehicle = "joint_us_russia_vehicle": "Assets go into a joint US–Russian investment vehicle.",
        Cooperation = "cooperation": "Long-term economic cooperation.",
        Readmitted = "readmitted": "Russia is readmitted.",
        Accelerated = "accelerated": "Concluded faster.",
        SeparateAgreement = "separate_agreement": "Set out in a separate agreement.",
        StagedReintegration = "staged_reintegration": "Brought back step by step.",
        Removed = "removed": "Explicitly dropped from the text.",
    }
}

keywords! {
    /// A currency.
    pub enum Currency: "currency" {
        Usd = "usd": "US dollars.",
        Eur = "eur": "Euros.",
    }
}

/// An amount of money in whole billions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Billions of the currency.
    pub billions: u64,
    /// The currency.
    pub currency: Currency,
    /// Whether the sum is a target to be raised, often approximate, rather than a committed one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub target: bool,
}

/// An economic or reconstruction provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Economy {
    /// The economic question.
    pub subject: EconomySubject,
    /// The position taken.
    pub stance: EconomyStance,
    /// The amount involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Where the money comes from; empty when unnamed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funded_by: Vec<Party>,
    /// Who takes part or benefits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// The US share of profits, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_profit_share_percent: Option<u8>,
}

// ---------------------------------------------------------------- nuclear

keywords! {
    /// A plan's position on a nuclear subject.
    pub enum NuclearStance: "nuclear stance" {
        ReturnedToUkraine = "returned_to_ukraine": "The plant returns to Ukraine.",
        Restarted = "restarted": "The plant is restarted.",
        NonNuclear = "non_nuclear": "Ukraine stays a non-nuclear state under the NPT.",
        TreatiesExtended = "treaties_extended": "Arms-control treaties are extended.",
        NoConsensus = "no_consensus": "The negotiators have not agreed.",
        JointlyOperated = "jointly_operated": "The plant is run jointly by the operators named.",
    }
}

/// A share of a plant's electricity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PowerShare {
    /// Who receives it.
    pub party: Party,
    /// Percent of the output; absent when the plan gives no figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<u8>,
}

/// A nuclear provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nuclear {
    /// The nuclear question.
    pub subject: NuclearSubject,
    /// The position taken.
    pub stance: NuclearStance,
    /// Who operates or administers the plant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operators: Vec<Party>,
    /// Who supervises it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<Party>,
    /// How its output is shared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub power_split: Vec<PowerShare>,
    /// Other parties involved: bound by a treaty, or taking part without operating.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// The treaties named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treaties: Vec<Treaty>,
}

keywords! {
    /// A treaty a nuclear provision names.
    pub enum Treaty: "treaty" {
        StartI = "start_i": "The Strategic Arms Reduction Treaty of 1991 (START I).",
        NewStart = "new_start": "The New START treaty of 2010.",
        Npt = "npt": "The Treaty on the Non-Proliferation of Nuclear Weapons.",
    }
}

// ---------------------------------------------------------------- governance

keywords! {
    /// A plan's position on a governance subject.
    pub enum GovernanceStance: "governance stance" {
        Reaffirmed = "reaffirmed": "Confirmed.",
        Required = "required": "Must take place or be adopted.",
        AsSoonAsPossible = "as_soon_as_possible": "As soon as possible after signing.",
        Full = "full": "Full and for everyone.",
        Banned = "banned": "Rejected and banned.",
        Removed = "removed": "Explicitly dropped from the text.",
        NotLiftedAtOnce = "not_lifted_at_once": "Not lifted at once.",
    }
}

/// A governance provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The governance question.
    pub subject: GovernanceSubject,
    /// The position taken.
    pub stance: GovernanceStance,
    /// A deadline in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days: Option<u32>,
    /// Who is bound; empty when the plan binds Ukraine alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
}

// ---------------------------------------------------------------- navigation

keywords! {
    /// The access a navigation provision grants.
    pub enum Access: "access" {
        Unhindered = "unhindered": "Unhindered passage.",
        CommercialUse = "commercial_use": "Commercial use is not obstructed.",
        FreeGrainShipping = "free_grain_shipping": "Grain ships freely.",
    }
}

/// A navigation provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Navigation {
    /// The waterway.
    pub subject: NavigationSubject,
    /// The access granted.
    pub access: Access,
    /// Who benefits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<Party>,
}

// ---------------------------------------------------------------- monitoring

keywords! {
    /// How compliance is monitored.
    pub enum Means: "means" {
        Remote = "remote": "Remote monitoring.",
        SpaceBased = "space_based": "Satellites.",
        Unmanned = "unmanned": "Drones and other unmanned systems.",
        Troops = "troops": "Forces on the ground.",
    }
}

/// A monitoring or enforcement provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// The mechanism.
    pub subject: MonitoringSubject,
    /// Who leads or chairs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Party>,
    /// Who takes part or is bound.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Party>,
    /// By what means.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub means: Vec<Means>,
    /// Whether the deal is declared legally binding.
    #[serde(default, skip_serializing_if = "is_false")]
    pub legally_binding: bool,
    /// Whether violations bring sanctions.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sanctions_for_violations: bool,
}

// ---------------------------------------------------------------- EU

keywords! {
    /// A plan's position on EU membership or market access.
    pub enum EuStance: "EU stance" {
        MayPursue = "may_pursue": "Ukraine may seek membership.",
        Pursues = "pursues": "Ukraine pursues accession.",
        Eligible = "eligible": "Ukraine is eligible.",
        FixedDate = "fixed_date": "Membership at a date fixed in the deal.",
        ShortTermPreferential = "short_term_preferential": "Short-term preferential access while the application is considered.",
    }
}

/// An EU provision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eu {
    /// The EU question.
    pub subject: EuSubject,
    /// The position taken.
    pub stance: EuStance,
    /// The target year of membership, when the plan names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_year: Option<u16>,
}

// ---------------------------------------------------------------- other

/// A provision outside the typed topics: a free kebab-case slug and a summary.
///
/// Plans written without typed subjects use these; they align by wording.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Other {
    /// A kebab-case slug, such as `fighter-jets`.
    pub subject: String,
    /// What the provision says.
    pub summary: String,
}

// ---------------------------------------------------------------- construction

/// Declares for each topic struct a constructor taking its subject and required
/// fields, every other field left unstated, and its conversion into a [`Provision`].
/// The struct literal names every field, so a field missing here does not compile.
macro_rules! constructors {
    ($($variant:ident($ty:ident) { $subject:ty $(, $required:ident: $rty:ty)*; $($optional:ident),* })*) => {
        $(
            impl $ty {
                #[doc = concat!("A provision on `subject`", $(" with its `", stringify!($required), "`",)* "; every other field unstated.")]
                pub fn new(subject: $subject $(, $required: $rty)*) -> Self {
                    $ty { subject, $($required,)* $($optional: Default::default(),)* }
                }
            }

            impl From<$ty> for Provision {
                fn from(provision: $ty) -> Self {
                    Provision::$variant(provision)
                }
            }
        )*
    };
}

constructors! {
    Territory(Territory) { TerritorySubject, status: TerritoryStatus; scope, recognised_by }
    Nato(Nato) { NatoSubject, stance: NatoStance; mediator, after_signing }
    Sanctions(Sanctions) { SanctionsSubject; imposed_by, since_year, lifting, trigger, military_response, benefits_revoked, scope }
    Guarantees(Guarantees) { GuaranteesSubject; form, guarantors, parties, conditions, compensated }
    Prisoners(Prisoners) { PrisonersSubject, terms: HumanitarianTerms; obliged }
    Ceasefire(Ceasefire) { CeasefireSubject; kind, participants, within_hours, length_days, also_kinds }
    Military(Military) { MilitarySubject, stance: MilitaryStance; cap, peacetime_only, forces }
    Economy(Economy) { EconomySubject, stance: EconomyStance; amount, funded_by, parties, us_profit_share_percent }
    Nuclear(Nuclear) { NuclearSubject, stance: NuclearStance; operators, supervisor, power_split, parties, treaties }
    Governance(Governance) { GovernanceSubject, stance: GovernanceStance; within_days, parties }
    Navigation(Navigation) { NavigationSubject, access: Access; beneficiaries }
    Monitoring(Monitoring) { MonitoringSubject; lead, members, means, legally_binding, sanctions_for_violations }
    Eu(Eu) { EuSubject, stance: EuStance; by_year }
}

impl Other {
    /// A provision on the free subject `other/<slug>` (kebab case, checked by
    /// [`Plan::validate`](crate::Plan::validate)) saying `summary`.
    pub fn new(slug: impl Into<String>, summary: impl Into<String>) -> Self {
        Other {
            subject: slug.into(),
            summary: summary.into(),
        }
    }
}

impl From<Other> for Provision {
    fn from(provision: Other) -> Self {
        Provision::Other(provision)
    }
}
