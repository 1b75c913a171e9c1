//! The primitives' types: arc-dsl's annotations (`arc_types.py`'s names) for every [`Prim`], in one
//! table beside the primitive table of `lib.rs`, and [`Ty::admits`], which says whether a run-time
//! [`Value`] is of an annotated type. Program search (the `search` crate) picks type-compatible
//! arguments from this table; `tests/types.rs` checks the table against the kernels (arity of every
//! primitive, and every result a primitive gives on admissible arguments admitted by its result type).
//!
//! Two entries differ from `dsl.py`'s text, both where the annotation is missing or wrong there:
//! `prapply`'s `function` is unannotated (it is called, so `Callable`), and `numcolors` is annotated
//! `IntegerSet` but returns `len(palette(element))`, an `Integer`.

use crate::{Callable, Prim, Value};

/// A type of arc-dsl's `arc_types.py` (and `typing`'s `Any`, `Callable`, `Container`, `FrozenSet`,
/// `Tuple`, as `dsl.py` uses them).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Ty {
    Any,
    Boolean,
    Integer,
    IntegerTuple,
    /// `Union[Integer, IntegerTuple]`.
    Numerical,
    IntegerSet,
    Grid,
    Cell,
    Object,
    Objects,
    Indices,
    IndicesSet,
    /// `Union[Object, Indices]`.
    Patch,
    /// `Union[Object, Grid]`.
    Element,
    /// `Union[Grid, Patch]`.
    Piece,
    TupleTuple,
    ContainerContainer,
    Container,
    FrozenSet,
    Tuple,
    Callable,
}

/// A primitive's parameter types and result type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Signature {
    pub params: &'static [Ty],
    pub result: Ty,
}

const fn sig(params: &'static [Ty], result: Ty) -> Signature {
    Signature { params, result }
}

impl Prim {
    /// arc-dsl's annotations of this primitive (see the module doc for the two corrected entries).
    pub fn signature(self) -> Signature {
        use Prim::*;
        use Ty::*;
        match self {
            identity => sig(&[Any], Any),
            add => sig(&[Numerical, Numerical], Numerical),
            subtract => sig(&[Numerical, Numerical], Numerical),
            multiply => sig(&[Numerical, Numerical], Numerical),
            divide => sig(&[Numerical, Numerical], Numerical),
            invert => sig(&[Numerical], Numerical),
            even => sig(&[Integer], Boolean),
            double => sig(&[Numerical], Numerical),
            halve => sig(&[Numerical], Numerical),
            flip => sig(&[Boolean], Boolean),
            equality => sig(&[Any, Any], Boolean),
            contained => sig(&[Any, Container], Boolean),
            combine => sig(&[Container, Container], Container),
            intersection => sig(&[FrozenSet, FrozenSet], FrozenSet),
            difference => sig(&[FrozenSet, FrozenSet], FrozenSet),
            dedupe => sig(&[Tuple], Tuple),
            order => sig(&[Container, Callable], Tuple),
            repeat => sig(&[Any, Integer], Tuple),
            greater => sig(&[Integer, Integer], Boolean),
            size => sig(&[Container], Integer),
            merge => sig(&[ContainerContainer], Container),
            maximum => sig(&[IntegerSet], Integer),
            minimum => sig(&[IntegerSet], Integer),
            valmax => sig(&[Container, Callable], Integer),
            valmin => sig(&[Container, Callable], Integer),
            argmax => sig(&[Container, Callable], Any),
            argmin => sig(&[Container, Callable], Any),
            mostcommon => sig(&[Container], Any),
            leastcommon => sig(&[Container], Any),
            initset => sig(&[Any], FrozenSet),
            both => sig(&[Boolean, Boolean], Boolean),
            either => sig(&[Boolean, Boolean], Boolean),
            increment => sig(&[Numerical], Numerical),
            decrement => sig(&[Numerical], Numerical),
            crement => sig(&[Numerical], Numerical),
            sign => sig(&[Numerical], Numerical),
            positive => sig(&[Integer], Boolean),
            toivec => sig(&[Integer], IntegerTuple),
            tojvec => sig(&[Integer], IntegerTuple),
            sfilter => sig(&[Container, Callable], Container),
            mfilter => sig(&[Container, Callable], FrozenSet),
            extract => sig(&[Container, Callable], Any),
            totuple => sig(&[FrozenSet], Tuple),
            first => sig(&[Container], Any),
            last => sig(&[Container], Any),
            insert => sig(&[Any, FrozenSet], FrozenSet),
            remove => sig(&[Any, Container], Container),
            other => sig(&[Container, Any], Any),
            interval => sig(&[Integer, Integer, Integer], Tuple),
            astuple => sig(&[Integer, Integer], IntegerTuple),
            product => sig(&[Container, Container], FrozenSet),
            pair => sig(&[Tuple, Tuple], TupleTuple),
            branch => sig(&[Boolean, Any, Any], Any),
            compose => sig(&[Callable, Callable], Callable),
            chain => sig(&[Callable, Callable, Callable], Callable),
            matcher => sig(&[Callable, Any], Callable),
            rbind => sig(&[Callable, Any], Callable),
            lbind => sig(&[Callable, Any], Callable),
            power => sig(&[Callable, Integer], Callable),
            fork => sig(&[Callable, Callable, Callable], Callable),
            apply => sig(&[Callable, Container], Container),
            rapply => sig(&[Container, Any], Container),
            mapply => sig(&[Callable, ContainerContainer], FrozenSet),
            papply => sig(&[Callable, Tuple, Tuple], Tuple),
            mpapply => sig(&[Callable, Tuple, Tuple], Tuple),
            prapply => sig(&[Callable, Container, Container], FrozenSet),
            mostcolor => sig(&[Element], Integer),
            leastcolor => sig(&[Element], Integer),
            height => sig(&[Piece], Integer),
            width => sig(&[Piece], Integer),
            shape => sig(&[Piece], IntegerTuple),
            portrait => sig(&[Piece], Boolean),
            colorcount => sig(&[Element, Integer], Integer),
            colorfilter => sig(&[Objects, Integer], Objects),
            sizefilter => sig(&[Container, Integer], FrozenSet),
            asindices => sig(&[Grid], Indices),
            ofcolor => sig(&[Grid, Integer], Indices),
            ulcorner => sig(&[Patch], IntegerTuple),
            urcorner => sig(&[Patch], IntegerTuple),
            llcorner => sig(&[Patch], IntegerTuple),
            lrcorner => sig(&[Patch], IntegerTuple),
            crop => sig(&[Grid, IntegerTuple, IntegerTuple], Grid),
            toindices => sig(&[Patch], Indices),
            recolor => sig(&[Integer, Patch], Object),
            shift => sig(&[Patch, IntegerTuple], Patch),
            normalize => sig(&[Patch], Patch),
            dneighbors => sig(&[IntegerTuple], Indices),
            ineighbors => sig(&[IntegerTuple], Indices),
            neighbors => sig(&[IntegerTuple], Indices),
            objects => sig(&[Grid, Boolean, Boolean, Boolean], Objects),
            partition => sig(&[Grid], Objects),
            fgpartition => sig(&[Grid], Objects),
            uppermost => sig(&[Patch], Integer),
            lowermost => sig(&[Patch], Integer),
            leftmost => sig(&[Patch], Integer),
            rightmost => sig(&[Patch], Integer),
            square => sig(&[Piece], Boolean),
            vline => sig(&[Patch], Boolean),
            hline => sig(&[Patch], Boolean),
            hmatching => sig(&[Patch, Patch], Boolean),
            vmatching => sig(&[Patch, Patch], Boolean),
            manhattan => sig(&[Patch, Patch], Integer),
            adjacent => sig(&[Patch, Patch], Boolean),
            bordering => sig(&[Patch, Grid], Boolean),
            centerofmass => sig(&[Patch], IntegerTuple),
            palette => sig(&[Element], IntegerSet),
            numcolors => sig(&[Element], Integer),
            color => sig(&[Object], Integer),
            toobject => sig(&[Patch, Grid], Object),
            asobject => sig(&[Grid], Object),
            rot90 => sig(&[Grid], Grid),
            rot180 => sig(&[Grid], Grid),
            rot270 => sig(&[Grid], Grid),
            hmirror => sig(&[Piece], Piece),
            vmirror => sig(&[Piece], Piece),
            dmirror => sig(&[Piece], Piece),
            cmirror => sig(&[Piece], Piece),
            fill => sig(&[Grid, Integer, Patch], Grid),
            paint => sig(&[Grid, Object], Grid),
            underfill => sig(&[Grid, Integer, Patch], Grid),
            underpaint => sig(&[Grid, Object], Grid),
            hupscale => sig(&[Grid, Integer], Grid),
            vupscale => sig(&[Grid, Integer], Grid),
            upscale => sig(&[Element, Integer], Element),
            downscale => sig(&[Grid, Integer], Grid),
            hconcat => sig(&[Grid, Grid], Grid),
            vconcat => sig(&[Grid, Grid], Grid),
            subgrid => sig(&[Patch, Grid], Grid),
            hsplit => sig(&[Grid, Integer], Tuple),
            vsplit => sig(&[Grid, Integer], Tuple),
            cellwise => sig(&[Grid, Grid, Integer], Grid),
            replace => sig(&[Grid, Integer, Integer], Grid),
            switch => sig(&[Grid, Integer, Integer], Grid),
            center => sig(&[Patch], IntegerTuple),
            position => sig(&[Patch, Patch], IntegerTuple),
            index => sig(&[Grid, IntegerTuple], Integer),
            canvas => sig(&[Integer, IntegerTuple], Grid),
            corners => sig(&[Patch], Indices),
            connect => sig(&[IntegerTuple, IntegerTuple], Indices),
            cover => sig(&[Grid, Patch], Grid),
            trim => sig(&[Grid], Grid),
            r#move => sig(&[Grid, Object, IntegerTuple], Grid),
            tophalf => sig(&[Grid], Grid),
            bottomhalf => sig(&[Grid], Grid),
            lefthalf => sig(&[Grid], Grid),
            righthalf => sig(&[Grid], Grid),
            vfrontier => sig(&[IntegerTuple], Indices),
            hfrontier => sig(&[IntegerTuple], Indices),
            backdrop => sig(&[Patch], Indices),
            delta => sig(&[Patch], Indices),
            gravitate => sig(&[Patch, Patch], IntegerTuple),
            inbox => sig(&[Patch], Indices),
            outbox => sig(&[Patch], Indices),
            r#box => sig(&[Patch], Indices),
            shoot => sig(&[IntegerTuple, IntegerTuple], Indices),
            occurrences => sig(&[Grid, Object], Indices),
            frontiers => sig(&[Grid], Objects),
            compress => sig(&[Grid], Grid),
            hperiod => sig(&[Object], Integer),
            vperiod => sig(&[Object], Integer),
        }
    }
}

impl Ty {
    /// Whether `v` is of this type as the kernels represent it: an empty frozenset (always
    /// `Value::Set(&[])`) is any set type, a point is an `IntegerTuple` and also a `Tuple`, a grid is a
    /// `Tuple` (of rows) too, as in Python.
    pub fn admits(self, v: &Value) -> bool {
        let set_of = |ok: fn(&Value) -> bool| matches!(v, Value::Set(items) if items.iter().all(ok));
        match self {
            Ty::Any => true,
            Ty::Boolean => matches!(v, Value::Bool(_)),
            Ty::Integer => matches!(v, Value::Int(_)),
            Ty::IntegerTuple => matches!(v, Value::Point(_)),
            Ty::Numerical => matches!(v, Value::Int(_) | Value::Point(_)),
            Ty::IntegerSet => set_of(|x| matches!(x, Value::Int(_))),
            Ty::Grid => matches!(v, Value::Grid(_)),
            Ty::Cell => matches!(v, Value::Cell(_)),
            Ty::Object => matches!(v, Value::Object(_) | Value::Set(&[])),
            Ty::Objects => set_of(|x| matches!(x, Value::Object(_))),
            Ty::Indices => matches!(v, Value::Indices(_) | Value::Set(&[])),
            Ty::IndicesSet => set_of(|x| matches!(x, Value::Indices(_))),
            Ty::Patch => matches!(v, Value::Object(_) | Value::Indices(_) | Value::Set(&[])),
            Ty::Element => matches!(v, Value::Object(_) | Value::Grid(_) | Value::Set(&[])),
            Ty::Piece => matches!(v, Value::Grid(_) | Value::Object(_) | Value::Indices(_) | Value::Set(&[])),
            Ty::TupleTuple => match v {
                Value::Tuple(items) => items.iter().all(|x| Ty::Tuple.admits(x)),
                Value::Grid(_) => true,
                _ => false,
            },
            Ty::ContainerContainer => match v {
                Value::Set(items) | Value::Tuple(items) => items.iter().all(|x| Ty::Container.admits(x)),
                Value::Grid(_) => true,
                _ => false,
            },
            Ty::Container => Ty::FrozenSet.admits(v) || Ty::Tuple.admits(v),
            Ty::FrozenSet => matches!(v, Value::Set(_) | Value::Object(_) | Value::Indices(_)),
            Ty::Tuple => matches!(v, Value::Tuple(_) | Value::Point(_) | Value::Grid(_) | Value::Cell(_)),
            Ty::Callable => matches!(v, Value::Fn(Callable::Prim(_) | Callable::Func(_))),
        }
    }
}
