//! The laws the crate keeps, as functions any test can call.
//!
//! Each law returns `Ok(())` or a [`LawViolation`] that says which law broke and how.
//! The crate's own property tests run them on thousands of generated plans; a
//! downstream crate can run them on its own plans, or on plans its code produced.
//!
//! ```
//! use peacediff::{corpus, laws};
//!
//! let [a, b, c] = ["witkoff-2025-04", "european-ukrainian-2025-04", "us-28-point-2025-11"]
//!     .map(|id| corpus::get(id).unwrap());
//! laws::diff_roundtrip(a, c).unwrap();
//! laws::compare_order(&[a, b, c]).unwrap();
//! laws::json_roundtrip(b).unwrap();
//!
//! let [draft, geneva, e3] = ["us-28-point-2025-11", "geneva-revision-2025-11", "e3-counter-2025-11"]
//!     .map(|id| corpus::get(id).unwrap());
//! laws::merge_identity(draft, e3).unwrap();
//! laws::merge_symmetry(draft, geneva, e3).unwrap();
//! ```

#[cfg(feature = "render")]
use crate::render::{Format, Options, Render};
use crate::{MergeKind, Plan, Side, compare, diff, merge};

/// A broken law: its name and what went wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("law `{law}` broken: {detail}")]
#[non_exhaustive]
pub struct LawViolation {
    /// The law's name (the function's).
    pub law: &'static str,
    /// What went wrong.
    pub detail: String,
}

fn check(law: &'static str, holds: bool, detail: impl FnOnce() -> String) -> Result<(), LawViolation> {
    if holds {
        Ok(())
    } else {
        Err(LawViolation {
            law,
            detail: detail(),
        })
    }
}

/// `diff(a, a)` is empty.
pub fn diff_identity(a: &Plan) -> Result<(), LawViolation> {
    let d = diff(a, a);
    check("diff_identity", d.is_empty(), || {
        format!("diff of `{}` with itself is not empty: {:?}", a.id, d.summary())
    })
}

/// `diff(a, b).apply(a) == b`, and applying it to `b` fails unless `a == b`.
pub fn diff_apply(a: &Plan, b: &Plan) -> Result<(), LawViolation> {
    applies(&diff(a, b), a, b, "diff_apply")
}

fn applies(d: &crate::PlanDiff, a: &Plan, b: &Plan, law: &'static str) -> Result<(), LawViolation> {
    match d.apply(a) {
        Ok(applied) => check(law, &applied == b, || {
            format!(
                "applying the diff to `{}` gave another plan than `{}`",
                a.id, b.id
            )
        })?,
        Err(err) => return check(law, false, || err.to_string()),
    }
    check(law, a == b || d.apply(b).is_err(), || {
        format!("the diff from `{}` also applied to `{}`", a.id, b.id)
    })
}

/// `diff(a, b).invert() == diff(b, a)`, and inverting twice gives the diff back.
pub fn diff_invert(a: &Plan, b: &Plan) -> Result<(), LawViolation> {
    inverts(&diff(a, b), &diff(b, a), a, b, "diff_invert")
}

fn inverts(
    forward: &crate::PlanDiff,
    backward: &crate::PlanDiff,
    a: &Plan,
    b: &Plan,
    law: &'static str,
) -> Result<(), LawViolation> {
    let inverse = forward.clone().invert();
    check(law, &inverse == backward, || {
        format!(
            "diff(`{}`, `{}`).invert() differs from diff(`{}`, `{}`)",
            a.id, b.id, b.id, a.id
        )
    })?;
    check(law, &inverse.invert() == forward, || {
        "inverting twice changed the diff".into()
    })
}

/// [`diff_apply`] and [`diff_invert`] both ways: the diff turns `a` into `b`, its
/// inverse is the diff from `b` and turns `b` back into `a`.
pub fn diff_roundtrip(a: &Plan, b: &Plan) -> Result<(), LawViolation> {
    let (forward, backward) = (diff(a, b), diff(b, a));
    applies(&forward, a, b, "diff_roundtrip")?;
    applies(&backward, b, a, "diff_roundtrip")?;
    inverts(&forward, &backward, a, b, "diff_roundtrip")
}

/// `compare` gives the same rows, statuses, cells, groups, shared values and
/// matrix whatever the order of the plans (or the same error).
pub fn compare_order(plans: &[&Plan]) -> Result<(), LawViolation> {
    let reference = compare(plans);
    let orders: Vec<Vec<usize>> = (0..plans.len())
        .map(|shift| (0..plans.len()).map(|i| (i + shift) % plans.len()).collect())
        .chain(std::iter::once((0..plans.len()).rev().collect()))
        .collect();
    for order in orders {
        let permuted: Vec<&Plan> = order.iter().filter_map(|&i| plans.get(i).copied()).collect();
        let result = compare(&permuted);
        let (reference, result) = match (&reference, result) {
            (Ok(reference), Ok(result)) => (reference, result),
            (Err(a), Err(b)) => {
                check("compare_order", a.to_string() == b.to_string(), || {
                    format!("{a} vs {b}")
                })?;
                continue;
            }
            (a, b) => {
                return check("compare_order", false, || {
                    format!("{:?} vs {:?}", a.is_ok(), b.is_ok())
                });
            }
        };
        check("compare_order", reference.rows.len() == result.rows.len(), || {
            format!(
                "{} rows in one order, {} in another",
                reference.rows.len(),
                result.rows.len()
            )
        })?;
        for (row, expected) in result.rows.iter().zip(&reference.rows) {
            let members = |r: &crate::ComparisonRow, id: &str| {
                r.group_of(id).and_then(|g| r.groups.get(g)).map(|g| {
                    let mut g = g.clone();
                    g.sort();
                    g
                })
            };
            // Shared values in any order, each with its plans in any order.
            let shared = |r: &crate::ComparisonRow| {
                let mut values: Vec<(String, bool, Vec<String>)> = r
                    .shared
                    .iter()
                    .map(|v| {
                        let mut plans = v.plans.clone();
                        plans.sort();
                        (format!("{} {:?}", v.field, v.value), v.item, plans)
                    })
                    .collect();
                values.sort();
                values
            };
            let same = row.subject == expected.subject
                && row.status == expected.status
                && shared(row) == shared(expected)
                && reference.plans.iter().all(|id| {
                    row.cells.get(id) == expected.cells.get(id) && members(row, id) == members(expected, id)
                });
            check("compare_order", same, || {
                format!("row `{}` depends on plan order", row.subject)
            })?;
        }
        for (i, &a) in order.iter().enumerate() {
            for (j, &b) in order.iter().enumerate() {
                let got = result.matrix.get(i).and_then(|r| r.get(j));
                let want = reference.matrix.get(a).and_then(|r| r.get(b));
                check("compare_order", got == want, || {
                    format!("matrix cell ({a}, {b}) depends on plan order")
                })?;
            }
        }
    }
    Ok(())
}

/// Serialising a plan and loading it again gives an equal plan; a diff survives
/// its JSON form too.
pub fn json_roundtrip(plan: &Plan) -> Result<(), LawViolation> {
    match Plan::from_json(&plan.to_json()) {
        Ok(again) => check("json_roundtrip", &again == plan, || {
            format!("`{}` changed through JSON", plan.id)
        })?,
        Err(err) => return check("json_roundtrip", false, || err.to_string()),
    }
    let d = diff(plan, plan);
    let again: Result<crate::PlanDiff, _> =
        serde_json::to_string(&d).and_then(|json| serde_json::from_str(&json));
    check("json_roundtrip", again.as_ref().ok() == Some(&d), || {
        "a diff changed through JSON".into()
    })
}

/// Every format renders the diff of `a` and `b`, their comparison and `a` itself,
/// with colour and without, to something; and no terminal, Markdown or HTML output
/// holds a control or invisible character (see the [`render`](crate::render)
/// module) other than line breaks and the renderer's own colour styles, whatever
/// the plans' text.
#[cfg(feature = "render")]
#[cfg_attr(docsrs, doc(cfg(feature = "render")))]
pub fn render_total(a: &Plan, b: &Plan) -> Result<(), LawViolation> {
    let d = diff(a, b);
    let comparison = compare(&[a, b]).ok();
    let mut results: Vec<(&str, &dyn Render)> = vec![("diff", &d), ("plan", a)];
    if let Some(comparison) = &comparison {
        results.push(("comparison", comparison));
    }
    for (what, result) in results {
        for format in Format::ALL {
            for color in [false, true] {
                let text = result.render(*format, &Options::width(60).with_color(color));
                check("render_total", !text.is_empty(), || {
                    format!("empty {format} {what}")
                })?;
                if *format == Format::Json {
                    continue;
                }
                let hidden = without_styles(&text)
                    .chars()
                    .find(|&c| c != '\n' && crate::text::is_hidden(c));
                check("render_total", hidden.is_none(), || {
                    format!(
                        "{what} as {format} (colour {color}) holds U+{:04X}",
                        hidden.map_or(0, u32::from)
                    )
                })?;
            }
        }
    }
    Ok(())
}

/// `text` without the terminal renderer's colour styles (`ESC [ digits ; … m`).
#[cfg(feature = "render")]
fn without_styles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at + 2..).unwrap_or_default();
        let end = tail.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(end) if tail.get(end..).is_some_and(|t| t.starts_with('m')) => {
                rest = tail.get(end + 1..).unwrap_or_default();
            }
            // Not a style: the escape stays, for the check to find.
            _ => {
                out.push('\u{1b}');
                rest = rest.get(at + 1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// A descendant merged with its unchanged base gives the descendant, whichever
/// side it stands on, and a descendant merged with itself gives itself: each
/// without conflicts.
pub fn merge_identity(base: &Plan, x: &Plan) -> Result<(), LawViolation> {
    for (ours, theirs, name) in [
        (base, x, "merge(b, b, x)"),
        (x, base, "merge(b, x, b)"),
        (x, x, "merge(b, x, x)"),
    ] {
        let merged = merge(base, ours, theirs);
        check("merge_identity", merged.is_clean(), || {
            format!("{name} has conflicts, with b = `{}`, x = `{}`", base.id, x.id)
        })?;
        check("merge_identity", &merged.plan == x, || {
            format!("{name} is not x, with b = `{}`, x = `{}`", base.id, x.id)
        })?;
    }
    Ok(())
}

/// Swapping the two sides swaps every outcome and keeps the same conflicts, and
/// every conflict resolves to a valid plan on either side.
pub fn merge_symmetry(base: &Plan, ours: &Plan, theirs: &Plan) -> Result<(), LawViolation> {
    let there = merge(base, ours, theirs);
    let back = merge(base, theirs, ours);
    let swap = |kind: MergeKind| match kind {
        MergeKind::Ours => MergeKind::Theirs,
        MergeKind::Theirs => MergeKind::Ours,
        other => other,
    };
    let subjects = |m: &crate::Merge| -> Vec<(String, MergeKind, Vec<String>)> {
        m.subjects
            .iter()
            .map(|s| (s.subject.to_string(), s.kind, s.differs.clone()))
            .collect()
    };
    let swapped: Vec<_> = subjects(&there)
        .into_iter()
        .map(|(s, k, f)| (s, swap(k), f))
        .collect();
    check("merge_symmetry", swapped == subjects(&back), || {
        format!("subject outcomes are not mirrored over `{}`", base.id)
    })?;
    let conflicts = |m: &crate::Merge| -> Vec<Vec<String>> {
        let mut ids: Vec<Vec<String>> = m
            .conflicts()
            .map(|c| c.base.iter().map(|clause| clause.id.clone()).collect())
            .collect();
        ids.sort();
        ids
    };
    check("merge_symmetry", conflicts(&there) == conflicts(&back), || {
        format!("the conflicts differ when the sides swap over `{}`", base.id)
    })?;
    for side in [Side::Ours, Side::Theirs] {
        if let Err(err) = there.resolve(side) {
            return check("merge_symmetry", false, || {
                format!("resolving to {side:?}: {err}")
            });
        }
    }
    Ok(())
}
