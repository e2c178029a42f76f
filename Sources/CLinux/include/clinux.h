#ifndef TIMELINED_CLINUX_H
#define TIMELINED_CLINUX_H

#include <spawn.h>
#include <sys/types.h>

/// Renames `from` to `to` (both relative to the working directory or
/// absolute) unless `to` exists: renameat2(2) with RENAME_NOREPLACE, which
/// Glibc's Swift module does not declare. One atomic step: after a crash the
/// file has one name or the other, never both.
///
/// Returns 0, or -1 with errno set: EEXIST when `to` is taken, EINVAL or
/// ENOSYS when the file system or kernel cannot do it, EXDEV across file
/// systems.
int timelined_rename_noreplace(const char *from, const char *to);

/// Allocates the disk space of the first `length` bytes of the file, zeros
/// past its end: fallocate(2) with no flags, which Glibc's Swift module
/// does not declare. Unlike posix_fallocate it never falls back to writing
/// the file block by block.
///
/// Returns 0, or -1 with errno set (EOPNOTSUPP where the file system
/// cannot, ENOSPC when the disk is full).
int timelined_fallocate(int fd, off_t length);

/// Takes a read lease on `fd` (fcntl(2) F_SETLEASE, F_RDLCK), which
/// Glibc's Swift module does not declare. The kernel grants it only while
/// no one has the file open for writing, and holds back an open for
/// writing until it is released (F_UNLCK) or the descriptor closed.
///
/// Returns 0, or -1 with errno set: EAGAIN when the file is open for
/// writing; EACCES or EPERM when the caller neither owns the file nor has
/// CAP_LEASE; EINVAL where the file system has no leases.
int timelined_read_lease(int fd);

/// Releases a lease taken by timelined_read_lease.
int timelined_release_lease(int fd);

/// Adds to `actions` the closing, in the child, of every descriptor from
/// `from` up: posix_spawn_file_actions_addclosefrom_np (Glibc 2.34), which
/// Glibc's Swift module does not declare. The tests spawn children with it,
/// so that a child never holds the test process's other descriptors (a
/// socket it connected, a pipe it reads to the end) open.
///
/// Returns 0, or an error number.
int timelined_spawn_close_from(posix_spawn_file_actions_t *actions, int from);

/// lseek(2)'s SEEK_DATA and SEEK_HOLE, which Glibc's Swift module lacks.
extern const int timelined_seek_data;
extern const int timelined_seek_hole;

#endif
