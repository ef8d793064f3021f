"""Public URLs of the coproduction app (the charter's signing form lives on its page)."""

urlpatterns = []
