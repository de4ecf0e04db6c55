#ifndef PLENARY_CNCURSES_SHIM_H
#define PLENARY_CNCURSES_SHIM_H
/*
 * The only C that Plenary sees: ncursesw plus the few accessors Swift 6 cannot import.
 * Only the PlenaryCurses module may import this (see docs/DECISIONS.md).
 *
 * SwiftPM drops pkg-config's -D flags, so wide-character support is switched on here,
 * before any system header is included.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <errno.h>
#include <ncursesw/curses.h>

/* ---- Globals that Swift 6 rejects as shared mutable state -------------------------------- */

static inline WINDOW *plenary_stdscr(void) { return stdscr; }
static inline WINDOW *plenary_curscr(void) { return curscr; }
static inline int plenary_lines(void) { return LINES; }
static inline int plenary_cols(void) { return COLS; }
static inline int plenary_colors(void) { return COLORS; }
static inline int plenary_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *plenary_stdin(void) { return stdin; }
static inline FILE *plenary_stdout(void) { return stdout; }

/* ---- Assigning macros ------------------------------------------------------------------- */

static inline void plenary_getmaxyx(WINDOW *win, int *rows, int *columns) {
    int y = 0, x = 0;
    getmaxyx(win, y, x);
    *rows = y;
    *columns = x;
}

/* The size the terminal reports now (TIOCGWINSZ; ioctl is variadic, so Swift cannot call it).
   Returns 0, or -1 when `fd` is not a terminal or reports 0x0. */
static inline int plenary_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) {
        return -1;
    }
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/* wcwidth(3): columns `c` takes in the current locale (-1: not printable). glibc only declares it
   under _XOPEN_SOURCE, which the system module is not built with; the symbol is always there. */
extern int wcwidth(wchar_t c);
static inline int plenary_wcwidth(wchar_t c) { return wcwidth(c); }

/* ---- Attributes (computed macros Swift does not import) --------------------------------- */

static inline attr_t plenary_a_normal(void) { return WA_NORMAL; }
static inline attr_t plenary_a_bold(void) { return WA_BOLD; }
static inline attr_t plenary_a_reverse(void) { return WA_REVERSE; }
static inline attr_t plenary_a_dim(void) { return WA_DIM; }
static inline attr_t plenary_a_underline(void) { return WA_UNDERLINE; }

/* ---- Keys ------------------------------------------------------------------------------- */

static inline int plenary_key_f(int n) { return KEY_F(n); }

/* ---- Terminal capabilities -------------------------------------------------------------- */

/* 1 when the current terminal has string capability `name` (tigetstr gives NULL when it is
   absent and (char *)-1 when `name` is not a string capability). Call after newterm. */
static inline int plenary_has_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 && value[0] != '\0';
}

/* From <term.h>, which is not included whole: its macros (`lines`, `columns`...) would shadow ordinary names. */
struct term;
extern int setupterm(const char *name, int fd, int *status);
extern struct term *set_curterm(struct term *terminal);
extern int del_curterm(struct term *terminal);

/* Whether terminal type `name` can show Plenary, before any screen exists and without writing to it:
   0 usable, 1 not in the terminfo database, 2 no cursor addressing. The description is loaded and freed. */
static inline int plenary_probe_terminal(const char *name) {
    int status = 0;
    if (setupterm(name, STDOUT_FILENO, &status) != OK) {
        return 1;
    }
    int addressable = plenary_has_string_capability("cup");
    del_curterm(set_curterm(NULL));
    return addressable ? 0 : 2;
}

/* The key code ncurses returns when the terminal sends the key named by string capability `name`
   (e.g. "kLFT5", Ctrl-Left, an extension numbered by ncurses at start), or 0 when the terminal does
   not have it or ncurses does not decode it. Call after keypad(). */
static inline int plenary_key_code(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1 || value[0] == '\0') {
        return 0;
    }
    int code = key_defined(value);
    return code > 0 ? code : 0;
}

/* ---- Signals ----------------------------------------------------------------------------
 *
 * Why the handler lives here, in C: a signal handler may only touch `volatile sig_atomic_t`
 * objects (C11 7.14.1.1); Swift has no such type, and a Swift global is lazily initialised
 * through swift_once, which is not async-signal-safe. So the handler is C and stores into two
 * `volatile sig_atomic_t` slots; Swift only reads them through the inline accessors below.
 *
 * The slots are *weak* definitions, not `static`: Swift emits these inline functions into every
 * object file that calls them, and `static` storage would give each object file its own copy
 * (the handler installed from one file would write a slot another file never reads). With weak
 * linkage the linker keeps exactly one definition for the whole program.
 */
__attribute__((weak)) volatile sig_atomic_t plenary_signal_slot_exit = 0;    /* first exit signal, 0 if none */
__attribute__((weak)) volatile sig_atomic_t plenary_signal_slot_suspend = 0; /* 1 after SIGTSTP */
/* The wake pipe's ends (see plenary_open_signal_wake), -1 until it is opened. */
__attribute__((weak)) volatile sig_atomic_t plenary_signal_wake_write = -1;
__attribute__((weak)) int plenary_signal_wake_read = -1;
/* ncurses' own SIGWINCH handler, which the wake handler calls after writing its byte (one of the two, or neither).
   Two pointers (set once, read in the handler) rather than a saved struct sigaction. */
__attribute__((weak)) void (*volatile plenary_winch_previous_handler)(int) = 0;
__attribute__((weak)) void (*volatile plenary_winch_previous_action)(int, siginfo_t *, void *) = 0;

/* One byte into the wake pipe; write(2) is async-signal-safe, and errno is kept for the code interrupted. */
static void plenary_wake(void) {
    int descriptor = plenary_signal_wake_write;
    if (descriptor >= 0) {
        int saved = errno;
        char byte = 1;
        (void)write(descriptor, &byte, 1);
        errno = saved;
    }
}

static void plenary_record_signal(int signal_number) {
    plenary_wake();
    if (signal_number == SIGTSTP) {
        plenary_signal_slot_suspend = 1;
    } else if (plenary_signal_slot_exit == 0) {
        plenary_signal_slot_exit = signal_number;
    }
}

static void plenary_wake_then_forward_winch(int signal_number, siginfo_t *info, void *context) {
    plenary_wake();
    void (*action)(int, siginfo_t *, void *) = plenary_winch_previous_action;
    void (*handler)(int) = plenary_winch_previous_handler;
    if (action) {
        action(signal_number, info, context);
    } else if (handler) {
        handler(signal_number);
    }
}

/* A non-blocking pipe that every trapped signal and every SIGWINCH writes a byte to, so an event loop that
   poll(2)s its read end never sleeps through a signal or a resize that arrived just before the poll (ncurses
   only notices SIGWINCH at the next wgetch). Call after newterm, so ncurses' SIGWINCH handler is chained.
   Returns the read end (the same one if called again), or -1. */
static inline int plenary_open_signal_wake(void) {
    if (plenary_signal_wake_read >= 0) return plenary_signal_wake_read;
    int ends[2];
    if (pipe(ends) != 0) return -1;
    for (int end = 0; end < 2; end++) {
        fcntl(ends[end], F_SETFL, fcntl(ends[end], F_GETFL) | O_NONBLOCK);
        fcntl(ends[end], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = plenary_wake_then_forward_winch;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    plenary_signal_wake_write = ends[1];
    plenary_signal_wake_read = ends[0];
    struct sigaction previous;
    memset(&previous, 0, sizeof previous);
    if (sigaction(SIGWINCH, &action, &previous) == 0) {
        if (previous.sa_flags & SA_SIGINFO) {
            plenary_winch_previous_action = previous.sa_sigaction;
        } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
            plenary_winch_previous_handler = previous.sa_handler;
        }
    }
    return ends[0];
}

/* Empties the wake pipe (the loop is about to look at signals and keys). */
static inline void plenary_drain_signal_wake(void) {
    char bytes[64];
    if (plenary_signal_wake_read < 0) return;
    while (read(plenary_signal_wake_read, bytes, sizeof bytes) > 0) {}
}

/* Installs the recording handler WITHOUT SA_RESTART, so a blocking read (wgetch) returns
   with EINTR as soon as the signal arrives. The handler blocks the other trapped signals while
   it runs. Returns 0 or -1 (errno set). */
static inline int plenary_trap_signal(int signal_number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = plenary_record_signal;
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGHUP);
    sigaddset(&action.sa_mask, SIGQUIT);
    sigaddset(&action.sa_mask, SIGTSTP);
    action.sa_flags = 0;
    return sigaction(signal_number, &action, NULL);
}

/* Sets SIG_DFL (ignore == 0) or SIG_IGN (ignore != 0). */
static inline int plenary_set_signal_default(int signal_number, int ignore) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ignore ? SIG_IGN : SIG_DFL;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signal_number, &action, NULL);
}

/* Unblocks every signal for the calling thread (threads created later inherit it). */
static inline int plenary_unblock_all_signals(void) {
    sigset_t none;
    sigemptyset(&none);
    return pthread_sigmask(SIG_SETMASK, &none, NULL);
}

/* The terminal hung up without a SIGHUP reaching this process (it is not the session's leader, e.g. under a
   wrapper): recorded as one, so the loop ends the workshop the way a hangup does. */
static inline void plenary_record_terminal_hangup(void) { plenary_record_signal(SIGHUP); }
static inline int plenary_pending_exit_signal(void) { return (int)plenary_signal_slot_exit; }
static inline void plenary_clear_exit_signal(void) { plenary_signal_slot_exit = 0; }

/* Returns 1 and clears the request if SIGTSTP arrived since the last call. */
static inline int plenary_take_suspend_request(void) {
    if (plenary_signal_slot_suspend) {
        plenary_signal_slot_suspend = 0;
        return 1;
    }
    return 0;
}

#endif
