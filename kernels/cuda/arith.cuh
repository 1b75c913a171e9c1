// Numbers and logic (mirror of src/arith.rs): int/point broadcasting, checked i32, floor division.
#pragma once
#include "value.cuh"
namespace arc {

ARC_DEVICE int64_t floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
ARC_DEVICE int checked(Ctx& c, int64_t v) {
  if (v < INT32_MIN || v > INT32_MAX) { c.fail(S_OVERFLOW); return 0; }
  return (int)v;
}

// Element-wise binary operation with Python's int/tuple broadcasting.
#define ARC_NUMERICAL_BINARY(name, EXPR)                                                          \
  struct name##_fn {                                                                               \
    ARC_DEVICE int64_t op(Ctx& c, int64_t x, int64_t y) const { EXPR }                             \
    ARC_DEVICE int operator()(Ctx& c, int a, int b) const { return checked(c, op(c, a, b)); }      \
    ARC_DEVICE Point operator()(Ctx& c, Point a, Point b) const {                                  \
      return Point{checked(c, op(c, a.i, b.i)), checked(c, op(c, a.j, b.j))};                      \
    }                                                                                              \
    ARC_DEVICE Point operator()(Ctx& c, int a, Point b) const {                                    \
      return Point{checked(c, op(c, a, b.i)), checked(c, op(c, a, b.j))};                          \
    }                                                                                              \
    ARC_DEVICE Point operator()(Ctx& c, Point a, int b) const {                                    \
      return Point{checked(c, op(c, a.i, b)), checked(c, op(c, a.j, b))};                          \
    }                                                                                              \
    ARC_DEVICE int operator()(Ctx& c, bool a, bool b) const { return (*this)(c, (int)a, (int)b); } \
    ARC_DEVICE int operator()(Ctx& c, bool a, int b) const { return (*this)(c, (int)a, b); }       \
    ARC_DEVICE int operator()(Ctx& c, int a, bool b) const { return (*this)(c, a, (int)b); }       \
    ARC_UNSUPPORTED                                                                                \
  };                                                                                               \
  ARC_VAR name##_fn name{};

ARC_PRIM(add)
ARC_NUMERICAL_BINARY(add, return x + y;)
ARC_PRIM(subtract)
ARC_NUMERICAL_BINARY(subtract, return x - y;)
ARC_PRIM(multiply)
ARC_NUMERICAL_BINARY(multiply, return x * y;)
ARC_PRIM(divide)
ARC_NUMERICAL_BINARY(divide, if (y == 0) { c.fail(S_ZERO_DIVISION); return 0; } return floordiv(x, y);)

#define ARC_NUMERICAL_UNARY(name, EXPR)                                                            \
  struct name##_fn {                                                                               \
    ARC_DEVICE int64_t op(int64_t x) const { EXPR }                                                \
    ARC_DEVICE int operator()(Ctx& c, int a) const { return checked(c, op(a)); }                   \
    ARC_DEVICE int operator()(Ctx& c, bool a) const { return checked(c, op(a)); }                  \
    ARC_DEVICE Point operator()(Ctx& c, Point a) const { return Point{checked(c, op(a.i)), checked(c, op(a.j))}; } \
    ARC_UNSUPPORTED                                                                                \
  };                                                                                               \
  ARC_VAR name##_fn name{};

ARC_PRIM(invert)
ARC_NUMERICAL_UNARY(invert, return -x;)
ARC_PRIM(double)
ARC_NUMERICAL_UNARY(double_, return x * 2;)
template <> struct PrimOf<double__fn> { static constexpr uint32_t id = P_double; };  // `double` is C++'s
ARC_PRIM(halve)
ARC_NUMERICAL_UNARY(halve, return floordiv(x, 2);)
ARC_PRIM(increment)
ARC_NUMERICAL_UNARY(increment, return x + 1;)
ARC_PRIM(decrement)
ARC_NUMERICAL_UNARY(decrement, return x - 1;)
ARC_PRIM(crement)
ARC_NUMERICAL_UNARY(crement, return x + (x > 0) - (x < 0);)
ARC_PRIM(sign)
ARC_NUMERICAL_UNARY(sign, return (x > 0) - (x < 0);)

ARC_PRIM(even)
struct even_fn {
  ARC_DEVICE bool operator()(Ctx&, int n) const { return n % 2 == 0; }
  ARC_UNSUPPORTED
};
ARC_VAR even_fn even{};

ARC_PRIM(positive)
struct positive_fn {
  ARC_DEVICE bool operator()(Ctx&, int n) const { return n > 0; }
  ARC_UNSUPPORTED
};
ARC_VAR positive_fn positive{};

ARC_PRIM(greater)
struct greater_fn {
  ARC_DEVICE bool operator()(Ctx&, int a, int b) const { return a > b; }
  ARC_DEVICE bool operator()(Ctx&, bool a, int b) const { return (int)a > b; }
  ARC_DEVICE bool operator()(Ctx&, int a, bool b) const { return a > (int)b; }
  ARC_UNSUPPORTED
};
ARC_VAR greater_fn greater{};

ARC_PRIM(equality)
struct equality_fn {
  template <class A, class B> ARC_DEVICE bool operator()(Ctx& c, A a, B b) const {
    if constexpr (comparable<A, B>) {
      return equal(a, b);
    } else {
      c.unsupported(overload_of<equality_fn, A, B>());  // e.g. a pair against an int: the CPU decides
      return false;
    }
  }
};
ARC_VAR equality_fn equality{};

// `a and b` / `a or b` return the deciding operand; on the GPU only when both have one type.
ARC_PRIM(both)
struct both_fn {
  template <class A> ARC_DEVICE A operator()(Ctx&, A a, A b) const { return truthy(a) ? b : a; }
  ARC_DEVICE int operator()(Ctx&, bool a, int b) const { return truthy(a) ? b : (int)a; }
  ARC_UNSUPPORTED
};
ARC_VAR both_fn both{};

ARC_PRIM(either)
struct either_fn {
  template <class A> ARC_DEVICE A operator()(Ctx&, A a, A b) const { return truthy(a) ? a : b; }
  ARC_UNSUPPORTED
};
ARC_VAR either_fn either{};

ARC_PRIM(flip)
struct flip_fn {
  template <class X> ARC_DEVICE bool operator()(Ctx&, X b) const { return !truthy(b); }
};
ARC_VAR flip_fn flip{};

ARC_PRIM(toivec)
ARC_PRIM(tojvec)
ARC_PRIM(astuple)
struct toivec_fn {
  ARC_DEVICE Point operator()(Ctx&, int i) const { return Point{i, 0}; }
  ARC_UNSUPPORTED
};
struct tojvec_fn {
  ARC_DEVICE Point operator()(Ctx&, int j) const { return Point{0, j}; }
  ARC_UNSUPPORTED
};
struct astuple_fn {
  ARC_DEVICE Point operator()(Ctx&, int a, int b) const { return Point{a, b}; }
  // (a, b) of any other values, as the CPU's canonical tuple: defined in containers.cuh (pair_of)
  template <class A, class B> ARC_DEVICE auto operator()(Ctx& c, A a, B b) const;
};
ARC_VAR toivec_fn toivec{};
ARC_VAR tojvec_fn tojvec{};
ARC_VAR astuple_fn astuple{};

}  // namespace arc
