#!/usr/bin/python3
"""Every page of a list checked with axe-core (WCAG 2.1 A and AA) in a
real headless Chromium: axe.min.js injected into the page, axe.run with
the wcag2a, wcag2aa, wcag21a and wcag21aa tags; one TAP line a page,
its violations (rule, impact, where) as comments. Pages come in groups,
each with the cookies of who looks at them (a visitor, a resident, an
admin), and in both display modes.

    a11y.py BASE_URL PAGES_JSON
    PAGES_JSON: [{"who": "...", "cookies": {NAME: VALUE}, "pages": [PATH]}]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import axe_check, chromium, close, ok, plan  # noqa: E402

base, pages_file = sys.argv[1:3]
groups = json.load(open(pages_file, encoding="utf-8"))
driver, profile = chromium()
try:
    for g in groups:
        driver.get(base + "/static/robots.txt")
        driver.delete_all_cookies()
        for name, value in g["cookies"].items():
            driver.add_cookie({"name": name, "value": value, "path": "/"})
        for path in g["pages"]:
            driver.get(base + path)
            found = axe_check(driver)
            ok(not found, "axe, %s: %s (%s)" % (g["who"], path, driver.title))
            for v in found:
                print("# %s" % v, flush=True)
finally:
    close(driver, profile)
plan()
