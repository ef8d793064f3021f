"""The scheme's home page: its rules, how hours become credits, and the offers to spend on."""

from django.template.response import TemplateResponse

from .. import rounding
from .common import near_first, offers_for, own_wallet, site_scheme

#: The query parameter that puts offers near a postcode first.
POSTCODE = "postcode"


def home(request):
    """Show the site's scheme and the offers its volunteers can use today.

    ``?postcode=ME2 3DT`` lists offers in the same postcode district first, then the same
    postcode area, then the rest (see :func:`.common.near_first`). The page is the same for
    everyone but the signed-in volunteer's balance.
    """
    scheme = site_scheme(request)
    postcode = request.GET.get(POSTCODE, "").strip()[:10]
    offers = near_first(offers_for(scheme), postcode)
    context = {
        "scheme": scheme,
        "rule": rounding.RULE,
        "offers": offers,
        "postcode": postcode,
        "wallet": own_wallet(request, scheme),
    }
    return TemplateResponse(request, "timecredits/home.html", context)
