# killrvideo_add_plugin(NAME SOURCES...)
# Builds a plugin as a loadable module named <NAME>.so, linked against the plugin SDK only (plugins never
# link the host), in C++17 with hidden visibility and a version script that exports the entry point alone.
# It lands in KILLRVIDEO_PLUGIN_OUTPUT_DIR when that is set (this tree: the host's plugin directory), else
# in the calling folder's build directory. Works in this tree and, after find_package(KillrVideoPluginApi),
# in any other.
set(KILLRVIDEO_PLUGIN_EXPORTS_MAP ${CMAKE_CURRENT_LIST_DIR}/plugin-exports.map)

function(killrvideo_add_plugin name)
  if(NOT ARGN)
    message(FATAL_ERROR "killrvideo_add_plugin(${name}): no source files given")
  endif()
  add_library(${name} MODULE ${ARGN})
  # The fingerprint the host checks includes __cplusplus: the host is C++17, so the plugin must be too.
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    CXX_STANDARD 17
    CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(KILLRVIDEO_PLUGIN_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${KILLRVIDEO_PLUGIN_OUTPUT_DIR}")
  endif()
  target_link_libraries(${name} PRIVATE killrvideo::plugin_api)
  # A plugin that leaves a symbol undefined must fail at link time, not when the host loads it.
  target_link_options(${name} PRIVATE -Wl,--no-undefined
    -Wl,--version-script=${KILLRVIDEO_PLUGIN_EXPORTS_MAP})
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${KILLRVIDEO_PLUGIN_EXPORTS_MAP})
endfunction()
