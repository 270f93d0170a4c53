"""Each calendar event's revision number (SEQUENCE), kept beside its edition.

Calendar programs update an imported or subscribed event only when its
SEQUENCE is higher than the one they hold. The number must therefore come out
the same whenever the same content is built, and grow when an event changes:
`content/editions/<id>.kalender.json` holds, per event UID, a fingerprint of
what the event says, its SEQUENCE and when it last changed. `coursebook
publish` updates the file and commits it with the edition; a build only reads
it (an event changed since the last publish gets the next number).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIX = ".kalender.json"


@dataclass(frozen=True)
class Revision:
    sequence: int
    fingerprint: str
    modified: str  # ISO 8601, UTC

    @property
    def modified_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.modified)


History = dict[str, Revision]


def history_path(content_root: Path, edition_id: str) -> Path:
    return content_root / "editions" / f"{edition_id}{SUFFIX}"


def fingerprint(fields: dict[str, str]) -> str:
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_history(path: Path) -> History:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {uid: Revision(**entry) for uid, entry in data.get("events", {}).items()}


def revision_of(history: History, uid: str, print_: str, now: dt.datetime) -> Revision:
    """The event's revision: as recorded if unchanged, else the next one."""
    known = history.get(uid)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    if known is None:
        return Revision(0, print_, stamp)
    if known.fingerprint == print_:
        return known
    return Revision(known.sequence + 1, print_, stamp)


def record(path: Path, prints: dict[str, str], now: dt.datetime) -> bool:
    """Write every event's current revision to path; True when the file changed.

    Events no longer in the calendar keep their entry, so one that comes back
    continues its numbering instead of starting again at 0."""
    history = load_history(path)
    updated = dict(history)
    for uid, print_ in prints.items():
        updated[uid] = revision_of(history, uid, print_, now)
    if updated == history and path.is_file():
        return False
    data = {
        "events": {uid: asdict(updated[uid]) for uid in sorted(updated)},
    }
    path.write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return True
