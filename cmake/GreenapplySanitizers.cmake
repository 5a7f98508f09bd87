# GREENAPPLY_SANITIZE=address;undefined adds the sanitizers to every target after this point.
# Scoped to the directory tree (not a global flag string) and only for native builds.
if(GREENAPPLY_SANITIZE AND NOT EMSCRIPTEN)
  list(JOIN GREENAPPLY_SANITIZE "," _san)
  add_compile_options(-fsanitize=${_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_san})
endif()
