"""Articles written for the cleaning tests, in the shapes real news pages are saved in.

The text is invented (no outlet's article is copied); the shapes imitate what clipping tools,
mail exports and copy-paste from news sites produce. Each article is a list of lines; a line is
a (kind, text) pair, or a tuple of pairs for pieces that share a line (a dateline glued to the
first sentence). "body" is article text; every other kind is page furniture.
"""

from __future__ import annotations

Piece = tuple[str, str]
Line = Piece | tuple[Piece, ...]

CLIPPING: list[Line] = [
    ("header", "Title: Jets strike militant camps across the border"),
    ("header", "Source: Dawn"),
    ("header", "URL: https://www.dawn.com/news/1000001/jets-strike-militant-camps"),
    ("header", "Date: December 25, 2024"),
    ("headline", "Jets strike militant camps across the border"),
    ("byline", "Bureau Report Published December 25, 2024 Updated December 25, 2024 10:20am"),
    (
        ("dateline", "PESHAWAR:"),
        (
            "body",
            "Jets struck suspected hideouts of a banned militant "
            "group across the border on Tuesday night, security "
            "officials said.",
        ),
    ),
    (
        "body",
        "The officials, who asked not to be named, said the strikes targeted four training "
        "camps. A senior security official remarked that the operation was based on "
        "credible intelligence.",
    ),
    ("heading", "Attack in response to airspace violations"),
    (
        "body",
        "By Wednesday morning, residents said, 12 bodies had been recovered from the "
        "rubble of two houses.",
    ),
    ("caption", "Soldiers stand guard at a border crossing on Wednesday. — AFP/File"),
    (
        "body",
        "The defence ministry in the neighbouring capital said 46 people were killed, "
        "most of them women and children.",
    ),
    ("heading", "Propaganda and accuracy"),
    ("body", "“This is a blatant violation of our airspace and of every international principle”"),
    ("clutter", "Read more: Envoy summoned over border strikes"),
    ("body", "Officials stressed that the country respected its neighbour's sovereignty."),
    ("clutter", "Published in Dawn, December 25th, 2024"),
]

WIRE: list[Line] = [
    ("headline", "Border clashes leave dozens dead, officials say"),
    ("byline", "By Sara Malik and John Doe"),
    ("timestamp", "December 25, 2024 9:41 AM GMT+5 Updated 2 hours ago"),
    (
        ("dateline", "ISLAMABAD, Dec 25 (Reuters) -"),
        (
            "body",
            "Clashes along the border killed at "
            "least 30 fighters, two military "
            "sources told Reuters on Wednesday.",
        ),
    ),
    (
        "body",
        "The sources, who spoke on condition of anonymity, said artillery had been used on "
        "both sides. A spokesman for the neighbouring government did not respond to a "
        "request for comment.",
    ),
    ("body", "Photos shared on social media showed damaged houses near the crossing."),
    ("clutter", "Sign up here."),
    ("body", "Relations have worsened since 2021, when the current government took power."),
    ("credit", "Reporting by Sara Malik in Islamabad; Editing by Jane Roe"),
    ("clutter", "Our Standards: The Thomson Reuters Trust Principles."),
]

AP_STYLE: list[Line] = [
    ("headline", "Taliban say airstrikes killed civilians in border province"),
    ("byline", "By RAHIM NOOR Associated Press"),
    ("timestamp", "Updated 10:21 PM PKT, December 25, 2024"),
    ("clutter", "Share"),
    (
        ("dateline", "KABUL, Afghanistan (AP) —"),
        (
            "body",
            "Airstrikes on a border province killed "
            "at least 46 people, a Taliban "
            "spokesman said Wednesday.",
        ),
    ),
    (
        "caption",
        "FILE - Taliban fighters stand guard at a checkpoint in Kabul, Afghanistan, on "
        "Aug. 15, 2024. (AP Photo/Ali Khan, File)",
    ),
    (
        "body",
        "The spokesman said the dead included refugees who had fled fighting across the "
        "border. He did not give a breakdown.",
    ),
    ("body", "“We will not leave this unanswered,” he said in a post on X."),
    ("credit", "Associated Press writer Munir Raza in Islamabad contributed to this report."),
]

INDIAN_STYLE: list[Line] = [
    ("headline", "Neighbours trade blame after deadly strikes"),
    ("standfirst", "The foreign ministry said the strikes targeted terror hideouts"),
    ("byline", "Published By: Ananya Das"),
    ("timestamp", "Published On: Dec 25, 2024 18:02 IST"),
    (
        ("dateline", "New Delhi:"),
        (
            "body",
            "The strikes drew condemnation from the Taliban "
            "government, which summoned the envoy in Kabul.",
        ),
    ),
    ("clutter", "Also Read | Envoy summoned as tensions rise on the frontier"),
    (
        "body",
        "The foreign ministry said the operation targeted terror hideouts and not "
        "civilians. It said the country would defend its people.",
    ),
    ("clutter", "Trending"),
    ("credit", "(With inputs from agencies)"),
]

AFGHAN_STYLE: list[Line] = [
    ("headline", "Islamic Emirate condemns strikes in Paktika"),
    ("byline", "Ahmad Jawad"),
    ("timestamp", "Wed, Dec 25 2024, 10:20 PM"),
    (
        "body",
        "The Islamic Emirate condemned the airstrikes in Barmal district and said women and "
        "children were among the dead.",
    ),
    ("body", "Residents told TOLOnews that the strikes hit homes in three villages."),
    ("heading", "Calls for restraint"),
    ("body", "Analysts said both sides should return to talks, according to the report."),
    ("clutter", "Facebook Twitter WhatsApp Email"),
]

MAIL_EXPORT: list[Line] = [
    ("header", "From: Frontier Daily <newsletter@frontierdaily.example>"),
    ("header", "Sent: Wednesday, December 25, 2024 9:00 AM"),
    ("header", "To: desk@example.org"),
    ("header", "Subject: Strikes hit hideouts, officials say"),
    ("clutter", "---------- Forwarded message ---------"),
    ("body", "Security sources confirmed that the strikes hit hideouts used by militants."),
    (
        "body",
        "The sources said the operation was carried out after repeated attacks on border posts.",
    ),
]

THAI_STYLE: list[Line] = [
    ("headline", "Border clash erupts near ancient temple"),
    ("timestamp", "PUBLISHED : 24 Jul 2025 at 10:21"),
    ("byline", "WRITER: Somchai Dee"),
    (
        ("dateline", "BANGKOK, July 24 (Xinhua) --"),
        ("body", "Troops exchanged fire near a disputed temple on Thursday, the army said."),
    ),
    ("body", "The army said its soldiers had responded after coming under fire first."),
    ("caption", "Villagers shelter in a bunker in Surin province. (Photo: Reuters)"),
    ("body", "Officials on the other side said the troops had crossed the line."),
]

PORTAL: list[Line] = [  # a page as a search tool returns it: date prefix, menus, repeats
    (
        ("timestamp", "date 2024-04-14"),
        (
            "clutter",
            "The Daily Ledger - World News Middle East "
            "Business & Innovation Opinion Sports Culture",
        ),
    ),
    ("headline", "Drones intercepted over the capital, army says"),
    (
        "standfirst",
        "Most of the drones were shot down before they reached the city, the army said.",
    ),
    ("byline", "By JANE ROE"),
    ("timestamp", "Published: APRIL 14, 2024 00:34"),
    ("caption", "Soldiers inspect debris near the airbase on Sunday. (photo credit: REUTERS)"),
    (
        ("dateline", "April 14 (UPI) --"),
        ("body", "Most of the drones were shot down before they reached the city, the army said."),
    ),
    (
        "body",
        "The army said 99 percent of the launches had been intercepted. Officials gave no "
        "figure for the damage.",
    ),
    ("heading", "What happens next?"),
    (
        (
            "body",
            "The foreign ministry said the matter was closed. It warned against any new attack.",
        ),
        ("caption", "The UN chief speaks to reporters in New York."),
        ("credit", "(credit: Sam Doe/Reuters)"),
    ),
    ("caption", "Residents look at a damaged house in the north of the country. AFP"),
    ("body", "The ministry said the strikes had been a response to an attack on its consulate."),
    ("clutter", "This is a developing story."),
    ("clutter", "Share:"),
]

HARD_WRAPPED: list[Line] = [  # wire copy wrapped at a fixed width: lines end mid-sentence
    ("header", "Source: Frontier Mirror"),
    (
        ("dateline", "MOSCOW, May 7. /TASS/."),
        (
            "body",
            "At least seven people were killed when "
            "border forces opened fire on\npersonnel "
            "guarding a census team early on Friday, "
            "police said.",
        ),
    ),
    (
        "body",
        "“Five seriously\nwounded people were sent to the city for treatment,” a doctor said.",
    ),
    (
        "body",
        "The military said its troops had returned fire and that the crossing was\nclosed "
        "until further notice.",
    ),
]

AGENCY_PAGE: list[Line] = [  # a wire agency's site: breadcrumb, page controls, a live entry
    ("clutter", "You are here:   Home"),
    ("headline", "Army hands over a list of wanted militants"),
    ("clutter", "Newswire, March 3, 2021 Adjust font size:"),
    (
        "body",
        "The army said on Friday that a list of wanted militants had been handed over to "
        "the neighbouring country's embassy.",
    ),
    ("clutter", "501044894_1749966655957907_4740638770918598482_n.jpg"),
    ("body", "The embassy said it would study the list."),
    ("byline", "By METRO DESK ONLINE"),
    ("clutter", "breaking news"),
    ("body", "Officials said the crossing would stay closed until further notice."),
    ("clutter", "- crossing: a place where people may cross a border - จุดผ่านแดน"),
]

COMMENTED: list[Line] = [  # a page with skip links, a wire's credit, a tweet, readers' comments
    ("clutter", "Go to Contents Go to Navigation"),
    ("clutter", "Home / World / Troops trade fire across the river"),
    ("clutter", "icon bookmarkicon cameraicon chevron downicon closeicon shareicon"),
    ("headline", "Troops trade fire across the river"),
    ("clutter", "By allowing ads to appear on this site, you support local journalism."),
    (
        (
            "body",
            "Troops traded fire across the river on Monday, the army said. Two soldiers "
            "were wounded, it said.",
        ),
        ("credit", "(Reporting by Jan Roe; Editing by Sam Doe)"),
    ),
    ("caption", "Soldiers patrol the river bank. File Photo."),
    ("caption", "Villagers leave their homes near the river on Monday."),
    ("credit", "Arin Vell/AP"),
    ("body", "The minister wrote that the army would defend every village."),
    ("clutter", "— Arin Vell (@arinvell) March 3, 2021"),
    ("body", "Officials on the other bank said two houses had been hit."),
    ("clutter", "Comments are closed."),
    ("clutter", "Reader Comments (2)"),
    ("clutter", "Sam Doe Mar 3, 2021 - 4:19PM"),
    ("clutter", "Why do they always fight over the river? Nobody wins."),
]

PAPER_SITE: list[Line] = [  # a national paper's page: print-edition date, notices, other stories
    ("clutter", "Connect with us"),
    ("clutter", "Today's Paper | May 02, 2024"),
    ("timestamp", "Published 29 Oct, 2016 06:46am"),
    ("headline", "Child among three killed as shelling hits border villages"),
    ("caption", "KESH: A man injured in the shelling is moved to a hospital in Nakyal.—AFP"),
    (
        ("dateline", "KESH:"),
        (
            "body",
            "Three people, including a child, were killed and six others were injured in "
            "shelling along the border on Friday, officials said.",
        ),
    ),
    (
        "clutter",
        "Alert Sign Dear reader, online ads enable us to deliver the journalism you value.",
    ),
    ("clutter", "."),
    (
        "caption",
        "In this Tuesday, Aug. 13, 2019 file photo, border guards patrol near the frontier.",
    ),
    ("body", "The injured were taken to two health facilities for treatment."),
    ("body", "Schools in the border villages stayed closed for a second day."),
    ("clutter", "Download the new Paper mobile app here:"),
    ("clutter", "Latest News"),
    ("clutter", "Minister opens a new road in the north"),
    ("clutter", "The minister opened a new road in the north on Friday, officials said."),
    ("clutter", "Singer Reveals If She Gets Spoilers -"),
]

CUT_OFF: list[Line] = [
    ("headline", "Ministry disputes toll from strikes"),
    (
        "body",
        "The ministry said eight people were killed and that it would investigate. The "
        "spokesman added that the",
    ),
]
CUT_OFF_FRAGMENT = "The spokesman added that the"

ARTICLES: dict[str, list[Line]] = {
    "clipping": CLIPPING,
    "wire": WIRE,
    "ap": AP_STYLE,
    "indian": INDIAN_STYLE,
    "afghan": AFGHAN_STYLE,
    "mail": MAIL_EXPORT,
    "thai": THAI_STYLE,
    "portal": PORTAL,
    "wrapped": HARD_WRAPPED,
    "agency": AGENCY_PAGE,
    "commented": COMMENTED,
    "paper": PAPER_SITE,
}


def build(lines: list[Line], separator: str = "\n\n") -> tuple[str, list[tuple[int, int, str]]]:
    """The article's text and the (start, end, kind) span of each piece."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    for i, line in enumerate(lines):
        if i:
            parts.append(separator)
            position += len(separator)
        pieces = (line,) if isinstance(line[0], str) else line
        for j, (kind, text) in enumerate(pieces):  # type: ignore[misc]
            if j:
                parts.append(" ")
                position += 1
            parts.append(text)
            spans.append((position, position + len(text), kind))
            position += len(text)
    parts.append("\n")
    return "".join(parts), spans
