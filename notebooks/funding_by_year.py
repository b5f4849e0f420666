# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # FoU-medel per år, fond och stadsdel
#
# **Frågan:** hur många projekt fick pengar ur de olika fonderna (LUM – lokala
# utvecklingsmedel, MUL/MUST – studieresor, FUM – stadsövergripande forskningsmedel) år för
# år, hur mycket pengar står det i besluten, och vilka stadsdelar fick projekten – räknat i
# **dagens** stadsdelsgränser, så att t.ex. Hägersten-Liljeholmen (före 2020) räknas som
# Hägersten-Älvsjö.
#
# **Så läser du den:**
#
# * *Per fond och år* – en rad per fond, en kolumn per år: antal projekt och summan av de
#   projektbelopp som står i dokumenten. Projekt som bara är ansökta räknas inte.
# * *Belopp per fond och år* – många beslut anger bara en totalsumma för hela fonden och inget
#   belopp per projekt. Diagrammet visar därför fondens totalbelopp enligt beslutet, annars
#   dess budget, annars summan av projektens belopp, och säger vilket.
# * *Per stadsdel* – hur många projekt varje stadsdel (eller förvaltning) deltog i. Ett
#   projekt med tre stadsdelar räknas en gång för var och en, så summan över stadsdelar blir
#   större än antalet projekt. Kronorna för ett delat projekt delas däremot lika mellan
#   stadsdelarna, så de går att summera.
# * Samma beslut kan finnas i flera filer (t.ex. utskrift och inskannad PDF); vyerna räknar
#   varje beslut en gång. Ett projekt som beviljas i ett beslut och redovisas i ett annat
#   dokument samma år räknas också en gång (`v_projects` har en rad per projekt och år;
#   varje omnämnande finns i `v_project_mentions`) – kolumnen *dokument* visar hur många
#   beslut ett års siffror kommer från. Se `projects_and_performers` för projekt över flera år.
#
# Alla siffror kommer från lagrets vyer (`v_projects`, `v_funding_by_year`,
# `v_funding_by_district_year`) och tabellen `amounts`; notebooken läser bara, den ändrar
# inget.

# %%
import os

import matplotlib.pyplot as plt

from pipeline import notebook_support as ns

ns.use_style()

# %% tags=["parameters"]
db_path = os.environ.get("NAMND_DB", ns.DEFAULT_DB)

# %%
wh = ns.open_warehouse(db_path)
print(wh.describe())

# %% [markdown]
# ## Per fond och år

# %%
by_fund_year = ns.funding_by_fund_year(wh)
projects_per_year = ns.year_table(by_fund_year, "fund_type", "n_projects")
kronor_per_year = ns.year_table(by_fund_year, "fund_type", "total_sek")
if by_fund_year.empty:
    print(f"{ns.NO_DATA}: inga projekt med år.")
documents_per_year = ns.year_table(by_fund_year, "fund_type", "n_documents")
projects_per_year.astype(str).add(" (" + documents_per_year.astype(str) + " dok.)").rename_axis(
    "Fond"
).style.set_caption("Antal projekt per fond och år (antal dokument de står i)")

# %%
kronor_per_year.rename_axis("Fond").style.format(ns.fmt_kr).set_caption(
    "Summa projektbelopp (kr) per fond och år"
)

# %%
# The tables above must add up to the views: the projects of v_projects (same rule: not only
# applied for, year known; one row per project and year, so a project granted in one decision
# and reported in the next counts once), v_funding_by_year (its plain sum), and the kronor of
# v_funding_by_district_year, which splits shared projects between districts so that its
# total_sek adds up to the same sum.
n_view = wh.sql(
    "SELECT count(*) AS n FROM v_projects "
    "WHERE year IS NOT NULL AND status IS DISTINCT FROM 'ansökt'"
).iloc[0]["n"]
n_by_year = wh.sql(
    "SELECT coalesce(sum(n_projects), 0) AS n FROM v_funding_by_year WHERE year IS NOT NULL"
).iloc[0]["n"]
assert n_by_year == n_view, "antal projekt stämmer inte med v_funding_by_year"
kr_view = wh.sql(
    "SELECT coalesce(sum(total_sek), 0) AS kr FROM v_funding_by_district_year WHERE year IS NOT NULL"
).iloc[0]["kr"]
assert projects_per_year.to_numpy().sum() == n_view, "antal projekt stämmer inte med v_projects"
assert kronor_per_year.to_numpy().sum() == kr_view, "kronor stämmer inte med vyn per stadsdel"
print(
    f"Kontroll: {ns.fmt_int(n_view)} projekt och {ns.fmt_kr(kr_view)} i tabellerna – samma som "
    "i v_projects och v_funding_by_district_year."
)

# %% [markdown]
# ## Täckning: finns besluten i arkivet?
#
# Ett år med få projekt kan vara ett år med lite pengar – eller ett år där beslutet inte finns
# i arkivet. Förväntningsregistret (`warehouse/expected/*.csv`) säger vilka beslut som borde
# finnas; vyn `v_coverage` jämför med dokumenten. *komplett* betyder att allt som förväntades
# finns och gick att läsa; *ofullständig* att något förväntat beslut saknas eller inte gick att
# läsa; *ingen förväntan registrerad* att ingen har sagt vad som borde finnas. Tabellen visar
# täckningen bredvid antalet projekt; i diagrammet nedan är år som inte är kompletta gråa.

# %%
coverage = ns.coverage_by_fund_year(wh)
with_coverage = projects_per_year.copy().astype(object)
for fund in with_coverage.index:
    for year in with_coverage.columns:
        state = ns.coverage_of(coverage, fund, year)
        with_coverage.loc[fund, year] = (
            f"{projects_per_year.loc[fund, year]} – {ns.COVERAGE_SV[state]}"
        )
with_coverage.rename_axis("Fond").style.set_caption(
    "Antal projekt per fond och år – och arkivets täckning för det året"
)

# %%
# The coverage shown is the one the views carry: v_funding_by_district_year.coverage.
view_coverage = wh.sql(
    "SELECT DISTINCT fund_type, year, coverage FROM v_funding_by_district_year "
    "WHERE year IS NOT NULL AND fund_type IS NOT NULL"
)
for r in view_coverage.itertuples():
    assert r.coverage == ns.coverage_of(coverage, r.fund_type, r.year), (r.fund_type, r.year)
missing = wh.sql(
    "SELECT year, committee, series_label, coverage, referred_by FROM v_coverage "
    "WHERE coverage IN ('incomplete', 'partial', 'known gap') ORDER BY year, series"
)
print(
    f"Kontroll: täckningen i tabellen är vyns (v_funding_by_district_year.coverage). "
    f"{len(missing)} år och beslutsserier är inte kompletta:"
)
missing.rename(
    columns={
        "year": "År",
        "committee": "Nämnd",
        "series_label": "Beslut",
        "coverage": "Täckning",
        "referred_by": "Hänvisning i ett annat dokument",
    }
)

# %% [markdown]
# ## Belopp per fond och år
#
# Många beslut anger bara hur mycket en fond fick totalt, inte vad varje projekt fick. Därför
# tar diagrammet nedan, för varje fond och år, det bästa belopp som finns: fondens
# totalbelopp enligt beslutet, annars fondens budget, annars summan av projektens belopp.
# Kolumnen *Källa* säger vilket; "ca" betyder att dokumentet anger beloppet ungefärligt.

# %%
money = ns.fund_money_by_year(wh, by_fund_year)
if money.empty:
    print(f"{ns.NO_DATA}: inga belopp per fond och år.")
money.assign(
    Belopp=[
        ("ca " if approx else "") + ns.fmt_kr(sek)
        for sek, approx in zip(money["sek"], money["approximate"], strict=True)
    ]
)[["year", "fund_type", "Belopp", "source"]].rename(
    columns={"year": "År", "fund_type": "Fond", "source": "Källa"}
)

# %%
# Each amount is what its source says: a stated total or budget from the amounts of the
# canonical documents, or the cell of the project table above.
stated = wh.sql(
    """
    SELECT a.fund_type, a.year, a.kind, max(a.sek) AS sek
    FROM amounts AS a JOIN v_documents_canonical AS d USING (doc_id)
    WHERE a.kind IN ('total_granted', 'budget') AND a.project_id IS NULL
    GROUP BY ALL
    """
).set_index(["fund_type", "year", "kind"])["sek"]
kind_of = {ns.SOURCE_GRANTED: "total_granted", ns.SOURCE_BUDGET: "budget"}
for r in money.itertuples():
    if r.source == ns.SOURCE_PROJECTS:
        assert r.sek == kronor_per_year.loc[r.fund_type, r.year], (r.fund_type, r.year)
    else:
        assert r.sek == stated[(r.fund_type, r.year, kind_of[r.source])], (r.fund_type, r.year)
print(f"Kontroll: {len(money)} belopp, vart och ett lika med sin källa.")

# %%
fig = ns.plot_funding_by_year(by_fund_year, money)
chart_coverage = ns.shade_incomplete_years(fig, by_fund_year, money, coverage)
plt.show()

# %% [markdown]
# ### Alla belopp för hela fonder, som de står
#
# Beviljat totalt (`total_granted`), budget (`budget`) och statsbidrag (`state_grant`), för
# belopp där dokumentet säger vilken fond det gäller (förvaltningens hela budget räknas alltså
# inte hit). Står samma belopp flera gånger i ett dokument (t.ex. "3,5 miljoner kronor" och
# "tre och en halv miljon kronor") räknas det en gång.

# %%
fund_amounts = wh.sql(
    """
    SELECT a.fund_type, a.year, a.kind, a.sek, bool_or(a.approximate) AS approximate,
           count(DISTINCT a.doc_id) AS n_documents
    FROM amounts AS a
    JOIN v_documents_canonical AS d USING (doc_id)
    WHERE a.kind IN ('total_granted', 'budget', 'state_grant') AND a.year IS NOT NULL
      AND a.fund_type IS NOT NULL AND a.project_id IS NULL
    GROUP BY ALL
    ORDER BY a.year, a.fund_type, a.kind, a.sek
    """
)
kind_sv = {"total_granted": "beviljat totalt", "budget": "budget", "state_grant": "statsbidrag"}
if fund_amounts.empty:
    print(f"{ns.NO_DATA}: inga belopp för hela fonder.")
fund_amounts.assign(
    Belopp=[
        ("ca " if approx else "") + ns.fmt_kr(sek)
        for sek, approx in zip(fund_amounts["sek"], fund_amounts["approximate"], strict=True)
    ],
    Slag=fund_amounts["kind"].map(kind_sv),
)[["year", "fund_type", "Slag", "Belopp", "n_documents"]].rename(
    columns={"year": "År", "fund_type": "Fond", "n_documents": "Antal dokument"}
)

# %% [markdown]
# ## Per stadsdel, i dagens gränser
#
# Antal projekt per stadsdel och år, alla fonder. En stadsdel som har slagits ihop med en
# annan räknas under den nuvarande stadsdelens namn (ett projekt i både Norrmalm och
# Östermalm räknas en gång för Norra innerstaden); tabellen sist visar vilka namn i
# dokumenten som räknats om. Projekt utan angiven stadsdel står som *(ingen stadsdel angiven)*.

# %%
NO_DISTRICT = "(ingen stadsdel angiven)"
# One row per (project, district it belongs to today): from v_projects' district_today_ids.
project_districts = wh.sql(
    """
    WITH p AS (
        SELECT project_id, coalesce(fund_type, ?) AS fund_type, year,
               CASE WHEN len(district_today_ids) = 0 THEN [NULL::VARCHAR]
                    ELSE district_today_ids END AS ids
        FROM v_projects
        WHERE year IS NOT NULL AND status IS DISTINCT FROM 'ansökt'
    ),
    pairs AS (SELECT project_id, fund_type, year, unnest(ids) AS district_today_id FROM p)
    SELECT pairs.project_id, pairs.fund_type, pairs.year, 1 AS n_projects,
           coalesce(l.name, pairs.district_today_id, ?) AS district_today
    FROM pairs
    LEFT JOIN v_district_lineage AS l ON l.district_id = pairs.district_today_id
    """,
    [ns.UNKNOWN_FUND, NO_DISTRICT],
)
district_year = ns.year_table(project_districts, "district_today", "n_projects")
order = district_year.sum(axis=1).sort_values(ascending=False, kind="stable").index
district_year = district_year.loc[
    [d for d in order if d != NO_DISTRICT] + [NO_DISTRICT] * (NO_DISTRICT in order)
]
if district_year.empty:
    print(f"{ns.NO_DATA}: inga projekt med år.")
district_year.rename_axis("Stadsdel (dagens gränser)")

# %%
# Kronor per district from v_funding_by_district_year: a shared project's amount is split
# between its districts there, so these add up to the fund table's kronor.
by_district = wh.sql(
    """
    SELECT coalesce(district_today, ?) AS district_today, district_as_named, fund_type, year,
           n_projects, total_sek
    FROM v_funding_by_district_year
    """,
    [NO_DISTRICT],
)
district_kronor = ns.year_table(by_district, "district_today", "total_sek")
district_kronor = district_kronor.reindex(
    district_year.index.union(district_kronor.index, sort=False)
)
district_kronor.fillna(0).astype("int64").rename_axis("Stadsdel (dagens gränser)").style.format(
    ns.fmt_kr
).set_caption("Summa projektbelopp (kr) per stadsdel och år; delade projekt delade lika")

# %%
# Every granted project with a year is in the district table at least once (under "ingen
# stadsdel" if it has none), and the kronor add up to the view's and the fund table's.
pair_total = int(district_year.to_numpy().sum())
assert project_districts["project_id"].nunique() == n_view, "projekt saknas i stadsdelstabellen"
view_sums = wh.sql(
    "SELECT coalesce(sum(n_projects), 0) AS n, coalesce(sum(total_sek), 0) AS kr "
    "FROM v_funding_by_district_year WHERE year IS NOT NULL"
).iloc[0]
assert pair_total <= view_sums["n"], "fler projekt per stadsdel än i vyn"
assert district_kronor.fillna(0).to_numpy().sum() == view_sums["kr"], "kronor per stadsdel"
assert view_sums["kr"] == kronor_per_year.to_numpy().sum(), "kronor per stadsdel ≠ per fond"
print(
    f"Kontroll: {ns.fmt_int(n_view)} projekt i {ns.fmt_int(pair_total)} projekt–stadsdel-par och "
    f"{ns.fmt_kr(view_sums['kr'])}, samma som i v_funding_by_district_year."
)
if pair_total < view_sums["n"]:
    print(
        f"{ns.fmt_int(view_sums['n'] - pair_total)} par färre än i vyn: projekt i två stadsdelar "
        "som i dag är en räknas en gång."
    )

# %%
fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(district_year), 4) + 1.5))
ns.heatmap(ax, district_year)
ax.set(title="Antal projekt per stadsdel och år (dagens stadsdelsgränser)", xlabel="År")
ax.set_ylabel("Stadsdel eller förvaltning")
plt.show()

# %% [markdown]
# ### Projekt per stadsdel och fond
#
# Samma siffror uppdelade på fond: hur stadsdelarnas projekt fördelade sig mellan lokala
# utvecklingsmedel, studieresor och forskningsmedel.

# %%
district_fund = (
    project_districts.pivot_table(
        index="district_today", columns="fund_type", values="n_projects", aggfunc="sum"
    )
    .fillna(0)
    .astype("int64")
    if not project_districts.empty
    else project_districts.head(0)
)
fig, ax = plt.subplots(figsize=(10, 5))
if district_fund.empty:
    ns.no_data(ax)
else:
    district_fund = district_fund.loc[district_year.index.intersection(district_fund.index)]
    funds = sorted(district_fund.columns, key=ns.fund_sort_key)
    district_fund[funds].plot.bar(
        ax=ax, color=[ns.fund_color(f) for f in funds], width=0.8, rot=45, grid=False
    )
    ax.grid(axis="y")
    ax.legend(title="Fond")
    ax.yaxis.get_major_locator().set_params(integer=True)
    plt.setp(ax.get_xticklabels(), ha="right")
ax.set(title="Antal projekt per stadsdel och fond, alla år", xlabel="Stadsdel eller förvaltning")
ax.set_ylabel("Antal projekt")
plt.show()

# %%
renamed = by_district.dropna(subset=["district_as_named"])
renamed = renamed[renamed["district_as_named"] != renamed["district_today"]]
renamed.groupby(["district_as_named", "district_today"], as_index=False)["n_projects"].sum().rename(
    columns={
        "district_as_named": "Stadsdel då",
        "district_today": "Räknas som (i dag)",
        "n_projects": "Antal projekt",
    }
)

# %%
# Close the read-only connection: while a notebook holds the file open, `namnd run` cannot
# write to it. (To continue working, run the cells from the top again.)
wh.close()
