"""The abstractive summarizer over a local seq2seq checkpoint, one idea per module:

summarizer.py   Seq2SeqSummarizer: grouping, packing, batched generation, the budget
loading.py      checking and loading a checkpoint folder (safetensors, offline), cached
copy_only.py    copy-only decoding over a shortlist vocabulary
spacing.py      generated ids back to text, spaced as the source
"""

from briefer.summarize.seq2seq.spacing import split_generated
from briefer.summarize.seq2seq.summarizer import GENERATION_KWARGS, Seq2SeqSummarizer

__all__ = ["GENERATION_KWARGS", "Seq2SeqSummarizer", "split_generated"]
