"""Chorus URLs: admin, sitemap, robots.txt, search, plugin URLs, then Wagtail's page serving."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account as wagtail_account_views
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from chorus.accounts.throttling import throttle_password_resets
from chorus.common.crawled_files import favicon, robots_txt
from chorus.languages.serving import page_urlpatterns
from chorus.plugins.urls import plugin_urlpatterns
from chorus.search import views as search_views

urlpatterns = [
    # The admin's password-reset form, limited like the public one (chorus.accounts).
    path(
        "admin/password_reset/",
        throttle_password_resets(wagtail_account_views.PasswordResetView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers ask every site for /favicon.ico; a site without its own icon gets Chorus's.
    path("favicon.ico", favicon, name="favicon"),
    path("", include("coproduction.urls")),
    # The site's brand colours as a stylesheet (chorus.identity).
    path("", include("chorus.identity.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages, search, accounts and plugin views are translatable: English has no prefix, other
# languages do (/pl/account/register/). Unprefixed addresses are always English.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("account/", include("chorus.accounts.urls")),
    path("members/", include("partnerships.members.urls")),
    path("ask-for-help/", include("chorus.support.urls")),
    # Signing up for assemblies and cancelling any booking (coproduction.taking_part).
    path("take-part/", include("coproduction.taking_part.urls")),
    # The involvement register: joining, and each person's own page (coproduction.register).
    path("", include("coproduction.register.urls")),
    # Selection by lot for assemblies: invitation links and each draw's public record.
    path("", include("coproduction.sortition.urls")),
    *plugin_urlpatterns(),
    # Wagtail's pages, each served in every language (chorus.languages.serving).
    path("", include(page_urlpatterns())),
    prefix_default_language=False,
)
