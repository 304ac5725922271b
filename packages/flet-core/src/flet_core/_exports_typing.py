"""Static view of the lazily loaded public names, for type checkers."""
