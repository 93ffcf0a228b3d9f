"""The offline explorer in a real headless Chromium: topics, map, terms, search, documents,
comparison, time chart, narrow screens, no errors.

`make test` installs Debian's chromium and chromium-driver when it runs as root; where
they cannot be installed this test is skipped with the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from explorer_fixture import (
    BY_LIFT,
    BY_PROBABILITY,
    IMG_TEXT,
    LONG_TERM,
    NO_DATES,
    SCRIPT_TITLE,
    page_html,
)

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
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


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("explorer") / "explorer.html"
    path.write_text(page_html(), encoding="utf-8")
    return path


def _open(browser, page_file: Path, width: int = 1280, fragment: str = ""):
    browser.set_window_size(width, 1000)
    # A blank page first, so that a new fragment really loads the page again.
    browser.get("about:blank")
    browser.get(page_file.as_uri() + fragment)
    WebDriverWait(browser, 10).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#topic-list button")) == 2
    )
    return browser


@pytest.fixture
def page(browser, page_file):
    return _open(browser, page_file)


def _title(driver) -> str:
    return driver.find_element(By.ID, "topic-title").text


def _terms(driver, panel: str = "terms-main") -> list[str]:
    return [
        e.get_attribute("textContent")
        for e in driver.find_elements(By.CSS_SELECTOR, f"#{panel} .term")
    ]


def _radius(driver, topic: int) -> float:
    circle = driver.find_element(
        By.CSS_SELECTOR, f'#topic-map .bubble[data-topic="{topic}"] circle'
    )
    return float(circle.get_attribute("r"))


def test_explorer_lists_topics_and_shows_the_selected_one(page):
    names = [b.text for b in page.find_elements(By.CSS_SELECTOR, "#topic-list button")]
    assert "1 · Nuclear talks" in names[0] and "60.0%" in names[0]
    page.find_element(By.CSS_SELECTOR, '#topic-list button[data-topic="2"]').click()
    assert _title(page) == "Topic 2 · oil, price, barrel *"
    assert page.find_element(By.CSS_SELECTOR, ".doc-title").text == "Article 8"


def test_every_bubble_is_clickable_and_the_selected_one_is_marked(page):
    for topic in (2, 1):
        page.find_element(By.CSS_SELECTOR, f'#topic-map .bubble[data-topic="{topic}"]').click()
        assert _title(page).startswith(f"Topic {topic} ·")
        selected = page.find_elements(By.CSS_SELECTOR, "#topic-map .bubble.selected")
        assert [b.get_attribute("data-topic") for b in selected] == [str(topic)]


def _view_box(driver) -> list[float]:
    box = driver.find_element(By.ID, "topic-map")
    return [float(v) for v in box.get_dom_attribute("viewBox").split()]


def test_map_is_reachable_by_keyboard_and_zooms(page):
    bubble = page.find_element(By.CSS_SELECTOR, '#topic-map .bubble[data-topic="2"]')
    page.execute_script("arguments[0].focus()", bubble)
    bubble.send_keys(Keys.ENTER)
    assert _title(page).startswith("Topic 2 ·")
    before = _view_box(page)
    page.find_element(By.ID, "zoom-in").click()
    after = _view_box(page)
    assert after[2] < before[2] and after[3] < before[3]
    page.find_element(By.ID, "zoom-reset").click()
    assert _view_box(page) == before


def test_relevance_slider_reranks_terms(page):
    slider = page.find_element(By.ID, "lambda")
    assert slider.get_attribute("value") == "0.6"
    slider.send_keys(Keys.END)
    assert page.find_element(By.ID, "lambda-value").text == "1.00"
    assert _terms(page) == BY_PROBABILITY
    slider.send_keys(Keys.HOME)
    assert page.find_element(By.ID, "lambda-value").text == "0.00"
    assert _terms(page) == BY_LIFT


def test_term_bars_show_corpus_and_topic_frequency(page):
    row = page.find_element(By.CSS_SELECTOR, '#terms-main .term-row[data-term="said"]')
    total = row.find_element(By.CSS_SELECTOR, ".bar-total").size["width"]
    topic = row.find_element(By.CSS_SELECTOR, ".bar-topic").size["width"]
    # "said": 500 in the corpus, about 0.4 × 600 = 240 in topic 1.
    assert topic == pytest.approx(total * 240 / 500, abs=2)
    assert "500 times in the corpus" in row.get_attribute("title")


def test_hovering_a_term_shows_its_spread_over_topics_on_the_map(page):
    before = (_radius(page, 1), _radius(page, 2))
    oil = page.find_element(By.CSS_SELECTOR, '#terms-main .term-row[data-term="oil"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", oil)
    ActionChains(page).move_to_element(oil).perform()
    # "oil": 0.10 × 600 tokens in topic 1 against 0.36 × 400 in topic 2.
    assert _radius(page, 2) > _radius(page, 1)
    assert "oil" in page.find_element(By.ID, "map-caption").text
    ActionChains(page).move_to_element(page.find_element(By.ID, "topic-title")).perform()
    assert (_radius(page, 1), _radius(page, 2)) == before
    oil.click()  # a click keeps the view until it is cleared
    ActionChains(page).move_to_element(page.find_element(By.ID, "topic-title")).perform()
    assert _radius(page, 2) > _radius(page, 1)
    page.find_element(By.ID, "term-clear").click()
    assert (_radius(page, 1), _radius(page, 2)) == before


def test_search_finds_terms_and_opens_documents(page):
    box = page.find_element(By.ID, "search")
    box.send_keys("enrich")
    result = WebDriverWait(page, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .term-result")
    )[0]
    assert result.text.startswith("enrichment")
    result.click()
    assert "enrichment" in page.find_element(By.ID, "map-caption").text
    box.clear()
    box.send_keys("article 9")
    # The search runs once typing pauses: wait for the results of the whole query.
    WebDriverWait(page, 5).until(
        lambda d: (
            [
                f.text.split(" — ")[0]
                for f in d.find_elements(By.CSS_SELECTOR, "#search-results .doc-result")
            ]
            == ["Article 9"]
        )
    )
    page.find_element(By.CSS_SELECTOR, "#search-results .doc-result").click()
    assert _title(page).startswith("Topic 2 ·")
    opened = page.find_element(By.CSS_SELECTOR, "#doc-list li.found")
    assert opened.find_element(By.CSS_SELECTOR, "details").get_attribute("open") is not None
    assert "id a09" in opened.text


def test_documents_show_metadata_full_text_and_more_on_request(page):
    first = page.find_element(By.CSS_SELECTOR, "#doc-list li")
    assert "id a00" in first.text and "2016-01-05" in first.text and "by Anna Kessler" in first.text
    first.find_element(By.TAG_NAME, "summary").click()
    assert first.find_element(By.CSS_SELECTOR, ".doc-text").text == IMG_TEXT
    long = page.find_elements(By.CSS_SELECTOR, "#doc-list li")[2]
    assert "the whole text is in results/ingest/documents.jsonl" in long.text
    assert len(page.find_elements(By.CSS_SELECTOR, "#doc-list > li")) == 5
    more = page.find_element(By.ID, "more-docs")
    more.click()
    more.click()
    assert len(page.find_elements(By.CSS_SELECTOR, "#doc-list > li")) == 11
    assert not more.is_displayed()


def test_document_markup_is_shown_as_text_and_never_run(page):
    titles = [e.text for e in page.find_elements(By.CSS_SELECTOR, ".doc-title")]
    assert titles[0] == SCRIPT_TITLE
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert.text  # noqa: B018
    assert page.execute_script("return window.__xss") is None
    assert (
        page.execute_script("return document.querySelectorAll('main script, main img').length") == 0
    )
    assert page.title == "Test explorer <b>not bold</b>"


def test_two_topics_side_by_side_and_together_over_time(page):
    Select(page.find_element(By.ID, "compare")).select_by_value("2")
    assert page.find_element(By.ID, "terms-compare").is_displayed()
    assert _terms(page, "terms-compare")[:1] == ["oil"]
    shared = page.find_elements(By.CSS_SELECTOR, "#terms-main .term-row.shared .term")
    assert {e.text for e in shared} == {"said", "oil"}
    assert "distance 0.70" in page.find_element(By.ID, "compare-note").text
    chart = page.find_element(By.ID, "prevalence-chart")
    assert len(chart.find_elements(By.TAG_NAME, "polyline")) >= 4  # two topics, two runs each
    chips = [c.text for c in page.find_elements(By.CSS_SELECTOR, "#prevalence-chips .chip")]
    assert chips[0].startswith("1 ·") and chips[1].startswith("2 ·")


def test_time_chart_leaves_gaps_and_marks_few_documents(page):
    chart = page.find_element(By.ID, "prevalence-chart")
    points = chart.find_elements(By.TAG_NAME, "circle")
    # Three periods: enough documents (filled), none (a hatched gap, no point), few (hollow).
    assert [p.get_attribute("fill") for p in points] == ["#0072B2", "#fff"]
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect.gap")) == 1
    labels = [t.text for t in chart.find_elements(By.TAG_NAME, "text")]
    assert "2016-01" in labels and "2016-03" in labels
    Select(page.find_element(By.ID, "add-topic")).select_by_value("2")
    circles = page.find_element(By.ID, "prevalence-chart").find_elements(By.TAG_NAME, "circle")
    assert len(circles) == 4


def test_without_dates_the_time_chart_says_why(browser, tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(page_html(dated=False), encoding="utf-8")
    _open(browser, path)
    assert browser.find_element(By.ID, "prevalence").text == NO_DATES
    assert not browser.find_element(By.ID, "prevalence-controls").is_displayed()
    assert browser.find_elements(By.ID, "prevalence-chart") == []
    Select(browser.find_element(By.ID, "compare")).select_by_value("2")
    note = browser.find_element(By.ID, "compare-note").text
    assert "Jensen–Shannon distance 0.70" in note
    assert "correlation of their shares not computed (too few documents" in note
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_topic_in_the_address_is_shown_on_load_and_when_it_changes(browser, page_file):
    _open(browser, page_file, fragment="#topic-2")
    assert _title(browser).startswith("Topic 2 ·")
    browser.execute_script("location.hash = '#topic-1'")
    WebDriverWait(browser, 5).until(lambda d: _title(d).startswith("Topic 1 ·"))


def test_narrow_screen_keeps_terms_off_the_bars(browser, page_file):
    _open(browser, page_file, width=600)
    Select(browser.find_element(By.ID, "compare")).select_by_value("2")
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    for row in browser.find_elements(By.CSS_SELECTOR, ".term-row"):
        term = row.find_element(By.CLASS_NAME, "term").rect
        bars = row.find_element(By.CLASS_NAME, "bars").rect
        assert term["x"] + term["width"] <= bars["x"] + 0.5, row.get_attribute("data-term")
    long = browser.find_element(By.CSS_SELECTOR, f'.term-row[data-term="{LONG_TERM}"] .term')
    # The long term is cut with an ellipsis (its full name is in the row's tooltip).
    assert browser.execute_script(
        "return arguments[0].scrollWidth > arguments[0].clientWidth", long
    )
    map_box = browser.find_element(By.ID, "topic-map").rect
    assert map_box["width"] >= 500


def test_console_has_no_errors(page):
    page.find_element(By.CSS_SELECTOR, '#topic-list button[data-topic="2"]').click()
    page.find_element(By.ID, "lambda").send_keys(Keys.HOME)
    page.find_element(By.ID, "search").send_keys("oil")
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_a_flagged_topic_is_starred_with_its_flags_in_the_tooltip(page):
    button = page.find_element(By.CSS_SELECTOR, '#topic-list button[data-topic="2"]')
    assert button.find_element(By.CLASS_NAME, "name").text.endswith(" *")
    assert "flagged: flat" in button.get_attribute("title")
    first = page.find_element(By.CSS_SELECTOR, '#topic-list button[data-topic="1"]')
    assert not first.find_element(By.CLASS_NAME, "name").text.endswith("*")


def test_run_notes_are_shown_warnings_first_as_text(page):
    panel = page.find_element(By.ID, "run-notes")
    assert panel.is_displayed()
    warnings = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#note-warnings li")]
    assert warnings == [
        "flat_topic = topic 2: near-uniform <b>terms</b> (to change it: train fewer topics)"
    ]
    summary = page.find_element(By.ID, "note-choices-title").text
    assert summary == "1 automatic choice (settings left at auto)"
