"""offtopic family."""
