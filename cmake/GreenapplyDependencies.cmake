# Dependencies come from Debian's packages only (see scripts/setup.sh).
#  - nlohmann/json: /usr/include/nlohmann. em++ must never see /usr/include (glibc headers would
#    shadow emscripten's musl), so for wasm we expose a private copy of just that folder.
#  - pugixml: compiled from Debian's source package (fetched by scripts/setup.sh into .deps/pugixml)
#    for both targets, so native and wasm use the same pugixml configuration.
set(PUGIXML_SOURCE_DIR "${CMAKE_SOURCE_DIR}/.deps/pugixml" CACHE PATH "Folder with pugixml.cpp/.hpp")

if(EXISTS "${PUGIXML_SOURCE_DIR}/pugixml.cpp")
  add_library(pugixml STATIC "${PUGIXML_SOURCE_DIR}/pugixml.cpp")
  target_include_directories(pugixml SYSTEM PUBLIC "${PUGIXML_SOURCE_DIR}")
  add_library(pugixml::pugixml ALIAS pugixml)
elseif(EMSCRIPTEN)
  message(FATAL_ERROR "wasm build needs pugixml's source: run scripts/setup.sh (or pass -DPUGIXML_SOURCE_DIR=...)")
else()
  find_package(pugixml REQUIRED)
endif()

if(EMSCRIPTEN)
  set(_nl "${CMAKE_BINARY_DIR}/nlohmann-include")
  if(NOT EXISTS "${_nl}/nlohmann/json.hpp")
    file(MAKE_DIRECTORY "${_nl}")
    file(COPY /usr/include/nlohmann DESTINATION "${_nl}")
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_nl}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()
