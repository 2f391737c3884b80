#!/usr/bin/env bash
# Two hosts of the platform on one PostgreSQL database behind Debian's nginx (round robin, no sticky sessions): citizens'
# journeys, a caseworker's and an author's sessions alternate between the hosts, an author publishes a form in the
# designer's editor through nginx (Chromium; the circuit's WebSocket) and both hosts serve it, one host is killed with
# SIGKILL under load and restarted, and every receipt is checked to be stored and delivered exactly once
# (MultiHostTests). Needs nginx-light, chromium and PostgreSQL (apt-get); from the
# repository root: bash tests/Sozialplattform.CrashTests/multi-host.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/postgres.sh
dotnet build tests/Sozialplattform.CrashTests -v q -nologo
dotnet test tests/Sozialplattform.CrashTests --no-build --filter "FullyQualifiedName~MultiHostTests" --logger "console;verbosity=normal"
