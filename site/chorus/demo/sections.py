"""What every plugin's part of the demo starts from."""


class DemoSection:
    """One part of the demo (grants, time credits, voting...), built by ``seed_demo``.

    ``network`` is the network's site, ``sites`` the partnership sites by hostname,
    ``organisations`` the partner organisations by name; ``with_people`` says whether to
    create people's accounts (only with ``DEBUG`` or ``--with-admin``). Subclasses define
    ``build()`` and ``report_lines()``.
    """

    def __init__(self, network, sites, organisations, *, with_people):
        self.network = network
        self.sites = sites
        self.organisations = organisations
        self.with_people = with_people
