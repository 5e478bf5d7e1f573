"""HTML pages to documents: trafilatura finds the article text, title, date and site name."""

from __future__ import annotations

import re
from datetime import date

import lxml.etree
import lxml.html

from ..errors import SourceTooLarge, UnreadableSource
from ..model import Document
from .common import DEFAULT_MAX_BYTES, utc_now

# Elements whose text is never shown to a reader; dropped before text is taken.
_HIDDEN = ("script", "style", "noscript", "template", "head", "title")
# Elements that end a line of text, so paragraphs stay apart as sentences.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
    "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_SPACES = re.compile(r"[^\S\n]+")


def document_from_html(
    content: bytes | str,
    *,
    source: str,
    url: str | None = None,
    charset: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """One page as a Document; no network, nothing in the page runs.

    The publication date comes from the page's metadata (meta tags, <time>, JSON-LD, the
    URL), never from dates in the body, which are usually the dates of events. The
    publisher is the site name the page gives, else the host name of `url`. Raises
    `SourceTooLarge` over `max_bytes` and `UnreadableSource` for a page with no text.
    """
    if len(content) > max_bytes:
        raise SourceTooLarge(f"{source} is over {max_bytes:,} bytes of HTML")
    page = _extract(_decoded(content, charset), url, source)
    text = (page.text or "").strip() if page is not None else ""
    if not text:
        raise UnreadableSource(f"{source} has no article text that can be extracted")
    return Document(
        id=None,
        text=text,
        published_at=page.date or None,
        url=url or page.url or None,
        title=page.title or None,
        publisher=page.sitename or None,
        retrieved_at=utc_now(),
        source=source,
    )


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment (a feed entry), one line per block.

    Scripts and styles are dropped unread; the fragment is only parsed, never rendered.
    """
    if "<" not in markup:
        return tidy_text(markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in [e for e in root.iter(*_HIDDEN)]:
        element.drop_tree()
    pieces: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        is_tag = isinstance(element.tag, str)  # comments and processing instructions are not
        if is_tag and element.tag in _BLOCKS:
            pieces.append("\n")
        if event == "start" and is_tag and element.text:
            pieces.append(element.text)
        if event == "end" and element.tail and element is not root:
            pieces.append(element.tail)
    return tidy_text("".join(pieces))


def _decoded(content: bytes | str, charset: str | None) -> bytes | str:
    """Text in the declared charset when it decodes, else the bytes for trafilatura to guess."""
    if isinstance(content, str) or not charset:
        return content
    try:
        return content.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return content


def _extract(content: bytes | str, url: str | None, source: str):
    import trafilatura  # a heavy import (~0.15 s), paid only when a page is read

    date_params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    try:
        return trafilatura.bare_extraction(
            content, url=url, with_metadata=True, include_comments=False,
            date_extraction_params=date_params,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on hostile markup
        raise UnreadableSource(f"{source} is HTML that cannot be parsed ({type(exc).__name__})") from None


def tidy_text(text: str) -> str:
    """Text with runs of spaces collapsed and blank lines dropped, one line per paragraph."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
