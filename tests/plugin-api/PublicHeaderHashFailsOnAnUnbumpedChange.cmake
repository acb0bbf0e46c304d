# Copies plugin-api's headers and record into WORK_DIR; a comment added to a header is accepted, a
# declaration added without bumping the version is refused by plugin-api/cmake/PublicHeaderHash.cmake with
# the fix; after a bump, the refusal asks for the record instead.
file(REMOVE_RECURSE "${WORK_DIR}")
file(COPY "${SOURCE_DIR}/plugin-api/include" "${SOURCE_DIR}/plugin-api/public-headers.sha256"
     DESTINATION "${WORK_DIR}")
set(abi_header "${WORK_DIR}/include/killrvideo/plugin/Abi.h")

function(expect_refusal expected)
  execute_process(COMMAND "${CMAKE_COMMAND}" -DSDK_DIR=${WORK_DIR} -P "${SOURCE_DIR}/plugin-api/cmake/PublicHeaderHash.cmake"
                  RESULT_VARIABLE result ERROR_VARIABLE output OUTPUT_VARIABLE output)
  string(REGEX REPLACE "[ \n]+" " " output "${output}")
  if(result EQUAL 0 OR NOT output MATCHES "${expected}")
    message(FATAL_ERROR "expected a refusal matching '${expected}', got (exit ${result}): ${output}")
  endif()
endfunction()

function(expect_acceptance)
  execute_process(COMMAND "${CMAKE_COMMAND}" -DSDK_DIR=${WORK_DIR} -P "${SOURCE_DIR}/plugin-api/cmake/PublicHeaderHash.cmake"
                  RESULT_VARIABLE result ERROR_VARIABLE output OUTPUT_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "expected the headers to be accepted, got (exit ${result}): ${output}")
  endif()
endfunction()

# A reworded comment changes no type.
file(APPEND "${WORK_DIR}/include/killrvideo/plugin/Http.h" "\n  // a comment, reworded\n")
expect_acceptance()

file(APPEND "${WORK_DIR}/include/killrvideo/plugin/Http.h" "namespace killrvideo::plugin { struct Added {}; }\n")
expect_refusal("a public header under plugin-api/include changed but KILLRVIDEO_PLUGIN_API_VERSION is still [0-9.]+: bump it")

file(READ "${abi_header}" abi)
string(REGEX REPLACE "#define KILLRVIDEO_PLUGIN_API_VERSION \"[0-9.]+\"" "#define KILLRVIDEO_PLUGIN_API_VERSION \"99.0.0\"" abi "${abi}")
file(WRITE "${abi_header}" "${abi}")
expect_refusal("was bumped to 99.0.0 but the new headers are not recorded: run cmake -DRECORD=ON")
file(REMOVE_RECURSE "${WORK_DIR}")
