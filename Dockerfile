# syntax=docker/dockerfile:1
# concept-bot: build with the full toolchain, run on a slim image as a non-root user.
# Node 22 LTS (Node 20 is past its end of life; the code runs on both).

# ---- build: compile TypeScript ------------------------------------------------------------------
FROM node:22-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Lockfile first so the dependency layer is cached until dependencies change.
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# ---- runtime ------------------------------------------------------------------------------------
FROM node:22-slim AS runtime
# Metrics and health on 9464, on every interface of the container so a Prometheus beside it can scrape; publish
# the port only where it should be reachable. METRICS_PORT= (empty) turns the server off, and the HEALTHCHECK
# below then passes on the process alone.
ENV NODE_ENV=production \
    DOCS_DIR=/app/data/docs \
    DATABASE_PATH=/app/var/concept-bot.sqlite \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. The build tools are needed just for better-sqlite3's native module,
# so they are installed and purged in this one layer; tini stays as PID 1 so SIGTERM reaches node.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini python3 make g++ \
 && npm ci --omit=dev \
 && npm cache clean --force \
 && apt-get purge -y --auto-remove python3 make g++ \
 && rm -rf /var/lib/apt/lists/* /root/.cache /tmp/*
COPY --from=build /app/dist ./dist
# The notes are data: mount your own over /app/data/docs to change them without rebuilding.
COPY data ./data
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# Answers, scores and schedules live here: keep it on a volume.
VOLUME ["/app/var"]
EXPOSE 9464
# Liveness, not readiness: /healthz answers while the process runs and its event loop turns. A Discord outage
# (/readyz 503) is no reason to call the container broken. node:22-slim has no curl: a small node script asks.
# start-period covers loading the notes and logging in; a probe failing then does not count.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/src/health-check.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
