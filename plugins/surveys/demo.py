HOSTNAMES = ("medway-swale.localhost",)


def build(context):
    return []
