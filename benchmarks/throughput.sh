#!/usr/bin/env bash
# Requests per second of Chorus's home pages against a stock `wagtail start` home page,
# served by the same gunicorn settings on this machine (see benchmarks/README.md).
#
#   benchmarks/throughput.sh                 # SQLite and the database cache
#   benchmarks/throughput.sh --postgres      # PostgreSQL and Redis for Chorus
#   BENCH_SECONDS=20 BENCH_ROUNDS=5 benchmarks/throughput.sh
#
# Builds, in a temporary folder, a stock Wagtail project (`wagtail start`, the Wagtail in
# .venv) and a Chorus database seeded with the demo, then serves the stock project once and
# Chorus twice (CHORUS_SERVER_PAGE_CACHE=off and on), each with its production settings,
# DEBUG off, under gunicorn with 2 sync workers. `ab -c 4` measures each page for
# BENCH_SECONDS, in BENCH_ROUNDS rounds that take the pages in turn; throughput_table.py
# prints the medians and ratios. Every server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PY=$REPO/.venv/bin/python
GUNICORN=$REPO/.venv/bin/gunicorn
WAGTAIL=$REPO/.venv/bin/wagtail

ENGINE=sqlite
case "${1:-}" in
  --postgres) ENGINE=postgres ;;
  "" | --sqlite) ;;
  *) echo "usage: $0 [--sqlite | --postgres]" >&2; exit 2 ;;
esac

SECONDS_PER_RUN=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
CONCURRENCY=4
WORKERS=2
STOCK_PORT=${BENCH_STOCK_PORT:-8121}
UNCACHED_PORT=${BENCH_UNCACHED_PORT:-8122}
CACHED_PORT=${BENCH_CACHED_PORT:-8123}
PARTNERSHIP_HOST=${BENCH_PARTNERSHIP_HOST:-west-kent.localhost}
PG_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/chorus_bench}
REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/2}

command -v ab >/dev/null || {
  echo "ab not found: install it with 'apt-get install apache2-utils'" >&2
  exit 1
}

WORK=$(mktemp -d /tmp/chorus-throughput-XXXXXX)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# --- the stock project ------------------------------------------------------------------
build_stock() {
  log "stock: wagtail start, migrate, collectstatic"
  mkdir "$WORK/stock"
  "$WAGTAIL" start stock "$WORK/stock" >/dev/null
  # What its production settings leave to a local.py.
  printf '%s\n' 'SECRET_KEY = "throughput-benchmark-only"' \
    'ALLOWED_HOSTS = ["localhost", "127.0.0.1"]' >"$WORK/stock/stock/settings/local.py"
  (
    cd "$WORK/stock"
    export DJANGO_SETTINGS_MODULE=stock.settings.production
    "$PY" manage.py migrate --no-input >/dev/null
    "$PY" manage.py collectstatic --no-input >/dev/null
  )
}

# --- Chorus -------------------------------------------------------------------------------
# The environment of every Chorus command and server: production.py needs SECRET_KEY, and
# this is plain HTTP, so no redirect to HTTPS.
CHORUS_ENV=(
  SECRET_KEY=throughput-benchmark-only
  ALLOWED_HOSTS=localhost,.localhost,127.0.0.1
  SECURE_SSL_REDIRECT=false
  MEDIA_ROOT="$WORK/media"
  STATIC_ROOT="$WORK/static"
  LOG_LEVEL=WARNING
)
if [ "$ENGINE" = postgres ]; then
  CHORUS_ENV+=(DATABASE_URL="$PG_URL" REDIS_URL="$REDIS")
else
  CHORUS_ENV+=(DATABASE_URL="sqlite:///$WORK/chorus.sqlite3" REDIS_URL=)
fi

chorus() { # settings (dev or production), then the command
  local settings=$1
  shift
  env "${CHORUS_ENV[@]}" DJANGO_SETTINGS_MODULE="chorus.settings.$settings" "$@"
}

fresh_postgres_and_redis() {
  log "chorus: a fresh PostgreSQL database ${PG_URL##*/} and an empty Redis $REDIS"
  local name=${PG_URL##*/} server=${PG_URL%/*}/postgres
  psql -q "$server" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$name\""
  redis-cli -u "$REDIS" FLUSHDB >/dev/null
}

build_chorus() {
  if [ "$ENGINE" = postgres ]; then
    fresh_postgres_and_redis
  fi
  log "chorus: migrate and seed_demo (dev settings), collectstatic (production settings)"
  chorus dev "$PY" manage.py migrate --no-input >/dev/null
  # The demo's sites carry the first Chorus server's port; the second server is found by
  # hostname alone (Wagtail's fallback when no site has the request's port).
  chorus dev "$PY" manage.py seed_demo --port "$UNCACHED_PORT" >/dev/null
  chorus production "$PY" manage.py collectstatic --no-input >/dev/null
}

# --- servers ------------------------------------------------------------------------------
serve() { # name port folder wsgi-module VAR=value...
  local name=$1 port=$2 folder=$3 module=$4
  shift 4
  env "$@" "$GUNICORN" "$module" --chdir "$folder" --workers "$WORKERS" \
    --worker-class sync --bind "127.0.0.1:$port" --log-level warning \
    >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
}

wait_until_up() { # port host
  local _
  for _ in $(seq 150); do
    if curl -fsS -o /dev/null -H "Host: $2" "http://127.0.0.1:$1/" 2>/dev/null; then
      return
    fi
    sleep 0.2
  done
  echo "nothing answered 200 on port $1 for $2; the servers' logs:" >&2
  tail -n 30 "$WORK"/*.log >&2
  exit 1
}

start_servers() {
  log "gunicorn, $WORKERS sync workers each: stock on $STOCK_PORT," \
    "Chorus with the page cache off on $UNCACHED_PORT and on on $CACHED_PORT"
  serve stock "$STOCK_PORT" "$WORK/stock" stock.wsgi \
    DJANGO_SETTINGS_MODULE=stock.settings.production
  serve uncached "$UNCACHED_PORT" "$REPO/site" chorus.wsgi "${CHORUS_ENV[@]}" \
    DJANGO_SETTINGS_MODULE=chorus.settings.production CHORUS_SERVER_PAGE_CACHE=off
  serve cached "$CACHED_PORT" "$REPO/site" chorus.wsgi "${CHORUS_ENV[@]}" \
    DJANGO_SETTINGS_MODULE=chorus.settings.production CHORUS_SERVER_PAGE_CACHE=on
  wait_until_up "$STOCK_PORT" localhost
  wait_until_up "$UNCACHED_PORT" localhost
  wait_until_up "$CACHED_PORT" localhost
}

# --- measuring ----------------------------------------------------------------------------
# label|port|Host header|path. The Host header names the site; Django takes the port from
# the connection.
TARGETS=(
  "stock home|$STOCK_PORT|localhost|/"
  "network home, uncached|$UNCACHED_PORT|localhost|/"
  "partnership home, uncached|$UNCACHED_PORT|$PARTNERSHIP_HOST|/"
  "network home, cached|$CACHED_PORT|localhost|/"
  "partnership home, cached|$CACHED_PORT|$PARTNERSHIP_HOST|/"
  "static file|$CACHED_PORT|localhost|/static/css/chorus.css"
)

check_pages() {
  local target label port host path headers
  for target in "${TARGETS[@]}"; do
    IFS='|' read -r label port host path <<<"$target"
    headers=$(curl -fsS -D - -o /dev/null -H "Host: $host" "http://127.0.0.1:$port$path")
    if grep -qi '^set-cookie:' <<<"$headers"; then
      log "warning: $label sets a cookie, so no shared cache would keep it"
    fi
  done
}

measure() { # label port host path round
  local label=$1 port=$2 host=$3 path=$4 round=$5 url out rate failed
  url="http://127.0.0.1:$port$path"
  ab -q -n 20 -c "$CONCURRENCY" -H "Host: $host" "$url" >/dev/null # warm-up
  out=$(ab -q -t "$SECONDS_PER_RUN" -c "$CONCURRENCY" -H "Host: $host" "$url")
  rate=$(awk '/^Requests per second:/ {print $4}' <<<"$out")
  failed=$(awk '/^Non-2xx responses:/ {print $3}' <<<"$out")
  if [ -n "$failed" ]; then
    echo "$label: $failed responses were not 2xx, so its figure means nothing" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\n' "$round" "$label" "$rate" >>"$WORK/results.tsv"
  log "round $round: $label: $rate req/s"
}

build_stock
build_chorus
start_servers
check_pages

: >"$WORK/results.tsv"
for round in $(seq "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    IFS='|' read -r label port host path <<<"$target"
    measure "$label" "$port" "$host" "$path" "$round"
  done
done

"$PY" "$REPO/benchmarks/throughput_table.py" "$WORK/results.tsv" --engine "$ENGINE" \
  --seconds "$SECONDS_PER_RUN" --concurrency "$CONCURRENCY" --workers "$WORKERS" \
  --partnership "$PARTNERSHIP_HOST"
