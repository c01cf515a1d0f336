"""Data files read by the core and the window (rules, lists, guidance, translations, icons).

Read them with ``importlib.resources.files("resources")``; nothing here is code.
"""
