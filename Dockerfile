# syntax=docker/dockerfile:1
# The dashboard as its users run it: built once in the first stage, and a runtime stage with
# production dependencies and the built output only. The same Node line CI checks (.ci/run).
#   docker build -t marqtune-models-dashboard .
#   docker run -p 4173:4173 -e ALLOWED_HOSTS=models.example.com marqtune-models-dashboard

FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24.22.3-bookworm-slim AS runtime
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# Every interface, since the port is published; the host allow-list stays closed to names
# other than localhost until ALLOWED_HOSTS names the public one(s), as the start-up line says.
ENV NODE_ENV=production
ENV HOST=0.0.0.0
ENV PORT=4173
# The image's own unprivileged user: the server needs to write nothing.
USER node
EXPOSE 4173
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4173) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1, not npm: SIGTERM from `docker stop` reaches the server, which lets the
# requests in flight finish (SHUTDOWN_TIMEOUT_MS, 8 s) inside docker's 10 s. Checked in CI by
# scripts/smoke-built-server.ts, which runs this CMD from a production-only install.
CMD ["node", "dist-server/main.js"]
