# Ties the public headers (plugin-api/include) to KILLRVIDEO_PLUGIN_API_VERSION: every type in them crosses
# the .so boundary, so a header that changes without a version bump lets an old plugin load into a host
# whose types differ. plugin-api/public-headers.sha256 records "<version> <hash of the headers>", whole-line
# comments left out.
#
#   cmake -P plugin-api/cmake/PublicHeaderHash.cmake            checks (CTest runs this)
#   cmake -DRECORD=ON -P plugin-api/cmake/PublicHeaderHash.cmake records, after bumping the version in Abi.h
if(DEFINED SDK_DIR)
  set(sdk_dir "${SDK_DIR}")  # a copy, for the test that this check fails
else()
  get_filename_component(sdk_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()
set(record_file "${sdk_dir}/public-headers.sha256")

# Whole-line comments and blank lines are left out: rewording a comment changes no type, so it needs no bump.
file(GLOB_RECURSE headers RELATIVE "${sdk_dir}/include" "${sdk_dir}/include/*")
list(SORT headers)
set(listing "")
foreach(header IN LISTS headers)
  file(READ "${sdk_dir}/include/${header}" text)
  string(REGEX REPLACE "(^|\n)[ \t]*//[^\n]*" "\\1" text "${text}")
  string(REGEX REPLACE "\n[ \t\n]*\n" "\n" text "${text}")
  string(SHA256 header_hash "${text}")
  string(APPEND listing "${header} ${header_hash}\n")
endforeach()
string(SHA256 headers_hash "${listing}")

file(STRINGS "${sdk_dir}/include/killrvideo/plugin/Abi.h" version_line
     REGEX "^#define KILLRVIDEO_PLUGIN_API_VERSION \"[0-9.]+\"")
string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" version "${version_line}")
if(version STREQUAL "")
  message(FATAL_ERROR "no KILLRVIDEO_PLUGIN_API_VERSION in ${sdk_dir}/include/killrvideo/plugin/Abi.h")
endif()

if(RECORD)
  file(WRITE "${record_file}" "${version} ${headers_hash}\n")
  message(STATUS "recorded plugin-api ${version}: ${headers_hash}")
  return()
endif()

set(record_command "cmake -DRECORD=ON -P plugin-api/cmake/PublicHeaderHash.cmake")
if(NOT EXISTS "${record_file}")
  message(FATAL_ERROR "${record_file} is missing: run ${record_command}")
endif()
file(READ "${record_file}" recorded)
string(STRIP "${recorded}" recorded)
string(REPLACE " " ";" recorded "${recorded}")
list(GET recorded 0 recorded_version)
list(GET recorded 1 recorded_hash)
if(headers_hash STREQUAL recorded_hash)
  if(NOT version STREQUAL recorded_version)
    message(FATAL_ERROR "KILLRVIDEO_PLUGIN_API_VERSION is ${version} but public-headers.sha256 records these "
                        "same headers as ${recorded_version}: run ${record_command}")
  endif()
  message(STATUS "plugin-api ${version}: public headers match the recorded hash")
elseif(version STREQUAL recorded_version)
  message(FATAL_ERROR "a public header under plugin-api/include changed but KILLRVIDEO_PLUGIN_API_VERSION is still "
                      "${version}: bump it in plugin-api/include/killrvideo/plugin/Abi.h (types in these headers "
                      "cross the plugin boundary), then run ${record_command}")
else()
  message(FATAL_ERROR "KILLRVIDEO_PLUGIN_API_VERSION was bumped to ${version} but the new headers are not recorded: "
                      "run ${record_command}")
endif()
