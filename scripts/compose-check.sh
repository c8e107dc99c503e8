#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (issue 14): `docker compose config` (v2
# plugin) or `docker-compose config` (v1, Debian's docker-compose package) must
#   1. refuse the file while a secret is missing, naming it, and
#   2. accept it once every secret is set, with two portal nodes, PostgreSQL and the proxy.
# Exit status 0 when both hold. Needs no daemon: `config` only parses and interpolates.
set -euo pipefail
cd "$(dirname "$0")/.."

if docker compose version >/dev/null 2>&1; then
	compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
	compose=(docker-compose)
else
	echo "neither 'docker compose' nor 'docker-compose' is installed (apt-get install docker-compose)" >&2
	exit 2
fi
echo "using: ${compose[*]} ($("${compose[@]}" version --short 2>/dev/null || "${compose[@]}" version | head -1))"

secrets=(PORTAL_DB_PASSWORD PORTAL_ADMIN_PASSWORD PORTAL_DATA_KEY PORTAL_PUBLIC_BASE_URL)
declare -A values=([PORTAL_DB_PASSWORD]=db-secret [PORTAL_ADMIN_PASSWORD]=admin-secret
	[PORTAL_DATA_KEY]=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= [PORTAL_PUBLIC_BASE_URL]=https://portal.example)

for missing in "${secrets[@]}"; do
	args=()
	for s in "${secrets[@]}"; do
		[ "$s" = "$missing" ] || args+=("$s=${values[$s]}")
	done
	if out=$(env -u "$missing" "${args[@]}" "${compose[@]}" config -q 2>&1); then
		echo "FAIL: the file is accepted without $missing" >&2
		exit 1
	fi
	grep -q "$missing" <<<"$out" || { echo "FAIL: the refusal does not name $missing: $out" >&2; exit 1; }
	echo "ok: refused without $missing"
done

args=()
for s in "${secrets[@]}"; do args+=("$s=${values[$s]}"); done
services=$(env "${args[@]}" "${compose[@]}" config --services | sort | tr '\n' ' ')
[ "$services" = "portal-a portal-b postgres proxy " ] || { echo "FAIL: services are: $services" >&2; exit 1; }
echo "ok: valid with every secret set; services: $services"
