"""Page-tree rules shared by the co-production page types."""

# Assemblies and the charter belong to a partnership's site or to the network's own site.
COPRODUCTION_PARENTS = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]
