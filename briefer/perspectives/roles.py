"""The words of speaker phrases: roles and titles, bodies and persons, media, nobody.

What `parties.Resolver` reads a speaker phrase by: a generic head ("the ministry", "officials")
points back to an earlier speaker or to the document's context; a person's role ("the
spokesman") is no body that "it" can point back to; some phrases name nobody in particular.
"""

from __future__ import annotations

import re

__all__ = [
    "BODY_SYNONYMS",
    "BODY_WORDS",
    "DEFINITE",
    "GENERIC_HEADS",
    "INDEFINITE",
    "MEDIA_HEADS",
    "NOBODY",
    "NON_STATE_HEADS",
    "NON_STATE_QUALIFIERS",
    "NOT_NAME_WORDS",
    "NO_SPEAKER",
    "ORG_HEADS",
    "PERSON_HEADS",
    "PRONOUNS",
    "ROLE_WORDS",
    "STATE_ITSELF",
    "THE_OUTLET",
    "THE_STATEMENT",
    "TITLES",
    "head_word",
    "is_body",
    "is_person_phrase",
    "is_pronoun",
]

# Speakers named only by their role: whose they are comes from the context.
GENERIC_HEADS = frozenset(
    "official officials authorities authority spokesman spokeswoman spokesperson spokesmen police"
    " army military government ministry minister officer officers commander commanders source"
    " sources intelligence administration embassy diplomat diplomats envoy ambassador president"
    " statement forces troops soldiers governor chief agency department office investigators"
    " prosecutors court officer prime premier cabinet general captain major colonel lieutenant"
    " head mission country side regime leadership delegation representative command wing"
    " headquarters ministries mod state nation council parliament lawmaker lawmakers legislator"
    " guards guard force navy airforce dpo sho inspector superintendent commissioner deputy"
    " administrator ig dg secretary service center centre information data".split()
)
# Abbreviated and variant titles, as the head they stand for.
TITLES = {
    "gen": "general",
    "gen.": "general",
    "capt": "captain",
    "maj": "major",
    "col": "colonel",
    "lt": "lieutenant",
    "spokesperson": "spokesman",
    "spokeswoman": "spokesman",
    "pm": "premier",  # "The PM also announced ..."
}
# Words no person's name holds.
NOT_NAME_WORDS = frozenset("the a an of for from in at to on and with by this that".split())
# Roles one person holds.
ROLE_WORDS = frozenset(
    "head chief spokesman spokeswoman spokesperson minister commander general"
    " official ambassador envoy president leader director secretary".split()
)
DEFINITE = frozenset("the its this that these those".split())
INDEFINITE = frozenset("a an another".split())

# Generic heads that name an organisation, not a person speaking for it.
ORG_HEADS = frozenset(
    "ministry office embassy government administration army military police"
    " agency department court cabinet intelligence forces mission".split()
)
# Nobody in particular: "reports said", "media reports", "both sides", "each other".
NO_SPEAKER = re.compile(
    r"^(?:(?:initial|earlier|some|other|unconfirmed|local|media|news|press|several|previously"
    r"|stated|official|death)\s+)*(?:reports?|media|accounts?|footage|images|videos?|tolls?"
    r"|figures|estimates|counts|data|statistics)\b(?!\s+of\s+[A-Z])"
    r"|^(?:both|each|the\s+two)\b|\beach\s+other\b|\b(?:two|both)\s+(?:sides|countries"
    r"|nations|governments|armies|militaries|ministries)\b"
    # nobody said it: "Neither side specified the number of those killed"
    r"|^(?:neither|none|no\s+one|nobody)\b",
    re.IGNORECASE,
)

# Speakers who do not speak for a state whatever their nationality: hospitals, tribal elders,
# a former official ("former Afghan president Hamid Karzai").
NON_STATE_QUALIFIERS = re.compile(
    r"\b(?:hospital|medical|doctors?|rescue|rescuers|tribal\s+(?:elders?|sources?|leaders?|chiefs?)"
    r"|telegram|social\s+media|bloggers?|eyewitness(?:es)?|former|ex-\w+)\b",
    re.IGNORECASE,
)

# Speakers of a nationality who do not speak for its state.
NON_STATE_HEADS = frozenset(
    "channels channel media bloggers blogger users user netizens residents resident civilians"
    " people villagers villager analysts analyst experts expert commentators observers"
    " newspapers newspaper press journalists journalist reporters reporter citizens eyewitnesses"
    " witnesses witness locals doctors doctor families survivors activists activist scholars"
    " lawyers students traders businessmen refugees tribesmen elders opposition critics".split()
)
# Heads of a news outlet speaking in its own name ("the newspaper reported").
MEDIA_HEADS = frozenset(
    "newspaper paper daily channel broadcaster outlet television tv radio website portal"
    " media network station magazine weekly tabloid".split()
)
# A state named only as a state ("The country also said ..."): the party itself speaks.
STATE_ITSELF = re.compile(r"(?:the|this)\s+(?:country|nation)", re.IGNORECASE)

PRONOUNS = frozenset("he she they it we i".split())  # "I": the speaker of a transcript
# Subjects that name no one: "nothing threatens their lives".
NOBODY = frozenset("nothing nobody something anything everything everyone".split())
# An outlet named before: "The newspaper said ...", "the channel reported".
THE_OUTLET = re.compile(
    r"(?:the|this|that)\s+(?:newspaper|paper|daily|channel|broadcaster|outlet|website"
    r"|news\s+agency|news\s+outlet|publication)",
    re.IGNORECASE,
)
# "According to the statement, ...", "the statement said": the statement of the last speaker
THE_STATEMENT = re.compile(
    r"(?:the|this|that)\s+(?:(?:official|latest|joint|written|earlier)\s+)?"
    r"(?:statement|communiqu[eé]|press\s+release|release|letter"
    r"|announcement|report)",
    re.IGNORECASE,
)


def is_pronoun(phrase: str) -> bool:
    return phrase.lower() in PRONOUNS


def is_person_phrase(phrase: str) -> bool:
    """A person: a role held by one ("the spokesman", "a government official", "Lt Gen
    Ahmed Sharif Chaudhry, the ISPR chief") or a name ("Aisha Farooqui")."""
    head = head_word(phrase)
    if head in ROLE_WORDS or head in PERSON_HEADS or is_pronoun(head):
        return True
    words = phrase.split(",")[0].split()
    bare = [re.sub(r"['’]s$", "", w.lower().strip(".,")) for w in words]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not BODY_WORDS & set(bare)


# Heads of a phrase that names people, not a body ("it" cannot point back to them).
PERSON_HEADS = frozenset(
    "officials officer officers source sources resident residents witness witnesses man woman"
    " men women spokesmen analyst expert".split()
)
# Words of a phrase that names a body: an office, a force, an outlet.
BODY_WORDS = frozenset(
    "ministry office army forces military government agency news times post tribune radio"
    " tv television channel corps department mission embassy council taliban emirate league"
    " party front police guard guards services relations directorate mod mfa mofa ispr idf"
    " irgc".split()
)


# A definite "the agency", "the department" after a party's body names that body.
BODY_SYNONYMS = frozenset({"agency", "department", "ministry", "office", "service", "center"})


def is_body(speaker: str) -> bool:
    """A body speaking (a ministry, an army, an outlet), not a person or a pronoun."""
    return bool(speaker) and not is_person_phrase(speaker) and not is_pronoun(speaker)


def head_word(phrase: str) -> str:
    """The head noun of a speaker phrase: its last word before "of", "for", a comma..."""
    first = re.split(r",|\s(?:of|for|from|at|in|with|to|on|based|who|which|that)\s", phrase)[0]
    words = first.split()
    if not words:
        return ""
    return re.sub(r"['’]s$", "", words[-1].lower()).strip(".,'’")  # "the ministry’s"
