// Everything generated solver code needs: the GPU DSL, mirrored file by file from kernels/src/.
#pragma once
#include "value.cuh"
#include "constants.cuh"
#include "arith.cuh"
#include "func.cuh"
#include "containers.cuh"
#include "patches.cuh"
#include "grids.cuh"
#include "objects.cuh"
#include "runner.cuh"
