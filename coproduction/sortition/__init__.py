"""Selection by lot for assemblies: invitations, volunteers, the frozen pool, the published
seed, the stratified draw (``algorithm.py``, plain Python anyone can re-run) and its report.
See docs/sortition.md."""
