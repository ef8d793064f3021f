"""Sending bulletins to the register: who gets one (``recipients``), which version of it
(``versions``), the email (``emails``), the send in batches (``sending``), the mail-merge
export for post (``mailmerge``) and the admin screens (``admin_views``). See docs/register.md.
"""
