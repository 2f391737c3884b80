#!/usr/bin/env bash
# Load harness for the online counselling (issue 16): a real portal (Release, Kestrel on 127.0.0.1) with one centre that
# offers online counselling and ten counsellors (imported and granted their role through the CLI), then the benchmarks'
# console mode counselling-live: 500 seekers register and write an enquiry through the pages, the counsellors sign in
# (password + second factor) and take them, 1,000 SignalR connections over WebSockets follow their conversations (each
# seeker, and a counsellor's tab per conversation) through the hub's access checks; replies are posted from both sides and
# timed until the counterpart's connection hears "changed" (target p99 ≤ 100 ms); then a conversation of 500 messages,
# its page requested one after another on both sides (target ≤ 20 ms). Usage (from the repository root):
#   bash tests/Sozialplattform.Benchmarks/Web/counselling-load.sh [connections] [posts] [page requests]
# The portal's CPU time (from /proc) is printed beside the times: on a shared machine it varies far less than latency.
# The rate limits are lifted for the run (every client shares 127.0.0.1); the temporary folder is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."
connections=${1:-1000}; posts=${2:-1000}; requests=${3:-300}; at_once=${4:-10}; port=5093
geo=../shared/data/geo/zipcodes.de.csv
[ -f "$geo" ] || { echo "no postal-code data at $geo"; exit 1; }
work=$(mktemp -d); portal=""; trap '[ -n "$portal" ] && kill $portal 2>/dev/null; rm -rf "$work"' EXIT

mkdir -p "$work/catalog" "$work/tenants/bench"
echo '{ "name": { "de": "Last" }, "topics": [ { "id": "last", "title": { "de": "Last" } } ] }' > "$work/catalog/catalog.json"
echo '{ "id": "bench", "name": "Last", "defaultLanguage": "de", "contact": { "email": "last@example.org" } }' > "$work/tenants/bench/tenant.json"
echo '{ "authorities": [ { "id": "amt", "name": "Amt", "role": "amt", "address": ["Amt"], "channel": { "type": "demo", "options": {} } } ] }' > "$work/tenants/bench/authorities.json"
echo '{ "services": {}, "assignments": [] }' > "$work/tenants/bench/routing.json"
cat > "$work/centres.json" <<'JSON'
{ "centres": [ {
  "externalId": "online-1", "carrier": { "key": "traeger-1", "name": "Träger 1" }, "name": { "de": "Schuldnerberatung Online" },
  "address": { "street": "Chatweg 1", "postalCode": "50667", "city": "Köln" }, "phone": "+49 221 123456", "email": "online@example.org",
  "ways": ["onSite", "chat"], "offers": [ { "topic": "schuldnerberatung", "catchment": { "postalCodes": ["50667"] } } ] } ] }
JSON

dotnet build -c Release engine/Sozialplattform.Web -v q -nologo >/dev/null
dotnet build -c Release engine/Sozialplattform.Cli -v q -nologo >/dev/null
dotnet build -c Release tests/Sozialplattform.Benchmarks -v q -nologo >/dev/null
sozial() { dotnet engine/Sozialplattform.Cli/bin/Release/net10.0/sozial.dll "$@" --tenant bench --data "$work/data"; }
sozial centres import "$work/centres.json" --tenants "$work/tenants" --geo "$geo" | tail -1
for i in $(seq 0 9); do
  SOZIAL_CENTRE_PASSWORD=Benchmark-Beratung-2026 sozial centre-account add "berater-$i" --centre online-1 >/dev/null
  sozial centre-account role "berater-$i" --centre online-1 --counsellor >/dev/null
done

Sozialplattform__Storage__DataDirectory="$work/data" Sozialplattform__TenantsFolder="$work/tenants" Sozialplattform__Geo__CsvPath="$geo" \
Sozialplattform__Portal__Tenant=bench Sozialplattform__Portal__CatalogRoots__0="$work/catalog" Sozialplattform__Portal__RunDispatcher=false \
Sozialplattform__Counselling__RegistrationsPerHour=1000000 Sozialplattform__Counselling__LoginsPerMinute=1000000 \
Sozialplattform__Counselling__MessagesPerMinute=1000000 Sozialplattform__Counselling__MessagesPerAccountPerHour=1000000 \
ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  env Logging__LogLevel__Microsoft.AspNetCore.Antiforgery=Error dotnet engine/Sozialplattform.Web/bin/Release/net10.0/Sozialplattform.Web.dll >"$work/portal.log" 2>&1 &
portal=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/de" >/dev/null && break; sleep 0.3; done
curl -sf "http://127.0.0.1:$port/de" >/dev/null || { echo "the portal did not start:"; cat "$work/portal.log"; exit 1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
dotnet tests/Sozialplattform.Benchmarks/bin/Release/net10.0/Sozialplattform.Benchmarks.dll counselling-live "http://127.0.0.1:$port" "$portal" "$connections" "$posts" "$requests" "$at_once" \
  || { echo "portal log:"; tail -50 "$work/portal.log"; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
