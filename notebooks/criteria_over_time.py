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
# # Kriterier för FoU-medel år för år
#
# **Frågan:** vilka krav ställdes på projekt som sökte pengar (kriterier), vad skulle
# prioriteras (prioriteringar) och vilka områden pekades ut (fokusområden) – och vad kom till
# eller försvann från ett år till nästa?
#
# **Så läser du den:**
#
# * *Sida vid sida* – en tabell per fond och slag, en kolumn per år, kriterierna i den
#   ordning dokumentet räknar upp dem. Har flera beslut angett kriterier för samma år gäller
#   det senaste (vyn `v_criteria_by_year` väljer det).
# * *Vad ändrades* – varje år jämförs med närmast föregående år som har kriterier för samma
#   fond. Två formuleringar räknas som samma kriterium när texterna är nästan lika efter att
#   skiftläge, accenter, skiljetecken, avstavning och vanliga OCR-fel (0/o, 1/l, rn/m) tagits
#   bort – ett inläsningsfel blir alltså inte ett "nytt" kriterium. En omformulering med andra
#   ord räknas däremot som att ett kriterium försvann och ett nytt kom till; läs texterna.
# * *Ordförråd* – de vanligaste innehållsorden (utan småord som "och", "att", "för") i årets
#   kriterier: en grov bild av vad som betonades.
#
# Siffrorna kommer från vyn `v_criteria_by_year`; notebooken läser bara.

# %%
import os

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from matplotlib.patches import Patch

from pipeline import notebook_support as ns

ns.use_style()
KIND_SV = {"criterion": "kriterier", "priority": "prioriteringar", "focus_area": "fokusområden"}

# %% tags=["parameters"]
db_path = os.environ.get("NAMND_DB", ns.DEFAULT_DB)
similarity_threshold = 85.0  # 0-100: how alike two texts must be to count as one criterion

# %%
wh = ns.open_warehouse(db_path)
print(wh.describe())

# %%
by_year = wh.sql(
    """
    SELECT coalesce(fund_type, 'okänd fond') AS fund_type, year, kind, criteria, n_criteria,
           doc_id, n_sources
    FROM v_criteria_by_year
    WHERE year IS NOT NULL
    ORDER BY fund_type, kind, year
    """
)
by_year["criteria"] = by_year["criteria"].map(list)
by_year["kind_sv"] = by_year["kind"].map(lambda k: KIND_SV.get(k, k or "övrigt"))
groups = list(by_year.groupby(["fund_type", "kind_sv"], sort=True))
if by_year.empty:
    print(f"{ns.NO_DATA}: inga kriterier med år.")
by_year[["fund_type", "kind_sv", "year", "n_criteria", "n_sources"]].rename(
    columns={
        "fund_type": "Fond",
        "kind_sv": "Slag",
        "year": "År",
        "n_criteria": "Antal",
        "n_sources": "Antal beslut som anger dem",
    }
)

# %% [markdown]
# ## Sida vid sida

# %%
side_by_side = {}
for (fund, kind), rows in groups:
    table = pd.DataFrame({int(r.year): pd.Series(r.criteria) for r in rows.itertuples()})
    table.index = pd.RangeIndex(1, len(table) + 1, name="Nr")
    side_by_side[(fund, kind)] = table
    display(Markdown(f"### {fund}: {kind}"))
    display(
        table.fillna("").style.set_properties(**{"text-align": "left", "white-space": "normal"})
    )

# %%
# Every criterion of the view is in exactly one cell of the tables above.
in_tables = sum(int(t.notna().to_numpy().sum()) for t in side_by_side.values())
in_view = wh.sql(
    "SELECT coalesce(sum(n_criteria), 0) AS n FROM v_criteria_by_year WHERE year IS NOT NULL"
).iloc[0]["n"]
assert in_tables == in_view, f"{in_tables} kriterier i tabellerna, {in_view} i vyn"
print(f"Kontroll: {ns.fmt_int(in_tables)} kriterier i tabellerna, samma som i v_criteria_by_year.")

# %% [markdown]
# ## Vad ändrades från ett år till nästa?

# %%
change_rows, detail_rows = [], []
for (fund, kind), rows in groups:
    previous = None
    for r in rows.itertuples():
        if previous is None:
            kept, new, gone = [], list(r.criteria), []
        else:
            change = ns.compare_criteria(previous.criteria, r.criteria, similarity_threshold)
            kept, new, gone = change.kept, change.appeared, change.disappeared
        change_rows.append(
            {
                "Fond": fund,
                "Slag": kind,
                "År": int(r.year),
                "Jämfört med": "–" if previous is None else str(int(previous.year)),
                "Kvar": len(kept),
                "Nya": len(new),
                "Borta": len(gone),
                "Antal": r.n_criteria,
            }
        )
        if previous is not None:
            detail_rows += [
                {"Fond": fund, "Slag": kind, "År": int(r.year), "Ändring": "ny", "Text": t}
                for t in new
            ]
            detail_rows += [
                {"Fond": fund, "Slag": kind, "År": int(r.year), "Ändring": "borta", "Text": t}
                for t in gone
            ]
            detail_rows += [
                {
                    "Fond": fund,
                    "Slag": kind,
                    "År": int(r.year),
                    "Ändring": "omformulerad",
                    "Text": f"{a} → {b}",
                }
                for a, b in kept
                if a.strip() != b.strip()
            ]
        previous = r
changes = pd.DataFrame(
    change_rows, columns=["Fond", "Slag", "År", "Jämfört med", "Kvar", "Nya", "Borta", "Antal"]
)
if changes.empty:
    print(f"{ns.NO_DATA}: inget att jämföra.")
changes

# %%
# Each year's criteria are either kept from the year before or new: nothing lost, nothing
# counted twice, and the counts are the view's.
assert (changes["Kvar"] + changes["Nya"] == changes["Antal"]).all()
assert changes["Antal"].sum() == in_view
print("Kontroll: kvar + nya = antal kriterier för varje fond och år.")

# %%
pd.DataFrame(detail_rows, columns=["Fond", "Slag", "År", "Ändring", "Text"]).style.set_properties(
    subset=["Text"], **{"text-align": "left", "white-space": "normal"}
)

# %%
CHANGE_COLORS = {"första": "#9bb7d4", "kvar": "#b0b0b0", "nya": "#3c9d5d", "borta": "#c0392b"}
panels = list(changes.groupby(["Fond", "Slag"], sort=False)) if not changes.empty else []
fig, axes = plt.subplots(
    max(len(panels), 1),
    1,
    figsize=(9, 2.3 * max(len(panels), 1) + 0.8),
    sharex=True,
    squeeze=False,
)
all_years = ns.year_range(changes["År"])
for ax, ((fund, kind), rows) in zip(axes[:, 0], panels, strict=False):
    first = rows["Jämfört med"] == "–"
    x = rows["År"].astype(int)
    ax.bar(
        x[first], rows["Antal"][first], color=CHANGE_COLORS["första"], label="första året i lagret"
    )
    ax.bar(
        x[~first],
        rows["Kvar"][~first],
        color=CHANGE_COLORS["kvar"],
        label="kvar från föregående år",
    )
    ax.bar(
        x[~first],
        rows["Nya"][~first],
        bottom=rows["Kvar"][~first],
        color=CHANGE_COLORS["nya"],
        label="nya",
    )
    ax.bar(
        x,
        -rows["Borta"],
        color="white",
        edgecolor=CHANGE_COLORS["borta"],
        hatch="///",
        label="borttagna (under nollan)",
    )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_title(f"{fund}: {kind}", fontsize=11)
    ax.set_ylabel("Antal")
    ax.yaxis.get_major_locator().set_params(integer=True)
if not panels:
    ns.no_data(axes[0, 0])
else:
    axes[-1, 0].set_xticks(
        all_years, [str(y) for y in all_years], rotation=45 if len(all_years) > 12 else 0
    )
    axes[-1, 0].set_xlabel("År")
    legend = [
        Patch(color=CHANGE_COLORS["första"], label="första året i lagret"),
        Patch(color=CHANGE_COLORS["kvar"], label="kvar från föregående år"),
        Patch(color=CHANGE_COLORS["nya"], label="nya"),
        Patch(
            facecolor="white",
            edgecolor=CHANGE_COLORS["borta"],
            hatch="///",
            label="borttagna (under nollan)",
        ),
    ]
    fig.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.0, 0.95))
fig.suptitle(
    "Kriterier per fond och år: kvar, nya och borttagna", fontweight="bold", x=0.01, ha="left"
)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Ordförråd: vanligaste innehållsord per år
#
# Alla fonders kriterier, prioriteringar och fokusområden tillsammans. Varje ord räknas så
# många gånger det förekommer; småord och ord som står i nästan alla dokument ("projekt",
# "staden") är borttagna.

# %%
words = pd.DataFrame(
    [
        {"year": int(year), "word": word, "n": n}
        for year, rows in by_year.groupby("year")
        for word, n in ns.content_words(t for ts in rows["criteria"] for t in ts).items()
    ],
    columns=["year", "word", "n"],
)
top_per_year = (
    words.sort_values(["year", "n", "word"], ascending=[True, False, True])
    .groupby("year")
    .head(8)
    .assign(ord=lambda d: d["word"] + " (" + d["n"].astype(str) + ")")
)
if words.empty:
    print(f"{ns.NO_DATA}: inga ord att räkna.")
pd.DataFrame(
    {year: pd.Series(list(rows["ord"])) for year, rows in top_per_year.groupby("year")}
).fillna("").rename_axis(columns="År")

# %%
top_words = words.groupby("word")["n"].sum().sort_values(ascending=False, kind="stable").head(15)
word_table = ns.year_table(words[words["word"].isin(top_words.index)], "word", "n")
word_table = word_table.reindex(top_words.index) if not word_table.empty else word_table
fig, ax = plt.subplots(figsize=(8, 0.4 * max(len(word_table), 4) + 1.5))
ns.heatmap(ax, word_table, cmap="Greens")
ax.set(title="De vanligaste orden i kriterierna, per år", xlabel="År")
ax.set_ylabel("Ord")
plt.show()

# %% [markdown]
# ## Begrepp: samma krav med andra ord
#
# Jämförelsen av texter ovan räknar en omformulering som ett kriterium som försvann och ett
# som kom till. Här är varje kriterium, prioritering och fokusområde i stället kopplat till
# ett eller flera *begrepp* (flera stadsdelar, forskningsanknytning, brukarnas delaktighet,
# strategisk betydelse för hela staden …) genom svenska nyckelord i
# `pipeline/data/criterion_concepts.csv`. "Omfattar flera stadsdelsförvaltningar" (2015) och
# "involverar fler än en stadsdelsförvaltning" (2013) blir då samma begrepp, behållet.
# Kriterier som inget nyckelord fångar visas som *other*. Siffrorna kommer från vyn
# `v_criteria_concepts_by_year`.

# %%
concepts = wh.sql(
    """
    SELECT coalesce(fund_type, 'okänd fond') AS fund_type, year, concept, label,
           in_previous_year, n_criteria
    FROM v_criteria_concepts_by_year
    ORDER BY fund_type, year, concept
    """
)
if concepts.empty:
    print(f"{ns.NO_DATA}: inga kriterier kopplade till begrepp.")
for fund, rows in concepts.groupby("fund_type"):
    table = rows.pivot_table(
        index="label", columns="year", values="n_criteria", aggfunc="sum", fill_value=0
    )
    display(Markdown(f"**{fund}** – begrepp per år (● = gällde det året)"))
    display(table.apply(lambda col: col.map(lambda v: "●" if v else "")).rename_axis(columns="År"))

# %%
changes = []
for fund, rows in concepts.groupby("fund_type"):
    previous: tuple[int, set[str]] | None = None
    for year in sorted(rows["year"].dropna().unique()):
        current = set(rows.loc[rows["year"] == year, "label"])
        if previous is not None:
            changes.append(
                {
                    "Fond": fund,
                    "År": f"{int(previous[0])} → {int(year)}",
                    "Behållna": ", ".join(sorted(current & previous[1])),
                    "Tillkomna": ", ".join(sorted(current - previous[1])),
                    "Borttagna": ", ".join(sorted(previous[1] - current)),
                }
            )
        previous = (year, current)
if not changes:
    print(f"{ns.NO_DATA}: färre än två år med kriterier för samma fond.")
pd.DataFrame(changes, columns=["Fond", "År", "Behållna", "Tillkomna", "Borttagna"])

# %%
# Close the read-only connection: while a notebook holds the file open, `namnd run` cannot
# write to it. (To continue working, run the cells from the top again.)
wh.close()
