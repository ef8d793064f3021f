"""The site header as a visitor uses it in a browser test."""


def open_menu(page):
    """Open the site's menu as a visitor on a phone does (the "Menu" button in the header);
    on a wide screen, where the menu is always shown, do nothing. Returns the main
    navigation."""
    button = page.locator(".site-header .menu-toggle")
    if button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()
    return page.get_by_role("navigation", name="Main")
