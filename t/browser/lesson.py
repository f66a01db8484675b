#!/usr/bin/python3
"""A resident watches a video lesson to its end in a real headless
Chromium: registers, opens the lesson, plays the video (the page's
script reports the position as it plays), sees the lesson completed and
the points on the points page. Prints TAP; saves screenshots into the
artifacts directory.

    lesson.py BASE_URL ARTIFACTS_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chromium, close, ok, plan  # noqa: E402

base, artifacts = sys.argv[1:3]
driver, profile = chromium(("--autoplay-policy=no-user-gesture-required", "--mute-audio"))
wait = WebDriverWait(driver, 40)
try:
    driver.get(base + "/account")
    forms = driver.find_elements(By.CSS_SELECTOR, "form[action='/account/register']")
    form = forms[0]
    form.find_element(By.NAME, "phone").send_keys("13400000001")
    form.find_element(By.NAME, "password").send_keys("watch-pass-1")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait.until(EC.url_contains("/my"))
    ok("/my" in driver.current_url, "registered and signed in")

    driver.get(base + "/learn/extinguisher/sample-video")
    video = driver.find_element(By.TAG_NAME, "video")
    ok(video.get_attribute("data-progress").endswith("/progress"), "the lesson's video reports its progress")
    wait.until(lambda d: d.execute_script("return arguments[0].readyState >= 1", video))
    duration = driver.execute_script("return arguments[0].duration", video)
    ok(abs(duration - 12) < 1, "the sample video plays (%.1f s)" % duration)
    driver.execute_script("arguments[0].muted = true; return arguments[0].play()", video)
    driver.save_screenshot(os.path.join(artifacts, "lesson-1-playing.png"))
    # The page reloads itself when the server says the lesson is done.
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".profile-state.complete")))
    ok("已学完这个课时" in driver.page_source, "watched to the end: the lesson is completed")
    driver.save_screenshot(os.path.join(artifacts, "lesson-2-done.png"))

    driver.get(base + "/points")
    ok("学完一个课时" in driver.page_source, "the points page lists the lesson")
    total = driver.find_element(By.CSS_SELECTOR, ".points-total strong").text
    ok(total == "6", "with its 5 points (and 1 for signing in): %s" % total)
    driver.save_screenshot(os.path.join(artifacts, "lesson-3-points.png"))
finally:
    close(driver, profile)
plan()
