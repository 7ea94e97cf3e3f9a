"""Years as a lesson writes them, read one way for every module: BC years negative.

"44 BC", "480 BCE", "AD 60", "60 AD", "208 CE" and a bare three- or four-digit year
("in 1799", not "5,000" or "1.5"). A bare one- or two-digit number is never a year: only
an era word makes "60" one.
"""

import re

SIGNED_YEAR = re.compile(
    r"(?<![\d,.])\b(\d{1,4})\s*(BC|BCE|B\.C\.)(?!\w)"  # 44 BC
    r"|\b(?:AD|A\.D\.)\s*(\d{1,4})\b"  # AD 60
    r"|(?<![\d,.])\b(\d{1,4})\s*(?:AD|CE)\b"  # 60 AD, 208 CE
    r"|(?<![\d,.])\b(\d{3,4})\b(?![,.]\d)"  # 1799
)
# "In AD 60 or 61": the era word before the first year holds for the years joined to it.
JOINED_YEAR = re.compile(r"\s*(?:or|and|to|-|–)\s*(\d{1,4})\b(?![,.]\d)")


def signed_years(text: str) -> list[int]:
    """The years a text names in order, BC years negative ("44 BC" -> -44)."""
    found = []
    for match in SIGNED_YEAR.finditer(text):
        bc, ad_before, ad_after, bare = (
            match.group(1),
            match.group(3),
            match.group(4),
            match.group(5),
        )
        if bc:
            found.append(-int(bc))
        elif ad_before:
            found.append(int(ad_before))
            joined = JOINED_YEAR.match(text, match.end())
            if joined and len(joined.group(1)) <= len(ad_before):
                found.append(int(joined.group(1)))
        else:
            found.append(int(ad_after or bare))
    return found
