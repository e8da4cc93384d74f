# The ingest Cloud Run service: the prebuilt service bundle only (dist/service, built by
# `node scripts/build.js service`; no node_modules, no sources) plus the dataset catalog it serves.
# Build from the repository root:  docker build -t ingest-service .
FROM node:24-slim

ENV NODE_ENV=production \
    PORT=8080 \
    CATALOG=/app/datasets.yaml

WORKDIR /app

# The bundle is ES modules; this marks /app as such (the same one line build.js writes to dist/package.json).
RUN printf '{\n  "type": "module"\n}\n' > /app/package.json

COPY --chown=root:root dist/service/ /app/dist/service/
COPY --chown=root:root datasets.yaml /app/datasets.yaml

# Non-root: the image's built-in unprivileged user. The app files stay root-owned and read-only to it;
# temporary files go to /tmp.
USER node

EXPOSE 8080
CMD ["node", "dist/service/index.js"]
