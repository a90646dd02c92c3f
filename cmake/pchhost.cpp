// Compiled only to produce a precompiled header that test executables reuse
// (cmake/TopographPch.cmake).
