# killrvideo_add_plugin(NAME SOURCES...)
# Builds a plugin as a loadable module named <NAME>.so in the host's plugin directory,
# linked against the plugin SDK only. Plugins never link the host.
set(KILLRVIDEO_PLUGIN_EXPORTS_MAP ${CMAKE_CURRENT_LIST_DIR}/plugin-exports.map)

function(killrvideo_add_plugin name)
  add_library(${name} MODULE ${ARGN})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    LIBRARY_OUTPUT_DIRECTORY ${KILLRVIDEO_PLUGIN_OUTPUT_DIR})
  target_link_libraries(${name} PRIVATE killrvideo::plugin_api)
  # A plugin that leaves a symbol undefined must fail at link time, not when the host loads it.
  target_link_options(${name} PRIVATE -Wl,--no-undefined
    -Wl,--version-script=${KILLRVIDEO_PLUGIN_EXPORTS_MAP})
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${KILLRVIDEO_PLUGIN_EXPORTS_MAP})
endfunction()
