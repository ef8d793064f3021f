"""Voting: one-member-one-vote ballots, members' proposals and comments, for co-ops."""
