"""The side-by-side table: the one home of the parties' claims (those not in the lede).

Rows are topics: the disputed points first (marked disputed), then the other points, then
"General". Claims are placed one at a time, by the party with the fewest words shown so far
(the lede's included), most salient first and a new topic before a second claim on one
already shown, while the page has room: so the parties get comparable room, and the louder
side at most `Layout.max_lead` claims more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from briefer.compose.lede import casualty_figures, gives_deaths, has_casualty_figure
from briefer.compose.length import Layout
from briefer.compose.page import Page, heading_words
from briefer.compose.sentences import MONTHS, paraphrased
from briefer.data import TABLE, Claim, Row, SentenceRef, Statement
from briefer.perspectives import DISPUTE_TOPICS, content_words, point_name, speaker_key
from briefer.perspectives.topics import TOPICS

__all__ = [
    "CONCISE",
    "GENERAL",
    "SAME_CLAIM",
    "SAME_SPEAKER",
    "SAYS_AGAIN",
    "build_rows",
    "cell_words",
    "concise_first",
    "counted",
    "header_words",
    "own_content",
    "row_words",
    "says_again",
]

GENERAL = "General"
LEAD_WORDS = 40  # words one party may be ahead of another after a claim is placed
CONCISE = 36  # words: a claim longer than this is tried later, by salience per word
SAYS_AGAIN = 0.55  # of a claim's content words shared with one shown: it says that again
SAME_CLAIM = 0.8  # MiniLM cosine of two of a party's sentences that make one claim (dev set)
SAME_SPEAKER = 0.72  # the same, when one speaker makes both and the second adds no figure
_ORDER = (*DISPUTE_TOPICS, *(t for t in TOPICS if t not in DISPUTE_TOPICS), "")


def build_rows(
    by_party: dict[str, Sequence[Claim]],
    columns: Sequence[str],
    disputed: Sequence[str],
    layout: Layout,
    page: Page,
    write: Callable[[Claim, str, int], Statement],
    limit: float,
    shown: dict[str, int],
    figures: dict[str, set[str]],
    said: dict[str, list[Claim]] | None = None,
    scores: Mapping[SentenceRef, float] | None = None,
    foreign: Callable[[Claim], bool] | None = None,
    vectors: Mapping[SentenceRef, np.ndarray] | None = None,
    speaker_of: Callable[[str], str] = speaker_key,
) -> tuple[tuple[Row, ...], list[Statement]]:
    """The rows, and every statement placed in them; `limit` caps the words they may use,
    `shown` counts each party's statements already on the page (the lede's), `figures`
    holds each party's casualty figures already shown: a figure is given once; `said` holds
    each party's claims already shown (the lede's): a claim that mostly says one of them
    again, in other words, is left for one that says something else. With `scores` (the
    sentences' salience), a party's claims are tried by salience per word (`concise_first`);
    `foreign` tells a claim that gives its figures on another party's word ("... four Azeri
    soldiers killed according to the Azerbaijani Ministry of Defense" in Armenia's column):
    the party's own figure leads its casualty row before such a one. With `vectors` (the
    sentences' MiniLM vectors), a claim whose sentence is that close (SAME_CLAIM) to one of
    the party's shown is the same claim in other words: "According to the Thai side, a
    misunderstanding led to Cambodian forces firing first" after "“Cambodian forces
    misunderstood the situation and started using weapons,” an army spokesman said"; and
    one of the same speaker (`speaker_of`: speaker_key, or one that knows the parties'
    names: "the Afghan Ministry of Defense" and "Afghanistan's defence ministry" are one) that
    close (SAME_SPEAKER), giving no new figure,
    is that speaker's statement again as another outlet tells it: "“We severely damaged
    Iran's defense systems ...,” Netanyahu said" after "Israel's air strikes “hit hard”
    Iran's defences and missile production, Prime Minister Benjamin Netanyahu said"."""
    figures = {p: set(figures.get(p, ())) for p in columns}
    said_words = {p: [own_content(c) for c in (said or {}).get(p, ())] for p in columns}
    said_refs = {p: [c.sentence.ref for c in (said or {}).get(p, ())] for p in columns}
    said_by = {p: [speaker_of(c.speaker) for c in (said or {}).get(p, ())] for p in columns}
    counts = {
        p: set().union(*(counted(c.sentence.text) for c in (said or {}).get(p, ())))
        for p in columns
    }
    queues = {
        p: _topic_leads_first(
            concise_first(by_party.get(p, ()), scores), bool(figures[p]), foreign, disputed
        )
        for p in columns
    }
    cells: dict[tuple[str, str], list[Statement]] = {}
    shown = {p: shown.get(p, 0) for p in columns}
    placed: list[Statement] = []
    spent = 0.0
    used = {p: sum(len(c.sentence.text.split()) for c in (said or {}).get(p, ())) for p in columns}
    written: dict[SentenceRef, Statement] = {}

    def place_next(party: str, strict: bool) -> bool:
        """Place the party's next claim that may go on the page; False when it has none
        (or, `strict`, when its next would put it LEAD_WORDS ahead: it waits its turn)."""
        nonlocal spent
        queue = queues[party]
        while queue and _may_lead(party, shown, layout, queues):
            claim = queue[0]
            topic = _row_topic(claim.topic)
            cell = cells.setdefault((topic, party), [])
            given = casualty_figures(claim.owned_text)
            words = own_content(claim)
            things = counted(claim.sentence.text)
            row = (
                0
                if _has_row(cells, topic, cell)
                else row_words(topic, len(columns), topic in disputed)
            )
            key = speaker_of(claim.speaker)
            pairs = zip(said_refs[party], said_by[party], strict=True)
            by_speaker = [r for r, k in pairs if key and k == key]
            room = min(page.left(), limit - spent)
            if (
                len(cell) >= _cell_size(topic, disputed, layout)
                or given & figures[party]
                or things & counts[party]
                or says_again(words, said_words[party])
                or (
                    vectors
                    and paraphrased(claim.sentence.ref, said_refs[party], vectors, SAME_CLAIM)
                )
                or (
                    vectors
                    and not given - figures[party]
                    and paraphrased(claim.sentence.ref, by_speaker, vectors, SAME_SPEAKER)
                )
                or cell_words(least_words(claim, layout.claim_words), cell) + row > room
            ):
                queue.pop(0)
                continue
            if claim.sentence.ref not in written:
                written[claim.sentence.ref] = write(claim, TABLE, layout.claim_words)
            statement = written[claim.sentence.ref]
            cost = cell_words(statement_words(statement), cell) + row
            if page.repeats(statement) or cost > room:
                queue.pop(0)
                continue
            if strict and _ahead(party, cost, used, queues):
                return False
            queue.pop(0)
            page.place(statement, cost)
            spent += cost
            cell.append(statement)
            placed.append(statement)
            figures[party] |= given
            counts[party] |= things
            said_words[party].append(words)
            said_refs[party].append(claim.sentence.ref)
            said_by[party].append(key)
            shown[party] += 1
            used[party] += cost
            return True
        return False

    strict = True
    while True:
        if any(place_next(p, strict) for p in sorted(columns, key=lambda p: used[p])):
            strict = True  # the fewest words shown go first, none far ahead of another
        elif strict and any(queues.values()):
            strict = False  # only long claims are left: one may go ahead
        else:
            break
    rows = tuple(
        Row(
            topic,
            _label(topic),
            topic in disputed,
            tuple(tuple(cells.get((topic, p), ())) for p in columns),
        )
        for topic in _ORDER
        if any(cells.get((topic, p)) for p in columns)
    )
    return rows, placed


def concise_first(
    claims: Sequence[Claim], scores: Mapping[SentenceRef, float] | None
) -> list[Claim]:
    """`claims` by salience per word: a sentence longer than CONCISE words counts for less in
    proportion, so that a long one does not take the room of two that say as much (no
    `scores`: as given)."""
    if not scores:
        return list(claims)

    def value(claim: Claim) -> float:
        words = len(claim.sentence.text.split())
        return scores.get(claim.sentence.ref, 0.0) / max(1.0, words / CONCISE)

    return sorted(claims, key=value, reverse=True)


def counted(text: str) -> set[tuple[str, str]]:
    """What `text` counts, as (figure, word) pairs for the content words that follow each
    figure ("five Indian fighter jets": five-indian, five-fighter, five-jets); not dates,
    years or times. A party's claim counting what one shown already counts ("downed five
    Indian aircraft") says that again."""
    found = set()
    for m in _COUNT.finditer(text):
        before = text[: m.start()].split()[-1:]
        if before and before[0].lower().strip(",.") in _MONTHS:
            continue  # "May 7", "September 12-13"
        after = []
        for word in text[m.end() :].split()[:3]:
            bare = word.strip(",.;:()\"'“”’").lower()
            if _COUNT.fullmatch(bare) or bare in _MONTHS or not bare:
                break
            after.append(bare)
            if word[-1:] in ",.;:)":
                break
        found |= {(m.group().lower(), w) for w in content_words(" ".join(after))}
    return found


_MONTHS = frozenset(MONTHS).union("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_COUNT = re.compile(
    r"(?<![\d:.,-])\b(?!(?:19|20)\d\d\b)\d[\d,]*\b(?![:.]\d)|\b(?:two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?)\b",
    re.IGNORECASE,
)


def own_content(claim: Claim) -> set[str]:
    """The content words of a claim's sentence, its speaker's name aside."""
    return content_words(claim.sentence.text) - content_words(claim.speaker)


def says_again(words: set[str], said: Sequence[set[str]], share: float = SAYS_AGAIN) -> bool:
    """Whether at least `share` of `words` (a claim's content words) are those of one claim
    already shown: the same account again, in other words."""
    return bool(words) and any(len(words & other) >= share * len(words) for other in said)


def least_words(claim: Claim, cap: int) -> int:
    """The fewest words a claim can take on the page: condensed to `cap` at best."""
    return min(len(claim.sentence.text.split()), cap) + len(
        {ref[0] for ref in (claim.sentence.ref, *claim.also)}
    )


def statement_words(statement: Statement) -> int:
    """Words as a reader counts them: the text and one per source document."""
    return len(statement.text.split()) + len({ref[0] for ref in statement.sources})


def row_words(topic: str, columns: int, disputed: bool = False) -> int:
    """A new row's own words as the Markdown shows them: its label (and "(disputed)"), the
    pipes around the cells and an empty-cell mark in each; a statement placed in an empty
    cell takes its mark's place (`cell_words`)."""
    return len(_label(topic).split()) + disputed + (columns + 2) + columns


def cell_words(words: int, cell: Sequence[Statement]) -> int:
    """What a statement of `words` words adds to a cell holding `cell`: in an
    empty one it replaces the empty-cell mark."""
    return words - (0 if cell else 1)


def header_words(names: Sequence[str]) -> int:
    """The table's heading and header rows as the Markdown shows them: "## Positions side by
    side", "| Topic | Pakistan | Afghanistan |" and its rule "| --- | --- | --- |"."""
    columns = len(names)
    return (
        heading_words(TABLE)
        + (columns + 2 + 1 + sum(len(n.split()) for n in names))
        + (columns + 1 + columns + 2)
    )


def _cell_size(topic: str, disputed: Sequence[str], layout: Layout) -> int:
    """The claims a party may show in a topic's row: more on a disputed point (each side's
    account of who was killed or hit), fewer in "General"."""
    if not topic:
        return layout.per_general
    if topic in disputed and layout.per_disputed is not None:
        return layout.per_disputed
    return layout.per_cell


def _has_row(cells: dict, topic: str, cell: list) -> bool:
    return any(v for (t, _), v in cells.items() if t == topic)


def _may_lead(party: str, shown: dict[str, int], layout: Layout, queues: dict[str, list]) -> bool:
    """Whether the party may show another claim: no more than `layout.max_lead` beyond a
    party that still has claims to show (one whose sources hold no more does not hold the
    other's core claims back)."""
    others = [n for p, n in shown.items() if p != party and queues[p]]
    if layout.max_lead is None or not others:
        return True
    return shown[party] < min(others) + layout.max_lead


def _ahead(party: str, cost: float, used: dict[str, float], queues: dict[str, list]) -> bool:
    """Whether placing `cost` words would put `party` more than LEAD_WORDS ahead of a party
    that still has claims to place: one long claim may not take the room the other needs."""
    others = [used[p] for p in used if p != party and queues[p]]
    return bool(others) and used[party] + cost - min(others) > LEAD_WORDS


def _row_topic(topic: str) -> str:
    return topic if topic in _ORDER else ""


def _label(topic: str) -> str:
    if not topic:
        return GENERAL
    name = point_name(topic)
    return name[:1].upper() + name[1:]


def _topic_leads_first(
    claims: Sequence[Claim],
    figure_shown: bool,
    foreign: Callable[[Claim], bool] | None = None,
    disputed: Sequence[str] = (),
) -> list[Claim]:
    """The party's most salient casualty figure (unless the lede gives one), its own before
    one on another party's word (`foreign`), one of dead before one of wounded only, then
    each topic's most salient claim (in salience order), then the rest: those on the
    `disputed` points first (a second account of who was killed or hit before a second
    word on talks), each in salience order."""
    figures = [] if figure_shown else [c for c in claims if has_casualty_figure(c.owned_text)]
    figures.sort(key=lambda c: (bool(foreign and foreign(c)), not gives_deaths(c.owned_text)))
    first = figures[:1]
    seen: set[str] = {c.topic for c in first}
    leads, rest = [], []
    for claim in claims:
        if claim in first:
            continue
        (rest if claim.topic in seen else leads).append(claim)
        seen.add(claim.topic)
    rest.sort(key=lambda c: c.topic not in disputed)  # stable: salience order within each
    return first + leads + rest
