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
# # Projekt över åren, FUM-studier och högsta belopp per ansökan
#
# **Frågorna:**
#
# 1. Vilka projekt löper över flera år eller förekommer i flera beslut (beviljas ett år,
#    redovisas ett senare)?
# 2. Vilka utförare (högskolor, konsulter, FoU-enheter) gör de stadsövergripande
#    FUM-studierna, vad kostar de och när ska de vara klara?
# 3. Hur mycket kunde ett projekt högst få per ansökan, år för år? (Lokala utvecklingsmedel:
#    750 000 kr 2015, 500 000 kr senare; studieresor 25 000 kr.)
#
# **Så läser du den:**
#
# * Ett projekt följs över beslut och år som en *serie* (vyn `v_project_series`): namn som
#   liknar varandra, samma stadsdel, fond och närliggande år, hänvisningar ("år 2",
#   "hette tidigare") och beslut följt av redovisning kopplar ihop omnämnandena, också när
#   projektet bytt namn. Osäkra par listas av `namnd links` för en handläggare att avgöra.
# * Tidslinjen visar varje serie som en linje från första året till det sista året den nämns
#   eller, om det är senare, året för dess slutdatum. Prickarna är de år då ett beslut nämner
#   projektet.
# * Belopp är de som står i dokumenten; ett streck (–) betyder att inget belopp anges.
#
# Siffrorna kommer från vyerna `v_projects` (en rad per projekt och år),
# `v_project_mentions` (en rad per omnämnande), `v_project_series` och `v_max_amounts`;
# notebooken läser bara.

# %%
import os

import matplotlib.pyplot as plt
import pandas as pd

from pipeline import notebook_support as ns

ns.use_style()

# %% tags=["parameters"]
db_path = os.environ.get("NAMND_DB", ns.DEFAULT_DB)
max_series_in_chart = 30  # the timeline shows at most this many projects

# %%
wh = ns.open_warehouse(db_path)
print(wh.describe())

# %% [markdown]
# ## 1. Projekt över flera år eller i flera beslut

# %%
series = wh.sql(
    """
    SELECT s.name, s.first_year, s.last_year, s.years, s.n_years, s.n_projects, s.total_sek,
           s.fund_types, s.doc_ids,
           year(max(p.end_date)) AS end_year, max(p.end_date) AS end_date,
           year(max(p.end_date)) + (dayofyear(max(p.end_date)) - 1) / 365.0 AS end_point,
           string_agg(DISTINCT p.district_today, ', ') AS district_today
    FROM v_project_series AS s
    LEFT JOIN v_project_mentions AS p ON list_contains(s.project_ids, p.project_id)
    GROUP BY ALL
    """
)
series["n_documents"] = series["doc_ids"].map(len)
series["until_year"] = series[["last_year", "end_year"]].max(axis=1)
multi = series[
    (series["n_years"] > 1)
    | (series["n_documents"] > 1)
    | (series["end_year"].fillna(0) > series["last_year"].fillna(9999))
].sort_values(["first_year", "name"], kind="stable")
if multi.empty:
    print(f"{ns.NO_DATA}: inga projekt som löper över flera år eller står i flera beslut.")
multi.assign(
    År=multi["years"].map(lambda ys: ", ".join(str(int(y)) for y in ys if pd.notna(y))),
    Fond=multi["fund_types"].map(lambda fs: ", ".join(f for f in fs if f)),
    Slutdatum=multi["end_date"].map(lambda d: "–" if pd.isna(d) else str(d)[:10]),
    Belopp=multi["total_sek"].map(ns.fmt_kr),
    district_today=multi["district_today"].fillna("–"),
)[["name", "År", "n_documents", "Slutdatum", "Fond", "Belopp", "district_today"]].rename(
    columns={"name": "Projekt", "n_documents": "Antal beslut", "district_today": "Stadsdel i dag"}
).reset_index(drop=True)

# %%
# The series cover every named project mention (v_project_mentions) exactly once.
n_named = wh.sql("SELECT count(*) AS n FROM v_project_mentions WHERE name IS NOT NULL").iloc[0]["n"]
n_in_series = wh.sql("SELECT coalesce(sum(n_projects), 0) AS n FROM v_project_series").iloc[0]["n"]
assert n_in_series <= n_named and series["n_projects"].sum() == n_in_series
print(
    f"Kontroll: {ns.fmt_int(n_named)} omnämnanden av namngivna projekt i "
    f"{ns.fmt_int(len(series))} serier; "
    f"{ns.fmt_int(len(multi))} serier över flera år eller beslut."
)

# %%
shown = multi.sort_values(["until_year", "first_year"], ascending=False).head(max_series_in_chart)
shown = shown.iloc[::-1]
fig, ax = plt.subplots(figsize=(10, 0.38 * max(len(shown), 4) + 1.6))
if shown.empty:
    ns.no_data(ax)
else:
    for row_no, s in enumerate(shown.itertuples()):
        color = ns.fund_color(next((f for f in s.fund_types if f), ""))
        stop = max(s.last_year, s.end_point) if pd.notna(s.end_point) else s.last_year
        ax.plot([s.first_year, stop], [row_no, row_no], color=color, linewidth=3, alpha=0.5)
        ax.scatter(
            [y for y in s.years if pd.notna(y)], [row_no] * len(s.years), color=color, zorder=3
        )
        if pd.notna(s.end_point):
            ax.scatter([s.end_point], [row_no], marker="|", s=200, color="black", zorder=3)
        if s.n_documents > 1:
            ax.annotate(
                f"{s.n_documents} beslut",
                (s.last_year, row_no),
                xytext=(8, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color="#555555",
            )
    labels = [n if len(n) <= 55 else n[:52] + "…" for n in shown["name"]]
    ax.set_yticks(range(len(shown)), labels, fontsize=8)
    years = ns.year_range(list(shown["first_year"]) + list(shown["until_year"]))
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.grid(axis="x")
    funds = sorted(
        {next((f for f in fs if f), "") for fs in shown["fund_types"]}, key=ns.fund_sort_key
    )
    handles = [
        plt.Line2D([], [], color=ns.fund_color(f), marker="o", label=f or ns.UNKNOWN_FUND)
        for f in funds
    ]
    handles.append(
        plt.Line2D(
            [], [], color="black", marker="|", linestyle="", markersize=12, label="slutdatum"
        )
    )
    ax.legend(handles=handles, title="Fond", loc="upper left", bbox_to_anchor=(1.0, 1.0))
ax.set(title="Projekt som löper över flera år eller står i flera beslut", xlabel="År")
plt.show()

# %% [markdown]
# ## 2. FUM-studier per utförare
#
# Stadsövergripande forskningsmedel (FUM) går till studier som en extern utförare gör. En
# rad per studie och år (en studie som beviljas i ett beslut och redovisas i nästa är en rad);
# tabellen därefter summerar per utförare.

# %%
fum = wh.sql(
    """
    SELECT coalesce(performer, '(utförare ej angiven)') AS performer, name, year, status,
           amount_sek, end_date, doc_id
    FROM v_projects
    WHERE fund_type = 'FUM'
    ORDER BY performer, year, name
    """
)
if fum.empty:
    print(f"{ns.NO_DATA}: inga FUM-studier.")
fum.assign(
    Kostnad=fum["amount_sek"].map(ns.fmt_kr),
    Slutdatum=fum["end_date"].map(lambda d: "–" if pd.isna(d) else str(d)[:10]),
)[["performer", "name", "year", "status", "Kostnad", "Slutdatum"]].rename(
    columns={"performer": "Utförare", "name": "Studie", "year": "År", "status": "Status"}
)

# %%
by_performer = (
    fum.groupby("performer")
    .agg(
        n_studies=("name", "count"),
        total_sek=("amount_sek", lambda v: v.sum(min_count=1)),
        first_year=("year", "min"),
        last_end=("end_date", "max"),
    )
    .sort_values("total_sek", ascending=False, kind="stable", na_position="last")
)
by_performer.assign(
    total_sek=by_performer["total_sek"].map(ns.fmt_kr),
    last_end=by_performer["last_end"].map(lambda d: "–" if pd.isna(d) else str(d)[:10]),
).rename_axis("Utförare").rename(
    columns={
        "n_studies": "Antal studier",
        "total_sek": "Summa kostnad",
        "first_year": "Första år",
        "last_end": "Senaste slutdatum",
    }
)

# %%
# The per-performer table adds up to v_projects' FUM rows.
fum_view = wh.sql(
    "SELECT count(*) AS n, coalesce(sum(amount_sek), 0) AS kr FROM v_projects WHERE fund_type = 'FUM'"
).iloc[0]
assert by_performer["n_studies"].sum() == fum_view["n"], "antal FUM-studier stämmer inte"
assert by_performer["total_sek"].sum() == fum_view["kr"], "FUM-kostnad stämmer inte"
print(
    f"Kontroll: {ns.fmt_int(fum_view['n'])} FUM-studier för {ns.fmt_kr(fum_view['kr'])}, som i v_projects."
)

# %%
performer_year = ns.year_table(fum.fillna({"amount_sek": 0}), "performer", "amount_sek")
performer_year = (
    performer_year.reindex(by_performer.index) if not performer_year.empty else performer_year
)
fig, ax = plt.subplots(figsize=(10, 0.5 * max(len(performer_year), 4) + 1.5))
if performer_year.empty:
    ns.no_data(ax)
else:
    left = pd.Series(0.0, index=performer_year.index)
    palette = plt.get_cmap("tab10")
    for i, year in enumerate(performer_year.columns):
        ax.barh(
            performer_year.index,
            performer_year[year],
            left=left,
            color=palette(i % 10),
            label=str(year),
        )
        left += performer_year[year]
    for performer in performer_year.index[performer_year.sum(axis=1) == 0]:
        ax.text(0, performer, "  belopp ej angivet", va="center", fontsize=8, color="#555555")
    ax.invert_yaxis()
    ns.kr_axis(ax, "x")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.legend(title="År", loc="lower right")
ax.set(title="FUM-studier: kostnad per utförare och år", xlabel="Belopp (kr)")
ax.set_ylabel("Utförare")
plt.show()

# %% [markdown]
# ## 3. Högsta belopp per ansökan, år för år
#
# Ur vyn `v_max_amounts`: en rad per fond och år, det belopp som gällde enligt det senaste
# beslutet som anger det. *Antal uppgifter* > 1 betyder att flera dokument (eller samma
# dokument flera gånger) anger taket; *Angivna värden* visar om de var oense.

# %%
max_amounts = wh.sql(
    """
    SELECT fund_type, year, max_per_application_sek, raw, approximate, n_statements,
           values_stated, doc_id
    FROM v_max_amounts
    WHERE year IS NOT NULL AND fund_type IS NOT NULL
    ORDER BY fund_type, year
    """
)
max_table = ns.year_table(max_amounts, "fund_type", "max_per_application_sek")
max_table = max_table.reindex(sorted(max_table.index, key=ns.fund_sort_key))
if max_amounts.empty:
    print(f"{ns.NO_DATA}: inga högsta belopp per ansökan.")
max_table.replace(0, pd.NA).rename_axis("Fond").style.format(ns.fmt_kr, na_rep="–").set_caption(
    "Högsta belopp per ansökan (kr)"
)

# %%
# Each cell is the view's value for that fund and year (one row per fund and year).
for r in max_amounts.itertuples():
    assert max_table.loc[r.fund_type, int(r.year)] == r.max_per_application_sek
assert max_table.to_numpy().sum() == max_amounts["max_per_application_sek"].sum()
print(f"Kontroll: {len(max_amounts)} värden, samma som i v_max_amounts.")

# %%
max_amounts.assign(
    Belopp=max_amounts["max_per_application_sek"].map(ns.fmt_kr),
    Angivna=max_amounts["values_stated"].map(lambda vs: ", ".join(ns.fmt_kr(v) for v in vs)),
)[["fund_type", "year", "Belopp", "raw", "n_statements", "Angivna"]].rename(
    columns={
        "fund_type": "Fond",
        "year": "År",
        "raw": "Som det står",
        "n_statements": "Antal uppgifter",
        "Angivna": "Angivna värden",
    }
)

# %%
fig, ax = plt.subplots(figsize=(9, 4.8))
if max_amounts.empty:
    ns.no_data(ax)
else:
    for fund, rows in sorted(
        max_amounts.groupby("fund_type"), key=lambda g: ns.fund_sort_key(g[0])
    ):
        ax.plot(
            rows["year"],
            rows["max_per_application_sek"],
            marker="o",
            linestyle=":",
            color=ns.fund_color(fund),
            label=ns.FUND_NAMES.get(fund, fund),
            linewidth=1.5,
            markersize=8,
        )
        for r in rows.itertuples():
            ax.annotate(
                ns.fmt_kr(r.max_per_application_sek),
                (r.year, r.max_per_application_sek),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
            )
    years = ns.year_range(max_amounts["year"])
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylim(0, max_amounts["max_per_application_sek"].max() * 1.15)
    ns.kr_axis(ax)
    ax.legend(title="Fond", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.text(
        0.01,
        -0.03,
        "Prickarna är år då ett beslut anger taket; den streckade linjen "
        "binder ihop dem men säger inget om åren emellan.",
        fontsize=8,
        color="#555555",
    )
ax.set(title="Högsta belopp per ansökan", xlabel="År", ylabel="Belopp (kr)")
plt.show()

# %%
# Close the read-only connection: while a notebook holds the file open, `namnd run` cannot
# write to it. (To continue working, run the cells from the top again.)
wh.close()
