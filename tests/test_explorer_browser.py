"""The offline explorer in a real headless Chromium: topics, slider, documents, no errors.

`make test` installs Debian's chromium and chromium-driver when it runs as root; where
they cannot be installed this test is skipped with the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from explorer_fixture import BY_LIFT, BY_PROBABILITY, IMG_SNIPPET, SCRIPT_TITLE, page_html

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
]


def _find(*names: str) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if not chromium or not driver_path:
        pytest.skip(
            "Chromium or chromedriver not found; install Debian's chromium and chromium-driver "
            "(make test does so when run as root)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager never tries to download anything.
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(driver_path))
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, tmp_path: Path):
    path = tmp_path / "explorer.html"
    path.write_text(page_html(), encoding="utf-8")
    browser.get(path.as_uri())
    WebDriverWait(browser, 10).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#topic-list button")) == 2
    )
    return browser


def _terms(driver) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#term-list .term")]


def test_explorer_lists_topics_and_shows_the_selected_one(page):
    names = [b.text for b in page.find_elements(By.CSS_SELECTOR, "#topic-list button")]
    assert "1 · Nuclear talks" in names[0] and "60.0%" in names[0]
    page.find_element(By.CSS_SELECTOR, '#topic-list button[data-topic="2"]').click()
    assert page.find_element(By.ID, "topic-title").text == "Topic 2 · oil, price, barrel"
    assert [e.text for e in page.find_elements(By.CSS_SELECTOR, ".doc-title")] == ["Oil article"]
    # The map's bubbles select topics too.
    page.find_element(By.CSS_SELECTOR, '#topic-map g[data-topic="1"]').click()
    assert page.find_element(By.ID, "topic-title").text == "Topic 1 · Nuclear talks"


def test_relevance_slider_reranks_terms(page):
    slider = page.find_element(By.ID, "lambda")
    assert slider.get_attribute("value") == "0.6"
    slider.send_keys(Keys.END)
    assert page.find_element(By.ID, "lambda-value").text == "1.00"
    assert _terms(page) == BY_PROBABILITY
    slider.send_keys(Keys.HOME)
    assert page.find_element(By.ID, "lambda-value").text == "0.00"
    assert _terms(page) == BY_LIFT


def test_document_markup_is_shown_as_text_and_never_run(page):
    titles = [e.text for e in page.find_elements(By.CSS_SELECTOR, ".doc-title")]
    assert titles[0] == SCRIPT_TITLE
    snippets = [e.text for e in page.find_elements(By.CSS_SELECTOR, ".doc-snippet")]
    assert snippets[0] == IMG_SNIPPET
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert.text  # noqa: B018
    assert page.execute_script("return window.__xss") is None
    assert (
        page.execute_script("return document.querySelectorAll('main script, main img').length") == 0
    )
    assert page.title == "Test explorer <b>not bold</b>"


def test_prevalence_chart_marks_periods(page):
    chart = page.find_element(By.ID, "prevalence-chart")
    points = chart.find_elements(By.TAG_NAME, "circle")
    # Three periods: one with enough documents (filled), one empty (no point), one with
    # few documents (hollow).
    assert [p.get_attribute("fill") for p in points] == ["#0072B2", "#fff"]
    labels = [t.text for t in chart.find_elements(By.TAG_NAME, "text")]
    assert "2016-01" in labels and "2016-03" in labels


def test_console_has_no_errors(page):
    page.find_element(By.CSS_SELECTOR, '#topic-list button[data-topic="2"]').click()
    page.find_element(By.ID, "lambda").send_keys(Keys.HOME)
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_run_notes_are_shown_warnings_first_as_text(page):
    panel = page.find_element(By.ID, "run-notes")
    assert panel.is_displayed()
    warnings = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#note-warnings li")]
    assert warnings == [
        "flat_topic = topic 2: near-uniform <b>terms</b> (to change it: train fewer topics)"
    ]
    summary = page.find_element(By.ID, "note-choices-title").text
    assert summary == "1 automatic choice (settings left at auto)"
