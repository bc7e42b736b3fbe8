#include "relance/pipeline/process_setup.hpp"

#include <malloc.h>

namespace relance::pipeline {

void tune_allocator_for_batches() {
  constexpr int keep = 64 * 1024 * 1024;
  mallopt(M_MMAP_THRESHOLD, keep);
  mallopt(M_TRIM_THRESHOLD, keep);
  mallopt(M_TOP_PAD, 4 * 1024 * 1024);
}

}  // namespace relance::pipeline
