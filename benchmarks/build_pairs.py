"""Alternate warm builds of two configs in one process, as `mkdocs serve` rebuilds.

Each build is what `mkdocs serve` runs after a save: the config loaded again,
the plugins told they serve (so coursebook builds from the content, and
does not replay a snapshot as a cold `mkdocs build` may), and a build with
a serve URL. Prints a JSON list of [seconds_a, seconds_b] pairs, after one
warm-up build of each, so one-time costs (imports, template compilation) are
left out.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def timed(config_file: str, site_dir: str) -> float:
    started = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=SERVE_URL)
    return time.perf_counter() - started


def main(config_a: str, config_b: str, site_dir: str, pairs: int) -> None:
    logging.basicConfig(level=logging.ERROR)
    timed(config_a, site_dir + "-a")
    timed(config_b, site_dir + "-b")
    results = []
    for index in range(pairs):
        if index % 2 == 0:
            a = timed(config_a, site_dir + "-a")
            b = timed(config_b, site_dir + "-b")
        else:
            b = timed(config_b, site_dir + "-b")
            a = timed(config_a, site_dir + "-a")
        results.append([a, b])
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
