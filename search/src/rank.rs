//! The order of a task's candidates: fewest calls first, then the order found (which the enumeration
//! fixes), so the same search always answers with the same two programs; the attempts after the
//! first prefer another kind of rule ([`attempts`]).

use crate::store::{Store, ValId};

pub fn rank(store: &Store, candidates: &[ValId]) -> Vec<ValId> {
    let mut order = candidates.to_vec();
    // Ids grow in the order values are found.
    order.sort_by_key(|&id| (store.values[id as usize].size, id));
    order
}

/// The attempts among ranked candidates whose kinds are `kinds` (`None`: a generic composition,
/// such as two grids combined, which no attempt prefers): `accept(k)` tries candidate `k` (each at
/// most once) and says whether it became an attempt. The first attempt is the first accepted in
/// rank; each later one is the first accepted whose kind is a rule's (`Some`) that no earlier
/// attempt has, and only where none is left, the next accepted of any kind. Returns the attempts'
/// indices.
pub fn attempts<K: PartialEq + Copy>(
    kinds: &[Option<K>],
    keep: usize,
    mut accept: impl FnMut(usize) -> bool,
) -> Vec<usize> {
    let mut tried = vec![false; kinds.len()];
    let mut out: Vec<usize> = Vec::new();
    'attempts: while out.len() < keep {
        for fresh_only in [true, false] {
            for k in 0..kinds.len() {
                let stale = kinds[k].is_none() || out.iter().any(|&a| kinds[a] == kinds[k]);
                if tried[k] || (fresh_only && !out.is_empty() && stale) {
                    continue;
                }
                tried[k] = true;
                if accept(k) {
                    out.push(k);
                    continue 'attempts;
                }
            }
        }
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{hash_values, Node};
    use kernels::{Ctx, Value};

    #[test]
    fn smaller_first_then_found_first() {
        let ctx = Ctx::default();
        let mut store = Store::new(&ctx);
        let a = store.insert(1, &[Value::Int(1)], Node::Input, 3).unwrap();
        let b = store.insert(hash_values(&[Value::Int(2)]), &[Value::Int(2)], Node::Input, 2).unwrap();
        let c = store.insert(3, &[Value::Int(3)], Node::Input, 2).unwrap();
        assert_eq!(rank(&store, &[a, c, b]), vec![b, c, a]);
    }

    #[test]
    fn second_attempt_of_another_kind() {
        let (a, b, g) = (Some(0), Some(1), None);
        // Two of kind a rank first: the second attempt is the first of kind b.
        assert_eq!(attempts(&[a, a, b, b], 2, |_| true), vec![0, 2]);
        // Candidate 2 is refused (same answers, or unverified): the next of kind b.
        assert_eq!(attempts(&[a, a, b, b], 2, |k| k != 2), vec![0, 3]);
        // No other kind: the next in rank; each candidate is tried once.
        let mut seen = Vec::new();
        assert_eq!(
            attempts(&[a, a, a], 2, |k| {
                seen.push(k);
                k != 1
            }),
            vec![0, 2]
        );
        assert_eq!(seen, vec![0, 1, 2]);
        // The first attempt is the first accepted, whatever its kind, generic ones included.
        assert_eq!(attempts(&[b, a, a], 3, |k| k != 0), vec![1, 2]);
        assert_eq!(attempts(&[g, g, a], 2, |_| true), vec![0, 2]);
        // A generic composition is never preferred for being of another kind.
        assert_eq!(attempts(&[a, a, g], 2, |_| true), vec![0, 1]);
    }
}
