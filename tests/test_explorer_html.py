"""The explorer page is one offline file whose data cannot break out of its <script>."""

import json
import re

from explorer_fixture import SCRIPT_TITLE, page_data, page_html

from topicpipe.interpret.explorer import candidate_terms, embed_json


def test_page_loads_nothing_from_the_network():
    page = page_html()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_document_markup_cannot_close_the_data_element():
    page = page_html()
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert SCRIPT_TITLE not in page
    assert "<title>Test explorer &lt;b&gt;not bold&lt;/b&gt;</title>" in page
    embedded = page.split('id="explorer-data">')[1].split("</script>")[0]
    assert json.loads(embedded)["documents"]["1"][0]["title"] == SCRIPT_TITLE


def test_embedded_json_has_no_html_special_characters():
    text = embed_json({"a": "</script><!-- & -->"})
    assert not set("<>&") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_missing_prevalence_means_become_null():
    points = page_data()["prevalence"]["1"]
    assert points[1]["mean"] is None and points[1]["n"] == 0


def test_candidate_terms_cover_both_ends_of_lambda():
    import numpy as np

    phi = np.array([[0.6, 0.3, 0.05, 0.05]])
    p_term = np.array([0.7, 0.25, 0.01, 0.04])
    terms = candidate_terms(phi, p_term, ["said", "talks", "rare", "odd"], per_lambda=1)
    assert {row[0] for row in terms[0]} >= {"said", "rare"}
