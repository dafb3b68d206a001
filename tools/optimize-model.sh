#!/usr/bin/env bash
# Compiles the EF Core model into each provider's migrations assembly (`dotnet ef dbcontext optimize`), which the app
# reads at start-up instead of building the model (docs/architecture.md). Run it after any change to the model, with
# the migration that goes with it; MigrationsTests fails until both are done.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  project="src/NewsReader.Migrations.$provider"
  rm -rf "$project/CompiledModel"
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" \
    --output-dir CompiledModel --namespace "NewsReader.Migrations.$provider.CompiledModel"
  # EF names the entity type Annotation, which is also EF's own Infrastructure.Annotation in the generated usings.
  sed -i '/^using NewsReader.Core.Annotations;$/a using Annotation = NewsReader.Core.Annotations.Annotation;' \
    "$project/CompiledModel/AnnotationEntityType.cs"
done
