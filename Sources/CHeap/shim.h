#include <malloc.h>

/* glibc's malloc.h is not part of Swift's Glibc module: the one setting the workshop process makes, fixed. */
static inline int plenary_set_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
