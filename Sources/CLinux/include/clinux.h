#ifndef TIMELINED_CLINUX_H
#define TIMELINED_CLINUX_H

/// Renames `from` to `to` (both relative to the working directory or
/// absolute) unless `to` exists: renameat2(2) with RENAME_NOREPLACE, which
/// Glibc's Swift module does not declare. One atomic step: after a crash the
/// file has one name or the other, never both.
///
/// Returns 0, or -1 with errno set: EEXIST when `to` is taken, EINVAL or
/// ENOSYS when the file system or kernel cannot do it, EXDEV across file
/// systems.
int timelined_rename_noreplace(const char *from, const char *to);

#endif
