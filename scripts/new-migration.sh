#!/usr/bin/env bash
# Author the next migration: diff the committed schema (HEAD) against the working
# schema and write the SQL into a new timestamped folder. `prisma migrate dev` does
# not work with driver adapters (see ARCHITECTURE.md), so this replaces it.
# Usage: npm run db:migration -- <name>
set -euo pipefail
name="${1:?usage: npm run db:migration -- <name>}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
prev=$(mktemp --suffix=.prisma)
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null && [ -d prisma/migrations ] && ls prisma/migrations/*/migration.sql >/dev/null 2>&1; then
  git show HEAD:prisma/schema.prisma > "$prev"
  from=(--from-schema-datamodel "$prev")
else
  from=(--from-empty)
fi
mkdir -p "$dir"
# migrate diff never exits on PGlite; against the local PostgreSQL it does.
DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}" \
  timeout 120 npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script -o "$dir/migration.sql" || true
if [ ! -s "$dir/migration.sql" ] || ! grep -q '[A-Z]' "$dir/migration.sql"; then
  rm -rf "$dir"; echo "No schema change (or the diff failed): nothing written." >&2; exit 1
fi
echo "Wrote $dir/migration.sql — review it, then commit it with the schema."
