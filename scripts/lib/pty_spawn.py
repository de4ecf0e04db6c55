"""Starts a program on a pseudo-terminal of a given size, as the measuring scripts need it (bench, release order)."""

import fcntl
import os
import pty
import struct
import termios


def spawn(argv, cwd, environment, columns, rows):
    """Forks `argv` (argv[0] an absolute path) in `cwd` on a new pseudo-terminal of `columns` x `rows`, with exactly
    `environment`; returns (pid, the terminal's master descriptor)."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, environment)
        finally:
            os._exit(127)
    return pid, fd
