#ifndef AUTHDESK_CNCURSESW_SHIM_H
#define AUTHDESK_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and globals that Swift cannot import or that Swift 6 rejects as shared mutable state. */
static inline attr_t authdesk_a_bold(void) { return A_BOLD; }
static inline attr_t authdesk_a_reverse(void) { return A_REVERSE; }
static inline attr_t authdesk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t authdesk_a_dim(void) { return A_DIM; }
static inline attr_t authdesk_a_normal(void) { return A_NORMAL; }
static inline int authdesk_lines(void) { return LINES; }
static inline int authdesk_cols(void) { return COLS; }
static inline int authdesk_colors(void) { return COLORS; }
static inline int authdesk_key_f(int n) { return KEY_F(n); }
static inline int authdesk_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int authdesk_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *authdesk_stdscr(void) { return stdscr; }

/* newterm on the process's own stdin/stdout: unlike initscr it returns NULL instead of exiting
   when the terminal type is unknown. */
static inline SCREEN *authdesk_newterm(const char *term) { return newterm(term, stdout, stdin); }

/* The terminal's size as the kernel has it now (ioctl is variadic, so Swift cannot call it). */
static inline int authdesk_terminal_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

/* A new pseudo-terminal pair (tests run real curses sessions on one). */
static inline int authdesk_open_pty(int *master, int *slave) {
    return openpty(master, slave, NULL, NULL, NULL);
}

/* Sets a terminal's size (tests size their pseudo-terminal with it). */
static inline int authdesk_set_terminal_size(int fd, int rows, int cols) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = (unsigned short)rows;
    size.ws_col = (unsigned short)cols;
    return ioctl(fd, TIOCSWINSZ, &size);
}

/* Whether the locale set by setlocale(LC_ALL, "") encodes text as UTF-8. */
static inline int authdesk_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Swift emits the inline functions of this header but not its file-level static variables, so
   state lives in function-level statics reached through these accessors. */
static inline locale_t *authdesk_utf8_locale_slot(void) { static locale_t slot; return &slot; }
static inline int *authdesk_signal_fd_slot(void) { static int fd = -1; return &fd; }
static inline struct sigaction *authdesk_previous_winch_slot(void) { static struct sigaction previous; return &previous; }
static inline struct sigaction *authdesk_previous_quit_slot(int i) { static struct sigaction previous[3]; return &previous[i]; }
static inline int authdesk_quit_signal(int i) { return i == 0 ? SIGINT : i == 1 ? SIGTERM : SIGHUP; }

/* wcwidth under C.UTF-8 on the calling thread only, whatever the process locale is, so widths
   are the C library's (and so ncurses's) without touching the global locale.
   Returns -2 when no UTF-8 locale is available. */
static void authdesk_make_utf8_locale(void) {
    *authdesk_utf8_locale_slot() = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}
static inline int authdesk_wcwidth(unsigned int scalar) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, authdesk_make_utf8_locale);
    locale_t utf8 = *authdesk_utf8_locale_slot();
    if (utf8 == (locale_t)0) return -2;
    locale_t previous = uselocale(utf8);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}

/* Signals to the console's self-pipe: the handlers only write(2), which is async-signal-safe.
   SIGINT, SIGTERM and SIGHUP write their number. SIGWINCH stays ncurses's: its handler is
   chained after writing 'W', so a resize wakes poll(2) even when the signal lands on another
   thread. */
static void authdesk_on_signal(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    int fd = *authdesk_signal_fd_slot();
    if (fd >= 0) (void)!write(fd, &byte, 1);
    errno = saved;
}

static void authdesk_on_winch(int sig) {
    int saved = errno;
    unsigned char byte = 'W';
    int fd = *authdesk_signal_fd_slot();
    if (fd >= 0) (void)!write(fd, &byte, 1);
    errno = saved;
    struct sigaction *previous = authdesk_previous_winch_slot();
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction) previous->sa_sigaction(sig, NULL, NULL);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(sig);
    }
}

/* Before newterm: route SIGINT, SIGTERM and SIGHUP to fd (ncurses then leaves them alone). */
static inline int authdesk_install_quit_signals(int fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = authdesk_on_signal;
    sigemptyset(&action.sa_mask);
    *authdesk_signal_fd_slot() = fd;
    for (int i = 0; i < 3; i++) {
        if (sigaction(authdesk_quit_signal(i), &action, authdesk_previous_quit_slot(i)) != 0) return -1;
    }
    return 0;
}

/* After newterm: wake fd on SIGWINCH too, then run ncurses's own handler. */
static inline int authdesk_chain_winch(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = authdesk_on_winch;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, authdesk_previous_winch_slot());
}

/* Puts SIGINT, SIGTERM, SIGHUP and SIGWINCH back as they were before the console. */
static inline void authdesk_restore_signals(void) {
    for (int i = 0; i < 3; i++) sigaction(authdesk_quit_signal(i), authdesk_previous_quit_slot(i), NULL);
    sigaction(SIGWINCH, authdesk_previous_winch_slot(), NULL);
    *authdesk_signal_fd_slot() = -1;
}

/* Whether terminal type `term` (NULL: unset) can move the cursor, per terminfo's `cup`: 1 it can,
   0 it cannot (dumb or hard-copy), -1 terminfo does not know the type. Reads the terminfo entry
   only: nothing is written to the terminal, and no terminal stays set up afterwards. */
#include <ncursesw/term.h>
static inline int authdesk_term_can_address(const char *term) {
    if (term == NULL || term[0] == '\0') return -1;
    TERMINAL *previous = cur_term;
    int status = 0;
    if (setupterm(term, -1, &status) != OK) {
        set_curterm(previous);
        return status == 0 ? -1 : 0;
    }
    char *cup = tigetstr("cup");
    int addressable = cup != NULL && cup != (char *)-1 && cup[0] != '\0' && !hard_copy;
    TERMINAL *probe = cur_term;
    set_curterm(previous);
    del_curterm(probe);
    return addressable;
}

#endif
