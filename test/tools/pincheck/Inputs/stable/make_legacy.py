"""Writes the baseline an older pincheck would have written for a SARIF
log: each result's line fingerprint (pincheckLineHash/v1)."""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        log = json.load(f)
    root = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    findings = []
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        findings.append({
            "check": result["ruleId"],
            "file": location["artifactLocation"]["uri"],
            "fingerprint": result["partialFingerprints"]["pincheckLineHash/v1"],
        })
    json.dump({"findings": findings, "tool": "pincheck", "version": 1},
              sys.stdout, indent=2)


if __name__ == "__main__":
    main()
