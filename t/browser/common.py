"""What the browser tests share: TAP lines, and a headless Chromium from
Debian with a profile of its own, driven by Selenium."""
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


def chromium(extra=(), mobile=False):
    """A headless Chromium and its profile directory (remove it after)."""
    profile = tempfile.mkdtemp(prefix="bluecode-chromium-")
    opts = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--window-size=412,915", "--user-data-dir=" + profile) + tuple(extra):
        opts.add_argument(flag)
    if mobile:
        opts.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 412, "height": 915, "pixelRatio": 2.0}})
    opts.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts), profile


def close(driver, profile):
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
