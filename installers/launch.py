"""What both executables of the bundle run: the same entry point as `python -m dsr_desk` and `dsr-desk`.

The windowed one (DSR Desk) opens the window; the console twin (dsr-desk) takes commands, or opens the
window when given none. A windowed executable has no sys.stdout or sys.stderr: dsr_desk.diagnostics
guards them before anything is printed.
"""

import sys

from dsr_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
