"""Account URLs, mounted at ``/account/``."""

app_name = "accounts"

urlpatterns = []
