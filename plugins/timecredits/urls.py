"""The time-credits pages, mounted at ``/plugins/timecredits/`` (namespace ``timecredits``).

The scheme's home is public; the wallet, voucher and gift pages are the signed-in
volunteer's own; ``partners/<wallet id>/`` pages are for the partner's staff.
"""

from django.urls import path

from .views import partner, scheme, volunteer

urlpatterns = [
    path("", scheme.home, name="home"),
    path("wallet/", volunteer.wallet, name="wallet"),
    path("wallet/statement.csv", volunteer.statement, name="statement"),
    path("wallet/gift/", volunteer.gift, name="gift"),
    path("offers/<int:offer_id>/redeem/", volunteer.redeem, name="redeem"),
    path("vouchers/<str:code>/", volunteer.voucher, name="voucher"),
    path("partners/<int:wallet_id>/", partner.partner_home, name="partner"),
    path("partners/<int:wallet_id>/record/", partner.record_time, name="record"),
    path("partners/<int:wallet_id>/confirm/", partner.confirm_voucher, name="confirm"),
    path("partners/<int:wallet_id>/take/", partner.take_credits, name="take"),
]
