import codecs

import pytest

from build_kb.errors import UnreadableSpeech
from build_kb.ingest.read import chinese_plausibility, decode, discover

TEXT = "在全市组织工作会议上的讲话\n同志们：\n一、坚持党管干部原则，建设高素质专业化干部队伍。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.replace("\n", "\r\n").encode("gbk"), "gb18030"),
    ],
)
def test_decodes_every_supported_encoding(data, encoding):
    text, detected = decode(data, "x.txt")
    assert detected == encoding
    assert text.replace("\r\n", "\n") == TEXT


def test_big5_traditional_text_is_detected_not_misread_as_gbk():
    traditional = "在全市組織工作會議上的講話。同志們：我們要堅持黨管幹部原則，建設高素質專業化幹部隊伍。"
    text, encoding = decode(traditional.encode("big5"), "t.txt")
    assert encoding == "big5"
    assert text == traditional


def test_binary_file_is_an_error_naming_the_file():
    with pytest.raises(UnreadableSpeech) as exc:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "图片.txt")
    assert "图片.txt" in str(exc.value)
    assert "像是二进制文件" in str(exc.value)


def test_undecodable_bytes_are_an_error_not_a_guess():
    noise = bytes(range(128, 256)) * 20
    with pytest.raises(UnreadableSpeech, match="另存为 UTF-8"):
        decode(noise, "noise.txt")


def test_empty_file_decodes_to_empty_text():
    assert decode(b"", "e.txt") == ("", "empty")


def test_plausibility_separates_chinese_from_mojibake():
    real = TEXT
    mojibake = TEXT.encode("utf-8").decode("gb18030", errors="replace")
    assert chinese_plausibility(real) > 0.4
    assert chinese_plausibility(mojibake) < chinese_plausibility(real)


def test_discover_is_sorted_and_skips_hidden_and_config(tmp_path):
    for name in ["b.txt", "a.txt", "子目录/中文 文件名.txt", ".hidden.txt", "themes.yaml", ".git/x.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["a.txt", "b.txt", "子目录/中文 文件名.txt"]
