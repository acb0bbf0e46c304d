# Copies plugin-api's headers and record into WORK_DIR, changes one header without bumping the version and
# expects plugin-api/cmake/PublicHeaderHash.cmake to refuse it with the fix; then bumps the version and
# expects the refusal to ask for the record instead.
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

file(APPEND "${WORK_DIR}/include/killrvideo/plugin/Http.h" "// a change\n")
expect_refusal("a public header under plugin-api/include changed but KILLRVIDEO_PLUGIN_API_VERSION is still [0-9.]+: bump it")

file(READ "${abi_header}" abi)
string(REGEX REPLACE "#define KILLRVIDEO_PLUGIN_API_VERSION \"[0-9.]+\"" "#define KILLRVIDEO_PLUGIN_API_VERSION \"99.0.0\"" abi "${abi}")
file(WRITE "${abi_header}" "${abi}")
expect_refusal("was bumped to 99.0.0 but the new headers are not recorded: run cmake -DRECORD=ON")
file(REMOVE_RECURSE "${WORK_DIR}")
