//! Solvers 201–250 in arc-dsl's `solvers.py` order.

use crate::prelude::*;

#[solver("11852cab")]
fn solve_11852cab(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = merge(x1);
    let x3 = hmirror(x2);
    let x4 = vmirror(x2);
    let x5 = dmirror(x2);
    let x6 = cmirror(x2);
    let x7 = paint(I, x3);
    let x8 = paint(x7, x4);
    let x9 = paint(x8, x5);
    let O = paint(x9, x6);
    O
}

#[solver("3428a4f5")]
fn solve_3428a4f5(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = astuple(SIX, FIVE);
    let x4 = ofcolor(x1, TWO);
    let x5 = ofcolor(x2, TWO);
    let x6 = combine(x4, x5);
    let x7 = intersection(x4, x5);
    let x8 = difference(x6, x7);
    let x9 = canvas(ZERO, x3);
    let O = fill(x9, THREE, x8);
    O
}

#[solver("178fcbfb")]
fn solve_178fcbfb(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = ofcolor(I, TWO);
    let x3 = mapply(vfrontier, x2);
    let x4 = fill(I, TWO, x3);
    let x5 = colorfilter(x1, TWO);
    let x6 = difference(x1, x5);
    let x7 = compose(hfrontier, center);
    let x8 = fork(recolor, color, x7);
    let x9 = mapply(x8, x6);
    let O = paint(x4, x9);
    O
}

#[solver("3de23699")]
fn solve_3de23699(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = sizefilter(x1, FOUR);
    let x3 = first(x2);
    let x4 = difference(x1, x2);
    let x5 = first(x4);
    let x6 = color(x3);
    let x7 = color(x5);
    let x8 = subgrid(x3, I);
    let x9 = trim(x8);
    let O = replace(x9, x7, x6);
    O
}

#[solver("54d9e175")]
fn solve_54d9e175(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = compose(neighbors, center);
    let x4 = fork(recolor, color, x3);
    let x5 = mapply(x4, x2);
    let x6 = paint(I, x5);
    let x7 = replace(x6, ONE, SIX);
    let x8 = replace(x7, TWO, SEVEN);
    let x9 = replace(x8, THREE, EIGHT);
    let O = replace(x9, FOUR, NINE);
    O
}

#[solver("5ad4f10b")]
fn solve_5ad4f10b(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = argmax(x1, size);
    let x3 = color(x2);
    let x4 = subgrid(x2, I);
    let x5 = leastcolor(x4);
    let x6 = replace(x4, x5, ZERO);
    let x7 = replace(x6, x3, x5);
    let x8 = height(x7);
    let x9 = divide(x8, THREE);
    let O = downscale(x7, x9);
    O
}

#[solver("623ea044")]
fn solve_623ea044(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = first(x1);
    let x3 = center(x2);
    let x4 = color(x2);
    let x5 = astuple(UNITY, NEG_UNITY);
    let x6 = astuple(UP_RIGHT, DOWN_LEFT);
    let x7 = combine(x5, x6);
    let x8 = lbind(shoot, x3);
    let x9 = mapply(x8, x7);
    let O = fill(I, x4, x9);
    O
}

#[solver("6b9890af")]
fn solve_6b9890af(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = ofcolor(I, TWO);
    let x3 = argmin(x1, size);
    let x4 = subgrid(x2, I);
    let x5 = width(x4);
    let x6 = divide(x5, THREE);
    let x7 = upscale(x3, x6);
    let x8 = normalize(x7);
    let x9 = shift(x8, UNITY);
    let O = paint(x4, x9);
    O
}

#[solver("794b24be")]
fn solve_794b24be(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = size(x1);
    let x3 = decrement(x2);
    let x4 = canvas(ZERO, THREE_BY_THREE);
    let x5 = tojvec(x3);
    let x6 = connect(ORIGIN, x5);
    let x7 = equality(x2, FOUR);
    let x8 = insert(UNITY, x6);
    let x9 = branch(x7, x8, x6);
    let O = fill(x4, TWO, x9);
    O
}

#[solver("88a10436")]
fn solve_88a10436(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = colorfilter(x1, FIVE);
    let x3 = first(x2);
    let x4 = center(x3);
    let x5 = difference(x1, x2);
    let x6 = first(x5);
    let x7 = normalize(x6);
    let x8 = shift(x7, x4);
    let x9 = shift(x8, NEG_UNITY);
    let O = paint(I, x9);
    O
}

#[solver("88a62173")]
fn solve_88a62173(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = tophalf(x1);
    let x4 = tophalf(x2);
    let x5 = bottomhalf(x1);
    let x6 = bottomhalf(x2);
    let x7 = astuple(x3, x4);
    let x8 = astuple(x5, x6);
    let x9 = combine(x7, x8);
    let O = leastcommon(x9);
    O
}

#[solver("890034e9")]
fn solve_890034e9(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = inbox(x2);
    let x4 = recolor(ZERO, x3);
    let x5 = occurrences(I, x4);
    let x6 = normalize(x2);
    let x7 = shift(x6, NEG_UNITY);
    let x8 = lbind(shift, x7);
    let x9 = mapply(x8, x5);
    let O = fill(I, x1, x9);
    O
}

#[solver("99b1bc43")]
fn solve_99b1bc43(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = ofcolor(x1, ZERO);
    let x4 = ofcolor(x2, ZERO);
    let x5 = combine(x3, x4);
    let x6 = intersection(x3, x4);
    let x7 = difference(x5, x6);
    let x8 = shape(x1);
    let x9 = canvas(ZERO, x8);
    let O = fill(x9, THREE, x7);
    O
}

#[solver("a9f96cdd")]
fn solve_a9f96cdd(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = replace(I, TWO, ZERO);
    let x3 = shift(x1, NEG_UNITY);
    let x4 = fill(x2, THREE, x3);
    let x5 = shift(x1, UP_RIGHT);
    let x6 = fill(x4, SIX, x5);
    let x7 = shift(x1, DOWN_LEFT);
    let x8 = fill(x6, EIGHT, x7);
    let x9 = shift(x1, UNITY);
    let O = fill(x8, SEVEN, x9);
    O
}

// The reference marks the lines with colour -1; arcforge's grid cells are bytes, so the marker here is
// 10, just as absent from ARC grids (and it ends up erased the same way).
#[solver("af902bf9")]
fn solve_af902bf9(I: Grid) -> Grid {
    let x1 = ofcolor(I, FOUR);
    let x2 = prapply(connect, x1, x1);
    let x3 = fork(either, vline, hline);
    let x4 = mfilter(x2, x3);
    let x5 = underfill(I, TEN, x4);
    let x6 = objects(x5, F, F, T);
    let x7 = compose(backdrop, inbox);
    let x8 = mapply(x7, x6);
    let x9 = fill(x5, TWO, x8);
    let O = replace(x9, TEN, ZERO);
    O
}

#[solver("b548a754")]
fn solve_b548a754(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = replace(I, EIGHT, ZERO);
    let x3 = leastcolor(x2);
    let x4 = replace(x2, x3, ZERO);
    let x5 = leastcolor(x4);
    let x6 = merge(x1);
    let x7 = backdrop(x6);
    let x8 = r#box(x6);
    let x9 = fill(I, x3, x7);
    let O = fill(x9, x5, x8);
    O
}

#[solver("bdad9b1f")]
fn solve_bdad9b1f(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, EIGHT);
    let x3 = center(x1);
    let x4 = center(x2);
    let x5 = hfrontier(x3);
    let x6 = vfrontier(x4);
    let x7 = intersection(x5, x6);
    let x8 = fill(I, TWO, x5);
    let x9 = fill(x8, EIGHT, x6);
    let O = fill(x9, FOUR, x7);
    O
}

#[solver("c3e719e8")]
fn solve_c3e719e8(I: Grid) -> Grid {
    let x1 = mostcolor(I);
    let x2 = hconcat(I, I);
    let x3 = upscale(I, THREE);
    let x4 = ofcolor(x3, x1);
    let x5 = asindices(x3);
    let x6 = difference(x5, x4);
    let x7 = hconcat(x2, I);
    let x8 = vconcat(x7, x7);
    let x9 = vconcat(x8, x7);
    let O = fill(x9, ZERO, x6);
    O
}

#[solver("de1cd16c")]
fn solve_de1cd16c(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, F);
    let x3 = sizefilter(x2, ONE);
    let x4 = difference(x2, x3);
    let x5 = rbind(subgrid, I);
    let x6 = apply(x5, x4);
    let x7 = rbind(colorcount, x1);
    let x8 = argmax(x6, x7);
    let x9 = mostcolor(x8);
    let O = canvas(x9, UNITY);
    O
}

#[solver("d8c310e9")]
fn solve_d8c310e9(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = first(x1);
    let x3 = hperiod(x2);
    let x4 = multiply(x3, THREE);
    let x5 = tojvec(x3);
    let x6 = tojvec(x4);
    let x7 = shift(x2, x5);
    let x8 = shift(x2, x6);
    let x9 = paint(I, x7);
    let O = paint(x9, x8);
    O
}

#[solver("a3325580")]
fn solve_a3325580(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = valmax(x1, size);
    let x3 = sizefilter(x1, x2);
    let x4 = order(x3, leftmost);
    let x5 = apply(color, x4);
    let x6 = astuple(ONE, x2);
    let x7 = rbind(canvas, x6);
    let x8 = apply(x7, x5);
    let x9 = merge(x8);
    let O = dmirror(x9);
    O
}

#[solver("8eb1be9a")]
fn solve_8eb1be9a(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = first(x1);
    let x3 = interval(NEG_TWO, FOUR, ONE);
    let x4 = lbind(shift, x2);
    let x5 = height(x2);
    let x6 = rbind(multiply, x5);
    let x7 = apply(x6, x3);
    let x8 = apply(toivec, x7);
    let x9 = mapply(x4, x8);
    let O = paint(I, x9);
    O
}

#[solver("321b1fc6")]
fn solve_321b1fc6(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = colorfilter(x1, EIGHT);
    let x3 = difference(x1, x2);
    let x4 = first(x3);
    let x5 = cover(I, x4);
    let x6 = normalize(x4);
    let x7 = lbind(shift, x6);
    let x8 = apply(ulcorner, x2);
    let x9 = mapply(x7, x8);
    let O = paint(x5, x9);
    O
}

#[solver("1caeab9d")]
fn solve_1caeab9d(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = ofcolor(I, ONE);
    let x3 = lowermost(x2);
    let x4 = lbind(subtract, x3);
    let x5 = chain(toivec, x4, lowermost);
    let x6 = fork(shift, identity, x5);
    let x7 = merge(x1);
    let x8 = cover(I, x7);
    let x9 = mapply(x6, x1);
    let O = paint(x8, x9);
    O
}

#[solver("77fdfe62")]
fn solve_77fdfe62(I: Grid) -> Grid {
    let x1 = ofcolor(I, EIGHT);
    let x2 = subgrid(x1, I);
    let x3 = replace(I, EIGHT, ZERO);
    let x4 = replace(x3, ONE, ZERO);
    let x5 = compress(x4);
    let x6 = width(x2);
    let x7 = halve(x6);
    let x8 = upscale(x5, x7);
    let x9 = ofcolor(x2, ZERO);
    let O = fill(x8, ZERO, x9);
    O
}

#[solver("c0f76784")]
fn solve_c0f76784(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = sfilter(x2, square);
    let x4 = sizefilter(x3, ONE);
    let x5 = merge(x4);
    let x6 = argmax(x3, size);
    let x7 = merge(x3);
    let x8 = fill(I, SEVEN, x7);
    let x9 = fill(x8, EIGHT, x6);
    let O = fill(x9, SIX, x5);
    O
}

#[solver("1b60fb0c")]
fn solve_1b60fb0c(I: Grid) -> Grid {
    let x1 = rot90(I);
    let x2 = ofcolor(I, ONE);
    let x3 = ofcolor(x1, ONE);
    let x4 = neighbors(ORIGIN);
    let x5 = mapply(neighbors, x4);
    let x6 = lbind(shift, x3);
    let x7 = apply(x6, x5);
    let x8 = lbind(intersection, x2);
    let x9 = compose(size, x8);
    let x10 = argmax(x7, x9);
    let O = underfill(I, TWO, x10);
    O
}

#[solver("ddf7fa4f")]
fn solve_ddf7fa4f(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = colorfilter(x1, FIVE);
    let x4 = product(x2, x3);
    let x5 = fork(vmatching, first, last);
    let x6 = sfilter(x4, x5);
    let x7 = compose(color, first);
    let x8 = fork(recolor, x7, last);
    let x9 = mapply(x8, x6);
    let O = paint(I, x9);
    O
}

#[solver("47c1f68c")]
fn solve_47c1f68c(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = vmirror(I);
    let x3 = objects(I, T, T, T);
    let x4 = merge(x3);
    let x5 = mostcolor(x4);
    let x6 = cellwise(I, x2, x1);
    let x7 = hmirror(x6);
    let x8 = cellwise(x6, x7, x1);
    let x9 = compress(x8);
    let O = replace(x9, x1, x5);
    O
}

#[solver("6c434453")]
fn solve_6c434453(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, EIGHT);
    let x3 = dneighbors(UNITY);
    let x4 = insert(UNITY, x3);
    let x5 = merge(x2);
    let x6 = cover(I, x5);
    let x7 = apply(ulcorner, x2);
    let x8 = lbind(shift, x4);
    let x9 = mapply(x8, x7);
    let O = fill(x6, TWO, x9);
    O
}

#[solver("23581191")]
fn solve_23581191(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = fork(combine, vfrontier, hfrontier);
    let x3 = compose(x2, center);
    let x4 = fork(recolor, color, x3);
    let x5 = mapply(x4, x1);
    let x6 = paint(I, x5);
    let x7 = fork(intersection, first, last);
    let x8 = apply(x3, x1);
    let x9 = x7(x8);
    let O = fill(x6, TWO, x9);
    O
}

#[solver("c8cbb738")]
fn solve_c8cbb738(I: Grid) -> Grid {
    let x1 = mostcolor(I);
    let x2 = fgpartition(I);
    let x3 = valmax(x2, shape);
    let x4 = canvas(x1, x3);
    let x5 = apply(normalize, x2);
    let x6 = lbind(subtract, x3);
    let x7 = chain(halve, x6, shape);
    let x8 = fork(shift, identity, x7);
    let x9 = mapply(x8, x5);
    let O = paint(x4, x9);
    O
}

#[solver("3eda0437")]
fn solve_3eda0437(I: Grid) -> Grid {
    let x1 = interval(TWO, TEN, ONE);
    let x2 = prapply(astuple, x1, x1);
    let x3 = lbind(canvas, ZERO);
    let x4 = lbind(occurrences, I);
    let x5 = lbind(lbind, shift);
    let x6 = fork(apply, x5, x4);
    let x7 = chain(x6, asobject, x3);
    let x8 = mapply(x7, x2);
    let x9 = argmax(x8, size);
    let O = fill(I, SIX, x9);
    O
}

#[solver("dc0a314f")]
fn solve_dc0a314f(I: Grid) -> Grid {
    let x1 = ofcolor(I, THREE);
    let x2 = replace(I, THREE, ZERO);
    let x3 = dmirror(x2);
    let x4 = papply(pair, x2, x3);
    let x5 = lbind(apply, maximum);
    let x6 = apply(x5, x4);
    let x7 = cmirror(x6);
    let x8 = papply(pair, x6, x7);
    let x9 = apply(x5, x8);
    let O = subgrid(x1, x9);
    O
}

#[solver("d4469b4b")]
fn solve_d4469b4b(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = other(x1, ZERO);
    let x3 = equality(x2, ONE);
    let x4 = equality(x2, TWO);
    let x5 = branch(x3, UNITY, TWO_BY_TWO);
    let x6 = branch(x4, RIGHT, x5);
    let x7 = fork(combine, vfrontier, hfrontier);
    let x8 = x7(x6);
    let x9 = canvas(ZERO, THREE_BY_THREE);
    let O = fill(x9, FIVE, x8);
    O
}

#[solver("6ecd11f4")]
fn solve_6ecd11f4(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmax(x1, size);
    let x3 = argmin(x1, size);
    let x4 = subgrid(x2, I);
    let x5 = subgrid(x3, I);
    let x6 = width(x4);
    let x7 = width(x5);
    let x8 = divide(x6, x7);
    let x9 = downscale(x4, x8);
    let x10 = ofcolor(x9, ZERO);
    let O = fill(x5, ZERO, x10);
    O
}

#[solver("760b3cac")]
fn solve_760b3cac(I: Grid) -> Grid {
    let x1 = ofcolor(I, FOUR);
    let x2 = ofcolor(I, EIGHT);
    let x3 = ulcorner(x1);
    let x4 = index(I, x3);
    let x5 = equality(x4, FOUR);
    let x6 = branch(x5, NEG_ONE, ONE);
    let x7 = multiply(x6, THREE);
    let x8 = tojvec(x7);
    let x9 = vmirror(x2);
    let x10 = shift(x9, x8);
    let O = fill(I, EIGHT, x10);
    O
}

#[solver("c444b776")]
fn solve_c444b776(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = argmin(x2, size);
    let x4 = backdrop(x3);
    let x5 = toobject(x4, I);
    let x6 = normalize(x5);
    let x7 = lbind(shift, x6);
    let x8 = compose(x7, ulcorner);
    let x9 = mapply(x8, x2);
    let O = paint(I, x9);
    O
}

#[solver("d4a91cb9")]
fn solve_d4a91cb9(I: Grid) -> Grid {
    let x1 = ofcolor(I, EIGHT);
    let x2 = ofcolor(I, TWO);
    let x3 = first(x1);
    let x4 = first(x2);
    let x5 = last(x3);
    let x6 = first(x4);
    let x7 = astuple(x6, x5);
    let x8 = connect(x7, x3);
    let x9 = connect(x7, x4);
    let x10 = combine(x8, x9);
    let O = underfill(I, FOUR, x10);
    O
}

#[solver("eb281b96")]
fn solve_eb281b96(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = width(I);
    let x3 = decrement(x1);
    let x4 = astuple(x3, x2);
    let x5 = crop(I, ORIGIN, x4);
    let x6 = hmirror(x5);
    let x7 = vconcat(I, x6);
    let x8 = double(x3);
    let x9 = astuple(x8, x2);
    let x10 = crop(x7, DOWN, x9);
    let O = vconcat(x7, x10);
    O
}

#[solver("ff28f65a")]
fn solve_ff28f65a(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = size(x1);
    let x3 = double(x2);
    let x4 = interval(ZERO, x3, TWO);
    let x5 = apply(tojvec, x4);
    let x6 = astuple(ONE, NINE);
    let x7 = canvas(ZERO, x6);
    let x8 = fill(x7, ONE, x5);
    let x9 = hsplit(x8, THREE);
    let O = merge(x9);
    O
}

#[solver("7e0986d6")]
fn solve_7e0986d6(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = replace(I, x1, ZERO);
    let x4 = leastcolor(x3);
    let x5 = rbind(colorcount, x4);
    let x6 = chain(positive, decrement, x5);
    let x7 = rbind(toobject, x3);
    let x8 = chain(x6, x7, dneighbors);
    let x9 = sfilter(x2, x8);
    let O = fill(x3, x4, x9);
    O
}

#[solver("09629e4f")]
fn solve_09629e4f(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmin(x1, numcolors);
    let x3 = normalize(x2);
    let x4 = upscale(x3, FOUR);
    let x5 = paint(I, x4);
    let x6 = ofcolor(I, FIVE);
    let O = fill(x5, FIVE, x6);
    O
}

#[solver("a85d4709")]
fn solve_a85d4709(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = lbind(matcher, last);
    let x3 = lbind(sfilter, x1);
    let x4 = lbind(mapply, hfrontier);
    let x5 = chain(x4, x3, x2);
    let x6 = x5(ZERO);
    let x7 = x5(TWO);
    let x8 = x5(ONE);
    let x9 = fill(I, TWO, x6);
    let x10 = fill(x9, THREE, x7);
    let O = fill(x10, FOUR, x8);
    O
}

#[solver("feca6190")]
fn solve_feca6190(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = size(x1);
    let x3 = multiply(x2, FIVE);
    let x4 = astuple(x3, x3);
    let x5 = canvas(ZERO, x4);
    let x6 = rbind(shoot, UNITY);
    let x7 = compose(x6, center);
    let x8 = fork(recolor, color, x7);
    let x9 = mapply(x8, x1);
    let x10 = paint(x5, x9);
    let O = hmirror(x10);
    O
}

#[solver("a68b268e")]
fn solve_a68b268e(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = lefthalf(x1);
    let x4 = righthalf(x1);
    let x5 = lefthalf(x2);
    let x6 = righthalf(x2);
    let x7 = ofcolor(x4, FOUR);
    let x8 = ofcolor(x3, SEVEN);
    let x9 = ofcolor(x5, EIGHT);
    let x10 = fill(x6, EIGHT, x9);
    let x11 = fill(x10, FOUR, x7);
    let O = fill(x11, SEVEN, x8);
    O
}

#[solver("beb8660c")]
fn solve_beb8660c(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = objects(I, T, F, T);
    let x3 = compose(invert, size);
    let x4 = order(x2, x3);
    let x5 = apply(normalize, x4);
    let x6 = size(x5);
    let x7 = interval(ZERO, x6, ONE);
    let x8 = apply(toivec, x7);
    let x9 = mpapply(shift, x5, x8);
    let x10 = canvas(ZERO, x1);
    let x11 = paint(x10, x9);
    let O = rot180(x11);
    O
}

#[solver("913fb3ed")]
fn solve_913fb3ed(I: Grid) -> Grid {
    let x1 = ofcolor(I, THREE);
    let x2 = ofcolor(I, EIGHT);
    let x3 = ofcolor(I, TWO);
    let x4 = mapply(neighbors, x1);
    let x5 = mapply(neighbors, x2);
    let x6 = mapply(neighbors, x3);
    let x7 = fill(I, SIX, x4);
    let x8 = fill(x7, FOUR, x5);
    let O = fill(x8, ONE, x6);
    O
}

#[solver("0962bcdd")]
fn solve_0962bcdd(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = replace(I, ZERO, x1);
    let x3 = leastcolor(x2);
    let x4 = ofcolor(I, x3);
    let x5 = mapply(dneighbors, x4);
    let x6 = fill(I, x3, x5);
    let x7 = objects(x6, F, T, T);
    let x8 = fork(connect, ulcorner, lrcorner);
    let x9 = fork(connect, llcorner, urcorner);
    let x10 = fork(combine, x8, x9);
    let x11 = mapply(x10, x7);
    let O = fill(x6, x1, x11);
    O
}

#[solver("3631a71a")]
fn solve_3631a71a(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = replace(I, NINE, ZERO);
    let x3 = lbind(apply, maximum);
    let x4 = dmirror(x2);
    let x5 = papply(pair, x2, x4);
    let x6 = apply(x3, x5);
    let x7 = subtract(x1, TWO_BY_TWO);
    let x8 = crop(x6, TWO_BY_TWO, x7);
    let x9 = vmirror(x8);
    let x10 = objects(x9, T, F, T);
    let x11 = merge(x10);
    let x12 = shift(x11, TWO_BY_TWO);
    let O = paint(x6, x12);
    O
}
