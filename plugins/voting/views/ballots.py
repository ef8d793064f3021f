"""Placeholder: the ballot pages are being written."""

from django.http import HttpResponse


def have_your_say(request):
    return HttpResponse("Have your say")
