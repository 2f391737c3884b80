#!/usr/bin/env bash
# Load harness for the portal's server-side rendering: one wizard step with 50 fields, rendered under load by wrk.
# Usage (from the repository root): bash tests/Sozialplattform.Benchmarks/Web/portal-load.sh [seconds] [connections] [warm-up seconds]
# Needs wrk (apt-get install -y wrk). Everything runs on 127.0.0.1; the temporary folder is removed at the end.
# The portal runs with its shipped settings (logging included). A warm-up run (not measured) lets the tiered JIT
# finish before the measured run; the portal's CPU time per request (from /proc) is printed beside wrk's figures,
# because on this shared machine it varies far less than requests/s.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}; connections=${2:-32}; warmup=${3:-20}; port=5091
work=$(mktemp -d); trap 'kill $portal 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/catalog/forms/fuenfzig/1.0.0" "$work/tenants/bench"
echo '{ "name": { "de": "Last" }, "topics": [ { "id": "last", "title": { "de": "Last" } } ] }' > "$work/catalog/catalog.json"
python3 - "$work/catalog/forms/fuenfzig/1.0.0/form.json" <<'PY'
import json, sys
types = ["text", "integer", "money", "date", "email", "yesNo", "choice", "textarea", "phone", "postalCode"]
items = []
for i in range(50):
    t = types[i % len(types)]
    item = {"key": f"feld{i}", "type": t, "label": {"de": f"Feld {i}", "en": f"Field {i}"}, "required": i % 3 == 0}
    if t == "choice": item["options"] = [{"code": c, "label": {"de": c}} for c in ["a", "b", "c"]]
    if i % 10 == 5: item["visibleIf"] = f"feld{i-1} !== 'x'"
    items.append(item)
form = {"id": "fuenfzig", "version": "1.0.0", "status": "published", "languages": ["de", "en"], "title": {"de": "Fünfzig Felder"},
        "topic": "last", "pages": [{"id": "seite", "title": {"de": "Seite mit 50 Feldern"}, "items": items}]}
json.dump(form, open(sys.argv[1], "w"))
PY
echo '{ "id": "bench", "name": "Last", "defaultLanguage": "de", "contact": { "email": "last@example.org" } }' > "$work/tenants/bench/tenant.json"
echo '{ "authorities": [ { "id": "amt", "name": "Amt", "role": "amt", "address": ["Amt"], "channel": { "type": "demo", "options": {} } } ] }' > "$work/tenants/bench/authorities.json"
echo '{ "services": { "fuenfzig": "amt" }, "assignments": [ { "role": "amt", "postalCodes": ["01000-99999"], "authority": "amt" } ] }' > "$work/tenants/bench/routing.json"

dotnet build -c Release engine/Sozialplattform.Web -v q -nologo >/dev/null
Sozialplattform__Storage__DataDirectory="$work/data" Sozialplattform__TenantsFolder="$work/tenants" Sozialplattform__Geo__CsvPath="" \
Sozialplattform__Portal__Tenant=bench Sozialplattform__Portal__CatalogRoots__0="$work/catalog" Sozialplattform__Portal__RunDispatcher=false \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet engine/Sozialplattform.Web/bin/Release/net10.0/Sozialplattform.Web.dll >"$work/portal.log" 2>&1 &
portal=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/de" >/dev/null && break; sleep 0.3; done
curl -sf "http://127.0.0.1:$port/de" >/dev/null || { echo "the portal did not start:"; cat "$work/portal.log"; exit 1; }

# Start an application as a browser would: service page (antiforgery cookie + token) → start → place.
jar="$work/cookies"; base="http://127.0.0.1:$port"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -s -c "$jar" -b "$jar" "$base/de/leistungen/fuenfzig" | token)
place=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "__RequestVerificationToken=$t" "$base/de/leistungen/fuenfzig/starten")
t=$(curl -s -c "$jar" -b "$jar" "$place" | token)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$t" --data "ort=12345" "${place}/waehlen"
page="${place%/ort}/seite/seite"
cookie=$(awk '$6 ~ /^sp-/ { printf "%s=%s; ", $6, $7 }' "$jar")
fields=$(curl -s -H "Cookie: $cookie" "$page" | grep -o 'data-path="feld[0-9]*"' | sort -u | wc -l)
echo "page: $page ($fields fields rendered)"
[ "$fields" -eq 50 ] || { echo "expected 50 fields"; exit 1; }

cpu() { awk '{ print $14 + $15 }' "/proc/$portal/stat"; }
echo "warm-up: ${warmup}s (not measured); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$warmup" -gt 0 ] && wrk -t2 -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "$page" >/dev/null
before=$(cpu)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$page" | tee "$work/wrk.txt"
used=$(( $(cpu) - before )); requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
echo "portal CPU per request: $(awk -v t="$used" -v r="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f ms", t * 1000 / hz / r }') (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
