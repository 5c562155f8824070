"""The app's model: pure Python, no Qt. Anatomy, routines, the plan, the sequencer and the frame."""
