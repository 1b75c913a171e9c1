//! Solvers 151–200 in arc-dsl's `solvers.py` order.

use crate::prelude::*;

#[solver("7c008303")]
fn solve_7c008303(I: Grid) -> Grid {
    let x1 = ofcolor(I, THREE);
    let x2 = subgrid(x1, I);
    let x3 = ofcolor(x2, ZERO);
    let x4 = replace(I, THREE, ZERO);
    let x5 = replace(x4, EIGHT, ZERO);
    let x6 = compress(x5);
    let x7 = upscale(x6, THREE);
    let O = fill(x7, ZERO, x3);
    O
}

#[solver("7f4411dc")]
fn solve_7f4411dc(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = rbind(difference, x2);
    let x4 = rbind(greater, TWO);
    let x5 = chain(x4, size, x3);
    let x6 = compose(x5, dneighbors);
    let x7 = sfilter(x2, x6);
    let O = fill(I, ZERO, x7);
    O
}

#[solver("b230c067")]
fn solve_b230c067(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = totuple(x1);
    let x3 = apply(normalize, x2);
    let x4 = leastcommon(x3);
    let x5 = matcher(normalize, x4);
    let x6 = extract(x1, x5);
    let x7 = replace(I, EIGHT, ONE);
    let O = fill(x7, TWO, x6);
    O
}

#[solver("e8593010")]
fn solve_e8593010(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = sizefilter(x1, TWO);
    let x4 = merge(x2);
    let x5 = fill(I, THREE, x4);
    let x6 = merge(x3);
    let x7 = fill(x5, TWO, x6);
    let O = replace(x7, ZERO, ONE);
    O
}

#[solver("6d75e8bb")]
fn solve_6d75e8bb(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = first(x1);
    let x3 = ulcorner(x2);
    let x4 = subgrid(x2, I);
    let x5 = replace(x4, ZERO, TWO);
    let x6 = asobject(x5);
    let x7 = shift(x6, x3);
    let O = paint(I, x7);
    O
}

#[solver("3f7978a0")]
fn solve_3f7978a0(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = matcher(color, FIVE);
    let x3 = extract(x1, x2);
    let x4 = ulcorner(x3);
    let x5 = subtract(x4, DOWN);
    let x6 = shape(x3);
    let x7 = add(x6, TWO_BY_ZERO);
    let O = crop(I, x5, x7);
    O
}

#[solver("1190e5a7")]
fn solve_1190e5a7(I: Grid) -> Grid {
    let x1 = mostcolor(I);
    let x2 = frontiers(I);
    let x3 = sfilter(x2, vline);
    let x4 = difference(x2, x3);
    let x5 = astuple(x4, x3);
    let x6 = apply(size, x5);
    let x7 = increment(x6);
    let O = canvas(x1, x7);
    O
}

#[solver("6e02f1e3")]
fn solve_6e02f1e3(I: Grid) -> Grid {
    let x1 = numcolors(I);
    let x2 = canvas(ZERO, THREE_BY_THREE);
    let x3 = equality(x1, THREE);
    let x4 = equality(x1, TWO);
    let x5 = branch(x3, TWO_BY_ZERO, ORIGIN);
    let x6 = branch(x4, TWO_BY_TWO, ZERO_BY_TWO);
    let x7 = connect(x5, x6);
    let O = fill(x2, FIVE, x7);
    O
}

#[solver("a61f2674")]
fn solve_a61f2674(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = argmax(x1, size);
    let x3 = argmin(x1, size);
    let x4 = replace(I, FIVE, ZERO);
    let x5 = recolor(ONE, x2);
    let x6 = recolor(TWO, x3);
    let x7 = combine(x5, x6);
    let O = paint(x4, x7);
    O
}

#[solver("fcc82909")]
fn solve_fcc82909(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = rbind(add, DOWN);
    let x3 = compose(x2, llcorner);
    let x4 = compose(toivec, numcolors);
    let x5 = fork(add, lrcorner, x4);
    let x6 = fork(astuple, x3, x5);
    let x7 = compose(r#box, x6);
    let x8 = mapply(x7, x1);
    let O = fill(I, THREE, x8);
    O
}

#[solver("72ca375d")]
fn solve_72ca375d(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = totuple(x1);
    let x3 = rbind(subgrid, I);
    let x4 = apply(x3, x2);
    let x5 = apply(vmirror, x4);
    let x6 = papply(equality, x4, x5);
    let x7 = pair(x4, x6);
    let x8 = extract(x7, last);
    let O = first(x8);
    O
}

#[solver("253bf280")]
fn solve_253bf280(I: Grid) -> Grid {
    let x1 = ofcolor(I, EIGHT);
    let x2 = prapply(connect, x1, x1);
    let x3 = rbind(greater, ONE);
    let x4 = compose(x3, size);
    let x5 = sfilter(x2, x4);
    let x6 = fork(either, vline, hline);
    let x7 = mfilter(x5, x6);
    let x8 = fill(I, THREE, x7);
    let O = fill(x8, EIGHT, x1);
    O
}

#[solver("694f12f3")]
fn solve_694f12f3(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, FOUR);
    let x3 = compose(backdrop, inbox);
    let x4 = argmin(x2, size);
    let x5 = argmax(x2, size);
    let x6 = x3(x4);
    let x7 = x3(x5);
    let x8 = fill(I, ONE, x6);
    let O = fill(x8, TWO, x7);
    O
}

#[solver("1f642eb9")]
fn solve_1f642eb9(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = difference(x1, x2);
    let x4 = first(x3);
    let x5 = rbind(gravitate, x4);
    let x6 = compose(crement, x5);
    let x7 = fork(shift, identity, x6);
    let x8 = mapply(x7, x2);
    let O = paint(I, x8);
    O
}

#[solver("31aa019c")]
fn solve_31aa019c(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = first(x2);
    let x4 = neighbors(x3);
    let x5 = astuple(TEN, TEN);
    let x6 = canvas(ZERO, x5);
    let x7 = initset(x3);
    let x8 = fill(x6, x1, x7);
    let O = fill(x8, TWO, x4);
    O
}

#[solver("27a28665")]
fn solve_27a28665(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = valmax(x1, size);
    let x3 = equality(x2, ONE);
    let x4 = equality(x2, FOUR);
    let x5 = equality(x2, FIVE);
    let x6 = branch(x3, TWO, ONE);
    let x7 = branch(x4, THREE, x6);
    let x8 = branch(x5, SIX, x7);
    let O = canvas(x8, UNITY);
    O
}

#[solver("7ddcd7ec")]
fn solve_7ddcd7ec(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = difference(x1, x2);
    let x4 = first(x3);
    let x5 = color(x4);
    let x6 = lbind(position, x4);
    let x7 = fork(shoot, center, x6);
    let x8 = mapply(x7, x2);
    let O = fill(I, x5, x8);
    O
}

#[solver("3bd67248")]
fn solve_3bd67248(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = decrement(x1);
    let x3 = decrement(x2);
    let x4 = astuple(x3, ONE);
    let x5 = astuple(x2, ONE);
    let x6 = shoot(x4, UP_RIGHT);
    let x7 = shoot(x5, RIGHT);
    let x8 = fill(I, TWO, x6);
    let O = fill(x8, FOUR, x7);
    O
}

#[solver("73251a56")]
fn solve_73251a56(I: Grid) -> Grid {
    let x1 = dmirror(I);
    let x2 = papply(pair, I, x1);
    let x3 = lbind(apply, maximum);
    let x4 = apply(x3, x2);
    let x5 = mostcolor(x4);
    let x6 = replace(x4, ZERO, x5);
    let x7 = index(x6, ORIGIN);
    let x8 = shoot(ORIGIN, UNITY);
    let O = fill(x6, x7, x8);
    O
}

#[solver("25d487eb")]
fn solve_25d487eb(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, T);
    let x3 = ofcolor(I, x1);
    let x4 = center(x3);
    let x5 = merge(x2);
    let x6 = center(x5);
    let x7 = subtract(x6, x4);
    let x8 = shoot(x4, x7);
    let O = underfill(I, x1, x8);
    O
}

#[solver("8f2ea7aa")]
fn solve_8f2ea7aa(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = merge(x1);
    let x3 = subgrid(x2, I);
    let x4 = upscale(x3, THREE);
    let x5 = hconcat(x3, x3);
    let x6 = hconcat(x5, x3);
    let x7 = vconcat(x6, x6);
    let x8 = vconcat(x7, x6);
    let O = cellwise(x4, x8, ZERO);
    O
}

#[solver("b8825c91")]
fn solve_b8825c91(I: Grid) -> Grid {
    let x1 = replace(I, FOUR, ZERO);
    let x2 = dmirror(x1);
    let x3 = papply(pair, x1, x2);
    let x4 = lbind(apply, maximum);
    let x5 = apply(x4, x3);
    let x6 = cmirror(x5);
    let x7 = papply(pair, x5, x6);
    let x8 = apply(x4, x7);
    let O = cmirror(x8);
    O
}

#[solver("cce03e0d")]
fn solve_cce03e0d(I: Grid) -> Grid {
    let x1 = upscale(I, THREE);
    let x2 = hconcat(I, I);
    let x3 = hconcat(x2, I);
    let x4 = vconcat(x3, x3);
    let x5 = vconcat(x4, x3);
    let x6 = ofcolor(x1, ZERO);
    let x7 = ofcolor(x1, ONE);
    let x8 = combine(x6, x7);
    let O = fill(x5, ZERO, x8);
    O
}

#[solver("d364b489")]
fn solve_d364b489(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = shift(x1, DOWN);
    let x3 = fill(I, EIGHT, x2);
    let x4 = shift(x1, UP);
    let x5 = fill(x3, TWO, x4);
    let x6 = shift(x1, RIGHT);
    let x7 = fill(x5, SIX, x6);
    let x8 = shift(x1, LEFT);
    let O = fill(x7, SEVEN, x8);
    O
}

#[solver("a5f85a15")]
fn solve_a5f85a15(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = interval(ONE, NINE, ONE);
    let x3 = apply(double, x2);
    let x4 = apply(decrement, x3);
    let x5 = papply(astuple, x4, x4);
    let x6 = apply(ulcorner, x1);
    let x7 = lbind(shift, x5);
    let x8 = mapply(x7, x6);
    let O = fill(I, FOUR, x8);
    O
}

#[solver("3ac3eb23")]
fn solve_3ac3eb23(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = chain(ineighbors, last, first);
    let x3 = fork(recolor, color, x2);
    let x4 = mapply(x3, x1);
    let x5 = paint(I, x4);
    let x6 = vsplit(x5, THREE);
    let x7 = first(x6);
    let x8 = vconcat(x7, x7);
    let O = vconcat(x7, x8);
    O
}

#[solver("444801d8")]
fn solve_444801d8(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, ONE);
    let x3 = rbind(toobject, I);
    let x4 = chain(leastcolor, x3, delta);
    let x5 = rbind(shift, UP);
    let x6 = compose(x5, backdrop);
    let x7 = fork(recolor, x4, x6);
    let x8 = mapply(x7, x2);
    let O = underpaint(I, x8);
    O
}

#[solver("22168020")]
fn solve_22168020(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = remove(ZERO, x1);
    let x3 = lbind(ofcolor, I);
    let x4 = lbind(prapply, connect);
    let x5 = fork(x4, x3, x3);
    let x6 = compose(merge, x5);
    let x7 = fork(recolor, identity, x6);
    let x8 = mapply(x7, x2);
    let O = paint(I, x8);
    O
}

#[solver("6e82a1ae")]
fn solve_6e82a1ae(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = lbind(sizefilter, x1);
    let x3 = compose(merge, x2);
    let x4 = x3(TWO);
    let x5 = x3(THREE);
    let x6 = x3(FOUR);
    let x7 = fill(I, THREE, x4);
    let x8 = fill(x7, TWO, x5);
    let O = fill(x8, ONE, x6);
    O
}

#[solver("b2862040")]
fn solve_b2862040(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, NINE);
    let x3 = colorfilter(x1, ONE);
    let x4 = rbind(bordering, I);
    let x5 = compose(flip, x4);
    let x6 = mfilter(x2, x5);
    let x7 = rbind(adjacent, x6);
    let x8 = mfilter(x3, x7);
    let O = fill(I, EIGHT, x8);
    O
}

#[solver("868de0fa")]
fn solve_868de0fa(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = sfilter(x1, square);
    let x3 = compose(even, height);
    let x4 = sfilter(x2, x3);
    let x5 = difference(x2, x4);
    let x6 = merge(x4);
    let x7 = merge(x5);
    let x8 = fill(I, TWO, x6);
    let O = fill(x8, SEVEN, x7);
    O
}

#[solver("681b3aeb")]
fn solve_681b3aeb(I: Grid) -> Grid {
    let x1 = rot270(I);
    let x2 = objects(x1, T, F, T);
    let x3 = argmax(x2, size);
    let x4 = argmin(x2, size);
    let x5 = color(x4);
    let x6 = canvas(x5, THREE_BY_THREE);
    let x7 = normalize(x3);
    let x8 = paint(x6, x7);
    let O = rot90(x8);
    O
}

#[solver("8e5a5113")]
fn solve_8e5a5113(I: Grid) -> Grid {
    let x1 = crop(I, ORIGIN, THREE_BY_THREE);
    let x2 = rot90(x1);
    let x3 = rot180(x1);
    let x4 = astuple(x2, x3);
    let x5 = astuple(FOUR, EIGHT);
    let x6 = apply(tojvec, x5);
    let x7 = apply(asobject, x4);
    let x8 = mpapply(shift, x7, x6);
    let O = paint(I, x8);
    O
}

#[solver("025d127b")]
fn solve_025d127b(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = apply(color, x1);
    let x3 = merge(x1);
    let x4 = lbind(colorfilter, x1);
    let x5 = rbind(argmax, rightmost);
    let x6 = compose(x5, x4);
    let x7 = mapply(x6, x2);
    let x8 = difference(x3, x7);
    let O = r#move(I, x8, RIGHT);
    O
}

#[solver("2281f1f4")]
fn solve_2281f1f4(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = product(x1, x1);
    let x3 = power(first, TWO);
    let x4 = power(last, TWO);
    let x5 = fork(astuple, x3, x4);
    let x6 = apply(x5, x2);
    let x7 = urcorner(x1);
    let x8 = remove(x7, x6);
    let O = underfill(I, TWO, x8);
    O
}

#[solver("cf98881b")]
fn solve_cf98881b(I: Grid) -> Grid {
    let x1 = hsplit(I, THREE);
    let x2 = first(x1);
    let x3 = remove(x2, x1);
    let x4 = first(x3);
    let x5 = last(x3);
    let x6 = ofcolor(x4, NINE);
    let x7 = ofcolor(x2, FOUR);
    let x8 = fill(x5, NINE, x6);
    let O = fill(x8, FOUR, x7);
    O
}

#[solver("d4f3cd78")]
fn solve_d4f3cd78(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = delta(x1);
    let x3 = fill(I, EIGHT, x2);
    let x4 = r#box(x1);
    let x5 = difference(x4, x1);
    let x6 = position(x4, x5);
    let x7 = first(x5);
    let x8 = shoot(x7, x6);
    let O = fill(x3, EIGHT, x8);
    O
}

#[solver("bda2d7a6")]
fn solve_bda2d7a6(I: Grid) -> Grid {
    let x1 = partition(I);
    let x2 = order(x1, size);
    let x3 = apply(color, x2);
    let x4 = last(x2);
    let x5 = remove(x4, x2);
    let x6 = repeat(x4, ONE);
    let x7 = combine(x6, x5);
    let x8 = mpapply(recolor, x3, x7);
    let O = paint(I, x8);
    O
}

#[solver("137eaa0f")]
fn solve_137eaa0f(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = matcher(first, FIVE);
    let x3 = rbind(sfilter, x2);
    let x4 = chain(invert, center, x3);
    let x5 = fork(shift, identity, x4);
    let x6 = canvas(ZERO, THREE_BY_THREE);
    let x7 = mapply(x5, x1);
    let x8 = shift(x7, UNITY);
    let O = paint(x6, x8);
    O
}

#[solver("6455b5f5")]
fn solve_6455b5f5(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = argmax(x1, size);
    let x4 = valmin(x1, size);
    let x5 = sizefilter(x2, x4);
    let x6 = recolor(ONE, x3);
    let x7 = merge(x5);
    let x8 = paint(I, x6);
    let O = fill(x8, EIGHT, x7);
    O
}

#[solver("b8cdaf2b")]
fn solve_b8cdaf2b(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = shift(x2, UP);
    let x4 = ulcorner(x3);
    let x5 = urcorner(x3);
    let x6 = shoot(x4, NEG_UNITY);
    let x7 = shoot(x5, UP_RIGHT);
    let x8 = combine(x6, x7);
    let O = underfill(I, x1, x8);
    O
}

#[solver("bd4472b8")]
fn solve_bd4472b8(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = astuple(TWO, x1);
    let x3 = crop(I, ORIGIN, x2);
    let x4 = tophalf(x3);
    let x5 = dmirror(x4);
    let x6 = hupscale(x5, x1);
    let x7 = repeat(x6, TWO);
    let x8 = merge(x7);
    let O = vconcat(x3, x8);
    O
}

#[solver("4be741c5")]
fn solve_4be741c5(I: Grid) -> Grid {
    let x1 = portrait(I);
    let x2 = branch(x1, dmirror, identity);
    let x3 = branch(x1, height, width);
    let x4 = x3(I);
    let x5 = astuple(ONE, x4);
    let x6 = x2(I);
    let x7 = crop(x6, ORIGIN, x5);
    let x8 = apply(dedupe, x7);
    let O = x2(x8);
    O
}

#[solver("bbc9ae5d")]
fn solve_bbc9ae5d(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = palette(I);
    let x3 = halve(x1);
    let x4 = vupscale(I, x3);
    let x5 = rbind(shoot, UNITY);
    // Where the reference's `other` has several colours besides 0 to pick from, Python's set order
    // picks; taking the colour the row starts with, when it is one of them, picks the one the task
    // means (issue 22).
    let x10 = remove(ZERO, x2);
    let x11 = index(I, ORIGIN);
    let x12 = initset(x11);
    let x13 = intersection(x10, x12);
    let x14 = size(x10);
    let x15 = greater(x14, ONE);
    let x16 = size(x13);
    let x17 = positive(x16);
    let x18 = both(x15, x17);
    let x19 = branch(x18, x13, x10);
    let x6 = first(x19);
    let x7 = ofcolor(x4, x6);
    let x8 = mapply(x5, x7);
    let O = fill(x4, x6, x8);
    O
}

#[solver("d90796e8")]
fn solve_d90796e8(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = sizefilter(x1, TWO);
    let x3 = lbind(contained, TWO);
    let x4 = compose(x3, palette);
    let x5 = mfilter(x2, x4);
    let x6 = cover(I, x5);
    let x7 = matcher(first, THREE);
    let x8 = sfilter(x5, x7);
    let O = fill(x6, EIGHT, x8);
    O
}

#[solver("2c608aff")]
fn solve_2c608aff(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = objects(I, T, F, T);
    let x3 = argmax(x2, size);
    let x4 = toindices(x3);
    let x5 = ofcolor(I, x1);
    let x6 = prapply(connect, x4, x5);
    let x7 = fork(either, vline, hline);
    let x8 = mfilter(x6, x7);
    let O = underfill(I, x1, x8);
    O
}

#[solver("f8b3ba0a")]
fn solve_f8b3ba0a(I: Grid) -> Grid {
    let x1 = compress(I);
    let x2 = astuple(THREE, ONE);
    let x3 = palette(x1);
    let x4 = lbind(colorcount, x1);
    let x5 = compose(invert, x4);
    let x6 = order(x3, x5);
    let x7 = rbind(canvas, UNITY);
    let x8 = apply(x7, x6);
    let x9 = merge(x8);
    let O = crop(x9, DOWN, x2);
    O
}

#[solver("80af3007")]
fn solve_80af3007(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = first(x1);
    let x3 = subgrid(x2, I);
    let x4 = upscale(x3, THREE);
    let x5 = hconcat(x3, x3);
    let x6 = hconcat(x5, x3);
    let x7 = vconcat(x6, x6);
    let x8 = vconcat(x7, x6);
    let x9 = cellwise(x4, x8, ZERO);
    let O = downscale(x9, THREE);
    O
}

#[solver("83302e8f")]
fn solve_83302e8f(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = sfilter(x2, square);
    let x4 = difference(x2, x3);
    let x5 = merge(x3);
    let x6 = recolor(THREE, x5);
    let x7 = merge(x4);
    let x8 = recolor(FOUR, x7);
    let x9 = paint(I, x6);
    let O = paint(x9, x8);
    O
}

#[solver("1fad071e")]
fn solve_1fad071e(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, ONE);
    let x3 = sizefilter(x2, FOUR);
    let x4 = size(x3);
    let x5 = subtract(FIVE, x4);
    let x6 = astuple(ONE, x4);
    let x7 = canvas(ONE, x6);
    let x8 = astuple(ONE, x5);
    let x9 = canvas(ZERO, x8);
    let O = hconcat(x7, x9);
    O
}
