"""Web pages: the minutes without the site around them (menus, sidebars, footers, cookie
banners), h1-h6 and bold blocks kept as structure."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "ul", "ol", "section", "article", "dt", "dd", "blockquote", "pre", "hr",
    "main", "header", "footer", "address", "figure", "figcaption", "caption", "center",
    "details", "summary", "dl", "fieldset", "legend", "thead", "tbody", "tfoot", "body",
}  # fmt: skip
# never the minutes: code, embedded objects, form controls, site navigation
_HTML_DROP_TAGS = [
    "script", "style", "noscript", "template", "head", "iframe", "svg", "object", "embed",
    "canvas", "button", "select", "input", "textarea", "dialog", "nav", "aside", "menu",
]  # fmt: skip
_HTML_DROP_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar",
}  # fmt: skip
# a class or id holding one of these words marks site chrome (WordPress, Drupal, Bootstrap
# and cookie-consent plug-ins name theirs so); whole words only, so "public-comment" stays
_CHROME_WORDS = {
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb", "breadcrumbs",
    "sidebar", "widget", "widgets", "cookie", "cookies", "cookiebar", "consent", "gdpr", "cc",
    "skip", "skiplink", "skiplinks", "share", "sharing", "social", "comments", "respond",
    "related", "pagination", "pager", "colophon", "masthead", "topbar", "toolbar", "search",
    "newsletter", "subscribe", "advert", "advertisement", "ads", "sponsor", "popup", "modal",
    "byline", "footer", "mgbreadcrumbs",
}  # fmt: skip
_CHROME_PAIRS = {("entry", "meta"), ("post", "meta"), ("posted", "on"), ("site", "header")}
_HTML_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HTML_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)


class _HtmlBlock:
    """One block of a page's text: a paragraph, cell, list item or heading line."""

    __slots__ = ("text", "level", "bold", "link_chars", "gap")

    def __init__(self, text: str, level: int, bold: bool, link_chars: int, gap: str) -> None:
        self.text, self.level, self.bold = text, level, bold
        self.link_chars, self.gap = link_chars, gap

    def line(self) -> str:
        if self.level:
            return f"{'#' * self.level} {' '.join(self.text.split())}"
        if self.bold and "\n" not in self.text:
            return f"**{self.text}**"
        return self.text

    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text.replace(" ", "")))


def html_text(data: bytes) -> str:
    """A web page's minutes without the site around it. h1-h6 become `#` lines and a block
    whose text is all bold (<b>, <strong>) becomes `**text**`. The minutes are a modern.gov
    page's #modgov, else the page's <main> or single <article>, else (pages without such
    markup) the run of blocks that trafilatura's main-text extraction finds; menus, sidebars,
    footers and cookie banners are dropped by their tags, ARIA roles and class names."""
    from bs4 import BeautifulSoup

    try:  # UTF-8 where it is (bs4's guess can take it for cp1252), else bs4's sniffing
        soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    except UnicodeDecodeError:
        soup = BeautifulSoup(data, "html.parser")
    _drop_html_chrome(soup)
    root = soup.select_one("#modgov")
    if root is None:
        mains = soup.select("main, [role=main]")
        articles = soup.find_all("article")
        if len(mains) == 1:
            root = mains[0]
        elif len(articles) == 1:
            root = articles[0]
    if root is not None:
        blocks = _html_blocks(root)
    else:
        body = soup.body or soup
        blocks = _main_blocks(_html_blocks(body), str(body))
    out: list[str] = []
    for block in blocks:
        if out:
            out.append(block.gap)
        out.append(block.line())
    return html_lib.unescape("".join(out)) + "\n"


def _drop_html_chrome(soup: Any) -> None:
    """Take out what is never the minutes, in one pass from the top (a dropped element's
    insides are not looked at): code and controls, navigation, footers, small forms, and
    elements whose ARIA role or class/id names site chrome. An element holding #modgov,
    <main> or an <article> is never chrome (ASP.NET wraps whole pages in a <form>), nor is
    a <header> holding a heading (an article's title)."""
    from bs4 import Comment, Tag

    def ancestry(selector: str) -> set[int]:
        found: set[int] = set()
        for el in soup.select(selector):
            for node in [el, *el.parents]:
                if id(node) in found:
                    break
                found.add(id(node))
        return found

    holds_main = ancestry("#modgov, main, [role=main], article")
    holds_heading = ancestry(", ".join(_HTML_HEADING))

    def chrome(tag: Any) -> bool:
        name = tag.name
        if id(tag) in holds_main:
            return False
        if name in _HTML_DROP_TAGS or name == "footer":
            return True
        if name == "header":
            return id(tag) not in holds_heading
        if name == "form":
            return len(tag.get_text(" ", strip=True)) < 500  # a search box, a comment form
        if tag.get("aria-hidden") == "true" or tag.get("id") == "skipLinks":
            return True
        if str(tag.get("role") or "").lower() in _HTML_DROP_ROLES:
            return True
        names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")]).lower()
        words = [w for w in re.split(r"[^a-z0-9]+", names) if w]
        return bool(set(words) & _CHROME_WORDS or set(zip(words, words[1:])) & _CHROME_PAIRS)

    drops: list[Any] = []
    stack = [soup]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, Comment):
                drops.append(child)
            elif isinstance(child, Tag):
                if child.name not in ("html", "body") and chrome(child):
                    drops.append(child)
                else:
                    stack.append(child)
    for element in drops:
        element.extract()


def _html_blocks(root: Any) -> list[_HtmlBlock]:
    """The blocks of an element's text in document order."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    blocks: list[_HtmlBlock] = []
    parts: list[tuple[str, bool, bool]] = []  # text, bold, in a link
    gap, level = "\n\n", 0  # before the next block; the heading being read

    def flush(gap_after: str = "\n\n") -> None:
        nonlocal gap
        text = "".join(p[0] for p in parts)
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
        if text:
            bold = all(b for t, b, _ in parts if t.strip())
            links = sum(len(t.replace(" ", "")) for t, _, a in parts if a)
            blocks.append(_HtmlBlock(text, level, bold, links, gap))
            gap = gap_after
        elif gap_after == "\n\n":
            gap = gap_after
        parts.clear()

    # an explicit stack, not recursion: a hostile page may nest tags thousands deep
    stack: list[tuple[Any, ...]] = [("node", root, False, False, False)]
    while stack:
        item = stack.pop()
        if item[0] == "text":
            parts.append(item[1:])
        elif item[0] == "start":
            flush()
            level = item[1] or level
        elif item[0] == "end":
            flush()
            level = 0
        else:
            _, node, bold, link, pre = item
            for child in reversed(list(node.children)):
                if isinstance(child, Tag):
                    name = child.name
                    if name == "br":
                        stack.append(("text", "\n", bold, link))
                    elif name in _HTML_HEADING or name in _BLOCK_TAGS:
                        stack.append(("end",))
                        stack.append(("node", child, False, link, pre or name == "pre"))
                        stack.append(("start", _HTML_HEADING.get(name, 0)))
                    else:
                        style = str(child.get("style") or "")
                        strong = name in ("b", "strong") or bool(_HTML_BOLD_STYLE.search(style))
                        stack.append(("node", child, bold or strong, link or name == "a", pre))
                elif isinstance(child, NavigableString) and not isinstance(
                    child, PreformattedString
                ):
                    text = str(child) if pre else re.sub(r"\s+", " ", str(child))
                    stack.append(("text", text, bold, link))
    flush()
    for block in blocks:
        if "\n" in block.text and not block.level:
            block.bold = False  # lines split by <br>: bold only if each is its own block
    return blocks


def _main_blocks(blocks: list[_HtmlBlock], page: str) -> list[_HtmlBlock]:
    """For a page without #modgov, <main> or <article>: the blocks from just before the
    first to the last one whose text trafilatura takes as the page's main text. The blocks
    just before that run are kept while they are not links (the committee's name, the date,
    who was present); inside it, blocks mostly of links that trafilatura left out go."""
    total = sum(len(b.text) for b in blocks)
    links = sum(b.link_chars for b in blocks)
    if not blocks or links < 0.05 * total:
        return blocks  # an exported document: nothing around the text to take away
    try:
        import trafilatura

        extracted = trafilatura.extract(
            page,
            include_tables=True,
            include_comments=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:  # the locator is an aid: a page it cannot take is kept whole
        extracted = None
    if not extracted:
        return blocks
    lines = {" ".join(line.split()) for line in extracted.splitlines()}
    flat = " ".join(extracted.split())

    def found(block: _HtmlBlock) -> bool:
        text = " ".join(block.text.split())
        return text in lines or (len(text) >= 25 and text in flat)

    anchors = [i for i, b in enumerate(blocks) if found(b)]
    if not anchors:
        return blocks
    first, last = anchors[0], anchors[-1]
    while first > 0 and blocks[first - 1].link_density() < 0.5:
        first -= 1
    return [b for b in blocks[first : last + 1] if b.link_density() < 0.5 or found(b) or b.level]
