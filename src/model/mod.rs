//! The typed model: [`Plan`], [`Clause`], [`Provision`] and their vocabularies.

pub(crate) mod field;
pub(crate) mod keyword;
mod limits;
mod party;
mod plan;
mod provision;
mod source;
mod subject;
mod validate;

pub use field::FieldValue;
pub(crate) use field::{labelled, reading};
pub use limits::Limits;
pub use party::Party;
pub(crate) use party::reading_label;
pub use plan::{Clause, Completeness, Plan, Reading, Texts};
pub(crate) use plan::{Silence, read_file, read_text};
pub use provision::{
    Access, Ceasefire, CeasefireKind, Currency, Economy, EconomyStance, Eu, EuStance, Governance,
    GovernanceStance, GuaranteeCondition, GuaranteeForm, Guarantees, HumanitarianTerms, Lifting, Means,
    Military, MilitaryStance, Money, Monitoring, Nato, NatoStance, Navigation, Nuclear, NuclearStance, Other,
    PowerShare, Prisoners, Provision, Sanctions, SanctionsScope, Scope, Territory, TerritoryStatus, Treaty,
    Trigger,
};
pub use source::{Confidence, Date, Note, NoteKind, Source};
pub use subject::{
    CeasefireSubject, EconomySubject, EuSubject, GovernanceSubject, GuaranteesSubject, MilitarySubject,
    MonitoringSubject, NatoSubject, NavigationSubject, NuclearSubject, PrisonersSubject, SanctionsSubject,
    Subject, TerritorySubject, Topic, known_subjects,
};
pub use validate::ranges;
