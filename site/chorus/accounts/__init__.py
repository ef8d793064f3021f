"""People's accounts: register with an email address, verify it, sign in, see a dashboard."""
