#!/usr/bin/env python3
"""Print "<tests> <failed> <skipped>" summed over JUnit XML files (pytest's
--junitxml): failed counts failures and errors, skipped leaves xfail out."""

import sys
import xml.etree.ElementTree as ET


def counts(paths):
    tests = failed = skipped = 0
    for path in paths:
        root = ET.parse(path).getroot()
        for suite in root.iter("testsuite"):
            tests += int(suite.get("tests", 0))
            failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        for case in root.iter("testcase"):
            skips = case.findall("skipped")
            skipped += sum(s.get("type") != "pytest.xfail" for s in skips)
    return tests, failed, skipped


if __name__ == "__main__":
    print(*counts(sys.argv[1:]))
