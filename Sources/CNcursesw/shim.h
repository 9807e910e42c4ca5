#ifndef AUTHDESK_CNCURSESW_SHIM_H
#define AUTHDESK_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
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

#endif
