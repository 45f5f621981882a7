"""The organiser's group window (organiser mode): opened lazily from the start screen."""
