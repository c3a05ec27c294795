//! The order of clause changes, and the groups that left the order the others keep.

use std::collections::BTreeMap;

use super::ClauseChange;

/// Marks the groups that are on no longest common ordering of the two plans.
///
/// A group keeps its place when it lies on every longest chain of groups that is
/// increasing in both plans; the rule treats both directions alike.
pub(super) fn mark_moves(changes: &mut [ClauseChange]) {
    let mut points: Vec<(usize, usize, usize)> = changes
        .iter()
        .enumerate()
        .filter_map(|(k, c)| Some((c.before.first()?.index, c.after.first()?.index, k)))
        .collect();
    points.sort_unstable();
    let ys: Vec<usize> = points.iter().map(|p| p.1).collect();
    let ending = longest_increasing_ending_at(&ys);
    let reversed: Vec<usize> = ys.iter().rev().map(|y| usize::MAX - y).collect();
    let mut starting = longest_increasing_ending_at(&reversed);
    starting.reverse();
    let longest = ending.iter().copied().max().unwrap_or(0);
    let mut per_level: BTreeMap<usize, usize> = BTreeMap::new();
    let on_longest: Vec<bool> = ending
        .iter()
        .zip(&starting)
        .map(|(e, s)| e + s - 1 == longest)
        .collect();
    for (level, on) in ending.iter().zip(&on_longest) {
        if *on {
            *per_level.entry(*level).or_default() += 1;
        }
    }
    for ((point, level), on) in points.iter().zip(&ending).zip(&on_longest) {
        let fixed = *on && per_level.get(level) == Some(&1);
        if let Some(change) = changes.get_mut(point.2) {
            change.moved = !fixed;
        }
    }
}

/// For each element, the length of the longest strictly increasing subsequence ending there.
fn longest_increasing_ending_at(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    values
        .iter()
        .map(|&v| {
            let at = tails.partition_point(|&t| t < v);
            match tails.get_mut(at) {
                Some(tail) => *tail = v,
                None => tails.push(v),
            }
            at + 1
        })
        .collect()
}

/// Orders changes as the new plan reads; a repeal stands after the group that holds
/// the clause it followed in the old plan.
pub(super) fn sort_clause_changes(changes: &mut [ClauseChange]) {
    let mut anchors: Vec<(usize, usize)> = changes
        .iter()
        .filter_map(|c| Some((c.before.first()?.index, c.after.first()?.index)))
        .collect();
    anchors.sort_unstable();
    let key = |c: &ClauseChange| -> (usize, usize, usize) {
        let before = c.before.first().map_or(0, |p| p.index);
        match c.after.first() {
            Some(after) => (after.index * 2 + 1, 0, before),
            None => {
                let preceding = anchors.partition_point(|&(b, _)| b < before);
                let anchor = preceding
                    .checked_sub(1)
                    .and_then(|i| anchors.get(i))
                    .map_or(0, |&(_, a)| a * 2 + 2);
                (anchor, 1, before)
            }
        }
    };
    changes.sort_by_cached_key(key);
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::diff::{ClauseChangeKind, PlacedClause};
    use crate::{Clause, Confidence};

    /// A one-to-one group from old position `before` to new position `after`
    /// (`None` for a repeal or an insertion).
    fn group(before: Option<usize>, after: Option<usize>) -> ClauseChange<'static> {
        let placed = |index: usize| PlacedClause {
            index,
            clause: Cow::Owned(Clause::new(index.to_string(), "text", Confidence::High)),
        };
        ClauseChange {
            kind: ClauseChangeKind::Unchanged,
            before: before.map(placed).into_iter().collect(),
            after: after.map(placed).into_iter().collect(),
            moved: false,
            renumbered: false,
        }
    }

    fn moved(pairs: &[(usize, usize)]) -> Vec<bool> {
        let mut changes: Vec<ClauseChange> = pairs.iter().map(|&(b, a)| group(Some(b), Some(a))).collect();
        mark_moves(&mut changes);
        changes.iter().map(|c| c.moved).collect()
    }

    #[test]
    fn the_group_that_leaves_the_common_order_is_moved() {
        assert_eq!(moved(&[(0, 0), (1, 1), (2, 2)]), [false, false, false]);
        // The last clause comes first: only it moved.
        assert_eq!(
            moved(&[(0, 1), (1, 2), (2, 3), (3, 0)]),
            [false, false, false, true]
        );
    }

    #[test]
    fn two_groups_that_swap_places_are_both_moved() {
        // Either could be said to have moved; neither lies on every longest order.
        assert_eq!(
            moved(&[(0, 0), (1, 2), (2, 1), (3, 3)]),
            [false, true, true, false]
        );
    }

    #[test]
    fn changes_follow_the_new_plan_with_a_repeal_after_its_old_neighbour() {
        let mut changes = vec![
            group(Some(1), Some(0)),
            group(None, Some(1)),
            group(Some(0), None),
            group(Some(2), Some(2)),
        ];
        sort_clause_changes(&mut changes);
        let order: Vec<(Option<usize>, Option<usize>)> = changes
            .iter()
            .map(|c| {
                (
                    c.before.first().map(|p| p.index),
                    c.after.first().map(|p| p.index),
                )
            })
            .collect();
        // Old clause 0, repealed, had no kept clause before it: it leads.
        assert_eq!(
            order,
            [
                (Some(0), None),
                (Some(1), Some(0)),
                (None, Some(1)),
                (Some(2), Some(2))
            ]
        );
    }
}
