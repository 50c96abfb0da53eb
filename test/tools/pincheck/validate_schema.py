#!/usr/bin/env python3
"""Validates a JSON document against one of pincheck's JSON Schemas
(docs/schemas/, draft 7) and counts the items of its "findings" array.

Usage: validate_schema.py SCHEMA DOCUMENT

Prints each error and then "N schema errors, M findings"; exits 1 if there
is an error.
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    with open(sys.argv[2]) as f:
        document = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        path = "/".join(str(p) for p in error.path)
        print(f"{sys.argv[2]}: {path}: {error.message}")
    findings = document.get("findings", []) if isinstance(document, dict) else []
    print(f"{len(errors)} schema errors, {len(findings)} findings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
