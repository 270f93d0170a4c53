"""MkDocs hook entry: each event hands over to coursebook.handbook.Handbook."""

from coursebook.handbook import Handbook

_handbook = Handbook()


def on_startup(command, dirty):
    _handbook.serving = command == "serve"


def on_config(config):
    return _handbook.configure(config)


def on_files(files, config):
    return _handbook.add_pages(files, config)


def on_page_markdown(markdown, page, config, files):
    markdown = _handbook.render_handwritten(markdown, page)
    return _handbook.add_abbreviations(markdown)


def on_page_content(html, page, config, files):
    html = _handbook.fit_tables(_handbook.explain_abbreviations(html))
    return _handbook.keep_html(html, page)


def on_post_build(config):
    _handbook.write_downloads(config)


def on_serve(server, config, builder):
    return _handbook.watch_content(server)
