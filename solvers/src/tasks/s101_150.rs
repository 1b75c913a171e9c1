//! Solvers 101–150 in arc-dsl's `solvers.py` order.

use crate::prelude::*;

#[solver("a5313dff")]
fn solve_a5313dff(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = rbind(bordering, I);
    let x4 = compose(flip, x3);
    let x5 = mfilter(x2, x4);
    let O = fill(I, ONE, x5);
    O
}

#[solver("ea32f347")]
fn solve_ea32f347(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = replace(I, FIVE, FOUR);
    let x3 = argmin(x1, size);
    let x4 = argmax(x1, size);
    let x5 = fill(x2, ONE, x4);
    let O = fill(x5, TWO, x3);
    O
}

#[solver("d631b094")]
fn solve_d631b094(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = other(x1, ZERO);
    let x3 = ofcolor(I, x2);
    let x4 = size(x3);
    let x5 = astuple(ONE, x4);
    let O = canvas(x2, x5);
    O
}

#[solver("10fcaaa3")]
fn solve_10fcaaa3(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = hconcat(I, I);
    let x3 = vconcat(x2, x2);
    let x4 = ofcolor(x3, x1);
    let x5 = mapply(ineighbors, x4);
    let O = underfill(x3, EIGHT, x5);
    O
}

#[solver("007bbfb7")]
fn solve_007bbfb7(I: Grid) -> Grid {
    let x1 = hupscale(I, THREE);
    let x2 = vupscale(x1, THREE);
    let x3 = hconcat(I, I);
    let x4 = hconcat(x3, I);
    let x5 = vconcat(x4, x4);
    let x6 = vconcat(x5, x4);
    let O = cellwise(x2, x6, ZERO);
    O
}

#[solver("496994bd")]
fn solve_496994bd(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = height(I);
    let x3 = halve(x2);
    let x4 = astuple(x3, x1);
    let x5 = crop(I, ORIGIN, x4);
    let x6 = hmirror(x5);
    let O = vconcat(x5, x6);
    O
}

#[solver("1f876c06")]
fn solve_1f876c06(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = compose(last, first);
    let x3 = power(last, TWO);
    let x4 = fork(connect, x2, x3);
    let x5 = fork(recolor, color, x4);
    let x6 = mapply(x5, x1);
    let O = paint(I, x6);
    O
}

#[solver("05f2a901")]
fn solve_05f2a901(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, TWO);
    let x3 = first(x2);
    let x4 = colorfilter(x1, EIGHT);
    let x5 = first(x4);
    let x6 = gravitate(x3, x5);
    let O = r#move(I, x3, x6);
    O
}

#[solver("39a8645d")]
fn solve_39a8645d(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = totuple(x1);
    let x3 = apply(color, x2);
    let x4 = mostcommon(x3);
    let x5 = matcher(color, x4);
    let x6 = extract(x1, x5);
    let O = subgrid(x6, I);
    O
}

#[solver("1b2d62fb")]
fn solve_1b2d62fb(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = ofcolor(x1, ZERO);
    let x4 = ofcolor(x2, ZERO);
    let x5 = intersection(x3, x4);
    let x6 = replace(x1, NINE, ZERO);
    let O = fill(x6, EIGHT, x5);
    O
}

#[solver("90c28cc7")]
fn solve_90c28cc7(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let x4 = dedupe(x3);
    let x5 = rot90(x4);
    let x6 = dedupe(x5);
    let O = rot270(x6);
    O
}

#[solver("b6afb2da")]
fn solve_b6afb2da(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = replace(I, FIVE, TWO);
    let x3 = colorfilter(x1, FIVE);
    let x4 = mapply(r#box, x3);
    let x5 = fill(x2, FOUR, x4);
    let x6 = mapply(corners, x3);
    let O = fill(x5, ONE, x6);
    O
}

#[solver("b9b7f026")]
fn solve_b9b7f026(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = argmin(x1, size);
    let x3 = rbind(adjacent, x2);
    let x4 = remove(x2, x1);
    let x5 = extract(x4, x3);
    let x6 = color(x5);
    let O = canvas(x6, UNITY);
    O
}

#[solver("ba97ae07")]
fn solve_ba97ae07(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = totuple(x1);
    let x3 = apply(color, x2);
    let x4 = mostcommon(x3);
    let x5 = ofcolor(I, x4);
    let x6 = backdrop(x5);
    let O = fill(I, x4, x6);
    O
}

#[solver("c9f8e694")]
fn solve_c9f8e694(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = width(I);
    let x3 = ofcolor(I, ZERO);
    let x4 = astuple(x1, ONE);
    let x5 = crop(I, ORIGIN, x4);
    let x6 = hupscale(x5, x2);
    let O = fill(x6, ZERO, x3);
    O
}

#[solver("d23f8c26")]
fn solve_d23f8c26(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = width(I);
    let x3 = halve(x2);
    let x4 = matcher(last, x3);
    let x5 = compose(flip, x4);
    let x6 = sfilter(x1, x5);
    let O = fill(I, ZERO, x6);
    O
}

#[solver("d5d6de2d")]
fn solve_d5d6de2d(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sfilter(x1, square);
    let x3 = difference(x1, x2);
    let x4 = compose(backdrop, inbox);
    let x5 = mapply(x4, x3);
    let x6 = replace(I, TWO, ZERO);
    let O = fill(x6, THREE, x5);
    O
}

#[solver("dbc1a6ce")]
fn solve_dbc1a6ce(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = product(x1, x1);
    let x3 = fork(connect, first, last);
    let x4 = apply(x3, x2);
    let x5 = fork(either, vline, hline);
    let x6 = mfilter(x4, x5);
    let O = underfill(I, EIGHT, x6);
    O
}

#[solver("ded97339")]
fn solve_ded97339(I: Grid) -> Grid {
    let x1 = ofcolor(I, EIGHT);
    let x2 = product(x1, x1);
    let x3 = fork(connect, first, last);
    let x4 = apply(x3, x2);
    let x5 = fork(either, vline, hline);
    let x6 = mfilter(x4, x5);
    let O = underfill(I, EIGHT, x6);
    O
}

#[solver("ea786f4a")]
fn solve_ea786f4a(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = shoot(ORIGIN, UNITY);
    let x3 = decrement(x1);
    let x4 = tojvec(x3);
    let x5 = shoot(x4, DOWN_LEFT);
    let x6 = combine(x2, x5);
    let O = fill(I, ZERO, x6);
    O
}

#[solver("08ed6ac7")]
fn solve_08ed6ac7(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = totuple(x1);
    let x3 = order(x1, height);
    let x4 = size(x2);
    let x5 = interval(x4, ZERO, NEG_ONE);
    let x6 = mpapply(recolor, x5, x3);
    let O = paint(I, x6);
    O
}

#[solver("40853293")]
fn solve_40853293(I: Grid) -> Grid {
    let x1 = partition(I);
    let x2 = fork(recolor, color, backdrop);
    let x3 = apply(x2, x1);
    let x4 = mfilter(x3, hline);
    let x5 = mfilter(x3, vline);
    let x6 = paint(I, x4);
    let O = paint(x6, x5);
    O
}

#[solver("5521c0d9")]
fn solve_5521c0d9(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = merge(x1);
    let x3 = cover(I, x2);
    let x4 = chain(toivec, invert, height);
    let x5 = fork(shift, identity, x4);
    let x6 = mapply(x5, x1);
    let O = paint(x3, x6);
    O
}

#[solver("f8ff0b80")]
fn solve_f8ff0b80(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = order(x1, size);
    let x3 = apply(color, x2);
    let x4 = rbind(canvas, UNITY);
    let x5 = apply(x4, x3);
    let x6 = merge(x5);
    let O = hmirror(x6);
    O
}

#[solver("85c4e7cd")]
fn solve_85c4e7cd(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = compose(invert, size);
    let x3 = order(x1, size);
    let x4 = order(x1, x2);
    let x5 = apply(color, x4);
    let x6 = mpapply(recolor, x5, x3);
    let O = paint(I, x6);
    O
}

#[solver("d2abd087")]
fn solve_d2abd087(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = matcher(size, SIX);
    let x3 = compose(flip, x2);
    let x4 = mfilter(x1, x2);
    let x5 = mfilter(x1, x3);
    let x6 = fill(I, TWO, x4);
    let O = fill(x6, ONE, x5);
    O
}

#[solver("017c7c7b")]
fn solve_017c7c7b(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = equality(x1, x2);
    let x4 = crop(I, TWO_BY_ZERO, THREE_BY_THREE);
    let x5 = branch(x3, x2, x4);
    let x6 = vconcat(I, x5);
    let O = replace(x6, ONE, TWO);
    O
}

#[solver("363442ee")]
fn solve_363442ee(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = crop(I, ORIGIN, THREE_BY_THREE);
    let x3 = asobject(x2);
    let x4 = lbind(shift, x3);
    let x5 = compose(x4, decrement);
    let x6 = mapply(x5, x1);
    let O = paint(I, x6);
    O
}

#[solver("5168d44c")]
fn solve_5168d44c(I: Grid) -> Grid {
    let x1 = ofcolor(I, THREE);
    let x2 = height(x1);
    let x3 = equality(x2, ONE);
    let x4 = branch(x3, ZERO_BY_TWO, TWO_BY_ZERO);
    let x5 = ofcolor(I, TWO);
    let x6 = recolor(TWO, x5);
    let O = r#move(I, x6, x4);
    O
}

#[solver("e9614598")]
fn solve_e9614598(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = fork(add, first, last);
    let x3 = x2(x1);
    let x4 = halve(x3);
    let x5 = dneighbors(x4);
    let x6 = insert(x4, x5);
    let O = fill(I, THREE, x6);
    O
}

#[solver("d9fac9be")]
fn solve_d9fac9be(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = objects(I, T, F, T);
    let x3 = argmax(x2, size);
    let x4 = color(x3);
    // Where the reference's `other` has several colours to pick from (a background other than 0),
    // Python's set order picks; leaving the background out picks the one the task means (issue 22).
    let x5 = remove(ZERO, x1);
    let x6 = remove(x4, x5);
    let x7 = size(x6);
    let x8 = greater(x7, ONE);
    let x9 = mostcolor(I);
    let x10 = remove(x9, x6);
    let x11 = branch(x8, x10, x6);
    let x12 = first(x11);
    let O = canvas(x12, UNITY);
    O
}

#[solver("e50d258f")]
fn solve_e50d258f(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = astuple(NINE, x1);
    let x3 = canvas(ZERO, x2);
    let x4 = vconcat(I, x3);
    let x5 = objects(x4, F, F, T);
    let x6 = rbind(colorcount, TWO);
    let x7 = argmax(x5, x6);
    let O = subgrid(x7, I);
    O
}

#[solver("810b9b61")]
fn solve_810b9b61(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = apply(toindices, x1);
    let x3 = fork(either, vline, hline);
    let x4 = sfilter(x2, x3);
    let x5 = difference(x2, x4);
    let x6 = fork(equality, identity, r#box);
    let x7 = mfilter(x5, x6);
    let O = fill(I, THREE, x7);
    O
}

#[solver("54d82841")]
fn solve_54d82841(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = objects(I, T, F, T);
    let x3 = compose(last, center);
    let x4 = apply(x3, x2);
    let x5 = decrement(x1);
    let x6 = lbind(astuple, x5);
    let x7 = apply(x6, x4);
    let O = fill(I, FOUR, x7);
    O
}

#[solver("60b61512")]
fn solve_60b61512(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = mapply(delta, x1);
    let O = fill(I, SEVEN, x2);
    O
}

#[solver("25d8a9c8")]
fn solve_25d8a9c8(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = objects(I, T, F, F);
    let x3 = sizefilter(x2, THREE);
    let x4 = mfilter(x3, hline);
    let x5 = toindices(x4);
    let x6 = difference(x1, x5);
    let x7 = fill(I, FIVE, x5);
    let O = fill(x7, ZERO, x6);
    O
}

#[solver("239be575")]
fn solve_239be575(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = lbind(contained, TWO);
    let x3 = compose(x2, palette);
    let x4 = sfilter(x1, x3);
    let x5 = size(x4);
    let x6 = greater(x5, ONE);
    let x7 = branch(x6, ZERO, EIGHT);
    let O = canvas(x7, UNITY);
    O
}

#[solver("67a423a3")]
fn solve_67a423a3(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, T);
    let x3 = colorfilter(x2, x1);
    let x4 = merge(x3);
    let x5 = delta(x4);
    let x6 = first(x5);
    let x7 = neighbors(x6);
    let O = fill(I, FOUR, x7);
    O
}

#[solver("5c0a986e")]
fn solve_5c0a986e(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, ONE);
    let x3 = lrcorner(x1);
    let x4 = ulcorner(x2);
    let x5 = shoot(x3, UNITY);
    let x6 = shoot(x4, NEG_UNITY);
    let x7 = fill(I, TWO, x5);
    let O = fill(x7, ONE, x6);
    O
}

#[solver("6430c8c4")]
fn solve_6430c8c4(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = astuple(FOUR, FOUR);
    let x4 = ofcolor(x1, ZERO);
    let x5 = ofcolor(x2, ZERO);
    let x6 = intersection(x4, x5);
    let x7 = canvas(ZERO, x3);
    let O = fill(x7, THREE, x6);
    O
}

#[solver("94f9d214")]
fn solve_94f9d214(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = ofcolor(x1, ZERO);
    let x4 = ofcolor(x2, ZERO);
    let x5 = astuple(FOUR, FOUR);
    let x6 = canvas(ZERO, x5);
    let x7 = intersection(x3, x4);
    let O = fill(x6, TWO, x7);
    O
}

#[solver("a1570a43")]
fn solve_a1570a43(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, THREE);
    let x3 = recolor(TWO, x1);
    let x4 = ulcorner(x2);
    let x5 = ulcorner(x1);
    let x6 = subtract(x4, x5);
    let x7 = increment(x6);
    let O = r#move(I, x3, x7);
    O
}

#[solver("ce4f8723")]
fn solve_ce4f8723(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = ofcolor(x1, ZERO);
    let x4 = ofcolor(x2, ZERO);
    let x5 = intersection(x3, x4);
    let x6 = astuple(FOUR, FOUR);
    let x7 = canvas(THREE, x6);
    let O = fill(x7, ZERO, x5);
    O
}

#[solver("d13f3404")]
fn solve_d13f3404(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = rbind(shoot, UNITY);
    let x3 = compose(x2, center);
    let x4 = fork(recolor, color, x3);
    let x5 = mapply(x4, x1);
    let x6 = astuple(SIX, SIX);
    let x7 = canvas(ZERO, x6);
    let O = paint(x7, x5);
    O
}

#[solver("dc433765")]
fn solve_dc433765(I: Grid) -> Grid {
    let x1 = ofcolor(I, THREE);
    let x2 = ofcolor(I, FOUR);
    let x3 = first(x1);
    let x4 = first(x2);
    let x5 = subtract(x4, x3);
    let x6 = sign(x5);
    let x7 = recolor(THREE, x1);
    let O = r#move(I, x7, x6);
    O
}

#[solver("f2829549")]
fn solve_f2829549(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = ofcolor(x1, ZERO);
    let x4 = ofcolor(x2, ZERO);
    let x5 = intersection(x3, x4);
    let x6 = shape(x1);
    let x7 = canvas(ZERO, x6);
    let O = fill(x7, THREE, x5);
    O
}

#[solver("fafffa47")]
fn solve_fafffa47(I: Grid) -> Grid {
    let x1 = tophalf(I);
    let x2 = bottomhalf(I);
    let x3 = shape(x2);
    let x4 = ofcolor(x1, ZERO);
    let x5 = ofcolor(x2, ZERO);
    let x6 = intersection(x4, x5);
    let x7 = canvas(ZERO, x3);
    let O = fill(x7, TWO, x6);
    O
}

#[solver("fcb5c309")]
fn solve_fcb5c309(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, T);
    let x3 = colorfilter(x2, x1);
    let x4 = difference(x2, x3);
    let x5 = argmax(x4, size);
    let x6 = color(x5);
    let x7 = subgrid(x5, I);
    let O = replace(x7, x6, x1);
    O
}

#[solver("ff805c23")]
fn solve_ff805c23(I: Grid) -> Grid {
    let x1 = hmirror(I);
    let x2 = vmirror(I);
    let x3 = ofcolor(I, ONE);
    let x4 = subgrid(x3, x1);
    let x5 = subgrid(x3, x2);
    let x6 = palette(x4);
    let x7 = contained(ONE, x6);
    let O = branch(x7, x5, x4);
    O
}

#[solver("e76a88a6")]
fn solve_e76a88a6(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = argmax(x1, numcolors);
    let x3 = normalize(x2);
    let x4 = remove(x2, x1);
    let x5 = apply(ulcorner, x4);
    let x6 = lbind(shift, x3);
    let x7 = mapply(x6, x5);
    let O = paint(I, x7);
    O
}
