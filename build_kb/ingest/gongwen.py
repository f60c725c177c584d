"""The parts of an official document (公文, GB/T 9704) around its text, read from the text's lines.

A 公文 arrives as Word, PDF or plain text; by the time it is parsed it is lines. Its parts have a
form and a place: on top the 版头 (份号, 密级, 紧急程度, the 发文机关标志 `…文件`, possibly of
several issuers, the 发文字号 and the 签发人), then the title (`关于…的通知`, wrapped over up to three
lines), the 主送机关 (`各市县（区）委组织部：`), the text, the 附件说明, the 发文机关署名 and the
成文日期, and at the foot the 版记 (`抄送：…`, `…办公室　2023年5月6日印发`).

Each part has a named reader below (a table, READERS, of line forms; examples in the docstrings).
`read_gongwen` weighs them: only a text with a part that is found in nothing but a 公文 (a 发文字号,
a `…文件` mark, a 版记, or a 主送 right under a `关于…的通知` title) is read as one, so a speech
that closes with its date is left to the usual rules. The parts found are the document's metadata:
they leave the title, the headings and the paragraphs, and every line keeps its number and a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import HeaderLine, Line
from ..text import find_date

_ORG_END = (
    r"(?:委员会|人民政府|政府|办公厅|办公室|党委|党组|党工委|纪委|监委|委|部|厅|局|院|署|办|处|室|科|所|站|队|中心|协会|学会|联合会|"
    r"总会|集团|公司|银行|学校|大学|学院|医院|街道|乡|镇|组|会|社|馆|台|团|工会|机关|单位)"
)
_PLACE_END = r"(?:自治区|直辖市|特别行政区|自治州|自治县)"
"""Places addressed as such in a list that opens with 各: 各省、自治区、直辖市人民政府."""
DOC_KINDS = r"(?:通知|通报|请示|报告|意见|决定|决议|批复|函|纪要|公告|通告|命令|议案|办法|规定|细则|条例|规则|方案|规划|要点|计划|通令)"


_PROMPT = re.compile(
    r"[\[［【〔<＜]\s*(?:此处|在此|这里|请|点击|单击)[^\[\]［］【】〔〕<>＜＞]{0,30}[\]］】〕>＞]"
    r"|[（(]\s*(?:此处|在此|点击此处|单击此处)[^（）()]{0,30}[）)]"
)
"""A template's prompt in brackets: [此处输入主送机关], 【请输入标题】, ［点击此处添加正文］, （在此填写日期）."""


def read_template_prompt(text: str) -> str | None:
    """A line of a template still holding its bracketed prompt (`[此处输入主送机关]：`, `关于[请输入事由]的请示`)
    → the prompt: no title, heading, 主送 or issuer — text to fill in, kept for a person to see."""
    m = _PROMPT.search(text)
    return m.group(0) if m and len(text) <= 60 and re.search(r"输入|填写|键入|录入|添加|选择|填入", m.group(0)) else None


def read_copy_number(text: str) -> str | None:
    """份号, six digits on a line of their own at the very top: `000123` → "000123"."""
    m = re.fullmatch(r"(?:份号[:：]?)?(\d{6})", text)
    return m.group(1) if m else None


def read_secrecy(text: str) -> str | None:
    """密级 and how long it holds: `机密★1年` → "机密★1年", `秘密` → "秘密"."""
    m = re.fullmatch(r"(?:密级[:：]?)?((?:绝密|机密|秘密)(?:[★☆*](?:(?!特急|加急|特提|平急)\S){0,8})?)", text)
    return m.group(1) if m else None


def read_urgency(text: str) -> str | None:
    """紧急程度: `特急` → "特急", `紧急程度：加急` → "加急"."""
    m = re.fullmatch(r"(?:紧急程度[:：]?)?(特急|加急|特提|平急|急件)", text)
    return m.group(1) if m else None


_TOP_MARKS = (("copy-number", read_copy_number), ("secrecy", read_secrecy), ("urgency", read_urgency))


def read_top_marks(text: str) -> list[tuple[str, str]] | None:
    """份号, 密级 and 紧急程度 set on one line (the top-left block run together): `000123　机密★1年` →
    [("copy-number", "000123"), ("secrecy", "机密★1年")]; `机密★1年特急` likewise; None unless two or more
    and nothing else."""
    text = text.strip(" \u3000")
    if len(text) > 30:
        return None  # the marks are short: no line of text is read piece by piece
    found = _marks(text, ())
    return found if found and len(found) >= 2 else None


def _marks(rest: str, seen: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """`rest` read wholly as marks of kinds not in `seen`, in order, or None."""
    if not rest:
        return []
    for role, reader in _TOP_MARKS:
        for end in range(len(rest), 0, -1):
            value = reader(rest[:end].strip()) if role not in seen else None
            after = _marks(rest[end:].strip(" \u3000"), (*seen, role)) if value else None
            if after is not None:
                return [(role, value), *after]
    return None


def read_issuer_mark(text: str) -> str | None:
    """发文机关标志: `中共某某县委组织部文件` → "中共某某县委组织部", `某某中心某某医院文件` →
    "某某中心某某医院" (joint issuers on one line; the spaces of a letter-spaced mark are gone by
    then); a bare `文件` closes issuer lines above it (handled by read_gongwen)."""
    m = re.fullmatch(rf"(.{{2,60}}?{_ORG_END})(?:文件|公报|简报)", text)
    return m.group(1) if m else None


def issuer_names(raw: str) -> list[str]:
    """The issuers of a joint 版头 line as set apart by spaces: `某某中心 某 某 医 院 文件` →
    ["某某中心", "某某医院"] (a letter-spaced name is one name)."""
    pieces = re.split(r"[ \u3000]+", raw.strip())
    if len(pieces) > 3 and all(len(piece) == 1 for piece in pieces):
        return [re.sub(r"(?:文件|公报|简报)$", "", "".join(pieces))]  # the whole mark letter-spaced: one name
    names, current = [], ""
    for piece in pieces:
        current += piece
        if re.search(rf"{_ORG_END}$", current) and (len(piece) > 1 or len(current) >= 4):
            names.append(current)
            current = ""
    if current and current not in ("文件", "公报", "简报"):
        names.append(re.sub(r"(?:文件|公报|简报)$", "", current))
    return [n for n in names if n]


def read_doc_number(text: str) -> str | None:
    """发文字号: `某组发〔2023〕5号` → itself; `[2023]`, `【2023】`, `﹝2023﹞`, `（2023）` and `(2023)` brackets count too, a
    number written with 第 (`某办发〔2023〕第12号`), and a template's blanks: `XX发〔20XX〕XX号`, `〔2020〕号`; the
    签发人 or a letter's 份号 may share its line (`000021　某组函〔2024〕21号` → "某组函〔2024〕21号")."""
    m = re.search(rf"([\u4e00-\u9fffA-ZＡ-Ｚ]{{0,12}}[〔\[［【(（﹝〖]\s*(?:19|20)(?:\d{{2}}|{_BLANK}{{2}})\s*[〕\]］】)）﹞〗]\s*第?\s*(?:\d{{1,4}}|{_BLANK}{{1,4}})?\s*号)", text)
    if not m:
        return None
    rest = (text[: m.start()] + text[m.end() :]).strip(" \u3000")
    # On its line may stand the 签发人 (a 上行文's), or, in a letter (信函格式), the 份号 or 密级 set left of it.
    beside = not rest or read_signer(rest) or read_copy_number(rest) or read_secrecy(rest) or read_urgency(rest)
    return m.group(1).replace(" ", "") if beside else None


_BLANK = r"[XxＸ×□]"
"""A template's blank in a 发文字号 (〔20XX〕XX号)."""


def read_masthead(lines: list[str], index: int) -> str | None:
    """发文机关标志 by its place: a short line at the top ending in 文件 (or 公报, 简报) with the
    发文字号 on one of the next two lines is the 版头 whatever the issuer is called (`某某学院党委
    文件` is read by read_issuer_mark; `某大学机要文件` over `XXX〔2023〕X号` only so) → the name."""
    text = lines[index]
    named = read_issuer_mark(text)
    if named:
        return named
    m = re.fullmatch(r"(\S{2,30}?)(?:文件|公报|简报)", text)
    if m and m.group(1) not in ("文件", "公报", "简报") and index < 4 and not re.search(r"[。，；：！？、]", text) and any(read_doc_number(t) for t in lines[index + 1 : index + 3]):
        return m.group(1)
    return None


def read_letterhead(lines: list[str], index: int) -> str | None:
    """发文机关标志 without `文件` (a letterhead): an organ's name alone on a top line, a title that opens
    with 关于 right under it and a 主送 under that (`某某大学学生会` / `关于…提案的回复` / `某某学院学生会：`)
    → the name. Without the 主送 the name may be a wrapped title's first line: no letterhead then."""
    text = lines[index]
    if index >= 4 or not read_issuer_signature(text) or len(text) > 30:
        return None
    below = lines[index + 1 : index + 5]
    if not below or not re.match(r"^关于", below[0]) or read_addressees(below[0]):
        return None
    for line in below[1:]:
        if read_addressees(line):
            return text
        if not read_title(line) and not (len(line) <= 30 and not re.search(r"[。！？；：:]", line)):
            return None  # a sentence before any 主送: no 公文's head
    return None


_APPENDED_LABEL = re.compile(
    r"附\s*件\s*(?:(?P<number>[一二三四五六七八九十\d]{1,3})\s*[:：]?\s*(?P<name>[^。；！？]{2,40})|(?P<alone>[一二三四五六七八九十\d]{0,3})\s*[:：]?)"
)


def read_appended_label(text: str) -> str | None:
    """The label over an attachment appended after the 成文日期: `附件1`, `附件一`, `附件 2：`, `附件` on a
    line of their own, or numbered with the attachment's name after it (`附件1：某某推荐表`) → the label
    without spaces or colon ("附件1"); `附件：1. 某某表` (the 附件说明, unnumbered label) → None."""
    m = _APPENDED_LABEL.fullmatch(text)
    return f"附件{m.group('number') or m.group('alone')}" if m else None


def read_attachment_mark(content: list[tuple[int, str]]) -> int | None:
    """The label an attachment carries on its own first line (GB/T 9704: `附件`, its number, top left), when
    the attachment comes as a file of its own: `附件1`, `附件4 `, `附件1：`, `附件 3:` alone on the text's first line,
    the attachment's title under it (a short line that is no sentence and no further label) → the label's line
    number. It is the 公文's part, never the title, a subtitle or a paragraph.

    >>> read_attachment_mark([(1, "附件1："), (3, "某某从业人员健康检查表"), (5, "姓名　性别")])
    1
    >>> read_attachment_mark([(1, "附件4"), (3, "某某大学"), (5, "某某项目实施细则")])
    1

    A 附件说明's label with its items (`附件：1.…`), a label with the name on its line, a label over a
    sentence, and a label further down are no such mark:

    >>> read_attachment_mark([(1, "附件1：某某推荐表"), (2, "姓名　性别")]) is None
    True
    >>> read_attachment_mark([(1, "附件："), (2, "请各单位于5月10日前报送。")]) is None
    True
    >>> read_attachment_mark([(1, "关于做好某某工作的通知"), (2, "附件1"), (3, "某某表")]) is None
    True
    """
    if len(content) < 2:
        return None
    (number, text), (_, below) = content[0], content[1]
    m = _APPENDED_LABEL.fullmatch(text)
    if not m or m.group("name") is not None:
        return None
    if read_appended_label(below) or len(below) > ATTACHED_TITLE_MAX or re.search(r"[。！？；]", below):
        return None
    return number


ATTACHED_TITLE_MAX = 50
"""The attachment's title under its label is a title's length (a wrapped one over two lines each shorter)."""


def _appended_name(text: str) -> str | None:
    """The attachment's name on its label's line: `附件1：某某推荐表` → "某某推荐表"; `附件1` → None."""
    m = _APPENDED_LABEL.fullmatch(text)
    return m.group("name").strip() if m and m.group("name") else None


def read_signer(text: str) -> str | None:
    """签发人: `签发人：张三　李四` → "张三　李四" (on the 发文字号's line or its own)."""
    m = re.search(r"签发人[:：]\s*(\S.{0,30})$", text)
    return m.group(1).strip() if m else None


def read_signer_names(text: str) -> str | None:
    """Further 签发人 on the line under `签发人：张三`, as Word's cell or a PDF's line gives them: `李四`,
    `李　四　王五` → the names (persons' names of two to four characters, set apart by spaces)."""
    names = text.strip()
    if re.fullmatch(rf"(?:紧急)?{DOC_KINDS}", names):
        return None  # a title of one word (通知, 请示) under the 签发人
    return names if re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:[ \u3000]+[\u4e00-\u9fff]{1,4}){0,5}", names) and len(re.sub(r"\s", "", names)) >= 2 else None


def read_title(text: str) -> bool:
    """A 公文 title line: `关于开展格式检查工作的通知`, `…工作方案`, or a line of a wrapped title that
    begins with 关于 (the last line ends with the kind of document)."""
    return bool(re.match(r"^(?:中共)?.{0,30}?关于", text) or re.search(rf"{DOC_KINDS}$", text)) and not text.endswith(("：", ":"))


def read_addressees(text: str) -> list[str] | None:
    """主送机关: `各市县（区）委组织部：` → ["各市县（区）委组织部"]; `主送机关：各部门、各单位` and
    `市委组织部、市人社局：` give each one; a group that is no list of organs' full names stays one
    (`各省、自治区、直辖市人民政府，国务院各部委、各直属机构：` → 各省、自治区、直辖市人民政府 and the other two; `各区县党委组织部、人力资源社会保障局：` → one,
    its second shares the first's 各区县).
    A template's blanks stand for organs (`XXXXXXXX，XXXXXXXX：`).
    An audience (`同志们：`, `各位同学：`) or a letter's reader (`尊敬的各位评委：`) is not a 主送."""
    m = re.fullmatch(r"(?:主送(?:机关)?[:：]\s*)(.{2,200}?)[。：:]?|(.{2,200}?)[:：]", text)
    if not m:
        return None
    body = m.group(1) or m.group(2)
    names = [name for group in split_outside_brackets(body, "，,；;") if group.strip() for name in _addressee_group(group.strip())]
    if not names or not all(re.search(rf"^各|(?:{_ADDRESSEE_END}|{_PLACE_END})(?:[（(][^（）()]{{1,10}}[）)])?$|^{_BLANK}{{2,}}$", n) for n in names):
        return None
    if any(re.search(r"同志|朋友|代表|来宾|领导$|同学|老师|家长|^各位", n) for n in names) or re.match(r"(?:尊敬|敬爱|亲爱)的", body):
        return None  # an audience, or a letter's reader (尊敬的各位评委：): a salutation, no organ sent to
    return names


ADDRESSEE_LINES = 3
"""A 主送 that lists many organs wraps over this many lines at most (GB/T 9704: 回行时仍顶格)."""


def _wrapped_addressees(content: list[tuple[int, str]], k: int) -> tuple[list[str], int] | None:
    """A 主送 wrapped over two or three lines (a PDF's or a text's line ends, `各市、县（区）委组织部，省直各单位，` /
    `中央驻某单位：`): every line but the last stops at a list's mark (、，), the last ends in ：, and together
    they read as organs → (the addressees in their order, whole, how many lines)."""
    joined = ""
    for lines, (_, text) in enumerate(content[k : k + ADDRESSEE_LINES], 1):
        joined += text.strip()
        if lines > 1 and joined.endswith(("：", ":")):
            names = read_addressees(joined)
            return (names, lines) if names else None
        if not joined.endswith(("、", "，", ",")):
            return None
    return None


_ADDRESSEE_END = rf"(?:{_ORG_END}|部门|机构|组织|企业|高校)"
"""An addressee ends as an organ's name does, or names a class of organs (县政府各部门, 区直各单位党组织, 各直属机构)."""


def split_outside_brackets(text: str, marks: str) -> list[str]:
    """`text` cut at each of `marks` that stands outside brackets: a 主送's 各县（市、区）委组织部 is one name.

    >>> split_outside_brackets("各县（市、区）委组织部，市直各单位", "，")
    ['各县（市、区）委组织部', '市直各单位']
    """
    pieces, current, depth = [], "", 0
    for char in text:
        depth += 1 if char in "（(〔[［【" else -1 if char in "）)〕]］】" and depth else 0
        if char in marks and not depth:
            pieces.append(current)
            current = ""
        else:
            current += char
    return [*pieces, current]


def _addressee_group(group: str) -> list[str]:
    """The addressees of one group of a 主送 (between its ，): split at 、 only where each piece is an organ's
    full name (or a class of them: 各部门) and names its own place; else the group is one (各省、自治区、直辖市人民政府; 各区县党委组织部、
    人力资源社会保障局, whose second shares the first's 各区县)."""
    pieces = [p.strip() for p in split_outside_brackets(group, "、") if p.strip()]
    if not pieces:
        return []  # a group of nothing but 、 (各部门，、，各单位：) names no one
    organs = all(p.startswith("各") or re.search(rf"{_ADDRESSEE_END}(?:[（(][^（）()]{{1,10}}[）)])?$", p) for p in pieces)
    shared_place = pieces[0].startswith("各") and any(not re.search(r"[各省市县区州盟旗乡镇村]", p) for p in pieces[1:])
    return pieces if organs and not shared_place else [group]


def read_attachments(text: str) -> list[str] | None:
    """附件说明: `附件：1. 某某工作方案` → ["某某工作方案"]; `附件：格式检查清单` → ["格式检查清单"]; several numbered
    items on the one line each one: `附件：1.某某清单 2.某某表` → ["某某清单", "某某表"] (numbered_items)."""
    m = re.fullmatch(r"附\s*件[:：]\s*(.{2,120})", text)
    return [_without_number(item) for item in numbered_items(m.group(1))] if m else None


_ITEM_NUMBER = re.compile(r"(?:^|(?<=[\s\u3000；;，,]))(\d{1,2})\s*[.．、]")


def numbered_items(text: str) -> list[str]:
    """A list run onto one line, its items numbered 1, 2, 3 … in order, each number after a space (or a list's mark):
    each item; the text whole when its numbers are not such a run (a version `2023.5`, one item alone).

    >>> numbered_items("1.某某检查清单 2.某某核对表 3.某某记录表")
    ['1.某某检查清单', '2.某某核对表', '3.某某记录表']
    >>> numbered_items("1.某某办法（2023.5版）")
    ['1.某某办法（2023.5版）']
    """
    marks = [m for m in _ITEM_NUMBER.finditer(text)]
    run = []
    for m in marks:
        if int(m.group(1)) == len(run) + 1:
            run.append(m)
    if len(run) < 2 or run[0].start() != 0:
        return [text]
    bounds = [m.start() for m in run] + [len(text)]
    return [text[a:b].strip(" \u3000；;，,") for a, b in zip(bounds, bounds[1:])]


def read_numbered_attachment(text: str) -> str | None:
    """A 附件说明 line that numbers its attachment in the label (`附件1：某某测评表`, `附件二：…`, `附件 3. …`), one such
    line an attachment: the name; None for the mark over an appended attachment (`附件1` alone) or a sentence.

    >>> read_numbered_attachment("附件1：党员民主评议测评表"), read_numbered_attachment("附件 2. 民主评议工作安排.docx")
    ('党员民主评议测评表', '民主评议工作安排')
    >>> read_numbered_attachment("附件1"), read_numbered_attachment("附件2：请各单位于12月10日前报送。")
    (None, None)
    """
    m = re.fullmatch(r"附\s*件\s*[一二三四五六七八九十\d]{1,2}\s*[:：.．、]\s*(.{2,120})", text.strip())
    return _without_number(m.group(1)) if m and not re.search(r"[。；！？]", m.group(1)) else None


def read_attachments_label(text: str) -> bool:
    """The 附件说明's label alone on its line, its items on the lines under it: `附件：` (`附 件:`)."""
    return bool(re.fullmatch(r"附\s*件\s*[:：]", text))


def read_attachment_item(text: str) -> str | None:
    """A further line of the 附件说明: `2. 某某登记表` → "某某登记表"."""
    m = re.fullmatch(r"\d{1,2}\s*[.．、]\s*(.{2,120})", text)
    return m.group(1).strip() if m and not re.search(r"[。；]", m.group(1)) else None


def read_attachment_wrap(text: str) -> bool:
    """The rest of a 附件说明 item's name wrapped onto a line of its own (`说明`, `花名册及汇总表`): short,
    no number, no sentence, no organ's name or date (the 署名 under the 附件说明 is no part of it)."""
    return bool(len(text) <= 30 and not re.match(r"\d|附\s*件", text) and not re.search(r"[。；！？，：:]", text)
                and not read_issuer_signature(text) and not read_signing_date(text))


def read_record(text: str) -> str | None:
    """版记: `抄送：市委办公室` (`分送：`, `报送：`, `抄报：` alike) → "抄送", `某某办公室　2023年5月6日印发` → "印发", `主题词：…` → "主题词"."""
    if re.match(r"^(?:抄\s*送|抄\s*报|分\s*送|报\s*送|发\s*送)[:：]", text):
        return "抄送"
    if re.search(r"印\s*发$", text) and (find_date(text) or len(text) <= 40):
        return "印发"
    if re.match(r"^主题词[:：]", text):
        return "主题词"
    return None


def read_signing_date(text: str) -> str | None:
    """成文日期 on a line of its own: `2023年5月30日` or `二〇二三年五月三十日` → "2023-05-30", also under a
    form's label (`日期　2017/12/27`, `成文日期：…`; a page's 发布日期 is the page's, not the document's)."""
    compact = re.sub(r"^(?:成文|落款|签发)?日期[:：]?", "", re.sub(r"\s+", "", text)).strip("（）()")
    found = find_date(compact)
    return found[0] if found and found[1].group(0) == compact else None


def read_signed_date(text: str) -> tuple[str, str] | None:
    """发文机关署名 and 成文日期 run onto one line (a web page's <br> lost): `中共某某县委组织部 2023年5月30日`
    → ("中共某某县委组织部", "2023-05-30")."""
    compact = re.sub(r"\s+", "", text)
    found = find_date(compact)
    if not found or found[1].end() != len(compact) or not found[1].start():
        return None
    signer = read_issuer_signature(compact[: found[1].start()])
    return (signer, found[0]) if signer else None


def read_office_signature(text: str) -> str | None:
    """A signature by office and name above the 成文日期 (a 命令's, a 请示 signed by its head): `省长　张某某`,
    `主任委员张某某` → itself; the office ends as heads' offices do (…长, 主席, 主任, 书记, 总理)."""
    compact = re.sub(r"\s+", "", text)
    return text if re.fullmatch(r"[\u4e00-\u9fff]{0,12}(?:长|主席|主任|主任委员|书记|总理)[\u4e00-\u9fff]{2,3}", compact) else None


def read_issuer_signature(text: str) -> str | None:
    """发文机关署名 above the 成文日期: `中共某某县委组织部` → itself (no sentence, an organ's name)."""
    return text if len(text) <= 40 and re.search(rf"{_ORG_END}$", text) and not re.search(r"[。，；！？]|关于|干部$|^各", text) else None


LETTER_FIELDS = {
    "发文日期": "date", "发文字号": "doc-number", "受文者": "addressees", "附件": "attachments",
    "速别": "urgency", "密等及解密条件或保密期限": "secrecy", "密等": "secrecy",
    "档号": "filing", "保存年限": "filing", "承办人": "filing", "联络人": "filing", "联络电话": "filing",
    "电话": "filing", "传真": "filing", "电子信箱": "filing", "电子邮件": "filing", "地址": "filing",
    "正本": "record", "副本": "record",
}
"""The labelled parts of a 函 in the style used in Taiwan (公文程式條例), as the cleaner leaves them
(Simplified): 發文日期、發文字號、受文者 … 主旨、說明 … 正本、副本. Label → role."""


def read_letter_field(text: str) -> tuple[str, str] | None:
    """A labelled part of such a 函: `发文字号：府教学字第1103718733号` → ("doc-number", "府教学字第1103718733号");
    `档号：` (left blank) → ("filing", "")."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{2,12})[:：]\s*(.*)", text)
    if not m or m.group(1) not in LETTER_FIELDS:
        return None
    return LETTER_FIELDS[m.group(1)], m.group(2).strip()


DISCLOSURE_FIELDS = {
    **dict.fromkeys(("发文机关", "发布机关", "发布机构", "发文单位", "制发机关", "公开主体"), "issuer"),
    **dict.fromkeys(("发文字号", "文号"), "doc-number"),
    "成文日期": "date",
    **dict.fromkeys(("索引号", "主题分类", "体裁分类", "组配分类", "服务对象分类", "公开属性", "公开方式", "公开范围", "公开时限",
                     "有效性", "主题词", "信息来源", "发布日期", "生效日期", "废止日期", "标题", "名称", "文件名称"), "filing"),
}
"""The labelled fields a government site sets over a document it publishes (政府信息公开: 索引号,
发文机关, 发文字号, 成文日期 …), label → role: the page's own form, read as the 公文's parts."""
_FIELD_LABEL = re.compile(
    r"(?:^|(?<=[\s|]))(" + "|".join(r"[ \u3000]*".join(name) for name in sorted(DISCLOSURE_FIELDS, key=len, reverse=True)) + r")[ \u3000]*[:：]"
)
"""One of the fields' labels, letter-spaced or not (索 引 号：, 标　　题：), where a cell or the line begins."""
_OTHER_LABEL = re.compile(r"(?:^|(?<=[\s|]))[\u4e00-\u9fff]{2,6}[:：]")


def read_disclosure_fields(text: str) -> list[tuple[str, str]] | None:
    """A line (or a table row) of such fields: `| 发文字号： | 某组发〔2023〕5号 | 发布日期： | 2023年06月01日 |` →
    [("doc-number", "某组发〔2023〕5号"), ("filing", "2023年06月01日")]; `索 引 号：001234/2023-00123　主题分类：
    组织人事` likewise. None unless every label on the line is one of DISCLOSURE_FIELDS."""
    labels = list(_FIELD_LABEL.finditer(text))
    if not labels or text[: labels[0].start()].strip(" |\u3000"):
        return None
    fields = []
    for label, after in zip(labels, labels[1:] + [None]):
        value = text[label.end() : after.start() if after else len(text)].strip(" |\u3000")
        if _OTHER_LABEL.search(value):
            return None  # a label of another kind (联系人：) on the line: no site's form
        fields.append((DISCLOSURE_FIELDS[re.sub(r"[ \u3000]+", "", label.group(1))], value))
    return fields


def form_issuers(raw: str) -> list[str]:
    """The issuers in a site's form as set apart by spaces (the page's wide space arrives as one):
    `发文机关：中共某某市委组织部　某某市人力资源和社会保障局` → ["中共某某市委组织部", "某某市人力资源和社会保障局"];
    [] unless the field is there and every piece reads as an organ's full name (four characters or more,
    so a letter-spaced name, `中 共 某 某 县 委`, or one spaced before its office, `某某县委 组织部`, stays one)."""
    issuers = [value for role, value in read_disclosure_fields(raw.strip()) or [] if role == "issuer"]
    pieces = issuers[0].split() if issuers else []
    return pieces if len(pieces) > 1 and all(len(p) >= 4 and read_issuer_signature(p) for p in pieces) else []


def read_letter_issuer(text: str) -> str | None:
    """The issuer's line of such a 函: `新竹县政府　函` → "新竹县政府"."""
    m = re.fullmatch(rf"(.{{2,40}}?{_ORG_END})\s*函", text)
    return m.group(1) if m else None


READERS = {
    "copy-number": read_copy_number,
    "secrecy": read_secrecy,
    "urgency": read_urgency,
    "issuer": read_issuer_mark,
    "doc-number": read_doc_number,
    "signer": read_signer,
    "addressees": read_addressees,
    "attachments": read_attachments,
    "record": read_record,
    "date": read_signing_date,
    "signature": read_issuer_signature,
}
"""Role → reader of a line in that role (the roles the parts' lines get in the speech's header)."""


@dataclass
class Gongwen:
    """What was read of a 公文's parts; `roles` says which lines they were (line number → role)."""

    roles: dict[int, str] = field(default_factory=dict)
    issuer: str | None = None
    doc_number: str | None = None
    signer: str | None = None
    addressees: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    title: str | None = None
    title_lines: list[int] = field(default_factory=list)
    date: str | None = None
    letter: bool = False
    """A 函 of labelled parts (主旨, 說明 …): its numbered lines are points, not sections."""
    unread_issuer: list[str] = field(default_factory=list)
    """Names a 版头 gave that read like no organ's (一份公文 of `一份公文文件`): not the issuer; for a person."""
    head_end: int | None = None
    """The last line of a cover read whole (a standard's, a 纪要's or a 命令's head): the text begins under it."""
    form: str = ""
    """A head of another form than the 文件's: "standard", "minutes" (纪要格式), "order" (命令格式), "bulletin" (简报)."""
    edited_by: str | None = None
    """The organ that edits the bulletin carrying the document (`某某县委组织部编`): its issuer when it signs none."""
    appended: list[int] = field(default_factory=list)
    """The label lines (`附件1`) of attachments appended after the 成文日期: each opens a part of its own."""


HEAD_LINES = 12
"""The 版头 and title are within this many lines from the top."""
TAIL_LINES = 14
"""The 附件说明, 署名, 成文日期 and 版记 are within this many lines from the end."""


def read_gongwen(lines: list[Line], removed: list[Line] = ()) -> Gongwen | None:
    """The 公文 parts of a text (see the module doc), or None when the text is not a 公文.

    `removed` are the lines the cleaner took off as chrome (a `…文件` mark, a 版记): they count as
    evidence and take their place among the lines, but stay where the cleaner logged them."""
    every = sorted([*lines, *removed], key=lambda line: line.number)
    content = [(line.number, _compact(line.text)) for line in every if line.text.strip()]
    mark = read_attachment_mark(content)
    if mark is not None:
        # An attachment as a file of its own: its label is the 公文's part; the rest is read from under it.
        found = read_gongwen([line for line in lines if line.number != mark], [line for line in removed if line.number != mark]) or Gongwen()
        found.roles = {mark: "attachment-mark", **found.roles}
        return found
    if len(content) < 3:
        return None
    letter = _read_letter(content) or _read_standard_cover(content)
    if letter:
        return letter
    found = Gongwen()
    raw = {line.number: line.text for line in every}
    kept = {line.number for line in lines}
    content = _read_disclosure(content, found, raw)
    special = _read_minutes_head(content, found) or _read_order_head(content, found) or _read_bulletin_head(content, found)
    body_start = special if special is not None else _read_head(content, found, raw, kept)
    text_from = content[body_start][0] if body_start < len(content) else content[-1][0] + 1
    # Attachments appended after the 成文日期 are parts of their own: the 公文's tail is read above them.
    appended_at = _appended_from(content, body_start, found.title)
    appended = content[appended_at:] if appended_at is not None else []
    content = content[: len(content) - len(appended)]
    # The cleaner may have taken the 版记 or a bare 成文日期 (a date alone under the text) as chrome: their place still counts.
    # …and a 附件说明's further item when it took the item for a copy of the outline (a short text's).
    _read_tail([(n, t) for n, t in content if n in kept or read_record(t) or read_signing_date(t) or read_attachment_item(t)], found, text_from)
    if not found.issuer and found.edited_by:
        found.issuer = found.edited_by  # a bulletin's notice that signs no organ: the organ that edits the bulletin
    if not found.issuer and not found.unread_issuer and found.title and found.title_lines:
        # no 版头 and no 署名 names them: the title's own words before 关于 (a reprint that kept only the title)
        found.issuer = read_title_issuers(raw.get(found.title_lines[0], ""), found.title)
    # The 版记 closes the document under its attachments (GB/T 9704): its lines are the record's still.
    record_from = next((k for k in range(max(0, len(appended) - TAIL_LINES), len(appended)) if read_record(appended[k][1])), len(appended))
    for number, _ in appended[record_from:]:
        found.roles[number] = "record"
    appended = appended[:record_from]
    found.appended = [number for number, text in appended if read_appended_label(text) or read_issued_title(text, found.title)]
    if not found.attachments:
        found.attachments = _appended_names(appended)
    decisive = found.doc_number or "issuer" in found.roles.values() or "record" in found.roles.values() or (found.addressees and found.title) \
        or (found.issuer and found.title)  # the issuers its title names (read_title_issuers)
    return found if decisive else None


APPENDED_AFTER_DATE = 4
"""An appended attachment's label stands within this many lines under the 成文日期 (a note or the 版记 between)."""


def read_issued_title(text: str, title: str | None) -> bool:
    """The title of the document a 印发/转发 notice issues, set under the notice's 成文日期: the name the notice's
    own title gives in 《》 (`关于印发《某某工作规则》的通知` over `某某工作规则`), standing alone on its line.

    >>> read_issued_title("某某工作规则", "某某县委办公室关于印发《某某工作规则》的通知")
    True
    >>> read_issued_title("某某工作规则", "关于做好某某工作的通知")
    False

    The issued document's title may say its edition in brackets, which the notice's 《》 leaves out:

    >>> read_issued_title("某某工作规则（试行）", "关于印发《某某工作规则》的通知")
    True
    """
    names = {_compact(name) for name in re.findall(r"《([^《》]{2,60})》", title or "")}
    line = _compact(text).strip("《》")
    return bool(names) and (line in names or re.sub(r"[（(][^（）()]{1,12}[）)]$", "", line) in names)


def _appended_from(content: list[tuple[int, str]], body_start: int, title: str | None = None) -> int | None:
    """Where attachments appended after the 公文 begin: the first label line (`附件1`) — or the title of the
    document it issues (read_issued_title) — under the text with a 成文日期 at most APPENDED_AFTER_DATE lines above
    it; None when nothing is appended."""
    for k in range(body_start + 1, len(content)):
        if read_appended_label(content[k][1]) or read_issued_title(content[k][1], title):
            above = [text for _, text in content[max(body_start, k - APPENDED_AFTER_DATE) : k]]
            if any(read_signing_date(text) or read_signed_date(text) for text in above):
                return k
    return None


def text_span(texts: list[str], body: tuple[int, int]) -> tuple[int, int]:
    """The text of a 公文 for the cleaner, whose text runs from its first line of prose to its last (`body`): a
    short 公文 may have no such line (`一、会议时间` / `6月3日上午9:00`), yet its text is all that stands between
    the 主送 under its title and its 成文日期 (a 纪要's, between its head and its 版记) — widened to that, never narrowed.

    >>> text_span(["关于召开会议的通知", "各乡镇党委：", "一、会议时间", "6月3日上午9:00", "某某县委组织部", "2024年5月28日"], (6, 6))
    (2, 5)
    """
    content = [(k, _compact(t)) for k, t in enumerate(texts) if t.strip()]
    minutes = _read_minutes_head(content, Gongwen())
    if minutes is not None and minutes < len(content):
        # A 纪要 has no 主送 or 成文日期 under its text: it runs from under its head to its 版记 (出席：… is its own).
        record = next((i for i in range(max(minutes, len(content) - TAIL_LINES), len(content)) if read_record(content[i][1])), None)
        end = content[record][0] if record is not None else len(texts)
        return (min(body[0], content[minutes][0]), max(body[1], end)) if body[0] < len(texts) else (content[minutes][0], end)
    addressed = next((i for i, (_, t) in enumerate(content[:HEAD_LINES]) if i and read_addressees(t) and read_title(content[i - 1][1])), None)
    dated = next((i for i in range(len(content) - 1, max(-1, len(content) - 1 - TAIL_LINES), -1)
                  if read_signing_date(content[i][1]) or read_signed_date(content[i][1])), None)
    if addressed is None or dated is None or dated <= addressed + 1:
        return body
    first, end = content[addressed + 1][0], content[dated][0]
    return (min(body[0], first), max(body[1], end)) if body[0] < len(texts) else (first, end)


def appended_end(texts: list[str], end: int) -> int:
    """Where the text ends when attachments are appended under the 成文日期 (for the cleaner, whose text ends
    with its last sentence, `end`): at the 版记 under them, or the last line. `end` when nothing is appended.

    >>> appended_end(["为…通知如下。", "某某县委组织部", "2024年7月8日", "附件1", "日程安排", "抄送：县委办公室。"], 1)
    5
    """
    content = [(k, _compact(t)) for k, t in enumerate(texts) if t.strip()]
    start = next((i for i, (k, _) in enumerate(content) if k >= end), len(content))
    at = _appended_from(content, max(0, start - 1))
    if at is None:
        return end
    record = next((k for k, text in content[at:] if read_record(text)), None)
    return record if record is not None else len(texts)


def _appended_names(appended: list[tuple[int, str]]) -> list[str]:
    """The names of appended attachments where no 附件说明 gave them: the name on the label's line, or
    the line under the label when it reads as a title (short, no sentence): `附件1` / `某某推荐表` →
    ["某某推荐表"]; `附件2：某某花名册` → ["某某花名册"]."""
    names = []
    for (_, text), (_, below) in zip(appended, [*appended[1:], (0, "")]):
        if not read_appended_label(text):
            continue
        if _appended_name(text):
            names.append(_appended_name(text))
        elif below and not read_appended_label(below) and len(below) <= 40 and not re.search(r"[。，；！？：:]", below):
            names.append(below)
    return names


DISCLOSURE_LINES = 16
"""A site's form over the document it publishes stands within this many lines from the top."""


def _read_disclosure(content: list[tuple[int, str]], found: Gongwen, raw: dict[int, str]) -> list[tuple[int, str]]:
    """Read the fields of a site's form over the document (read_disclosure_fields) into `found` — its
    发文机关, 发文字号 and 成文日期 — and give the form's lines their roles; return the other lines, among
    which the 公文's own head (title, 主送) is read as usual."""
    rest = []
    for k, (number, text) in enumerate(content):
        fields = read_disclosure_fields(text) if k < DISCLOSURE_LINES else None
        if not fields:
            rest.append((number, text))
            continue
        found.roles[number] = "filing"
        for role, value in fields:
            if role == "issuer" and value and not found.issuer:
                found.issuer = "、".join(form_issuers(raw[number])) or value
            elif role == "doc-number" and read_doc_number(value) and not found.doc_number:
                found.doc_number = read_doc_number(value)
            elif role == "date" and find_date(re.sub(r"\s+", "", value)) and not found.date:
                found.date = find_date(re.sub(r"\s+", "", value))[0]
    return rest


LETTER_HEAD_LINES = 30
"""A 函's letterhead (issuer, its fields, 受文者 …) stands above its 主旨 within this many lines."""


def _read_letter(content: list[tuple[int, str]]) -> Gongwen | None:
    """A 函 of labelled parts (LETTER_FIELDS): decided by its 发文字号 or by 受文者 with 发文日期.
    Above the 主旨 every line is the letterhead's (an address wrapped onto a line of its own too);
    from the 主旨 on, the text, but for the 正本/副本 lines."""
    fields = {number: read_letter_field(text) for number, text in content}
    head = content[:LETTER_HEAD_LINES]
    roles = {field[0] for number, _ in head if (field := fields[number])}
    if "doc-number" not in roles and not {"addressees", "date"} <= roles:
        return None
    found = Gongwen(letter=True)
    subject = next((i for i, (_, text) in enumerate(content) if re.match(r"^主\s*旨[:：]", text)), None)
    top = subject if subject is not None else len(head)
    for number, text in content[:top]:
        field = fields[number]
        issuer = read_letter_issuer(text)
        if issuer and not found.issuer:
            found.issuer, found.title = issuer, f"{issuer}函"
            found.title_lines.append(number)
            found.roles[number] = "issuer"
        elif field:
            role, value = field
            found.roles[number] = role
            if role == "date":
                found.date = read_signing_date(value) or (find_date(value) or [None])[0]
            elif role == "doc-number" and value:
                found.doc_number = value.replace(" ", "")
            elif role == "addressees" and value:
                value = _beside_a_contact_column(value)[0]
                # …wrapped beside the contact column (地址：… / 联络人：…): its rest on the lines under it, left of that column
                at = next(i for i, (n, _) in enumerate(content) if n == number)
                for later_number, later in content[at + 1 : min(top, at + ADDRESSEE_LINES)]:
                    own = _beside_a_contact_column(later)[0]
                    if not value.endswith(("、", "，", ",")) or fields[later_number] or not own or read_letter_issuer(later):
                        break
                    value += own
                    found.roles[later_number] = "addressees"
                found.addressees = [n for group in split_outside_brackets(value.rstrip("、，,"), "，,；;") if group.strip()
                                    for n in _addressee_group(group.strip())]
            elif role == "attachments" and value:
                found.attachments = [_without_number(value)]
        elif subject is not None and found.roles.get(number) != "addressees":
            found.roles[number] = "filing"  # a letterhead line's rest (an address wrapped onto a line of its own)
    for number, text in content[top:]:
        if fields[number] and fields[number][0] == "record":
            found.roles[number] = "record"
    return found


_CONTACT_LINE = re.compile(r"^(?:联系人|联络人|联系电话|联系方式|咨询电话|联系人及(?:电话|联系方式)|电话|传真|电子邮箱|邮箱)\s*[:：][^。！？]{1,60}$")


def contact_line(text: str) -> bool:
    """A 公文's contact line in its text (联系人：某某, 联系电话：0551-12345678, 联系人及电话：李某，138…): the document's own —
    whom to ask about it — not a site's footer.

    >>> contact_line("联系人：王某某　联系电话：0551-12345678"), contact_line("咨询电话：010-88886666")
    (True, True)
    >>> contact_line("联系群众是我们的优良传统。"), contact_line("网站地图 | 联系我们")
    (False, False)
    """
    return bool(_CONTACT_LINE.match(text.strip()))


_CONTACT_LABEL = re.compile(r"(?:[\s\u3000]+|(?<=[、，,\u4e00-\u9fff）)]))(?=(?:地址|联络人|联系人|承办人|电话|联络电话|联系电话|传真|电子信箱|电子邮件|电子邮箱|邮编|邮政编码|E-?mail)[:：])", re.IGNORECASE)


def _beside_a_contact_column(text: str) -> tuple[str, str]:
    """A letterhead's line read across its two columns — the 受文者 on the left, the office's contact details on the right
    (地址：…, 联络人：…, 电话：…), set apart by a wide space: (the left part, the contact part).

    >>> _beside_a_contact_column("某某市各区公所、某某市政府各局处、　地址：某某路一段15号")
    ('某某市各区公所、某某市政府各局处、', '地址：某某路一段15号')
    >>> _beside_a_contact_column("某某市各区公所、地址：某某路一段15号")  # (the wide space after 、 taken off by the cleaner)
    ('某某市各区公所、', '地址：某某路一段15号')
    >>> _beside_a_contact_column("某某市立图书馆联络人：王小明")
    ('某某市立图书馆', '联络人：王小明')
    >>> _beside_a_contact_column("某某市立图书馆　联络人：王小明"), _beside_a_contact_column("联络人：王小明")
    (('某某市立图书馆', '联络人：王小明'), ('联络人：王小明', ''))
    """
    m = _CONTACT_LABEL.search(text)
    return (text[: m.start()].strip(), text[m.end():].strip()) if m else (text.strip(), "")


STANDARD_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{0,16}标准$")
"""A standard's masthead (GB/T 1.1): 中华人民共和国国家标准, 某某省地方标准, 团体标准."""
STANDARD_NUMBER = re.compile(r"^(?:[A-Z]{1,4}(?:/[A-Z]{1,2})?)\s*\d+(?:[.．\s\u3000]+\d+)*\s*[—–-]+\s*(?:19|20)\d{2}$")
"""A standard's number: GB/T 3620.1—2016 (a text layer may lose its dot: GB/T3620　1—2016)."""


def standard_number(text: str) -> str:
    """A standard's number as printed: `GB/T 3620.1—2016` → "GB/T3620.1—2016"; a text layer that lost
    the dot between two figures to a space keeps its place (`GB/T3620　1—2016` → "GB/T3620.1—2016"):
    a space between figures of a standard's number is where its part number begins."""
    return re.sub(r"\s+", "", re.sub(r"(?<=\d)[\s\u3000]+(?=\d)", ".", text))


_ISSUED_ON = re.compile(r"((?:19|20)\d{2})\s*[-—–.]\s*(\d{1,2})\s*[-—–.]\s*(\d{1,2})\s*(发布|实施)")
_ISSUING_ACT = re.compile(r"^(?:发布|印发|颁布|公布)$")
STANDARD_COVER_LINES = 24
"""A standard's cover is read within this many lines from the top."""


def _read_standard_cover(content: list[tuple[int, str]]) -> Gongwen | None:
    """A standard's cover, as GB/T 1.1 sets it: classification codes, the masthead over the number
    (and the numbers it replaces, 代替 …), the title (and its English title), the dates it is issued
    and comes into force (`2016-12-30发布`, `2017-11-01实施`), and the issuing organs with their act
    (`某某总局` / `发　布` / `某某委员会`). Decided by a masthead with a standard's number right under
    it. The organs are its issuer, the number its doc_number, the issue date its date, and the text
    begins under the cover (its 前言)."""
    head = content[:STANDARD_COVER_LINES]
    masthead = next((k for k, (_, text) in enumerate(head[:6]) if STANDARD_MASTHEAD.match(text)), None)
    if masthead is None or not any(STANDARD_NUMBER.match(text) for _, text in head[masthead + 1 : masthead + 3]):
        return None
    found = Gongwen(form="standard")
    for number, _ in head[:masthead]:
        found.roles[number] = "filing"  # ICS and CCS codes over the masthead
    found.roles[head[masthead][0]] = "masthead"
    organs: list[str] = []
    for number, text in head[masthead + 1 :]:
        issued = _ISSUED_ON.findall(text)
        if STANDARD_NUMBER.match(text) or text.startswith("代替"):
            found.roles[number] = "doc-number" if not found.doc_number and not text.startswith("代替") else "note"
            if found.roles[number] == "doc-number":
                found.doc_number = standard_number(text)
        elif issued:
            found.roles[number] = "date"
            on = next(((y, m, d) for y, m, d, act in issued if act == "发布"), None)
            if on and not found.date:
                found.date = f"{on[0]}-{int(on[1]):02d}-{int(on[2]):02d}"
        elif not re.search(r"[\u4e00-\u9fffA-Za-z]", text):
            found.roles[number] = "note"  # a stray mark of the cover's layout
        elif found.date and (_ISSUING_ACT.match(text) or read_issuer_signature(text)):
            found.roles[number] = "signature"
            if not _ISSUING_ACT.match(text):
                organs.append(text)
        elif found.date:
            break  # under the issuing block: the text (前言)
        elif re.search(r"[\u4e00-\u9fff]", text) and len(found.title_lines) < 3 and not re.search(r"[。；！？]", text):
            found.title = (found.title or "") + text
            found.title_lines.append(number)
            found.roles[number] = "title"
        else:
            found.roles[number] = "note"  # its English title, a draft's note
        found.head_end = number
    if not found.title or not found.date:
        return None
    found.issuer = "、".join(organs) or None
    return found


def read_minutes_mark(text: str) -> str | None:
    """纪要标志 (GB/T 9704 纪要格式): `某某县人民政府常务会议纪要`, `某某专题会议纪要` → itself; a title of its own
    (`关于…的会议纪要`) is no mark."""
    return text if re.fullmatch(r"[\u4e00-\u9fff（）()〔〕\d]{2,30}纪要", text) and not re.search(r"关于", text) else None


def read_issue_number(text: str) -> str | None:
    """A 纪要's number of issue under its mark: `第5期`, `〔2024〕5期`, `（第5期）`, `2024年第5期` → as printed,
    without the brackets around it."""
    m = re.fullmatch(r"[（(]?((?:[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]|(?:19|20)\d{2}\s*年)?\s*第?\s*[\d一二三四五六七八九十百零〇]{1,4}\s*[期号])[）)]?", text)
    return m.group(1).replace(" ", "") if m else None


def read_order_mark(text: str) -> str | None:
    """命令（令）标志: `某某省人民政府令` → "某某省人民政府" (the organ, or the office, that orders)."""
    m = re.fullmatch(rf"(.{{2,30}}?(?:{_ORG_END}|主席|总理|省长|市长|县长|区长))令", text)
    return m.group(1) if m else None


def read_order_number(text: str) -> str | None:
    """A 命令's number under its mark: `第12号`, `（第一二三号）` → "第12号"."""
    m = re.fullmatch(r"[（(]?(第\s*[\d一二三四五六七八九十百零〇]{1,5}\s*号)[）)]?", text)
    return m.group(1).replace(" ", "") if m else None


MARK_LINES = 3
"""A 纪要's or 命令's mark stands within this many lines from the top (under 份号, 密级, 紧急程度)."""


def _read_minutes_head(content: list[tuple[int, str]], found: Gongwen) -> int | None:
    """The head of a 纪要 (纪要格式): its mark (`某某会议纪要`) on top, the number of issue (`第5期`) and the
    issuing office with the date (`某某县人民政府办公室　2024年6月3日`, on one line or two) under it; a title of
    its own (`关于…`) may follow. The mark is the title unless one follows; → the index the text begins at."""
    mark = next((k for k in range(min(MARK_LINES, len(content))) if read_minutes_mark(content[k][1])), None)
    if mark is None or any(not _head_role(content, k) for k in range(mark)):
        return None
    k, roles = mark + 1, {}
    while k < min(mark + 4, len(content)):
        number, text = content[k]
        signed = read_signed_date(text)
        if read_issue_number(text) and not found.doc_number:
            found.doc_number, roles[number] = read_issue_number(text), "doc-number"
        elif signed and not found.date:
            (found.issuer, found.date), roles[number] = signed, "issuer"
        elif read_issuer_signature(text) and k + 1 < len(content) and read_signing_date(content[k + 1][1]) and not found.date:
            found.issuer, found.date = text, read_signing_date(content[k + 1][1])
            roles[number], roles[content[k + 1][0]] = "issuer", "date"
            k += 1
        else:
            break
        k += 1
    if not roles:
        return None  # a title that ends in 纪要 with nothing of a 纪要's head under it: the usual rules read it
    for j in range(mark):
        found.roles[content[j][0]] = _head_role(content, j)
    found.roles.update(roles)
    found.form, found.title, found.title_lines = "minutes", content[mark][1], [content[mark][0]]
    found.roles[content[mark][0]] = "title"
    if k < len(content) and re.match(r"^关于", content[k][1]) and read_title(content[k][1]):
        found.roles[content[mark][0]] = "issuer"  # the mark over a title of its own
        found.title, found.title_lines = content[k][1], [content[k][0]]
        found.roles[content[k][0]] = "title"
        k += 1
    found.head_end = content[k - 1][0]
    return k


_EDITED_BY = re.compile(r"^(.{2,30}?)\s*(?:编印|编发|编辑|主办|编)$")


def read_edited_by(text: str) -> tuple[str, str] | None:
    """A bulletin's line under its issue number: who edits it and the day (`某某县委组织部编　2024年3月10日`,
    `主办：某某县委组织部 2024年3月10日` is none) → (the organ, the ISO date).

    >>> read_edited_by("某某县委组织部编          2024年3月10日"), read_edited_by("某某县委组织部 2024年3月10日")
    (('某某县委组织部', '2024-03-10'), None)
    """
    compact = re.sub(r"\s+", "", text)
    found = find_date(compact)
    if not found or found[1].end() != len(compact) or not found[1].start():
        return None
    editor = _EDITED_BY.match(compact[: found[1].start()])
    organ = editor and read_issuer_signature(editor.group(1))
    return (organ, found[0]) if organ else None


def _read_bulletin_head(content: list[tuple[int, str]], found: Gongwen) -> int | None:
    """The head of a bulletin (简报, 工作动态: an organ's periodical carrying a notice or a report): its name on top
    (a short line without a stop, whatever it is called — `组织工作动态` names no organ), the issue (`第5期`) and the
    organ that edits it with the day (`某某县委组织部编　2024年3月10日`) under it. The organ is the issuer; the
    bulletin's name is the title unless a title of its own follows; → the index the text begins at. Without the
    edited-by line under an issue number the usual rules read the top (a title over `第5期` is no bulletin's name)."""
    mark = next((k for k in range(min(MARK_LINES, len(content))) if content[k][1] and len(content[k][1]) <= 16
                 and not re.search(r"[。，；：！？、:]", content[k][1])), None)
    if mark is None or mark + 2 >= len(content) or any(not _head_role(content, k) for k in range(mark)):
        return None
    (number, text), (issue_at, issue), (edited_at, edited) = content[mark], content[mark + 1], content[mark + 2]
    editor = read_edited_by(edited)
    if not read_issue_number(issue) or not editor:
        return None
    for j in range(mark):
        found.roles[content[j][0]] = _head_role(content, j)
    found.form = "bulletin"
    found.edited_by, found.doc_number = editor[0], read_issue_number(issue)
    found.roles[number], found.roles[issue_at], found.roles[edited_at] = "title", "doc-number", "issuer"
    found.title, found.title_lines = text, [number]
    k = mark + 3
    if k < len(content) and re.match(r"^关于", content[k][1]) and read_title(content[k][1]):
        found.roles[number] = "issuer"  # the bulletin's name over a title of its own
        found.title, found.title_lines = content[k][1], [content[k][0]]
        found.roles[content[k][0]] = "title"
        k += 1
    if k < len(content) and read_addressees(content[k][1]):
        found.addressees, found.roles[content[k][0]] = read_addressees(content[k][1]), "addressees"
        k += 1
    found.head_end = content[k - 1][0]
    return k


def _read_order_head(content: list[tuple[int, str]], found: Gongwen) -> int | None:
    """The head of a 命令 (命令格式): its mark (`某某省人民政府令`) on top and its number (`第12号`) under it →
    the organ is the issuer, the number the doc_number, both the title (`某某省人民政府令第12号`); → the index
    the text begins at."""
    mark = next((k for k in range(min(MARK_LINES, len(content))) if read_order_mark(content[k][1])), None)
    if mark is None or mark + 1 >= len(content) or not read_order_number(content[mark + 1][1]):
        return None
    if any(not _head_role(content, k) for k in range(mark)):
        return None
    for j in range(mark):
        found.roles[content[j][0]] = _head_role(content, j)
    (number, text), (below, under) = content[mark], content[mark + 1]
    found.form, found.issuer, found.doc_number = "order", read_order_mark(text), read_order_number(under)
    found.title, found.title_lines = text + found.doc_number, [number, below]
    found.roles[number], found.roles[below] = "title", "title"
    found.head_end = below
    return mark + 2


def _read_head(content: list[tuple[int, str]], found: Gongwen, raw: dict[int, str], kept: set[int]) -> int:
    """Read 版头, title and 主送 from the top; return the index of the first line of the text.
    Lines the cleaner removed (not in `kept`) count as 版头 only: a covering notice's title is not the text's."""
    issuers: list[str] = []
    k, in_head, title_done = 0, True, False
    while k < min(len(content), HEAD_LINES):
        number, text = content[k]
        if in_head:
            role = _head_role(content, k)
            if role == "issuer" and text in ("文件", "公报"):
                issuers[:0] = _issuers_above(content, k, found)  # joint issuers, one a line, 文件 under them
            elif role == "issuer" and read_issuer_mark(text):
                issuers += issuer_names(raw[number])
            elif role == "issuer":
                issuers.append(read_masthead([t for _, t in content], k) or text)
            elif role == "doc-number":
                found.doc_number, found.signer = read_doc_number(text), found.signer or read_signer(text)
            elif role == "signer":
                found.signer = f"{found.signer}　{text}" if found.signer and not read_signer(text) else read_signer(text)
            if role:
                found.roles[number] = role
                k += 1
                continue
            if number not in kept and k < 4:
                k += 1  # a line the cleaner took off (a 版头 it knows) does not end the head
                continue
            in_head = False
        labelled = {"密级": "secrecy", "紧急程度": "urgency", "签发人": "signer"}.get(re.split(r"[:：]", text)[0]) if re.search(r"[:：]", text) else None
        if found.title_lines and labelled and READERS[labelled](text):
            found.roles[number] = labelled  # a part set under the title, under its label (密级：秘密)
            found.signer = found.signer or read_signer(text)
            k += 1
            continue
        if found.title_lines and not found.doc_number and read_doc_number(text):
            found.doc_number = read_doc_number(text)  # a reprint gives the 发文字号 under the title
            found.roles[number] = "doc-number"
            k += 1
            continue
        if number not in kept:
            k += 1
            continue
        if not title_done and len(found.title_lines) < 3 and not text.endswith(("：", ":")) and not re.search(r"[。！？；]", text) and len(text) <= 50 \
                and not (found.title_lines and _wrapped_addressees(content, k)):
            found.title = (found.title or "") + text
            found.title_lines.append(number)
            title_done = bool(re.search(rf"{DOC_KINDS}$", text))
            k += 1
            continue
        if title_done and re.search(rf"{DOC_KINDS}$", text) and text in (found.title or ""):
            k += 1  # a page's headline over the 公文 it carries gives the title again: 发文字号 and 主送 follow
            continue
        names = read_addressees(text)
        wrapped = None if names or not found.title_lines else _wrapped_addressees(content, k)
        if wrapped:
            names, lines = wrapped
            for number, _ in content[k : k + lines - 1]:
                found.roles[number] = "addressees"
            k += lines - 1
            number = content[k][0]
        # (right under the 版头's 发文字号 too: a capture that kept no title line, the title only in its header)
        if names and (found.title_lines or (found.doc_number and not found.title_lines and k and content[k - 1][0] in found.roles)):
            found.addressees = names
            found.roles[number] = "addressees"
            k += 1
        break
    # A title of another kind (关于…的回复) is a 公文's as well when a 主送 stands under it.
    kind_said = re.search(rf"{DOC_KINDS}$", found.title or "") or (found.addressees and (found.title or "").startswith("关于"))
    if found.title and not (kind_said and (found.roles or "关于" in found.title)):
        found.title, found.title_lines = None, []  # not a 公文's title: the usual rules read it
        k = min(k, next((i for i, (n, _) in enumerate(content) if n not in found.roles), k))
    # An issuer reads like an organ (…部, …局, …委员会): a 版头 of another name (一份公文文件) leaves it empty, for a person.
    organs = [name for name in issuers if read_issuer_signature(name)]
    if organs:
        found.issuer = "、".join(organs)
    found.unread_issuer = [name for name in issuers if name not in organs]
    return k


TITLE_ISSUER_MAX = 16
"""The longest name of one issuer set before `关于` in a title (`中共某某省委办公厅`)."""


def read_title_issuers(first_line: str, title: str) -> str | None:
    """The issuers a 公文's title names before `关于` when no 版头 names them (a reprint that kept only the
    title): joint issuers stand apart by a space there, as GB/T 9704 sets them, each a short name of Han
    characters, one of them reading as an organ (…院, …部); a single one must read as an organ itself. The
    title must end as a 公文 does (…的意见, …的通知). The names are given as the title prints them.

    | title's first line | issuer |
    |---|---|
    | `中共某某省委 某某省人民政府关于加强基层治理的意见` | `中共某某省委 某某省人民政府` |
    | `某某县人民政府关于做好春耕工作的通知` | `某某县人民政府` |
    | `某某某某关于某某的意见` (one name, no organ's ending) | – |
    | `学习贯彻 关于某某的意见` (the pieces read as no organ) | – |
    | `某某县委书记 李某某关于某某的讲话` (a speech, not a 公文's kind) | – |
    """
    if not re.search(rf"{DOC_KINDS}$", title):
        return None
    at = first_line.find("关于")
    if at <= 0:
        return None
    pieces = first_line[:at].split()
    if not pieces or not all(re.fullmatch(rf"[\u4e00-\u9fff（）()]{{2,{TITLE_ISSUER_MAX}}}", piece) for piece in pieces):
        return None
    organs = [piece for piece in pieces if read_issuer_signature(piece)]
    if len(pieces) == 1 and not organs or len(pieces) > 1 and not organs:
        return None
    return " ".join(pieces)


def _head_role(content: list[tuple[int, str]], index: int) -> str | None:
    text = content[index][1]
    if index < 4 and read_copy_number(text):
        return "copy-number"
    if index < 4 and read_secrecy(text):
        return "secrecy"
    if index < 5 and read_urgency(text):
        return "urgency"
    if index < 4 and read_top_marks(text):
        return read_top_marks(text)[0][0]
    texts = [t for _, t in content]
    doc_number_below = any(read_doc_number(t) for t in texts[index + 1 : index + 3])
    under_doc_number = any(read_doc_number(t) for t in texts[:index])
    if read_masthead(texts, index) or (text in ("文件", "公报") and (index or doc_number_below)) or (read_letterhead(texts, index) and not under_doc_number):
        return "issuer"
    if index < 6 and doc_number_below and read_issuer_signature(text) and not under_doc_number:
        return "issuer"  # an organ's name over the 发文字号: a 版头 without 文件 (信函格式, 中共某某县委), or one of joint issuers
    if 0 < index < 8 and read_signer(texts[index - 1]) is not None and read_signer_names(text):
        return "signer"  # the further 签发人 of a 上行文, on the line under the first
    if 0 < index < 4 and texts[index - 1] in ("文件", "公报") and doc_number_below and len(text) <= 30 and not re.search(r"[。，；：！？]", text):
        return "issuer"  # the issuers beside a 文件 set above them (a template's 版头 in text boxes)
    if read_issuer_signature(text) and any(read_issuer_mark(t) or t in ("文件", "公报") for _, t in content[index + 1 : index + 4]):
        return "issuer"  # one of joint issuers, the mark on a line below
    if read_doc_number(text):
        return "doc-number"
    if read_signer(text):
        return "signer"
    return None


UNIT_NAME_MIN = 4
UNIT_NAME_MAX = 30


def signed_by_a_unit(text: str) -> bool:
    """A line right above a 公文's 成文日期 whose name ends in no organ's word the readers know (某某学院党总支, 某某县妇联,
    某某区委党校): by its place the 署名 — a unit's name, four Han characters or more, no sentence, no person's post and
    name (a person signs a letter, not a notice), no template's XXXX.

    >>> [signed_by_a_unit(t) for t in ("某某学院党总支", "某某县妇联", "某某区委党校", "某某市第一中学", "张某某", "XXXXXX", "请各单位认真落实", "特此通知")]
    [True, True, True, True, False, False, False, False]
    """
    from .words import tagger

    text = _compact(text)
    if not (UNIT_NAME_MIN <= len(text) <= UNIT_NAME_MAX and re.fullmatch(r"[\u4e00-\u9fff（）()·]+", text) and not text.endswith("同志")):
        return False
    words = [(w.word, w.flag) for w in tagger().cut(text)]
    # a name: no verb in it, its last word a noun or a short form (党总支, 妇联), not a person's name (nr)
    return not any(flag.startswith("v") or flag in ("l", "z", "d") for _, flag in words) and words[-1][1] in ("n", "j", "nt", "ns", "nz")


def _issuers_above(content: list[tuple[int, str]], k: int, found: Gongwen) -> list[str]:
    names = []
    for j in range(k - 1, -1, -1):
        number, text = content[j]
        if found.roles.get(number) or not read_issuer_signature(text):
            break
        names.insert(0, text)
        found.roles[number] = "issuer"
    return names


def _read_tail(content: list[tuple[int, str]], found: Gongwen, text_from: int) -> None:
    """Read 附件说明, 署名 and 成文日期, and the 版记, from the end (never above line `text_from`)."""
    body_start = next((i for i, (number, _) in enumerate(content) if number >= text_from), len(content))
    start = max(body_start, len(content) - TAIL_LINES)
    tail = content[start:]
    record_from = next((i for i, (_, text) in enumerate(tail) if read_record(text)), None)
    if record_from is not None:
        for number, _ in tail[record_from:]:
            found.roles[number] = "record"
        tail = tail[:record_from]
    # The 成文日期: the last date line, with the organs' names right above it (or before it on its line).
    date_at = next((i for i in range(len(tail) - 1, -1, -1) if read_signing_date(tail[i][1]) or read_signed_date(tail[i][1])), None)
    # …under the text: a short speech's own date line under its title is no 成文日期.
    text_above = date_at is not None and any(re.search(r"[。！？；]", t) for _, t in content[body_start : start + date_at])
    # …or, in a 公文 its 发文字号 or 版记 tells, the last line of its text (above the 版记): a date alone there is its
    # 成文日期, signed or not, whatever the text above it (正文部分 of a template).
    closes = date_at is not None and date_at == len(tail) - 1 and start + date_at > body_start
    text_above = text_above or (closes and bool(found.doc_number or record_from is not None))
    if text_above and (found.roles or found.addressees):
        number, text = tail[date_at]
        signed = read_signed_date(text)
        found.date = read_signing_date(text) or signed[1]
        found.roles[number] = "date"
        j = date_at - 1
        signers = [signed[0]] if signed and not read_signing_date(text) else []
        while j >= 0 and read_issuer_signature(tail[j][1]) and len(signers) < 4:
            signers.insert(0, tail[j][1])
            found.roles[tail[j][0]] = "signature"
            j -= 1
        while j >= 0 and read_office_signature(tail[j][1]) and not signers:
            found.roles[tail[j][0]] = "signature"  # a 命令's or 请示's office and name (省长　张某某): signed, no organ
            j -= 1
        if signers and not found.issuer:
            found.issuer = "、".join(signers)
        for i, (number, text) in enumerate(tail[date_at + 1 :], date_at + 1):
            if re.fullmatch(r"[（(].{2,60}[）)]", text):  # （此件公开发布）, （联系人：…）
                found.roles[number] = "note"
        # A 署名 that reads as no organ (a template's XXXXXX, a person) still stands right above the date: no 附件说明's.
        unread_signature = not signers and j >= 0 and j == date_at - 1 and not read_office_signature(tail[j][1]) and not re.search(r"[。；！？：:]", tail[j][1])
        if unread_signature and not found.issuer and signed_by_a_unit(tail[j][1]):
            # 某某学院党总支, 某某县妇联 right above the 成文日期 of a 公文 without a 版头: its place says it signs
            found.issuer = _compact(tail[j][1])
            found.roles[tail[j][0]] = "signature"
        tail = tail[: j + (0 if unread_signature else 1)]
    # The 附件说明 above the signature: 附件：1. … and its further numbered lines.
    for i, (number, text) in enumerate(tail):
        numbered = read_numbered_attachment(text)
        names = read_attachments(text) or ([numbered] if numbered else None) \
            or ([] if read_attachments_label(text) and i + 1 < len(tail) and read_attachment_item(tail[i + 1][1]) else None)
        if names is not None:
            found.attachments = names
            found.roles[number] = "attachments"
            for later_number, later in tail[i + 1 :]:
                item = read_attachment_item(later) or (read_numbered_attachment(later) if numbered else None)
                if item is None and read_attachment_wrap(later) and found.attachments:
                    found.attachments[-1] += later  # an item's name wrapped onto the next line (回行时与上一行文字对齐)
                elif item is None:
                    break
                else:
                    found.attachments.append(item)
                found.roles[later_number] = "attachments"
            break


def _compact(text: str) -> str:
    # A 版头 is often letter-spaced (某 某 医 院 文 件); between two Han characters a space is layout.
    text = text.strip()
    return re.sub(r"(?<=[\u4e00-\u9fff）)〕])[ \u3000]+(?=[\u4e00-\u9fff（(〔])", "", text)


def _without_number(text: str) -> str:
    """An attachment's name without its number, and without the file's extension a web page's link
    gives it (`1.某某推荐表.doc` → 某某推荐表)."""
    return re.sub(r"\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar)$", "", re.sub(r"^\d{1,2}\s*[.．、]\s*", "", text.strip()), flags=re.IGNORECASE)


HEAD_RULES = {
    "standard": "the standard's cover (its title, …发布 date)",
    "minutes": "the 纪要's head (its mark, 期号, office and date)",
    "order": "the 命令's head (its mark and number)",
}
"""How a head of another form gave the title (and date): the rule named in kb check."""


def into_header(header, gongwen: Gongwen, lines: list[Line]) -> None:
    """Put the 公文's parts into a parsed header (parse.ParsedHeader): each part's lines with its
    role, the title read between 版头 and 主送, and the 成文日期 as the date when the top has none."""
    text_of = {line.number: line.text for line in lines}
    # Lines the cleaner removed stay in its log; only the text's own lines join the header.
    parts = [HeaderLine(number, text_of[number], role) for number, role in gongwen.roles.items() if number in text_of]
    header.lines = sorted(header.lines + parts, key=lambda h: h.line)
    if gongwen.title:
        for h in header.lines:
            if h.line in gongwen.title_lines:
                h.role = "title"
        header.title = gongwen.title
        header.rules["title"] = HEAD_RULES.get(gongwen.form, "the 公文's title (under the 版头, above the 主送)")
        header.warnings = [w for w in header.warnings if w.code != "suspicious-title" or len(gongwen.title) > 40]
    if gongwen.date and header.date is None:
        header.date, header.year = gongwen.date, int(gongwen.date[:4])
        header.rules["date"] = HEAD_RULES.get(gongwen.form, "the 公文's 成文日期 (under the issuer's name)")
