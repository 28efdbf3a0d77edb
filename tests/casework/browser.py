"""Headless Debian chromium driven by selenium and chromium-driver, for the HTML exports' tests.

`browser()` is a context manager yielding a WebDriver, or skipping the test, saying why, when
chromium, its driver or selenium is missing (`.ci/run` installs all three).
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
# Headless, offline, and quiet: without the networking flags chromium keeps trying hosts this machine
# cannot reach. Each caller adds its own --user-data-dir.
HEADLESS_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@contextmanager
def browser(tmp_path, width: int = 1100, height: int = 900):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra)")
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium or chromium-driver is not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        *HEADLESS_FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    try:
        yield driver
    finally:
        driver.quit()
