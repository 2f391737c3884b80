#!/usr/bin/env bash
# Load harness for the Beratungsstellenfinder's results page: 20,000 generated centres (≈ 50,000 offers) imported through
# the CLI, then wrk against /de/beratungsstellen with place + topic + radius (the issue's target: ≥ 1,000 requests/s at
# p99 ≤ 50 ms). Usage (from the repository root):
#   bash tests/Sozialplattform.Benchmarks/Web/finder-load.sh [seconds] [connections] [warm-up seconds]
# Needs wrk (apt-get install -y wrk) and the postal-code data at ../shared/data/geo/zipcodes.de.csv (real postal codes,
# Kreise and positions for the generated centres). Everything runs on 127.0.0.1; the temporary folder is removed at the
# end. As in portal-load.sh, a warm-up run (not measured) comes first, and the portal's CPU time per request (from /proc)
# is printed beside wrk's figures, because on a shared machine it varies far less than requests/s.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}; connections=${2:-32}; warmup=${3:-20}; port=5092; centres=20000
geo=../shared/data/geo/zipcodes.de.csv
[ -f "$geo" ] || { echo "no postal-code data at $geo"; exit 1; }
work=$(mktemp -d); portal=""; trap '[ -n "$portal" ] && kill $portal 2>/dev/null; rm -rf "$work"' EXIT

mkdir -p "$work/catalog" "$work/tenants/bench"
echo '{ "name": { "de": "Last" }, "topics": [ { "id": "last", "title": { "de": "Last" } } ] }' > "$work/catalog/catalog.json"
echo '{ "id": "bench", "name": "Last", "defaultLanguage": "de", "contact": { "email": "last@example.org" } }' > "$work/tenants/bench/tenant.json"
echo '{ "authorities": [ { "id": "amt", "name": "Amt", "role": "amt", "address": ["Amt"], "channel": { "type": "demo", "options": {} } } ] }' > "$work/tenants/bench/authorities.json"
echo '{ "services": {}, "assignments": [] }' > "$work/tenants/bench/routing.json"
echo '{ "hotlines": [ { "topic": "suchtberatung", "name": { "de": "Sucht & Drogen Hotline" }, "phone": "01806 313031" } ] }' > "$work/tenants/bench/centres.json"

# The directory: centres at real postal codes all over Germany (positions from the postal codes), 2–3 offers each (topics of the built-in taxonomy);
# catchments as real directories have them: a postal region (50000-50999), a Kreis of the data, or — one in twenty — online.
python3 - "$geo" "$work/centres.json" "$centres" <<'PY'
import csv, json, random, sys
random.seed(14)
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if len(r["zipcode"]) == 5 and len(r["community_code"]) == 5]
kreise = sorted({r["community_code"] for r in rows})
regions = sorted({r["zipcode"][:2] for r in rows})
topics = ["schuldnerberatung", "insolvenzberatung", "suchtberatung", "sucht-alkohol", "sucht-gluecksspiel", "wohnungsnotfallhilfe"]
out = []
for i in range(int(sys.argv[3])):
    at = random.choice(rows)
    offers = []
    for k in range(3 if i % 2 == 0 else 2):
        kind, region = (i + k) % 20, random.choice(regions)
        catchment = {"online": True} if kind == 0 else {"kreise": [random.choice(kreise)]} if kind < 10 else {"postalCodes": [f"{region}000-{region}999"]}
        offers.append({"topic": topics[(i + k) % len(topics)], "catchment": catchment})
    out.append({
        "externalId": f"last-{i}", "carrier": {"key": f"traeger-{i % 300}", "name": f"Träger {i % 300}"},
        "name": {"de": f"Beratungsstelle {i}"},
        "address": {"street": f"Straße {i}", "postalCode": at["zipcode"], "city": at["place"][:100]},
        "phone": "+49 221 123456", "languages": ["de", "tr"] if i % 5 == 0 else ["de"], "ways": ["onSite", "phone"],
        "openingHours": {"weekly": [{"day": "monday", "opens": "09:00", "closes": "12:00"}, {"day": "thursday", "opens": "14:00", "closes": "17:00"}]},
        "offers": offers,
    })
json.dump({"centres": out}, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

dotnet build -c Release engine/Sozialplattform.Web -v q -nologo >/dev/null
dotnet build -c Release engine/Sozialplattform.Cli -v q -nologo >/dev/null
started=$(date +%s)
dotnet engine/Sozialplattform.Cli/bin/Release/net10.0/sozial.dll centres import "$work/centres.json" --tenant bench --tenants "$work/tenants" --geo "$geo" --data "$work/data" \
  >"$work/import.txt" 2>&1 || { echo "the import refused entries:"; grep refused "$work/import.txt" | head -20; exit 1; }
tail -1 "$work/import.txt"
echo "import: $(( $(date +%s) - started )) s"

Sozialplattform__Storage__DataDirectory="$work/data" Sozialplattform__TenantsFolder="$work/tenants" Sozialplattform__Geo__CsvPath="$geo" \
Sozialplattform__Portal__Tenant=bench Sozialplattform__Portal__CatalogRoots__0="$work/catalog" Sozialplattform__Portal__RunDispatcher=false \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet engine/Sozialplattform.Web/bin/Release/net10.0/Sozialplattform.Web.dll >"$work/portal.log" 2>&1 &
portal=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/de" >/dev/null && break; sleep 0.3; done
curl -sf "http://127.0.0.1:$port/de" >/dev/null || { echo "the portal did not start:"; cat "$work/portal.log"; exit 1; }

page="http://127.0.0.1:$port/de/beratungsstellen?ort=50667&thema=suchtberatung&umkreis=50"
results=$(curl -sf "$page" | grep -c 'class="centre-list__item' || true)
echo "page: $page ($results results on the first page; the first request built the index)"
[ "$results" -gt 0 ] || { echo "expected results"; curl -s "$page" | head -50; exit 1; }

cpu() { awk '{ print $14 + $15 }' "/proc/$portal/stat"; }
echo "warm-up: ${warmup}s (not measured); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$warmup" -gt 0 ] && wrk -t2 -c"$connections" -d"${warmup}s" "$page" >/dev/null
before=$(cpu)
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$page" | tee "$work/wrk.txt"
used=$(( $(cpu) - before )); requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
echo "portal CPU per request: $(awk -v t="$used" -v r="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f ms", t * 1000 / hz / r }') (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
