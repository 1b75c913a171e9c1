//! The order of a task's candidates: fewest calls first, then the order found (which the enumeration
//! fixes), so the same search always answers with the same two programs.

use crate::store::{Store, ValId};

pub fn rank(store: &Store, candidates: &[ValId]) -> Vec<ValId> {
    let mut order = candidates.to_vec();
    // Ids grow in the order values are found.
    order.sort_by_key(|&id| (store.values[id as usize].size, id));
    order
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
}
