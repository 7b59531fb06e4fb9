"""Composition: the brief an analyst reads in two minutes, every claim in one place.

arrange.py    compose(): lede, table, facts, voices, background within the length's budget
lede.py       what happened (from corroborated facts), each party's core claim: chosen
opening.py    the lede written and placed on the page
table.py      the side-by-side table, the one home of the parties' other claims
facts.py      facts not in dispute: corroborated, or a wire's, or attributed to one outlet
outlets.py    each document's outlet, where it is based, wire copies and reprints
coverage.py   the numbered sources grouped by outlet home; dates; one-sided coverage
length.py     --length short|standard|full and --max-words
writer.py     the words of every statement, decided once (speaker or outlet named)
condense.py   the one place the summarizer is called
page.py       the word budget, and no statement that repeats one already placed
"""

from __future__ import annotations

from briefer.compose.arrange import Composition, compose
from briefer.compose.length import LENGTHS, Layout, layout_for

__all__ = ["LENGTHS", "Composition", "Layout", "compose", "layout_for"]
