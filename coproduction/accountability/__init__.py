""" "You said, we did": recommendations, the commitments that answer them and their updates.

- :mod:`.sources`: a recommendation's source as hooks are told it, and turning an
  assembly's recommendations into tracked ones;
- :mod:`.updates`: changing a commitment's status or adding a note (a dated update);
- :mod:`.recipients` and :mod:`.notifying`: who took part (``chorus_people_to_tell``) and
  telling them of a change, once each, through the outbox;
- :mod:`.reminders`: reminding owners of overdue commitments;
- :mod:`.permissions`: what each editor sees (their sites and places);
- :mod:`.tracker`, :mod:`.open_data`: the public tracker and its JSON and CSV;
- :mod:`.report`: commitments kept per organisation, for the admin.

See docs/you-said-we-did.md.
"""
