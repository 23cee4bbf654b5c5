#!/usr/bin/env bash
# The Dockerfile's steps without a container engine (npm run image:check), so that CI proves the
# image would build and run: what the build stage copies and runs, then what the runtime stage
# copies and runs (a fresh production-only install beside dist/), each in its own temporary folder,
# then the image's commands from that production folder with a clean environment:
#
#   node dist/app/main.js --help
#   node dist/app/main.js config check
#   node dist/app/main.js brief korea --now 2026-01-14T09:00:00Z
#   node dist/app/main.js start   + the HEALTHCHECK command, /readyz, /metrics, SIGTERM → exit 0
#                                   (when a Redis answers at REDIS_URL or 127.0.0.1:6379)
#
# It catches what only shows in the image: a run-time import of a devDependency, a file the image
# doesn't copy, a build that needs something outside the COPY list. Keep it in step with the
# Dockerfile (test/unit/production/image.test.ts checks that the RUN, COPY and HEALTHCHECK lines
# match). Takes a minute or two (two `npm ci`). KEEP_IMAGE_CHECK=1 keeps the folder for a look.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsbrief-image-check.XXXXXX")"
BUILD="$WORK/build"
IMAGE="$WORK/app"
START_PID=""
PREFIX="nbimage-$$-$RANDOM:"

log() { printf '[image-check] %s\n' "$*" >&2; }

cleanup() {
  local code=$?
  if [[ -n "$START_PID" ]] && kill -0 "$START_PID" 2>/dev/null; then kill -KILL "$START_PID" 2>/dev/null || true; fi
  if [[ "${KEEP_IMAGE_CHECK:-}" == "1" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  if [[ $code -eq 0 ]]; then log "OK"; else log "FAILED (exit $code)"; fi
}
trap cleanup EXIT

# `COPY <paths> <dest>`: the files of the build context under those paths, as `docker build .`
# sends them (tracked and untracked files that git doesn't ignore; .dockerignore excludes nothing
# under the copied paths).
copy_context() {
  local dest="$1"
  shift
  mkdir -p "$dest"
  if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (
      cd "$ROOT"
      git ls-files -z --cached --others --exclude-standard -- "$@" |
        while IFS= read -r -d '' file; do
          if [[ -f "$file" ]]; then printf '%s\0' "$file"; fi
        done |
        xargs -0 --no-run-if-empty cp --parents -t "$dest"
    )
  else
    (cd "$ROOT" && cp -R --parents "$@" "$dest")
  fi
}

# The image's environment: nothing from this shell but PATH and HOME.
in_image() {
  (cd "$IMAGE" && env -i PATH="$PATH" HOME="$HOME" NODE_ENV=production PORT=3000 "$@")
}

log "folder: $WORK"

# --- build stage ---------------------------------------------------------------------------------
log "build stage: npm ci --ignore-scripts, npm run build"
copy_context "$BUILD" package.json package-lock.json
(cd "$BUILD" && npm ci --ignore-scripts --no-audit --no-fund)
copy_context "$BUILD" tsconfig.json tsconfig.build.json
copy_context "$BUILD" src
copy_context "$BUILD" adapters
copy_context "$BUILD" app
(cd "$BUILD" && npm run build)

# --- runtime stage -------------------------------------------------------------------------------
log "runtime stage: npm ci --omit=dev --ignore-scripts, dist/, bin/, seeds/, the Slack manifest"
copy_context "$IMAGE" package.json package-lock.json
(cd "$IMAGE" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)
cp -R "$BUILD/dist" "$IMAGE/dist"
copy_context "$IMAGE" bin
copy_context "$IMAGE" seeds
copy_context "$IMAGE" adapters/slack/manifest.yml

# (typescript is there, legitimately: an optional peer dependency of valibot, under @bull-board/api.)
for dev in tsx vitest @biomejs/biome pino-pretty; do
  if [[ -e "$IMAGE/node_modules/$dev" ]]; then
    log "devDependency $dev is installed in the production folder"
    exit 1
  fi
done

# --- the image's commands ------------------------------------------------------------------------
log "node dist/app/main.js --help"
in_image node dist/app/main.js --help >/dev/null
log "node dist/app/main.js config check"
in_image node dist/app/main.js config check >/dev/null
log "node dist/app/main.js brief korea --now 2026-01-14T09:00:00Z"
brief="$(in_image node dist/app/main.js brief korea --now 2026-01-14T09:00:00Z)"
if [[ -z "$brief" ]]; then
  log "the briefing is empty"
  exit 1
fi

REDIS="${REDIS_URL:-redis://127.0.0.1:6379}"
if ! in_image env REDIS_URL="$REDIS" node dist/app/main.js config check --redis >/dev/null 2>&1; then
  if [[ "${IMAGE_CHECK_REQUIRE_REDIS:-}" == "1" ]]; then
    log "no Redis answers at the REDIS_URL given (IMAGE_CHECK_REQUIRE_REDIS=1)"
    exit 1
  fi
  log "no Redis answers: skipping the start check (set REDIS_URL to run it)"
  exit 0
fi

PORT="$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
log "node dist/app/main.js start (ROLES=bot,worker, PORT=$PORT, REDIS_PREFIX=$PREFIX)"
(
  cd "$IMAGE"
  exec env -i PATH="$PATH" HOME="$HOME" NODE_ENV=production PORT="$PORT" REDIS_URL="$REDIS" \
    REDIS_PREFIX="$PREFIX" ADMIN_USER=operator ADMIN_PASSWORD=image-check-password \
    node dist/app/main.js start
) >"$WORK/start.log" 2>&1 &
START_PID=$!

drop_keys() {
  (cd "$IMAGE" && env -i PATH="$PATH" PREFIX="$PREFIX" REDIS="$REDIS" node --input-type=module -e "
    import { Redis } from 'ioredis';
    const redis = new Redis(process.env.REDIS);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', process.env.PREFIX + '*', 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    await redis.quit();
  ") || true
}
trap 'drop_keys; cleanup' EXIT

# The image's HEALTHCHECK command, verbatim, with the container's PORT.
healthcheck() {
  (cd "$IMAGE" && env -i PATH="$PATH" PORT="$PORT" \
    node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))")
}
probe() {
  node -e "fetch('http://127.0.0.1:$PORT$1').then(async r=>{const t=await r.text();if(r.status!==$2||!t.includes('$3'))process.exit(1)},()=>process.exit(1))"
}

ok=""
for _ in $(seq 1 60); do
  if ! kill -0 "$START_PID" 2>/dev/null; then break; fi
  if healthcheck && probe /readyz 200 ready; then
    ok=1
    break
  fi
  sleep 0.5
done
if [[ -z "$ok" ]]; then
  log "the started process never became healthy and ready; its output:"
  tail -n 40 "$WORK/start.log" >&2
  exit 1
fi
log "HEALTHCHECK, /readyz: ok"
probe /metrics 200 newsbrief_digests_total
probe /admin/queues 401 Authentication
log "/metrics, /admin/queues: ok"

kill -TERM "$START_PID"
code=0
wait "$START_PID" || code=$?
START_PID=""
if [[ $code -ne 0 ]]; then
  log "SIGTERM: exit code $code, expected 0; output:"
  tail -n 40 "$WORK/start.log" >&2
  exit 1
fi
if grep -q '"level":50' "$WORK/start.log"; then
  log "the process logged errors:"
  grep '"level":50' "$WORK/start.log" | head -n 5 >&2
  exit 1
fi
log "SIGTERM: exit 0"
