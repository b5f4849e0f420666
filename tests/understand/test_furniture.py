"""Page furniture: single-line patterns, running headers, footnotes, the page-1 header."""

from __future__ import annotations

import pytest

from pipeline.understand.furniture import classify_line, classify_pages, mark_page_one_header


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Error! Use the Home tab to apply Rubrik 1 to", "field_error"),
        ("Fel! Använd fliken Start för att tillämpa Rubrik 1 på texten.", "field_error"),
        ("Error! Reference source not found.", "field_error"),
        ("https://samarbete.stockholm.se/sites/kunskapsbanken/Startsida.aspx", "url"),
        ("stockholm.se", "url"),
        ("Sida 4 (11)", "page_number"),
        ("Sida & (9)", "page_number"),
        ("- 3 -", "page_number"),
        ("12", "page_number"),
        ("Box 44", "address"),
        ("123 21 Farsta", "address"),
        ("12321 Farsta", "address"),
        ("Telefon 08-508 25 248", "address"),
        ("Växel 08-508 20 000", "address"),
        ("fornamn.efternamn@stockholm.se", "address"),
        ("Besöksadress Swedenborgsgatan 20 B www.stockholm.se", "address"),
        ("Fleminggatan 4, 3 tr", "address"),
        ("Handläggare Till", "letterhead"),
        ("Handläggare: Anna Andersson Till", "letterhead"),
        ("w Stockholms", "letterhead"),
        ("Arbetet ska baseras på kunskaper och", None),
        ("handläggare från olika förvaltningar inom staden,", None),
        ("Under 2020 beviljades följande stadsdelsförvaltningar LUM-medel", None),
        ("1. Socialnämnden godkänner förslaget.", None),
    ],
)
def test_classify_line(line: str, label: str | None) -> None:
    assert classify_line(line) == label


def _page(
    body: list[str], top: list[str] | None = None, bottom: list[str] | None = None
) -> list[str]:
    return (top or []) + body + (bottom or [])


def test_running_header_and_footer_repeat_across_pages() -> None:
    pages = [
        _page(
            [f"Sidan {p} rad {k} med brödtext som fortsätter {'här' * k}." for k in range(12)],
            ["Ledningsprogrammet", ""],
            ["", "Farsta stadsdelsförvaltning"],
        )
        for p in ("ett", "två")
    ]
    labels = classify_pages(pages)
    assert labels[0][0] == labels[1][0] == "header"
    assert labels[0][-1] == labels[1][-1] == "footer"
    assert all(lab is None for lab in labels[0][2:-2])


def test_standard_heading_on_two_pages_is_not_a_running_header() -> None:
    body = [f"Rad {k} med vanlig brödtext som fortsätter här." for k in range(10)]
    pages = [
        ["Förvaltningens förslag till beslut", *body],
        ["Förvaltningens förslag till beslut", *body],
    ]
    labels = classify_pages(pages)
    assert labels[0][0] is None and labels[1][0] is None


def test_header_read_into_the_middle_of_a_page() -> None:
    lines = [f"Brödtext rad {k} som fortsätter." for k in range(8)]
    lines[4:4] = ["Tjänsteutlåtande", "Dnr 3.1-1187/2023", "Sida 2 (3)"]
    labels = classify_pages([lines])[0]
    assert labels[4:7] == ["header", "header", "page_number"]


def test_footnotes_at_the_bottom() -> None:
    body = [f"Brödtext rad {k} som fortsätter med mer text här." for k in range(14)]
    lines = [
        *body,
        "",
        "2 SBU har i uppdrag att utvärdera metoder som används inom",
        "socialtjänsten genom systematiska översikter.",
        "",
        "* FLAI: Flykting- och arbetsmarknadsinsatser",
    ]
    labels = classify_pages([lines])[0]
    assert labels[-4:] == ["footnote", "footnote", None, "footnote"]
    assert all(lab is None for lab in labels[:14])


def test_numbered_list_at_the_bottom_is_not_a_footnote() -> None:
    body = [f"Brödtext rad {k} som fortsätter med mer text här." for k in range(12)]
    lines = ["1 Planera och genomföra program.", *body, "", "2 Skapa en struktur för stöd."]
    labels = classify_pages([lines])[0]
    assert labels[-1] is None


def test_page_one_header_and_title() -> None:
    lines = [
        "Socialförvaltningen Tjänsteutlåtande",
        "Avdelningen för stadsövergripande Dnr 3.2.1-100/2022",
        "sociala frågor Sida 1 (4)",
        "2022-01-20",
        "",
        "Handläggare Till",
        "Anna Andersson Socialnämnden",
        "Telefon: 08-508 00 000 2022-02-15",
        "",
        "Årsrapport om medel för forskning och",
        "utveckling 2021",
        "",
        "Förvaltningens förslag till beslut",
        "1. Socialnämnden godkänner rapporten.",
    ]
    labels = classify_pages([lines])[0]
    title = mark_page_one_header(lines, labels, 12)
    assert title == [9, 10]
    assert all(labels[i] is not None for i in (0, 1, 2, 3, 5, 6, 7))
    assert labels[12] is None and labels[13] is None


def test_running_prose_above_the_first_heading_is_body() -> None:
    # a meeting page: its items' paragraphs (with their sums) stand above the first
    # "Förslag till beslut"; only the breadcrumb and the page's title are letterhead
    lines = [
        "Start > Politik och demokrati > Östermalms stadsdelsnämnd > Sammanträde 2019-03-14",
        "Sammanträde 2019-03-14",
        "",
        "3 Bidrag till sommarverksamhet",
        "Dnr: ÖM 2019/00312",
        "",
        "Förvaltningen föreslår att nämnden beviljar föreningen 60 000 kronor för sommarens "
        "aktiviteter i parken. Läs mer...",
        "• Simskola i Hjorthagen, 20 000 kronor",
        "",
        "Förslag till beslut",
        "1. Nämnden beviljar bidraget.",
    ]
    labels = classify_pages([lines])[0]
    title = mark_page_one_header(lines, labels, 9)
    assert title == [3] and labels[0] == labels[1] == "letterhead"
    assert labels[6] is None and labels[7] is None  # the paragraph and its list item


def test_a_long_title_line_without_a_sentence_stays_letterhead_above_it() -> None:
    lines = [
        "Socialförvaltningen",
        "Avdelningen för stadsövergripande sociala frågor",
        "",
        "Fördelning av medel för utveckling av arbetet med barn och unga i behov av stöd 2021",
        "",
        "Förslag till beslut",
    ]
    labels = classify_pages([lines])[0]
    title = mark_page_one_header(lines, labels, 5)
    assert title == [3]
    assert labels[0] == "letterhead" and labels[1] == "letterhead"
