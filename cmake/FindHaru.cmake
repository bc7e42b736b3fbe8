# Debian's libhpdf-dev ships neither a pkg-config file nor a CMake config.
find_path(HARU_INCLUDE_DIR hpdf.h)
find_library(HARU_LIBRARY NAMES hpdf)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Haru REQUIRED_VARS HARU_LIBRARY HARU_INCLUDE_DIR)
if(Haru_FOUND AND NOT TARGET relance::hpdf)
  add_library(relance::hpdf UNKNOWN IMPORTED)
  set_target_properties(relance::hpdf PROPERTIES IMPORTED_LOCATION "${HARU_LIBRARY}"
                                                 INTERFACE_INCLUDE_DIRECTORIES "${HARU_INCLUDE_DIR}")
endif()
