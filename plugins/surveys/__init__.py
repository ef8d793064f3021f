"""Surveys and consultations: questions built in the Wagtail editor, answered one question or
one section at a time, in standard, Easy Read and translated versions whose results combine."""
