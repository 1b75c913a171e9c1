//! Solvers 1–22 in arc-dsl's `solvers.py` order: whole-grid transforms (mirrors, rotations, scaling,
//! concatenation, recolouring, crops).

use crate::prelude::*;

#[solver("67a3c6ac")]
fn solve_67a3c6ac(I: Grid) -> Grid {
    let O = vmirror(I);
    O
}

#[solver("68b16354")]
fn solve_68b16354(I: Grid) -> Grid {
    let O = hmirror(I);
    O
}

#[solver("74dd1130")]
fn solve_74dd1130(I: Grid) -> Grid {
    let O = dmirror(I);
    O
}

#[solver("3c9b0459")]
fn solve_3c9b0459(I: Grid) -> Grid {
    let O = rot180(I);
    O
}

#[solver("6150a2bd")]
fn solve_6150a2bd(I: Grid) -> Grid {
    let O = rot180(I);
    O
}

#[solver("9172f3a0")]
fn solve_9172f3a0(I: Grid) -> Grid {
    let O = upscale(I, THREE);
    O
}

#[solver("9dfd6313")]
fn solve_9dfd6313(I: Grid) -> Grid {
    let O = dmirror(I);
    O
}

#[solver("a416b8f3")]
fn solve_a416b8f3(I: Grid) -> Grid {
    let O = hconcat(I, I);
    O
}

#[solver("b1948b0a")]
fn solve_b1948b0a(I: Grid) -> Grid {
    let O = replace(I, SIX, TWO);
    O
}

#[solver("c59eb873")]
fn solve_c59eb873(I: Grid) -> Grid {
    let O = upscale(I, TWO);
    O
}

#[solver("c8f0f002")]
fn solve_c8f0f002(I: Grid) -> Grid {
    let O = replace(I, SEVEN, FIVE);
    O
}

#[solver("d10ecb37")]
fn solve_d10ecb37(I: Grid) -> Grid {
    let O = crop(I, ORIGIN, TWO_BY_TWO);
    O
}

#[solver("d511f180")]
fn solve_d511f180(I: Grid) -> Grid {
    let O = switch(I, FIVE, EIGHT);
    O
}

#[solver("ed36ccf7")]
fn solve_ed36ccf7(I: Grid) -> Grid {
    let O = rot270(I);
    O
}

#[solver("4c4377d9")]
fn solve_4c4377d9(I: Grid) -> Grid {
    let x1 = hmirror(I);
    let O = vconcat(x1, I);
    O
}

#[solver("6d0aefbc")]
fn solve_6d0aefbc(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let O = hconcat(I, x1);
    O
}

#[solver("6fa7a44f")]
fn solve_6fa7a44f(I: Grid) -> Grid {
    let x1 = hmirror(I);
    let O = vconcat(I, x1);
    O
}

#[solver("5614dbcf")]
fn solve_5614dbcf(I: Grid) -> Grid {
    let x1 = replace(I, FIVE, ZERO);
    let O = downscale(x1, THREE);
    O
}

#[solver("5bd6f4ac")]
fn solve_5bd6f4ac(I: Grid) -> Grid {
    let x1 = tojvec(SIX);
    let O = crop(I, x1, THREE_BY_THREE);
    O
}

#[solver("5582e5ca")]
fn solve_5582e5ca(I: Grid) -> Grid {
    let x1 = mostcolor(I);
    let O = canvas(x1, THREE_BY_THREE);
    O
}

#[solver("8be77c9e")]
fn solve_8be77c9e(I: Grid) -> Grid {
    let x1 = hmirror(I);
    let O = vconcat(I, x1);
    O
}

#[solver("c9e6f938")]
fn solve_c9e6f938(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let O = hconcat(I, x1);
    O
}
