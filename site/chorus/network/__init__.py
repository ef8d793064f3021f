"""The network's own home page: every partnership, and what is happening across them."""
