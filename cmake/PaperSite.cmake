# papersite_add_site(<target> CONTENT <dir> THEME <dir|name> OUTPUT_DIR <dir>
#                    [NOW <date>] [ALL] [CHECK_TARGET <name>])
#
# Adds <target>, which renders the list in CONTENT through THEME into
# OUTPUT_DIR. The compiler writes a depfile naming every file it read, so
# building the target again does nothing until content, theme or history
# change.

function(_papersite_compiler out_var)
  if(TARGET papersite)
    set(${out_var} "$<TARGET_FILE:papersite>" PARENT_SCOPE)
  elseif(TARGET PaperSite::papersite)
    set(${out_var} "$<TARGET_FILE:PaperSite::papersite>" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "papersite_add_site: no papersite compiler target; "
      "use find_package(PaperSite) or add_subdirectory of papersite first")
  endif()
endfunction()

function(papersite_add_site target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "ALL"
    "CONTENT;THEME;OUTPUT_DIR;NOW;CHECK_TARGET" "")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "papersite_add_site: unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required CONTENT THEME OUTPUT_DIR)
    if(NOT ARG_${required})
      message(FATAL_ERROR "papersite_add_site: ${required} is required")
    endif()
  endforeach()

  get_filename_component(content "${ARG_CONTENT}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(theme "${ARG_THEME}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(output "${ARG_OUTPUT_DIR}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT IS_DIRECTORY "${content}")
    message(FATAL_ERROR
      "papersite_add_site: CONTENT '${ARG_CONTENT}' is not a folder")
  endif()
  if(NOT IS_DIRECTORY "${theme}")
    message(FATAL_ERROR
      "papersite_add_site: THEME '${ARG_THEME}' is not a folder")
  endif()

  _papersite_compiler(compiler)
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}.stamp")
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${target}.d")
  set(now_args "")
  if(ARG_NOW)
    set(now_args --now "${ARG_NOW}")
  endif()

  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${compiler}" build
      --content "${content}" --theme "${theme}" --out "${output}"
      --depfile "${depfile}" --stamp "${stamp}"
      --cache "${CMAKE_CURRENT_BINARY_DIR}/${target}.history"
      ${now_args}
    DEPENDS "${compiler}"
    DEPFILE "${depfile}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "Rendering ${target} from ${ARG_CONTENT}"
    VERBATIM)
  set(all "")
  if(ARG_ALL)
    set(all ALL)
  endif()
  add_custom_target(${target} ${all} DEPENDS "${stamp}")

  if(ARG_CHECK_TARGET)
    add_custom_target(${ARG_CHECK_TARGET}
      COMMAND "${compiler}" check --content "${content}"
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      COMMENT "Checking ${ARG_CONTENT}"
      VERBATIM)
  endif()
endfunction()
