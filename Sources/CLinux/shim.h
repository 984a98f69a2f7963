// Linux system calls that Swift's Glibc module leaves out: epoll, eventfd and accept4,
// for the webhook server's event loop.
#ifndef WEGWIJZER_CLINUX_SHIM_H
#define WEGWIJZER_CLINUX_SHIM_H

#include <sys/epoll.h>
#include <sys/eventfd.h>

struct sockaddr;

// accept4 is declared by <sys/socket.h> only under _GNU_SOURCE.
extern int accept4(int fd, struct sockaddr *address, unsigned int *length, int flags);

#endif
