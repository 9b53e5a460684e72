# The papersite CMake plugin: papersite_add_site() renders a paper list with
# the papersite compiler. Loaded by PaperSiteConfig.cmake (find_package) and
# by papersite's own CMakeLists.txt (add_subdirectory, FetchContent).
#
#   papersite_add_site(<target> CONTENT <dir> THEME <dir|name>
#                      OUTPUT_DIR <dir> [NOW <date>] [ALL]
#                      [CHECK_TARGET <name>])
#
# CONTENT     the list's content folder (holds site.toml)
# THEME       a theme folder, or the name of a bundled theme ("markdown")
# OUTPUT_DIR  where the pages are written
# NOW         reference time (YYYY-MM-DD); default: the history decides
# ALL         render as part of the default build
# CHECK_TARGET  also add a target of this name that only validates content
#
# Relative paths are taken from the calling CMakeLists.txt's folder. The
# compiler writes a depfile naming every file and folder it read (content,
# theme, the git files that tell HEAD and its history), so building <target>
# again does nothing until one of them changes.

include_guard(GLOBAL)
if(CMAKE_VERSION VERSION_LESS 3.25)
  message(FATAL_ERROR "papersite_add_site needs CMake 3.25 or newer")
endif()

# The depfile names the stamp and its inputs by absolute paths. With the
# NEW behaviour CMake translates it into the paths build.ninja uses; with
# OLD, ninja reruns the command on every build. A function keeps the
# policies in effect where it is defined, whatever the caller's
# cmake_minimum_required.
cmake_policy(SET CMP0116 NEW)

# Bundled themes: PaperSiteConfig.cmake names the installed folder before
# including this file; from a source tree they sit beside cmake/.
if(DEFINED PaperSite_THEMES_DIR)
  set(_papersite_themes "${PaperSite_THEMES_DIR}")
else()
  get_filename_component(_papersite_themes "${CMAKE_CURRENT_LIST_DIR}/../themes"
    ABSOLUTE)
endif()
set_property(GLOBAL PROPERTY PAPERSITE_THEMES_DIR "${_papersite_themes}")
unset(_papersite_themes)

# Sets out_var to the compiler's target name: the imported one of
# find_package, or the alias the source tree defines.
function(_papersite_compiler out_var)
  if(TARGET PaperSite::papersite)
    set(${out_var} PaperSite::papersite PARENT_SCOPE)
  else()
    message(FATAL_ERROR "papersite_add_site: no papersite compiler; call "
      "find_package(PaperSite) or add_subdirectory() of papersite first")
  endif()
endfunction()

# Sets out_var to the absolute folder `value` names, relative to the caller's
# source folder; fails naming the argument when it is not a folder.
function(_papersite_folder out_var argument value)
  get_filename_component(dir "${value}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT IS_DIRECTORY "${dir}")
    message(FATAL_ERROR "papersite_add_site: ${argument} '${value}' is not "
      "a folder (looked for '${dir}')")
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

# Sets out_var to the theme folder: THEME as a folder, else a bundled theme
# of that name.
function(_papersite_theme out_var value)
  get_filename_component(dir "${value}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_property(themes GLOBAL PROPERTY PAPERSITE_THEMES_DIR)
  if(IS_DIRECTORY "${dir}")
    set(${out_var} "${dir}" PARENT_SCOPE)
  elseif(NOT value MATCHES "/" AND IS_DIRECTORY "${themes}/${value}")
    set(${out_var} "${themes}/${value}" PARENT_SCOPE)
  else()
    file(GLOB bundled RELATIVE "${themes}" "${themes}/*/theme.toml")
    list(TRANSFORM bundled REPLACE "/theme.toml$" "")
    list(JOIN bundled ", " bundled)
    message(FATAL_ERROR "papersite_add_site: THEME '${value}' is neither a "
      "folder (looked for '${dir}') nor a bundled theme (${bundled})")
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

  _papersite_folder(content CONTENT "${ARG_CONTENT}")
  if(NOT EXISTS "${content}/site.toml")
    message(FATAL_ERROR "papersite_add_site: CONTENT '${ARG_CONTENT}' has "
      "no site.toml; name the list's content folder")
  endif()
  _papersite_theme(theme "${ARG_THEME}")
  if(NOT EXISTS "${theme}/theme.toml")
    message(FATAL_ERROR "papersite_add_site: THEME '${ARG_THEME}' has no "
      "theme.toml; name a theme folder, or a bundled theme such as markdown")
  endif()
  get_filename_component(output "${ARG_OUTPUT_DIR}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  cmake_path(IS_PREFIX content "${output}" NORMALIZE output_in_content)
  if(output_in_content)
    message(FATAL_ERROR "papersite_add_site: OUTPUT_DIR '${ARG_OUTPUT_DIR}' "
      "is inside CONTENT '${ARG_CONTENT}'; write the pages elsewhere")
  endif()
  _papersite_compiler(compiler)

  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}.stamp")
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${target}.d")
  set(now_args "")
  if(ARG_NOW)
    set(now_args --now "${ARG_NOW}")
  endif()
  # CMake 3.25's Makefile generators append each new depfile to the
  # dependencies they keep in CMakeFiles/<target>.dir, so a deleted paper
  # would stay listed and rerun the target on every build. Removing that
  # record after each run makes the next build read the depfile afresh.
  # Limitation: the file is CMake's own; should a later CMake move it, the
  # removal does nothing and deleted papers rerun the target again.
  set(forget_deps "")
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    set(forget_deps COMMAND "${CMAKE_COMMAND}" -E rm -f
      "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir/compiler_depend.internal")
  endif()

  # The compiler rewrites the stamp on success only, so a failed run is
  # retried by the next build; its diagnostics reach the console unchanged.
  # The pages are not declared BYPRODUCTS: which ones exist depends on the
  # theme and the topics, known only to the compiler.
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND ${compiler} build
      --content "${content}" --theme "${theme}" --out "${output}"
      --depfile "${depfile}" --stamp "${stamp}"
      --cache "${CMAKE_CURRENT_BINARY_DIR}/${target}.history"
      ${now_args}
    ${forget_deps}
    DEPENDS ${compiler}
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
      COMMAND ${compiler} check --content "${content}"
      WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      COMMENT "Checking ${ARG_CONTENT}"
      VERBATIM)
  endif()
endfunction()
