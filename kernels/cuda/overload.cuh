// What the runtime is told about a sample the GPU gives back as S_UNSUPPORTED (`Ctx::what`, the
// metadata's seventh word): the primitive, by its index in the CPU's table (`kernels::Prim::ALL`, plus
// one), and the kinds of its arguments as their static types say, so that `runtime::engine::status`
// can name the overload ("overload not on the GPU: valmax(objects, function)"). Both lists here are
// checked against the Rust ones (kernels/tests/cuda_overloads.rs, runtime/tests/status_codes.rs).
#pragma once
namespace arc {

// kernels::Prim::ALL in order, from 1 (0: no primitive, e.g. a built function that failed).
enum PrimId : uint32_t {
  P_NONE = 0, P_identity = 1, P_add = 2, P_subtract = 3, P_multiply = 4, P_divide = 5, P_invert = 6,
  P_even = 7, P_double = 8, P_halve = 9, P_flip = 10, P_equality = 11, P_contained = 12, P_combine = 13,
  P_intersection = 14, P_difference = 15, P_dedupe = 16, P_order = 17, P_repeat = 18, P_greater = 19,
  P_size = 20, P_merge = 21, P_maximum = 22, P_minimum = 23, P_valmax = 24, P_valmin = 25, P_argmax = 26,
  P_argmin = 27, P_mostcommon = 28, P_leastcommon = 29, P_initset = 30, P_both = 31, P_either = 32,
  P_increment = 33, P_decrement = 34, P_crement = 35, P_sign = 36, P_positive = 37, P_toivec = 38,
  P_tojvec = 39, P_sfilter = 40, P_mfilter = 41, P_extract = 42, P_totuple = 43, P_first = 44, P_last = 45,
  P_insert = 46, P_remove = 47, P_other = 48, P_interval = 49, P_astuple = 50, P_product = 51, P_pair = 52,
  P_branch = 53, P_compose = 54, P_chain = 55, P_matcher = 56, P_rbind = 57, P_lbind = 58, P_power = 59,
  P_fork = 60, P_apply = 61, P_rapply = 62, P_mapply = 63, P_papply = 64, P_mpapply = 65, P_prapply = 66,
  P_mostcolor = 67, P_leastcolor = 68, P_height = 69, P_width = 70, P_shape = 71, P_portrait = 72,
  P_colorcount = 73, P_colorfilter = 74, P_sizefilter = 75, P_asindices = 76, P_ofcolor = 77, P_ulcorner = 78,
  P_urcorner = 79, P_llcorner = 80, P_lrcorner = 81, P_crop = 82, P_toindices = 83, P_recolor = 84,
  P_shift = 85, P_normalize = 86, P_dneighbors = 87, P_ineighbors = 88, P_neighbors = 89, P_objects = 90,
  P_partition = 91, P_fgpartition = 92, P_uppermost = 93, P_lowermost = 94, P_leftmost = 95, P_rightmost = 96,
  P_square = 97, P_vline = 98, P_hline = 99, P_hmatching = 100, P_vmatching = 101, P_manhattan = 102,
  P_adjacent = 103, P_bordering = 104, P_centerofmass = 105, P_palette = 106, P_numcolors = 107,
  P_color = 108, P_toobject = 109, P_asobject = 110, P_rot90 = 111, P_rot180 = 112, P_rot270 = 113,
  P_hmirror = 114, P_vmirror = 115, P_dmirror = 116, P_cmirror = 117, P_fill = 118, P_paint = 119,
  P_underfill = 120, P_underpaint = 121, P_hupscale = 122, P_vupscale = 123, P_upscale = 124,
  P_downscale = 125, P_hconcat = 126, P_vconcat = 127, P_subgrid = 128, P_hsplit = 129, P_vsplit = 130,
  P_cellwise = 131, P_replace = 132, P_switch = 133, P_center = 134, P_position = 135, P_index = 136,
  P_canvas = 137, P_corners = 138, P_connect = 139, P_cover = 140, P_trim = 141, P_move = 142,
  P_tophalf = 143, P_bottomhalf = 144, P_lefthalf = 145, P_righthalf = 146, P_vfrontier = 147,
  P_hfrontier = 148, P_backdrop = 149, P_delta = 150, P_gravitate = 151, P_inbox = 152, P_outbox = 153,
  P_box = 154, P_shoot = 155, P_occurrences = 156, P_frontiers = 157, P_compress = 158, P_hperiod = 159,
  P_vperiod = 160,
};

// Argument kinds (runtime::engine::status::ARG_KINDS, same order: K_ and the name in capitals).
enum ArgKind : uint32_t {
  K_NONE = 0, K_INT = 1, K_BOOL = 2, K_GRID = 3, K_POINT = 4, K_CELL = 5, K_OBJECT = 6, K_INDICES = 7,
  K_INT_SET = 8, K_OBJECTS = 9, K_INDICES_SET = 10, K_GRID_SET = 11, K_SET = 12, K_INT_TUPLE = 13,
  K_POINT_TUPLE = 14, K_CELL_TUPLE = 15, K_GRID_TUPLE = 16, K_OBJECT_TUPLE = 17, K_TUPLE = 18, K_PAIR = 19,
  K_FUNCTION = 20, K_BRANCH = 21, K_POISON = 22, K_OTHER = 23,
};

// The layout of `what`: primitive in bits 0-7, up to three argument kinds of 6 bits from bit 8,
// and OVERLOAD_VALUE where the types have an overload but this value has no GPU form (Python's `()`
// or None as a result, a ragged tuple of rows, a colour outside a byte...).
constexpr uint32_t OVERLOAD_KIND_BITS = 6, OVERLOAD_VALUE = 1u << 31;

template <class F> struct PrimOf { static constexpr uint32_t id = P_NONE; };

template <class T> struct KindOf { static constexpr uint32_t v = __is_class(T) ? K_FUNCTION : K_OTHER; };
template <> struct KindOf<int> { static constexpr uint32_t v = K_INT; };
template <> struct KindOf<bool> { static constexpr uint32_t v = K_BOOL; };
template <> struct KindOf<Grid> { static constexpr uint32_t v = K_GRID; };
template <> struct KindOf<Point> { static constexpr uint32_t v = K_POINT; };
template <> struct KindOf<Cell> { static constexpr uint32_t v = K_CELL; };
template <> struct KindOf<Poison> { static constexpr uint32_t v = K_POISON; };
template <class T> struct KindOf<Set<T>> { static constexpr uint32_t v = K_SET; };
template <> struct KindOf<Set<Cell>> { static constexpr uint32_t v = K_OBJECT; };
template <> struct KindOf<Set<Point>> { static constexpr uint32_t v = K_INDICES; };
template <> struct KindOf<Set<int>> { static constexpr uint32_t v = K_INT_SET; };
template <> struct KindOf<Set<Set<Cell>>> { static constexpr uint32_t v = K_OBJECTS; };
template <> struct KindOf<Set<Set<Point>>> { static constexpr uint32_t v = K_INDICES_SET; };
template <> struct KindOf<Set<Grid>> { static constexpr uint32_t v = K_GRID_SET; };
template <class T> struct KindOf<Tuple<T>> { static constexpr uint32_t v = K_TUPLE; };
template <> struct KindOf<Tuple<int>> { static constexpr uint32_t v = K_INT_TUPLE; };
template <> struct KindOf<Tuple<Point>> { static constexpr uint32_t v = K_POINT_TUPLE; };
template <> struct KindOf<Tuple<Cell>> { static constexpr uint32_t v = K_CELL_TUPLE; };
template <> struct KindOf<Tuple<Grid>> { static constexpr uint32_t v = K_GRID_TUPLE; };
template <> struct KindOf<Tuple<Set<Cell>>> { static constexpr uint32_t v = K_OBJECT_TUPLE; };
// Pair (containers.cuh) and Either (func.cuh) add theirs.

template <class... A> ARC_DEVICE constexpr uint32_t arg_kinds() {
  uint32_t out = 0, shift = 8;
  ((out |= (shift < 8 + 3 * OVERLOAD_KIND_BITS ? KindOf<A>::v << shift : 0), shift += OVERLOAD_KIND_BITS), ...);
  return out;
}
// `what` for primitive F (its functor type) called with arguments of types A.
template <class F, class... A> ARC_DEVICE constexpr uint32_t overload_of() { return PrimOf<F>::id | arg_kinds<A...>(); }
// ... where the types have an overload but the arguments' values have no GPU form.
template <class F, class... A> ARC_DEVICE constexpr uint32_t value_of() { return overload_of<F, A...>() | OVERLOAD_VALUE; }
// The same by primitive id, for helpers that several primitives share.
template <uint32_t P, class... A> ARC_DEVICE constexpr uint32_t overload_at() { return P | arg_kinds<A...>(); }
template <uint32_t P, class... A> ARC_DEVICE constexpr uint32_t value_at() { return overload_at<P, A...>() | OVERLOAD_VALUE; }

}  // namespace arc
