"""Word's automatic numbering resolved to the labels Word shows (numbering XML written here by hand)."""

from lxml import etree

from build_kb.ingest.wordnum import Numbering, chinese_counting, parse_numbering

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(abstract_levels: str, nums: str) -> Numbering:
    xml = f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">{abstract_levels}</w:abstractNum>{nums}</w:numbering>'
    return Numbering(parse_numbering(etree.fromstring(xml)))


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'


OUTLINE = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）") + level(2, "decimal", "%3.")


def test_chinese_counting_as_word_writes_it():
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 1000, 1001)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千", "一千零一",
    ]


def test_outline_levels_count_and_reset():
    n = numbering(OUTLINE, '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    labels = [n.label("5", i) for i in (0, 1, 2, 2, 1, 0, 1, 2)]
    assert labels == ["一、", "（一）", "1.", "2.", "（二）", "二、", "（一）", "1."]


def test_lists_sharing_a_definition_continue_unless_restarted():
    nums = (
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    n = numbering(OUTLINE, nums)
    assert [n.label("5", 0), n.label("5", 0), n.label("6", 0), n.label("7", 0), n.label("7", 0)] == ["一、", "二、", "三、", "一、", "二、"]


def test_formats_templates_and_unnumbered_paragraphs():
    levels = (
        level(0, "ideographTraditional", "%1、")
        + level(1, "decimalEnclosedCircle", "%2")
        + level(2, "chineseLegalSimplified", "第%3条", extra='<w:suff w:val="space"/>')
        + level(3, "decimal", "%1.%4", extra="<w:isLgl/>")
        + level(4, "bullet", "\uf0b7")
        + level(5, "upperRoman", "%6.", start=4)
    )
    n = numbering(levels, '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    assert [n.label("2", 0), n.label("2", 0), n.label("2", 1), n.label("2", 1)] == ["甲、", "乙、", "①", "②"]
    assert n.label("2", 2) == "第壹条　"
    assert n.label("2", 3) == "2.1 "  # isLgl: the 乙 of level 0 is written as 2
    assert n.label("2", 4) == ""  # bullets are decoration
    assert n.label("2", 5) == "IV."
    assert n.label("0", 0) == "" and n.label(None, 0) == "" and n.label("99", 0) == ""


def test_a_level_that_never_restarts():
    levels = level(0, "chineseCounting", "%1、") + level(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')
    n = numbering(levels, '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>')
    assert [n.label("3", 0), n.label("3", 1), n.label("3", 1), n.label("3", 0), n.label("3", 1)] == ["一、", "1.", "2.", "二、", "3."]
