"""What the sources cover: the numbered sources list grouped by where outlets are based,
the period of their dates, outlets per side, and whether coverage is one-sided.

Sources are numbered group by group (the parties' countries in profile order, then other
places alphabetically, then outlets whose home is not known), input order within a group,
so that the numbers of a group run on.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.compose.outlets import Outlet
from briefer.data import Coverage, Document, HomeCount, Party, Source, Statement

__all__ = ["coverage", "number_sources"]


def number_sources(
    documents: Sequence[Document], outlets: dict[str, Outlet], parties: Sequence[Party]
) -> tuple[Source, ...]:
    order = {p.id: i for i, p in enumerate(parties)}

    def group(item: tuple[int, Document]) -> tuple:
        outlet = outlets.get(item[1].id, Outlet())
        if outlet.party in order:
            return (0, order[outlet.party], "", item[0])
        return (1 if outlet.home else 2, 0, outlet.home, item[0])

    ordered = sorted(enumerate(documents), key=group)
    return tuple(
        Source(
            n,
            d.id,
            d.title,
            outlets.get(d.id, Outlet()).name or d.outlet,
            d.date,
            d.url,
            d.path,
            outlets.get(d.id, Outlet()).home,
            outlets.get(d.id, Outlet()).party,
        )
        for n, (_, d) in enumerate(ordered, 1)
    )


def coverage(
    sources: Sequence[Source],
    shown: Sequence[Statement],
    parties: Sequence[Party],
    *,
    unread: int = 0,
) -> Coverage:
    """`unread`: body sentences the run left out (briefer.prepare's limit), said in a note."""
    dates = sorted(s.date for s in sources if s.date)
    homes: dict[tuple[str, str], set[str]] = {}
    for source in sources:
        homes.setdefault((source.home, source.party), set()).add(_outlet_key(source))
    order = {p.id: i for i, p in enumerate(parties)}
    counts = sorted(
        (HomeCount(home, party, len(names)) for (home, party), names in homes.items()),
        key=lambda h: (h.party not in order, order.get(h.party, 0), h.home == "", h.home),
    )
    return Coverage(
        first=dates[0] if dates else "",
        last=dates[-1] if dates else "",
        homes=tuple(counts),
        notes=tuple(_one_sided(sources, shown, parties)) + _unread_note(unread),
    )


def _unread_note(unread: int) -> tuple[str, ...]:
    if unread <= 0:
        return ()
    return (
        f"With this many sources, only the first sentences of each document were read"
        f" ({unread:,} later sentences were left out).",
    )


def _outlet_key(source: Source) -> str:
    return source.outlet.strip().lower() or f"#{source.doc_id}"


def _one_sided(
    sources: Sequence[Source], shown: Sequence[Statement], parties: Sequence[Party]
) -> list[str]:
    """One sentence per party whose statements come only from the other side's outlets, or
    from a single outlet."""
    by_doc = {s.doc_id: s for s in sources}
    notes = []
    for party in parties:
        docs = {ref[0] for s in shown if s.party == party.id for ref in s.sources}
        behind = [by_doc[d] for d in sorted(docs) if d in by_doc]
        if not behind:
            continue
        sides = {s.party for s in behind}
        if sides and not sides & {party.id, ""}:
            homes = " or ".join(p.name for p in parties if p.id in sides)
            notes.append(f"All of {party.name}'s statements come from outlets based in {homes}.")
            continue
        outlets = {_outlet_key(s) for s in behind}
        if len(outlets) == 1:
            name = behind[0].outlet.strip()
            where = f"one outlet, {name}" if name else "one source"
            notes.append(f"{party.name}'s statements rest on {where}.")
    return notes
