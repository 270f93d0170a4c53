"""JSON Schemas for content/, generated from the models, so editors validate YAML."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .loader import FILES, FOLDERS

SCHEMA_DIR = "schemas"


def schema_names() -> dict[str, type[BaseModel]]:
    """File name of each schema → the model it describes."""
    kinds = {Path(name).stem: model for name, model in FILES.items()}
    kinds.update({folder.removesuffix("s"): model for folder, model in FOLDERS.items()})
    kinds["activity"] = kinds.pop("activitie")
    return {f"{kind}.schema.json": model for kind, model in sorted(kinds.items())}


def render_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(content_dir: Path) -> list[Path]:
    folder = content_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in schema_names().items():
        path = folder / name
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written
