"""The voting admin's own screens (those the ballots' viewset does not provide)."""
