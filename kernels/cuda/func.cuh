// Higher-order primitives (mirror of src/func.rs): function values are functor objects, so
// `lbind(ctx, shift, x)` is an LBind<shift_fn, X> and its arity is whatever its call provides —
// C++ templates give Python's arity rule (`co_argcount - 1`) for free.
#pragma once
#include "value.cuh"
namespace arc {

ARC_PRIM(identity)
struct identity_fn {
  template <class X> ARC_DEVICE X operator()(Ctx&, X x) const { return x; }
};
ARC_VAR identity_fn identity{};

template <class Outer, class Inner> struct Compose {
  Outer outer;
  Inner inner;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const { return outer(c, inner(c, x)); }
};
ARC_PRIM(compose)
struct compose_fn {
  template <class O, class I> ARC_DEVICE Compose<O, I> operator()(Ctx&, O outer, I inner) const { return {outer, inner}; }
};
ARC_VAR compose_fn compose{};

template <class H, class G, class F> struct Chain {
  H h;
  G g;
  F f;
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const { return h(c, g(c, f(c, x))); }
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
  template <class X> ARC_DEVICE auto operator()(Ctx& c, X x) const { return outer(c, a(c, x), b(c, x)); }
};
ARC_PRIM(fork)
struct fork_fn {
  template <class O, class A, class B> ARC_DEVICE Fork<O, A, B> operator()(Ctx&, O outer, A a, B b) const { return {outer, a, b}; }
};
ARC_VAR fork_fn fork{};

template <class F, class Fixed> struct LBind {
  F f;
  Fixed fixed;
  template <class... Xs> ARC_DEVICE auto operator()(Ctx& c, Xs... xs) const { return f(c, fixed, xs...); }
};
ARC_PRIM(lbind)
struct lbind_fn {
  template <class F, class X> ARC_DEVICE LBind<F, X> operator()(Ctx&, F f, X fixed) const { return {f, fixed}; }
};
ARC_VAR lbind_fn lbind{};

template <class F, class Fixed> struct RBind {
  F f;
  Fixed fixed;
  template <class... Xs> ARC_DEVICE auto operator()(Ctx& c, Xs... xs) const { return f(c, xs..., fixed); }
};
ARC_PRIM(rbind)
struct rbind_fn {
  template <class F, class X> ARC_DEVICE RBind<F, X> operator()(Ctx&, F f, X fixed) const { return {f, fixed}; }
};
ARC_VAR rbind_fn rbind{};

template <class F, class Target> struct Matcher {
  F f;
  Target target;
  template <class X> ARC_DEVICE bool operator()(Ctx& c, X x) const { return equal(f(c, x), target); }
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
  template <class X> ARC_DEVICE X operator()(Ctx& c, X x) const {
    for (int k = 0; k < n && !c.failed(); k++) x = f(c, x);
    return x;
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

// branch on two values of one type picks one; on two different function types it makes a function
// that dispatches at call time (both branches have one static type in C++).
template <class A, class B> struct Either {
  bool first;
  A a;
  B b;
  template <class... Xs> ARC_DEVICE auto operator()(Ctx& c, Xs... xs) const {
    return first ? a(c, xs...) : b(c, xs...);
  }
};
ARC_PRIM(branch)
struct branch_fn {
  template <class C, class A> ARC_DEVICE A operator()(Ctx&, C cond, A a, A b) const { return truthy(cond) ? a : b; }
  template <class C, class A, class B> ARC_DEVICE Either<A, B> operator()(Ctx&, C cond, A a, B b) const {
    return {truthy(cond), a, b};
  }
};
ARC_VAR branch_fn branch{};

}  // namespace arc
