"""Prints the results of a SARIF log with their code flows, one line each:

  RULE LINE: MESSAGE
    STEP LINE: MESSAGE
"""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        log = json.load(f)
    for result in log["runs"][0]["results"]:
        line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        print(f'{result["ruleId"]} {line}: {result["message"]["text"]}')
        for flow in result.get("codeFlows", []):
            for thread in flow["threadFlows"]:
                for step in thread["locations"]:
                    location = step["location"]
                    region = location["physicalLocation"]["region"]
                    print(f'  {step["executionOrder"]} {region["startLine"]}: '
                          f'{location["message"]["text"]}')


if __name__ == "__main__":
    main()
