"""HTML pages to documents with trafilatura, and HTML fragments to plain text."""

from __future__ import annotations

import pytest
import trafilatura

from tollwatch.errors import SourceTooLarge, UnreadableSource
from tollwatch.ingest.common import DEFAULT_MAX_BYTES
from tollwatch.ingest.html import document_from_html, html_to_text


def test_html_article_gives_text_title_date_and_publisher(fixture_bytes):
    doc = document_from_html(fixture_bytes("article.html"), source="article.html")
    assert doc.text.startswith("Roadside bomb kills four in Kelmora")
    assert "Four people were killed and nine injured" in doc.text
    assert "three were in critical condition" in doc.text
    assert doc.title == "Roadside bomb kills four in Kelmora"
    assert doc.publisher == "The Valley Courier"
    assert doc.published_at == "2026-03-04"
    assert doc.source == "article.html"
    assert doc.id is None and doc.retrieved_at


def test_html_boilerplate_and_scripts_stay_out_of_the_text(fixture_bytes):
    text = document_from_html(fixture_bytes("article.html"), source="a").text
    for noise in ("tracking pixel", "Most read", "Sport", "color: grey", "©"):
        assert noise not in text


def test_html_url_given_wins_over_the_canonical_link(fixture_bytes):
    page = fixture_bytes("article.html")
    assert document_from_html(page, source="a").url == "https://courier.example.org/2026/03/kelmora-blast"
    fetched = document_from_html(page, source="a", url="https://mirror.example.org/k")
    assert fetched.url == "https://mirror.example.org/k"


def test_html_publisher_falls_back_to_the_host_name(fixture_bytes):
    doc = document_from_html(fixture_bytes("nodate.html"), source="n", url="https://www.ridge.example.net/r/7")
    assert doc.publisher == "ridge.example.net"
    assert document_from_html(fixture_bytes("nodate.html"), source="n").publisher is None


def test_html_dates_in_the_body_are_not_publication_dates(fixture_bytes):
    # The page names 11 January 2026 as the day of the shooting, not as its own date.
    doc = document_from_html(fixture_bytes("nodate.html"), source="nodate.html")
    assert doc.published_at is None
    assert "Two shepherds were wounded" in doc.text


def test_html_declared_charset_is_used(fixture_bytes):
    page = "<html><body><article><p>Le chef du village a dit que deux bergers ont été blessés près du col.</p></article></body></html>"
    doc = document_from_html(page.encode("latin-1"), source="fr.html", charset="iso-8859-1")
    assert "été blessés" in doc.text


def test_html_without_text_fails(fixture_bytes):
    with pytest.raises(UnreadableSource, match="empty.html has no article text"):
        document_from_html(fixture_bytes("empty.html"), source="empty.html")


def test_html_over_the_limit_fails_before_parsing(monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("a page over the limit must not be parsed")

    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    huge = b"<html><body>" + b"<p>The valley was quiet that day.</p>" * 560_000 + b"</body></html>"
    assert len(huge) > 20_000_000
    with pytest.raises(SourceTooLarge, match=f"over {DEFAULT_MAX_BYTES:,} bytes of HTML"):
        document_from_html(huge, source="huge.html")
    with pytest.raises(SourceTooLarge, match="over 100 bytes"):
        document_from_html(b"<html><body><p>" + b"x" * 200 + b"</p></body></html>", source="s", max_bytes=100)


def test_html_to_text_keeps_blocks_apart_and_drops_scripts():
    fragment = (
        "<p>Two police officers were <b>hurt</b> in Brenn.</p><script>steal()</script>"
        "<style>p{}</style><!-- a note --><ul><li>one grenade</li><li>no arrests</li></ul>"
        "Officials said so.<br>Later &amp; more."
    )
    assert html_to_text(fragment) == (
        "Two police officers were hurt in Brenn.\none grenade\nno arrests\nOfficials said so.\nLater & more."
    )


def test_html_to_text_of_plain_text_only_tidies_spaces():
    assert html_to_text("  six   drivers\n\n killed ") == "six drivers\nkilled"
    assert html_to_text("") == ""
