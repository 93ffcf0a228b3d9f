"""Judging topic models: coherence, diversity, held-out likelihood, exclusivity,
per-topic diagnostics, stability across seeds, and the rule that picks one model."""
