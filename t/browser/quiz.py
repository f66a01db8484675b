#!/usr/bin/python3
"""A resident on a phone, in a real headless Chromium: emulated position
inside Xiaoshan, role, location by the browser (static/js/locate.js),
every question answered by clicking, the result, the code and its badge.
Prints TAP; saves screenshots into the artifacts directory.

    quiz.py BASE_URL ARTIFACTS_DIR ANSWERS_JSON
"""
import json
import os
import re
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import chromium, close, ok, plan  # noqa: E402

base, artifacts, answers_file = sys.argv[1:4]
answers = json.load(open(answers_file, encoding="utf-8"))
driver, profile = chromium(mobile=True)


def ask_on_submit(driver):
    """What submit.js asks when 交卷 is pressed now; answered "no"."""
    return driver.execute_script(
        "var asked = null;"
        "window.confirm = function (m) { asked = m; return false; };"
        "var f = document.querySelector('form.form');"
        "f.requestSubmit(f.querySelector('button[value=submit]'));"
        "return asked;")


wait = WebDriverWait(driver, 20)
try:
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": base, "permissions": ["geolocation"]})
    # Without JavaScript the locate button stays hidden (it could do
    # nothing); the manual choice is there.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(base + "/quiz/citizen")
    ok(not driver.find_element(By.ID, "locate-button").is_displayed(),
       "without JavaScript the locate button is not shown")
    ok(driver.find_element(By.NAME, "region").is_displayed(), "and the manual choice is")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    # Located outside the district (Shanghai), then back: the button
    # works again.
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride",
                           {"latitude": 31.2304, "longitude": 121.4737, "accuracy": 30})
    driver.get(base + "/quiz/citizen")
    wait.until(EC.element_to_be_clickable((By.ID, "locate-button"))).click()
    wait.until(lambda d: "不在" in d.page_source and "范围内" in d.page_source)
    ok(True, "a position outside the district is told so")
    driver.back()
    button = wait.until(EC.presence_of_element_located((By.ID, "locate-button")))
    ok(wait.until(lambda d: d.find_element(By.ID, "locate-button").is_enabled()),
       "back on the location step, the button can be used again")
    # A point in Xiaoshan's urban core (WGS-84, as a phone reports it).
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride",
                           {"latitude": 30.1700, "longitude": 120.2700, "accuracy": 30})
    driver.get(base + "/")
    ok("消防蓝码" in driver.title, "the home page opens")
    driver.find_element(By.LINK_TEXT, "开始答题，领取蓝码").click()
    wait.until(EC.title_contains("选择角色"))
    driver.find_element(By.PARTIAL_LINK_TEXT, "普通市民").click()
    button = wait.until(EC.element_to_be_clickable((By.ID, "locate-button")))
    ok(button.is_displayed(), "the location step shows the locate button")
    driver.save_screenshot(os.path.join(artifacts, "browser-1-locate.png"))
    button.click()
    wait.until(EC.title_contains("题"))
    ok("第 1 /" in driver.page_source, "located by the browser, the quiz starts")
    ok(wait.until(lambda d: re.fullmatch(r"剩余 \d+ 分 \d+ 秒", d.find_element(By.ID, "timer").text)
                  and d.find_element(By.ID, "timer").text != "剩余 20 分 0 秒"),
       "timer.js counts down, in the page's words")
    for k in range(1, 30):
        stem = driver.find_element(By.CSS_SELECTOR, "legend").text.replace("\xa0", " ")
        right = next((v for s, v in answers.items() if s in stem), None)
        if not ok(right is not None, "question %d is known" % k):
            break
        if not driver.find_elements(By.CSS_SELECTOR, ".quiz-nav button[value=next]"):
            ok(ask_on_submit(driver) == "还有 1 题未作答，交卷后不能再修改。确定交卷吗？",
               "submit.js asks before the last question is answered")
        for label in driver.find_elements(By.CSS_SELECTOR, "label.opt"):
            if label.find_element(By.CSS_SELECTOR, ".opt-text").text in right:
                label.click()
        if k == 1:
            driver.save_screenshot(os.path.join(artifacts, "browser-2-question.png"))
        buttons = driver.find_elements(By.CSS_SELECTOR, ".quiz-nav button[value=next]")
        if buttons:
            buttons[0].click()
            wait.until(EC.title_contains("第 %d /" % (k + 1)))
        else:
            driver.find_element(By.CSS_SELECTOR, ".quiz-nav button[value=submit]").click()
            break
    wait.until(EC.title_contains("答题结果"))
    ok("测试通过" in driver.page_source, "all answered right: passed")
    driver.save_screenshot(os.path.join(artifacts, "browser-3-result.png"))
    driver.find_element(By.LINK_TEXT, "查看我的蓝码").click()
    wait.until(EC.title_contains("我的蓝码"))
    img = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "img.badge-img")))
    loaded = driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img)
    ok(loaded and loaded > 100, "the badge image loads (%s px wide)" % loaded)
    ok("城厢街道" in driver.page_source or "北干街道" in driver.page_source,
       "the code names the street found from the position")
    driver.save_screenshot(os.path.join(artifacts, "browser-4-code.png"))
    # In English (the switch's cookie): the scripts speak English too.
    driver.add_cookie({"name": "bc_lang", "value": "en", "path": "/"})
    driver.get(base + "/quiz/student")
    wait.until(EC.element_to_be_clickable((By.ID, "locate-button"))).click()
    wait.until(EC.title_contains("Question 1 of"))
    ok(wait.until(lambda d: re.fullmatch(r"\d+ min \d+ s left", d.find_element(By.ID, "timer").text)
                  and d.find_element(By.ID, "timer").text != "20 min 0 s left"),
       "in English, timer.js counts down in English")
    ok(ask_on_submit(driver) == "Questions not answered yet: 3. "
       "Once you submit, you cannot change your answers. Submit now?",
       "and submit.js asks in English")
finally:
    close(driver, profile)
plan()
