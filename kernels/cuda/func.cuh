// Higher-order primitives (mirror of src/func.rs): function values are functor objects, so
// `lbind(ctx, shift, x)` is an LBind<shift_fn, X> and its arity is whatever its call provides —
// C++ templates give Python's arity rule (`co_argcount - 1`) for free.
#pragma once
#include "value.cuh"
namespace arc {

template <class A, class B> struct Either;
template <class T> struct IsEither { static constexpr bool v = false; };
template <class A, class B> struct IsEither<Either<A, B>> { static constexpr bool v = true; };
template <class A, class B> struct KindOf<Either<A, B>> { static constexpr uint32_t v = K_BRANCH; };
// The four corners of a patch (patches.cuh marks them): Python gives `()` for an empty patch.
template <class F> struct IsCorner { static constexpr bool v = false; };
template <class F> struct IsCompose { static constexpr bool v = false; };

ARC_PRIM(identity)
struct identity_fn {
  template <class X> ARC_DEVICE X operator()(Ctx&, X x) const { return x; }
};
ARC_VAR identity_fn identity{};

// Every call of a function value is a step, charged by its caller (call_value), as on the CPU
// (`call`): a composed function's call is one, and it calls each of its parts through call_value,
// as `call_func` does. Loops of cheap calls over small data (d22278a0 on foreign grids) are counted
// like any other work.
template <class Outer, class Inner> struct Compose {
  Outer outer;
  Inner inner;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const {
    // An inner `branch` of two functions whose results differ in type (identity vs outbox of an
    // object) often meets again after the outer function: apply it to each side.
    if constexpr (IsEither<Inner>::v) {
      if (inner.first) {
        auto y = call_value(c, inner.a, x);
        return call_value(c, outer, y);
      }
      auto y = call_value(c, inner.b, x);
      return call_value(c, outer, y);
    } else {
      auto y = call_value(c, inner, x);
      return call_value(c, outer, y);
    }
  }
};
template <class O, class I> struct IsCompose<Compose<O, I>> { static constexpr bool v = true; };
ARC_PRIM(compose)
struct D8Fn;
struct compose_fn {
  template <class O, class I> ARC_DEVICE Compose<O, I> operator()(Ctx&, O outer, I inner) const { return {outer, inner}; }
  // two symmetries make one D8Fn (defined in grids.cuh), so that they share a type with the others
  ARC_DEVICE D8Fn operator()(Ctx& c, D8Fn outer, D8Fn inner) const;
};
ARC_VAR compose_fn compose{};

template <class H, class G, class F> struct Chain {
  H h;
  G g;
  F f;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const {
    if constexpr (IsEither<F>::v) {  // as in Compose
      if (f.first) {
        auto y = call_value(c, f.a, x);
        auto z = call_value(c, g, y);
        return call_value(c, h, z);
      }
      auto y = call_value(c, f.b, x);
      auto z = call_value(c, g, y);
      return call_value(c, h, z);
    } else {
      auto y = call_value(c, f, x);
      auto z = call_value(c, g, y);
      return call_value(c, h, z);
    }
  }
};
ARC_PRIM(chain)
struct chain_fn {
  template <class H, class G, class F> ARC_DEVICE Chain<H, G, F> operator()(Ctx&, H h, G g, F f) const { return {h, g, f}; }
};
ARC_VAR chain_fn chain{};

template <class Outer, class A, class B> struct Fork {
  Outer outer;
  A a;
  B b;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const {
    auto y = call_value(c, a, x);  // in the CPU's order: a, b, then outer
    auto z = call_value(c, b, x);
    return call_value(c, outer, y, z);
  }
};
ARC_PRIM(fork)
struct fork_fn {
  template <class O, class A, class B> ARC_DEVICE Fork<O, A, B> operator()(Ctx&, O outer, A a, B b) const { return {outer, a, b}; }
};
ARC_VAR fork_fn fork{};

template <class F, class Fixed> struct LBind {
  F f;
  Fixed fixed;
  template <class... Xs> ARC_DEVICE auto operator()(Ctx& c, Xs... xs) const { return call_value(c, f, fixed, xs...); }
};
ARC_PRIM(lbind)
struct lbind_fn {
  template <class F, class X> ARC_DEVICE LBind<F, X> operator()(Ctx&, F f, X fixed) const { return {f, fixed}; }
};
ARC_VAR lbind_fn lbind{};

template <class F, class Fixed> struct RBind {
  F f;
  Fixed fixed;
  template <class... Xs> ARC_DEVICE auto operator()(Ctx& c, Xs... xs) const { return call_value(c, f, xs..., fixed); }
};
ARC_PRIM(rbind)
struct rbind_fn {
  template <class F, class X> ARC_DEVICE RBind<F, X> operator()(Ctx&, F f, X fixed) const { return {f, fixed}; }
};
ARC_VAR rbind_fn rbind{};

template <class T> ARC_DEVICE bool empty_patch(Set<T> p) { return p.n == 0; }
template <class T> ARC_DEVICE bool empty_patch(T) { return false; }

template <class F, class Target> struct Matcher {
  F f;
  Target target;
  template <class X> ARC_DEVICE bool operator()(Ctx& c, X x) const {
    if constexpr (IsCompose<F>::v && same<Target, Point>) {
      if constexpr (IsCorner<decltype(f.outer)>::v && !IsEither<decltype(f.inner)>::v) {
        // A corner of an empty patch is Python's `()`, which equals no point (995c5fa3 asks
        // whether an empty patch's corner is (1, 1)); the CPU answers False, and so does this.
        // Counted as the CPU's calls: the composed function, its inner and its outer function.
        c.step(1);
        auto patch = call_value(c, f.inner, x);
        c.step(1);
        if (empty_patch(patch)) return false;
        return equal(f.outer(c, patch), target);
      }
    }
    auto v = call_value(c, f, x);
    if constexpr (comparable<decltype(v), Target>) {
      return equal(v, target);
    } else {
      c.unsupported(overload_at<P_matcher, decltype(v), Target>());  // the call's result against the target
      return false;
    }
  }
};
ARC_PRIM(matcher)
struct matcher_fn {
  template <class F, class T> ARC_DEVICE Matcher<F, T> operator()(Ctx&, F f, T target) const { return {f, target}; }
};
ARC_VAR matcher_fn matcher{};

// power(f, n): f applied n times (n >= 1; Python recurses forever below 1, a failure here).
template <class F> struct Power {
  F f;
  int n;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const {
    using Y = decltype(f(c, x));
    // n calls of f, each a step (the call of the power itself is its caller's), as on the CPU;
    // power(f, 1) is f itself there, so its one call is the caller's step
    if constexpr (same<X, Y>) {
      if (n == 1) return f(c, x);
      for (int k = 0; k < n && c.step(1); k++) x = f(c, x);
      return x;
    } else {
      // the first call may change the type (outbox of an object gives indices); the others keep it
      if (c.failed() || (n != 1 && !c.step(1))) return Y{};
      Y y = f(c, x);
      if constexpr (same<Y, decltype(f(c, y))>) {
        for (int k = 1; k < n && c.step(1); k++) y = f(c, y);
      } else {
        if (n > 1) c.unsupported(value_at<P_power, X, Y>());
      }
      return y;
    }
  }
};
ARC_PRIM(power)
struct power_fn {
  template <class F> ARC_DEVICE Power<F> operator()(Ctx& c, F f, int n) const {
    if (n < 1) c.fail(S_LIMIT);
    return {f, n};
  }
};
ARC_VAR power_fn power{};

// power(f, K) with K a constant of the solver (the translator writes `power_k<K>(ctx, f)`): f applied
// K times, each time free to change the value's type, as Python's dynamic typing allows. Counted as
// on the CPU: power(f, 1) is f itself; a larger K calls f K times, a step each.
template <int K, class F, class X> ARC_DEVICE auto power_calls(Ctx& c, const F& f, X x) {
  if constexpr (K <= 0)
    return x;
  else
    return power_calls<K - 1>(c, f, call_value(c, f, x));
}
template <class F, int K> struct PowerK {
  F f;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const {
    if constexpr (K <= 1)
      return f(c, x);
    else
      return power_calls<K>(c, f, x);
  }
};
template <int K, class F> ARC_DEVICE PowerK<F, K> power_k(Ctx&, F f) { return {f}; }

// branch on two values of one type picks one; on two different function types it makes a function
// that dispatches at call time (both branches have one static type in C++).
template <class A, class B> struct Either {
  bool first;
  A a;
  B b;
  template <class... Xs> ARC_DEVICE auto operator()(Ctx& c, Xs... xs) const {
    using RA = decltype(a(c, xs...));
    using RB = decltype(b(c, xs...));
    if constexpr (same<RA, RB>) {
      return first ? a(c, xs...) : b(c, xs...);
    } else {
      // one static type for two Python types: only the CPU can carry on
      c.unsupported(overload_at<P_branch, Either, Xs...>());
      return Poison{};
    }
  }
};

// either_call (declared in value.cuh): the arguments are resolved left to right by rotation (the
// first goes to the end, its Either replaced by the side taken; after all of them the order is the
// original), so no lambda is needed (NVRTC takes unannotated lambdas for host code). A primitive
// whose result type depends on the side taken gives an Either of the two results.
template <int Left, class F, class X, class... Xs> ARC_DEVICE auto either_rotate(Ctx& c, const F& f, X x, Xs... xs) {
  if constexpr (Left == 0) {
    return f(c, x, xs...);
  } else if constexpr (IsEither<X>::v) {
    using RA = decltype(either_rotate<Left - 1>(c, f, xs..., x.a));
    using RB = decltype(either_rotate<Left - 1>(c, f, xs..., x.b));
    if constexpr (same<RA, RB>) {
      return x.first ? either_rotate<Left - 1>(c, f, xs..., x.a) : either_rotate<Left - 1>(c, f, xs..., x.b);
    } else {
      Either<RA, RB> r{x.first, RA{}, RB{}};
      if (x.first) r.a = either_rotate<Left - 1>(c, f, xs..., x.a);
      else r.b = either_rotate<Left - 1>(c, f, xs..., x.b);
      return r;
    }
  } else {
    return either_rotate<Left - 1>(c, f, xs..., x);
  }
}
template <class F, class... A> ARC_DEVICE auto either_call(Ctx& c, const F& f, A... a) {
  if constexpr (!(IsEither<A>::v || ...)) {
    c.unsupported(overload_of<F, A...>());
    return Poison{};
  } else {
    return either_rotate<(int)sizeof...(A)>(c, f, a...);
  }
}

ARC_PRIM(branch)
struct branch_fn {
  template <class C, class A> ARC_DEVICE A operator()(Ctx&, C cond, A a, A b) const { return truthy(cond) ? a : b; }
  template <class C, class A, class B> ARC_DEVICE Either<A, B> operator()(Ctx&, C cond, A a, B b) const {
    return {truthy(cond), a, b};
  }
};
ARC_VAR branch_fn branch{};

}  // namespace arc

// apply and its variants build containers of results: they follow the containers family.
#include "containers.cuh"
namespace arc {

namespace apply_detail {
using namespace containers_detail;

ARC_DEVICE int first_of(Point p) { return p.i; }
ARC_DEVICE int second_of(Point p) { return p.j; }
template <class A, class B> ARC_DEVICE A first_of(Pair<A, B> p) { return p.a; }
template <class A, class B> ARC_DEVICE B second_of(Pair<A, B> p) { return p.b; }

// The results of calling f on every element (a uniform loop: f spreads its own work over the
// lanes, every lane stores the same value).
template <class U, class C, class F> ARC_DEVICE U* results(Ctx& c, C x, F f) {
  int n = len(x);
  U* out = alloc<U>(c, n);  // no steps but the calls' (the CPU's `apply`)
  if (!out) return nullptr;
  for (int k = 0; k < n && !c.failed(); k++) put(out + k, call_value(c, f, item(c, x, k)));
  return c.failed() ? nullptr : out;
}

// A frozenset of n results (sorted, unique); only values with the canonical order fit.
template <class U> ARC_DEVICE Set<U> as_set(Ctx& c, U* out, int n) {
  if (!out) return Set<U>{nullptr, 0};
  return Set<U>{out, sort_unique(c, out, n)};
}

// A tuple of n results. A tuple of rows of ints is a grid to Python: with Rows it is built as one
// (rows of one width, byte values; otherwise S_UNSUPPORTED), so that grid primitives take it.
template <bool Rows, class U> ARC_DEVICE auto as_tuple(Ctx& c, U* out, int n, uint32_t what) {
  if constexpr (Rows && same<U, Tuple<int>>) {
    if (!out) return Grid{0, 0, nullptr};
    return rows_to_grid(c, out, n, what);
  } else {
    return Tuple<U>{out, out ? n : 0};
  }
}

// `type(container)(function(e) for e in container)` (see apply_fn).
template <bool Rows, class F, class C> ARC_DEVICE auto apply_to(Ctx& c, F f, C x) {
  if constexpr (same<C, Point> || IsPair<C>::v) {
    // a 2-tuple gives the 2-tuple of results, canonical as on the CPU ((int, int) is a point...)
    auto a = call_value(c, f, first_of(x));
    auto b = call_value(c, f, second_of(x));
    if constexpr (pairable<decltype(a), decltype(b)>) {
      return pair_of(a, b);
    } else {
      c.unsupported(overload_at<Rows ? P_apply : P_mapply, F, C>());
      return Poison{};
    }
  } else if constexpr (!iterable<C>) {
    c.unsupported(overload_at<Rows ? P_apply : P_mapply, F, C>());
    return Poison{};
  } else {
    using U = decltype(f(c, declval_<elem_t<C>>()));
    if constexpr (poison<U> || (IsSet<C>::v && !ordered<U>)) {
      c.unsupported(overload_at<Rows ? P_apply : P_mapply, F, C>());  // no static type, or a frozenset of functions
      return Poison{};
    } else if constexpr (IsSet<C>::v) {
      return as_set(c, results<U>(c, x, f), len(x));
    } else {
      return as_tuple<Rows>(c, results<U>(c, x, f), len(x), value_at<P_apply, F, C>());
    }
  }
}

// `tuple(function(i, j) for i, j in zip(a, b))` (see papply_fn).
template <bool Rows, class F, class A, class B> ARC_DEVICE auto papply_to(Ctx& c, F f, A a, B b) {
  constexpr bool pair_a = same<A, Point> || IsPair<A>::v, pair_b = same<B, Point> || IsPair<B>::v;
  if constexpr (pair_a && pair_b) {
    // two 2-tuples zip to the 2-tuple of results, canonical as on the CPU (as in apply_to)
    auto x = call_value(c, f, first_of(a), first_of(b));
    auto y = call_value(c, f, second_of(a), second_of(b));
    if constexpr (pairable<decltype(x), decltype(y)>) {
      return pair_of(x, y);
    } else {
      c.unsupported(overload_at<Rows ? P_papply : P_mpapply, F, A, B>());
      return Poison{};
    }
  } else if constexpr (!iterable<A> || !iterable<B>) {
    c.unsupported(overload_at<Rows ? P_papply : P_mpapply, F, A, B>());
    return Poison{};
  } else {
    using U = decltype(f(c, declval_<elem_t<A>>(), declval_<elem_t<B>>()));
    if constexpr (poison<U>) {
      c.unsupported(overload_at<Rows ? P_papply : P_mpapply, F, A, B>());
      return Poison{};
    } else {
      int n = len(a) < len(b) ? len(a) : len(b);
      U* out = alloc<U>(c, n);  // no steps but the calls' (the CPU's `papply`)
      for (int k = 0; out && k < n && !c.failed(); k++) put(out + k, call_value(c, f, item(c, a, k), item(c, b, k)));
      return as_tuple<Rows>(c, c.failed() ? nullptr : out, n, value_at<P_papply, F, A, B>());
    }
  }
}
}  // namespace apply_detail

// `type(container)(function(e) for e in container)`: a frozenset of results is sorted and
// deduplicated; a tuple (or a grid's rows) gives a tuple, a grid when the results are rows of ints.
ARC_PRIM(apply)
struct apply_fn {
  template <class F, class C> ARC_HEAVY auto operator()(Ctx& c, F f, C x) const { return apply_detail::apply_to<true>(c, f, x); }
  ARC_UNSUPPORTED
};
ARC_VAR apply_fn apply{};

// `type(functions)(function(value) for function in functions)`.
ARC_PRIM(rapply)
struct rapply_fn {
  template <class Fs, class V> ARC_HEAVY auto operator()(Ctx& c, Fs fs, V v) const {
    using namespace apply_detail;
    if constexpr (!IsSet<Fs>::v && !IsTuple<Fs>::v) {
      c.unsupported(overload_of<rapply_fn, Fs, V>());
      return Poison{};
    } else {
      using U = decltype(declval_<elem_t<Fs>>()(c, v));
      // (results counts each call: this only hands the value to the function)
      auto call = [v](Ctx& c, const elem_t<Fs>& f) { return f(c, v); };
      if constexpr (poison<U> || (IsSet<Fs>::v && !ordered<U>)) {
        c.unsupported(overload_of<rapply_fn, Fs, V>());
        return Poison{};
      } else if constexpr (IsSet<Fs>::v) {
        return as_set(c, results<U>(c, fs, call), fs.n);
      } else {
        return as_tuple<true>(c, results<U>(c, fs, call), fs.n, value_at<P_rapply, Fs, V>());
      }
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR rapply_fn rapply{};

// `merge(apply(function, container))` (the results merged as they are: no grid in between).
ARC_PRIM(mapply)
struct mapply_fn {
  template <class F, class C> ARC_DEVICE auto operator()(Ctx& c, F f, C x) const {
    return merge_fn{}(c, apply_detail::apply_to<false>(c, f, x));
  }
  ARC_UNSUPPORTED
};
ARC_VAR mapply_fn mapply{};

// `tuple(function(i, j) for i, j in zip(a, b))`: a grid when the results are rows of ints.
ARC_PRIM(papply)
struct papply_fn {
  template <class F, class A, class B> ARC_HEAVY auto operator()(Ctx& c, F f, A a, B b) const {
    return apply_detail::papply_to<true>(c, f, a, b);
  }
  ARC_UNSUPPORTED
};
ARC_VAR papply_fn papply{};

// `merge(papply(function, a, b))`.
ARC_PRIM(mpapply)
struct mpapply_fn {
  template <class F, class A, class B> ARC_DEVICE auto operator()(Ctx& c, F f, A a, B b) const {
    return merge_fn{}(c, apply_detail::papply_to<false>(c, f, a, b));
  }
  ARC_UNSUPPORTED
};
ARC_VAR mpapply_fn mpapply{};

// `frozenset(function(i, j) for j in b for i in a)`.
ARC_PRIM(prapply)
struct prapply_fn {
  template <class F, class A, class B> ARC_HEAVY auto operator()(Ctx& c, F f, A a, B b) const {
    using namespace apply_detail;
    if constexpr (!iterable<A> || !iterable<B>) {
      c.unsupported(overload_of<prapply_fn, F, A, B>());
      return Poison{};
    } else {
      using U = decltype(f(c, declval_<elem_t<A>>(), declval_<elem_t<B>>()));
      if constexpr (!ordered<U>) {
        c.unsupported(overload_of<prapply_fn, F, A, B>());
        return Poison{};
      } else {
        int na = len(a), nb = len(b);
        int64_t n = (int64_t)na * nb;
        U* out = room(c, n) ? alloc<U>(c, n) : nullptr;
        if (!out) return Set<U>{nullptr, 0};
        for (int j = 0; j < nb && !c.failed(); j++) {
          auto y = item(c, b, j);
          for (int i = 0; i < na && !c.failed(); i++) out[(int64_t)j * na + i] = call_value(c, f, item(c, a, i), y);
        }
        if (c.failed()) return Set<U>{nullptr, 0};
        return Set<U>{out, sort_unique(c, out, (int)n)};
      }
    }
  }
  ARC_UNSUPPORTED
};
ARC_VAR prapply_fn prapply{};

// Built functions are ordered as the CPU orders them (cmp_callables): by their parts, a primitive
// (an empty functor) being equal to itself. Then sets of them (`product` of symmetries and bound
// functions, `initset` of a composed function) are canonical, deduplicated and iterated alike.
namespace containers_detail {
template <class T> ARC_DEVICE int compare_part(const T& a, const T& b) {
  if constexpr (__is_empty(T)) return 0;
  else return compare(a, b);
}
template <class T> constexpr bool part_ordered = __is_empty(T) || Ordered<T>::v;
template <class O, class I> struct Ordered<Compose<O, I>> { static constexpr bool v = part_ordered<O> && part_ordered<I>; };
template <class F, class X> struct Ordered<LBind<F, X>> { static constexpr bool v = part_ordered<F> && part_ordered<X>; };
template <class F, class X> struct Ordered<RBind<F, X>> { static constexpr bool v = part_ordered<F> && part_ordered<X>; };
template <class F> struct Ordered<Power<F>> { static constexpr bool v = part_ordered<F>; };
}  // namespace containers_detail
template <class O, class I> ARC_DEVICE int compare(Compose<O, I> a, Compose<O, I> b) {
  int d = containers_detail::compare_part(a.outer, b.outer);
  return d ? d : containers_detail::compare_part(a.inner, b.inner);
}
template <class F, class X> ARC_DEVICE int compare(LBind<F, X> a, LBind<F, X> b) {
  int d = containers_detail::compare_part(a.f, b.f);
  return d ? d : containers_detail::compare_part(a.fixed, b.fixed);
}
template <class F, class X> ARC_DEVICE int compare(RBind<F, X> a, RBind<F, X> b) {
  int d = containers_detail::compare_part(a.f, b.f);
  return d ? d : containers_detail::compare_part(a.fixed, b.fixed);
}
template <class F> ARC_DEVICE int compare(Power<F> a, Power<F> b) {
  int d = containers_detail::compare_part(a.f, b.f);
  return d ? d : compare(a.n, b.n);
}
template <class O, class I> ARC_DEVICE bool truthy(Compose<O, I>) { return true; }
template <class F, class X> ARC_DEVICE bool truthy(LBind<F, X>) { return true; }
template <class F, class X> ARC_DEVICE bool truthy(RBind<F, X>) { return true; }
template <class F> ARC_DEVICE bool truthy(Power<F>) { return true; }

}  // namespace arc
