"""Reading rendered pages the way a reader sees them: the parsed document, its
text, its links."""

from bs4 import BeautifulSoup


def soup(page, status=200):
    """The parsed HTML of `page`: a test client response (whose status must be
    `status`; None accepts any) or markup."""
    if hasattr(page, "status_code"):
        if status is not None:
            assert page.status_code == status, page
        page = page.content
    return BeautifulSoup(page, "html.parser")


def text_of(page, selector=None):
    """The text of `page` (a response, markup or a parsed node), or of the first
    element matching `selector` in it, with its whitespace collapsed."""
    node = page if hasattr(page, "select_one") else soup(page)
    if selector is not None:
        node = node.select_one(selector)
        assert node is not None, f"nothing matches {selector!r}"
    return " ".join(node.get_text(" ").split())


def links(page, selector="a[href]"):
    """The targets of the links matching `selector` in `page`, in document order."""
    node = page if hasattr(page, "select") else soup(page)
    return [element["href"] for element in node.select(selector)]
