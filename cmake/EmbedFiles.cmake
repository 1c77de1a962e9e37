# embed_files(TARGET_SOURCE_VAR NAME name [COMPRESSED] FILES f1 f2 ...)
# Generates a C++ source that compiles the given files into the binary, so the
# product is one executable that needs no data directory at run time. Each file is
# reachable by its path relative to the project root. With COMPRESSED (the web assets),
# each file's gzip and brotli variants are made at build time by compress_asset and
# embedded next to it, so the server never compresses them per request (issue 15).

# The build tool that writes those variants; it runs on the build machine.
pkg_check_modules(BROTLI_ENCODER REQUIRED IMPORTED_TARGET libbrotlienc)
add_executable(compress_asset "${CMAKE_CURRENT_LIST_DIR}/compress_asset.cpp")
target_link_libraries(compress_asset PRIVATE ZLIB::ZLIB PkgConfig::BROTLI_ENCODER)

# Adds the commands that write <binary dir>/compressed/<rel>.gz and .br for each file;
# their paths go to out_var, for the generated source to depend on.
function(compress_files out_var)
  set(outputs "")
  foreach(file IN LISTS ARGN)
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${file}")
    set(base "${PROJECT_BINARY_DIR}/compressed/${rel}")
    get_filename_component(dir "${base}" DIRECTORY)
    add_custom_command(
      OUTPUT "${base}.gz" "${base}.br"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
      COMMAND compress_asset "${file}" "${base}.gz" "${base}.br"
      DEPENDS "${file}" compress_asset
      COMMENT "Compressing ${rel}"
      VERBATIM)
    list(APPEND outputs "${base}.gz" "${base}.br")
  endforeach()
  set(${out_var} "${outputs}" PARENT_SCOPE)
endfunction()

function(embed_files out_var)
  cmake_parse_arguments(EMBED "COMPRESSED" "NAME" "FILES" ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${EMBED_NAME}.cpp")
  set(relative_files "")
  foreach(file IN LISTS EMBED_FILES)
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${file}")
    list(APPEND relative_files "${rel}")
  endforeach()
  set(compressed_dir "")
  set(compressed_files "")
  if(EMBED_COMPRESSED)
    set(compressed_dir "${PROJECT_BINARY_DIR}/compressed")
    compress_files(compressed_files ${EMBED_FILES})
  endif()
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND}
      "-DROOT=${PROJECT_SOURCE_DIR}"
      "-DOUTPUT=${output}"
      "-DFUNCTION=${EMBED_NAME}"
      "-DFILES=${relative_files}"
      "-DCOMPRESSED=${compressed_dir}"
      -P "${PROJECT_SOURCE_DIR}/cmake/GenerateEmbedded.cmake"
    DEPENDS ${EMBED_FILES} ${compressed_files} "${PROJECT_SOURCE_DIR}/cmake/GenerateEmbedded.cmake"
    COMMENT "Embedding ${EMBED_NAME}"
    VERBATIM)
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
