// Containers (mirror of src/containers.rs): frozensets and tuples.
#pragma once
#include "value.cuh"
namespace arc {}  // namespace arc
