"""Titles a site joins to other words on one line (round 14's title class, described in words): a listing's line —
a column label, the title, then the uploader and word count (parse._SITE_FIELDS_AFTER, _COLUMN_LABEL_BEFORE) — and a
talk's title with its slogan after a dash and a template's blank year (parse._A_SLOGAN, _BLANK_YEAR_AT_END), also on
a Traditional page."""

from __future__ import annotations

import pytest

from conftest import one_speech

BODY = "同志们：\n今天召开全县组织工作会议，主要任务是总结工作、部署任务。\n一、提高认识\n组织工作是党的建设的重要组成部分。\n"


@pytest.mark.parametrize("header, title", [
    pytest.param("领导讲话 在全县组织工作会议上的讲话 上传者：某某 字数：3250", "在全县组织工作会议上的讲话", id="label-title-uploader-words"),
    pytest.param("讲话稿 在全县人才工作会议上的讲话 贡献者：abc123 页数：5", "在全县人才工作会议上的讲话", id="label-title-contributor-pages"),
    pytest.param("县委书记在全县组织工作会议上的讲话 作者：佚名 字数：5000", "县委书记在全县组织工作会议上的讲话", id="no-label-author-and-words"),
])
def test_a_listings_line_gives_the_title_between_its_label_and_its_fields(tmp_path, header, title):
    assert one_speech(tmp_path, header + "\n" + BODY).title == title


def test_the_listings_words_a_rule_catches_go_and_are_logged_the_title_stays(tmp_path):
    speech = one_speech(tmp_path, "讲话稿 在全县人才工作会议上的讲话 贡献者：abc123 浏览：128\n" + BODY)
    assert speech.title == "在全县人才工作会议上的讲话"
    assert [(r.line, r.rule, r.text) for r in speech.clean.removed] == [(1, "posting-info", "讲话稿"), (1, "posting-info", "贡献者：abc123 浏览：128")]


@pytest.mark.parametrize("header, title, subtitle", [
    pytest.param("在全縣組織工作會議上的講話——凝心聚力 砥礪前行（____年）", "在全县组织工作会议上的讲话", "凝心聚力 砥砺前行", id="traditional-talk-slogan-blank-year"),
    pytest.param("在全县基层党建工作推进会上的讲话——抓基层 打基础 强堡垒", "在全县基层党建工作推进会上的讲话", "抓基层 打基础 强堡垒", id="talk-then-three-phrases"),
    pytest.param("在全市人才工作会议上的讲话（20__年）", "在全市人才工作会议上的讲话", None, id="blank-year-alone"),
])
def test_a_talks_slogan_is_its_subtitle_and_a_blank_year_no_part_of_it(tmp_path, header, title, subtitle):
    speech = one_speech(tmp_path, header + "\n" + BODY)
    assert (speech.title, speech.subtitle) == (title, subtitle)


@pytest.mark.parametrize("header, title", [
    pytest.param("领导讲话 在全县组织工作会议上的讲话", "领导讲话 在全县组织工作会议上的讲话", id="a-spaced-word-without-fields-stays"),
    pytest.param("坚持党管人才原则 加快建设人才强市——在全市人才工作会议上的讲话", "坚持党管人才原则 加快建设人才强市", id="slogan-first-talk-after"),
    pytest.param("在全县组织工作会议上的讲话——以高质量党建引领高质量发展，奋力谱写新篇章。", "在全县组织工作会议上的讲话——以高质量党建引领高质量发展，奋力谱写新篇章。", id="a-sentence-after-the-dash-is-no-slogan"),
])
def test_near_misses_keep_their_title(tmp_path, header, title):
    assert one_speech(tmp_path, header + "\n" + BODY).title == title
