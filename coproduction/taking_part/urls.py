"""Taking part's public addresses, in every language (/take-part/…, /pl/take-part/…).

An event's sign-up form is the events plugin's (``/plugins/events/…``), so it answers 404
where events is off; these are the assembly's form and the pages every booking shares.
"""

from django.urls import path

from . import views

app_name = "taking_part"

urlpatterns = [
    path("assembly/<int:pk>/", views.assembly_sign_up, name="assembly_sign_up"),
    path("booked/", views.booked, name="booked"),
    path("cancel/<str:token>/", views.cancel_booking, name="cancel"),
    path("cancelled/", views.cancelled, name="cancelled"),
    path("ticket/<str:code>/", views.ticket, name="ticket"),
    path("ticket/<str:code>/calendar.ics", views.ticket_calendar, name="ticket_calendar"),
]
