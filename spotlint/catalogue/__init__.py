"""The rule catalogue: loading and validation (load), the rule data model (schema), one rule as Markdown (docs)."""
