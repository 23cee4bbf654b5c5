# syntax=docker/dockerfile:1
#
# newsbrief: one image for every role (ROLES=bot, ROLES=worker, or both), see the README's operator's guide.
#
#   docker build -t newsbrief .
#   docker run --env-file .env -p 3000:3000 newsbrief            # newsbrief start
#   docker run --rm --env-file .env newsbrief config check --redis
#
# No container engine runs in CI: scripts/image-check.sh (npm run image:check) performs the same
# steps in a temporary folder (the same COPY list, the same RUN commands, the same HEALTHCHECK) and
# CI runs it; test/unit/production/image.test.ts keeps the two in step. Change both together.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, compile TypeScript to dist/ -------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: "prepare" would run the build before the sources are copied. The npm cache is a
# BuildKit cache mount, so it never ends up in a layer.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY app ./app
RUN npm run build

# --- runtime: production dependencies only, a fresh install (no devDependencies to prune) -----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY seeds ./seeds
COPY adapters/slack/manifest.yml ./adapters/slack/manifest.yml
USER node
EXPOSE 3000
# Node's own fetch: the slim image has no curl. Liveness only (/healthz); readiness is /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM stops gracefully within SHUTDOWN_TIMEOUT_SECONDS (25 s by default): give the container
# longer than that before it is killed (docker stop -t 35, compose stop_grace_period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/app/main.js"]
CMD ["start"]
