# Meshpane's production image (README, "Install in a cluster"). Plain multi-stage build; it has not been
# built on the development machines (no registry access there), so treat the first build as untested.
#   docker build -t meshpane:0.1.0 .
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY lib/server/db/url.ts lib/server/db/pg-migrate-adapter.ts ./lib/server/db/
# postinstall generates both Prisma clients (SQLite and PostgreSQL) into lib/generated/.
RUN npm ci

FROM deps AS build
COPY . .
RUN npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 HOST=0.0.0.0 PORT=3000 MESHPANE_SKIP_BUILD=1 HOME=/tmp
RUN groupadd --gid 10001 meshpane && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin meshpane
# The Prisma CLI (a dev dependency) stays: the start script runs `prisma migrate deploy` under a lock.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/next.config.ts /app/prisma.config.ts ./
COPY --from=build /app/.next ./.next
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/lib/server/db ./lib/server/db
COPY --from=build /app/examples ./examples
# .next/cache is written at run time: the Deployment mounts an emptyDir there (read-only root filesystem).
RUN rm -rf .next/cache && mkdir -p .next/cache && chown 10001:10001 .next/cache
USER 10001
EXPOSE 3000
CMD ["node", "scripts/start.mjs"]
