# One warning list for every target of ours (never for third-party code).
function(greenapply_target_warnings tgt)
  target_compile_options(${tgt} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                        -Wno-unused-parameter)
endfunction()
