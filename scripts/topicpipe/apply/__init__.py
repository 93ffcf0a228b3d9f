"""Apply a trained model to new documents: the names of a model bundle's files
(``layout``), the bundle (``results/model/``, ``bundle``), what to apply it to (``request``),
and the run on files (``stage``), which the rule ``apply_model`` and
``python -m topicpipe.apply BUNDLE INPUT OUTPUT`` share.

Nothing is imported here: the workflow's rules import ``layout`` and ``request`` while
Snakemake reads the Snakefile, which must not load gensim or pandas each time."""
