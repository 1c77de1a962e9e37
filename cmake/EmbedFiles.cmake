# embed_files(TARGET_SOURCE_VAR NAMESPACE name FILES f1 f2 ...)
# Generates a C++ source that compiles the given files into the binary, so the
# product is one executable that needs no data directory at run time. Each file is
# reachable by its path relative to the project root.
function(embed_files out_var)
  cmake_parse_arguments(EMBED "" "NAME" "FILES" ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${EMBED_NAME}.cpp")
  set(relative_files "")
  foreach(file IN LISTS EMBED_FILES)
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${file}")
    list(APPEND relative_files "${rel}")
  endforeach()
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND}
      "-DROOT=${PROJECT_SOURCE_DIR}"
      "-DOUTPUT=${output}"
      "-DFUNCTION=${EMBED_NAME}"
      "-DFILES=${relative_files}"
      -P "${PROJECT_SOURCE_DIR}/cmake/GenerateEmbedded.cmake"
    DEPENDS ${EMBED_FILES} "${PROJECT_SOURCE_DIR}/cmake/GenerateEmbedded.cmake"
    COMMENT "Embedding ${EMBED_NAME}"
    VERBATIM)
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
