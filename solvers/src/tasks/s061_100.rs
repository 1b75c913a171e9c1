//! Solvers 61–100 in arc-dsl's `solvers.py` order: neighbourhood fills, half-grid overlays, object
//! filters by size, colour and border contact.

use crate::prelude::*;

#[solver("44d8ac46")]
fn solve_44d8ac46(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = apply(delta, x1);
    let x3 = mfilter(x2, square);
    let O = fill(I, TWO, x3);
    O
}

#[solver("1e0a9b12")]
fn solve_1e0a9b12(I: Grid) -> Grid {
    let x1 = rot270(I);
    let x2 = rbind(order, identity);
    let x3 = apply(x2, x1);
    let O = rot90(x3);
    O
}

#[solver("0d3d703e")]
fn solve_0d3d703e(I: Grid) -> Grid {
    let x1 = switch(I, THREE, FOUR);
    let x2 = switch(x1, EIGHT, NINE);
    let x3 = switch(x2, TWO, SIX);
    let O = switch(x3, ONE, FIVE);
    O
}

#[solver("3618c87e")]
fn solve_3618c87e(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = merge(x2);
    let O = r#move(I, x3, TWO_BY_ZERO);
    O
}

#[solver("1c786137")]
fn solve_1c786137(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = argmax(x1, height);
    let x3 = subgrid(x2, I);
    let O = trim(x3);
    O
}

#[solver("8efcae92")]
fn solve_8efcae92(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ONE);
    let x3 = compose(size, delta);
    let x4 = argmax(x2, x3);
    let O = subgrid(x4, I);
    O
}

#[solver("445eab21")]
fn solve_445eab21(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = fork(multiply, height, width);
    let x3 = argmax(x1, x2);
    let x4 = color(x3);
    let O = canvas(x4, TWO_BY_TWO);
    O
}

#[solver("6f8cd79b")]
fn solve_6f8cd79b(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = apply(initset, x1);
    let x3 = rbind(bordering, I);
    let x4 = mfilter(x2, x3);
    let O = fill(I, EIGHT, x4);
    O
}

#[solver("2013d3e2")]
fn solve_2013d3e2(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let x4 = lefthalf(x3);
    let O = tophalf(x4);
    O
}

#[solver("41e4d17e")]
fn solve_41e4d17e(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = fork(combine, vfrontier, hfrontier);
    let x3 = compose(x2, center);
    let x4 = mapply(x3, x1);
    let O = underfill(I, SIX, x4);
    O
}

#[solver("9565186b")]
fn solve_9565186b(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = objects(I, T, F, F);
    let x3 = argmax(x2, size);
    let x4 = canvas(FIVE, x1);
    let O = paint(x4, x3);
    O
}

#[solver("aedd82e4")]
fn solve_aedd82e4(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, TWO);
    let x3 = sizefilter(x2, ONE);
    let x4 = merge(x3);
    let O = fill(I, ONE, x4);
    O
}

#[solver("bb43febb")]
fn solve_bb43febb(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, FIVE);
    let x3 = compose(backdrop, inbox);
    let x4 = mapply(x3, x2);
    let O = fill(I, TWO, x4);
    O
}

#[solver("e98196ab")]
fn solve_e98196ab(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = objects(x1, T, F, T);
    let x4 = merge(x3);
    let O = paint(x2, x4);
    O
}

#[solver("f76d97a5")]
fn solve_f76d97a5(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = first(x1);
    let x3 = last(x1);
    let x4 = switch(I, x2, x3);
    let O = replace(x4, FIVE, ZERO);
    O
}

#[solver("ce9e57f2")]
fn solve_ce9e57f2(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = fork(connect, ulcorner, centerofmass);
    let x3 = mapply(x2, x1);
    let x4 = fill(I, EIGHT, x3);
    let O = switch(x4, EIGHT, TWO);
    O
}

#[solver("22eb0ac0")]
fn solve_22eb0ac0(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = fork(recolor, color, backdrop);
    let x3 = apply(x2, x1);
    let x4 = mfilter(x3, hline);
    // Where a colour's line runs over a cell of a colour alone in the grid (its own one-cell line),
    // the cell gets two colours and Python's set order picks; the cell keeps its own (issue 22).
    let x5 = paint(I, x4);
    let x6 = asobject(I);
    let x7 = intersection(x4, x6);
    let O = paint(x5, x7);
    O
}

#[solver("9f236235")]
fn solve_9f236235(I: Grid) -> Grid {
    let x1 = compress(I);
    let x2 = objects(I, T, F, F);
    let x3 = vmirror(x1);
    let x4 = valmin(x2, width);
    let O = downscale(x3, x4);
    O
}

#[solver("a699fb00")]
fn solve_a699fb00(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = shift(x1, RIGHT);
    let x3 = shift(x1, LEFT);
    let x4 = intersection(x2, x3);
    let O = fill(I, TWO, x4);
    O
}

#[solver("46442a0e")]
fn solve_46442a0e(I: Grid) -> Grid {
    let x1 = rot90(I);
    let x2 = rot180(I);
    let x3 = rot270(I);
    let x4 = hconcat(I, x1);
    let x5 = hconcat(x3, x2);
    let O = vconcat(x4, x5);
    O
}

#[solver("7fe24cdd")]
fn solve_7fe24cdd(I: Grid) -> Grid {
    let x1 = rot90(I);
    let x2 = rot180(I);
    let x3 = rot270(I);
    let x4 = hconcat(I, x1);
    let x5 = hconcat(x3, x2);
    let O = vconcat(x4, x5);
    O
}

#[solver("0ca9ddb6")]
fn solve_0ca9ddb6(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = ofcolor(I, TWO);
    let x3 = mapply(dneighbors, x1);
    let x4 = mapply(ineighbors, x2);
    let x5 = fill(I, SEVEN, x3);
    let O = fill(x5, FOUR, x4);
    O
}

#[solver("543a7ed5")]
fn solve_543a7ed5(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, SIX);
    let x3 = mapply(outbox, x2);
    let x4 = fill(I, THREE, x3);
    let x5 = mapply(delta, x2);
    let O = fill(x4, FOUR, x5);
    O
}

#[solver("0520fde7")]
fn solve_0520fde7(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = lefthalf(x1);
    let x3 = righthalf(x1);
    let x4 = vmirror(x3);
    let x5 = cellwise(x2, x4, ZERO);
    let O = replace(x5, ONE, TWO);
    O
}

#[solver("dae9d2b5")]
fn solve_dae9d2b5(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = ofcolor(x1, FOUR);
    let x4 = ofcolor(x2, THREE);
    let x5 = combine(x3, x4);
    let O = fill(x1, SIX, x5);
    O
}

#[solver("8d5021e8")]
fn solve_8d5021e8(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = hconcat(x1, I);
    let x3 = hmirror(x2);
    let x4 = vconcat(x2, x3);
    let x5 = vconcat(x4, x2);
    let O = hmirror(x5);
    O
}

#[solver("928ad970")]
fn solve_928ad970(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = subgrid(x1, I);
    let x3 = trim(x2);
    let x4 = leastcolor(x3);
    let x5 = inbox(x1);
    let O = fill(I, x4, x5);
    O
}

#[solver("b60334d2")]
fn solve_b60334d2(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = replace(I, FIVE, ZERO);
    let x3 = mapply(dneighbors, x1);
    let x4 = mapply(ineighbors, x1);
    let x5 = fill(x2, ONE, x3);
    let O = fill(x5, FIVE, x4);
    O
}

#[solver("b94a9452")]
fn solve_b94a9452(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let x4 = leastcolor(x3);
    let x5 = mostcolor(x3);
    let O = switch(x3, x4, x5);
    O
}

#[solver("d037b0a7")]
fn solve_d037b0a7(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = rbind(shoot, DOWN);
    let x3 = compose(x2, center);
    let x4 = fork(recolor, color, x3);
    let x5 = mapply(x4, x1);
    let O = paint(I, x5);
    O
}

#[solver("d0f5fe59")]
fn solve_d0f5fe59(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = size(x1);
    let x3 = astuple(x2, x2);
    let x4 = canvas(ZERO, x3);
    let x5 = shoot(ORIGIN, UNITY);
    let O = fill(x4, EIGHT, x5);
    O
}

#[solver("e3497940")]
fn solve_e3497940(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = vmirror(x2);
    let x4 = objects(x3, T, F, T);
    let x5 = merge(x4);
    let O = paint(x1, x5);
    O
}

#[solver("e9afcf9a")]
fn solve_e9afcf9a(I: Grid) -> Grid {
    let x1 = astuple(TWO, ONE);
    let x2 = crop(I, ORIGIN, x1);
    let x3 = hmirror(x2);
    let x4 = hconcat(x2, x3);
    let x5 = hconcat(x4, x4);
    let O = hconcat(x5, x4);
    O
}

#[solver("48d8fb45")]
fn solve_48d8fb45(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = matcher(size, ONE);
    let x3 = extract(x1, x2);
    let x4 = lbind(adjacent, x3);
    let x5 = extract(x1, x4);
    let O = subgrid(x5, I);
    O
}

#[solver("d406998b")]
fn solve_d406998b(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = ofcolor(x1, FIVE);
    let x3 = compose(even, last);
    let x4 = sfilter(x2, x3);
    let x5 = fill(x1, THREE, x4);
    let O = vmirror(x5);
    O
}

#[solver("5117e062")]
fn solve_5117e062(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = matcher(numcolors, TWO);
    let x3 = extract(x1, x2);
    let x4 = subgrid(x3, I);
    let x5 = mostcolor(x3);
    let O = replace(x4, EIGHT, x5);
    O
}

#[solver("3906de3d")]
fn solve_3906de3d(I: Grid) -> Grid {
    let x1 = rot270(I);
    let x2 = rbind(order, identity);
    let x3 = switch(x1, ONE, TWO);
    let x4 = apply(x2, x3);
    let x5 = switch(x4, ONE, TWO);
    let O = cmirror(x5);
    O
}

#[solver("00d62c1b")]
fn solve_00d62c1b(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = rbind(bordering, I);
    let x4 = compose(flip, x3);
    let x5 = mfilter(x2, x4);
    let O = fill(I, FOUR, x5);
    O
}

#[solver("7b6016b9")]
fn solve_7b6016b9(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = rbind(bordering, I);
    let x3 = compose(flip, x2);
    let x4 = mfilter(x1, x3);
    let x5 = fill(I, TWO, x4);
    let O = replace(x5, ZERO, THREE);
    O
}

#[solver("67385a82")]
fn solve_67385a82(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, THREE);
    let x3 = sizefilter(x2, ONE);
    let x4 = difference(x2, x3);
    let x5 = merge(x4);
    let O = fill(I, EIGHT, x5);
    O
}
