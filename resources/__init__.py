"""Fonts, icons and other assets, read through importlib.resources."""
