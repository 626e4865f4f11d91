"""Language layer: the spaCy model and the per-article state carried on each ``Doc``."""
