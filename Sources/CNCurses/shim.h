#ifndef PLENARY_CNCURSES_SHIM_H
#define PLENARY_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so wide-character support is switched on here. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
