#ifndef ECETOP_CNCURSESW_SHIM_H
#define ECETOP_CNCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config gives, and without this the wide-character API
// (wadd_wch, mvwaddnwstr, WACS_*) is not declared.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects ncurses' global mutable state and cannot see its function-like macros,
// so each is wrapped in a prefixed static inline function.
static inline WINDOW *ece_stdscr(void) { return stdscr; }
static inline int ece_lines(void) { return LINES; }
static inline int ece_cols(void) { return COLS; }
static inline int ece_colors(void) { return COLORS; }
static inline int ece_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ece_a_normal(void) { return A_NORMAL; }
static inline attr_t ece_a_bold(void) { return A_BOLD; }
static inline attr_t ece_a_dim(void) { return A_DIM; }
static inline attr_t ece_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ece_a_reverse(void) { return A_REVERSE; }
static inline attr_t ece_a_blink(void) { return A_BLINK; }
static inline attr_t ece_a_standout(void) { return A_STANDOUT; }

static inline void ece_getmaxyx(WINDOW *window, int *rows, int *columns) {
    int y, x;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}

static inline const cchar_t *ece_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *ece_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *ece_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *ece_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *ece_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *ece_wacs_lrcorner(void) { return WACS_LRCORNER; }

static inline int ece_key_resize(void) { return KEY_RESIZE; }
static inline int ece_err(void) { return ERR; }

#endif
