"""An e-mail printed from its raw source, its body still in quoted-printable encoding
("H=E4r kommer Kista stadsdelsf=F6rvaltnings ans=F6kningar …", lines ending in a soft break
"="): read as the mail program would show it. See :func:`quoted_printable_decoded`. Pure."""

from __future__ import annotations

import quopri
import re

__all__ = ["quoted_printable_decoded"]

#: an escaped Swedish letter, é or a dash of the Windows code page
_ESCAPE = re.compile(r"=(?:E4|F6|E5|C4|D6|C5|E9|96|97|A7)")
#: so many escapes make a page quoted-printable (a formula's "=E5" alone does not)
_MIN_ESCAPES = 5
#: an encoded word of a header line: "=?iso-8859-1?Q?Ans=F6kan_LUM?="
_ENCODED_WORD = re.compile(r"=\?[\w-]+\?[Qq]\?(?P<text>[^?\s]*)\?=")
#: a soft line break: "=" at the end of a line
_SOFT_BREAK = re.compile(r"=[ \t]*\n")


def quoted_printable_decoded(text: str) -> str:
    """`text` with its quoted-printable escapes and soft line breaks decoded (Windows-1252, as
    Outlook and its kind wrote them); as it is when it holds fewer than five escapes."""
    if len(_ESCAPE.findall(text)) < _MIN_ESCAPES:
        return text
    text = _ENCODED_WORD.sub(lambda m: _decode(m["text"].replace("_", " ")), text)
    return _decode(_SOFT_BREAK.sub("", text))


def _decode(text: str) -> str:
    raw = re.sub(r"=(?![0-9A-F]{2})", "=3D", text)  # a bare "=" stays itself
    return quopri.decodestring(raw.encode("cp1252", "replace")).decode("cp1252", "replace")
