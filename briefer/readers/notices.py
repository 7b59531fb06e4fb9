"""The site's own notices, known by their words: a newsletter's promotion, the cookie notice,
what the site did not write or edit, whom a copy is for, what it does not endorse, a form's
captcha message.

    site_notice("We use cookies to improve our website.", 7) -> True
    glued_notice("... said. (This story ... from a syndicated feed.)") -> the match
"""

from __future__ import annotations

import re

__all__ = ["glued_notice", "site_notice"]

NOTICE_MAX_WORDS = 50  # a longer line is an article's paragraph that may name such things
_CAPTCHA_MAX_WORDS = 12

_PROMO = re.compile(
    r"\bnewsletters?\b.*\bsign\s+up\b|\bsign\s+up\b.*\bnewsletters?\b", re.IGNORECASE
)
_COOKIES = re.compile(r"\bwe\s+use\s+cookies\b|\b(?:site|website)\s+uses\s+cookies\b", re.I)
# The site's notices on what it did not write or edit, whom a copy is for, what it does not
# endorse: "(This story has not been edited by ... staff and is auto-generated from a
# syndicated feed.)", "This copy is for your personal non-commercial use only."
_NOTICE = re.compile(
    r"\bsyndicated\s+feed\b|\bfor\s+your\s+personal,?\s+non-commercial\s+use\b"
    r"|\bopinions\s+of\s+our\s+readers\b|\bdoes\s+not\s+endorse\s+these\s+opinions\b",
    re.IGNORECASE,
)
# A form's message: "Captcha verification failed!"
_CAPTCHA = re.compile(r"\bcaptcha\b", re.IGNORECASE)
# The same notice in brackets after a paragraph's last sentence.
_GLUED_NOTICE = re.compile(
    r"(?<=[.!?”\"’])\s*\([^()]{0,250}\bsyndicated\s+feed\b[^()]{0,20}\)\s*$", re.IGNORECASE
)


def site_notice(text: str, words: int) -> bool:
    """Whether a line of `words` words is one of the site's notices (one glued after an
    article's sentence is cut off instead: glued_notice)."""
    if words > NOTICE_MAX_WORDS:
        return False
    if _PROMO.search(text) or _COOKIES.search(text):
        return True
    if _NOTICE.search(text) and not _GLUED_NOTICE.search(text):
        return True
    return words <= _CAPTCHA_MAX_WORDS and bool(_CAPTCHA.search(text))


def glued_notice(text: str) -> re.Match[str] | None:
    """The notice in brackets after a paragraph's last sentence: "... on Tuesday. (Only the
    headline and picture of this report may have been reworked ...; the rest of the content
    is auto-generated from a syndicated feed.)"."""
    return _GLUED_NOTICE.search(text)
