"""topicpipe: a reproducible topic-modelling pipeline for news corpora.

The package holds all the logic; the Snakemake rules call thin scripts that
read their inputs, call functions from here, and write their outputs.
"""

__version__ = "0.1.0"
