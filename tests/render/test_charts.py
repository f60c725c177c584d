"""render/charts.py: inline SVG charts with text alternatives."""

from build_kb.render.charts import mini_bars, stacked_columns


def test_stacked_columns_describe_their_shares():
    svg = stacked_columns([("2020", {"a": 3, "b": 1})], [("a", "政治建设", "#111"), ("b", "基层党建", "#222")], "各年度占比")
    assert 'aria-label="各年度占比。2020：政治建设75%，基层党建25%"' in svg
    assert '<rect x="48" y="45.5" width="34" height="112.5" fill="#111"><title>2020 政治建设 75%</title></rect>' in svg
    assert '<rect x="48" y="8.0" width="34" height="37.5" fill="#222"><title>2020 基层党建 25%</title></rect>' in svg


def test_stacked_columns_of_nothing_is_nothing():
    assert stacked_columns([], [("a", "政治建设", "#111")], "x") == ""


def test_mini_bars_scale_to_the_largest_value():
    svg = mini_bars([("2019", 2), ("2020", 5)], "每年次数")
    assert 'aria-label="每年次数：2019 2，2020 5"' in svg
    assert '<rect x="8" y="38.0" width="26" height="16.0"' in svg and '<rect x="42" y="14.0" width="26" height="40.0"' in svg


def test_chart_text_is_escaped():
    svg = mini_bars([("<b>", 1)], "<script>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;" in svg
