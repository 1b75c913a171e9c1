//! Solvers 351–400 in arc-dsl's `solvers.py` order.

use crate::prelude::*;

#[solver("952a094c")]
fn solve_952a094c(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = sizefilter(x1, ONE);
    let x3 = argmax(x1, size);
    let x4 = outbox(x3);
    let x5 = corners(x4);
    let x6 = lbind(rbind, manhattan);
    let x7 = lbind(argmax, x2);
    let x8 = chain(x7, x6, initset);
    let x9 = compose(color, x8);
    let x10 = fork(astuple, x9, identity);
    let x11 = apply(x10, x5);
    let x12 = merge(x2);
    let x13 = cover(I, x12);
    let O = paint(x13, x11);
    O
}

#[solver("6d58a25d")]
fn solve_6d58a25d(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = argmax(x1, size);
    let x3 = remove(x2, x1);
    let x4 = merge(x3);
    let x5 = color(x4);
    let x6 = uppermost(x2);
    let x7 = rbind(greater, x6);
    let x8 = compose(x7, uppermost);
    let x9 = rbind(vmatching, x2);
    let x10 = fork(both, x9, x8);
    let x11 = sfilter(x3, x10);
    let x12 = increment(x6);
    let x13 = rbind(greater, x12);
    let x14 = compose(x13, first);
    let x15 = rbind(sfilter, x14);
    let x16 = chain(x15, vfrontier, center);
    let x17 = mapply(x16, x11);
    let O = underfill(I, x5, x17);
    O
}

#[solver("6aa20dc0")]
fn solve_6aa20dc0(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmax(x1, numcolors);
    let x3 = normalize(x2);
    let x4 = lbind(matcher, first);
    let x5 = compose(x4, mostcolor);
    let x6 = fork(sfilter, identity, x5);
    let x7 = fork(difference, identity, x6);
    let x8 = lbind(rbind, upscale);
    let x9 = interval(ONE, FOUR, ONE);
    let x10 = apply(x8, x9);
    let x11 = initset(identity);
    let x12 = insert(vmirror, x11);
    let x13 = insert(hmirror, x12);
    let x14 = insert(cmirror, x13);
    let x15 = insert(dmirror, x14);
    let x16 = fork(compose, first, last);
    let x17 = lbind(occurrences, I);
    let x18 = lbind(lbind, shift);
    let x19 = compose(x17, x7);
    let x20 = product(x15, x10);
    let x21 = apply(x16, x20);
    let x22 = rapply(x21, x3);
    let x23 = fork(mapply, x18, x19);
    let x24 = mapply(x23, x22);
    let O = paint(I, x24);
    O
}

#[solver("e6721834")]
fn solve_e6721834(I: Grid) -> Grid {
    let x1 = portrait(I);
    let x2 = branch(x1, vsplit, hsplit);
    let x3 = x2(I, TWO);
    let x4 = order(x3, numcolors);
    let x5 = first(x4);
    let x6 = last(x4);
    let x7 = objects(x6, F, F, T);
    let x8 = merge(x7);
    let x9 = mostcolor(x8);
    let x10 = matcher(first, x9);
    let x11 = compose(flip, x10);
    let x12 = rbind(sfilter, x11);
    let x13 = lbind(occurrences, x5);
    let x14 = compose(x13, x12);
    let x15 = chain(positive, size, x14);
    let x16 = sfilter(x7, x15);
    let x17 = chain(first, x13, x12);
    let x18 = compose(ulcorner, x12);
    let x19 = fork(subtract, x17, x18);
    let x20 = fork(shift, identity, x19);
    let x21 = apply(x20, x16);
    let x22 = compose(decrement, width);
    let x23 = chain(positive, decrement, x22);
    let x24 = mfilter(x21, x23);
    let O = paint(x5, x24);
    O
}

#[solver("447fd412")]
fn solve_447fd412(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmax(x1, numcolors);
    let x3 = normalize(x2);
    let x4 = lbind(matcher, first);
    let x5 = compose(x4, mostcolor);
    let x6 = fork(sfilter, identity, x5);
    let x7 = fork(difference, identity, x6);
    let x8 = lbind(rbind, upscale);
    let x9 = interval(ONE, FOUR, ONE);
    let x10 = apply(x8, x9);
    let x11 = lbind(recolor, ZERO);
    let x12 = compose(x11, outbox);
    let x13 = fork(combine, identity, x12);
    let x14 = lbind(occurrences, I);
    let x15 = lbind(rbind, subtract);
    let x16 = lbind(apply, increment);
    let x17 = lbind(lbind, shift);
    let x18 = chain(x15, ulcorner, x7);
    let x19 = chain(x14, x13, x7);
    let x20 = fork(apply, x18, x19);
    let x21 = compose(x16, x20);
    let x22 = fork(mapply, x17, x21);
    let x23 = rapply(x10, x3);
    let x24 = mapply(x22, x23);
    let O = paint(I, x24);
    O
}

#[solver("2bcee788")]
fn solve_2bcee788(I: Grid) -> Grid {
    let x1 = mostcolor(I);
    let x2 = objects(I, T, F, T);
    let x3 = replace(I, x1, THREE);
    let x4 = argmax(x2, size);
    let x5 = argmin(x2, size);
    let x6 = position(x4, x5);
    let x7 = first(x6);
    let x8 = last(x6);
    let x9 = subgrid(x4, x3);
    let x10 = hline(x5);
    let x11 = hmirror(x9);
    let x12 = vmirror(x9);
    let x13 = branch(x10, x11, x12);
    let x14 = branch(x10, x7, ZERO);
    let x15 = branch(x10, ZERO, x8);
    let x16 = asobject(x13);
    let x17 = matcher(first, THREE);
    let x18 = compose(flip, x17);
    let x19 = sfilter(x16, x18);
    let x20 = ulcorner(x4);
    let x21 = shape(x4);
    let x22 = astuple(x14, x15);
    let x23 = multiply(x21, x22);
    let x24 = add(x20, x23);
    let x25 = shift(x19, x24);
    let O = paint(x3, x25);
    O
}

#[solver("776ffc46")]
fn solve_776ffc46(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = colorfilter(x1, FIVE);
    let x3 = fork(equality, toindices, r#box);
    let x4 = extract(x2, x3);
    let x5 = inbox(x4);
    let x6 = subgrid(x5, I);
    let x7 = asobject(x6);
    let x8 = matcher(first, ZERO);
    let x9 = compose(flip, x8);
    let x10 = sfilter(x7, x9);
    let x11 = normalize(x10);
    let x12 = toindices(x11);
    let x13 = compose(toindices, normalize);
    let x14 = matcher(x13, x12);
    let x15 = mfilter(x1, x14);
    let x16 = color(x11);
    let O = fill(I, x16, x15);
    O
}

#[solver("f35d900a")]
fn solve_f35d900a(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = palette(I);
    let x20 = remove(ZERO, x2);
    // With more than two colours besides 0 (a background other than 0) each `other` has several
    // to pick from and Python's set order picks; leaving the background out picks the one the task
    // means (issue 22).
    let x21 = size(x20);
    let x22 = greater(x21, TWO);
    let x23 = mostcolor(I);
    let x24 = remove(x23, x20);
    let x3 = branch(x22, x24, x20);
    let x4 = lbind(other, x3);
    let x5 = compose(x4, color);
    let x6 = fork(recolor, x5, outbox);
    let x7 = mapply(x6, x1);
    let x8 = mapply(toindices, x1);
    let x9 = r#box(x8);
    let x10 = difference(x9, x8);
    let x11 = lbind(argmin, x8);
    let x12 = rbind(compose, initset);
    let x13 = lbind(rbind, manhattan);
    let x14 = chain(x12, x13, initset);
    let x15 = chain(initset, x11, x14);
    let x16 = fork(manhattan, initset, x15);
    let x17 = compose(even, x16);
    let x18 = sfilter(x10, x17);
    let x19 = paint(I, x7);
    let O = fill(x19, FIVE, x18);
    O
}

#[solver("0dfd9992")]
fn solve_0dfd9992(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = width(I);
    let x3 = partition(I);
    let x4 = colorfilter(x3, ZERO);
    let x5 = difference(x3, x4);
    let x6 = merge(x5);
    let x7 = astuple(x1, ONE);
    let x8 = astuple(ONE, x2);
    let x9 = decrement(x1);
    let x10 = decrement(x2);
    let x11 = toivec(x10);
    let x12 = tojvec(x9);
    let x13 = crop(I, x11, x8);
    let x14 = crop(I, x12, x7);
    let x15 = asobject(x14);
    let x16 = asobject(x13);
    let x17 = vperiod(x15);
    let x18 = hperiod(x16);
    let x19 = astuple(x17, x18);
    let x20 = lbind(multiply, x19);
    let x21 = neighbors(ORIGIN);
    let x22 = mapply(neighbors, x21);
    let x23 = apply(x20, x22);
    let x24 = lbind(shift, x6);
    let x25 = mapply(x24, x23);
    let O = paint(I, x25);
    O
}

#[solver("29ec7d0e")]
fn solve_29ec7d0e(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = width(I);
    let x3 = partition(I);
    let x4 = colorfilter(x3, ZERO);
    let x5 = difference(x3, x4);
    let x6 = merge(x5);
    let x7 = astuple(x1, ONE);
    let x8 = astuple(ONE, x2);
    let x9 = decrement(x1);
    let x10 = decrement(x2);
    let x11 = toivec(x10);
    let x12 = tojvec(x9);
    let x13 = crop(I, x11, x8);
    let x14 = crop(I, x12, x7);
    let x15 = asobject(x14);
    let x16 = asobject(x13);
    let x17 = vperiod(x15);
    let x18 = hperiod(x16);
    let x19 = astuple(x17, x18);
    let x20 = lbind(multiply, x19);
    let x21 = neighbors(ORIGIN);
    let x22 = mapply(neighbors, x21);
    let x23 = apply(x20, x22);
    let x24 = lbind(shift, x6);
    let x25 = mapply(x24, x23);
    let O = paint(I, x25);
    O
}

#[solver("36d67576")]
fn solve_36d67576(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = argmax(x1, numcolors);
    let x3 = astuple(TWO, FOUR);
    let x4 = rbind(contained, x3);
    let x5 = compose(x4, first);
    let x6 = rbind(sfilter, x5);
    let x7 = lbind(rbind, subtract);
    let x8 = lbind(occurrences, I);
    let x9 = lbind(lbind, shift);
    let x10 = compose(x7, ulcorner);
    let x11 = chain(x10, x6, normalize);
    let x12 = chain(x8, x6, normalize);
    let x13 = fork(apply, x11, x12);
    let x14 = compose(x9, normalize);
    let x15 = fork(mapply, x14, x13);
    let x16 = astuple(cmirror, dmirror);
    let x17 = astuple(hmirror, vmirror);
    let x18 = combine(x16, x17);
    let x19 = product(x18, x18);
    let x20 = fork(compose, first, last);
    let x21 = apply(x20, x19);
    let x22 = totuple(x21);
    let x23 = combine(x18, x22);
    let x24 = rapply(x23, x2);
    let x25 = mapply(x15, x24);
    let O = paint(I, x25);
    O
}

#[solver("98cf29f8")]
fn solve_98cf29f8(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = fork(multiply, height, width);
    let x3 = fork(equality, size, x2);
    let x4 = extract(x1, x3);
    let x5 = other(x1, x4);
    let x6 = color(x5);
    let x7 = rbind(greater, THREE);
    let x8 = rbind(toobject, I);
    let x9 = rbind(colorcount, x6);
    let x10 = chain(x8, ineighbors, last);
    let x11 = chain(x7, x9, x10);
    let x12 = sfilter(x5, x11);
    let x13 = outbox(x12);
    let x14 = backdrop(x13);
    let x15 = cover(I, x5);
    let x16 = gravitate(x14, x4);
    let x17 = shift(x14, x16);
    let O = fill(x15, x6, x17);
    O
}

#[solver("469497ad")]
fn solve_469497ad(I: Grid) -> Grid {
    let x1 = numcolors(I);
    let x2 = decrement(x1);
    let x3 = upscale(I, x2);
    // The background is the most common colour. Where a bar colour or the square ties with it,
    // Python's set order picks. The bars line two edges of the grid and the square is a filled
    // rectangle; the background is neither (but in grids that a swap of the two colours mirrors,
    // where nothing tells them apart): of the tied colours, the first that is neither (issue 22).
    let x18 = mostcolor(I);
    let x19 = colorcount(I, x18);
    let x20 = palette(I);
    let x21 = lbind(colorcount, I);
    let x22 = matcher(x21, x19);
    let x23 = sfilter(x20, x22);
    let x24 = asindices(I);
    let x25 = r#box(x24);
    let x26 = rbind(difference, x25);
    let x27 = chain(positive, size, x26);
    let x28 = fork(equality, identity, backdrop);
    let x29 = compose(flip, x28);
    let x30 = fork(both, x27, x29);
    let x31 = lbind(ofcolor, I);
    let x32 = compose(x30, x31);
    let x33 = argmax(x23, x32);
    // A column of the background colour on the right makes it the single most common colour and
    // changes no other object, so `objects` leaves out that background.
    let x34 = height(x3);
    let x35 = astuple(x34, ONE);
    let x36 = canvas(x33, x35);
    let x37 = hconcat(x3, x36);
    let x4 = objects(x37, F, F, T);
    let x5 = argmin(x4, size);
    let x6 = ulcorner(x5);
    let x7 = llcorner(x5);
    let x8 = shoot(x6, NEG_UNITY);
    let x9 = shoot(x6, UNITY);
    let x10 = shoot(x7, DOWN_LEFT);
    let x11 = shoot(x7, UP_RIGHT);
    let x12 = combine(x8, x9);
    let x13 = combine(x10, x11);
    let x14 = combine(x12, x13);
    // underfill with that background.
    let x38 = ofcolor(x3, x33);
    let x39 = intersection(x14, x38);
    let x15 = fill(x3, TWO, x39);
    let x16 = objects(x15, T, F, T);
    let x17 = argmax(x16, lrcorner);
    let O = paint(x15, x17);
    O
}

#[solver("39e1d7f9")]
fn solve_39e1d7f9(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = objects(I, T, F, T);
    let x3 = order(x1, height);
    let x4 = last(x3);
    let x5 = remove(x4, x3);
    let x6 = last(x5);
    let x7 = color(x6);
    let x8 = colorfilter(x2, x7);
    let x9 = power(outbox, TWO);
    let x10 = rbind(toobject, I);
    let x11 = mostcolor(I);
    let x12 = lbind(remove, x11);
    let x13 = chain(size, x12, palette);
    let x14 = chain(x13, x10, x9);
    let x15 = argmax(x8, x14);
    let x16 = ulcorner(x15);
    let x17 = shape(x15);
    let x18 = subtract(x16, x17);
    let x19 = decrement(x18);
    let x20 = multiply(x17, THREE);
    let x21 = add(x20, TWO_BY_TWO);
    let x22 = crop(I, x19, x21);
    let x23 = asobject(x22);
    let x24 = apply(ulcorner, x8);
    let x25 = increment(x17);
    let x26 = rbind(subtract, x25);
    let x27 = apply(x26, x24);
    let x28 = lbind(shift, x23);
    let x29 = mapply(x28, x27);
    let x30 = paint(I, x29);
    // Copies of the template overlap where the dots are close; there the reference paints a
    // background or line cell of one copy or a pattern cell of another in Python's set order.
    // Painting the pattern cells again makes them win (issue 22); cells without overlap are as
    // the reference paints them.
    let x31 = color(x4);
    let x32 = initset(x31);
    let x33 = insert(x11, x32);
    let x34 = rbind(contained, x33);
    let x35 = compose(x34, first);
    let x36 = compose(flip, x35);
    let x37 = sfilter(x29, x36);
    let O = paint(x30, x37);
    O
}

#[solver("484b58aa")]
fn solve_484b58aa(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = width(I);
    let x3 = partition(I);
    let x4 = colorfilter(x3, ZERO);
    let x5 = difference(x3, x4);
    let x6 = merge(x5);
    let x7 = astuple(x1, TWO);
    let x8 = astuple(TWO, x2);
    let x9 = power(decrement, TWO);
    let x10 = x9(x1);
    let x11 = x9(x2);
    let x12 = toivec(x11);
    let x13 = tojvec(x10);
    let x14 = crop(I, x12, x8);
    let x15 = crop(I, x13, x7);
    let x16 = asobject(x15);
    let x17 = asobject(x14);
    let x18 = vperiod(x16);
    let x19 = hperiod(x17);
    let x20 = astuple(x18, x19);
    let x21 = lbind(multiply, x20);
    let x22 = neighbors(ORIGIN);
    let x23 = mapply(neighbors, x22);
    let x24 = apply(x21, x23);
    let x25 = lbind(shift, x6);
    let x26 = mapply(x25, x24);
    let O = paint(I, x26);
    O
}

#[solver("3befdf3e")]
fn solve_3befdf3e(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = leastcolor(I);
    let x3 = palette(I);
    let x4 = remove(ZERO, x3);
    let x5 = other(x4, x2);
    let x6 = switch(I, x2, x5);
    let x7 = compose(width, inbox);
    let x8 = lbind(power, outbox);
    let x9 = compose(x8, x7);
    let x10 = initset(x9);
    let x11 = lbind(rapply, x10);
    let x12 = chain(initset, first, x11);
    let x13 = fork(rapply, x12, identity);
    let x14 = compose(first, x13);
    let x15 = compose(backdrop, x14);
    let x16 = lbind(chain, backdrop);
    let x17 = lbind(x16, inbox);
    let x18 = compose(x17, x9);
    let x19 = lbind(apply, initset);
    let x20 = chain(x19, corners, x15);
    let x21 = fork(mapply, x18, x20);
    let x22 = fork(intersection, x15, x21);
    let x23 = mapply(x15, x1);
    let x24 = mapply(x22, x1);
    let x25 = underfill(x6, x5, x23);
    let O = fill(x25, ZERO, x24);
    O
}

#[solver("9aec4887")]
fn solve_9aec4887(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmin(x1, numcolors);
    let x3 = other(x1, x2);
    let x4 = subgrid(x3, I);
    let x5 = normalize(x2);
    let x6 = shift(x5, UNITY);
    let x7 = toindices(x6);
    let x8 = normalize(x3);
    let x9 = lbind(argmin, x8);
    let x11 = lbind(rbind, manhattan);
    let x12 = rbind(compose, initset);
    let x13 = chain(x12, x11, initset);
    let x14 = chain(first, x9, x13);
    let x15 = fork(astuple, x14, identity);
    let x16 = apply(x15, x7);
    let x17 = paint(x4, x16);
    let x18 = fork(connect, ulcorner, lrcorner);
    let x19 = x18(x7);
    let x20 = fork(combine, identity, vmirror);
    let x21 = x20(x19);
    let x22 = intersection(x7, x21);
    let O = fill(x17, EIGHT, x22);
    O
}

#[solver("49d1d64f")]
fn solve_49d1d64f(I: Grid) -> Grid {
    let x1 = shape(I);
    let x2 = add(x1, TWO);
    let x3 = canvas(ZERO, x2);
    let x4 = asobject(I);
    let x5 = shift(x4, UNITY);
    let x6 = paint(x3, x5);
    let x7 = asindices(x3);
    let x8 = fork(difference, r#box, corners);
    let x9 = x8(x7);
    let x10 = lbind(lbind, manhattan);
    let x11 = rbind(compose, initset);
    let x12 = chain(x11, x10, initset);
    let x13 = lbind(argmin, x5);
    let x14 = chain(first, x13, x12);
    let x15 = fork(astuple, x14, identity);
    let x16 = apply(x15, x9);
    let O = paint(x6, x16);
    O
}

#[solver("57aa92db")]
fn solve_57aa92db(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = objects(I, T, F, T);
    let x3 = lbind(lbind, colorcount);
    let x4 = fork(apply, x3, palette);
    let x5 = compose(maximum, x4);
    let x6 = compose(minimum, x4);
    let x7 = fork(subtract, x5, x6);
    let x8 = argmax(x1, x7);
    let x9 = leastcolor(x8);
    let x10 = normalize(x8);
    let x11 = matcher(first, x9);
    let x12 = sfilter(x10, x11);
    let x13 = ulcorner(x12);
    let x14 = colorfilter(x2, x9);
    let x15 = rbind(toobject, I);
    let x16 = lbind(remove, ZERO);
    let x17 = chain(first, x16, palette);
    let x18 = chain(x17, x15, outbox);
    let x19 = lbind(multiply, x13);
    let x20 = compose(x19, width);
    let x21 = fork(subtract, ulcorner, x20);
    let x22 = lbind(shift, x10);
    let x23 = compose(x22, x21);
    let x24 = fork(upscale, x23, width);
    let x25 = fork(recolor, x18, x24);
    let x26 = mapply(x25, x14);
    let x27 = paint(I, x26);
    let x28 = merge(x2);
    let O = paint(x27, x28);
    O
}

#[solver("aba27056")]
fn solve_aba27056(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = mapply(toindices, x1);
    let x3 = r#box(x2);
    let x4 = difference(x3, x2);
    let x5 = delta(x2);
    let x6 = position(x5, x4);
    let x7 = interval(ZERO, NINE, ONE);
    let x8 = lbind(multiply, x6);
    let x9 = apply(x8, x7);
    let x10 = lbind(shift, x4);
    let x11 = mapply(x10, x9);
    let x12 = fill(I, FOUR, x5);
    let x13 = fill(x12, FOUR, x11);
    let x14 = corners(x4);
    let x15 = ofcolor(x13, ZERO);
    let x16 = rbind(toobject, x13);
    let x17 = rbind(colorcount, ZERO);
    let x18 = chain(x17, x16, dneighbors);
    let x19 = matcher(x18, TWO);
    let x20 = rbind(adjacent, x2);
    let x21 = rbind(adjacent, x11);
    let x22 = fork(both, x20, x21);
    let x23 = compose(x22, initset);
    let x24 = sfilter(x15, x19);
    let x25 = sfilter(x24, x23);
    let x26 = product(x14, x25);
    let x27 = fork(subtract, last, first);
    let x28 = fork(shoot, first, x27);
    let x29 = mapply(x28, x26);
    let O = fill(x13, FOUR, x29);
    O
}

#[solver("f1cefba8")]
fn solve_f1cefba8(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = objects(I, F, F, T);
    let x3 = ofcolor(I, ZERO);
    let x4 = first(x2);
    let x5 = ulcorner(x4);
    let x6 = subgrid(x4, I);
    let x7 = power(trim, TWO);
    let x8 = x7(x6);
    let x9 = asindices(x8);
    let x10 = shift(x9, TWO_BY_TWO);
    let x11 = fill(x6, ZERO, x10);
    let x12 = leastcolor(x11);
    let x13 = remove(ZERO, x1);
    let x14 = other(x13, x12);
    let x15 = ofcolor(x11, x12);
    let x16 = shift(x15, x5);
    let x17 = ofcolor(I, x12);
    let x18 = uppermost(x17);
    let x19 = lowermost(x17);
    let x20 = matcher(first, x18);
    let x21 = matcher(first, x19);
    let x22 = fork(either, x20, x21);
    let x23 = sfilter(x16, x22);
    let x24 = difference(x16, x23);
    let x25 = mapply(vfrontier, x23);
    let x26 = mapply(hfrontier, x24);
    let x27 = combine(x25, x26);
    let x28 = intersection(x3, x27);
    let x29 = fill(I, x14, x27);
    let O = fill(x29, x12, x28);
    O
}

#[solver("1e32b0e9")]
fn solve_1e32b0e9(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = mostcolor(I);
    let x3 = asobject(I);
    let x4 = subtract(x1, TWO);
    let x5 = divide(x4, THREE);
    let x6 = astuple(x5, x5);
    let x7 = crop(I, ORIGIN, x6);
    let x8 = partition(x7);
    let x9 = matcher(color, ZERO);
    let x10 = compose(flip, x9);
    // Where several parts are not of colour 0 (a background other than 0), the reference's extract
    // takes the first in Python's set order; leaving the background's part out takes the shape
    // the task means (issue 22).
    let x31 = sfilter(x8, x10);
    let x32 = size(x31);
    let x33 = greater(x32, ONE);
    let x34 = matcher(color, x2);
    let x35 = compose(flip, x34);
    let x36 = sfilter(x31, x35);
    let x37 = branch(x33, x36, x31);
    let x11 = first(x37);
    let x12 = initset(x2);
    let x13 = palette(x3);
    let x14 = palette(x11);
    let x15 = difference(x13, x14);
    let x16 = difference(x15, x12);
    let x17 = first(x16);
    let x18 = interval(ZERO, THREE, ONE);
    let x19 = product(x18, x18);
    let x20 = totuple(x19);
    let x21 = apply(first, x20);
    let x22 = apply(last, x20);
    let x23 = lbind(multiply, x5);
    let x24 = apply(x23, x21);
    let x25 = apply(x23, x22);
    let x26 = papply(add, x24, x21);
    let x27 = papply(add, x25, x22);
    let x28 = papply(astuple, x26, x27);
    let x29 = lbind(shift, x11);
    let x30 = mapply(x29, x28);
    let O = underfill(I, x17, x30);
    O
}

#[solver("28e73c20")]
fn solve_28e73c20(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = astuple(ONE, TWO);
    let x3 = astuple(TWO, TWO);
    let x4 = astuple(TWO, ONE);
    let x5 = astuple(THREE, ONE);
    let x6 = canvas(THREE, UNITY);
    let x7 = upscale(x6, FOUR);
    let x8 = initset(DOWN);
    let x9 = insert(UNITY, x8);
    let x10 = insert(x2, x9);
    let x11 = insert(x3, x10);
    let x12 = fill(x7, ZERO, x11);
    let x13 = vupscale(x6, FIVE);
    let x14 = hupscale(x13, THREE);
    let x15 = insert(x4, x9);
    let x16 = insert(x5, x15);
    let x17 = fill(x14, ZERO, x16);
    let x18 = even(x1);
    let x19 = branch(x18, x12, x17);
    let x20 = canvas(ZERO, UNITY);
    let x21 = lbind(hupscale, x20);
    let x22 = chain(x21, decrement, height);
    let x23 = rbind(hconcat, x6);
    let x24 = compose(x23, x22);
    let x25 = lbind(hupscale, x6);
    let x26 = compose(x25, height);
    let x27 = fork(vconcat, x24, rot90);
    let x28 = fork(vconcat, x26, x27);
    let x29 = subtract(x1, FOUR);
    let x30 = power(x28, x29);
    let O = x30(x19);
    O
}

#[solver("4c5c2cf0")]
fn solve_4c5c2cf0(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = objects(I, F, T, T);
    let x3 = first(x2);
    let x4 = rbind(subgrid, I);
    let x5 = fork(equality, identity, rot90);
    let x6 = compose(x5, x4);
    let x7 = extract(x1, x6);
    let x8 = center(x7);
    let x9 = subgrid(x3, I);
    let x10 = hmirror(x9);
    let x11 = objects(x10, F, T, T);
    let x12 = first(x11);
    let x13 = objects(x10, T, T, T);
    let x14 = rbind(subgrid, x10);
    let x15 = compose(x5, x14);
    let x16 = extract(x13, x15);
    let x17 = center(x16);
    let x18 = subtract(x8, x17);
    let x19 = shift(x12, x18);
    let x20 = paint(I, x19);
    let x21 = objects(x20, F, T, T);
    let x22 = first(x21);
    let x23 = subgrid(x22, x20);
    let x24 = vmirror(x23);
    let x25 = objects(x24, F, T, T);
    let x26 = first(x25);
    let x27 = objects(x24, T, T, T);
    let x28 = color(x7);
    let x29 = matcher(color, x28);
    let x30 = extract(x27, x29);
    let x31 = center(x30);
    let x32 = subtract(x8, x31);
    let x33 = shift(x26, x32);
    let O = paint(x20, x33);
    O
}

#[solver("508bd3b6")]
fn solve_508bd3b6(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = objects(I, T, T, T);
    let x3 = argmin(x2, size);
    let x4 = argmax(x2, size);
    let x5 = ulcorner(x3);
    let x6 = urcorner(x3);
    let x7 = index(I, x5);
    let x8 = equality(x7, EIGHT);
    let x9 = branch(x8, x5, x6);
    let x10 = branch(x8, UNITY, DOWN_LEFT);
    let x11 = multiply(x10, x1);
    let x12 = double(x11);
    let x13 = add(x9, x12);
    let x14 = subtract(x9, x12);
    let x15 = connect(x13, x14);
    let x16 = fill(I, THREE, x15);
    let x17 = paint(x16, x4);
    let x18 = objects(x17, T, F, T);
    let x19 = rbind(adjacent, x4);
    let x20 = extract(x18, x19);
    let x21 = first(x20);
    let x22 = last(x21);
    let x23 = flip(x8);
    let x24 = branch(x23, UNITY, DOWN_LEFT);
    let x25 = multiply(x24, x1);
    let x26 = double(x25);
    let x27 = add(x22, x26);
    let x28 = subtract(x22, x26);
    let x29 = connect(x27, x28);
    let x30 = fill(x17, THREE, x29);
    let x31 = paint(x30, x3);
    let O = paint(x31, x4);
    O
}

#[solver("6d0160f0")]
fn solve_6d0160f0(I: Grid) -> Grid {
    let x1 = ofcolor(I, FOUR);
    let x2 = first(x1);
    let x3 = first(x2);
    let x4 = last(x2);
    let x5 = greater(x3, THREE);
    let x6 = greater(x3, SEVEN);
    let x7 = greater(x4, THREE);
    let x8 = greater(x4, SEVEN);
    let x9 = branch(x5, FOUR, ZERO);
    let x10 = branch(x6, EIGHT, x9);
    let x11 = branch(x7, FOUR, ZERO);
    let x12 = branch(x8, EIGHT, x11);
    let x13 = astuple(x10, x12);
    let x14 = initset(ZERO);
    let x15 = insert(FOUR, x14);
    let x16 = insert(EIGHT, x15);
    let x17 = product(x16, x16);
    let x18 = crop(I, ORIGIN, THREE_BY_THREE);
    let x19 = asindices(x18);
    let x20 = recolor(ZERO, x19);
    let x21 = lbind(shift, x20);
    let x22 = mapply(x21, x17);
    let x23 = paint(I, x22);
    let x24 = crop(I, x13, THREE_BY_THREE);
    let x25 = replace(x24, FIVE, ZERO);
    let x26 = ofcolor(x25, FOUR);
    let x27 = first(x26);
    let x28 = asindices(x25);
    let x29 = toobject(x28, x25);
    let x30 = multiply(x27, FOUR);
    let x31 = shift(x29, x30);
    let O = paint(x23, x31);
    O
}

#[solver("f8a8fe49")]
fn solve_f8a8fe49(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = replace(I, FIVE, ZERO);
    let x3 = colorfilter(x1, TWO);
    let x4 = first(x3);
    let x5 = portrait(x4);
    let x6 = branch(x5, hsplit, vsplit);
    let x7 = branch(x5, vmirror, hmirror);
    let x8 = ofcolor(I, TWO);
    let x9 = subgrid(x8, I);
    let x10 = trim(x9);
    let x11 = x7(x10);
    let x12 = x6(x11, TWO);
    let x13 = compose(normalize, asobject);
    let x14 = apply(x13, x12);
    let x15 = last(x14);
    let x16 = first(x14);
    let x17 = ulcorner(x8);
    let x18 = increment(x17);
    let x19 = shift(x15, x18);
    let x20 = shift(x16, x18);
    let x21 = branch(x5, width, height);
    let x22 = branch(x5, tojvec, toivec);
    let x23 = x21(x15);
    let x24 = double(x23);
    let x25 = compose(x22, increment);
    let x26 = x25(x23);
    let x27 = invert(x26);
    let x28 = x25(x24);
    let x29 = shift(x19, x27);
    let x30 = shift(x20, x28);
    let x31 = paint(x2, x29);
    let O = paint(x31, x30);
    O
}

#[solver("d07ae81c")]
fn solve_d07ae81c(I: Grid) -> Grid {
    let x1 = objects(I, T, F, F);
    let x2 = sizefilter(x1, ONE);
    let x3 = apply(color, x2);
    let x4 = difference(x1, x2);
    let x5 = apply(color, x4);
    let x6 = first(x5);
    let x7 = last(x5);
    let x8 = ofcolor(I, x6);
    let x9 = ofcolor(I, x7);
    let x10 = rbind(shoot, UNITY);
    let x11 = rbind(shoot, NEG_UNITY);
    let x12 = rbind(shoot, DOWN_LEFT);
    let x13 = rbind(shoot, UP_RIGHT);
    let x14 = fork(combine, x10, x11);
    let x15 = fork(combine, x12, x13);
    let x16 = fork(combine, x14, x15);
    let x17 = compose(x16, center);
    let x18 = mapply(x17, x2);
    let x19 = intersection(x8, x18);
    let x20 = intersection(x9, x18);
    // Which region a lone cell's colour goes with is read off one lone cell's surroundings; a cell on
    // the border of two regions reads wrong, and the reference takes the first in Python's set order.
    // The lone cell whose surroundings are the most uniform reads right (issue 22).
    let x32 = compose(neighbors, center);
    let x33 = rbind(toobject, I);
    let x34 = compose(x33, x32);
    let x35 = fork(colorcount, identity, mostcolor);
    let x36 = compose(x35, x34);
    let x21 = argmax(x2, x36);
    let x22 = color(x21);
    let x23 = center(x21);
    let x24 = neighbors(x23);
    let x25 = toobject(x24, I);
    let x26 = mostcolor(x25);
    let x27 = other(x3, x22);
    let x28 = equality(x26, x6);
    let x29 = branch(x28, x22, x27);
    let x30 = branch(x28, x27, x22);
    let x31 = fill(I, x29, x19);
    let O = fill(x31, x30, x20);
    O
}

#[solver("6a1e5592")]
fn solve_6a1e5592(I: Grid) -> Grid {
    let x1 = width(I);
    let x2 = objects(I, T, F, T);
    let x3 = astuple(FIVE, x1);
    let x4 = crop(I, ORIGIN, x3);
    let x5 = colorfilter(x2, FIVE);
    let x6 = merge(x5);
    let x7 = cover(I, x6);
    let x8 = compose(toindices, normalize);
    let x9 = apply(x8, x5);
    let x10 = asindices(x4);
    let x11 = ofcolor(x4, ZERO);
    let x12 = ofcolor(x4, TWO);
    let x13 = rbind(multiply, TEN);
    let x14 = rbind(multiply, FIVE);
    let x15 = rbind(intersection, x12);
    let x16 = rbind(intersection, x11);
    let x17 = rbind(intersection, x10);
    let x18 = chain(x13, size, x15);
    let x19 = chain(size, x16, delta);
    let x20 = compose(x14, uppermost);
    let x21 = chain(size, x16, outbox);
    let x22 = chain(x13, size, x17);
    let x23 = compose(invert, x18);
    let x24 = fork(add, x22, x23);
    let x25 = fork(subtract, x24, x21);
    let x26 = fork(subtract, x25, x20);
    let x27 = fork(subtract, x26, x19);
    let x28 = rbind(apply, x10);
    let x29 = lbind(lbind, shift);
    let x30 = rbind(argmax, x27);
    let x31 = chain(x30, x28, x29);
    let x32 = mapply(x31, x9);
    let O = fill(x7, ONE, x32);
    O
}

#[solver("0e206a2e")]
fn solve_0e206a2e(I: Grid) -> Grid {
    let x1 = palette(I);
    let x2 = objects(I, F, F, T);
    let x3 = rbind(greater, ONE);
    let x4 = compose(x3, numcolors);
    let x5 = sfilter(x2, x4);
    let x6 = remove(ZERO, x1);
    let x7 = lbind(colorcount, I);
    let x8 = argmax(x6, x7);
    let x9 = remove(x8, x6);
    let x10 = rbind(contained, x9);
    let x11 = compose(x10, first);
    let x12 = rbind(sfilter, x11);
    let x13 = lbind(rbind, subtract);
    let x14 = lbind(occurrences, I);
    let x15 = lbind(lbind, shift);
    let x16 = compose(x13, ulcorner);
    let x17 = chain(x16, x12, normalize);
    let x18 = chain(x14, x12, normalize);
    let x19 = fork(apply, x17, x18);
    let x20 = compose(x15, normalize);
    let x21 = fork(mapply, x20, x19);
    let x22 = astuple(cmirror, dmirror);
    let x23 = astuple(hmirror, vmirror);
    let x24 = combine(x22, x23);
    let x25 = product(x24, x24);
    let x26 = fork(compose, first, last);
    let x27 = apply(x26, x25);
    let x28 = totuple(x27);
    let x29 = combine(x24, x28);
    let x30 = lbind(rapply, x29);
    let x31 = mapply(x30, x5);
    let x32 = mapply(x21, x31);
    let x33 = paint(I, x32);
    let x34 = merge(x5);
    let O = cover(x33, x34);
    O
}

#[solver("d22278a0")]
fn solve_d22278a0(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = objects(I, T, F, T);
    let x3 = fork(multiply, sign, identity);
    let x4 = lbind(apply, x3);
    let x5 = chain(even, maximum, x4);
    let x6 = lbind(sfilter, x1);
    let x7 = fork(add, first, last);
    let x8 = rbind(remove, x2);
    let x9 = compose(center, last);
    let x10 = fork(subtract, first, x9);
    let x11 = compose(x5, x10);
    let x12 = lbind(rbind, equality);
    let x13 = lbind(argmin, x2);
    let x14 = chain(x7, x4, x10);
    let x15 = lbind(lbind, astuple);
    let x16 = lbind(rbind, astuple);
    let x17 = lbind(compose, x11);
    let x18 = lbind(compose, x14);
    let x19 = compose(x18, x15);
    let x20 = compose(x18, x16);
    let x21 = compose(x13, x19);
    let x22 = rbind(compose, x21);
    let x23 = lbind(lbind, valmin);
    let x24 = rbind(compose, x19);
    let x25 = chain(x24, x23, x8);
    let x26 = lbind(fork, greater);
    let x27 = fork(x26, x25, x20);
    let x28 = chain(x6, x17, x16);
    let x29 = chain(x6, x22, x12);
    let x30 = fork(intersection, x28, x29);
    let x31 = compose(x6, x27);
    let x32 = fork(intersection, x30, x31);
    let x33 = fork(recolor, color, x32);
    let x34 = mapply(x33, x2);
    let O = paint(I, x34);
    O
}

#[solver("4290ef0e")]
fn solve_4290ef0e(I: Grid) -> Grid {
    let x1 = mostcolor(I);
    let x2 = fgpartition(I);
    let x3 = objects(I, T, F, T);
    let x4 = rbind(valmax, width);
    let x5 = lbind(colorfilter, x3);
    let x6 = compose(x5, color);
    let x7 = compose(double, x4);
    let x8 = lbind(prapply, manhattan);
    let x9 = fork(x8, identity, identity);
    let x10 = lbind(remove, ZERO);
    let x11 = compose(x10, x9);
    let x12 = rbind(branch, NEG_TWO);
    let x13 = fork(x12, positive, decrement);
    let x14 = chain(x13, minimum, x11);
    let x15 = fork(add, x14, x7);
    let x16 = compose(x15, x6);
    let x17 = compose(invert, x16);
    let x18 = order(x2, x17);
    let x19 = rbind(argmin, centerofmass);
    let x20 = compose(initset, vmirror);
    let x21 = fork(insert, dmirror, x20);
    let x22 = fork(insert, cmirror, x21);
    let x23 = fork(insert, hmirror, x22);
    let x24 = compose(x19, x23);
    let x25 = apply(x24, x18);
    let x26 = size(x2);
    let x27 = apply(size, x2);
    let x28 = contained(ONE, x27);
    let x29 = increment(x26);
    let x30 = branch(x28, x26, x29);
    let x31 = double(x30);
    let x32 = decrement(x31);
    let x33 = apply(normalize, x25);
    let x34 = interval(ZERO, x30, ONE);
    let x35 = pair(x34, x34);
    let x36 = mpapply(shift, x33, x35);
    let x37 = astuple(x32, x32);
    let x38 = canvas(x1, x37);
    let x39 = paint(x38, x36);
    let x40 = rot90(x39);
    let x41 = paint(x40, x36);
    let x42 = rot90(x41);
    let x43 = paint(x42, x36);
    let x44 = rot90(x43);
    let O = paint(x44, x36);
    O
}

#[solver("50846271")]
fn solve_50846271(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = prapply(connect, x1, x1);
    let x3 = lbind(greater, SIX);
    let x4 = compose(x3, size);
    let x5 = fork(either, vline, hline);
    let x6 = fork(both, x4, x5);
    let x7 = mfilter(x2, x6);
    let x8 = fill(I, TWO, x7);
    let x9 = objects(x8, T, F, F);
    let x10 = colorfilter(x9, TWO);
    let x11 = valmax(x10, width);
    let x12 = halve(x11);
    let x13 = toivec(x12);
    let x14 = tojvec(x12);
    let x15 = rbind(add, ZERO_BY_TWO);
    let x16 = rbind(add, TWO_BY_ZERO);
    let x17 = rbind(subtract, ZERO_BY_TWO);
    let x18 = rbind(subtract, TWO_BY_ZERO);
    let x19 = rbind(colorcount, TWO);
    let x20 = rbind(toobject, x8);
    let x21 = compose(initset, x15);
    let x22 = fork(insert, x16, x21);
    let x23 = fork(insert, x17, x22);
    let x24 = fork(insert, x18, x23);
    let x25 = fork(combine, dneighbors, x24);
    let x26 = chain(x19, x20, x25);
    let x27 = rbind(argmax, x26);
    let x28 = compose(x27, toindices);
    let x29 = apply(x28, x10);
    let x30 = rbind(add, x13);
    let x31 = rbind(subtract, x13);
    let x32 = rbind(add, x14);
    let x33 = rbind(subtract, x14);
    let x34 = fork(connect, x30, x31);
    let x35 = fork(connect, x32, x33);
    let x36 = fork(combine, x34, x35);
    let x37 = mapply(x36, x29);
    let x38 = fill(x8, EIGHT, x37);
    let O = fill(x38, TWO, x1);
    O
}

#[solver("b527c5c6")]
fn solve_b527c5c6(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = matcher(first, TWO);
    let x3 = rbind(sfilter, x2);
    let x4 = compose(lowermost, x3);
    let x5 = compose(rightmost, x3);
    let x6 = compose(uppermost, x3);
    let x7 = compose(leftmost, x3);
    let x8 = fork(equality, x4, lowermost);
    let x9 = fork(equality, x5, rightmost);
    let x10 = fork(equality, x6, uppermost);
    let x11 = fork(equality, x7, leftmost);
    let x12 = compose(invert, x10);
    let x13 = compose(invert, x11);
    let x14 = fork(add, x12, x8);
    let x15 = fork(add, x13, x9);
    let x16 = fork(astuple, x14, x15);
    let x17 = compose(center, x3);
    let x18 = fork(shoot, x17, x16);
    let x19 = mapply(x18, x1);
    let x20 = fill(I, TWO, x19);
    let x21 = compose(vline, x18);
    let x22 = sfilter(x1, x21);
    let x23 = difference(x1, x22);
    let x24 = chain(decrement, minimum, shape);
    let x25 = compose(increment, x24);
    let x26 = compose(invert, x24);
    let x27 = rbind(interval, ONE);
    let x28 = fork(x27, x26, x25);
    let x29 = lbind(apply, toivec);
    let x30 = lbind(apply, tojvec);
    let x31 = lbind(lbind, shift);
    let x32 = compose(x31, x18);
    let x33 = compose(x29, x28);
    let x34 = compose(x30, x28);
    let x35 = fork(mapply, x32, x33);
    let x36 = fork(mapply, x32, x34);
    let x37 = mapply(x35, x23);
    let x38 = mapply(x36, x22);
    let x39 = combine(x37, x38);
    let O = underfill(x20, THREE, x39);
    O
}

#[solver("150deff5")]
fn solve_150deff5(I: Grid) -> Grid {
    let x1 = canvas(FIVE, TWO_BY_TWO);
    let x2 = asobject(x1);
    let x3 = occurrences(I, x2);
    let x4 = lbind(shift, x2);
    let x5 = mapply(x4, x3);
    let x6 = fill(I, EIGHT, x5);
    let x7 = canvas(FIVE, UNITY);
    let x8 = astuple(TWO, ONE);
    let x9 = canvas(EIGHT, x8);
    let x10 = vconcat(x9, x7);
    let x11 = asobject(x10);
    let x12 = occurrences(x6, x11);
    let x13 = lbind(shift, x11);
    let x14 = mapply(x13, x12);
    let x15 = fill(x6, TWO, x14);
    let x16 = astuple(ONE, THREE);
    let x17 = canvas(FIVE, x16);
    let x18 = asobject(x17);
    let x19 = occurrences(x15, x18);
    let x20 = lbind(shift, x18);
    let x21 = mapply(x20, x19);
    let x22 = fill(x15, TWO, x21);
    let x23 = hmirror(x10);
    let x24 = asobject(x23);
    let x25 = occurrences(x22, x24);
    let x26 = lbind(shift, x24);
    let x27 = mapply(x26, x25);
    let x28 = fill(x22, TWO, x27);
    let x29 = dmirror(x10);
    let x30 = asobject(x29);
    let x31 = occurrences(x28, x30);
    let x32 = lbind(shift, x30);
    let x33 = mapply(x32, x31);
    let x34 = fill(x28, TWO, x33);
    let x35 = vmirror(x29);
    let x36 = asobject(x35);
    let x37 = occurrences(x34, x36);
    let x38 = lbind(shift, x36);
    let x39 = mapply(x38, x37);
    let O = fill(x34, TWO, x39);
    O
}

#[solver("b7249182")]
fn solve_b7249182(I: Grid) -> Grid {
    let x1 = objects(I, T, F, T);
    let x2 = merge(x1);
    let x3 = portrait(x2);
    let x4 = branch(x3, identity, dmirror);
    let x5 = x4(I);
    let x6 = objects(x5, T, F, T);
    let x7 = order(x6, uppermost);
    let x8 = first(x7);
    let x9 = last(x7);
    let x10 = color(x8);
    let x11 = color(x9);
    let x12 = compose(first, toindices);
    let x13 = x12(x8);
    let x14 = x12(x9);
    let x15 = connect(x13, x14);
    let x16 = centerofmass(x15);
    let x17 = connect(x13, x16);
    let x18 = fill(x5, x11, x15);
    let x19 = fill(x18, x10, x17);
    let x20 = add(x16, DOWN);
    let x21 = initset(x16);
    let x22 = insert(x20, x21);
    let x23 = toobject(x22, x19);
    let x24 = astuple(ZERO, NEG_TWO);
    let x25 = shift(x23, ZERO_BY_TWO);
    let x26 = shift(x23, x24);
    let x27 = combine(x25, x26);
    let x28 = ulcorner(x27);
    let x29 = urcorner(x27);
    let x30 = connect(x28, x29);
    let x31 = shift(x30, UP);
    let x32 = llcorner(x27);
    let x33 = lrcorner(x27);
    let x34 = connect(x32, x33);
    let x35 = shift(x34, DOWN);
    let x36 = paint(x19, x27);
    let x37 = fill(x36, x10, x31);
    let x38 = fill(x37, x11, x35);
    let x39 = cover(x38, x22);
    let O = x4(x39);
    O
}

#[solver("9d9215db")]
fn solve_9d9215db(I: Grid) -> Grid {
    let x1 = rot90(I);
    let x2 = rot180(I);
    let x3 = rot270(I);
    let x4 = initset(I);
    let x5 = chain(numcolors, lefthalf, tophalf);
    let x6 = insert(x1, x4);
    let x7 = insert(x2, x6);
    let x8 = insert(x3, x7);
    let x9 = argmax(x8, x5);
    let x10 = vmirror(x9);
    let x11 = papply(pair, x9, x10);
    let x12 = lbind(apply, maximum);
    let x13 = apply(x12, x11);
    let x14 = partition(x13);
    let x15 = sizefilter(x14, FOUR);
    let x16 = apply(llcorner, x15);
    let x17 = apply(lrcorner, x15);
    let x18 = combine(x16, x17);
    let x19 = cover(x13, x18);
    let x20 = tojvec(NEG_TWO);
    let x21 = rbind(add, ZERO_BY_TWO);
    let x22 = rbind(add, x20);
    let x23 = compose(x21, ulcorner);
    let x24 = compose(x22, urcorner);
    let x25 = fork(connect, x23, x24);
    let x26 = compose(even, last);
    let x27 = rbind(sfilter, x26);
    let x28 = chain(normalize, x27, x25);
    let x29 = fork(shift, x28, x23);
    let x30 = fork(recolor, color, x29);
    let x31 = mapply(x30, x15);
    let x32 = paint(x19, x31);
    let x33 = rot90(x32);
    let x34 = rot180(x32);
    let x35 = rot270(x32);
    let x36 = papply(pair, x32, x33);
    let x37 = apply(x12, x36);
    let x38 = papply(pair, x37, x34);
    let x39 = apply(x12, x38);
    let x40 = papply(pair, x39, x35);
    let O = apply(x12, x40);
    O
}

#[solver("6855a6e4")]
fn solve_6855a6e4(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = rot90(I);
    let x3 = colorfilter(x1, TWO);
    let x4 = first(x3);
    let x5 = portrait(x4);
    let x6 = branch(x5, I, x2);
    let x7 = objects(x6, T, F, T);
    let x8 = colorfilter(x7, FIVE);
    let x9 = apply(center, x8);
    let x10 = valmin(x9, first);
    let x11 = compose(first, center);
    let x12 = matcher(x11, x10);
    let x13 = compose(flip, x12);
    let x14 = extract(x8, x12);
    let x15 = extract(x8, x13);
    let x16 = ulcorner(x14);
    let x17 = ulcorner(x15);
    let x18 = subgrid(x14, x6);
    let x19 = subgrid(x15, x6);
    let x20 = hmirror(x18);
    let x21 = hmirror(x19);
    let x22 = ofcolor(x20, FIVE);
    let x23 = recolor(FIVE, x22);
    let x24 = ofcolor(x21, FIVE);
    let x25 = recolor(FIVE, x24);
    let x26 = height(x23);
    let x27 = height(x25);
    let x28 = add(THREE, x26);
    let x29 = add(THREE, x27);
    let x30 = toivec(x28);
    let x31 = toivec(x29);
    let x32 = add(x16, x30);
    let x33 = subtract(x17, x31);
    let x34 = shift(x23, x32);
    let x35 = shift(x25, x33);
    let x36 = merge(x8);
    let x37 = cover(x6, x36);
    let x38 = paint(x37, x34);
    let x39 = paint(x38, x35);
    let x40 = rot270(x39);
    let O = branch(x5, x39, x40);
    O
}

#[solver("264363fd")]
fn solve_264363fd(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = argmin(x1, size);
    let x3 = normalize(x2);
    let x4 = height(x2);
    let x5 = width(x2);
    let x6 = equality(x4, FIVE);
    let x7 = equality(x5, FIVE);
    let x8 = astuple(x6, x7);
    let x9 = add(UNITY, x8);
    let x10 = invert(x9);
    let x11 = center(x2);
    let x12 = index(I, x11);
    let x13 = branch(x6, UP, RIGHT);
    let x14 = add(x13, x11);
    let x15 = index(I, x14);
    let x16 = astuple(x12, ORIGIN);
    let x17 = initset(x16);
    let x18 = cover(I, x2);
    let x19 = mostcolor(x18);
    let x20 = ofcolor(x18, x19);
    let x21 = occurrences(x18, x17);
    let x22 = objects(x18, F, F, T);
    let x23 = rbind(occurrences, x17);
    let x24 = rbind(subgrid, x18);
    let x25 = compose(x23, x24);
    let x26 = lbind(mapply, vfrontier);
    let x27 = lbind(mapply, hfrontier);
    let x28 = compose(x26, x25);
    let x29 = compose(x27, x25);
    let x30 = branch(x6, x28, x29);
    let x31 = branch(x7, x29, x28);
    let x32 = fork(combine, x30, x31);
    let x33 = lbind(recolor, x15);
    let x34 = compose(x33, x32);
    let x35 = fork(paint, x24, x34);
    let x36 = compose(asobject, x35);
    let x37 = fork(shift, x36, ulcorner);
    let x38 = mapply(x37, x22);
    let x39 = paint(x18, x38);
    let x40 = shift(x3, x10);
    let x41 = lbind(shift, x40);
    let x42 = mapply(x41, x21);
    let x43 = paint(x39, x42);
    let O = fill(x43, x19, x20);
    O
}

#[solver("7df24a62")]
fn solve_7df24a62(I: Grid) -> Grid {
    let x1 = height(I);
    let x2 = width(I);
    let x3 = ofcolor(I, ONE);
    let x4 = ofcolor(I, FOUR);
    let x5 = ulcorner(x3);
    let x6 = subgrid(x3, I);
    let x7 = rot90(x6);
    let x8 = rot180(x6);
    let x9 = rot270(x6);
    let x10 = matcher(size, ZERO);
    let x11 = rbind(ofcolor, ONE);
    let x12 = compose(normalize, x11);
    let x13 = rbind(ofcolor, FOUR);
    let x14 = rbind(shift, x5);
    let x15 = compose(x14, x13);
    let x16 = lbind(subtract, x1);
    let x17 = chain(increment, x16, height);
    let x18 = lbind(subtract, x2);
    let x19 = chain(increment, x18, width);
    let x20 = rbind(interval, ONE);
    let x21 = lbind(x20, ZERO);
    let x22 = compose(x21, x17);
    let x23 = compose(x21, x19);
    let x24 = fork(product, x22, x23);
    let x25 = rbind(shift, NEG_UNITY);
    let x26 = lbind(lbind, shift);
    let x27 = chain(x26, x25, x12);
    let x28 = astuple(x6, x7);
    let x29 = astuple(x8, x9);
    let x30 = combine(x28, x29);
    let x31 = apply(x15, x30);
    let x32 = lbind(difference, x4);
    let x33 = apply(x32, x31);
    let x34 = apply(normalize, x31);
    let x35 = apply(x24, x34);
    let x36 = lbind(rbind, difference);
    let x37 = apply(x26, x34);
    let x38 = apply(x36, x33);
    let x39 = papply(compose, x38, x37);
    let x40 = lbind(compose, x10);
    let x41 = apply(x40, x39);
    let x42 = papply(sfilter, x35, x41);
    let x43 = apply(x27, x30);
    let x44 = mpapply(mapply, x43, x42);
    let O = fill(I, ONE, x44);
    O
}

#[solver("f15e1fac")]
fn solve_f15e1fac(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = portrait(x1);
    let x3 = branch(x2, identity, dmirror);
    let x4 = x3(I);
    let x5 = leftmost(x1);
    let x6 = equality(x5, ZERO);
    let x7 = branch(x6, identity, vmirror);
    let x8 = x7(x4);
    let x9 = ofcolor(x8, EIGHT);
    let x10 = uppermost(x9);
    let x11 = equality(x10, ZERO);
    let x12 = branch(x11, identity, hmirror);
    let x13 = x12(x8);
    let x14 = ofcolor(x13, EIGHT);
    let x15 = ofcolor(x13, TWO);
    let x16 = rbind(shoot, DOWN);
    let x17 = mapply(x16, x14);
    let x18 = height(x13);
    let x19 = apply(first, x15);
    let x20 = insert(ZERO, x19);
    let x21 = insert(x18, x19);
    let x22 = apply(decrement, x21);
    let x23 = order(x20, identity);
    let x24 = order(x22, identity);
    let x25 = size(x15);
    let x26 = increment(x25);
    let x27 = interval(ZERO, x26, ONE);
    let x28 = apply(tojvec, x27);
    let x29 = pair(x23, x24);
    let x30 = lbind(sfilter, x17);
    let x31 = compose(first, last);
    let x32 = chain(decrement, first, first);
    let x33 = fork(greater, x31, x32);
    let x34 = chain(increment, last, first);
    let x35 = fork(greater, x34, x31);
    let x36 = fork(both, x33, x35);
    let x37 = lbind(lbind, astuple);
    let x38 = lbind(compose, x36);
    let x39 = chain(x30, x38, x37);
    let x40 = apply(x39, x29);
    let x41 = papply(shift, x40, x28);
    let x42 = merge(x41);
    let x43 = fill(x13, EIGHT, x42);
    let x44 = chain(x3, x7, x12);
    let O = x44(x43);
    O
}

#[solver("234bbc79")]
fn solve_234bbc79(I: Grid) -> Grid {
    let x1 = objects(I, F, F, T);
    let x2 = rbind(other, FIVE);
    let x3 = compose(x2, palette);
    let x4 = fork(recolor, x3, identity);
    let x5 = apply(x4, x1);
    let x6 = order(x5, leftmost);
    let x7 = compose(last, last);
    let x8 = lbind(matcher, x7);
    let x9 = compose(x8, leftmost);
    let x10 = compose(x8, rightmost);
    let x11 = fork(sfilter, identity, x9);
    let x12 = fork(sfilter, identity, x10);
    let x13 = compose(dneighbors, last);
    let x14 = rbind(chain, x13);
    let x15 = lbind(x14, size);
    let x16 = lbind(rbind, intersection);
    let x17 = chain(x15, x16, toindices);
    let x18 = fork(argmin, x11, x17);
    let x19 = fork(argmin, x12, x17);
    let x20 = compose(last, x18);
    let x21 = compose(last, x19);
    let x22 = astuple(ZERO, DOWN_LEFT);
    let x23 = initset(x22);
    let x24 = lbind(add, RIGHT);
    let x25 = chain(x20, first, last);
    let x26 = compose(x21, first);
    let x27 = fork(subtract, x26, x25);
    let x28 = compose(first, last);
    let x29 = compose(x24, x27);
    let x30 = fork(shift, x28, x29);
    let x31 = fork(combine, first, x30);
    let x32 = fork(remove, x28, last);
    let x33 = fork(astuple, x31, x32);
    let x34 = size(x1);
    let x35 = power(x33, x34);
    let x36 = astuple(x23, x6);
    let x37 = x35(x36);
    let x38 = first(x37);
    let x39 = width(x38);
    let x40 = decrement(x39);
    let x41 = astuple(THREE, x40);
    let x42 = canvas(ZERO, x41);
    let O = paint(x42, x38);
    O
}

#[solver("22233c11")]
fn solve_22233c11(I: Grid) -> Grid {
    let x1 = objects(I, T, T, T);
    let x2 = rbind(upscale, TWO);
    let x3 = chain(invert, halve, shape);
    let x4 = fork(combine, hfrontier, vfrontier);
    let x5 = compose(x2, vmirror);
    let x6 = fork(shift, x5, x3);
    let x7 = compose(toindices, x6);
    let x8 = lbind(mapply, x4);
    let x9 = compose(x8, toindices);
    let x10 = fork(difference, x7, x9);
    let x11 = mapply(x10, x1);
    let O = fill(I, EIGHT, x11);
    O
}

#[solver("2dd70a9a")]
fn solve_2dd70a9a(I: Grid) -> Grid {
    let x1 = ofcolor(I, TWO);
    let x2 = ofcolor(I, THREE);
    let x3 = vline(x1);
    let x4 = vline(x2);
    let x5 = center(x1);
    let x6 = branch(x4, uppermost, rightmost);
    let x7 = x6(x1);
    let x8 = x6(x2);
    let x9 = greater(x7, x8);
    let x10 = both(x4, x9);
    let x11 = branch(x10, lowermost, uppermost);
    let x12 = x11(x2);
    let x13 = branch(x4, leftmost, rightmost);
    let x14 = x13(x2);
    let x15 = astuple(x12, x14);
    let x16 = other(x2, x15);
    let x17 = subtract(x15, x16);
    let x18 = shoot(x15, x17);
    let x19 = underfill(I, ONE, x18);
    let x20 = objects(x19, T, F, F);
    let x21 = colorfilter(x20, ONE);
    let x22 = rbind(adjacent, x2);
    let x23 = sfilter(x21, x22);
    let x24 = difference(x21, x23);
    let x25 = merge(x24);
    let x26 = cover(x19, x25);
    let x27 = shoot(x5, DOWN);
    let x28 = shoot(x5, UP);
    let x29 = shoot(x5, LEFT);
    let x30 = shoot(x5, RIGHT);
    let x31 = combine(x27, x28);
    let x32 = combine(x29, x30);
    let x33 = branch(x3, x31, x32);
    let x34 = ofcolor(x26, ONE);
    let x35 = initset(x15);
    let x36 = rbind(manhattan, x35);
    let x37 = compose(x36, initset);
    let x38 = argmax(x34, x37);
    let x39 = initset(x38);
    let x40 = gravitate(x39, x33);
    let x41 = crement(x40);
    let x42 = add(x38, x41);
    let x43 = connect(x38, x42);
    let x44 = fill(x26, ONE, x43);
    let x45 = connect(x42, x5);
    let x46 = underfill(x44, ONE, x45);
    let O = replace(x46, ONE, THREE);
    O
}

#[solver("a64e4611")]
fn solve_a64e4611(I: Grid) -> Grid {
    let x1 = asindices(I);
    let x2 = fork(product, identity, identity);
    let x3 = lbind(canvas, ZERO);
    let x4 = compose(asobject, x3);
    let x5 = fork(multiply, first, last);
    let x6 = compose(positive, size);
    let x7 = lbind(lbind, shift);
    let x8 = rbind(fork, x5);
    let x9 = lbind(x8, multiply);
    let x10 = lbind(chain, x6);
    let x11 = rbind(x10, x4);
    let x12 = lbind(lbind, occurrences);
    let x13 = chain(x9, x11, x12);
    let x14 = compose(x2, first);
    let x15 = compose(x13, last);
    let x16 = fork(argmax, x14, x15);
    let x17 = chain(x7, x4, x16);
    let x18 = compose(x4, x16);
    let x19 = fork(occurrences, last, x18);
    let x20 = fork(mapply, x17, x19);
    let x21 = multiply(TWO, SIX);
    let x22 = interval(THREE, x21, ONE);
    let x23 = astuple(x22, I);
    let x24 = x20(x23);
    let x25 = fill(I, THREE, x24);
    let x26 = interval(THREE, TEN, ONE);
    let x27 = astuple(x26, x25);
    let x28 = x20(x27);
    let x29 = fill(x25, THREE, x28);
    let x30 = astuple(x26, x29);
    let x31 = x20(x30);
    let x32 = fill(x29, THREE, x31);
    let x33 = rbind(toobject, x32);
    let x34 = rbind(colorcount, THREE);
    let x35 = chain(x34, x33, neighbors);
    let x36 = matcher(x35, EIGHT);
    let x37 = sfilter(x1, x36);
    let x38 = fill(I, THREE, x37);
    let x39 = ofcolor(x38, ZERO);
    let x40 = rbind(bordering, x38);
    let x41 = compose(x40, initset);
    let x42 = lbind(contained, THREE);
    let x43 = rbind(toobject, x38);
    let x44 = chain(x42, palette, x43);
    let x45 = compose(x44, dneighbors);
    let x46 = fork(both, x45, x41);
    let x47 = sfilter(x39, x46);
    let O = fill(x38, THREE, x47);
    O
}

#[solver("7837ac64")]
fn solve_7837ac64(I: Grid) -> Grid {
    let x1 = fgpartition(I);
    let x2 = argmax(x1, size);
    let x3 = remove(x2, x1);
    let x4 = merge(x3);
    let x5 = subgrid(x4, I);
    let x6 = chain(color, merge, frontiers);
    let x7 = x6(I);
    let x8 = objects(x5, T, F, F);
    let x9 = colorfilter(x8, ZERO);
    let x10 = rbind(toobject, x5);
    let x11 = chain(x10, corners, outbox);
    let x12 = lbind(contained, x7);
    let x13 = chain(x12, palette, x11);
    let x14 = compose(numcolors, x11);
    let x15 = compose(flip, x13);
    let x16 = matcher(x14, ONE);
    let x17 = fork(both, x15, x16);
    let x18 = sfilter(x9, x17);
    let x19 = compose(color, x11);
    let x20 = fork(recolor, x19, identity);
    let x21 = mapply(x20, x18);
    let x22 = paint(x5, x21);
    let x23 = first(x9);
    let x24 = height(x23);
    let x25 = height(x5);
    let x26 = increment(x24);
    let x27 = interval(ZERO, x25, x26);
    let x28 = interval(ZERO, x25, ONE);
    let x29 = rbind(contained, x27);
    let x30 = chain(flip, x29, last);
    let x31 = lbind(apply, first);
    let x32 = rbind(sfilter, x30);
    let x33 = rbind(pair, x28);
    let x34 = chain(x31, x32, x33);
    let x35 = compose(dmirror, x34);
    let x36 = power(x35, TWO);
    let x37 = x36(x22);
    let O = downscale(x37, x24);
    O
}

#[solver("a8c38be5")]
fn solve_a8c38be5(I: Grid) -> Grid {
    let x1 = replace(I, FIVE, ZERO);
    let x2 = objects(x1, T, F, T);
    let x3 = apply(normalize, x2);
    let x4 = astuple(NINE, NINE);
    let x5 = canvas(FIVE, x4);
    let x6 = asindices(x5);
    let x7 = r#box(x6);
    let x8 = center(x6);
    let x9 = lbind(contained, ZERO);
    let x10 = rbind(subtract, x8);
    let x11 = compose(x9, x10);
    let x12 = chain(outbox, outbox, initset);
    let x13 = corners(x6);
    let x14 = mapply(x12, x13);
    let x15 = difference(x7, x14);
    let x16 = inbox(x7);
    let x17 = sfilter(x16, x11);
    let x18 = combine(x15, x17);
    let x19 = fill(x5, ONE, x18);
    let x20 = objects(x19, T, F, T);
    let x21 = apply(toindices, x20);
    let x22 = lbind(matcher, normalize);
    let x23 = lbind(extract, x21);
    let x24 = chain(ulcorner, x23, x22);
    let x25 = compose(x24, toindices);
    let x26 = fork(shift, identity, x25);
    let x27 = mapply(x26, x3);
    let O = paint(x5, x27);
    O
}

#[solver("b775ac94")]
fn solve_b775ac94(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = lbind(rbind, equality);
    let x3 = rbind(compose, first);
    let x4 = chain(x3, x2, mostcolor);
    let x5 = fork(sfilter, identity, x4);
    let x6 = fork(difference, identity, x5);
    let x7 = lbind(rbind, adjacent);
    let x8 = rbind(compose, initset);
    let x9 = chain(x8, x7, x6);
    let x10 = fork(extract, x5, x9);
    let x11 = fork(insert, x10, x6);
    let x12 = lbind(recolor, ZERO);
    let x13 = chain(x12, delta, x11);
    let x14 = fork(combine, x11, x13);
    let x15 = fork(position, x5, x6);
    let x16 = chain(toivec, first, x15);
    let x17 = chain(tojvec, last, x15);
    let x18 = fork(multiply, shape, x16);
    let x19 = fork(multiply, shape, x17);
    let x20 = fork(multiply, shape, x15);
    let x21 = fork(shift, hmirror, x18);
    let x22 = fork(shift, vmirror, x19);
    let x23 = compose(hmirror, vmirror);
    let x24 = fork(shift, x23, x20);
    let x25 = lbind(compose, x5);
    let x26 = x25(x21);
    let x27 = x25(x22);
    let x28 = x25(x24);
    let x29 = compose(crement, invert);
    let x30 = lbind(compose, x29);
    let x31 = x30(x16);
    let x32 = x30(x17);
    let x33 = x30(x15);
    let x34 = fork(shift, x26, x31);
    let x35 = fork(shift, x27, x32);
    let x36 = fork(shift, x28, x33);
    let x37 = lbind(index, I);
    let x38 = lbind(compose, toindices);
    let x39 = x38(x14);
    let x40 = x38(x34);
    let x41 = x38(x35);
    let x42 = x38(x36);
    let x43 = fork(intersection, x39, x40);
    let x44 = fork(intersection, x39, x41);
    let x45 = fork(intersection, x39, x42);
    let x46 = chain(x37, first, x43);
    let x47 = chain(x37, first, x44);
    let x48 = chain(x37, first, x45);
    let x49 = fork(recolor, x46, x34);
    let x50 = fork(recolor, x47, x35);
    let x51 = fork(recolor, x48, x36);
    let x52 = mapply(x49, x1);
    let x53 = mapply(x50, x1);
    let x54 = mapply(x51, x1);
    let x55 = paint(I, x52);
    let x56 = paint(x55, x53);
    let O = paint(x56, x54);
    O
}

#[solver("97a05b5b")]
fn solve_97a05b5b(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = argmax(x1, size);
    let x3 = subgrid(x2, I);
    let x4 = rbind(greater, ONE);
    let x5 = compose(x4, numcolors);
    let x6 = sfilter(x1, x5);
    let x7 = lbind(rbind, subtract);
    let x8 = switch(x3, TWO, ZERO);
    let x9 = lbind(occurrences, x8);
    let x10 = lbind(lbind, shift);
    let x11 = compose(x7, ulcorner);
    let x12 = matcher(first, TWO);
    let x13 = compose(flip, x12);
    let x14 = rbind(sfilter, x12);
    let x15 = rbind(sfilter, x13);
    let x16 = lbind(recolor, ZERO);
    let x17 = compose(x16, x15);
    let x18 = fork(combine, x17, x14);
    let x19 = chain(x11, x18, normalize);
    let x20 = objects(x8, T, T, T);
    let x21 = apply(toindices, x20);
    let x22 = chain(x9, x18, normalize);
    let x23 = rbind(colorcount, TWO);
    let x24 = lbind(sfilter, x21);
    let x25 = chain(size, first, x24);
    let x26 = compose(positive, size);
    let x27 = lbind(lbind, contained);
    let x28 = chain(x26, x24, x27);
    let x29 = compose(x25, x27);
    let x30 = rbind(sfilter, x28);
    let x31 = compose(x30, x22);
    let x32 = lbind(rbind, equality);
    let x33 = rbind(compose, x29);
    let x34 = chain(x33, x32, x23);
    let x35 = fork(sfilter, x31, x34);
    let x36 = fork(apply, x19, x35);
    let x37 = compose(x10, normalize);
    let x38 = fork(mapply, x37, x36);
    let x39 = astuple(cmirror, dmirror);
    let x40 = astuple(hmirror, vmirror);
    let x41 = combine(x39, x40);
    let x42 = product(x41, x41);
    let x43 = fork(compose, first, last);
    let x44 = apply(x43, x42);
    let x45 = lbind(rapply, x44);
    let x46 = mapply(x45, x6);
    let x47 = mapply(x38, x46);
    let x48 = paint(x3, x47);
    let x49 = palette(x47);
    let x50 = lbind(remove, TWO);
    let x51 = x50(x49);
    let x52 = chain(first, x50, palette);
    let x53 = rbind(contained, x51);
    let x54 = chain(flip, x53, x52);
    let x55 = sfilter(x6, x54);
    let x56 = fork(apply, x19, x22);
    let x57 = fork(mapply, x37, x56);
    let x58 = mapply(x45, x55);
    let x59 = mapply(x57, x58);
    let O = paint(x48, x59);
    O
}

#[solver("3e980e27")]
fn solve_3e980e27(I: Grid) -> Grid {
    let x1 = objects(I, F, T, T);
    let x2 = astuple(TEN, TEN);
    let x3 = invert(x2);
    let x4 = astuple(TWO, x3);
    let x5 = astuple(THREE, x3);
    let x6 = initset(x4);
    let x7 = insert(x5, x6);
    let x8 = insert(x7, x1);
    let x9 = lbind(contained, TWO);
    let x10 = lbind(contained, THREE);
    let x11 = compose(invert, ulcorner);
    let x12 = lbind(compose, x11);
    let x13 = lbind(rbind, sfilter);
    let x14 = compose(x12, x13);
    let x15 = rbind(compose, center);
    let x16 = lbind(lbind, shift);
    let x17 = x14(x9);
    let x18 = x14(x10);
    let x19 = fork(shift, identity, x17);
    let x20 = fork(shift, identity, x18);
    let x21 = compose(x9, palette);
    let x22 = compose(x10, palette);
    let x23 = sfilter(x8, x21);
    // The template is the largest object holding 2 (or 3). The placeholder x7 (both colours, far off
    // the grid) is there for grids without one; where a template is as small as it (two cells),
    // the two tie and Python's set order picks. The template wins such a tie (issue 22).
    let x37 = argmax(x23, size);
    let x38 = size(x37);
    let x39 = remove(x7, x23);
    let x40 = sizefilter(x39, x38);
    let x41 = size(x40);
    let x42 = positive(x41);
    let x43 = initset(x37);
    let x44 = branch(x42, x40, x43);
    let x24 = first(x44);
    let x25 = remove(x24, x23);
    let x26 = vmirror(x24);
    let x27 = chain(x15, x16, x19);
    let x28 = x27(x26);
    let x29 = mapply(x28, x25);
    let x30 = sfilter(x8, x22);
    let x45 = argmax(x30, size);
    let x46 = size(x45);
    let x47 = remove(x7, x30);
    let x48 = sizefilter(x47, x46);
    let x49 = size(x48);
    let x50 = positive(x49);
    let x51 = initset(x45);
    let x52 = branch(x50, x48, x51);
    let x31 = first(x52);
    let x32 = remove(x31, x30);
    let x33 = chain(x15, x16, x20);
    let x34 = x33(x31);
    let x35 = mapply(x34, x32);
    let x36 = combine(x29, x35);
    let O = paint(I, x36);
    O
}
