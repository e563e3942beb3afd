"""A real Chromium, driven through Selenium, for what a person sees."""

import contextlib
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / ".run" / "screenshots"
PHONE = (390, 844)
DESKTOP = (1366, 900)
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=zh-CN",
]


@contextlib.contextmanager
def browser(size=DESKTOP):
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={max(size[0], 500)},{size[1]}")
    options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        if size[0] < 500:  # headless windows are at least 500 px wide
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {
                    "width": size[0],
                    "height": size[1],
                    "deviceScaleFactor": 2,
                    "mobile": True,
                },
            )
        yield driver
    finally:
        driver.quit()


def login(driver, odoo, user, password):
    driver.get(f"{odoo.url}/web/login?db={odoo.db}")
    wait(driver).until(ec.element_to_be_clickable((By.ID, "login")))
    driver.find_element(By.ID, "login").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(
        By.CSS_SELECTOR, "form.oe_login_form button[type=submit]"
    ).click()
    wait(driver).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".o_web_client"))
    )


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def open_action(driver, odoo, xmlid):
    driver.get(f"{odoo.url}/odoo/action-{xmlid}")
    wait(driver).until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, ".o_action_manager .o_view_controller")
        )
    )
    time.sleep(1)  # let the view settle before a screenshot


def screenshot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def horizontal_overflow(driver):
    """Pixels the page is wider than the viewport (0: no sideways scroll)."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
