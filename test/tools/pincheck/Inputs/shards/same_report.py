"""Compares two JSON reports, SARIF logs or baselines for what they say:
the same findings in the same order, whatever the order of object keys and
of SARIF's rules. Prints "same: N findings" or the first difference."""
import json
import sys


def normalise(log):
    if "runs" not in log:
        return log["findings"]
    run = log["runs"][0]
    rules = run["tool"]["driver"].get("rules", [])
    results = []
    for result in run["results"]:
        result = dict(result)
        index = result.pop("ruleIndex", None)
        if index is not None:
            assert rules[index]["id"] == result["ruleId"], "ruleIndex"
        results.append(result)
    return results


def main():
    with open(sys.argv[1]) as a, open(sys.argv[2]) as b:
        first, second = normalise(json.load(a)), normalise(json.load(b))
    if first == second:
        print(f"same: {len(first)} findings")
        return 0
    print(f"different: {len(first)} and {len(second)} findings")
    for x, y in zip(first, second):
        if x != y:
            print(json.dumps(x, sort_keys=True))
            print(json.dumps(y, sort_keys=True))
            break
    return 1


if __name__ == "__main__":
    sys.exit(main())
