#!/usr/bin/env bash
# The production build as an operator runs it, from a directory holding `dist/` and the
# production dependencies only (`npm ci --omit=dev`): the built API on embedded PostgreSQL
# (create and read a task with the administrator token its first start prints), then on
# PostgreSQL with `ADMIN_TOKEN` and its dispatcher off next to the built worker, which delivers
# a reminder scheduled through the API; each stops cleanly on SIGTERM.
# Usage: tools/smoke-dist.sh <directory>; DATABASE_URL names a PostgreSQL server (a fresh
# database is created on it and dropped).
set -euo pipefail

# A JSON body re-serialized without spaces (PostgreSQL writes `"key" : value`), to grep it.
compact_json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s))))'; }
DIR="$(cd "$1" && pwd)"
: "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL server}"
API_PORT="${SMOKE_PORT:-3124}"
WORKER_PORT="$((API_PORT + 1))"
BASE="http://127.0.0.1:${API_PORT}"
LOG="$(mktemp)"
PIDS=()

fail() { echo "smoke-dist: $1"; cat "$LOG"; exit 1; }

wait_ready() { # url pid
  local started=$SECONDS
  until curl -fsS "$1" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || fail "a process exited before it was ready"
    (( SECONDS - started > 60 )) && fail "not ready after 60 s: $1"
    sleep 0.2
  done
}

stop() { # pid name: SIGTERM, then a clean exit (status 0) within 30 s
  local pid=$1 name=$2 stopping=$SECONDS
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    (( SECONDS - stopping > 30 )) && { kill -KILL "$pid"; fail "$name did not stop within 30 s"; }
    sleep 0.2
  done
  wait "$pid" || fail "$name exited with $? on SIGTERM"
  echo "smoke-dist: $name stopped cleanly in $(( SECONDS - stopping )) s"
}

cleanup() { for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

cd "$DIR"
[[ ! -e node_modules/.bin/nx ]] || fail "devDependencies are installed in $DIR"

# 1. The API alone, on embedded PostgreSQL.
started=$(date +%s%N)
env -u DATABASE_URL PORT="$API_PORT" PGLITE_DATA_DIR="$(mktemp -d)/data" LOG_LEVEL=warn \
  node dist/apps/api/main.js >>"$LOG" 2>&1 &
api=$!; PIDS+=("$api")
wait_ready "$BASE/health/ready" "$api"
echo "smoke-dist: built API ready on embedded PostgreSQL in $(( ($(date +%s%N) - started) / 1000000 )) ms"
printed="$(grep -o 'tapi_[A-Za-z0-9_-]\{43\}' "$LOG" | head -n 1 || true)"
[[ -n "$printed" ]] || fail "the first start printed no administrator token"
id="$(curl -fsS -X POST "$BASE/tasks" -H "Authorization: Bearer $printed" -H 'content-type: application/json' -d '{"title":"From dist"}' \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')"
grep -q '"title":"From dist"' <<<"$(curl -fsS -H "Authorization: Bearer $printed" "$BASE/tasks/$id" | compact_json)" || fail "the task was not read back"
stop "$api" "the API (embedded)"

# 2. API (dispatcher off) and worker on PostgreSQL.
db="smoke_dist_$(date +%s)_$$"
server_query() { node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.argv[1] });
  c.connect().then(() => c.query(process.argv[2])).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
' "$DATABASE_URL" "$1"; }
server_query "CREATE DATABASE \"$db\""
trap 'cleanup; server_query "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true' EXIT
url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$db")"

# One administrator's token for both processes, as an operator sets it (Prometheus uses it too).
export ADMIN_TOKEN="$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
auth=(-H "Authorization: Bearer $ADMIN_TOKEN")
DATABASE_URL="$url" PORT="$API_PORT" REMINDERS_DISPATCHER_ENABLED=false LOG_LEVEL=warn \
  node dist/apps/api/main.js >>"$LOG" 2>&1 &
api=$!; PIDS+=("$api")
wait_ready "$BASE/health/ready" "$api"
started=$(date +%s%N)
DATABASE_URL="$url" WORKER_PORT="$WORKER_PORT" REMINDERS_POLL_INTERVAL_MS=100 LOG_LEVEL=warn \
  node dist/apps/worker/main.js >>"$LOG" 2>&1 &
worker=$!; PIDS+=("$worker")
wait_ready "http://127.0.0.1:${WORKER_PORT}/health/ready" "$worker"
echo "smoke-dist: built worker ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"

task="$(curl -fsS -X POST "$BASE/tasks" "${auth[@]}" -H 'content-type: application/json' -d '{"title":"Remind me"}' \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')"
at="$(node -e 'console.log(new Date(Date.now() + 1000).toISOString())')"
reminder="$(curl -fsS -X POST "$BASE/tasks/$task/reminders" "${auth[@]}" -H 'content-type: application/json' -d "{\"remindAt\":\"$at\"}" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).id))')"
waited=$SECONDS
until curl -fsS "${auth[@]}" "$BASE/reminders/$reminder" | compact_json | grep -q '"status":"delivered"'; do
  (( SECONDS - waited > 30 )) && fail "the worker did not deliver the reminder within 30 s"
  sleep 0.2
done
echo "smoke-dist: the worker delivered reminder $reminder"
grep -q '^reminders_deliveries_total{outcome="delivered"} 1' <<<"$(curl -fsS "${auth[@]}" "http://127.0.0.1:${WORKER_PORT}/metrics")" \
  || fail "the worker's metrics do not count the delivery"
grep -q '^http_request_duration_seconds_count{method="POST",route="/tasks",status="201"} 1' <<<"$(curl -fsS "${auth[@]}" "$BASE/metrics")" \
  || fail "the API's metrics do not count the request"
stop "$worker" "the worker"
stop "$api" "the API"
echo "smoke-dist: passed"
