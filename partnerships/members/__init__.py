"""The members' pages of a co-op or partnership: joining, the member area and the directory.

Everything here starts from the register of the site being visited
(:func:`partnerships.membership.register_for`); a site without a register answers 404.
Status changes go through :mod:`partnerships.membership` only.
"""
