"""encoding family."""
