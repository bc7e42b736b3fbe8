#include <exception>
#include <iostream>

#include "relance/pipeline/job.hpp"
#include "relance/pipeline/process_setup.hpp"

int main(int argc, char** argv) {
  relance::pipeline::tune_allocator_for_batches();
  try {
    relance::pipeline::Job job(std::cout, std::cerr);
    return static_cast<int>(job.run(std::vector<std::string>(argv + 1, argv + argc)));
  } catch (const std::exception& e) {
    std::cerr << "relance: internal error: " << e.what() << '\n';
    return static_cast<int>(relance::pipeline::ExitCode::failure);
  }
}
