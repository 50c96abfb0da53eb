#!/usr/bin/env python3
"""Validates a SARIF log against the SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py SCHEMA LOG
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    with open(sys.argv[2]) as f:
        log = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors:
        path = "/".join(str(p) for p in error.path)
        print(f"{sys.argv[2]}: {path}: {error.message}")
    results = sum(len(run.get("results", [])) for run in log.get("runs", []))
    print(f"{len(errors)} schema errors, {results} results")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
