"""Site identity: who runs each site, how to reach them, and how the site looks and is found.

One :class:`~chorus.identity.models.SiteIdentity` per Wagtail Site (a Wagtail site setting)
feeds the footer, the ``<head>`` (favicon, description, Open Graph tags) and the brand
stylesheet. Templates read it through ``{% site_identity %}`` (``chorus_identity``), which
keeps a ready-to-render copy in the generational cache: no query on a warm page.
"""
