"""Tables that fit a phone: each table is wrapped in div.cb-table and every
cell carries its column's heading (data-label), so that on a narrow screen
docs/assets/css/handbook.css shows each row as a card of "heading: value"
lines instead of clipping the columns to the right."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def stack_tables(page_html: str) -> str:
    """page_html with every table labelled and wrapped (tables in tables are
    not made by Markdown and are left alone)."""
    return _TABLE.sub(_stack, page_html)


def _stack(match: re.Match[str]) -> str:
    table = match.group(0)
    head, _, body = table.partition("</thead>")
    if not body:  # no heading row: nothing to label the cells with
        return f'<div class="cb-table">{table}</div>'
    labels = [_text(cell) for cell in _HEAD_CELL.findall(head)]
    body = _ROW.sub(lambda row: _label_row(row.group(0), labels), body)
    return f'<div class="cb-table">{head}</thead>{body}</div>'


def _label_row(row: str, labels: list[str]) -> str:
    column = iter(labels)

    def label(match: re.Match[str]) -> str:
        text = next(column, "")
        attribute = f' data-label="{html.escape(text)}"' if text else ""
        return f"<td{attribute}"

    return _CELL.sub(label, row)


def _text(cell: str) -> str:
    return html.unescape(_TAG.sub("", cell)).strip()
