"""Test-only plugin apps that the framework tests switch on and off and observe.

They are added to INSTALLED_APPS by ``chorus.settings.test`` only, so development and
production never see them.
"""
