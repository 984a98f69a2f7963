// Linux calls that Glibc's Swift module does not expose (GNU extensions).
#ifndef WEGWIJZER_CSYSTEM_SHIM_H
#define WEGWIJZER_CSYSTEM_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <unistd.h>

/// syncfs(2): flushes the file system that holds `fd`.
static inline int wegwijzer_syncfs(int fd) { return syncfs(fd); }

#endif
