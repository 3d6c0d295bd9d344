#include <stddef.h>
#include <stdint.h>
/* Provided by the toolchain's libclang_rt.fuzzer when linking with -sanitize=fuzzer. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
