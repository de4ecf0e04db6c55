#include <sys/types.h>

/* sync_file_range(2) is declared by glibc's fcntl.h only under _GNU_SOURCE, which Swift's Glibc module is not built
   with: declared here as glibc has it. Asks the kernel to start writing a journal record back to the disk and
   returns at once; fdatasync still makes it durable (decision 105). A header, no library. */
extern int sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags);

static inline int plenary_start_writeback(int fd, off_t offset, off_t length) {
    return sync_file_range(fd, offset, length, 2 /* SYNC_FILE_RANGE_WRITE */);
}
