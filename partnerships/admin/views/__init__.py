"""The secretaries' admin views: the register, applications, a member, classes, settings."""
