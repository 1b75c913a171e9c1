//! Solvers 251–300 in arc-dsl's `solvers.py` order.

use crate::prelude::*;

#[solver("05269061")]
fn solve_05269061(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = neighbors(ORIGIN);
    let x3 = mapply(neighbors, x2);
    let x4 = rbind(multiply, THREE);
    let x5 = apply(x4, x3);
    let x6 = merge(x1);
    let x7 = lbind(shift, x6);
    let x8 = mapply(x7, x5);
    let x9 = shift(x8, UP_RIGHT);
    let x10 = shift(x8, DOWN_LEFT);
    let x11 = paint(I, x8);
    let x12 = paint(x11, x9);
    let O = paint(x12, x10);
    O
}

#[solver("95990924")]
fn solve_95990924(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = apply(outbox, x1);
    let x3 = apply(ulcorner, x2);
    let x4 = apply(urcorner, x2);
    let x5 = apply(llcorner, x2);
    let x6 = apply(lrcorner, x2);
    let x7 = fill(I, ONE, x3);
    let x8 = fill(x7, TWO, x4);
    let x9 = fill(x8, THREE, x5);
    let O = fill(x9, FOUR, x6);
    O
}

#[solver("e509e548")]
fn solve_e509e548(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = rbind(subgrid, I);
    let x3 = chain(palette, trim, x2);
    let x4 = lbind(contained, THREE);
    let x5 = compose(x4, x3);
    let x6 = fork(add, height, width);
    let x7 = compose(decrement, x6);
    let x8 = fork(equality, size, x7);
    let x9 = mfilter(x1, x5);
    let x10 = mfilter(x1, x8);
    let x11 = replace(I, THREE, SIX);
    let x12 = fill(x11, TWO, x9);
    let O = fill(x12, ONE, x10);
    O
}

#[solver("d43fd935")]
fn solve_d43fd935(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = ofcolor(I, THREE);
    let x3 = sizefilter(x1, ONE);
    let x4 = rbind(vmatching, x2);
    let x5 = rbind(hmatching, x2);
    let x6 = fork(either, x4, x5);
    let x7 = sfilter(x3, x6);
    let x8 = rbind(gravitate, x2);
    let x9 = fork(add, center, x8);
    let x10 = fork(connect, center, x9);
    let x11 = fork(recolor, color, x10);
    let x12 = mapply(x11, x7);
    let O = paint(I, x12);
    O
}

#[solver("db3e9e38")]
fn solve_db3e9e38(I: Grid) -> Grid {
    let x1 = ofcolor(I, SEVEN);
    let x2 = lrcorner(x1);
    let x3 = shoot(x2, UP_RIGHT);
    let x4 = shoot(x2, NEG_UNITY);
    let x5 = combine(x3, x4);
    let x6 = rbind(shoot, UP);
    let x7 = mapply(x6, x5);
    let x8 = last(x2);
    let x9 = rbind(subtract, x8);
    let x10 = chain(even, x9, last);
    let x11 = fill(I, EIGHT, x7);
    let x12 = sfilter(x7, x10);
    let O = fill(x11, SEVEN, x12);
    O
}

#[solver("e73095fd")]
fn solve_e73095fd(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = fork(equality, toindices, backdrop);
    let x4 = sfilter(x2, x3);
    let x5 = lbind(mapply, dneighbors);
    let x6 = chain(x5, corners, outbox);
    let x7 = fork(difference, x6, outbox);
    let x8 = ofcolor(I, FIVE);
    let x9 = rbind(intersection, x8);
    let x10 = matcher(size, ZERO);
    let x11 = chain(x10, x9, x7);
    let x12 = mfilter(x4, x11);
    let O = fill(I, FOUR, x12);
    O
}

#[solver("1bfc4729")]
fn solve_1bfc4729(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = tophalf(I);
    let x3 = bottomhalf(I);
    let x4 = leastcolor(x2);
    let x5 = leastcolor(x3);
    let x6 = hfrontier(TWO_BY_ZERO);
    let x7 = r#box(x1);
    let x8 = combine(x6, x7);
    let x9 = fill(x2, x4, x8);
    let x10 = hmirror(x9);
    let x11 = replace(x10, x4, x5);
    let O = vconcat(x9, x11);
    O
}

#[solver("93b581b8")]
fn solve_93b581b8(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = chain(cmirror, dmirror, merge);
    let x3 = x2(x1);
    let x4 = upscale(x3, THREE);
    let x5 = astuple(NEG_TWO, NEG_TWO);
    let x6 = shift(x4, x5);
    let x7 = underpaint(I, x6);
    let x8 = toindices(x3);
    let x9 = fork(combine, hfrontier, vfrontier);
    let x10 = mapply(x9, x8);
    let x11 = difference(x10, x8);
    let O = fill(x7, ZERO, x11);
    O
}

#[solver("9edfc990")]
fn solve_9edfc990(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = ofcolor(I, ONE);
    let x4 = rbind(adjacent, x3);
    let x5 = mfilter(x2, x4);
    let x6 = recolor(ONE, x5);
    let O = paint(I, x6);
    O
}

#[solver("a65b410d")]
fn solve_a65b410d(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = urcorner(x1);
    let x3 = shoot(x2, UP_RIGHT);
    let x4 = shoot(x2, DOWN_LEFT);
    let x5 = underfill(I, THREE, x3);
    let x6 = underfill(x5, ONE, x4);
    let x7 = rbind(shoot, LEFT);
    let x8 = mapply(x7, x3);
    let x9 = mapply(x7, x4);
    let x10 = underfill(x6, ONE, x9);
    let O = underfill(x10, THREE, x8);
    O
}

#[solver("7447852a")]
fn solve_7447852a(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = compose(last, center);
    let x4 = order(x2, x3);
    let x5 = size(x4);
    let x6 = interval(ZERO, x5, THREE);
    let x7 = rbind(contained, x6);
    let x8 = compose(x7, last);
    let x9 = interval(ZERO, x5, ONE);
    let x10 = pair(x4, x9);
    let x11 = sfilter(x10, x8);
    let x12 = mapply(first, x11);
    let O = fill(I, FOUR, x12);
    O
}

#[solver("97999447")]
fn solve_97999447(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = apply(toindices, x1);
    let x3 = rbind(shoot, RIGHT);
    let x4 = compose(x3, center);
    let x5 = fork(recolor, color, x4);
    let x6 = mapply(x5, x1);
    let x7 = paint(I, x6);
    let x8 = interval(ZERO, FIVE, ONE);
    let x9 = apply(double, x8);
    let x10 = apply(increment, x9);
    let x11 = apply(tojvec, x10);
    let x12 = prapply(shift, x2, x11);
    let x13 = merge(x12);
    let O = fill(x7, FIVE, x13);
    O
}

#[solver("91714a58")]
fn solve_91714a58(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = asindices(I);
    let x3 = objects(I, T, F, T);
    let x4 = argmax(x3, size);
    let x5 = mostcolor(x4);
    let x6 = canvas(ZERO, x1);
    let x7 = paint(x6, x4);
    let x8 = rbind(toobject, x7);
    let x9 = rbind(colorcount, x5);
    let x10 = chain(x9, x8, neighbors);
    let x11 = lbind(greater, THREE);
    let x12 = compose(x11, x10);
    let x13 = sfilter(x2, x12);
    let O = fill(x7, ZERO, x13);
    O
}

#[solver("a61ba2ce")]
fn solve_a61ba2ce(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = lbind(index, I);
    let x3 = matcher(x2, ZERO);
    let x4 = lbind(extract, x1);
    let x5 = rbind(subgrid, I);
    let x6 = lbind(compose, x3);
    let x7 = chain(x5, x4, x6);
    let x8 = x7(ulcorner);
    let x9 = x7(urcorner);
    let x10 = x7(llcorner);
    let x11 = x7(lrcorner);
    let x12 = hconcat(x11, x10);
    let x13 = hconcat(x9, x8);
    let O = vconcat(x12, x13);
    O
}

#[solver("8e1813be")]
fn solve_8e1813be(I: Grid) -> Grid {
    let x1 = replace(I, FIVE, ZERO);
    let x2 = objects(x1, T, T, T);
    let x3 = first(x2);
    let x4 = vline(x3);
    let x5 = branch(x4, dmirror, identity);
    let x6 = x5(x1);
    let x7 = objects(x6, T, T, T);
    let x8 = order(x7, uppermost);
    let x9 = apply(color, x8);
    let x10 = dedupe(x9);
    let x11 = size(x10);
    let x12 = rbind(repeat, x11);
    let x13 = apply(x12, x10);
    let O = x5(x13);
    O
}

#[solver("bc1d5164")]
fn solve_bc1d5164(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = crop(I, ORIGIN, THREE_BY_THREE);
    let x3 = crop(I, TWO_BY_ZERO, THREE_BY_THREE);
    let x4 = tojvec(FOUR);
    let x5 = crop(I, x4, THREE_BY_THREE);
    let x6 = astuple(TWO, FOUR);
    let x7 = crop(I, x6, THREE_BY_THREE);
    let x8 = canvas(ZERO, THREE_BY_THREE);
    let x9 = rbind(ofcolor, x1);
    let x10 = astuple(x2, x3);
    let x11 = astuple(x5, x7);
    let x12 = combine(x10, x11);
    let x13 = mapply(x9, x12);
    let O = fill(x8, x1, x13);
    O
}

#[solver("ce602527")]
fn solve_ce602527(I: Grid) -> Grid {
    let x1 = vmirror(I);
    let x2 = fgpartition(x1);
    let x3 = order(x2, size);
    let x4 = last(x3);
    let x5 = remove(x4, x3);
    let x6 = compose(toindices, normalize);
    let x7 = rbind(upscale, TWO);
    let x8 = chain(toindices, x7, normalize);
    let x9 = x6(x4);
    let x10 = rbind(intersection, x9);
    let x11 = chain(size, x10, x8);
    let x12 = argmax(x5, x11);
    let x13 = subgrid(x12, x1);
    let O = vmirror(x13);
    O
}

#[solver("5c2c9af4")]
fn solve_5c2c9af4(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = center(x2);
    let x4 = ulcorner(x2);
    let x5 = subtract(x3, x4);
    let x6 = multiply(NEG_ONE, NINE);
    let x7 = interval(ZERO, NINE, ONE);
    let x8 = interval(ZERO, x6, NEG_ONE);
    let x9 = lbind(multiply, x5);
    let x10 = apply(x9, x7);
    let x11 = apply(x9, x8);
    let x12 = pair(x10, x11);
    let x13 = mapply(r#box, x12);
    let x14 = shift(x13, x3);
    let O = fill(I, x1, x14);
    O
}

#[solver("75b8110e")]
fn solve_75b8110e(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = tophalf(x1);
    let x4 = bottomhalf(x1);
    let x5 = tophalf(x2);
    let x6 = bottomhalf(x2);
    let x7 = rbind(ofcolor, ZERO);
    let x8 = fork(difference, asindices, x7);
    let x9 = fork(toobject, x8, identity);
    let x10 = x9(x5);
    let x11 = x9(x4);
    let x12 = x9(x6);
    let x13 = paint(x3, x12);
    let x14 = paint(x13, x11);
    let O = paint(x14, x10);
    O
}

#[solver("941d9a10")]
fn solve_941d9a10(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = objects(I, T, F, F);
    let x3 = colorfilter(x2, ZERO);
    let x4 = apply(toindices, x3);
    let x5 = lbind(lbind, contained);
    let x6 = lbind(extract, x4);
    let x7 = compose(x6, x5);
    let x8 = decrement(x1);
    let x9 = astuple(FIVE, FIVE);
    let x10 = x7(ORIGIN);
    let x11 = x7(x8);
    let x12 = x7(x9);
    let x13 = fill(I, ONE, x10);
    let x14 = fill(x13, THREE, x11);
    let O = fill(x14, TWO, x12);
    O
}

#[solver("c3f564a4")]
fn solve_c3f564a4(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = dmirror(I);
    let x3 = invert(NINE);
    let x4 = papply(pair, I, x2);
    let x5 = lbind(apply, maximum);
    let x6 = apply(x5, x4);
    let x7 = ofcolor(x6, ZERO);
    let x8 = difference(x1, x7);
    let x9 = toobject(x8, x6);
    let x10 = interval(x3, NINE, ONE);
    let x11 = interval(NINE, x3, NEG_ONE);
    let x12 = pair(x10, x11);
    let x13 = lbind(shift, x9);
    let x14 = mapply(x13, x12);
    let O = paint(x6, x14);
    O
}

#[solver("1a07d186")]
fn solve_1a07d186(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = difference(x1, x2);
    let x4 = apply(color, x3);
    let x5 = rbind(contained, x4);
    let x6 = compose(x5, color);
    let x7 = sfilter(x2, x6);
    let x8 = lbind(colorfilter, x3);
    let x9 = chain(first, x8, color);
    let x10 = fork(gravitate, identity, x9);
    let x11 = fork(shift, identity, x10);
    let x12 = mapply(x11, x7);
    let x13 = merge(x2);
    let x14 = cover(I, x13);
    let O = paint(x14, x12);
    O
}

#[solver("d687bc17")]
fn solve_d687bc17(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = difference(x1, x2);
    let x4 = apply(color, x3);
    let x5 = rbind(contained, x4);
    let x6 = compose(x5, color);
    let x7 = sfilter(x2, x6);
    let x8 = lbind(colorfilter, x3);
    let x9 = chain(first, x8, color);
    let x10 = fork(gravitate, identity, x9);
    let x11 = fork(shift, identity, x10);
    let x12 = merge(x2);
    let x13 = mapply(x11, x7);
    let x14 = cover(I, x12);
    let O = paint(x14, x13);
    O
}

#[solver("9af7a82c")]
fn solve_9af7a82c(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = order(x1, size);
    let x3 = valmax(x1, size);
    let x4 = rbind(astuple, ONE);
    let x5 = lbind(subtract, x3);
    let x6 = compose(x4, size);
    let x7 = chain(x4, x5, size);
    let x8 = fork(canvas, color, x6);
    let x9 = lbind(canvas, ZERO);
    let x10 = compose(x9, x7);
    let x11 = fork(vconcat, x8, x10);
    let x12 = compose(cmirror, x11);
    let x13 = apply(x12, x2);
    let x14 = merge(x13);
    let O = cmirror(x14);
    O
}

#[solver("6e19193c")]
fn solve_6e19193c(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, T);
    let x3 = rbind(toobject, I);
    let x4 = compose(first, delta);
    let x5 = rbind(colorcount, x1);
    let x6 = matcher(x5, TWO);
    let x7 = chain(x6, x3, dneighbors);
    let x8 = rbind(sfilter, x7);
    let x9 = chain(first, x8, toindices);
    let x10 = fork(subtract, x4, x9);
    let x11 = fork(shoot, x4, x10);
    let x12 = mapply(x11, x2);
    let x13 = fill(I, x1, x12);
    let x14 = mapply(delta, x2);
    let O = fill(x13, ZERO, x14);
    O
}

#[solver("ef135b50")]
fn solve_ef135b50(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, ZERO);
    let x3 = product(x1, x1);
    let x4 = power(first, TWO);
    let x5 = compose(first, last);
    let x6 = fork(equality, x4, x5);
    let x7 = sfilter(x3, x6);
    let x8 = fork(connect, first, last);
    let x9 = mapply(x8, x7);
    let x10 = intersection(x9, x2);
    let x11 = fill(I, NINE, x10);
    let x12 = trim(x11);
    let x13 = asobject(x12);
    let x14 = shift(x13, UNITY);
    let O = paint(I, x14);
    O
}

#[solver("cbded52d")]
fn solve_cbded52d(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = product(x2, x2);
    let x4 = fork(vmatching, first, last);
    let x5 = fork(hmatching, first, last);
    let x6 = fork(either, x4, x5);
    let x7 = sfilter(x3, x6);
    let x8 = compose(center, first);
    let x9 = compose(center, last);
    let x10 = fork(connect, x8, x9);
    let x11 = chain(initset, center, x10);
    let x12 = compose(color, first);
    let x13 = fork(recolor, x12, x11);
    let x14 = mapply(x13, x7);
    let O = paint(I, x14);
    O
}

#[solver("8a004b2b")]
fn solve_8a004b2b(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = ofcolor(I, FOUR);
    let x3 = subgrid(x2, I);
    let x4 = argmax(x1, lowermost);
    let x5 = normalize(x4);
    let x6 = replace(x3, FOUR, ZERO);
    let x7 = objects(x6, T, F, T);
    let x8 = merge(x7);
    let x9 = width(x8);
    let x10 = ulcorner(x8);
    let x11 = width(x4);
    let x12 = divide(x9, x11);
    let x13 = upscale(x5, x12);
    let x14 = shift(x13, x10);
    let O = paint(x3, x14);
    O
}

#[solver("e26a3af2")]
fn solve_e26a3af2(I: Grid) -> Grid {
    let x1 = rot90(I);
    let x2 = apply(mostcommon, I);
    let x3 = apply(mostcommon, x1);
    let x4 = repeat(x2, ONE);
    let x5 = repeat(x3, ONE);
    let x6 = compose(size, dedupe);
    let x7 = x6(x2);
    let x8 = x6(x3);
    let x9 = greater(x8, x7);
    let x10 = branch(x9, height, width);
    let x11 = x10(I);
    let x12 = rot90(x4);
    let x13 = branch(x9, x5, x12);
    let x14 = branch(x9, vupscale, hupscale);
    let O = x14(x13, x11);
    O
}

#[solver("6cf79266")]
fn solve_6cf79266(I: Grid) -> Grid {
    let x1 = ofcolor(I, ZERO);
    let x2 = astuple(ZERO, ORIGIN);
    let x3 = initset(x2);
    let x4 = upscale(x3, THREE);
    let x5 = toindices(x4);
    let x6 = lbind(shift, x5);
    let x7 = rbind(difference, x1);
    let x8 = chain(size, x7, x6);
    let x9 = matcher(x8, ZERO);
    let x10 = lbind(add, NEG_UNITY);
    let x11 = chain(flip, x9, x10);
    let x12 = fork(both, x9, x11);
    let x13 = sfilter(x1, x12);
    let x14 = mapply(x6, x13);
    let O = fill(I, ONE, x14);
    O
}

#[solver("a87f7484")]
fn solve_a87f7484(I: Grid) -> Grid {
    let x1 = numcolors(I);
    let x2 = dmirror(I);
    let x3 = portrait(I);
    let x4 = branch(x3, dmirror, identity);
    let x5 = x4(I);
    let x6 = decrement(x1);
    let x7 = hsplit(x5, x6);
    let x8 = rbind(ofcolor, ZERO);
    let x9 = apply(x8, x7);
    let x10 = leastcommon(x9);
    let x11 = matcher(x8, x10);
    let x12 = extract(x7, x11);
    let O = x4(x12);
    O
}

#[solver("4093f84a")]
fn solve_4093f84a(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = replace(I, x1, FIVE);
    let x3 = ofcolor(I, FIVE);
    let x4 = portrait(x3);
    let x5 = branch(x4, identity, dmirror);
    let x6 = x5(x2);
    let x7 = lefthalf(x6);
    let x8 = righthalf(x6);
    let x9 = rbind(order, identity);
    let x10 = rbind(order, invert);
    let x11 = apply(x9, x7);
    let x12 = apply(x10, x8);
    let x13 = hconcat(x11, x12);
    let O = x5(x13);
    O
}

#[solver("ba26e723")]
fn solve_ba26e723(I: Grid) -> Grid {
    let x1 = rbind(divide, THREE);
    let x2 = rbind(multiply, THREE);
    let x3 = compose(x2, x1);
    let x4 = fork(equality, identity, x3);
    let x5 = compose(x4, last);
    let x6 = ofcolor(I, FOUR);
    let x7 = sfilter(x6, x5);
    let O = fill(I, SIX, x7);
    O
}

#[solver("4612dd53")]
fn solve_4612dd53(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = r#box(x1);
    let x3 = fill(I, TWO, x2);
    let x4 = subgrid(x1, x3);
    let x5 = ofcolor(x4, ONE);
    let x6 = mapply(vfrontier, x5);
    let x7 = mapply(hfrontier, x5);
    let x8 = size(x6);
    let x9 = size(x7);
    let x10 = greater(x8, x9);
    let x11 = branch(x10, x7, x6);
    let x12 = fill(x4, TWO, x11);
    let x13 = ofcolor(x12, TWO);
    let x14 = ulcorner(x1);
    let x15 = shift(x13, x14);
    let O = underfill(I, TWO, x15);
    O
}

#[solver("29c11459")]
fn solve_29c11459(I: Grid) -> Grid {
    let x1 = lefthalf(I);
    let x2 = righthalf(I);
    let x3 = objects(x2, T, F, T);
    let x4 = objects(x1, T, F, T);
    let x5 = compose(hfrontier, center);
    let x6 = fork(recolor, color, x5);
    let x7 = mapply(x6, x4);
    let x8 = paint(x1, x7);
    let x9 = mapply(x6, x3);
    let x10 = paint(I, x9);
    let x11 = objects(x8, T, F, T);
    let x12 = apply(urcorner, x11);
    let x13 = shift(x12, RIGHT);
    let x14 = merge(x11);
    let x15 = paint(x10, x14);
    let O = fill(x15, FIVE, x13);
    O
}

#[solver("963e52fc")]
fn solve_963e52fc(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = asobject(I);
    let x3 = hperiod(x2);
    let x4 = height(x2);
    let x5 = astuple(x4, x3);
    let x6 = ulcorner(x2);
    let x7 = crop(I, x6, x5);
    let x8 = rot90(x7);
    let x9 = double(x1);
    let x10 = divide(x9, x3);
    let x11 = increment(x10);
    let x12 = repeat(x8, x11);
    let x13 = merge(x12);
    let x14 = rot270(x13);
    let x15 = astuple(x4, x9);
    let O = crop(x14, ORIGIN, x15);
    O
}

#[solver("ae3edfdc")]
fn solve_ae3edfdc(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = replace(I, THREE, ZERO);
    let x3 = replace(x2, SEVEN, ZERO);
    let x4 = lbind(colorfilter, x1);
    let x5 = lbind(rbind, gravitate);
    let x6 = chain(x5, first, x4);
    let x7 = x6(TWO);
    let x8 = x6(ONE);
    let x9 = x4(THREE);
    let x10 = x4(SEVEN);
    let x11 = fork(shift, identity, x7);
    let x12 = fork(shift, identity, x8);
    let x13 = mapply(x11, x9);
    let x14 = mapply(x12, x10);
    let x15 = paint(x3, x13);
    let O = paint(x15, x14);
    O
}

#[solver("1f0c79e5")]
fn solve_1f0c79e5(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = replace(I, TWO, ZERO);
    // The shape's other colour is the least common once its 2s are 0s; where the background is not 0
    // and the shape's two colours have one count, 0 ties with it and Python's set order picks. Of the
    // colours that tie, the one that is not 0 is the shape's (issue 22).
    let x16 = leastcolor(x2);
    let x17 = colorcount(x2, x16);
    let x18 = palette(x2);
    let x19 = lbind(colorcount, x2);
    let x20 = matcher(x19, x17);
    let x21 = sfilter(x18, x20);
    let x22 = lbind(equality, ZERO);
    let x3 = argmin(x21, x22);
    let x4 = ofcolor(x2, x3);
    let x5 = combine(x1, x4);
    let x6 = recolor(x3, x5);
    let x7 = compose(decrement, double);
    let x8 = ulcorner(x5);
    let x9 = invert(x8);
    let x10 = shift(x1, x9);
    let x11 = apply(x7, x10);
    let x12 = interval(ZERO, NINE, ONE);
    let x13 = prapply(multiply, x11, x12);
    let x14 = lbind(shift, x6);
    let x15 = mapply(x14, x13);
    let O = paint(I, x15);
    O
}

#[solver("56dc2b01")]
fn solve_56dc2b01(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, THREE);
    let x3 = first(x2);
    let x4 = ofcolor(I, TWO);
    let x5 = gravitate(x3, x4);
    let x6 = first(x5);
    let x7 = equality(x6, ZERO);
    let x8 = branch(x7, width, height);
    let x9 = x8(x3);
    let x10 = gravitate(x4, x3);
    let x11 = sign(x10);
    let x12 = multiply(x11, x9);
    let x13 = crement(x12);
    let x14 = recolor(EIGHT, x4);
    let x15 = shift(x14, x13);
    let x16 = paint(I, x15);
    let O = r#move(x16, x3, x5);
    O
}

#[solver("e48d4e1a")]
fn solve_e48d4e1a(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = ofcolor(I, FIVE);
    let x3 = fill(I, ZERO, x2);
    let x4 = leastcolor(x3);
    let x5 = size(x2);
    let x6 = ofcolor(I, x4);
    let x7 = rbind(toobject, I);
    let x8 = rbind(colorcount, x4);
    let x9 = chain(x8, x7, dneighbors);
    let x10 = matcher(x9, FOUR);
    let x11 = extract(x6, x10);
    let x12 = multiply(DOWN_LEFT, x5);
    let x13 = add(x12, x11);
    let x14 = canvas(ZERO, x1);
    let x15 = fork(combine, vfrontier, hfrontier);
    let x16 = x15(x13);
    let O = fill(x14, x4, x16);
    O
}

#[solver("6773b310")]
fn solve_6773b310(I: Grid) -> Grid {
    let x1 = compress(I);
    let x2 = neighbors(ORIGIN);
    let x3 = insert(ORIGIN, x2);
    let x4 = rbind(multiply, THREE);
    let x5 = apply(x4, x3);
    let x6 = astuple(FOUR, FOUR);
    let x7 = shift(x5, x6);
    let x8 = fork(insert, identity, neighbors);
    let x9 = apply(x8, x7);
    let x10 = rbind(toobject, x1);
    let x11 = apply(x10, x9);
    let x12 = rbind(colorcount, SIX);
    let x13 = matcher(x12, TWO);
    let x14 = mfilter(x11, x13);
    let x15 = fill(x1, ONE, x14);
    let x16 = replace(x15, SIX, ZERO);
    let O = downscale(x16, THREE);
    O
}

#[solver("780d0b14")]
fn solve_780d0b14(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = objects(I, T, T, T);
    let x3 = rbind(greater, TWO);
    let x4 = compose(x3, size);
    let x5 = sfilter(x2, x4);
    let x6 = totuple(x5);
    let x7 = apply(color, x6);
    let x8 = apply(center, x6);
    let x9 = pair(x7, x8);
    let x10 = fill(I, ZERO, x1);
    let x11 = paint(x10, x9);
    let x12 = rbind(greater, ONE);
    let x13 = compose(dedupe, totuple);
    let x14 = chain(x12, size, x13);
    let x15 = sfilter(x11, x14);
    let x16 = rot90(x15);
    let x17 = sfilter(x16, x14);
    let O = rot270(x17);
    O
}

#[solver("2204b7a8")]
fn solve_2204b7a8(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = lbind(sfilter, x1);
    let x3 = compose(size, x2);
    let x4 = x3(vline);
    let x5 = x3(hline);
    let x6 = greater(x4, x5);
    let x7 = branch(x6, lefthalf, tophalf);
    let x8 = branch(x6, righthalf, bottomhalf);
    let x9 = branch(x6, hconcat, vconcat);
    let x10 = x7(I);
    let x11 = x8(I);
    let x12 = index(x10, ORIGIN);
    let x13 = shape(x11);
    let x14 = decrement(x13);
    let x15 = index(x11, x14);
    let x16 = replace(x10, THREE, x12);
    let x17 = replace(x11, THREE, x15);
    let O = x9(x16, x17);
    O
}

#[solver("d9f24cd1")]
fn solve_d9f24cd1(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, FIVE);
    let x3 = prapply(connect, x1, x2);
    let x4 = mfilter(x3, vline);
    let x5 = underfill(I, TWO, x4);
    let x6 = matcher(numcolors, TWO);
    let x7 = objects(x5, F, F, T);
    let x8 = sfilter(x7, x6);
    let x9 = difference(x7, x8);
    let x10 = colorfilter(x9, TWO);
    let x11 = mapply(toindices, x10);
    let x12 = apply(urcorner, x8);
    let x13 = shift(x12, UNITY);
    let x14 = rbind(shoot, UP);
    let x15 = mapply(x14, x13);
    let x16 = fill(x5, TWO, x15);
    let x17 = mapply(vfrontier, x11);
    let O = fill(x16, TWO, x17);
    O
}

#[solver("b782dc8a")]
fn solve_b782dc8a(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, F);
    let x3 = ofcolor(I, x1);
    let x4 = first(x3);
    let x5 = dneighbors(x4);
    let x6 = toobject(x5, I);
    // The seed's path neighbours have the alternating colour; the rest are walls. Where they tie
    // for the most common, Python's set order picks: of the tied colours, the rarest in the grid
    // (the alternating colour has at most 4 cells, the walls far more; issue 22).
    let x18 = mostcolor(x6);
    let x19 = colorcount(x6, x18);
    let x20 = palette(x6);
    let x21 = lbind(colorcount, x6);
    let x22 = matcher(x21, x19);
    let x23 = sfilter(x20, x22);
    let x24 = lbind(colorcount, I);
    let x7 = argmin(x23, x24);
    let x8 = ofcolor(I, x7);
    let x9 = colorfilter(x2, ZERO);
    let x10 = rbind(adjacent, x8);
    let x11 = mfilter(x9, x10);
    let x12 = toindices(x11);
    let x13 = rbind(manhattan, x3);
    let x14 = chain(even, x13, initset);
    let x15 = sfilter(x12, x14);
    let x16 = difference(x12, x15);
    let x17 = fill(I, x1, x15);
    let O = fill(x17, x7, x16);
    O
}

#[solver("673ef223")]
fn solve_673ef223(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = ofcolor(I, EIGHT);
    let x3 = replace(I, EIGHT, FOUR);
    let x4 = colorfilter(x1, TWO);
    let x5 = argmin(x1, uppermost);
    let x6 = apply(uppermost, x4);
    let x7 = fork(subtract, maximum, minimum);
    let x8 = x7(x6);
    let x9 = toivec(x8);
    let x10 = leftmost(x5);
    let x11 = equality(x10, ZERO);
    let x12 = branch(x11, LEFT, RIGHT);
    let x13 = rbind(shoot, x12);
    let x14 = mapply(x13, x2);
    let x15 = underfill(x3, EIGHT, x14);
    let x16 = shift(x2, x9);
    let x17 = mapply(hfrontier, x16);
    let O = underfill(x15, EIGHT, x17);
    O
}

#[solver("f5b8619d")]
fn solve_f5b8619d(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = mapply(vfrontier, x2);
    let x4 = underfill(I, EIGHT, x3);
    let x5 = hconcat(x4, x4);
    let O = vconcat(x5, x5);
    O
}

#[solver("f8c80d96")]
fn solve_f8c80d96(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, F);
    let x3 = colorfilter(x2, x1);
    let x4 = argmax(x3, size);
    let x5 = argmin(x2, width);
    let x6 = size(x5);
    let x7 = equality(x6, ONE);
    let x8 = branch(x7, identity, outbox);
    let x9 = chain(outbox, outbox, x8);
    let x10 = power(x9, TWO);
    let x11 = power(x9, THREE);
    let x12 = x9(x4);
    let x13 = x10(x4);
    let x14 = x11(x4);
    let x15 = fill(I, x1, x12);
    let x16 = fill(x15, x1, x13);
    let x17 = fill(x16, x1, x14);
    let O = replace(x17, ZERO, FIVE);
    O
}

#[solver("ecdecbb3")]
fn solve_ecdecbb3(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, TWO);
    let x3 = colorfilter(x1, EIGHT);
    let x4 = product(x2, x3);
    let x5 = fork(gravitate, first, last);
    let x6 = compose(crement, x5);
    let x7 = compose(center, first);
    let x8 = fork(add, x7, x6);
    let x9 = fork(connect, x7, x8);
    let x10 = apply(x9, x4);
    let x11 = lbind(greater, EIGHT);
    let x12 = compose(x11, size);
    let x13 = mfilter(x10, x12);
    let x14 = fill(I, TWO, x13);
    let x15 = apply(x8, x4);
    let x16 = intersection(x13, x15);
    let x17 = mapply(neighbors, x16);
    let O = fill(x14, EIGHT, x17);
    O
}

#[solver("e5062a87")]
fn solve_e5062a87(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = recolor(ZERO, x1);
    let x3 = normalize(x2);
    let x4 = occurrences(I, x2);
    let x5 = lbind(shift, x3);
    let x6 = apply(x5, x4);
    let x7 = astuple(ONE, THREE);
    let x8 = astuple(FIVE, ONE);
    let x9 = astuple(TWO, SIX);
    let x10 = initset(x7);
    let x11 = insert(x8, x10);
    let x12 = insert(x9, x11);
    let x13 = rbind(contained, x12);
    let x14 = chain(flip, x13, ulcorner);
    let x15 = sfilter(x6, x14);
    let x16 = merge(x15);
    let x17 = recolor(TWO, x16);
    let O = paint(I, x17);
    O
}
