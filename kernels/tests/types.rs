//! The type table (`Prim::signature`) against the kernels: every primitive's parameter count, and every
//! result a first-order primitive gives on arguments its annotations admit is admitted by its result
//! type (higher-order ones are called too, but their result type depends on the function given).

use kernels::{dsl, Ctx, Prim, Ty, Value};

#[test]
fn every_primitive_has_its_arity_in_the_table() {
    for &p in Prim::ALL {
        assert_eq!(p.signature().params.len(), p.arity(), "{}", p.name());
    }
    assert_eq!(Prim::ALL.len(), 160);
}

/// Sample values of every type the table names, built by the primitives themselves. No empty
/// frozenset: Python's answers on one leave the annotations (`ulcorner` of an empty patch is `()`).
fn pool(c: &Ctx) -> Vec<Value<'_>> {
    let g1 = Value::Grid(c.grid_from(3, 4, &[0, 1, 1, 0, 0, 2, 0, 0, 3, 3, 0, 2]));
    // One shape: `vconcat` of grids of two widths is a ragged tuple, as in Python, not a Grid.
    let g2 = Value::Grid(c.grid_from(3, 4, &[5, 0, 0, 5, 0, 5, 5, 0, 5, 0, 0, 5]));
    let objs = dsl::objects(c, g1, Value::Bool(true), Value::Bool(false), Value::Bool(true));
    let obj = dsl::first(c, objs);
    let idx = dsl::ofcolor(c, g1, Value::Int(0));
    let mut v = vec![
        g1,
        g2,
        objs,
        obj,
        idx,
        dsl::toindices(c, obj),
        dsl::palette(c, g1),
        dsl::apply(c, Value::prim(Prim::toindices), objs),
        dsl::hsplit(c, g1, Value::Int(2)),
        dsl::interval(c, Value::Int(0), Value::Int(3), Value::Int(1)),
        dsl::first(c, obj),
        // Functions in a container, for `rapply`.
        c.tuple(&[Value::prim(Prim::height), Value::prim(Prim::width)]),
        Value::Int(0),
        Value::Int(1),
        Value::Int(2),
        Value::Int(3),
        Value::Bool(true),
        Value::Bool(false),
        Value::Point((0, 1)),
        Value::Point((1, 1)),
        Value::Point((2, 2)),
    ];
    for p in [Prim::size, Prim::identity, Prim::even, Prim::color, Prim::toindices, Prim::increment] {
        v.push(Value::prim(p));
    }
    assert!(!c.failed(), "the pool itself failed: {:?}", c.status());
    v
}

#[test]
fn results_on_admitted_arguments_have_the_result_type() {
    let store = Ctx::default();
    let pool = pool(&store);
    let mut call = Ctx::default();
    let mut unchecked = Vec::new();
    for &p in Prim::ALL {
        let sig = p.signature();
        let choices: Vec<Vec<Value>> =
            sig.params.iter().map(|t| pool.iter().copied().filter(|v| t.admits(v)).collect()).collect();
        assert!(choices.iter().all(|c| !c.is_empty()), "{}: no sample admitted for a parameter", p.name());
        let total: usize = choices.iter().map(Vec::len).product();
        let mut ok = 0;
        // Every combination, or an evenly spread 2,000 of them.
        let stride = total.div_ceil(2000).max(1);
        for k in (0..total).step_by(stride) {
            let mut rest = k;
            let args: Vec<Value> = choices
                .iter()
                .map(|c| {
                    let a = c[rest % c.len()];
                    rest /= c.len();
                    a
                })
                .collect();
            if let Ok(r) = p.call(&call, &args) {
                // A higher-order primitive's result type holds only for a fitting function (valmax's
                // Integer needs an Integer-valued key), which the annotation `Callable` does not say.
                if !call.failed() && !sig.params.contains(&Ty::Callable) {
                    assert!(
                        sig.result.admits(&r),
                        "{}{:?} gave {:?}, not a {:?}",
                        p.name(),
                        args,
                        r,
                        sig.result
                    );
                    ok += 1;
                }
            }
            call.reset();
        }
        if ok == 0 && !sig.params.contains(&Ty::Callable) {
            unchecked.push(p.name());
        }
    }
    // Only primitives that need what the pool lacks on purpose (none today) may go unchecked.
    assert!(unchecked.is_empty(), "no successful call checked for {unchecked:?}");
}

#[test]
fn admits_tells_sets_tuples_and_unions_apart() {
    let c = Ctx::default();
    let g = Value::Grid(c.grid_from(1, 2, &[1, 2]));
    let obj = dsl::asobject(&c, g);
    assert!(Ty::Piece.admits(&g) && Ty::Piece.admits(&obj) && Ty::Element.admits(&obj));
    assert!(!Ty::Patch.admits(&g) && !Ty::Indices.admits(&obj) && !Ty::Objects.admits(&obj));
    assert!(Ty::Objects.admits(&Value::Set(&[])) && Ty::Tuple.admits(&Value::Point((1, 2))));
    assert!(!Ty::Integer.admits(&Value::Bool(true)) && Ty::Numerical.admits(&Value::Point((0, 0))));
    assert!(!Ty::FrozenSet.admits(&g) && Ty::Container.admits(&g));
}
