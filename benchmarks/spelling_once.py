"""Time the language checks on one content folder in a fresh process.

Prints one JSON line: the seconds for the spelling check (loading Enchant and
the Danish dictionary included) and for the one-name-per-thing check, and
how many warnings each found.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from coursebook.content.spelling import spelling_problems
from coursebook.content.terms import term_problems

root = Path(sys.argv[1])
started = time.perf_counter()
spelling = spelling_problems(root)
spelled = time.perf_counter()
terms = term_problems(root)
done = time.perf_counter()
print(
    json.dumps(
        {
            "spelling_seconds": spelled - started,
            "spelling_warnings": len(spelling),
            "terms_seconds": done - spelled,
            "terms_warnings": len(terms),
        }
    )
)
