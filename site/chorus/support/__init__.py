"""Ask for help or another format: a form on every site for a person to ask for Easy Read,
large print, an interpreter, a call back or another adjustment, and the admin inbox where the
site's team answers. Needs are recorded with the Accessible Information Standard's categories.
"""
