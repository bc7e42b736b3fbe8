#pragma once

namespace relance::pipeline {

// A batch renders and finishes one document after another, and each one allocates and frees the
// same large buffers (zlib's deflate state, libharu's and qpdf's output buffers). glibc hands
// such blocks back to the kernel on every free (mmap above 128 KiB, heap trimming), and taking
// them back costs page faults: measured, 30-50% of a one-page Factur-X. Keeping them in the heap
// makes the cost per document flat; the peak memory stays that of the largest document.
void tune_allocator_for_batches();

}  // namespace relance::pipeline
