"""Generated token ids back to text, spaced as the source spaces them.

The wordpiece decoder puts a space between any two whole tokens ("u. s.", "biden ’ s",
"$ 100", "9 / 11"); a copy-only output mostly repeats its input's token pairs, so each pair
is joined as the input joins it, and an unseen pair by punctuation rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["decode", "detokenize", "is_wordpiece", "split_generated"]

_NO_SPACE_BEFORE = frozenset(",.;:!?)]%")
_NO_SPACE_AFTER = frozenset("([$")
_APOSTROPHES = frozenset("'’")
_HALF_SPACED_HYPHEN = re.compile(r"(\w)(?: -|- )(\w)")
_CLITICS = frozenset("s t d m ve re ll".split())


def decode(tokenizer: Any, ids: Sequence[int], source: str, *, wordpiece: bool) -> str:
    """The text of generated token `ids`, spaced as in `source` for a wordpiece model."""
    if wordpiece:
        text = detokenize(tokenizer, ids, source)
    else:
        text = tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=True)
    return " ".join(text.split())


def detokenize(tokenizer: Any, ids: Sequence[int], source: str) -> str:
    """Wordpiece ids to text, each token pair joined or spaced as `source` has it."""
    encoded = tokenizer(source, add_special_tokens=False, return_offsets_mapping=True)
    pairs = zip(encoded["input_ids"], encoded["input_ids"][1:], strict=False)
    spans = zip(encoded["offset_mapping"], encoded["offset_mapping"][1:], strict=False)
    glued: dict[tuple[int, int], bool] = {}
    for pair, (a, b) in zip(pairs, spans, strict=False):
        glued.setdefault(pair, a[1] == b[0])
    special = set(tokenizer.all_special_ids)
    ids = [i for i in ids if i not in special]
    tokens = tokenizer.convert_ids_to_tokens(ids)
    out: list[str] = []
    for k, token in enumerate(tokens):
        if token.startswith("##"):
            out.append(token[2:])
            continue
        if k:
            before, after = tokens[k - 1], tokens[k + 1] if k + 1 < len(tokens) else ""
            default = (
                token in _NO_SPACE_BEFORE
                or before in _NO_SPACE_AFTER
                or (token in _APOSTROPHES and after in _CLITICS)  # "trump ' s"
                or (before in _APOSTROPHES and token in _CLITICS)
            )
            if not glued.get((ids[k - 1], ids[k]), default):
                out.append(" ")
        out.append(token)
    return _HALF_SPACED_HYPHEN.sub(r"\1-\2", "".join(out))  # "assault -led": one pair unseen


def is_wordpiece(tokenizer: Any) -> bool:
    """Whether the tokenizer is a (fast) WordPiece one, decoded by `detokenize`."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    return type(getattr(backend, "decoder", None)).__name__ == "WordPiece"


def split_generated(text: str) -> list[str]:
    """Split generated text into sentences with briefer's Punkt splitter.

    Generated text may be lower-case, so a regex keyed on capitals would miss boundaries.
    """
    from briefer.split import split_text

    return [text[start:end] for start, end in split_text(text)]
