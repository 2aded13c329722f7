"""translation family."""
