"""massage-gui: a pacing and memory aid for gentle facial and neck lymphatic self-massage."""

__version__ = "0.1.0"
APP_ID = "io.github.massage_gui.MassageGui"
