# topograph_add_test(NAME SOURCES src... LABELS label... [LIBRARIES lib...] [GUI])
# Creates one QtTest executable and registers it with CTest. GUI tests run on the offscreen platform.
# A test function that calls QSKIP (no sandbox, say) makes the whole test show as skipped in
# ctest's summary, never as passed.
function(topograph_add_test name)
    cmake_parse_arguments(ARG "GUI;UNPRIVILEGED" "" "SOURCES;LABELS;LIBRARIES" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE topograph_core topograph_build_flags Qt6::Test
        ${ARG_LIBRARIES})
    topograph_reuse_test_pch(${name} ${ARG_LIBRARIES})
    # A test includes its own .moc, so AUTOMOC's mocs_compilation.cpp is empty: loading the
    # precompiled header (200 MB) for it would cost about two seconds per test.
    set_source_files_properties(
        ${CMAKE_CURRENT_BINARY_DIR}/${name}_autogen/mocs_compilation.cpp
        TARGET_DIRECTORY ${name} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    if(ARG_UNPRIVILEGED)
        # As nobody when run as root (tests/support/run-unprivileged): permissions then bind.
        add_test(NAME ${name} COMMAND ${PROJECT_SOURCE_DIR}/tests/support/run-unprivileged
            $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set(env "TOPOGRAPH_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "${env}"
        SKIP_REGULAR_EXPRESSION "SKIP   : "
        TIMEOUT 300)
endfunction()

# topograph_add_script_test(NAME COMMAND cmd... LABELS label...)
function(topograph_add_script_test name)
    cmake_parse_arguments(ARG "" "" "COMMAND;LABELS" ${ARGN})
    add_test(NAME ${name} COMMAND ${ARG_COMMAND})
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 300)
endfunction()
