# One INTERFACE target carries the warnings and the strict Qt definitions for every project target.
add_library(topograph_build_flags INTERFACE)
target_compile_options(topograph_build_flags INTERFACE -Wall -Wextra -pedantic)
target_compile_definitions(topograph_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_KEYWORDS
    TOPOGRAPH_VERSION="${PROJECT_VERSION}"
    TOPOGRAPH_APP_ID="${TOPOGRAPH_APP_ID}")

option(TOPOGRAPH_ASAN "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(TOPOGRAPH_ASAN)
    target_compile_options(topograph_build_flags INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(topograph_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# gold links the hundred-odd test executables about twice as fast as the default bfd linker; it
# ships with binutils, so it is there wherever g++ is.
include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=gold TOPOGRAPH_HAVE_GOLD)
if(TOPOGRAPH_HAVE_GOLD)
    target_link_options(topograph_build_flags INTERFACE -fuse-ld=gold)
endif()
