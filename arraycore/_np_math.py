"""placeholder being written (issue 12)."""
