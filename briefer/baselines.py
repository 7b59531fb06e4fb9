"""The baselines `briefer eval` scores briefer against, on briefer's own sentences.

lead      first sentences of the documents in turn, up to the budget
lexrank   sumy's LexRankSummarizer, best-rated sentences up to the budget
oracle    the greedy ROUGE oracle against the reference (the ceiling of extraction)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.data import Sentence
from briefer.summarize.length import cut_words

__all__ = ["lead", "lexrank", "oracle"]


def lead(sentences_by_doc: Sequence[Sequence[Sentence]], max_words: int) -> list[str]:
    """First sentences of every document in turn (1st of each, then 2nd...), up to the budget."""
    picked: list[str] = []
    depth = max((len(s) for s in sentences_by_doc), default=0)
    for i in range(depth):
        picked.extend(doc[i].text for doc in sentences_by_doc if i < len(doc))
    return cut_words(picked, max_words)


class _RegexTokenizer:
    language = "english"
    _word = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._word.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # unused: sentences come split
        return (text,)


def lexrank(sentences: Sequence[Sentence], max_words: int) -> list[str]:
    """sumy's LexRank over briefer's sentences; best-rated first up to the budget, text order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _RegexTokenizer()
    sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel([Paragraph(sumy_sentences)])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def within_budget(infos: list) -> list:
        taken, words = [], 0
        for info in infos:
            if words >= max_words:
                break
            taken.append(info)
            words += len(str(info.sentence).split())
        return taken

    chosen = summarizer(document, within_budget)
    return cut_words([str(s) for s in chosen], max_words)


def oracle(sentences: Sequence[Sentence], reference: str, max_words: int) -> list[str]:
    """The greedy ROUGE oracle (R-1 + R-2 F1 against `reference`) within `max_words`, in text
    order: what a perfect sentence picker could reach with these sentences."""
    from briefer.train.oracle import greedy_oracle

    texts = [s.text.strip() for s in sentences]
    picked = sorted(greedy_oracle(texts, reference, max_words))
    return cut_words([texts[i] for i in picked], max_words)
