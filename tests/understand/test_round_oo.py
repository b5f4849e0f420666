"""Title rules of the thirtieth session's opened rounds, on short texts written for the test:
a subtitle under the subject (what the paper comes as: "Interpellation … av …", "Kontroll
enligt …") is no part of the title, while a title that wraps onto a name stays whole; a
report's cover names its title between wide gaps; an agreement's kind in capitals over its
subject after a blank line; a protocol whose other §§ are the meeting's own business
("Anmälningsärenden", "Övriga frågor", also with å/ä/ö lost) is named by its one ärende."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_helpers import understood

TU_HEAD = """                                                   Tjänsteutlåtande
                                                   Dnr 3.1.2-0999/2021
Socialförvaltningen                                Sida 1 (2)
Avdelningen för stöd och styrning                  2021-02-10

Handläggare                                        Till
Per Exempel                                        Socialnämnden
Telefon: 08-508 00 000                             2021-03-02


{subject}

Förvaltningens förslag till beslut

1. Socialnämnden godkänner förvaltningens uppföljning.

Ärendet

Förvaltningen har följt upp bidragen enligt nämndens plan.
"""


def _title(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understood(path).meta.title


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        (
            "Uppföljning av bidrag till idéburna organisationer 2020\n"
            "Kontroll enligt nämndens internkontrollplan 2021",
            "Uppföljning av bidrag till idéburna organisationer 2020",
        ),
        (
            "Upphandling av drift av gruppboendet\nGodkännande av förfrågningsunderlag",
            "Upphandling av drift av gruppboendet",
        ),
        # a title wrapped after a function word, or onto a name, stays whole
        (
            "Överenskommelse om partnerskap med Föreningen\nExempelhuset i Skärholmen",
            "Överenskommelse om partnerskap med Föreningen Exempelhuset i Skärholmen",
        ),
        (
            "Bidrag ur investeringsfonden till\nUtbildning av familjebehandlare",
            "Bidrag ur investeringsfonden till Utbildning av familjebehandlare",
        ),
    ],
)
def test_a_subtitle_is_no_part_of_the_title(tmp_path: Path, subject: str, title: str) -> None:
    assert _title(tmp_path, TU_HEAD.format(subject=subject)) == title


KF_PARAGRAPH = """STOCKHOLMS STAD                                     PROTOKOLL nr 9
Kommunfullmäktige                                   Sammanträdesdag
                                                    2008-05-19
                                                    Sida 12

§ 14

Stödet till fritidsgårdar i söderort
Interpellation 2008:7 av Anna Exempel (fp) till
borgarrådet Per Exempel (s)
Dnr 110-0999/2008

Interpellationen besvarades av borgarrådet.
"""


def test_an_interpellation_under_a_paragraphs_heading(tmp_path: Path) -> None:
    assert _title(tmp_path, KF_PARAGRAPH) == "Stödet till fritidsgårdar i söderort"


COVER = """REVISIONSKONTORET                                           REVISIONSRAPPORT
Stockholms stad                                             Nr 3/2014
                                                            Dnr 3.1-0999/2014
                                                            2014-09-30



Exempelby stadsdelsnämnd


Granskning av lokala bidrag -
beslut och återrapportering



Projektledare: Per Exempel, certifierad kommunal revisor
Granskningen har genomförts av Per Exempel.


Revisionskontoret
Hantverkargatan 3 D, 105 35 Stockholm
\f
1   SAMMANFATTANDE BEDÖMNING

Revisorerna har granskat nämndens hantering av lokala bidrag och bedömer
att den i huvudsak fungerar.
"""


def test_a_reports_cover_names_its_title(tmp_path: Path) -> None:
    assert _title(tmp_path, COVER) == "Granskning av lokala bidrag - beslut och återrapportering"


AGREEMENT = """                                                           Bilaga 2
                                                           Dnr 2.4.1-0999/2022


ÖVERENSKOMMELSE OM IDÉBURET OFFENTLIGT PARTNERSKAP (IOP)

avseende läxhjälp för barn i Exempelby


1. Parter

Exempelby stadsdelsnämnd, nedan kallad nämnden, och
Föreningen Exempel, org.nr 800000-0000, nedan kallad
föreningen, har träffat följande överenskommelse.


2. Bakgrund

Föreningen har sedan 2018 drivit läxhjälp i stadsdelen.
"""


def test_an_agreements_kind_over_a_blank_line_and_its_subject(tmp_path: Path) -> None:
    assert _title(tmp_path, AGREEMENT) == (
        "Överenskommelse om idéburet offentligt partnerskap (IOP) avseende läxhjälp för barn i "
        "Exempelby"
    )


PROTOCOL = """EXEMPELBY STADSDELSNAMND              PROTOKOLL 2/2006          Sid 1
                                       2006-02-16

Tid och plats   Torsdagen den 16 februari 2006 kl. 18.00 i Exempelsalen
Beslutande      Per Exempel (s), ordförande
Justerare       Anna Exempel (m)            Paragrafer  §§ 1-4

§ 1
Justering

Att jämte ordföranden justera dagens protokoll utsågs Anna Exempel (m).

§ 2
Anmalningsarenden

Följande handlingar anmäldes och lades till handlingarna.

§ 3
Fördelning av föreningsbidrag 2006
Dnr 08-099/2006

Nämnden beslutade enligt förvaltningens förslag.

§ 4
Övriga frågor

Inga övriga frågor anmäldes.
"""


def test_a_protocol_of_one_arende_among_the_meetings_own_business(tmp_path: Path) -> None:
    assert _title(tmp_path, PROTOCOL) == "Fördelning av föreningsbidrag 2006"


def test_a_forms_office_field_is_no_owner_item() -> None:
    from pipeline.understand.repair_bullets import restore_owner_items

    lines = [
        "Familjestöd på hemmaplan",
        "",
        "  Sökande förvaltning:  Skarpnäck",
        "  Sökt belopp:          410 000 kr",
        "",
        "Tolkstöd i utredningar",
        "",
        "  Sökande förvaltning:  Farsta",
        "  Sökt belopp:          380 000 kr",
    ]
    kept = list(lines)
    restore_owner_items(lines)
    assert lines == kept
    # while owners over their items are (the rule the guard keeps)
    items = [
        "  Bromma stadsdelsförvaltning: Läsglädje i förskoleklass",
        "",
        "  Farsta stadsdelsförvaltning: Tidigt stöd till unga föräldrar",
    ]
    restore_owner_items(items)
    assert items[0].strip().startswith("- ") and items[2].strip().startswith("- ")


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        # the years the subject spans on a line of their own are no dnr
        (
            "Förlängning av partnerskap med Föreningen Exempelhuset\n2021–2023",
            "Förlängning av partnerskap med Föreningen Exempelhuset 2021–2023",
        ),
        # the remiss it answers, under a blank line, is no title of its own
        (
            "Förslag till nya riktlinjer för stöd till föreningar\n\n"
            "Svar på remiss från kommunstyrelsen, KS 2021/377",
            "Förslag till nya riktlinjer för stöd till föreningar",
        ),
    ],
)
def test_the_years_of_a_subject_and_the_remiss_it_answers(
    tmp_path: Path, subject: str, title: str
) -> None:
    assert _title(tmp_path, TU_HEAD.format(subject=subject)) == title


COVER_INDENTED = """




                    REVISIONSKONTORET
                    STOCKHOLMS STAD




                    Granskning av Exempelby
                    stadsdelsnämnds hantering av
                    bidrag till föreningar


                    Rapport nr 4
                    2012-05-02
\f
Innehåll

1   Inledning ................................................... 3

1   INLEDNING

Revisorerna har granskat nämndens hantering av bidrag.
"""


def test_a_covers_title_over_three_lines(tmp_path: Path) -> None:
    assert _title(tmp_path, COVER_INDENTED) == (
        "Granskning av Exempelby stadsdelsnämnds hantering av bidrag till föreningar"
    )


EXTRACT_TWO_FIELDS = """SUNDBYBERGS STAD                                   PROTOKOLLSUTDRAG
Kultur- och fritidsnämnden                         Sammanträdesdatum
                                                   2023-03-16
                                                   Sida 1 (1)


§ 21   Bidrag till sommaraktiviteter 2023
       Dnr KFN-2023/0099

Kultur- och fritidsnämndens beslut

Kultur- och fritidsnämnden beslutar

att bevilja föreningen Exempelgården 120 000 kronor för sommaraktiviteter,
samt

att förklara paragrafen omedelbart justerad.

Ärendet

Föreningen har ansökt om bidrag.
"""


def test_a_two_field_committees_decision_heading(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(EXTRACT_TWO_FIELDS, encoding="utf-8")
    got = [d.text for d in understood(path).decisions]
    assert len(got) == 2 and got[1].startswith("att förklara paragrafen")


@pytest.mark.parametrize(
    ("printed", "prev_end", "repaired"),
    [
        (
            "   1 samverkan med Farsta sdf        48 000 kr",
            ",",
            "   i samverkan med Farsta sdf        48 000 kr",
        ),
        ("1 enlighet med nämndens beslut", ",", "i enlighet med nämndens beslut"),
        # a count at a line's start after a comma stays a count
        ("1 person deltog i resan", ",", "1 person deltog i resan"),
    ],
)
def test_a_one_that_opens_an_i_phrase_at_a_lines_start(
    printed: str, prev_end: str, repaired: str
) -> None:
    from pipeline.understand.repair_digits import fix_digit_letters

    assert fix_digit_letters(printed, prev_end) == repaired
