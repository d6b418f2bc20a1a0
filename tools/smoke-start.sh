#!/usr/bin/env bash
# The README's start command, tried as a new user would: no DATABASE_URL, so embedded
# PostgreSQL (`npm start` builds the API first when its sources changed); wait for readiness,
# take the administrator's token the first start prints, create and read a task over HTTP with
# it, stop with SIGTERM, start again (no second token printed) and find the task still there.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${SMOKE_PORT:-3123}"
DATA_DIR="$(mktemp -d)/data"
BASE="http://127.0.0.1:${PORT}"
LOG="$(mktemp)"
PID=""

# A JSON body re-serialized without spaces (PostgreSQL writes `"key" : value`), to grep it.
compact_json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s))))'; }

start_app() {
  if curl -fsS "$BASE/health/live" >/dev/null 2>&1; then echo "smoke: port $PORT is taken"; exit 1; fi
  # Its own process group, as in a terminal, so SIGTERM reaches npm and node alike.
  env -u DATABASE_URL PORT="$PORT" PGLITE_DATA_DIR="$DATA_DIR" LOG_LEVEL=warn setsid npm start >>"$LOG" 2>&1 &
  PID=$!
  local started=$SECONDS
  until curl -fsS "$BASE/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "smoke: the app exited"; cat "$LOG"; exit 1; fi
    if (( SECONDS - started > 90 )); then echo "smoke: not ready after 90 s"; cat "$LOG"; exit 1; fi
    sleep 0.2
  done
  echo "smoke: ready after $(( SECONDS - started )) s"
}

# SIGTERM to the npm process alone, as a process manager sends it: npm passes it on to the
# server, and the whole process group is gone within the bound (no orphaned server).
stop_app() {
  [[ -n "$PID" ]] || return 0
  kill -TERM "$PID" 2>/dev/null || true
  local stopping=$SECONDS
  while kill -0 -- "-$PID" 2>/dev/null; do
    if (( SECONDS - stopping > 20 )); then echo "smoke: no clean stop within 20 s"; kill -KILL -- "-$PID"; exit 1; fi
    sleep 0.2
  done
  PID=""
}
trap 'stop_app' EXIT

# The API tokens the log has shown (the first start prints the administrator's, once).
printed_tokens() { grep -o 'tapi_[A-Za-z0-9_-]\{43\}' "$LOG" || true; }

start_app
TOKEN="$(printed_tokens | head -n 1)"
[[ -n "$TOKEN" ]] || { echo "smoke: the first start printed no administrator token"; cat "$LOG"; exit 1; }
status="$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/tasks")"
[[ "$status" == 401 ]] || { echo "smoke: GET /tasks without a token answered $status, not 401"; exit 1; }
auth=(-H "Authorization: Bearer $TOKEN")
created="$(curl -fsS -X POST "$BASE/tasks" "${auth[@]}" -H 'content-type: application/json' -d '{"title":"Smoke test","dueAt":"2030-01-01T09:00:00+01:00"}')"
id="$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$created")"
curl -fsS "$BASE/tasks/$id" "${auth[@]}" | compact_json | grep -q '"dueAt":"2030-01-01T08:00:00.000Z"'
curl -fsS "$BASE/docs" -o /dev/null -L
echo "smoke: created and read task $id with the printed administrator token; Swagger UI served"
stop_app

start_app
curl -fsS "$BASE/tasks/$id" "${auth[@]}" | compact_json | grep -q '"title":"Smoke test"'
[[ "$(printed_tokens | wc -l)" -eq 1 ]] || { echo "smoke: a restart printed another token"; exit 1; }
echo "smoke: task $id still there after a restart, and no second token printed"
stop_app
trap - EXIT
echo "smoke: passed"
