"""A crawler's capture header over a saved text: read by its shape, set aside, its values kept as weak fallbacks.

A text saved by a crawler or an archiving script often opens with the tool's own note on the capture: a run of short
`key: value` lines (`标题：…`, `来源：…`, `URL：https://…`, `抓取时间：2026-04-03`; or a Markdown list `- source_url: …`
under a `# …` heading, closed by a `---` rule), then a blank line, then the document as published. None of it is the
document's: the title it gives is the crawler's copy, its dates are the capture's. Left in, it stands where a 公文's
版头 and title stand, so the 公文's parts go unread (the title taken from a 《》 inside the copy, the capture date taken
for the document's).

`read_capture_header` recognises the block by its shape — at the very top, three or more lines each a short key
(an interface word or a machine identifier), a colon and a value, one value a web address, the run closed by a blank
line, a rule or the text — never by the document's wording. The cleaner sets the block aside (logged, rule
`capture-header`), so every reader after it sees the document's own first line as the top; the parser uses the
block's title only where the document gives none (`fallback_title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CAPTURE_RULE = "capture-header"
"""The rule name the cleaner logs the capture header's lines under."""

CAPTURE_FIELDS_MIN = 3
"""A capture header has at least this many `key: value` lines (one alone is how a record labels a line)."""

_FIELD = re.compile(
    r"^\s*(?:[-*•·]\s+)?"  # a Markdown list's mark (`- source_url: …`)
    r"(?P<key>[A-Za-z][A-Za-z0-9_.\- ]{0,23}?|[\u4e00-\u9fff]{2,6})"  # a machine identifier or a short word
    r"\s*[:：]\s*(?P<value>\S.{0,200}?)\s*$"
)
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_BLOCK_HEADING = re.compile(r"^\s*#{1,3}\s+(?P<name>\S.{0,19})\s*$")
"""The crawler's name for its block over the list (`# 原件固化`): a short Markdown heading."""

_CRAWLER_WORD = re.compile(r"抓取|采集|爬取|入库|capture|crawl|fetch|scrape|sha256|md5|http_status|source_url", re.IGNORECASE)
"""The words of a crawler's own interface in a key (抓取时间, 采集日期, capture_date, content_sha256): said of a capture
and of nothing a document says of itself."""

_TITLE_KEYS = {"标题", "题目", "文章标题", "文件标题", "名称", "title", "headline", "article_title"}
"""Keys whose value is the document's title as the crawler copied it: a fallback, never preferred to the text's own."""


@dataclass
class CaptureHeader:
    """The capture header found: its lines (0-based indexes into the text's lines) and its fields in order."""

    lines: list[int] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    def value(self, keys: set[str]) -> str | None:
        return next((value for key, value in self.fields if key.strip().lower() in keys), None)


def read_capture_field(text: str) -> tuple[str, str] | None:
    """One line of a capture header: `URL：https://www.example.gov.cn/a.htm` → ("URL", "https://www.example.gov.cn/a.htm"),
    `- capture_date: 2026-03-30` → ("capture_date", "2026-03-30"); a sentence with a colon is none.

    >>> read_capture_field("- source_url: https://www.example.gov.cn/content_1.htm")
    ('source_url', 'https://www.example.gov.cn/content_1.htm')
    >>> read_capture_field("抓取时间：2026-04-03")
    ('抓取时间', '2026-04-03')
    >>> read_capture_field("现就有关事项通知如下：") is None
    True
    """
    m = _FIELD.match(text)
    return (m.group("key").strip(), m.group("value")) if m else None


def read_capture_header(texts: list[str]) -> CaptureHeader | None:
    """The capture header at the top of a text's lines, or None.

    >>> found = read_capture_header(["标题：某某县关于做好换届工作的通知", "来源：某某县人民政府网", "URL：https://www.example.gov.cn/1.htm",
    ...                             "抓取时间：2026-04-03", "", "某某县关于做好换届工作的通知", "各乡镇：", "现将有关事项通知如下。"])
    >>> found.lines, found.value({"标题"})
    ([0, 1, 2, 3], '某某县关于做好换届工作的通知')
    >>> found = read_capture_header(["# 原件固化", "", "- title: 关于做好换届工作的通知", "- source_url: https://www.example.gov.cn/1.htm",
    ...                             "- capture_date: 2026-03-30", "", "---", "", "关于做好换届工作的通知"])
    >>> found.lines
    [0, 2, 3, 4, 6]

    A front matter (`---` over and under the list) and a list the text follows without a blank line are one too:

    >>> read_capture_header(["---", "title: 关于做好换届工作的通知", "url: https://www.example.gov.cn/1.htm", "date: 2024-03-05", "---",
    ...                      "关于做好换届工作的通知"]).lines
    [0, 1, 2, 3, 4]
    >>> read_capture_header(["标题：关于做好换届工作的通知", "链接：https://www.example.gov.cn/1.htm", "来源：某某网", "关于做好换届工作的通知"]).lines
    [0, 1, 2]

    Without a web address, a key in a crawler's words (抓取时间) tells it:

    >>> read_capture_header(["标题：关于做好换届工作的通知", "来源：某某网", "抓取时间：2026-04-03", "", "关于做好换届工作的通知"]).lines
    [0, 1, 2]

    A formal record's labelled lines (no web address) and a page's posting line further down are no capture header:

    >>> read_capture_header(["时间：2021年5月20日", "地点：市委党校", "主持人：王某某", "", "同志们："]) is None
    True
    """
    filled = [k for k, text in enumerate(texts) if text.strip()]
    if not filled:
        return None
    at = 0
    found = CaptureHeader()
    # over the list: the block's name as a Markdown heading, or the rule that opens a front matter (`---`)
    if (_BLOCK_HEADING.match(texts[filled[0]]) or _RULE_LINE.match(texts[filled[0]])) and not read_capture_field(texts[filled[0]]):
        found.lines.append(filled[0])
        at = 1
    if at >= len(filled):
        return None
    k = filled[at]
    while k < len(texts) and texts[k].strip() and (one := read_capture_field(texts[k])):
        found.lines.append(k)
        found.fields.append(one)
        k += 1
    keys = [key.lower() for key, _ in found.fields]
    if len(found.fields) < CAPTURE_FIELDS_MIN or len(set(keys)) < len(keys):
        return None
    if not any(_WEB_ADDRESS.match(value) for _, value in found.fields) and not any(_CRAWLER_WORD.search(key) for key, _ in found.fields):
        return None  # a crawler notes where and when it fetched the text; a record's labelled lines say neither
    rest = [j for j in filled if j >= k]
    if rest and _RULE_LINE.match(texts[rest[0]]):
        found.lines.append(rest[0])  # the rule the crawler closed its block with
        rest = rest[1:]
    return found if rest else None


_POSTED_KEYS = {"发布日期", "发布时间", "发表日期", "发表时间", "publish_date", "published", "pubdate", "publish_time", "date"}
"""Keys whose value is the page's posting date; the capture's own time (抓取时间, capture_date) is never one."""


def posting_line(captured: list[str]) -> str | None:
    """The posting date a capture header gives, as a page's labelled posting line for the readers of a page's posting
    (lead.posting_date); None without one — the capture's own time is no posting date.

    >>> posting_line(["- publish_date: 2020-12-07", "- capture_date: 2026-03-30"])
    '发布时间：2020-12-07'
    >>> posting_line(["URL：https://www.example.gov.cn/1.htm", "抓取时间：2026-04-03"]) is None
    True
    """
    fields = [one for one in map(read_capture_field, captured) if one]
    value = CaptureHeader(fields=fields).value(_POSTED_KEYS)
    return f"发布时间：{value}" if value else None


def fallback_title(captured: list[str]) -> str | None:
    """The title a capture header gives (its 标题/title field), from the lines the cleaner set aside; None without one.

    >>> fallback_title(["标题：关于做好换届工作的通知", "来源：某某网", "URL：https://www.example.gov.cn/1.htm"])
    '关于做好换届工作的通知'
    """
    fields = [one for one in map(read_capture_field, captured) if one]
    return CaptureHeader(fields=fields).value(_TITLE_KEYS)
