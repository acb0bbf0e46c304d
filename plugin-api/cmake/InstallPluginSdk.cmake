# `cmake --install` of the plugin SDK: headers, the SDK and testing-kit libraries (with the host's embedded
# engine, which killrvideo::plugin_testing_engine links), the package KillrVideoPluginApi for
# find_package, killrvideo_add_plugin, and the scaffold. Included by the top-level CMakeLists.txt after
# every target it installs is defined. Debian-style layout under CMAKE_INSTALL_PREFIX (/usr/local).
set(sdk_source_dir ${PROJECT_SOURCE_DIR}/plugin-api)
set(sdk_binary_dir ${PROJECT_BINARY_DIR}/plugin-api)
file(STRINGS ${sdk_source_dir}/include/killrvideo/plugin/Abi.h api_version_line
     REGEX "^#define KILLRVIDEO_PLUGIN_API_VERSION ")
string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" KILLRVIDEO_PLUGIN_API_VERSION "${api_version_line}")

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
set(KILLRVIDEO_PLUGIN_API_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/KillrVideoPluginApi)
# The engine behind killrvideo::plugin_testing_engine is the host's own (host/data/embedded), installed as
# the static library it links.
set_target_properties(killrvideo_host_embedded PROPERTIES EXPORT_NAME embedded_engine)
install(TARGETS killrvideo_plugin_api killrvideo_plugin_testing killrvideo_plugin_testing_engine killrvideo_host_embedded
  EXPORT KillrVideoPluginApiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${sdk_source_dir}/include/ ${sdk_source_dir}/testing/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT KillrVideoPluginApiTargets NAMESPACE killrvideo:: DESTINATION ${KILLRVIDEO_PLUGIN_API_CMAKE_DIR})
configure_package_config_file(${sdk_source_dir}/cmake/KillrVideoPluginApiConfig.cmake.in
  ${sdk_binary_dir}/KillrVideoPluginApiConfig.cmake
  INSTALL_DESTINATION ${KILLRVIDEO_PLUGIN_API_CMAKE_DIR})
# Plugins built against 1.x load into a host of 1.y only when the fingerprint matches too (Abi.h), but
# find_package(KillrVideoPluginApi 1.x) must find any 1.y to get that far and print the gate's advice.
write_basic_package_version_file(${sdk_binary_dir}/KillrVideoPluginApiConfigVersion.cmake
  VERSION ${KILLRVIDEO_PLUGIN_API_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
  ${sdk_binary_dir}/KillrVideoPluginApiConfig.cmake
  ${sdk_binary_dir}/KillrVideoPluginApiConfigVersion.cmake
  ${sdk_source_dir}/cmake/KillrvideoPlugin.cmake
  ${sdk_source_dir}/cmake/plugin-exports.map
  DESTINATION ${KILLRVIDEO_PLUGIN_API_CMAKE_DIR})

# The scaffold: `killrvideo-plugin new <name>` writes a plugin folder that builds against this package.
install(PROGRAMS ${sdk_source_dir}/scaffold/killrvideo-plugin DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${sdk_source_dir}/scaffold/template/ DESTINATION ${CMAKE_INSTALL_DATADIR}/killrvideo-plugin/template)
