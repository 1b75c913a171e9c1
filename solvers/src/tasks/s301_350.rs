//! Solvers 301–350 in arc-dsl's `solvers.py` order.

use crate::prelude::*;

#[solver("a8d7556c")]
fn solve_a8d7556c(I: Grid) -> Grid {
    let x1 = initset(ORIGIN);
    let x2 = recolor(ZERO, x1);
    let x3 = upscale(x2, TWO);
    let x4 = occurrences(I, x3);
    let x5 = lbind(shift, x3);
    let x6 = mapply(x5, x4);
    let x7 = fill(I, TWO, x6);
    let x8 = add(SIX, SIX);
    let x9 = astuple(EIGHT, x8);
    let x10 = index(x7, x9);
    let x11 = equality(x10, TWO);
    let x12 = initset(x9);
    let x13 = add(x9, DOWN);
    let x14 = insert(x13, x12);
    let x15 = toobject(x14, x7);
    let x16 = toobject(x14, I);
    let x17 = branch(x11, x16, x15);
    let O = paint(x7, x17);
    O
}

#[solver("4938f0c2")]
fn solve_4938f0c2(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = ofcolor(I, TWO);
    let x3 = vmirror(x2);
    let x4 = height(x2);
    let x5 = width(x2);
    let x6 = toivec(x4);
    let x7 = tojvec(x5);
    let x8 = add(x7, ZERO_BY_TWO);
    let x9 = add(x6, TWO_BY_ZERO);
    let x10 = shift(x3, x8);
    let x11 = fill(I, TWO, x10);
    let x12 = ofcolor(x11, TWO);
    let x13 = hmirror(x12);
    let x14 = shift(x13, x9);
    let x15 = fill(x11, TWO, x14);
    let x16 = size(x1);
    let x17 = greater(x16, FOUR);
    let O = branch(x17, I, x15);
    O
}

#[solver("834ec97d")]
fn solve_834ec97d(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = objects(I, T, F, T);
    let x3 = first(x2);
    let x4 = shift(x3, DOWN);
    let x5 = fill(I, ZERO, x3);
    let x6 = paint(x5, x4);
    let x7 = uppermost(x4);
    let x8 = leftmost(x4);
    let x9 = subtract(x8, TEN);
    let x10 = add(x8, TEN);
    let x11 = interval(x9, x10, TWO);
    let x12 = lbind(greater, x7);
    let x13 = compose(x12, first);
    let x14 = rbind(contained, x11);
    let x15 = compose(x14, last);
    let x16 = sfilter(x1, x13);
    let x17 = sfilter(x16, x15);
    let O = fill(x6, FOUR, x17);
    O
}

#[solver("846bdb03")]
fn solve_846bdb03(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = rbind(colorcount, FOUR);
    let x3 = matcher(x2, ZERO);
    // Two choices of the reference depend on Python's set order where the colours are not ARC's (no
    // 4 in the frame's corners, a background other than 0): which object without 4 is the shape
    // (here: the lowest, as the shape is two rows lower than its frame) and which colour of its left
    // half is not the background (here: leaving the background out too) (issue 22).
    let x20 = sfilter(x1, x3);
    let x21 = size(x20);
    let x22 = greater(x21, ONE);
    let x23 = argmin(x20, height);
    let x24 = first(x20);
    let x4 = branch(x22, x23, x24);
    let x5 = remove(x4, x1);
    let x6 = merge(x5);
    let x7 = subgrid(x6, I);
    let x8 = index(x7, DOWN);
    let x9 = subgrid(x4, I);
    let x10 = lefthalf(x9);
    let x11 = palette(x10);
    let x25 = remove(ZERO, x11);
    let x26 = size(x25);
    let x27 = greater(x26, ONE);
    let x28 = mostcolor(I);
    let x29 = remove(x28, x25);
    let x30 = branch(x27, x29, x25);
    let x12 = first(x30);
    let x13 = equality(x8, x12);
    let x14 = branch(x13, identity, vmirror);
    let x15 = x14(x4);
    let x16 = normalize(x15);
    let x17 = shift(x16, UNITY);
    let O = paint(x7, x17);
    O
}

#[solver("90f3ed37")]
fn solve_90f3ed37(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = order(x1, uppermost);
    let x3 = first(x2);
    let x4 = remove(x3, x2);
    let x5 = normalize(x3);
    let x6 = lbind(shift, x5);
    let x7 = compose(x6, ulcorner);
    let x8 = interval(TWO, NEG_ONE, NEG_ONE);
    let x9 = apply(tojvec, x8);
    let x10 = rbind(apply, x9);
    let x11 = lbind(compose, size);
    let x12 = lbind(lbind, intersection);
    let x13 = compose(x11, x12);
    let x14 = lbind(lbind, shift);
    let x15 = chain(x10, x14, x7);
    let x16 = fork(argmax, x15, x13);
    let x17 = mapply(x16, x4);
    let O = underfill(I, ONE, x17);
    O
}

#[solver("8403a5d5")]
fn solve_8403a5d5(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = objects(I, T, F, T);
    let x3 = first(x2);
    let x4 = color(x3);
    let x5 = leftmost(x3);
    let x6 = interval(x5, TEN, TWO);
    let x7 = rbind(contained, x6);
    let x8 = compose(x7, last);
    let x9 = sfilter(x1, x8);
    let x10 = increment(x5);
    let x11 = add(x5, THREE);
    let x12 = interval(x10, TEN, FOUR);
    let x13 = interval(x11, TEN, FOUR);
    let x14 = lbind(astuple, NINE);
    let x15 = apply(tojvec, x12);
    let x16 = apply(x14, x13);
    let x17 = fill(I, x4, x9);
    let x18 = fill(x17, FIVE, x15);
    let O = fill(x18, FIVE, x16);
    O
}

#[solver("91413438")]
fn solve_91413438(I: Grid) -> Grid {
    let x1 = colorcount(I, ZERO);
    let x2 = subtract(NINE, x1);
    let x3 = multiply(x1, THREE);
    let x4 = multiply(x3, x1);
    let x5 = subtract(x4, THREE);
    let x6 = astuple(THREE, x5);
    let x7 = canvas(ZERO, x6);
    let x8 = hconcat(I, x7);
    let x9 = objects(x8, T, T, T);
    let x10 = first(x9);
    let x11 = lbind(shift, x10);
    let x12 = compose(x11, tojvec);
    let x13 = interval(ZERO, x2, ONE);
    let x14 = rbind(multiply, THREE);
    let x15 = apply(x14, x13);
    let x16 = mapply(x12, x15);
    let x17 = paint(x8, x16);
    let x18 = hsplit(x17, x1);
    let O = merge(x18);
    O
}

#[solver("539a4f51")]
fn solve_539a4f51(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = index(I, ORIGIN);
    let x3 = colorcount(I, ZERO);
    let x4 = decrement(x1);
    let x5 = positive(x3);
    let x6 = branch(x5, x4, x1);
    let x7 = crop(I, ORIGIN, x6);
    let x8 = width(x7);
    let x9 = astuple(ONE, x8);
    let x10 = crop(x7, ORIGIN, x9);
    let x11 = vupscale(x10, x8);
    let x12 = dmirror(x11);
    let x13 = hconcat(x7, x11);
    let x14 = hconcat(x12, x7);
    let x15 = vconcat(x13, x14);
    let x16 = asobject(x15);
    let x17 = multiply(UNITY, TEN);
    let x18 = canvas(x2, x17);
    let O = paint(x18, x16);
    O
}

#[solver("5daaa586")]
fn solve_5daaa586(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = rbind(bordering, I);
    let x4 = compose(flip, x3);
    let x5 = extract(x2, x4);
    let x6 = outbox(x5);
    let x7 = subgrid(x6, I);
    let x8 = fgpartition(x7);
    let x9 = argmax(x8, size);
    let x10 = color(x9);
    let x11 = toindices(x9);
    let x12 = prapply(connect, x11, x11);
    let x13 = mfilter(x12, vline);
    let x14 = mfilter(x12, hline);
    let x15 = size(x13);
    let x16 = size(x14);
    let x17 = greater(x15, x16);
    let x18 = branch(x17, x13, x14);
    let O = fill(x7, x10, x18);
    O
}

#[solver("3bdb4ada")]
fn solve_3bdb4ada(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = totuple(x1);
    let x3 = compose(increment, ulcorner);
    let x4 = compose(decrement, lrcorner);
    let x5 = apply(x3, x2);
    let x6 = apply(x4, x2);
    let x7 = papply(connect, x5, x6);
    let x8 = apply(last, x5);
    let x9 = compose(last, first);
    let x10 = power(last, TWO);
    let x11 = fork(subtract, x9, x10);
    let x12 = compose(even, x11);
    let x13 = lbind(rbind, astuple);
    let x14 = lbind(compose, x12);
    let x15 = compose(x14, x13);
    let x16 = fork(sfilter, first, x15);
    let x17 = pair(x7, x8);
    let x18 = mapply(x16, x17);
    let O = fill(I, ZERO, x18);
    O
}

#[solver("ec883f72")]
fn solve_ec883f72(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = objects(I, T, T, T);
    let x3 = fork(multiply, height, width);
    let x4 = argmax(x2, x3);
    let x5 = color(x4);
    // Where the reference's `other` has two colours to pick from (the task's background, when it is
    // not 0, and its inner colour), Python's set order picks; leaving the background out picks the
    // one the task means (issue 22). Only there: where the background ties with another colour for
    // the most common, the background is itself a set-order pick (the reference makes both picks in
    // one order), and where more colours are left the input is not the task's; the port then keeps
    // the reference's steps in canonical order.
    let x6 = remove(ZERO, x1);
    let x19 = remove(x5, x6);
    let x20 = size(x19);
    let x21 = equality(x20, TWO);
    let x22 = mostcolor(I);
    let x25 = colorcount(I, x22);
    let x26 = lbind(colorcount, I);
    let x27 = matcher(x26, x25);
    let x28 = sfilter(x1, x27);
    let x29 = size(x28);
    let x30 = equality(x29, ONE);
    let x31 = both(x21, x30);
    let x23 = remove(x22, x19);
    let x24 = branch(x31, x23, x19);
    let x7 = first(x24);
    let x8 = lrcorner(x4);
    let x9 = llcorner(x4);
    let x10 = urcorner(x4);
    let x11 = ulcorner(x4);
    let x12 = shoot(x8, UNITY);
    let x13 = shoot(x9, DOWN_LEFT);
    let x14 = shoot(x10, UP_RIGHT);
    let x15 = shoot(x11, NEG_UNITY);
    let x16 = combine(x12, x13);
    let x17 = combine(x14, x15);
    let x18 = combine(x16, x17);
    let O = underfill(I, x7, x18);
    O
}

#[solver("2bee17df")]
fn solve_2bee17df(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = rot90(I);
    let x3 = subtract(x1, TWO);
    let x4 = interval(ZERO, x1, ONE);
    let x5 = rbind(colorcount, ZERO);
    let x6 = matcher(x5, x3);
    let x7 = rbind(vsplit, x1);
    let x8 = lbind(apply, x6);
    let x9 = compose(x8, x7);
    let x10 = x9(I);
    let x11 = pair(x4, x10);
    let x12 = sfilter(x11, last);
    let x13 = mapply(hfrontier, x12);
    let x14 = x9(x2);
    let x15 = pair(x14, x4);
    let x16 = sfilter(x15, first);
    let x17 = mapply(vfrontier, x16);
    let x18 = astuple(x13, x17);
    let x19 = merge(x18);
    let O = underfill(I, THREE, x19);
    O
}

#[solver("e8dc4411")]
fn solve_e8dc4411(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, ZERO);
    let x3 = ofcolor(I, x1);
    let x4 = position(x2, x3);
    let x5 = fork(connect, ulcorner, lrcorner);
    let x6 = x5(x2);
    let x7 = intersection(x2, x6);
    let x8 = equality(x6, x7);
    let x9 = fork(subtract, identity, crement);
    let x10 = fork(add, identity, x9);
    let x11 = branch(x8, identity, x10);
    let x12 = shape(x2);
    let x13 = multiply(x12, x4);
    let x14 = apply(x11, x13);
    let x15 = interval(ONE, FIVE, ONE);
    let x16 = lbind(multiply, x14);
    let x17 = apply(x16, x15);
    let x18 = lbind(shift, x2);
    let x19 = mapply(x18, x17);
    let O = fill(I, x1, x19);
    O
}

// The reference ranks the mirrored copies by the overlap set itself (`argmax(x9, x5)`), which
// compares frozensets by inclusion and picks the wrong shift on train 0 and test 0; ranking by the
// overlap's size (as its second step does) solves every pair.
#[solver("e40b9e2f")]
fn solve_e40b9e2f(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = neighbors(ORIGIN);
    let x3 = mapply(neighbors, x2);
    let x4 = first(x1);
    let x5 = lbind(intersection, x4);
    let x14 = compose(size, x5);
    let x6 = compose(hmirror, vmirror);
    let x7 = x6(x4);
    let x8 = lbind(shift, x7);
    let x9 = apply(x8, x3);
    let x10 = argmax(x9, x14);
    let x11 = paint(I, x10);
    let x12 = objects(x11, F, T, T);
    let x13 = first(x12);
    let x15 = compose(vmirror, dmirror);
    let x16 = x15(x13);
    let x17 = lbind(shift, x16);
    let x18 = apply(x17, x3);
    let x19 = argmax(x18, x14);
    let O = paint(x11, x19);
    O
}

#[solver("29623171")]
fn solve_29623171(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = interval(ZERO, NINE, FOUR);
    let x3 = product(x2, x2);
    let x4 = rbind(add, THREE);
    let x5 = rbind(interval, ONE);
    let x6 = fork(x5, identity, x4);
    let x7 = compose(x6, first);
    let x8 = compose(x6, last);
    let x9 = fork(product, x7, x8);
    let x10 = rbind(colorcount, x1);
    let x11 = rbind(toobject, I);
    let x12 = compose(x10, x11);
    let x13 = apply(x9, x3);
    let x14 = valmax(x13, x12);
    let x15 = matcher(x12, x14);
    let x16 = compose(flip, x15);
    let x17 = mfilter(x13, x15);
    let x18 = mfilter(x13, x16);
    let x19 = fill(I, x1, x17);
    let O = fill(x19, ZERO, x18);
    O
}

#[solver("a2fd1cf0")]
fn solve_a2fd1cf0(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, THREE);
    let x3 = uppermost(x1);
    let x4 = leftmost(x1);
    let x5 = uppermost(x2);
    let x6 = leftmost(x2);
    let x7 = astuple(x3, x5);
    let x8 = minimum(x7);
    let x9 = maximum(x7);
    let x10 = astuple(x8, x6);
    let x11 = astuple(x9, x6);
    let x12 = connect(x10, x11);
    let x13 = astuple(x4, x6);
    let x14 = minimum(x13);
    let x15 = maximum(x13);
    let x16 = astuple(x3, x14);
    let x17 = astuple(x3, x15);
    let x18 = connect(x16, x17);
    let x19 = combine(x12, x18);
    let O = underfill(I, EIGHT, x19);
    O
}

#[solver("b0c4d837")]
fn solve_b0c4d837(I: Grid) -> Grid {
    let x1 = ofcolor(I, FIVE);
    let x2 = ofcolor(I, EIGHT);
    let x3 = height(x1);
    let x4 = decrement(x3);
    let x5 = height(x2);
    let x6 = subtract(x4, x5);
    let x7 = astuple(ONE, x6);
    let x8 = canvas(EIGHT, x7);
    let x9 = subtract(SIX, x6);
    let x10 = astuple(ONE, x9);
    let x11 = canvas(ZERO, x10);
    let x12 = hconcat(x8, x11);
    let x13 = hsplit(x12, TWO);
    let x14 = first(x13);
    let x15 = last(x13);
    let x16 = vmirror(x15);
    let x17 = vconcat(x14, x16);
    let x18 = astuple(ONE, THREE);
    let x19 = canvas(ZERO, x18);
    let O = vconcat(x17, x19);
    O
}

#[solver("8731374e")]
fn solve_8731374e(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = argmax(x1, size);
    let x3 = subgrid(x2, I);
    let x4 = height(x3);
    let x5 = width(x3);
    let x6 = vsplit(x3, x4);
    let x7 = lbind(greater, FOUR);
    let x8 = compose(x7, numcolors);
    let x9 = sfilter(x6, x8);
    let x10 = merge(x9);
    let x11 = rot90(x10);
    let x12 = vsplit(x11, x5);
    let x13 = sfilter(x12, x8);
    let x14 = merge(x13);
    let x15 = rot270(x14);
    let x16 = leastcolor(x15);
    let x17 = ofcolor(x15, x16);
    let x18 = fork(combine, vfrontier, hfrontier);
    let x19 = mapply(x18, x17);
    let O = fill(x15, x16, x19);
    O
}

#[solver("272f95fa")]
fn solve_272f95fa(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = apply(toindices, x2);
    let x4 = rbind(bordering, I);
    let x5 = compose(flip, x4);
    let x6 = extract(x3, x5);
    let x7 = remove(x6, x3);
    let x8 = lbind(vmatching, x6);
    let x9 = lbind(hmatching, x6);
    let x10 = sfilter(x7, x8);
    let x11 = sfilter(x7, x9);
    let x12 = argmin(x10, uppermost);
    let x13 = argmax(x10, uppermost);
    let x14 = argmin(x11, leftmost);
    let x15 = argmax(x11, leftmost);
    let x16 = fill(I, SIX, x6);
    let x17 = fill(x16, TWO, x12);
    let x18 = fill(x17, ONE, x13);
    let x19 = fill(x18, FOUR, x14);
    let O = fill(x19, THREE, x15);
    O
}

#[solver("db93a21d")]
fn solve_db93a21d(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = ofcolor(I, NINE);
    let x3 = colorfilter(x1, NINE);
    let x4 = rbind(shoot, DOWN);
    let x5 = mapply(x4, x2);
    let x6 = underfill(I, ONE, x5);
    let x7 = compose(halve, width);
    let x8 = rbind(greater, ONE);
    let x9 = compose(x8, x7);
    let x10 = matcher(x7, THREE);
    let x11 = power(outbox, TWO);
    let x12 = power(outbox, THREE);
    let x13 = mapply(outbox, x3);
    let x14 = sfilter(x3, x9);
    let x15 = sfilter(x3, x10);
    let x16 = mapply(x11, x14);
    let x17 = mapply(x12, x15);
    let x18 = fill(x6, THREE, x13);
    let x19 = fill(x18, THREE, x16);
    let O = fill(x19, THREE, x17);
    O
}

#[solver("53b68214")]
fn solve_53b68214(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = objects(I, T, T, T);
    let x3 = first(x2);
    let x4 = vperiod(x3);
    let x5 = toivec(x4);
    let x6 = interval(ZERO, NINE, ONE);
    let x7 = lbind(multiply, x5);
    let x8 = apply(x7, x6);
    let x9 = lbind(shift, x3);
    let x10 = mapply(x9, x8);
    let x11 = astuple(x1, x1);
    let x12 = portrait(x3);
    let x13 = shape(x3);
    let x14 = add(DOWN, x13);
    let x15 = decrement(x14);
    let x16 = shift(x3, x15);
    let x17 = branch(x12, x10, x16);
    let x18 = canvas(ZERO, x11);
    let x19 = paint(x18, x3);
    let O = paint(x19, x17);
    O
}

#[solver("d6ad076f")]
fn solve_d6ad076f(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = argmin(x1, size);
    let x3 = argmax(x1, size);
    let x4 = vmatching(x2, x3);
    let x5 = branch(x4, DOWN, RIGHT);
    let x6 = branch(x4, uppermost, leftmost);
    let x7 = valmax(x1, x6);
    let x8 = x6(x2);
    let x9 = equality(x7, x8);
    let x10 = branch(x9, NEG_ONE, ONE);
    let x11 = multiply(x5, x10);
    let x12 = inbox(x2);
    let x13 = rbind(shoot, x11);
    let x14 = mapply(x13, x12);
    let x15 = underfill(I, EIGHT, x14);
    let x16 = objects(x15, T, F, T);
    let x17 = colorfilter(x16, EIGHT);
    let x18 = rbind(bordering, I);
    let x19 = mfilter(x17, x18);
    let O = cover(x15, x19);
    O
}

#[solver("6cdd2623")]
fn solve_6cdd2623(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = prapply(connect, x2, x2);
    let x4 = fgpartition(I);
    let x5 = merge(x4);
    let x6 = cover(I, x5);
    let x7 = fork(either, hline, vline);
    let x8 = r#box(x5);
    let x9 = rbind(difference, x8);
    let x10 = chain(positive, size, x9);
    let x11 = fork(both, x7, x10);
    let x12 = mfilter(x3, x11);
    let O = fill(x6, x1, x12);
    O
}

#[solver("a3df8b1e")]
fn solve_a3df8b1e(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = ofcolor(I, ONE);
    let x3 = first(x2);
    let x4 = shoot(x3, UP_RIGHT);
    let x5 = fill(I, ONE, x4);
    let x6 = ofcolor(x5, ONE);
    let x7 = urcorner(x6);
    let x8 = shoot(x7, NEG_UNITY);
    let x9 = fill(x5, ONE, x8);
    let x10 = objects(x9, T, T, T);
    let x11 = first(x10);
    let x12 = subgrid(x11, x9);
    let x13 = shape(x12);
    let x14 = subtract(x13, DOWN);
    let x15 = crop(x12, DOWN, x14);
    let x16 = vconcat(x15, x15);
    let x17 = vconcat(x16, x16);
    let x18 = vconcat(x17, x17);
    let x19 = hmirror(x18);
    let x20 = crop(x19, ORIGIN, x1);
    let O = hmirror(x20);
    O
}

#[solver("8d510a79")]
fn solve_8d510a79(I: Grid) -> Grid {
    let x1 = ofcolor(I, ONE);
    let x2 = ofcolor(I, TWO);
    let x3 = ofcolor(I, FIVE);
    let x4 = uppermost(x3);
    let x5 = chain(toivec, decrement, double);
    let x6 = lbind(greater, x4);
    let x7 = compose(x6, first);
    let x8 = chain(invert, x5, x7);
    let x9 = fork(shoot, identity, x8);
    let x10 = compose(x5, x7);
    let x11 = fork(shoot, identity, x10);
    let x12 = lbind(matcher, x7);
    let x13 = compose(x12, x7);
    let x14 = fork(sfilter, x11, x13);
    let x15 = mapply(x9, x1);
    let x16 = mapply(x14, x2);
    let x17 = underfill(I, TWO, x16);
    let O = fill(x17, ONE, x15);
    O
}

#[solver("cdecee7f")]
fn solve_cdecee7f(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = astuple(ONE, THREE);
    let x3 = size(x1);
    let x4 = order(x1, leftmost);
    let x5 = apply(color, x4);
    let x6 = rbind(canvas, UNITY);
    let x7 = apply(x6, x5);
    let x8 = merge(x7);
    let x9 = dmirror(x8);
    let x10 = subtract(NINE, x3);
    let x11 = astuple(ONE, x10);
    let x12 = canvas(ZERO, x11);
    let x13 = hconcat(x9, x12);
    let x14 = hsplit(x13, THREE);
    let x15 = merge(x14);
    let x16 = crop(x15, ORIGIN, x2);
    let x17 = crop(x15, DOWN, x2);
    let x18 = crop(x15, TWO_BY_ZERO, x2);
    let x19 = vmirror(x17);
    let x20 = vconcat(x16, x19);
    let O = vconcat(x20, x18);
    O
}

#[solver("3345333e")]
fn solve_3345333e(I: Grid) -> Grid {
    let x1 = leastcolor(I);
    let x2 = ofcolor(I, x1);
    let x3 = cover(I, x2);
    let x4 = leastcolor(x3);
    let x5 = ofcolor(x3, x4);
    let x6 = neighbors(ORIGIN);
    let x7 = mapply(neighbors, x6);
    let x8 = vmirror(x5);
    let x9 = lbind(shift, x8);
    let x10 = apply(x9, x7);
    let x11 = rbind(intersection, x5);
    let x12 = compose(size, x11);
    let x13 = argmax(x10, x12);
    let O = fill(x3, x4, x13);
    O
}

#[solver("b190f7f5")]
fn solve_b190f7f5(I: Grid) -> Grid {
    let x1 = portrait(I);
    let x2 = branch(x1, vsplit, hsplit);
    let x3 = x2(I, TWO);
    let x4 = argmin(x3, numcolors);
    let x5 = argmax(x3, numcolors);
    let x6 = width(x5);
    let x7 = rbind(repeat, x6);
    let x8 = chain(dmirror, merge, x7);
    let x9 = upscale(x5, x6);
    let x10 = x8(x4);
    let x11 = x8(x10);
    let x12 = ofcolor(x11, ZERO);
    let O = fill(x9, ZERO, x12);
    O
}

#[solver("caa06a1f")]
fn solve_caa06a1f(I: Grid) -> Grid {
    let x1 = asobject(I);
    let x2 = shape(I);
    let x3 = decrement(x2);
    let x4 = index(I, x3);
    let x5 = double(x2);
    let x6 = canvas(x4, x5);
    let x7 = paint(x6, x1);
    let x8 = objects(x7, F, F, T);
    let x9 = first(x8);
    let x10 = shift(x9, LEFT);
    let x11 = vperiod(x10);
    let x12 = hperiod(x10);
    let x13 = neighbors(ORIGIN);
    let x14 = lbind(mapply, neighbors);
    let x15 = power(x14, TWO);
    let x16 = x15(x13);
    let x17 = astuple(x11, x12);
    let x18 = lbind(multiply, x17);
    let x19 = apply(x18, x16);
    let x20 = lbind(shift, x10);
    let x21 = mapply(x20, x19);
    let O = paint(I, x21);
    O
}

#[solver("e21d9049")]
fn solve_e21d9049(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = leastcolor(I);
    let x3 = objects(I, T, F, T);
    let x4 = ofcolor(I, x2);
    let x5 = merge(x3);
    let x6 = shape(x5);
    let x7 = neighbors(ORIGIN);
    let x8 = lbind(mapply, neighbors);
    let x9 = power(x8, TWO);
    let x10 = x9(x7);
    let x11 = lbind(multiply, x6);
    let x12 = lbind(shift, x5);
    let x13 = apply(x11, x10);
    let x14 = mapply(x12, x13);
    let x15 = lbind(hmatching, x4);
    let x16 = lbind(vmatching, x4);
    let x17 = fork(either, x15, x16);
    let x18 = compose(x17, initset);
    let x19 = paint(I, x14);
    let x20 = sfilter(x1, x18);
    let x21 = difference(x1, x20);
    let O = cover(x19, x21);
    O
}

#[solver("d89b689b")]
fn solve_d89b689b(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = ofcolor(I, EIGHT);
    let x3 = sizefilter(x1, ONE);
    let x4 = apply(initset, x2);
    let x5 = lbind(argmin, x4);
    let x6 = lbind(rbind, manhattan);
    let x7 = compose(x5, x6);
    let x8 = fork(recolor, color, x7);
    let x9 = mapply(x8, x3);
    let x10 = merge(x3);
    let x11 = cover(I, x10);
    let O = paint(x11, x9);
    O
}

#[solver("746b3537")]
fn solve_746b3537(I: Grid) -> Grid {
    let x1 = chain(size, dedupe, first);
    let x2 = x1(I);
    let x3 = equality(x2, ONE);
    let x4 = branch(x3, dmirror, identity);
    let x5 = x4(I);
    let x6 = objects(x5, T, F, F);
    let x7 = order(x6, leftmost);
    let x8 = apply(color, x7);
    let x9 = repeat(x8, ONE);
    let O = x4(x9);
    O
}

#[solver("63613498")]
fn solve_63613498(I: Grid) -> Grid {
    let x1 = crop(I, ORIGIN, THREE_BY_THREE);
    let x2 = ofcolor(x1, ZERO);
    let x3 = asindices(x1);
    let x4 = difference(x3, x2);
    let x5 = normalize(x4);
    let x6 = objects(I, T, F, T);
    let x7 = compose(toindices, normalize);
    let x8 = matcher(x7, x5);
    let x9 = mfilter(x6, x8);
    let x10 = fill(I, FIVE, x9);
    let x11 = asobject(x1);
    let O = paint(x10, x11);
    O
}

#[solver("06df4c85")]
fn solve_06df4c85(I: Grid) -> Grid {
    let x1 = partition(I);
    let x2 = mostcolor(I);
    let x3 = ofcolor(I, x2);
    let x4 = colorfilter(x1, ZERO);
    let x5 = argmax(x1, size);
    let x6 = difference(x1, x4);
    let x7 = remove(x5, x6);
    let x8 = merge(x7);
    let x9 = product(x8, x8);
    let x10 = power(first, TWO);
    let x11 = compose(first, last);
    let x12 = fork(equality, x10, x11);
    let x13 = sfilter(x9, x12);
    let x14 = compose(last, first);
    let x15 = power(last, TWO);
    let x16 = fork(connect, x14, x15);
    let x17 = fork(recolor, color, x16);
    let x18 = apply(x17, x13);
    let x19 = fork(either, vline, hline);
    let x20 = mfilter(x18, x19);
    let x21 = paint(I, x20);
    let O = fill(x21, x2, x3);
    O
}

#[solver("f9012d9b")]
fn solve_f9012d9b(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = ofcolor(I, ZERO);
    let x3 = lbind(contained, ZERO);
    let x4 = chain(flip, x3, palette);
    let x5 = mfilter(x1, x4);
    let x6 = vsplit(I, TWO);
    let x7 = hsplit(I, TWO);
    let x8 = extract(x6, x4);
    let x9 = extract(x7, x4);
    let x10 = asobject(x8);
    let x11 = asobject(x9);
    let x12 = vperiod(x10);
    let x13 = hperiod(x11);
    let x14 = neighbors(ORIGIN);
    let x15 = mapply(neighbors, x14);
    let x16 = astuple(x12, x13);
    let x17 = rbind(multiply, x16);
    let x18 = apply(x17, x15);
    let x19 = lbind(shift, x5);
    let x20 = mapply(x19, x18);
    let x21 = paint(I, x20);
    let O = subgrid(x2, x21);
    O
}

#[solver("4522001f")]
fn solve_4522001f(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = first(x1);
    let x3 = toindices(x2);
    let x4 = contained(ZERO_BY_TWO, x3);
    let x5 = contained(TWO_BY_TWO, x3);
    let x6 = contained(TWO_BY_ZERO, x3);
    let x7 = astuple(NINE, NINE);
    let x8 = canvas(ZERO, x7);
    let x9 = astuple(THREE, ORIGIN);
    let x10 = initset(x9);
    let x11 = upscale(x10, TWO);
    let x12 = upscale(x11, TWO);
    let x13 = shape(x12);
    let x14 = shift(x12, x13);
    let x15 = combine(x12, x14);
    let x16 = paint(x8, x15);
    let x17 = rot90(x16);
    let x18 = rot180(x16);
    let x19 = rot270(x16);
    let x20 = branch(x4, x17, x16);
    let x21 = branch(x5, x18, x20);
    let O = branch(x6, x19, x21);
    O
}

#[solver("a48eeaf7")]
fn solve_a48eeaf7(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = outbox(x1);
    let x3 = apply(initset, x2);
    let x4 = ofcolor(I, FIVE);
    let x5 = lbind(argmin, x3);
    let x6 = lbind(lbind, manhattan);
    let x7 = compose(x6, initset);
    let x8 = compose(x5, x7);
    let x9 = mapply(x8, x4);
    let x10 = cover(I, x4);
    let O = fill(x10, FIVE, x9);
    O
}

#[solver("eb5a1d5d")]
fn solve_eb5a1d5d(I: Grid) -> Grid {
    let x1 = compose(dmirror, dedupe);
    let x2 = x1(I);
    let x3 = x1(x2);
    let x4 = fork(remove, last, identity);
    let x5 = compose(hmirror, x4);
    let x6 = fork(vconcat, identity, x5);
    let x7 = x6(x3);
    let x8 = dmirror(x7);
    let O = x6(x8);
    O
}

#[solver("e179c5f4")]
fn solve_e179c5f4(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = ofcolor(I, ONE);
    let x3 = first(x2);
    let x4 = shoot(x3, UP_RIGHT);
    let x5 = fill(I, ONE, x4);
    let x6 = ofcolor(x5, ONE);
    let x7 = urcorner(x6);
    let x8 = shoot(x7, NEG_UNITY);
    let x9 = fill(x5, ONE, x8);
    let x10 = ofcolor(x9, ONE);
    let x11 = subgrid(x10, x9);
    let x12 = height(x11);
    let x13 = width(x11);
    let x14 = decrement(x12);
    let x15 = astuple(x14, x13);
    let x16 = ulcorner(x10);
    let x17 = crop(x9, x16, x15);
    let x18 = repeat(x17, NINE);
    let x19 = merge(x18);
    let x20 = astuple(x1, x13);
    let x21 = crop(x19, ORIGIN, x20);
    let x22 = hmirror(x21);
    let O = replace(x22, ZERO, EIGHT);
    O
}

// Two objects can fit a hole (train 1: colour 6 and colour 7); the reference's `extract` took the
// right one only by Python's set iteration order. The one that moves is alone in its colour, so when
// several objects fit, only such objects are candidates here; when one fits, it is taken as the
// reference takes it (issue 22: restricting always failed where the one fit shares its colour).
#[solver("228f6490")]
fn solve_228f6490(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = colorfilter(x1, ZERO);
    let x3 = rbind(bordering, I);
    let x4 = compose(flip, x3);
    let x5 = sfilter(x2, x4);
    let x6 = first(x5);
    let x7 = last(x5);
    let x8 = difference(x1, x2);
    let y1 = lbind(colorcount, I);
    let y2 = compose(y1, color);
    let y3 = fork(equality, size, y2);
    let y4 = sfilter(x8, y3);
    let x9 = compose(normalize, toindices);
    let x10 = x9(x6);
    let x11 = x9(x7);
    let x12 = matcher(x9, x10);
    let x13 = matcher(x9, x11);
    let z1 = sfilter(x8, x12);
    let z2 = sfilter(y4, x12);
    let z3 = size(z1);
    let z4 = greater(z3, ONE);
    let z5 = size(z2);
    let z6 = positive(z5);
    let z7 = both(z4, z6);
    let z8 = branch(z7, z2, z1);
    let x14 = first(z8);
    let w1 = sfilter(x8, x13);
    let w2 = sfilter(y4, x13);
    let w3 = size(w1);
    let w4 = greater(w3, ONE);
    let w5 = size(w2);
    let w6 = positive(w5);
    let w7 = both(w4, w6);
    let w8 = branch(w7, w2, w1);
    let x15 = first(w8);
    let x16 = ulcorner(x6);
    let x17 = ulcorner(x7);
    let x18 = ulcorner(x14);
    let x19 = ulcorner(x15);
    let x20 = subtract(x16, x18);
    let x21 = subtract(x17, x19);
    let x22 = r#move(I, x14, x20);
    let O = r#move(x22, x15, x21);
    O
}

#[solver("995c5fa3")]
fn solve_995c5fa3(I: Grid) -> Grid {
    let x1 = hsplit(I, THREE);
    let x2 = astuple(TWO, ONE);
    let x3 = rbind(ofcolor, ZERO);
    let x4 = compose(ulcorner, x3);
    let x5 = compose(size, x3);
    let x6 = matcher(x5, ZERO);
    let x7 = matcher(x4, UNITY);
    let x8 = matcher(x4, DOWN);
    let x9 = matcher(x4, x2);
    let x10 = rbind(multiply, THREE);
    let x11 = power(double, TWO);
    let x12 = compose(double, x6);
    let x13 = chain(x11, double, x7);
    let x14 = compose(x10, x8);
    let x15 = compose(x11, x9);
    let x16 = fork(add, x12, x13);
    let x17 = fork(add, x14, x15);
    let x18 = fork(add, x16, x17);
    let x19 = rbind(canvas, UNITY);
    let x20 = compose(x19, x18);
    let x21 = apply(x20, x1);
    let x22 = merge(x21);
    let O = hupscale(x22, THREE);
    O
}

#[solver("d06dbe63")]
fn solve_d06dbe63(I: Grid) -> Grid {
    let x1 = ofcolor(I, EIGHT);
    let x2 = center(x1);
    let x3 = connect(ORIGIN, DOWN);
    let x4 = connect(ORIGIN, ZERO_BY_TWO);
    let x5 = combine(x3, x4);
    let x6 = subtract(x2, TWO_BY_ZERO);
    let x7 = shift(x5, x6);
    let x8 = astuple(NEG_TWO, TWO);
    let x9 = interval(ZERO, FIVE, ONE);
    let x10 = lbind(multiply, x8);
    let x11 = apply(x10, x9);
    let x12 = lbind(shift, x7);
    let x13 = mapply(x12, x11);
    let x14 = fill(I, FIVE, x13);
    let x15 = rot180(x14);
    let x16 = ofcolor(x15, EIGHT);
    let x17 = center(x16);
    let x18 = subtract(x17, x6);
    let x19 = shift(x13, x18);
    let x20 = toivec(NEG_TWO);
    let x21 = shift(x19, x20);
    let x22 = fill(x15, FIVE, x21);
    let O = rot180(x22);
    O
}

#[solver("36fdfd69")]
fn solve_36fdfd69(I: Grid) -> Grid {
    let x1 = upscale(I, TWO);
    let x2 = objects(x1, T, T, T);
    let x3 = colorfilter(x2, TWO);
    let x4 = fork(manhattan, first, last);
    let x5 = lbind(greater, FIVE);
    let x6 = compose(x5, x4);
    let x7 = product(x3, x3);
    let x8 = sfilter(x7, x6);
    let x9 = apply(merge, x8);
    let x10 = mapply(delta, x9);
    let x11 = fill(x1, FOUR, x10);
    let x12 = merge(x3);
    let x13 = paint(x11, x12);
    let O = downscale(x13, TWO);
    O
}

#[solver("0a938d79")]
fn solve_0a938d79(I: Grid) -> Grid {
    let x1 = portrait(I);
    let x2 = branch(x1, dmirror, identity);
    let x3 = x2(I);
    let x4 = fgpartition(x3);
    let x5 = merge(x4);
    let x6 = chain(double, decrement, width);
    let x7 = x6(x5);
    let x8 = compose(vfrontier, tojvec);
    let x9 = lbind(mapply, x8);
    let x10 = rbind(interval, x7);
    let x11 = width(x3);
    let x12 = rbind(x10, x11);
    let x13 = chain(x9, x12, leftmost);
    let x14 = fork(recolor, color, x13);
    let x15 = mapply(x14, x4);
    let x16 = paint(x3, x15);
    let O = x2(x16);
    O
}

#[solver("045e512c")]
fn solve_045e512c(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = argmax(x1, size);
    let x3 = remove(x2, x1);
    let x4 = lbind(shift, x2);
    let x5 = lbind(mapply, x4);
    let x6 = double(TEN);
    let x7 = interval(FOUR, x6, FOUR);
    let x8 = rbind(apply, x7);
    let x9 = lbind(position, x2);
    let x10 = lbind(rbind, multiply);
    let x11 = chain(x8, x10, x9);
    let x12 = compose(x5, x11);
    let x13 = fork(recolor, color, x12);
    let x14 = mapply(x13, x3);
    let O = paint(I, x14);
    O
}

#[solver("82819916")]
fn solve_82819916(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmax(x1, size);
    let x3 = remove(x2, x1);
    let x4 = normalize(x2);
    let x5 = compose(last, last);
    let x6 = rbind(argmin, x5);
    let x7 = compose(first, x6);
    let x8 = fork(other, palette, x7);
    let x9 = x7(x4);
    let x10 = matcher(first, x9);
    let x11 = sfilter(x4, x10);
    let x12 = difference(x4, x11);
    let x13 = compose(toivec, uppermost);
    let x14 = lbind(shift, x11);
    let x15 = lbind(shift, x12);
    let x16 = compose(x14, x13);
    let x17 = compose(x15, x13);
    let x18 = fork(recolor, x7, x16);
    let x19 = fork(recolor, x8, x17);
    let x20 = fork(combine, x18, x19);
    let x21 = mapply(x20, x3);
    let O = paint(I, x21);
    O
}

#[solver("99fa7670")]
fn solve_99fa7670(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = objects(I, T, F, T);
    let x3 = rbind(shoot, RIGHT);
    let x4 = compose(x3, center);
    let x5 = fork(recolor, color, x4);
    let x6 = mapply(x5, x2);
    let x7 = paint(I, x6);
    let x8 = add(x1, DOWN_LEFT);
    let x9 = initset(x8);
    let x10 = recolor(ZERO, x9);
    let x11 = objects(x7, T, F, T);
    let x12 = insert(x10, x11);
    let x13 = order(x12, uppermost);
    let x14 = first(x13);
    let x15 = remove(x10, x13);
    let x16 = remove(x14, x13);
    let x17 = compose(lrcorner, first);
    let x18 = compose(lrcorner, last);
    let x19 = fork(connect, x17, x18);
    let x20 = compose(color, first);
    let x21 = fork(recolor, x20, x19);
    let x22 = pair(x15, x16);
    let x23 = mapply(x21, x22);
    let O = underpaint(x7, x23);
    O
}

#[solver("72322fa7")]
fn solve_72322fa7(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = matcher(numcolors, ONE);
    let x3 = sfilter(x1, x2);
    let x4 = difference(x1, x3);
    let x5 = lbind(matcher, first);
    // A template's part in its most common colour is placed at its occurrences without an offset,
    // so the task needs it to hold the template's top-left corner. Where the colours tie (two-cell
    // templates), Python's set order picks; the colour at the top-left corner wins the tie: the pair
    // (corner colour, most common colour) by count, ties to the first (issue 22).
    let x24 = lbind(index, I);
    let x25 = compose(x24, ulcorner);
    let x26 = fork(astuple, x25, mostcolor);
    let x27 = lbind(lbind, colorcount);
    let x28 = fork(argmax, x26, x27);
    let x6 = compose(x5, x28);
    let x7 = fork(sfilter, identity, x6);
    let x8 = fork(difference, identity, x7);
    let x9 = lbind(occurrences, I);
    let x10 = compose(x9, x7);
    let x11 = compose(x9, x8);
    let x12 = compose(ulcorner, x8);
    let x13 = fork(subtract, ulcorner, x12);
    let x14 = lbind(rbind, add);
    let x15 = compose(x14, x13);
    let x16 = fork(apply, x15, x11);
    let x17 = lbind(lbind, shift);
    let x18 = compose(x17, normalize);
    let x19 = fork(mapply, x18, x10);
    let x20 = fork(mapply, x18, x16);
    let x21 = mapply(x19, x4);
    let x22 = mapply(x20, x4);
    let x23 = paint(I, x21);
    let O = paint(x23, x22);
    O
}

#[solver("855e0971")]
fn solve_855e0971(I: Grid) -> Grid {
    let x1 = rot90(I);
    let x2 = frontiers(I);
    let x3 = sfilter(x2, hline);
    let x4 = size(x3);
    let x6 = positive(x4);
    let x7 = branch(x6, identity, dmirror);
    let x8 = x7(I);
    let x9 = rbind(subgrid, x8);
    let x10 = matcher(color, ZERO);
    let x11 = compose(flip, x10);
    let x12 = partition(x8);
    let x13 = sfilter(x12, x11);
    let x14 = rbind(ofcolor, ZERO);
    let x15 = lbind(mapply, vfrontier);
    let x16 = chain(x15, x14, x9);
    let x17 = fork(shift, x16, ulcorner);
    let x18 = fork(intersection, toindices, x17);
    let x19 = mapply(x18, x13);
    let x20 = fill(x8, ZERO, x19);
    let O = x7(x20);
    O
}

#[solver("a78176bb")]
fn solve_a78176bb(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = objects(I, T, F, T);
    let x3 = remove(ZERO, x1);
    let x4 = other(x3, FIVE);
    let x5 = colorfilter(x2, FIVE);
    let x6 = lbind(index, I);
    let x7 = compose(x6, urcorner);
    let x8 = matcher(x7, FIVE);
    let x9 = sfilter(x5, x8);
    let x10 = difference(x5, x9);
    let x11 = apply(urcorner, x9);
    let x12 = apply(llcorner, x10);
    let x13 = rbind(add, UP_RIGHT);
    let x14 = rbind(add, DOWN_LEFT);
    let x15 = apply(x13, x11);
    let x16 = apply(x14, x12);
    let x17 = rbind(shoot, UNITY);
    let x18 = rbind(shoot, NEG_UNITY);
    let x19 = fork(combine, x17, x18);
    let x20 = mapply(x19, x15);
    let x21 = mapply(x19, x16);
    let x22 = combine(x20, x21);
    let x23 = fill(I, x4, x22);
    let O = replace(x23, FIVE, ZERO);
    O
}
