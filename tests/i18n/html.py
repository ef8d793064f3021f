"""Reading a rendered page the way the language tests need: its links, and which language
each piece of text is marked as."""

from bs4 import BeautifulSoup

#: Addresses that are the same in every language.
LANGUAGE_NEUTRAL = ("/static/", "/media/", "/admin/", "/documents/", "/sitemap.xml")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def marked_language(element):
    """Return the ``lang`` of ``element``'s nearest ancestor (itself included) that has one."""
    while element is not None:
        if getattr(element, "get", None) and element.get("lang"):
            return element["lang"]
        element = element.parent
    return None


def stray_links(response, language="pl"):
    """Return the addresses on the page that leave ``/<language>/`` but should not.

    Allowed: the language switch (links with ``hreflang``), language-neutral addresses,
    other sites' and non-HTTP addresses, and in-page anchors.
    """
    page = soup(response)
    stray = []
    for element in page.find_all(["a", "form", "link"]):
        address = element.get("href") if element.name != "form" else element.get("action")
        if not address or element.get("hreflang") or element.name == "link":
            continue
        if not address.startswith("/") or address.startswith("//"):
            continue  # other sites, mailto:, tel:, #anchors
        if address.startswith(LANGUAGE_NEUTRAL) or address.startswith(f"/{language}/"):
            continue
        stray.append(address)
    return stray


def unmarked(response, texts, language_prefix="en"):
    """Return the pieces of ``texts`` found on the page outside any element marked as
    ``language_prefix`` (``lang="en-GB"`` or ``lang="en"`` for English)."""
    page = soup(response)
    found = []
    for node in page.find_all(string=True):
        if node.parent.name in ("script", "style"):
            continue
        for text in texts:
            if text in node:
                lang = (marked_language(node.parent) or "").lower()
                if not lang.startswith(language_prefix):
                    found.append((text, lang))
    return found


def language_switch(response):
    """Return ``{hreflang: href}`` of the page's language switch."""
    nav = soup(response).find("nav", class_="language-switcher")
    if nav is None:
        return {}
    return {link["hreflang"]: link["href"] for link in nav.find_all("a")}
