//! The typed model: [`Plan`], [`Clause`], [`Provision`] and their vocabularies.

pub(crate) mod field;
pub(crate) mod keyword;
mod limits;
mod party;
mod plan;
mod provision;
mod source;
mod subject;
mod text;
mod validate;

pub use field::{FieldValue, reading};
pub use limits::Limits;
pub use party::Party;
pub(crate) use plan::Silence;
pub use plan::{Clause, Completeness, Plan, Reading};
pub use provision::*;
pub use source::{Confidence, Date, Note, NoteKind, Source};
pub use subject::*;
pub use validate::ranges;
