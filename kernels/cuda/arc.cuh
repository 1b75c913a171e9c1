// Everything generated solver code needs: the GPU DSL, mirrored file by file from kernels/src/.
#pragma once
#include "value.cuh"
#include "constants.cuh"
#include "arith.cuh"
#include "grids.cuh"
#include "runner.cuh"
