"""Figures: one module per figure, a shared style in ``style``."""
