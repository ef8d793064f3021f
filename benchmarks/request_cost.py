"""What one uncached request costs: database queries, cache round trips and CPU time.

Run against a database already seeded with the demo, under the production settings that
``throughput.sh`` serves (see benchmarks/README.md), with the server-side page cache off:

    DJANGO_SETTINGS_MODULE=chorus.settings.production SECRET_KEY=x SECURE_SSL_REDIRECT=false \\
    ALLOWED_HOSTS=.localhost DATABASE_URL=postgres://... REDIS_URL=redis://.../15 \\
        .venv/bin/python benchmarks/request_cost.py [host[/path]...] [--repeat N] [--sql]

By default it asks for the network home (``localhost``) and a partnership home
(``west-kent.localhost``). Each page is requested a few times to warm the caches, then once
counting the queries (Django's ``execute_wrapper``) and the cache's round trips (each
command sent to Redis, or each query on the database cache's table), then ``--repeat`` times
(default 200) for the CPU time of this process per request (the database and Redis servers'
own time is not in it). ``--sql`` prints every query and cache command of the counted request.
"""

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ["localhost/", "west-kent.localhost/"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=DEFAULT_PAGES, help="host/path")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--sql", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chorus.settings.production")
    os.environ["CHORUS_SERVER_PAGE_CACHE"] = "off"
    sys.path[:0] = [str(REPO / "site"), str(REPO)]
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    sent = []
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    if backend == "RedisCache":
        import redis.client

        send = redis.client.Redis.execute_command

        def counted(self, *command, **options):
            sent.append("REDIS " + " ".join(str(part)[:80] for part in command[:2]))
            return send(self, *command, **options)

        redis.client.Redis.execute_command = counted
    cache_table = settings.CACHES["default"].get("LOCATION", "")

    def record(execute, sql, params, many, context):
        is_cache = backend == "DatabaseCache" and cache_table in sql
        sent.append(("CACHE " if is_cache else "SQL ") + sql[:160])
        return execute(sql, params, many, context)

    client = Client()
    print(f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]} + {backend}")
    print(f"{'page':32} {'status':>6} {'queries':>7} {'cache':>5} {'cpu ms':>7}")
    for page in args.pages:
        host, _, path = page.partition("/")

        def get(host=host, path="/" + path):
            return client.get(path, headers={"host": host})

        for _ in range(5):
            get()
        sent.clear()
        with connection.execute_wrapper(record):
            status = get().status_code
        counted_request = list(sent)
        started = time.thread_time()
        for _ in range(args.repeat):
            get()
        cpu = (time.thread_time() - started) / args.repeat * 1000
        queries = sum(line.startswith("SQL") for line in counted_request)
        print(f"{page:32} {status:>6} {queries:>7} {len(counted_request) - queries:>5} {cpu:>7.2f}")
        if args.sql:
            for line in counted_request:
                print("    " + line)


if __name__ == "__main__":
    main()
