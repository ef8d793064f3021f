"""Breadcrumbs for a plugin's own Wagtail admin pages."""


class BreadcrumbTrailMixin:
    """Show "Home › <trail> › <this page>" on a view built on ``WagtailAdminTemplateMixin``.

    Set ``trail`` (or override ``get_trail()``) to the ``(url, label)`` pairs between the
    admin home and this page.
    """

    #: The breadcrumb trail between "Home" and this page, as (url, label) pairs.
    trail = ()

    def get_breadcrumbs_items(self):
        items = [{"url": url, "label": label} for url, label in self.get_trail()]
        items.append({"url": "", "label": self.get_page_title()})
        return self.breadcrumbs_items + items

    def get_trail(self):
        return self.trail
