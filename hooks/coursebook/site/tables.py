"""Tables that fit a phone: each table is wrapped in div.cb-table and every
cell carries its column's heading (data-label), so that on a narrow screen
docs/assets/css/handbook.css shows each row as a card of "heading: value"
lines instead of clipping the columns to the right."""

from __future__ import annotations

import html
import re

from .html_walk import walk

_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)


def stack_tables(page_html: str) -> str:
    """page_html with every table labelled and wrapped (tables in tables are
    not made by Markdown and are left alone)."""
    return _TABLE.sub(_stack, page_html)


def _stack(match: re.Match[str]) -> str:
    table = match.group(0)
    head, _, body = table.partition("</thead>")
    if not body:  # no heading row: nothing to label the cells with
        return f'<div class="cb-table">{table}</div>'
    return f'<div class="cb-table">{head}</thead>{_labelled(body, _labels(head))}</div>'


def _labels(head: str) -> list[str]:
    """The text of each heading cell."""
    labels: list[str] = []
    cell: list[str] | None = None  # the text of the <th> being read
    for token in walk(head):
        if isinstance(token, str):
            if cell is not None:
                cell.append(token)
        elif token.name == "th":
            if token.closing and cell is not None:
                labels.append(html.unescape("".join(cell)).strip())
            cell = None if token.closing else []
    return labels


def _labelled(body: str, labels: list[str]) -> str:
    """body with each row's cells labelled by their column's heading."""
    out: list[str] = []
    column = iter(labels)
    for token in walk(body):
        if isinstance(token, str):
            out.append(token)
            continue
        if token.name == "tr" and not token.closing:
            column = iter(labels)
        if token.name == "td" and not token.closing:
            text = next(column, "")
            attribute = f' data-label="{html.escape(text)}"' if text else ""
            out.append(f"<td{attribute}{token.text[3:]}")
        else:
            out.append(token.text)
    return "".join(out)
