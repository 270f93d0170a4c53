"""The font a plan PDF's fields write answers in: a simple TrueType font.

WeasyPrint gives the fields the whole text font as a two-byte CID font
(Type0, Identity-H). pdf.js (Firefox's viewer) wraps text in such a font at
the wrong places: it splits words and runs lines past the field's edge. A
simple TrueType font with WinAnsiEncoding (one byte a character: Danish æøå,
é, ü, “”, – and € are all there) is what every viewer fills reliably. This
module makes one from the same font file, cut to those characters, embedded
so the file stays PDF/UA.
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import IndirectObject

FIRST, LAST = 32, 255
ENCODING = "cp1252"  # what PDF calls WinAnsiEncoding


def _characters() -> dict[int, str]:
    """code → character of WinAnsiEncoding's printable codes."""
    characters = {}
    for code in range(FIRST, LAST + 1):
        try:
            characters[code] = bytes([code]).decode(ENCODING)
        except UnicodeDecodeError:
            continue  # the five codes cp1252 leaves undefined
    return characters


def simple_field_font(writer: PdfWriter, font_file: bytes, name: str) -> IndirectObject:
    """A /TrueType font dictionary in writer, WinAnsi-encoded, its glyphs cut
    from font_file (a TrueType font), named name (e.g. "DejaVuSans")."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        StreamObject,
    )

    characters = _characters()
    font = TTFont(io.BytesIO(font_file))
    options = subset.Options()
    options.layout_features = []  # a field's text is not shaped
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # FontForge's timestamps
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters.values()])
    subsetter.subset(font)
    data = io.BytesIO()
    font.save(data)
    cut = data.getvalue()

    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    advance = font["hmtx"].metrics
    widths = ArrayObject(
        FloatObject(
            round(advance[cmap[ord(characters[code])]][0] * scale, 3)
            if code in characters and ord(characters[code]) in cmap
            else 0
        )
        for code in range(FIRST, LAST + 1)
    )
    head, hhea, os2 = font["head"], font["hhea"], font["OS/2"]
    # a subset's name starts with six capitals (PDF 1.7, 9.6.4)
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha1(cut).digest()[:6])
    base = NameObject(f"/{tag}+{name}")
    file = StreamObject()
    file.set_data(cut)
    file[NameObject("/Length1")] = NumberObject(len(cut))
    file = file.flate_encode()
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): base,
            NameObject("/Flags"): NumberObject(32),  # nonsymbolic
            NameObject("/FontBBox"): ArrayObject(
                FloatObject(round(v * scale))
                for v in (head.xMin, head.yMin, head.xMax, head.yMax)
            ),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): FloatObject(round(hhea.ascent * scale)),
            NameObject("/Descent"): FloatObject(round(hhea.descent * scale)),
            NameObject("/CapHeight"): FloatObject(
                round(getattr(os2, "sCapHeight", hhea.ascent) * scale)
            ),
            NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): writer._add_object(file),
        }
    )
    dictionary = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/BaseFont"): base,
            NameObject("/FirstChar"): NumberObject(FIRST),
            NameObject("/LastChar"): NumberObject(LAST),
            NameObject("/Widths"): widths,
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }
    )
    return writer._add_object(dictionary)
