#define _GNU_SOURCE
#include "clinux.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

int timelined_rename_noreplace(const char *from, const char *to) {
    // The system call itself, not Glibc's wrapper: the wrapper arrived in
    // Glibc 2.28 and some C libraries still lack it.
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int timelined_fallocate(int fd, off_t length) {
    return fallocate(fd, 0, 0, length);
}

int timelined_read_lease(int fd) {
    return fcntl(fd, F_SETLEASE, F_RDLCK);
}

int timelined_release_lease(int fd) {
    return fcntl(fd, F_SETLEASE, F_UNLCK);
}

int timelined_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

const int timelined_seek_data = SEEK_DATA;
const int timelined_seek_hole = SEEK_HOLE;
