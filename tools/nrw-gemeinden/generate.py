#!/usr/bin/env python3
"""Writes the Gemeinden of the nrw tenant and their AsylbLG and WBS offices.

    python3 tools/nrw-gemeinden/generate.py ../shared/data/geo/zipcodes.de.csv

Reads gemeinden-nrw.csv (every NRW Gemeinde with its AGS, from the MietNEinV annex), staedte-nrw.csv (which of them are
Städte, and which are Große or Mittlere kreisangehörige Städte) and the GeoNames postal codes by path; writes
forms-catalog/tenants/nrw/municipalities.json and the generated part of routing.json and authorities.json. Kreis Borken
(05554) is kept as written by hand (it delegates Sozialhilfe to its Gemeinden); every other Kreis is generated.
Prints every Gemeinde with no postal code and every postal code of a Kreis that matched no Gemeinde. Sources and the
hand-made decisions: README.md next to this file.
"""

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TENANT = HERE.parent.parent / "forms-catalog" / "tenants" / "nrw"
HAND_MADE_KREISE = {"05554"}  # Kreis Borken: offices and assignments written by hand

# GeoNames place names that name no Gemeinde of their Kreis by themselves (checked by hand, see README.md).
PLACE_ALIASES = {
    ("05154", "Emmerich"): "Emmerich am Rhein",
    ("05978", "Fröndenberg"): "Fröndenberg/Ruhr",
    ("05158", "Monheim am Rhein Baumberg"): "Monheim am Rhein",
    ("05158", "Monheim am Rhein Monheim"): "Monheim am Rhein",
}

# Postal codes of a Gemeinde that GeoNames lists under another place only (see README.md).
EXTRA_POSTAL_CODES = {}

OWN_WOHNUNGSAMT = {"Große kreisangehörige Stadt", "Mittlere kreisangehörige Stadt", "Stadt Aachen"}


def ars_of(ags):
    """NRW has no Gemeindeverbände: Kreis + 0 + the 3-digit Gemeinde number twice (Bocholt 05554008 → 055540008008)."""
    return ags[:5] + "0000000" if ags.endswith("000") else ags[:5] + "0" + ags[5:] + ags[5:]


def plain_name(name):
    return name.removesuffix(", Stadt")


def key(name):
    name = plain_name(name).lower().replace("ß", "ss")
    name = re.sub(r"\s*\(.*?\)", "", name)
    return re.sub(r"[,/].*$", "", name).strip()


def slug(name):
    text = plain_name(name).lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = re.sub(r"\s*\(.*?\)", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_gemeinden():
    with open(HERE / "gemeinden-nrw.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    with open(HERE / "staedte-nrw.csv", encoding="utf-8") as f:
        art = {r["ags"]: r["art"] for r in csv.DictReader(f, delimiter=";")}
    return [{"ags": r["ags"], "ars": ars_of(r["ags"]), "name": plain_name(r["name"]), "kreis": r["ags"][:5],
             "art": art.get(r["ags"], "Gemeinde")} for r in rows]


def match(place, candidates):
    """The Gemeinde a GeoNames place names: the same name, else the longest Gemeinde name the place starts with."""
    exact = [g for g in candidates if key(g["name"]) == key(place)]
    if exact:
        return exact[0]
    starts = [g for g in candidates if key(place).startswith(key(g["name"]) + " ")]
    return max(starts, key=lambda g: len(g["name"]), default=None)


def postal_codes(gemeinden, geonames):
    by_kreis = collections.defaultdict(list)
    for g in gemeinden:
        by_kreis[g["kreis"]].append(g)
    codes = collections.defaultdict(set)
    unmatched = []
    with open(geonames, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            kreis = row["community_code"]
            # Large-customer codes (a company or an office as place) carry the Land's number, not its abbreviation.
            if not kreis.startswith("05") or row["state_code"] != "NW" or len(by_kreis[kreis]) < 2:
                continue
            alias = PLACE_ALIASES.get((kreis, row["place"]))
            found = next(g for g in by_kreis[kreis] if g["name"] == alias) if alias else match(row["place"], by_kreis[kreis])
            if found is None:
                unmatched.append((kreis, row["zipcode"], row["place"]))
            else:
                codes[found["ars"]].add(row["zipcode"])
    for ars, extra in EXTRA_POSTAL_CODES.items():
        codes[ars].update(extra)
    # Kreis Borken's lists were written by hand and also name each Stadt's large-customer codes: they stay.
    current = json.loads((TENANT / "municipalities.json").read_text(encoding="utf-8"))["municipalities"]
    for m in current:
        if m["ars"][:5] in HAND_MADE_KREISE:
            codes[m["ars"]].update(m.get("postalCodes", []))
    return codes, unmatched


def municipalities(gemeinden, codes):
    lines = []  # one Gemeinde per line
    for g in sorted(gemeinden, key=lambda g: g["ars"]):
        entry = {"ars": g["ars"], "name": g["name"]}
        if g["art"] != "kreisfreie Stadt":
            entry["postalCodes"] = sorted(codes.get(g["ars"], []))
        lines.append("    " + one_line(entry))
    return ('{\n  "$schema": "../../../schemas/tenant-municipalities.schema.json",\n  "municipalities": [\n'
            + ",\n".join(lines) + "\n  ]\n}\n")


def office(id_, kind, g, unit):
    body = f"{kind} {g['name']}"
    return {"id": id_, "name": f"{body} – {unit}", "role": None, "address": [body, unit, g["name"]],
            "contact": {"email": f"{id_.split('-')[0]}@{slug(g['name'])}.example"},
            "channel": {"type": "inbox", "options": {}}}


def generated(gemeinden):
    """The offices and assignments of the generated Kreise: AsylbLG at every Gemeinde, the WBS at the Städte with their own Wohnungsamt."""
    authorities, assignments = [], []
    for g in gemeinden:
        if g["art"] == "kreisfreie Stadt" or g["kreis"] in HAND_MADE_KREISE:
            continue
        kind = "Gemeinde" if g["art"] == "Gemeinde" else "Stadt"
        social = office(f"soziales-{slug(g['name'])}", kind, g, "Fachbereich Soziales" if kind == "Stadt" else "Sozialamt")
        social["role"] = "asylbewerberleistungen"
        authorities.append(social)
        assignments.append({"role": "asylbewerberleistungen", "ars": g["ars"], "authority": social["id"]})
        if g["art"] in OWN_WOHNUNGSAMT:
            housing = office(f"wohnungsamt-{slug(g['name'])}", "Stadt", g, "Wohnungsamt")
            housing["role"] = "wohnungsamt"
            authorities.append(housing)
            assignments.append({"role": "wohnungsamt", "ars": g["ars"], "authority": housing["id"]})
    return authorities, assignments


def one_line(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def routing_text(routing, assignments):
    """routing.json in its hand-written style: services one per line, each answer rule and assignment on one line."""
    parts = []
    for name, value in routing.items():
        if isinstance(value, list):
            items = ",\n".join("    " + one_line(v) for v in value)
            parts.append(f'  "{name}": [\n{items}\n  ]')
        elif isinstance(value, dict):
            items = ",\n".join(f"    {one_line(k)}: {one_line(v)}" for k, v in value.items())
            parts.append(f'  "{name}": {{\n{items}\n  }}')
        else:
            parts.append(f'  "{name}": {one_line(value)}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_routing_and_authorities(gemeinden):
    listed_kreise = {g["kreis"] for g in gemeinden if g["art"] != "kreisfreie Stadt"}
    generated_kreise = listed_kreise - HAND_MADE_KREISE
    new_authorities, new_assignments = generated(gemeinden)
    new_ids = {a["id"] for a in new_authorities}

    routing_path = TENANT / "routing.json"
    routing = json.loads(routing_path.read_text(encoding="utf-8"))

    def kept(a):
        ars = a.get("ars", "")
        if len(ars) == 12 and ars[:5] in generated_kreise:
            return False
        # AsylbLG is the Gemeinde's in every Kreis whose Gemeinden are listed: never the Kreis's Sozialamt.
        return not (a.get("role") == "asylbewerberleistungen" and ars in listed_kreise)

    routing["assignments"] = assignments = [a for a in routing["assignments"] if kept(a)] + new_assignments
    routing_path.write_text(routing_text(routing, assignments), encoding="utf-8")

    authorities_path = TENANT / "authorities.json"
    document = json.loads(authorities_path.read_text(encoding="utf-8"))
    referenced = {a["authority"] for a in assignments}
    old = [a for a in document["authorities"] if a["id"] not in new_ids and a["id"] in referenced]
    document["authorities"] = old + new_authorities
    authorities_path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(document["authorities"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("geonames", help="the GeoNames postal codes (zipcodes.de.csv)")
    args = parser.parse_args()

    gemeinden = read_gemeinden()
    if len(gemeinden) != 396 or len({g["ars"] for g in gemeinden}) != 396:
        sys.exit(f"gemeinden-nrw.csv: expected 396 Gemeinden with distinct keys, found {len(gemeinden)}")
    slugs = collections.Counter(slug(g["name"]) for g in gemeinden)
    if any(n > 1 for n in slugs.values()):
        sys.exit(f"two Gemeinden would share an office id: {[s for s, n in slugs.items() if n > 1]}")

    codes, unmatched = postal_codes(gemeinden, args.geonames)
    (TENANT / "municipalities.json").write_text(municipalities(gemeinden, codes), encoding="utf-8")
    count = write_routing_and_authorities(gemeinden)

    without = [g for g in gemeinden if g["art"] != "kreisfreie Stadt" and not codes.get(g["ars"])]
    for g in without:
        print(f"no postal code: {g['ars']} {g['name']}")
    for kreis, code, place in unmatched:
        print(f"postal code matched to no Gemeinde: {kreis} {code} {place}")
    shared = collections.Counter(c for cs in codes.values() for c in cs)
    print(f"{len(gemeinden)} Gemeinden, {sum(n > 1 for n in shared.values())} postal codes in several Gemeinden, {count} authorities")
    return 1 if without or unmatched else 0


if __name__ == "__main__":
    sys.exit(main())
