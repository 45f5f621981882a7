"""Qt widgets of Volunteer Check (the only layer that may import QtWidgets)."""
