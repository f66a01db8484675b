"""What the browser tests share: TAP lines, and a headless Chromium from
Debian with a profile of its own, driven by Selenium."""
import os
import shutil
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

n = 0


def ok(cond, name):
    """Print one TAP line; return the condition."""
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name), flush=True)
    return cond


def plan():
    print("1..%d" % n)


def chromium(extra=(), mobile=False, load="normal"):
    """A headless Chromium and its profile directory (remove it after);
    load is Selenium's page load strategy."""
    profile = tempfile.mkdtemp(prefix="bluecode-chromium-")
    opts = Options()
    opts.page_load_strategy = load
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--window-size=412,915", "--user-data-dir=" + profile) + tuple(extra):
        opts.add_argument(flag)
    # The site's first language, whatever the machine's locale: the
    # pages are Chinese unless a test asks for English (core/l10n.c).
    opts.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    if mobile:
        opts.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 412, "height": 915, "pixelRatio": 2.0}})
    opts.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts), profile


def close(driver, profile):
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


AXE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "node_modules", "axe-core", "axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best practices the WCAG tags leave out, kept too: headings in order,
# one main landmark, every page an h1, all content in landmarks.
AXE_RULES = {r: {"enabled": True} for r in (
    "heading-order", "landmark-one-main", "page-has-heading-one", "region",
    "landmark-unique", "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo")}


def axe_check(driver):
    """axe-core's WCAG 2.1 A/AA violations on the page shown, one line
    each: rule, impact, the first elements and what axe says of them."""
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        driver.execute_script(open(AXE, encoding="utf-8").read())
    res = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
        " rules: arguments[1], resultTypes: ['violations']})"
        ".then(r => done(r.violations), e => done([{id: 'axe-error',"
        " impact: String(e), nodes: []}]));", AXE_TAGS, AXE_RULES)
    out = []
    for v in res:
        where = "; ".join("%s: %s" % (" ".join(n["target"]),
                                      n.get("failureSummary", "").replace("\n", " "))
                          for n in v["nodes"][:3])
        out.append("%s (%s) %s" % (v["id"], v["impact"], where))
    return out
