# ic_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [ENVIRONMENT <k=v>...])
# One Qt Test executable per suite, registered with CTest and run offscreen. Suites are labelled
# `unit` unless they say otherwise (`integration` for those that start the emulator, a process or
# a database), so `ctest -L unit` runs the fast ones.
function(ic_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ENVIRONMENT;LABELS" ${ARGN})
    if(NOT ARG_LABELS)
        set(ARG_LABELS unit)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test imagecache_config ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}"
        LABELS "${ARG_LABELS}"
        TIMEOUT 300)
endfunction()

# ic_add_benchmark(<name> SOURCES <files...> LIBS <targets...>)
# QBENCHMARK suites: built with the tests and run by scripts/run-benchmarks.sh, not by CTest
# (they measure, they do not pass or fail on time).
function(ic_add_benchmark name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test imagecache_config ${ARG_LIBS})
    set_property(GLOBAL APPEND PROPERTY IMAGECACHE_BENCHMARKS ${name})
endfunction()
