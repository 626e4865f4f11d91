"""What a store of coded news says, in four questions: a notebook-style walk-through of whodid's
public Python API (``whodid.open`` and the pandas DataFrames it returns).

1. Which pairs of countries act on each other most?
2. How did the most active pair's relations go, month by month? (a plot, ``dyad.png``)
3. Who is quoted most? (by the actor each quotation's speaker was resolved to, so "he" is no speaker)
4. Where did the events happen? (a map, ``map.png``)

Run it on the demo data (what ``make demo`` stores)::

    whodid ingest examples/ --published 2024-05-07 --db sqlite:///whodid.db
    python examples/analysis.py --db sqlite:///whodid.db --out analysis/

It needs matplotlib (``pip install 'whodid[analysis]'``). Each ``# %%`` starts a cell: editors such
as VS Code and Jupytext run them one at a time, as a notebook's. Every number below counts asserted
events only (reported as done: not "did not attack", "may attack", "will attack"); pass
``modality="all"`` to ``db.events`` and ``db.dyad`` to count the rest too.
"""

# %% Setup: where the store is, where the figures go
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write PNG files; in a notebook, leave this line out to see the figures inline
import matplotlib.pyplot as plt
import pandas as pd

import whodid

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def most_active_dyads(events: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Pairs of countries by the events between them, in either direction, with the events of each
    quad class and the mean Goldstein score. An event inside one country (its police arresting its
    opposition) is no pair; nor is one whose source or target has no country (an IGO)."""
    between = events.dropna(subset=["source_country", "target_country"])
    between = between[between["source_country"] != between["target_country"]]
    pair = [
        " - ".join(sorted(p)) for p in zip(between["source_country"], between["target_country"], strict=True)
    ]
    table = between.assign(dyad=pair, quad=between["quad_class"].map(QUADS))
    counts = table.pivot_table(index="dyad", columns="quad", values="event_id", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=list(QUADS.values()), fill_value=0).rename_axis(columns=None)
    counts.insert(0, "events", counts.sum(axis=1))
    counts["goldstein_mean"] = table.groupby("dyad")["goldstein"].mean().round(2)
    return counts.sort_values(["events", "goldstein_mean"], ascending=[False, True]).head(top)


def plot_dyad(series: pd.DataFrame, a: str, b: str, path: Path) -> None:
    """Net cooperation ((quad 1 + 2) - (quad 3 + 4)) per period, one bar per direction, and the events
    counted, as ``db.dyad`` gives them (a row of zeros for a period without events)."""
    wide = series.pivot(index="period", columns="direction", values="net_cooperation").fillna(0)
    events = series.groupby("period")["events"].sum()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 5.5), sharex=True, height_ratios=[2, 1])
    wide.plot.bar(ax=top, width=0.8, color=["tab:blue", "tab:orange"][: len(wide.columns)])
    top.axhline(0, color="black", linewidth=0.8)
    top.set_ylabel("net cooperation")
    top.set_title(f"{a} and {b}: cooperation minus conflict per month (asserted events)")
    events.plot.bar(ax=bottom, color="grey", width=0.8)
    bottom.set_ylabel("events")
    bottom.set_xlabel("")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def event_places(events: pd.DataFrame) -> pd.DataFrame:
    """The places events happened, with their number of events and mean Goldstein score. Only events
    the text places have coordinates: whodid never puts an event at a capital it was not told of."""
    located = events.dropna(subset=["lat", "lon"])
    return (
        located.groupby(["location_name", "location_precision", "lat", "lon"], dropna=False)
        .agg(events=("event_id", "count"), goldstein_mean=("goldstein", "mean"))
        .reset_index()
        .sort_values("events", ascending=False)
    )


def plot_map(places: pd.DataFrame, path: Path) -> None:
    """The places on longitude/latitude axes (plate carree), sized by events, coloured from conflict
    (red) to cooperation (blue); a country-level place (at the country's centroid) is a square, so it
    is not read as a town. No coastlines, to stay with matplotlib alone: for a basemap, draw the same
    points with cartopy or geopandas."""
    lon_mid, lat_mid = (
        (places["lon"].min() + places["lon"].max()) / 2,
        (places["lat"].min() + places["lat"].max()) / 2,
    )
    half_lon = max(30.0, (places["lon"].max() - places["lon"].min()) / 2 + 10)
    half_lat = max(20.0, (places["lat"].max() - places["lat"].min()) / 2 + 10)
    fig, ax = plt.subplots(figsize=(8, 6))
    ax.set_xlim(max(-180.0, lon_mid - half_lon), min(180.0, lon_mid + half_lon))
    ax.set_ylim(max(-90.0, lat_mid - half_lat), min(90.0, lat_mid + half_lat))
    ax.set_aspect("equal")
    ax.grid(color="lightgrey", linewidth=0.6)
    shown = None
    for precision, marker in (("city", "o"), ("region", "^"), ("country", "s")):
        group = places[places["location_precision"] == precision]
        if group.empty:
            continue
        shown = ax.scatter(
            group["lon"],
            group["lat"],
            s=80 + 60 * group["events"],
            c=group["goldstein_mean"],
            cmap="RdBu",
            vmin=-10,
            vmax=10,
            marker=marker,
            edgecolors="black",
            label=f"{precision}" + (" (at its centroid)" if precision == "country" else ""),
        )
    for row in places.itertuples():
        label = f"{row.location_name}: {row.events} event{'s' if row.events != 1 else ''}"
        ax.annotate(label, (row.lon, row.lat), xytext=(10, 8), textcoords="offset points")
    if shown is not None:
        fig.colorbar(
            shown, ax=ax, orientation="horizontal", fraction=0.05, pad=0.1, label="mean Goldstein score"
        )
        ax.legend(title="location precision", loc="upper left", markerscale=0.6)
    ax.set_xlabel("longitude (degrees east)")
    ax.set_ylabel("latitude (degrees north)")
    ax.set_title("Where the events happened")
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Four questions to a whodid store, answered with its Python API."
    )
    parser.add_argument("--db", default="sqlite:///whodid.db", help="the store (default sqlite:///whodid.db)")
    parser.add_argument("--out", type=Path, default=Path("analysis"), help="folder for the PNG figures")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pd.set_option("display.width", 120)

    # %% Open the store: one row per event mention, asserted events only
    db = whodid.open(args.db)
    events = db.events()
    print(f"{len(events)} asserted event mentions in {events['article_id'].nunique()} articles")

    # %% 1. The most active dyads: pairs of countries, both directions together
    dyads = most_active_dyads(events)
    print("\nMost active dyads\n" + dyads.to_string())

    # %% 2. The most active dyad over time, from db.dyad (each direction per month, empty months as zeros)
    if dyads.empty:
        print("\nno two countries act on each other in this store: no dyad to plot")
    else:
        a, b = str(dyads.index[0]).split(" - ")
        series = db.dyad(a, b, by="month")
        print(f"\n{a} and {b} per month\n" + series.to_string(index=False))
        plot_dyad(series, a, b, args.out / "dyad.png")
        print(f"plot: {args.out / 'dyad.png'}")

    # %% 3. Who is quoted most: by resolved speaker, with the quotations and articles of each
    print("\nSpeakers quoted most\n" + db.speakers(limit=10).to_string(index=False))

    # %% 4. Where the events happened
    places = event_places(events)
    if places.empty:
        print("\nno event in this store is placed by its text: no map")
    else:
        print("\nPlaces of events\n" + places.to_string(index=False))
        plot_map(places, args.out / "map.png")
        print(f"map: {args.out / 'map.png'}")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
