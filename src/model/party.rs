//! The states, alliances and bodies that plans name.

use super::keyword::keywords;

keywords! {
    /// A state, group of states or institution named by a plan.
    pub enum Party: "party" {
        Ukraine = "ukraine": "Ukraine.",
        Russia = "russia": "The Russian Federation.",
        UnitedStates = "united_states": "The United States.",
        UsPresident = "us_president": "The President of the United States in person.",
        EuropeanUnion = "european_union": "The European Union as an institution.",
        EuropeanStates = "european_states": "European states (an ad hoc group or Europe at large).",
        NonEuropeanStates = "non_european_states": "Willing states outside Europe.",
        ThirdCountries = "third_countries": "Other states supporting a mechanism.",
        Nato = "nato": "The North Atlantic Treaty Organization.",
        UnitedKingdom = "united_kingdom": "The United Kingdom.",
        France = "france": "France.",
        Germany = "germany": "Germany.",
        Poland = "poland": "Poland.",
        Iaea = "iaea": "The International Atomic Energy Agency.",
        WorldBank = "world_bank": "The World Bank.",
        InternationalCommunity = "international_community": "The international community at large.",
        AllParties = "all_parties": "Every party to the conflict.",
        China = "china": "The People's Republic of China.",
        Turkey = "turkey": "Turkey.",
        Canada = "canada": "Canada.",
        Italy = "italy": "Italy.",
        Israel = "israel": "Israel.",
        Belarus = "belarus": "Belarus.",
        Osce = "osce": "The Organization for Security and Co-operation in Europe.",
        UnitedNations = "united_nations": "The United Nations, its Security Council included.",
    }
}

/// How another reading of a clause is introduced: `reported otherwise`, or, for a
/// party's proposal, `proposed by united states, ukraine`.
pub(crate) fn reading_label(proposed_by: &[Party]) -> String {
    if proposed_by.is_empty() {
        return "reported otherwise".to_owned();
    }
    let parties: Vec<String> = proposed_by.iter().map(|p| p.as_str().replace('_', " ")).collect();
    format!("proposed by {}", parties.join(", "))
}
