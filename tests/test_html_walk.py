"""The one walk over rendered HTML that the glossary, the phone tables and the
guide PDF share, and the Markdown fields read as HTML or plain text."""

from __future__ import annotations

from coursebook.content.model import Glossary, Term
from coursebook.site.glossary import abbreviation_titles, explain_abbreviations
from coursebook.site.html_walk import Tag, text_of, walk
from coursebook.site.render import markdown_html, plain_text
from coursebook.site.tables import stack_tables

PAGE = (
    "<!-- note --><h2 id=\"a\" class='b'>Før &amp; efter</h2>\n"
    '<p title="a > b">x<br/>y<img alt="" src=foo.png></p>'
    "<script>if (a<b && c>d) { go('</p>'); }</script><SVG viewBox=\"0 0 1 1\"/>"
)


def tags(html: str) -> list[Tag]:
    return [token for token in walk(html) if isinstance(token, Tag)]


def test_walk_gives_back_every_character_as_written() -> None:
    assert "".join(t if isinstance(t, str) else t.text for t in walk(PAGE)) == PAGE
    assert all(token for token in walk(PAGE))  # no empty text between tags


def test_tags_have_lower_case_names_and_unescaped_attributes() -> None:
    found = tags(PAGE)
    assert [(t.name, t.closing, t.self_closing) for t in found] == [
        ("", False, False),  # the comment
        ("h2", False, False),
        ("h2", True, False),
        ("p", False, False),
        ("br", False, True),
        ("img", False, False),
        ("p", True, False),
        ("script", False, False),
        ("script", True, False),
        ("svg", False, True),
    ]
    assert found[0].comment
    assert found[1].attrs == [("id", "a"), ("class", "b")]
    assert found[3].attrs == [("title", "a > b")]
    assert found[5].attrs == [("alt", ""), ("src", "foo.png")]
    assert found[-1].attrs == [("viewbox", "0 0 1 1")]
    assert tags('<input disabled value="&quot;x&quot;">')[0].attrs == [
        ("disabled", None),
        ("value", '"x"'),
    ]


def test_script_content_is_text_even_where_it_looks_like_tags() -> None:
    script = [t for t in walk(PAGE) if isinstance(t, str) and "go(" in t]
    assert script == ["if (a<b && c>d) { go('</p>'); }"]


def test_text_of_drops_tags_and_reads_entities() -> None:
    assert text_of("<p>Før &amp; <em>efter</em>&nbsp;</p>") == "Før & efter\xa0"


def test_abbreviation_in_an_attribute_value_is_left_alone() -> None:
    titles = abbreviation_titles(
        Glossary(terms=[Term(term="Tillidsrepræsentant", abbr="TR", definition="En.")])
    )
    html = '<p title="TR > alle">TR</p>'
    assert explain_abbreviations(html, titles) == (
        '<p title="TR > alle"><abbr tabindex="0" title="Tillidsrepræsentant">'
        "TR</abbr></p>"
    )


def test_table_cells_are_labelled_by_their_column_heading() -> None:
    table = (
        "<table><thead><tr><th>Navn</th><th><em>Dato</em> &amp; tid</th></tr></thead>"
        '<tbody><tr><td>Modul 1</td><td class="d">9. februar</td></tr>'
        "<tr><td>Modul 2</td></tr></tbody></table>"
    )
    assert stack_tables(f"<p>før</p>{table}") == (
        '<p>før</p><div class="cb-table"><table><thead><tr><th>Navn</th>'
        "<th><em>Dato</em> &amp; tid</th></tr></thead><tbody>"
        '<tr><td data-label="Navn">Modul 1</td>'
        '<td data-label="Dato &amp; tid" class="d">9. februar</td></tr>'
        '<tr><td data-label="Navn">Modul 2</td></tr></tbody></table></div>'
    )


def test_markdown_field_as_html_keeps_typed_html_as_text() -> None:
    html = markdown_html('Se <b>dette</b> og [guiden](https://x.dk "Guiden").')
    assert html == (
        "<p>Se &lt;b&gt;dette&lt;/b&gt; og "
        '<a href="https://x.dk" title="Guiden">guiden</a>.</p>'
    )
    assert markdown_html(None) is None


def test_markdown_field_as_plain_text() -> None:
    text = "Læs **kapitel 2** i [bogen](https://x.dk) &\n*derefter*:\n\nSkriv `A & B`."
    assert plain_text(text) == "Læs kapitel 2 i bogen &\nderefter:\nSkriv A & B."


def test_glossary_tooltip_is_the_definitions_first_sentence_on_one_line() -> None:
    term = Term(
        term="MED-udvalg",
        abbr="MED",
        definition="Et udvalg for *medindflydelse* og\n[medbestemmelse](x.md). Mere.",
    )
    titles = abbreviation_titles(Glossary(terms=[term]))
    assert titles == {
        "MED": "MED-udvalg: Et udvalg for medindflydelse og medbestemmelse."
    }
