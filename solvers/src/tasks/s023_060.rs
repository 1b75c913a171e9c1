//! Solvers 23–60 in arc-dsl's `solvers.py` order: crops of one object, object outlines and boxes,
//! grid symmetries and simple object recolouring.

use crate::prelude::*;

#[solver("2dee498d")]
fn solve_2dee498d(I: Grid) -> Grid {
    let x1 = hsplit(I, THREE);
    let O = first(x1);
    O
}

#[solver("1cf80156")]
fn solve_1cf80156(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = first(x1);
    let O = subgrid(x2, I);
    O
}

#[solver("32597951")]
fn solve_32597951(I: Grid) -> Grid {
    let x1 = ofcolor(I, EIGHT);
    let x2 = delta(x1);
    let O = fill(I, THREE, x2);
    O
}

#[solver("25ff71a9")]
fn solve_25ff71a9(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = first(x1);
    let O = r#move(I, x2, DOWN);
    O
}

#[solver("0b148d64")]
fn solve_0b148d64(I: Grid) -> Grid {
    let x1 = partition(I);
    let x2 = argmin(x1, size);
    let O = subgrid(x2, I);
    O
}

#[solver("1f85a75f")]
fn solve_1f85a75f(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = argmax(x1, size);
    let O = subgrid(x2, I);
    O
}

#[solver("23b5c85d")]
fn solve_23b5c85d(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = argmin(x1, size);
    let O = subgrid(x2, I);
    O
}

#[solver("9ecd008a")]
fn solve_9ecd008a(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = ofcolor(I, ZERO);
    let O = subgrid(x2, x1);
    O
}

#[solver("ac0a08a4")]
fn solve_ac0a08a4(I: Grid) -> Grid {
    let x1 = colorcount(I, ZERO);
    let x2 = subtract(NINE, x1);
    let O = upscale(I, x2);
    O
}

#[solver("be94b721")]
fn solve_be94b721(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = argmax(x1, size);
    let O = subgrid(x2, I);
    O
}

#[solver("c909285e")]
fn solve_c909285e(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let O = subgrid(x2, I);
    O
}

#[solver("f25ffba3")]
fn solve_f25ffba3(I: Grid) -> Grid {
    let x1 = bottomhalf(I);
    let x2 = hmirror(x1);
    let O = vconcat(x2, x1);
    O
}

#[solver("c1d99e64")]
fn solve_c1d99e64(I: Grid) -> Grid {
    let x1 = frontiers(I);
    let x2 = merge(x1);
    let O = fill(I, TWO, x2);
    O
}

#[solver("b91ae062")]
fn solve_b91ae062(I: Grid) -> Grid {
    let x1 = numcolors(I);
    let x2 = decrement(x1);
    let O = upscale(I, x2);
    O
}

#[solver("3aa6fb7a")]
fn solve_3aa6fb7a(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = mapply(corners, x1);
    let O = underfill(I, ONE, x2);
    O
}

#[solver("7b7f7511")]
fn solve_7b7f7511(I: Grid) -> Grid {
    let x1 = portrait(I);
    let x2 = branch(x1, tophalf, lefthalf);
    let O = x2(I);
    O
}

#[solver("4258a5f9")]
fn solve_4258a5f9(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = mapply(neighbors, x1);
    let O = fill(I, ONE, x2);
    O
}

#[solver("2dc579da")]
fn solve_2dc579da(I: Grid) -> Grid {
    let x1 = vsplit(I, TWO);
    let x2 = rbind(hsplit, TWO);
    let x3 = mapply(x2, x1);
    let O = argmax(x3, numcolors);
    O
}

#[solver("28bf18c6")]
fn solve_28bf18c6(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let O = hconcat(x3, x3);
    O
}

#[solver("3af2c5a8")]
fn solve_3af2c5a8(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = hconcat(I, x1);
    let x3 = hmirror(x2);
    let O = vconcat(x2, x3);
    O
}

#[solver("44f52bb0")]
fn solve_44f52bb0(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = equality(x1, I);
    let x3 = branch(x2, ONE, SEVEN);
    let O = canvas(x3, UNITY);
    O
}

#[solver("62c24649")]
fn solve_62c24649(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = hconcat(I, x1);
    let x3 = hmirror(x2);
    let O = vconcat(x2, x3);
    O
}

#[solver("67e8384a")]
fn solve_67e8384a(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = hconcat(I, x1);
    let x3 = hmirror(x2);
    let O = vconcat(x2, x3);
    O
}

#[solver("7468f01a")]
fn solve_7468f01a(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let O = vmirror(x3);
    O
}

#[solver("662c240a")]
fn solve_662c240a(I: Grid) -> Grid {
    let x1 = vsplit(I, THREE);
    let x2 = fork(equality, dmirror, identity);
    let x3 = compose(flip, x2);
    let O = extract(x1, x3);
    O
}

#[solver("42a50994")]
fn solve_42a50994(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = merge(x2);
    let O = cover(I, x3);
    O
}

#[solver("56ff96f3")]
fn solve_56ff96f3(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = fork(recolor, color, backdrop);
    let x3 = mapply(x2, x1);
    let O = paint(I, x3);
    O
}

#[solver("50cb2852")]
fn solve_50cb2852(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = compose(backdrop, inbox);
    let x3 = mapply(x2, x1);
    let O = fill(I, EIGHT, x3);
    O
}

#[solver("4347f46a")]
fn solve_4347f46a(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = fork(difference, toindices, r#box);
    let x3 = mapply(x2, x1);
    let O = fill(I, ZERO, x3);
    O
}

#[solver("46f33fce")]
fn solve_46f33fce(I: Grid) -> Grid {
    let x1 = rot180(I);
    let x2 = downscale(x1, TWO);
    let x3 = rot180(x2);
    let O = upscale(x3, FOUR);
    O
}

#[solver("a740d043")]
fn solve_a740d043(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = merge(x1);
    let x3 = subgrid(x2, I);
    let O = replace(x3, ONE, ZERO);
    O
}

#[solver("a79310a0")]
fn solve_a79310a0(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = first(x1);
    let x3 = r#move(I, x2, DOWN);
    let O = replace(x3, EIGHT, TWO);
    O
}

#[solver("aabf363d")]
fn solve_aabf363d(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = replace(I, x1, ZERO);
    let x3 = leastcolor(x2);
    let O = replace(x2, x3, x1);
    O
}

#[solver("ae4f1146")]
fn solve_ae4f1146(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = rbind(colorcount, ONE);
    let x3 = argmax(x1, x2);
    let O = subgrid(x3, I);
    O
}

#[solver("b27ca6d3")]
fn solve_b27ca6d3(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, TWO);
    let x3 = mapply(outbox, x2);
    let O = fill(I, THREE, x3);
    O
}

#[solver("ce22a75a")]
fn solve_ce22a75a(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = apply(outbox, x1);
    let x3 = mapply(backdrop, x2);
    let O = fill(I, ONE, x3);
    O
}

#[solver("dc1df850")]
fn solve_dc1df850(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, TWO);
    let x3 = mapply(outbox, x2);
    let O = fill(I, ONE, x3);
    O
}

#[solver("f25fbde4")]
fn solve_f25fbde4(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let O = upscale(x3, TWO);
    O
}
