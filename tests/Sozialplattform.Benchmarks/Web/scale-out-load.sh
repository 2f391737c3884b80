#!/usr/bin/env bash
# Scale-out figures (issue 19): three hosts of the platform on one PostgreSQL database behind Debian's nginx (round robin,
# no sticky sessions, the configuration of docs/DEPLOYMENT.md).
#   1. the portal load of portal-load.sh — one wizard page with 50 fields, rendered under wrk — through nginx with 1, 2
#      and 3 hosts in the upstream (nginx reloaded between runs; the hosts keep running), with the hosts' CPU time per
#      request from /proc beside wrk's figures;
#   2. whole applications per second with 2 hosts: citizens applying as a browser without JavaScript would (service
#      page, start, place, page, summary, submit; SubmissionsLoad.cs), counted by the client and in the database;
#   3. accepted submissions per second with 2 hosts, the final submit alone: <drafts> contact forms filled up to the
#      summary first, then their submits fired <submits at once> at a time (SubmitsLoad.cs), with the hosts' CPU per
#      accepted submit; the delivery afterwards measured on its own.
# Hosts 1 and 2 serve; host 3 also serves pages in part 1 and is the only one that runs the outbox dispatcher, so the
# CPU of requests (hosts 1 and 2) and of deliveries (host 3) can be told apart.
# Usage (from the repository root):
#   bash tests/Sozialplattform.Benchmarks/Web/scale-out-load.sh [seconds] [connections] [warm-up seconds] [citizens] [drafts] [submits at once]
# SOZIAL_PARTS="pages applications submits" (the default) chooses the parts. SOZIAL_TRACE=<file> traces host 1 during
# part 2, SOZIAL_TRACE_SUBMITS=<file> during part 3 (dotnet-trace; read with 'dotnet-trace report <file> topN -n 40 --inclusive').
# Needs wrk, nginx-light and PostgreSQL (. .ci/postgres.sh sets SOZIAL_TEST_POSTGRES). Everything runs on 127.0.0.1;
# the database and the temporary folder are removed at the end. SOZIAL_TRACE=<file> also records a trace of host 1's thread stacks
# during the submissions (dotnet-trace; read it with 'dotnet-trace report <file> topN -n 40 --inclusive').
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}; connections=${2:-32}; warmup=${3:-10}; citizens=${4:-16}; drafts=${5:-2000}; at_once=${6:-16}
parts=" ${SOZIAL_PARTS:-pages applications submits} "
[ -n "${SOZIAL_TEST_POSTGRES:-}" ] || { echo "SOZIAL_TEST_POSTGRES is not set: run '. .ci/postgres.sh' first"; exit 1; }
pg() { echo "$SOZIAL_TEST_POSTGRES" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print $2 }'; }
export PGHOST=$(pg Host) PGPORT=$(pg Port) PGUSER=$(pg Username) PGPASSWORD=$(pg Password)
database="sozial_scaleout_$$"
work=$(mktemp -d); hosts=(); nginx_pid=""
cleanup() {
  for pid in "${hosts[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  sleep 1; psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql -q -d postgres -c "CREATE DATABASE \"$database\"" >/dev/null

# The 50-field form of portal-load.sh, and the sample contact form for the submissions, both routed to a demo channel.
mkdir -p "$work/catalog/forms/fuenfzig/1.0.0" "$work/tenants/bench" "$work/nginx"
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
echo '{ "id": "bench", "name": "Last", "defaultLanguage": "de", "contact": { "email": "last@example.org" }, "staff": { "secondFactor": "off" } }' > "$work/tenants/bench/tenant.json"
echo '{ "authorities": [ { "id": "amt", "name": "Amt", "role": "amt", "address": ["Amt"], "channel": { "type": "demo", "options": {} } } ] }' > "$work/tenants/bench/authorities.json"
echo '{ "services": { "fuenfzig": "amt", "kontakt": "amt" }, "assignments": [ { "role": "amt", "postalCodes": ["01000-99999"], "authority": "amt" } ] }' > "$work/tenants/bench/routing.json"

dotnet build -c Release engine/Sozialplattform.Web -v q -nologo >/dev/null
dotnet build -c Release tests/Sozialplattform.Benchmarks -v q -nologo >/dev/null
key=$(head -c 32 /dev/urandom | base64)
start_host() { # $1: number, $2: port, $3: whether it runs the outbox dispatcher
  Sozialplattform__Storage__Provider=Postgres Sozialplattform__Storage__ConnectionString="$SOZIAL_TEST_POSTGRES;Database=$database" \
  Sozialplattform__Storage__EncryptionKey="$key" Sozialplattform__Storage__DataDirectory="$work/data-$1" \
  Sozialplattform__TenantsFolder="$work/tenants" Sozialplattform__Geo__CsvPath="" Sozialplattform__Portal__Tenant=bench \
  Sozialplattform__Portal__CatalogRoots__0="$PWD/samples" Sozialplattform__Portal__CatalogRoots__1="$work/catalog" \
  Sozialplattform__Portal__RunDispatcher=$3 Sozialplattform__Proxies__Trusted__0=127.0.0.1 \
  Sozialplattform__Portal__RateLimits__Starts=100000000 Sozialplattform__Portal__RateLimits__Saves=100000000 \
  ASPNETCORE_URLS="http://127.0.0.1:$2" \
    dotnet engine/Sozialplattform.Web/bin/Release/net10.0/Sozialplattform.Web.dll >"$work/host-$1.log" 2>&1 &
  hosts+=($!)
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$2/de" >/dev/null && return 0; sleep 0.3; done
  echo "host $1 did not start:"; cat "$work/host-$1.log"; exit 1
}
ports=(5111 5112 5113)
for i in 0 1 2; do start_host $((i + 1)) "${ports[$i]}" "$([ $i -eq 2 ] && echo true || echo false)"; done   # one after another: the first migrates

nport=5110; user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
nginx_conf() { # $1: how many hosts
  upstreams=""; for i in $(seq 0 $(($1 - 1))); do upstreams+="        server 127.0.0.1:${ports[$i]} max_fails=1 fail_timeout=2s;"$'\n'; done
  cat > "$work/nginx/nginx.conf" <<CONF
$user
worker_processes 1;
error_log $work/nginx/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
    map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
    upstream sozialplattform {
$upstreams        keepalive 16;
    }
    server {
        listen 127.0.0.1:$nport;
        client_max_body_size 30m;
        location / {
            proxy_pass http://sozialplattform;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
CONF
}
nginx_conf 1
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g "daemon off;" 2>>"$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$nport/de" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$nport"

cpu_of() { local total=0 v; for pid in "$@"; do v=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0); total=$((total + ${v:-0})); done; echo $total; }
ms_per() { awk -v t="$1" -v r="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (r > 0) printf "%.2f ms", t * 1000 / hz / r; else print "-" }'; }
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 1 2 3; do
  [[ "$parts" == *" pages "* ]] || continue
  nginx_conf "$n"; /usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s reload; sleep 2
  jar="$work/cookies-$n"; rm -f "$jar"
  t=$(curl -s -c "$jar" -b "$jar" "$base/de/leistungen/fuenfzig" | token)
  place=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "__RequestVerificationToken=$t" "$base/de/leistungen/fuenfzig/starten")
  t=$(curl -s -c "$jar" -b "$jar" "$place" | token)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$t" --data "ort=12345" "${place}/waehlen"
  page="${place%/ort}/seite/seite"
  cookie=$(awk '$6 ~ /^sp-/ { printf "%s=%s; ", $6, $7 }' "$jar")
  fields=$(curl -s -H "Cookie: $cookie" "$page" | grep -o 'data-path="feld[0-9]*"' | sort -u | wc -l)
  [ "$fields" -eq 50 ] || { echo "expected 50 fields on $page, got $fields"; exit 1; }
  [ "$warmup" -gt 0 ] && wrk -t2 -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "$page" >/dev/null
  active=("${hosts[@]:0:$n}")
  before=$(cpu_of "${active[@]}"); nginx_before=$(cpu_of "$nginx_pid" $(pgrep -P "$nginx_pid"))
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$page" > "$work/wrk-$n.txt"
  used=$(( $(cpu_of "${active[@]}") - before )); nginx_used=$(( $(cpu_of "$nginx_pid" $(pgrep -P "$nginx_pid")) - nginx_before ))
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk-$n.txt")
  echo "== $n host(s): $(grep 'Requests/sec' "$work/wrk-$n.txt" | tr -s ' '); $(grep -E '^ +(50|99)%' "$work/wrk-$n.txt" | tr -s ' ' | tr '\n' ' ')"
  echo "   $requests requests$(awk '/Non-2xx|Socket errors/ { printf ", %s", $0 }' "$work/wrk-$n.txt" | tr -s ' '); hosts' CPU per request: $(ms_per "$used" "$requests"), nginx: $(ms_per "$nginx_used" "$requests"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done

nginx_conf 2; /usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s reload; sleep 2
count() { psql -At -d "$database" -c "SELECT count(*) FROM submissions"; }
pending() { psql -At -d "$database" -c "SELECT count(*) FROM outbox WHERE \"Status\" IN ('Pending', 'Delivering')"; }
bench=tests/Sozialplattform.Benchmarks/bin/Release/net10.0/Sozialplattform.Benchmarks.dll
drain() { # waits until the outbox is delivered (at most 10 minutes)
  for _ in $(seq 1 1200); do [ "$(pending)" -eq 0 ] && return 0; sleep 0.5; done; echo "   outbox not drained: $(pending) pending"
}
if [[ "$parts" == *" applications "* ]]; then
echo "== submissions with 2 hosts, $citizens citizens at once (warm-up ${warmup}s, then ${seconds}s measured)"
[ "$warmup" -gt 0 ] && dotnet $bench submissions "$base" "$warmup" "$citizens" >/dev/null || true
drain; stored_before=$(count); before=$(cpu_of "${hosts[@]}")
# SOZIAL_TRACE=<file.nettrace>: a trace of host 1's thread stacks (sampled ~100 Hz) during the measured submissions (dotnet-trace).
if [ -n "${SOZIAL_TRACE:-}" ]; then
  PATH=$PATH:$HOME/.dotnet/tools dotnet-trace collect -p "${hosts[0]}" --profile dotnet-sampled-thread-time --duration 00:00:00:$((seconds > 15 ? 15 : seconds)) -o "$SOZIAL_TRACE" >"$SOZIAL_TRACE.log" 2>&1 </dev/null &
  tracer=$!
fi
dotnet $bench submissions "$base" "$seconds" "$citizens" | tee "$work/submissions.txt" || true
[ -n "${tracer:-}" ] && wait "$tracer" || true
stored=$(( $(count) - stored_before )); drain; used=$(( $(cpu_of "${hosts[@]}") - before ))
echo "   stored in the database meanwhile: $stored; hosts' CPU per accepted application (all 6 requests, the receipt page and the delivery, until the outbox is empty): $(ms_per "$used" "$stored"); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [[ "$parts" == *" submits "* ]]; then
echo "== the final submit alone, 2 hosts: $drafts drafts filled first, then submitted $at_once at once"
drain; stored_before=$(count)
[ "$warmup" -gt 0 ] && dotnet $bench submits "$base" $((drafts / 4)) "$at_once" "${hosts[@]:0:2}" >/dev/null || true
drain; stored_before=$(count); echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
before=$(cpu_of "${hosts[2]}")   # host 3 delivers (it serves no requests in this part); filling the drafts delivers nothing
# SOZIAL_TRACE_SUBMITS=<file.nettrace>: a trace of host 1 (dotnet-trace, sampled thread time) for 15 s from the first submit.
if [ -n "${SOZIAL_TRACE_SUBMITS:-}" ]; then
  export SOZIAL_BEFORE_SUBMITS="(PATH=\$PATH:\$HOME/.dotnet/tools dotnet-trace collect -p ${hosts[0]} --profile dotnet-sampled-thread-time --duration 00:00:00:15 -o '$SOZIAL_TRACE_SUBMITS' >'$SOZIAL_TRACE_SUBMITS.log' 2>&1 </dev/null &); sleep 3"
fi
dotnet $bench submits "$base" "$drafts" "$at_once" "${hosts[@]:0:2}" | tee "$work/submits.txt" || true
[ -n "${SOZIAL_TRACE_SUBMITS:-}" ] && { unset SOZIAL_BEFORE_SUBMITS; sleep 16; } || true   # the trace ends on its own
stored=$(( $(count) - stored_before ))
echo "   stored in the database: $stored; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N); drain
echo "   delivery (host 3's dispatcher, demo channel, during and after the submits): $(ms_per "$(( $(cpu_of "${hosts[2]}") - before ))" "$stored") of CPU per submission; outbox empty $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f s", e - s }') after the last submit"
fi
