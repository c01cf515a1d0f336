"""sagicheck window (PySide6). Shows what the core's Verdict says; never decides anything."""
