"""The speed path: per-area memo and dependency discovery, proven equal to rules.engine by tests."""
