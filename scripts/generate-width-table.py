#!/usr/bin/env python3
"""Generates Sources/PlenaryEngine/Text/WidthTable.swift from this machine's glibc wcwidth(3).

Why glibc and not a Unicode data file: ncurses (our driver) and tmux 3.3a (our end-to-end
terminal, built without utf8proc) both call the C library's wcwidth() to decide how many
columns a character takes. Agreeing with *that* function is what keeps rows aligned, so the
table is a run-length copy of it, taken in the C.UTF-8 locale for every scalar U+0000...U+10FFFF.

Each run is one UInt32: `start << 2 | class`, where class is
    0: zero width   (wcwidth == 0: combining marks, format characters, U+1160-U+11FF, ...)
    1: one column
    2: two columns  (East Asian Wide and Fullwidth, most emoji)
    3: unprintable  (wcwidth == -1: controls, unassigned in glibc's Unicode, noncharacters)
The runs are sorted and cover the whole code space; Swift finds a scalar's run by binary search.

Usage:  python3 scripts/generate-width-table.py [output.swift]
        (default output: Sources/PlenaryEngine/Text/WidthTable.swift, relative to the repository root)
"""
import ctypes
import ctypes.util
import os
import sys
import unicodedata

LC_CTYPE = 0  # glibc's value; LC_ALL (6) would also do.


def load_wcwidth():
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.setlocale.restype = ctypes.c_char_p
    libc.setlocale.argtypes = [ctypes.c_int, ctypes.c_char_p]
    if libc.setlocale(LC_CTYPE, b"C.UTF-8") is None:
        sys.exit("error: the C.UTF-8 locale is not available")
    libc.wcwidth.argtypes = [ctypes.c_wchar]
    libc.wcwidth.restype = ctypes.c_int
    libc.gnu_get_libc_version.restype = ctypes.c_char_p
    return libc.wcwidth, libc.gnu_get_libc_version().decode()


def width_class(wcwidth, cp):
    if 0xD800 <= cp <= 0xDFFF:  # surrogates never occur in a Swift String
        return 3
    w = wcwidth(chr(cp))
    return 3 if w < 0 else w


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Sources/PlenaryEngine/Text/WidthTable.swift")
    wcwidth, glibc = load_wcwidth()

    runs = []
    previous = None
    for cp in range(0x110000):
        c = width_class(wcwidth, cp)
        assert 0 <= c <= 3, (hex(cp), c)
        if c != previous:
            runs.append(cp << 2 | c)
            previous = c

    lines = []
    for i in range(0, len(runs), 8):
        lines.append("        " + " ".join(f"0x{r:08X}," for r in runs[i:i + 8]))

    text = f"""// GENERATED FILE, do not edit. Regenerate with:  python3 scripts/generate-width-table.py
// Source: glibc {glibc} wcwidth(3) in the C.UTF-8 locale, queried for every scalar U+0000...U+10FFFF
// (glibc's tables follow Unicode {unicodedata.unidata_version} East Asian Width / general categories).
// That is the function ncurses and tmux 3.3a use, so agreeing with it keeps every row aligned.

/// Run-length table of glibc's `wcwidth` over the whole code space.
enum WidthTable {{
    /// `gnu_get_libc_version()` of the machine that generated `runs`.
    static let glibcVersion = "{glibc}"

    /// Sorted runs covering U+0000...U+10FFFF. Each entry is `firstScalar << 2 | class`;
    /// class 0 = zero width, 1 = one column, 2 = two columns, 3 = unprintable (wcwidth -1).
    /// A run lasts until the next entry's first scalar. {len(runs)} runs.
    static let runs: [UInt32] = [
{chr(10).join(lines)}
    ]
}}
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(runs)} runs from glibc {glibc} to {out}")


if __name__ == "__main__":
    main()
