"""Languages done right: what ``/pl/`` serves, where its links lead, and which language each
piece of content is in.

The rule (docs/translating-pages.md): every public page has an address in every language.
``/pl/...`` serves the page's Polish translation (a page in the Polish locale tree, made with
wagtail-localize) when one is live; otherwise it serves the English page inside an element
marked ``lang="en-GB"``, under a notice in Polish that the page is not yet translated, while
the navigation, footer and other chrome stay in Polish. Links on a ``/pl/`` page stay under
``/pl/``.
"""
