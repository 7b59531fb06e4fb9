"""The trained summarizer (the default): learned salience, then learned deletions.

    features.py     per-sentence features from the run's SummaryContext
    compress.py     deletable syntactic units of a spaCy parse, and their deletion
    model.py        the shipped weights (safetensors), read into numpy
    summarizer.py   TrainedSummarizer: select, compress, order

Trained by `briefer train --summarizer trained` (briefer.train.extcomp).
"""

from briefer.summarize.trained.summarizer import TrainedSummarizer

__all__ = ["TrainedSummarizer"]
