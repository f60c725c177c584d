"""What 待核对 and kb check say a line became is true of what the speech published: a piece the rules then removed is
no paragraph, a joined paragraph removed whole is no paragraph, a credit cut from a kept line is no line removed,
and the keep_lines fix kb check offers for a wrong removal brings the text back. (The audit over the dev material
that found these: /work/tune/audit/claims_audit.py, outside the repository.)"""

from __future__ import annotations

from collections import Counter

from build_kb.check import check_report, report_text
from build_kb.model import Join, RemovedLine, Split, removal_counts, split_cuts
from build_kb.pipeline import build_knowledge_base

from conftest import make_corpus

OPENING = "在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。\n一、加强基层党组织建设\n"


def _checked(tmp_path, text: str, yaml: str = ""):
    corpus = make_corpus(tmp_path / "c", {"a.txt": text, **({"speeches.yaml": yaml} if yaml else {})})
    kb = build_knowledge_base(corpus)
    (speech,) = kb.speeches
    return speech, report_text(check_report(kb)).splitlines()


def test_a_credit_cut_from_a_kept_line_is_a_piece_not_a_line_and_keep_lines_brings_it_back(tmp_path):
    text = OPENING.replace("部署今年任务。", "部署今年任务。（撰稿：王某）") + "要建强党支部，提升组织力。\n本文来源：某某网\n"
    speech, shown = _checked(tmp_path, text)
    assert speech.removal_counts() == (1, 1)
    at = shown.index("删除：  1 行，另删去保留行里的文字 1 处")
    assert shown[at + 1 : at + 3] == ["  第 3 行里的 [行尾的署名（inline-credit）] （撰稿：王某）", "  第 6 行 [版权声明（copyright-notice）] 本文来源：某某网"]
    speech, _ = _checked(tmp_path / "kept", text, "a.txt:\n  keep_lines: [3]\n")
    assert [r.line for r in speech.clean.removed] == [6]
    assert speech.all_paragraphs()[1].text == "今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。（撰稿：王某）"


def test_a_wrapped_notice_joined_and_then_removed_is_not_counted_as_a_joined_paragraph(tmp_path):
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，主要任务是总结去年\n工作，部署今年任务，动员全县各级党组织和广大\n"
        "党员干部进一步统一思想、明确目标，为全县高质\n量发展提供坚强组织保证。刚才，几位同志作了很\n好的发言，我都赞成。下面，我讲三点意见。\n"
        "本文系作者原创投稿，仅供学习参考，请勿照搬照\n抄！\n一、加强基层党组织建设\n要建强党支部，提升组织力，把每个支部都建成坚\n"
        "强战斗堡垒，推动基层党组织全面进步、全面过硬。\n"
    )
    speech, shown = _checked(tmp_path, text)
    assert speech.clean.joins == [Join(3, 7), Join(8, 9), Join(11, 12)]
    assert [item.message for item in speech.review if item.code == "joined"] == ["断开的 7 行被接成 2 段（硬换行、网页断行或文库分块）：请看接得是否正确"]
    at = shown.index("删除：  2 行")
    assert shown[at + 1] == "  第 8–9 行 [版权声明（copyright-notice）] 本文系作者原创投稿，仅供学习参考，请勿照搬照抄！"
    assert [line for line in shown if line.endswith("接成一段")] == ["  第 3–7 行接成一段", "  第 11–12 行接成一段"]


def test_a_line_split_off_a_notice_that_went_is_no_split_to_check(tmp_path):
    text = OPENING + "要建强党支部，提升组织力，把每个支部都建成坚强战斗堡垒。要严格落实“三会一课”制度，规范党内政治生活。 本文来源：某某网 责任编辑：王某某\n"
    speech, shown = _checked(tmp_path, text)
    assert speech.clean.splits == [Split(5, 2)]
    assert [item.code for item in speech.review if item.code == "split"] == []
    assert "  第 5 行拆成 2 段，其中 1 段删去了（见上）" in shown
    assert "  第 5 行里的 [版权声明（copyright-notice）] 本文来源：某某网 责任编辑：王某某" in shown


def test_split_cuts_and_removal_counts_count_what_was_kept():
    # a line split in three whose middle piece went shows one cut; one whose pieces all went shows none
    assert split_cuts([Split(3, 3), Split(7, 2), Split(7, 2), Split(9, 2)], Counter({3: 2, 7: 2})) == {3: 1, 7: 1}
    # two entries on a line that is gone are one line; a joined paragraph removed whole is each of its lines
    removed = [RemovedLine(2, "本文来源：某某网", "copyright-notice"), RemovedLine(2, "责任编辑：王某", "editor"), RemovedLine(4, "本文系…请勿", "copyright-notice"), RemovedLine(8, "（撰稿：王某）", "inline-credit")]
    assert removal_counts(removed, [Join(4, 6)], Counter({8: 1})) == (4, 1)


def test_doubted_lines_taken_for_a_title_and_then_not_used_are_not_named_as_the_title(tmp_path):
    # Two rows of a table over a speech: read as its title, doubted, and no title (it does not read like one). 待核对 said
    # 现读作标题 and 标题可疑（60 字） of a title the page never showed; the page's title is made from the content.
    text = (
        "编号　数量　名称　条码　100201　3.5大米\n\n\n200301　12.25面粉　4400101　100202　0.5小米\n\n\n同志们：\n"
        "今天召开全县组织工作会议，主要任务是总结去年工作，部署今年任务。\n一、加强基层党组织建设\n要建强党支部，提升组织力，把每个支部都建成坚强战斗堡垒。\n"
    )
    speech, _ = _checked(tmp_path, text)
    assert (speech.title, speech.title_derived) == ("在全县组织工作会议上的讲话", True)
    assert [(h.line, h.role) for h in speech.header] == [(1, "note"), (4, "note")]
    assert [item.code for item in speech.review][:2] == ["title-derived", "no-date"]
    assert [item.message for item in speech.review if item.code == "doubtful-line"] == [
        "可能是网页上的文字（一排短词（菜单、按钮）、在正文之外），现读作标题上方的说明（页面上不显示），不在正文里：编号 数量 名称 条码 100201 3.5大米",
        "可能是网页上的文字（汉字很少、在正文之外），现读作标题上方的说明（页面上不显示），不在正文里：200301 12.25面粉 4400101 100202 0.5小米",
    ]


def test_a_join_that_reached_over_an_advert_and_a_blank_line_counts_the_lines_it_joined(tmp_path):
    text = (
        "在全县组织工作会议上的讲话\n同志们：\n今天召开全县组织工作会议，主要任务是总结去年\n工作，部署今年任务，动员全县各级党组织和广大\n"
        "党员干部进一步统一思想、明确目标，为全县高质\n更多资料关注微信公众号：某某手记\n量发展提供坚强组织保证。刚才，几位同志作了很\n\n"
        "好的发言，我都赞成。下面，我讲三点意见。\n一、加强基层党组织建设\n要建强党支部，提升组织力，把每个支部都建成坚\n强战斗堡垒，推动基层党组织全面进步、全面过硬。\n"
    )
    speech, shown = _checked(tmp_path, text)
    assert speech.clean.joins == [Join(3, 9), Join(11, 12)]
    # lines 3, 4, 5, 7 and 9 (6 is the advert, 8 is blank), and 11 and 12
    assert [item.message for item in speech.review if item.code == "joined"] == ["断开的 7 行被接成 2 段（硬换行、网页断行或文库分块）：请看接得是否正确"]
    assert shown[shown.index("删除：  1 行") + 1] == "  第 6 行 [联系方式（contact-handle）] 更多资料关注微信公众号：某某手记"
