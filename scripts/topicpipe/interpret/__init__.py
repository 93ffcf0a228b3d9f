"""Interpretation: tidy tables that describe topics and documents."""
