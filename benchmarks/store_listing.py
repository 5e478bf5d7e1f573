"""How fast the store lists claims and events at a million claims.

Fills a database with synthetic documents, claims (with places) and events, in chunks of
Core executemany, then times the first page (50, newest first) of filtered listings
through `Store.claims` / `Store.events`: by place (name, admin2, admin1, country), date,
victim group, outcome, claimant type, party, status, and a few combinations. Prints the
median and the worst of the repeats. Run by hand, not in CI:

    python benchmarks/store_listing.py                      # 1M claims in /tmp/tollwatch-bench.db
    python benchmarks/store_listing.py --reuse              # time again without refilling
    python benchmarks/store_listing.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections import defaultdict

from sqlalchemy import delete, func, select, text

from tollwatch.model import (
    Claim, Claimant, Count, Document, Estimate, Event, Extraction, Place, Victims, When,
    claim_id_for,
)
from tollwatch.store import Store, write
from tollwatch.store.eventrows import event_child_rows, event_facet_rows, event_row
from tollwatch.store.schema import (
    EVENT_TABLES, claim_place_keys, claim_places, claims, documents, events,
)

OUTCOMES = (("killed", 60), ("injured", 25), ("arrested", 8), ("abducted", 5), ("missing", 2))
GROUPS = (("militants", 35), ("civilians", 35), ("security_forces", 20), ("unknown", 10))
CLAIMANTS = (("government", 30, True), ("military", 25, True), ("media", 15, False),
             ("local", 10, False), ("medical", 6, False), ("non_state_armed_group", 6, True),
             ("ngo", 4, False), ("unknown", 3, False), ("un", 1, False))
COUNTRIES = ("PK", "AF", "IQ", "NG")
FIRST_DAY = dt.date(2020, 1, 1)
DAYS = (dt.date(2026, 2, 1) - FIRST_DAY).days
CLAIMS_PER_DOCUMENT = 3
CHUNK = 20_000


def weighted(rng: random.Random, table):
    return rng.choices(table, weights=[row[1] for row in table])[0]


def gazetteer(rng: random.Random) -> list[Place]:
    """~2,000 towns in 4 countries x 6 provinces x 10 districts, for a skewed place choice."""
    towns = []
    for country in COUNTRIES:
        for a1 in range(6):
            for a2 in range(10):
                for town in range(rng.randint(4, 12)):
                    name = f"Town {country}{a1}{a2}-{town}"
                    towns.append(Place(
                        name=name, text=name,
                        admin1=f"Province {country}{a1}", admin2=f"District {country}{a1}{a2}",
                        country=country, lat=rng.uniform(-40, 60), lon=rng.uniform(-20, 80),
                        precision="city", geonames_id=rng.randint(1, 12_000_000)))
    return towns


def synthetic_when(rng: random.Random) -> When | None:
    roll = rng.random()
    if roll < 0.03:
        return None
    start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    span = 0 if roll < 0.85 else rng.randint(1, 7) if roll < 0.95 else rng.randint(8, 365)
    end = start + dt.timedelta(days=span)
    return When(start.isoformat(), end.isoformat(), "day" if span == 0 else "week", "on Monday")


def synthetic_claim(rng: random.Random, doc_id: str, position: int, towns: list[Place],
                    home: Place) -> Claim:
    """A claim about the document's own place mostly, sometimes another or none."""
    outcome = weighted(rng, OUTCOMES)[0]
    group = weighted(rng, GROUPS)[0]
    claimant_type, _, party = weighted(rng, CLAIMANTS)
    best = rng.randint(1, 60)
    roll = rng.random()
    places = ([home] if roll < 0.8 else [pick_town(rng, towns)] if roll < 0.9
              else [home, pick_town(rng, towns)] if roll < 0.95 else [])
    span = (position * 100, position * 100 + 80)
    return Claim(
        id=claim_id_for(doc_id, span, outcome, group), document_id=doc_id,
        quote=f"Officials said {best} {group} were {outcome} there.", span=span,
        outcome=outcome, victims=Victims(group, group),
        count=Count(best, best, best, "exact", str(best)),
        claimant=Claimant(name=f"{claimant_type} spokesman", type=claimant_type,
                          party_to_conflict=party, text="said"),
        when=synthetic_when(rng), where=places)


def pick_town(rng: random.Random, towns: list[Place]) -> Place:
    """Few towns get most reports: rank k has odds falling as k^-1.2."""
    return towns[min(int(rng.paretovariate(1.2)) - 1, len(towns) - 1)]


def towns_for(seed: int) -> list[Place]:
    rng = random.Random(seed)
    towns = gazetteer(rng)
    rng.shuffle(towns)
    return towns


def fill(store: Store, total_claims: int, seed: int) -> None:
    rng = random.Random(seed + 1)
    towns = towns_for(seed)
    n_docs = -(-total_claims // CLAIMS_PER_DOCUMENT)
    started = time.perf_counter()
    event_buffer: list[tuple[list[Claim], int]] = []
    with store._engine.begin() as connection:
        for table in (*EVENT_TABLES, claim_place_keys, claim_places, claims, documents):
            connection.execute(delete(table))
    for first in range(0, n_docs, CHUNK // CLAIMS_PER_DOCUMENT):
        rows: dict[str, list[dict]] = defaultdict(list)
        for d in range(first, min(n_docs, first + CHUNK // CLAIMS_PER_DOCUMENT)):
            doc_id = f"d_{d:012d}"
            document = Document(id=doc_id, text=f"Report {d}.", published_at="2026-02-02",
                                url=f"https://example.org/{d}", publisher="Example",
                                source=f"feed#{d}")
            home = pick_town(rng, towns)
            doc_claims = [synthetic_claim(rng, doc_id, p, towns, home)
                          for p in range(CLAIMS_PER_DOCUMENT)]
            doc_row, claim_rows = write.document_rows(
                document, Extraction(doc_id, doc_claims), "2026-02-02T00:00:00+00:00")
            rows["documents"].append(doc_row)
            rows["claims"].extend(claim_rows.claims)
            rows["claim_places"].extend(claim_rows.places)
            rows["claim_place_keys"].extend(claim_rows.keys)
            event_buffer.append((doc_claims, d))
        rows.update(events_from(event_buffer, rng))
        event_buffer.clear()
        with store._engine.begin() as connection:
            for table in (documents, claims, claim_places, claim_place_keys,
                          *reversed(EVENT_TABLES)):
                if rows[table.name]:
                    connection.execute(table.insert(), rows[table.name])
        done = min(n_docs, first + CHUNK // CLAIMS_PER_DOCUMENT) * CLAIMS_PER_DOCUMENT
        print(f"\r  {done:,} claims, {time.perf_counter() - started:.0f} s", end="", flush=True)
    print()


def events_from(batch: list[tuple[list[Claim], int]], rng: random.Random
                ) -> dict[str, list[dict]]:
    """One event per document's claims, with an estimate per outcome and group, as rows."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for doc_claims, d in batch:
        dated = [c.when for c in doc_claims if c.when]
        by_pair = defaultdict(list)
        for claim in doc_claims:
            by_pair[(claim.outcome, claim.victims.group)].append(claim)
        event = Event(
            id=f"e_{d:012d}", claims=[c.id for c in doc_claims],
            start=min((w.start for w in dated), default=None),
            end=max((w.end for w in dated), default=None),
            places=list({p.name: p for c in doc_claims for p in c.where}.values()),
            estimates=[Estimate(o, g, min(c.count.low for c in cs), max(c.count.best for c in cs),
                                max(c.count.high for c in cs), [c.id for c in cs])
                       for (o, g), cs in by_pair.items()],
            sources=1, independent_sources=0 if doc_claims[0].claimant.party_to_conflict else 1,
            status=rng.choice(("unverified", "single_source", "corroborated", "contested")))
        rows["events"].append(event_row(event, d))
        for name, child_rows in event_child_rows(event).items():
            rows[name].extend(child_rows)
        claimants = {c.id: (c.claimant.type, c.claimant.party_to_conflict) for c in doc_claims}
        rows["event_facets"].extend(event_facet_rows(event, claimants))
    return rows


def claim_queries(towns: list[Place]) -> dict[str, dict]:
    common, middling, rare = towns[0], towns[40], towns[1500]
    return {
        "no filter": {},
        "place = town, rank 1": {"place": common.name},
        "place = town, rank 41": {"place": middling.name},
        "place = town, rank 1501": {"place": rare.name},
        "place = admin2": {"place": middling.admin2},
        "place = admin1": {"place": middling.admin1},
        "place = country": {"place": common.country},
        "place = unknown name": {"place": "Atlantis"},
        "since 2025-01-01": {"since": "2025-01-01"},
        "since 2026-01-31 (few)": {"since": "2026-01-31"},
        "until 2020-06-30": {"until": "2020-06-30"},
        "since..until one month": {"since": "2023-03-01", "until": "2023-03-31"},
        "group = civilians": {"group": "civilians"},
        "outcome = missing": {"outcome": "missing"},
        "claimant_type = un (rare)": {"claimant_type": "un"},
        "party = False": {"party": False},
        "country + group + outcome": {"place": common.country, "group": "civilians",
                                      "outcome": "killed"},
        "admin1 + month": {"place": middling.admin1, "since": "2024-05-01",
                           "until": "2024-05-31"},
        "group + claimant un + year": {"group": "civilians", "claimant_type": "un",
                                       "since": "2025-01-01", "until": "2025-12-31"},
        "outcome missing + claimant un": {"outcome": "missing", "claimant_type": "un"},
        "rank-41 town + abducted": {"place": middling.name, "outcome": "abducted"},
        "media + party": {"claimant_type": "media", "party": True},
        "civilians + un + party": {"group": "civilians", "claimant_type": "un",
                                   "party": True},
        "country + media + party": {"place": common.country, "claimant_type": "media",
                                    "party": True},
        "country + un + not party": {"place": common.country, "claimant_type": "un",
                                     "party": False},
        "country + media + not party": {"place": common.country, "claimant_type": "media",
                                        "party": False},
    }


def event_queries(towns: list[Place]) -> dict[str, dict]:
    return {
        **claim_queries(towns),
        "status = contested": {"status": "contested"},
        "country + status confirmed": {"place": towns[0].country, "status": "confirmed"},
        "killed civilians + status": {"group": "civilians", "outcome": "killed",
                                      "status": "corroborated"},
    }


def time_listing(label: str, list_page, query: dict, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        page = list_page(limit=50, **query)
        times.append((time.perf_counter() - start) * 1000)
    print(f"  {label:32s} {statistics.median(times):8.1f} ms  (worst {max(times):7.1f})"
          f"  {len(page):3d} rows")
    return max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/tollwatch-bench.db")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=20260202)
    parser.add_argument("--reuse", action="store_true", help="time the database as it is")
    args = parser.parse_args(argv)
    if not args.reuse and "://" not in args.db:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
    store = Store(args.db)
    if not args.reuse:
        print(f"filling {args.db} with {args.claims:,} claims")
        fill(store, args.claims, args.seed)
        if store.url.get_backend_name() == "postgresql":
            # What autovacuum would soon do on a server; SQLite runs without statistics.
            with store._engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(text("VACUUM ANALYZE"))
    with store._engine.connect() as connection:
        counted = {t.name: connection.execute(select(func.count()).select_from(t)).scalar()
                   for t in (documents, claims, claim_places, events)}
    print("rows:", ", ".join(f"{name} {n:,}" for name, n in counted.items()))
    if "://" not in args.db:
        print(f"file: {os.path.getsize(args.db) / 1e6:,.0f} MB")
    worst = 0.0
    print("claims, first page of 50, newest first:")
    towns = towns_for(args.seed)
    for label, query in claim_queries(towns).items():
        worst = max(worst, time_listing(label, store.claims, query, args.repeat))
    print("events, first page of 50, newest first:")
    for label, query in event_queries(towns).items():
        worst = max(worst, time_listing(label, store.events, query, args.repeat))
    print(f"worst single run: {worst:.1f} ms")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
