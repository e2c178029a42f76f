#ifndef TIMELINED_CSYSTEMD_SHIM_H
#define TIMELINED_CSYSTEMD_SHIM_H

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <sys/types.h>

/// The peer credentials SO_PEERCRED fills in. Glibc defines `struct ucred`
/// only under _GNU_SOURCE, which Swift's Glibc module does not set, so the
/// layout is declared here under a name of our own.
struct timelined_ucred {
    pid_t pid;
    uid_t uid;
    gid_t gid;
};

#endif
