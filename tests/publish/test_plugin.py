"""publish/plugin.py: the thin MkDocs plugin places the rendered pages (and squeezes the theme's indentation)."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from build_kb.publish.page_cache import PageCache
from build_kb.publish.plugin import THEME_DIR, KnowledgeBasePlugin, squeeze_indentation
from build_kb.render.common import HtmlPage

from conftest import ROOT


def plugin_with(pages):
    plugin = KnowledgeBasePlugin()
    plugin.pages = pages
    return plugin


def test_theme_additions_come_first():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    plugin = plugin_with({})
    plugin.on_config(config)
    plugin.on_config(config)
    assert config.theme.dirs[0] == THEME_DIR and config.theme.dirs.count(THEME_DIR) == 1


def test_generated_pages_replace_docs_pages_of_the_same_name(caplog):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "zuzhi-kb"  # what MkDocs sets while a plugin's event runs
    page = HtmlPage("讲话索引")
    page.add("<p>正文</p>")
    files = Files([File("speeches/index.md", src_dir=str(ROOT / "docs"), dest_dir="site", use_directory_urls=True)])
    out = plugin_with({"speeches/index.md": page}).on_files(files, config)
    generated = out.get_file_from_path("speeches/index.md")
    assert generated.generated_by == "zuzhi-kb" and generated.content_string == page.stub()
    assert [r.getMessage() for r in caplog.records] == ["build_kb: docs/speeches/index.md 与生成的页面同名，会被替换；请给它改名"]


def test_page_content_is_ours_and_other_pages_are_left_alone():
    page = HtmlPage("x")
    page.heading(2, "一、标题", "s1")
    plugin = plugin_with({"x.md": page})

    class FakePage:
        def __init__(self, uri):
            self.file = type("F", (), {"src_uri": uri})()
            self.toc = None

        def render(self, config, files):  # what Markdown would do
            self.content, self.toc = "<p>markdown</p>", "markdown's outline"

    ours, theirs = FakePage("x.md"), FakePage("about.md")
    for fake in (ours, theirs):  # MkDocs' order: pre_page, render, page_content
        plugin.on_pre_page(fake, None, None).render(None, None)
    assert ours.content == "" and [item.title for item in ours.toc] == ["一、标题"]  # Markdown never ran
    assert plugin.on_page_content(ours.content, ours, None, None) == page.html
    assert theirs.content == "<p>markdown</p>" and theirs.toc == "markdown's outline"
    assert plugin.on_page_content(theirs.content, theirs, None, None) == "<p>markdown</p>"


# The theme's template indentation is squeezed out of every page, except where spaces count.

def test_indentation_and_blank_lines_become_one_line_break():
    html = "<div>\n    <p>一</p>\n\n      <a>甲</a> <b>乙</b>\n   </div>\n"
    assert squeeze_indentation(html) == "<div>\n<p>一</p>\n<a>甲</a> <b>乙</b>\n</div>\n"


def test_pre_textarea_and_script_keep_their_spaces():
    html = "<p>\n  一</p>\n<pre class=\"kb-yaml\"><code>a:\n  b: 1\n</code></pre>\n  <SCRIPT>\n  if (x) {\n    y();\n  }\n</SCRIPT>\n  <textarea>\n  t</textarea>\n  end"
    assert squeeze_indentation(html) == (
        "<p>\n一</p>\n<pre class=\"kb-yaml\"><code>a:\n  b: 1\n</code></pre>\n<SCRIPT>\n  if (x) {\n    y();\n  }\n</SCRIPT>\n<textarea>\n  t</textarea>\nend"
    )


def test_spaces_inside_a_line_are_left_alone():
    assert squeeze_indentation("<p>第一  部分 <a>链接</a></p>") == "<p>第一  部分 <a>链接</a></p>"


class _Page:
    """What PageCache.key reads of an MkDocs page."""

    def __init__(self, path: str):
        self.file = type("F", (), {"src_uri": path, "dest_uri": path.replace(".md", "/index.html")})()
        self.url, self.title, self.is_homepage, self.meta = path.replace(".md", "/"), "题目", False, {}
        self.previous_page = self.next_page = None
        self.ancestors = []


def _page_cache(tmp_path, template: str | None = None) -> PageCache:
    folders = [THEME_DIR]
    if template is not None:
        (tmp_path / "custom").mkdir()
        (tmp_path / "custom" / "main.html").write_text(template, encoding="utf-8")
        folders.insert(0, str(tmp_path / "custom"))
    return PageCache(tmp_path / "pages", ROOT / "mkdocs.yml", folders)


def test_a_changed_body_is_put_into_the_frame_its_page_had(tmp_path):
    cache = _page_cache(tmp_path)
    page = _Page("speeches/a.md")
    cache.key(page, [], "digest-1")
    cache.put_frame("speeches/a/index.html", "<html><nav>导航</nav><article><h1>甲</h1><p>旧</p></article></html>", "<h1>甲</h1><p>旧</p>")
    later = _page_cache(tmp_path)
    later.key(page, [], "digest-2")
    assert later.frame("speeches/a/index.html", "<h1>甲</h1><p>新</p>") == ("<html><nav>导航</nav><article>", "</article></html>")
    assert later.framed == ["speeches/a/index.html"]


def test_no_frame_when_the_theme_would_test_the_body_otherwise(tmp_path):
    cache = _page_cache(tmp_path)
    page = _Page("speeches/a.md")
    cache.key(page, [], "digest-1")
    cache.put_frame("speeches/a/index.html", "<main><h1>甲</h1><p>旧</p></main>", "<h1>甲</h1><p>旧</p>")
    # Material writes the page title itself when the body has no <h1>: that frame is not this one's.
    assert cache.frame("speeches/a/index.html", "<p>无标题</p>") is None
    # Another page, or the same page in another place among its neighbours, has a frame of its own.
    other = _Page("speeches/b.md")
    cache.key(other, [], "digest-1")
    assert cache.frame("speeches/b/index.html", "<h1>甲</h1><p>新</p>") is None
    # A body written twice (or not at all) in its layout gives no frame.
    cache.put_frame("speeches/b/index.html", "<h1>乙</h1><h1>乙</h1>", "<h1>乙</h1>")
    assert cache.frame("speeches/b/index.html", "<h1>乙</h1>") is None


def test_frames_are_off_when_a_template_uses_the_body_in_a_way_they_do_not_allow_for(tmp_path):
    assert _page_cache(tmp_path).frames
    cache = _page_cache(tmp_path, '{% extends "base.html" %}{% block content %}{{ page.content | length }}{{ page.content }}{% endblock %}')
    assert not cache.frames
    page = _Page("speeches/a.md")
    cache.key(page, [], "digest-1")
    cache.put_frame("speeches/a/index.html", "<main>5<h1>甲</h1></main>", "<h1>甲</h1>")
    assert cache.frame("speeches/a/index.html", "<h1>甲</h1>") is None
