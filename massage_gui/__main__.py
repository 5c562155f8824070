"""Entry point for ``python -m massage_gui``."""

import sys

from massage_gui.cli import main

sys.exit(main())
