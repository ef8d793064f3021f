"""Idea boards: residents suggest, support and discuss ideas on a topic, with moderation."""
