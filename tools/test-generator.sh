#!/usr/bin/env bash
# The feature generator, run for real: copy the workspace (as it is on disk, committed or not)
# to a temporary folder, generate a feature there with `nx g @task-api/tools:feature`, and
# require what CI requires of any feature: lint (module boundaries), format, typecheck, the new
# library's unit and e2e suites (core + the feature alone) and the schema drift check. Then
# prove the boundary rule bites: the feature importing another feature must fail lint.
#   npm run test:generator            # feature "gen-probes"; FEATURE=notes to pick another
#   KEEP=1 npm run test:generator     # keep the copy to look at
set -euo pipefail
cd "$(dirname "$0")/.."
WORKSPACE="$PWD"
FEATURE="${FEATURE:-gen-probes}"
COPY="$(mktemp -d "${TMPDIR:-/tmp}/task-api-generator.XXXXXX")"

cleanup() {
  if [[ "${KEEP:-}" == 1 ]]; then echo "test:generator: kept $COPY"; else rm -rf "$COPY"; fi
}
trap cleanup EXIT

step() { printf '\n=== test:generator: %s (%ss)\n' "$1" "$SECONDS"; }

step "copy the workspace to $COPY"
# Tracked and new files, not what .gitignore drops (node_modules, .nx, .data, dist...).
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do [[ -e "$file" ]] && printf '%s\0' "$file"; done |
  tar --null -T - -cf - | tar -xf - -C "$COPY"
ln -s "$(readlink -f "$WORKSPACE/node_modules")" "$COPY/node_modules"
cd "$COPY"
# A workspace of its own: nx must not reuse the original's project graph cache.
export NX_DAEMON=false NX_NO_CLOUD=true NX_WORKSPACE_DATA_DIRECTORY="$COPY/.nx/workspace-data"

step "nx g @task-api/tools:feature $FEATURE"
npx nx g @task-api/tools:feature "$FEATURE" --no-interactive
test -f "libs/$FEATURE/project.json"
npx nx show project "$FEATURE" --json | grep -q "\"scope:$FEATURE\""

step "the generated documents list the new feature (the generator regenerated them)"
grep -q "^| $FEATURE |" docs/FEATURES.md
npm run features:check >/dev/null
npm run openapi:check
npm run openapi:lint

step "lint"
npm run lint

step "format:check"
npm run format:check

step "typecheck"
npm run typecheck

step "the new library's unit and e2e suites, and the schema drift check"
npm test -- "libs/$FEATURE/" apps/api/src/schema-drift.e2e-spec.ts

step "the boundary rule bites: $FEATURE importing the tags feature fails lint"
probe="libs/$FEATURE/src/lib/boundary-probe.ts"
echo "export { TagsModule } from '@task-api/tags';" >"$probe"
if output="$(npx eslint "$probe" 2>&1)"; then
  echo "test:generator: lint accepted an import of @task-api/tags from scope:$FEATURE" >&2
  exit 1
fi
grep -q "scope:$FEATURE" <<<"$output" || { echo "$output" >&2; exit 1; }
rm "$probe"

step "the generator refuses a feature that exists"
if npx nx g @task-api/tools:feature "$FEATURE" --no-interactive >/dev/null 2>&1; then
  echo "test:generator: generating $FEATURE twice succeeded" >&2
  exit 1
fi

step "passed"
