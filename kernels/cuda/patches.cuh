// Patches (mirror of src/patches.rs): objects and indices.
#pragma once
#include "value.cuh"
namespace arc {}  // namespace arc
