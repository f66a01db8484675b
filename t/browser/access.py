#!/usr/bin/python3
"""Using the site without a mouse, without JavaScript, on paper and on a
slow line, in a real headless Chromium:
- the quiz completed with the keyboard only (Tab, Space, Enter, and the
  arrow keys inside a group of radio buttons, as browsers have it), the
  focus ring visible on every control reached;
- the 长辈模式 switch tapped: the mode stays for the next pages;
- page weight of a question page: cold cache and after (transferSize);
- the code's badge page, bookings, a bulletin and an aid receipt printed
  to PDF (Page.printToPDF): the essentials in it, no navigation, no
  buttons (pdftotext);
- geolocation denied: the manual choice is offered;
- JavaScript off: the quiz by the manual choice, a text lesson finished.
Prints TAP; PDFs and screenshots go into the artifacts directory.

    access.py BASE_URL ARTIFACTS_DIR ANSWERS_JSON PRINT_JSON LESSON_JSON
"""
import base64
import json
import os
import subprocess
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import axe_check, chromium, close, ok, plan  # noqa: E402

base, artifacts, answers_file, print_file, lesson_file = sys.argv[1:6]
answers = json.load(open(answers_file, encoding="utf-8"))
prints = json.load(open(print_file, encoding="utf-8"))
lesson = json.load(open(lesson_file, encoding="utf-8"))

ACTIVE = """var e = document.activeElement, l = e.closest('label');
var s = getComputedStyle(e), o = e.closest('.opt');
return {tag: e.tagName, type: e.type || '', value: e.value || '',
  text: (l ? l.innerText : e.innerText || '').trim(), checked: !!e.checked,
  ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ||
    (o !== null && getComputedStyle(o).boxShadow !== 'none')};"""


def key(driver, k):
    ActionChains(driver).send_keys(k).perform()


def active(driver):
    return driver.execute_script(ACTIVE)


def tab_to(driver, pred, limit=60):
    """Tab until the focused element satisfies pred; its description."""
    for _ in range(limit):
        key(driver, Keys.TAB)
        a = active(driver)
        if pred(a):
            return a
    return None


def right_of(driver):
    stem = driver.find_element(By.CSS_SELECTOR, "legend").text.replace("\xa0", " ")
    return next((v for s, v in answers.items() if s in stem), None)


def keyboard_question(driver, right, rings):
    """Choose the right options and go on, by the keyboard alone."""
    first = tab_to(driver, lambda a: a["tag"] == "INPUT" and a["type"] in ("radio", "checkbox"))
    if first is None:
        return False
    rings.append(first["ring"])
    if first["type"] == "radio":
        key(driver, Keys.SPACE)
        for _ in range(6):
            a = active(driver)
            if any(r in a["text"] for r in right):
                break
            key(driver, Keys.ARROW_DOWN)
    else:
        a = first
        while a["type"] == "checkbox":
            if any(r in a["text"] for r in right) != a["checked"]:
                key(driver, Keys.SPACE)
            key(driver, Keys.TAB)
            a = active(driver)
            rings.append(a["ring"])
        key(driver, Keys.SHIFT + Keys.TAB)
    go = tab_to(driver, lambda a: a["tag"] == "BUTTON" and a["value"] in ("next", "submit"))
    if go is None:
        return False
    rings.append(go["ring"])
    key(driver, Keys.ENTER)
    return True


def keyboard_quiz(driver, wait):
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": base, "permissions": ["geolocation"]})
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride",
                           {"latitude": 30.1700, "longitude": 120.2700, "accuracy": 30})
    driver.get(base + "/quiz")
    rings = []
    a = tab_to(driver, lambda a: a["tag"] == "A" and "普通市民" in a["text"])
    ok(a is not None, "keyboard: Tab reaches the role 普通市民")
    rings.append(a and a["ring"])
    key(driver, Keys.ENTER)
    wait.until(EC.title_contains("确认所在镇街"))
    wait.until(EC.visibility_of_element_located((By.ID, "locate-button")))
    a = tab_to(driver, lambda a: a["tag"] == "BUTTON" and "定位" in a["text"])
    ok(a is not None, "keyboard: Tab reaches the locate button")
    rings.append(a and a["ring"])
    key(driver, Keys.ENTER)
    wait.until(EC.title_contains("第 1 /"))
    for k in range(1, 30):
        right = right_of(driver)
        if not ok(right is not None and keyboard_question(driver, right, rings),
                  "keyboard: question %d answered and left by the keyboard" % k):
            return
        wait.until(lambda d: "第 %d /" % (k + 1) in d.title or "答题结果" in d.title)
        if "答题结果" in driver.title:
            break
    ok("测试通过" in driver.page_source, "keyboard: the quiz is passed")
    ok(all(rings), "keyboard: every control reached shows its focus ring (%d)" % len(rings))
    a = tab_to(driver, lambda a: a["tag"] == "A" and "查看我的蓝码" in a["text"])
    key(driver, Keys.ENTER)
    wait.until(EC.title_contains("我的蓝码"))
    ok("/my/" in driver.current_url, "keyboard: the code opens")
    return driver.current_url


def weight(driver, wait):
    """Bytes over the wire for a question page, cold and warm."""
    driver.get(base + "/quiz/citizen")
    Select(driver.find_element(By.NAME, "region")).select_by_index(1)
    driver.find_element(By.CSS_SELECTOR, "form:not(#locate-form) button").click()
    wait.until(EC.title_contains("第 1 /"))
    first = driver.current_url
    sum_js = """var n = performance.getEntriesByType('navigation')[0].transferSize;
        performance.getEntriesByType('resource').forEach(function (r) { n += r.transferSize; });
        return n;"""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(first)
    time.sleep(0.5)
    cold = driver.execute_script(sum_js)
    ok(0 < cold < 30 * 1024, "page weight: the question page on a cold cache: %d bytes (< 30 KB)" % cold)
    driver.get(first[:first.rindex("/")] + "/2")
    time.sleep(0.5)
    warm = driver.execute_script(sum_js)
    ok(0 < warm < 10 * 1024, "page weight: the next question, assets cached: %d bytes (< 10 KB)" % warm)


def pdf_text(driver, name):
    data = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"]
    path = os.path.join(artifacts, "print-%s.pdf" % name)
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                          text=True).stdout


def printed(driver, p):
    driver.get(base + "/static/robots.txt")
    driver.delete_all_cookies()
    for name, value in p["cookies"].items():
        driver.add_cookie({"name": name, "value": value, "path": "/"})
    driver.get(base + p["path"])
    if p.get("phone"):
        driver.find_element(By.NAME, "phone").send_keys(p["phone"])
        driver.find_element(By.CSS_SELECTOR, "main form button").click()
        WebDriverWait(driver, 20).until(lambda d: p["must"][0] in d.page_source)
        found = axe_check(driver)
        ok(not found, "axe, the %s" % p["name"])
        for v in found:
            print("# %s" % v, flush=True)
    buttons = [b.text.strip() for b in driver.find_elements(By.CSS_SELECTOR, "button, .button")
               if b.text.strip()]
    text = pdf_text(driver, p["name"])
    missing = [m for m in p["must"] if m not in text]
    ok(not missing, "print: the %s holds its essentials (%s)" % (p["name"], missing or "all"))
    chrome = [c for c in ["长辈模式", "管理入口", "个人信息保护", "我的蓝码 账号", "我的蓝码 登录"]
              + buttons + p.get("mustnot", []) if c in text]
    ok(not chrome, "print: the %s has no navigation or buttons (%s)" % (p["name"], chrome or "none"))


def elder_switch(driver, wait):
    driver.get(base + "/privacy")
    driver.find_element(By.LINK_TEXT, "长辈模式").click()
    wait.until(EC.title_contains("个人信息"))
    ok("mode-elder" in driver.find_element(By.TAG_NAME, "body").get_attribute("class"),
       "长辈模式: one tap, back on the same page in the elder mode")
    driver.get(base + "/quiz")
    size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    ok(size >= 21, "长辈模式: remembered on the next page, larger type (%spx)" % size)
    driver.save_screenshot(os.path.join(artifacts, "access-2-elder.png"))
    driver.find_element(By.LINK_TEXT, "标准模式").click()
    wait.until(EC.title_contains("选择角色"))
    ok("mode-elder" not in driver.find_element(By.TAG_NAME, "body").get_attribute("class"),
       "标准模式: one tap back")


def denied(driver, wait):
    driver.execute_cdp_cmd("Browser.setPermission", {"origin": base,
                           "permission": {"name": "geolocation"}, "setting": "denied"})
    driver.get(base + "/quiz/citizen")
    wait.until(EC.element_to_be_clickable((By.ID, "locate-button"))).click()
    wait.until(lambda d: "未获得定位授权" in d.find_element(By.ID, "locate-status").text)
    ok(driver.find_element(By.NAME, "region").is_displayed(),
       "geolocation denied: told so, and the manual choice is there")


def no_js(base):
    """A browser with JavaScript off (its clicks hang in chromedriver, so
    buttons and options are used by their keys)."""
    driver, profile = chromium(extra=("--blink-settings=scriptEnabled=false",), mobile=True)
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(base + "/quiz/citizen")
        ok(not driver.find_element(By.ID, "locate-button").is_displayed(),
           "without JavaScript: no locate button that could do nothing")
        driver.find_element(By.NAME, "region").send_keys("城厢街道")
        driver.find_element(By.CSS_SELECTOR, "form:not(#locate-form) button").send_keys(Keys.ENTER)
        wait.until(EC.title_contains("第 1 /"))
        for k in range(1, 30):
            right = right_of(driver) or []
            for label in driver.find_elements(By.CSS_SELECTOR, "label.opt"):
                if label.find_element(By.CSS_SELECTOR, ".opt-text").text in right:
                    label.find_element(By.TAG_NAME, "input").send_keys(Keys.SPACE)
            nxt = driver.find_elements(By.CSS_SELECTOR, ".quiz-nav button[value=next]")
            (nxt or driver.find_elements(By.CSS_SELECTOR, ".quiz-nav button[value=submit]"))[0].send_keys(Keys.ENTER)
            wait.until(lambda d: "第 %d /" % (k + 1) in d.title or "答题结果" in d.title)
            if "答题结果" in driver.title:
                break
        ok("测试通过" in driver.page_source, "without JavaScript: the quiz passed by the manual choice")
        driver.get(base + "/static/robots.txt")
        for name, value in lesson["cookies"].items():
            driver.add_cookie({"name": name, "value": value, "path": "/"})
        driver.get(base + lesson["path"])
        time.sleep(lesson["seconds"] + 1)
        driver.find_element(By.XPATH, "//button[text()='我已学完']").send_keys(Keys.ENTER)
        wait.until(lambda d: "已学完这个课时" in d.page_source)
        ok(True, "without JavaScript: a text lesson read and finished")
    finally:
        close(driver, profile)


driver, profile = chromium(mobile=True)
wait = WebDriverWait(driver, 20)
try:
    code = keyboard_quiz(driver, wait)
    driver.save_screenshot(os.path.join(artifacts, "access-1-code.png"))
    if code:
        printed(driver, {"name": "badge page", "path": code[len(base):],
                         "cookies": {c["name"]: c["value"] for c in driver.get_cookies()},
                         "must": ["普通市民", "有效期至"], "mustnot": ["下载胸卡"]})
    for p in prints:
        printed(driver, p)
    driver.delete_all_cookies()
    elder_switch(driver, wait)
    driver.delete_all_cookies()
    weight(driver, wait)
    denied(driver, wait)
finally:
    close(driver, profile)
no_js(base)
plan()
