"""The PyInstaller bundle's entry point.

One program, two executables built from it (see massage_gui.spec): ``massage-gui`` is the command line
(and opens the window when given no command); ``massage-gui-window`` (Windows only) opens the window
without a console window, like the ``massage-gui-window`` gui-script of a pip install.
"""

import sys
from pathlib import Path

from massage_gui.cli import gui_main, main

if __name__ == "__main__":
    windowed = Path(sys.executable).stem.endswith("-window")
    sys.exit(gui_main() if windowed else main())
