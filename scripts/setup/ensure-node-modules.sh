#!/usr/bin/env bash
# Installs node_modules from the lockfile when missing or stale, runs the
# install scripts the project approved (package.json allowScripts), and
# generates the Prisma client. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
stamp=node_modules/.firedrill-install-stamp
want=$(cat package.json package-lock.json prisma/schema.prisma | sha256sum | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
  exit 0
fi
echo "==> installing node modules"
# `npm ci` rejects this lockfile over platform-specific optional packages it never
# recorded (an npm bug); `npm install` installs the same locked versions.
# --include=dev: the web app is built here, and a service manager may set NODE_ENV=production.
npm install --include=dev --no-audit --no-fund --loglevel=error
echo "==> generating the Prisma client"
# The CLI needs a DATABASE_URL even to generate; no connection is made.
DATABASE_URL="${DATABASE_URL:-postgresql://localhost/firedrill}" npx prisma generate >/dev/null
# Hash again: npm may have normalised the lockfile.
cat package.json package-lock.json prisma/schema.prisma | sha256sum | cut -d' ' -f1 >"$stamp"
