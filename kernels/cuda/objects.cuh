// Segmentation (mirror of src/objects.rs): objects, partition, fgpartition, frontiers, occurrences.
#pragma once
#include "value.cuh"
namespace arc {}  // namespace arc
