# syntax=docker/dockerfile:1
#
# Webhook receiver for go-whatsapp-web-multidevice.
#
#   docker build -t gowa-webhook-receiver .
#   docker run -p 3001:3001 -e WHATSAPP_WEBHOOK_SECRET=… -v webhook-data:/data gowa-webhook-receiver
#
# Two stages: `build` has the dev dependencies and the native toolchain, `runtime` only the
# compiled app and its production dependencies.

# One Node version for both stages: better-sqlite3 is a native addon, and a binary compiled
# against one Node ABI (and glibc) does not load in another. Both stages use the same Debian
# bookworm image, so the addon built here runs unchanged in the runtime stage.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build

# node-gyp needs python3, make and a C++ compiler when better-sqlite3 has no prebuilt binary
# for this platform.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*

# The lockfile is written by npm 11, and package.json's `allowScripts` (which lets
# better-sqlite3's install script run) is an npm 11 feature; Node 20 ships npm 10.
ARG NPM_VERSION=11
RUN npm install -g npm@${NPM_VERSION}

WORKDIR /app

# Manifests first, so the dependency layer is cached until package*.json change.
COPY package.json package-lock.json ./
# All dependencies (the Nest CLI and TypeScript are dev dependencies), exactly as locked.
RUN npm ci

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
# Compile to dist/, then drop the dev dependencies; the compiled better-sqlite3 addon stays.
RUN npm run build \
    && npm prune --omit=dev

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# V8 sizes its heap from the host's memory, not the container's limit (512Mi in deploy/): left
# alone it lets the heap grow to ~300 MB under load before collecting. A cap makes it collect
# sooner (peak RSS ~190 MB in `npm run bench`, same throughput) and stays far above the live heap
# (40-65 MB in the soak test). Override NODE_OPTIONS to change it.
ENV NODE_ENV=production \
    PORT=3001 \
    DATABASE_URL=sqlite:/data/webhooks.db \
    NODE_OPTIONS=--max-old-space-size=256

WORKDIR /app

# The SQLite inbox lives in /data, owned by the unprivileged user (UID/GID 1000 is the image's
# `node` user). Mount a volume there, or it is lost with the container.
RUN mkdir -p /data && chown 1000:1000 /data

# The app's files stay owned by root: the process can read its code but not rewrite it.
# package.json is needed at runtime: its "type": "module" makes node load dist/*.js as ESM.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

# Numeric UID:GID, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 1000:1000

VOLUME ["/data"]
EXPOSE 3001

# No curl/wget in the slim image: node itself asks the liveness endpoint (liveness, not
# readiness, so a slow database does not mark the container unhealthy).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3001) + '/health/live', { signal: AbortSignal.timeout(4000) }).then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))"]

# Exec form, node as PID 1: SIGTERM from `docker stop` / the kubelet reaches node directly
# (an npm or sh wrapper would swallow it), so the app's own drain-and-shutdown runs.
CMD ["node", "dist/main.js"]
