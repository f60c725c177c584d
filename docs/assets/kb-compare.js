/* zuzhi-kb: 对照 — two speeches side by side (compare/?a=<id>&b=<id>), computed in the browser from
 * the texts the search ships (search/t/<id>.js) and the 提法 list (assets/kb-terms.js): no page is
 * made for any pair. Loaded by kb-work.js on the compare page only.
 *
 * - Passages: a paragraph of one speech is *shared* when some paragraph of the other has at least
 *   half its character bigrams in common (Dice ≥ 0.5 over the sets of bigrams of the normalised
 *   texts); its closest one (ties: the first) is its counterpart, and a counterpart with other
 *   wording is shown with the changed characters marked (a longest-common-subsequence diff).
 *   A paragraph with no counterpart is in that speech only.
 * - Sections: top-level sections are paired greedily by the Dice of their whole texts, plus 0.1 when
 *   they share a theme, from the best pair down, while it is at least 0.25.
 * - 提法: a speech uses one when one of its forms is in its text; listed are those one uses and the
 *   other does not.
 */
(function () {
  "use strict";

  var core = window.KBSearchCore;

  // --- the comparison, pure ------------------------------------------------------------------------
  function bigrams(text) {
    var chars = Array.from(core.normalise(text)), set = new Set();
    for (var i = 0; i + 1 < chars.length; i++) set.add(chars[i] + chars[i + 1]);
    return set;
  }
  function common(a, b) {
    var small = a.size <= b.size ? a : b, large = small === a ? b : a, n = 0;
    small.forEach(function (g) { if (large.has(g)) n++; });
    return n;
  }
  /** Each paragraph's closest counterpart on the other side: [index or -1, …]. */
  function counterparts(from, to) {
    return from.map(function (p) {
      var best = -1, bestScore = -1;
      to.forEach(function (q, k) {
        var size = p.grams.size + q.grams.size;
        if (!size) return;
        var score = common(p.grams, q.grams) / size;
        if (score > bestScore) { best = k; bestScore = score; }
      });
      if (best < 0) return -1;
      var n = common(p.grams, to[best].grams);
      return 4 * n >= p.grams.size + to[best].grams.size && n > 0 ? best : -1;
    });
  }

  function unitsOf(records) {
    var paragraphs = [], sections = [], byId = {};
    records.forEach(function (row) {
      var r = core.record(row);
      if (!r.anchor) return;  // the title
      var top = r.section.split("-")[0] || r.section;
      var section = byId[top];
      if (!section) {
        section = byId[top] = { id: top, heading: top === "opening" ? "开场白" : (top === "closing" ? "结束语" : ""), text: [], mask: 0, paragraphs: [] };
        sections.push(section);
      }
      if (r.isHeading && r.anchor === top) { section.heading = r.text; section.mask |= r.themeBits; }
      section.text.push(r.text);
      if (!r.isHeading && /^p\d+$/.test(r.anchor)) {
        var p = { anchor: r.anchor, text: r.text, grams: bigrams(r.text), section: top };
        paragraphs.push(p);
        section.paragraphs.push(p);
        section.mask |= r.themeBits;
      }
    });
    sections.forEach(function (s) { s.grams = bigrams(s.text.join("\n")); });
    return { paragraphs: paragraphs, sections: sections, text: core.normalise(records.map(function (r) { return r[1]; }).join("\n")) };
  }

  function alignSections(a, b) {
    var pairs = [];
    a.forEach(function (x, i) {
      b.forEach(function (y, j) {
        var size = x.grams.size + y.grams.size;
        var score = (size ? 2 * common(x.grams, y.grams) / size : 0) + ((x.mask & y.mask) ? 0.1 : 0);
        if (score >= 0.25) pairs.push([score, i, j]);
      });
    });
    pairs.sort(function (p, q) { return q[0] - p[0] || p[1] - q[1] || p[2] - q[2]; });
    var left = {}, right = {}, rows = [];
    pairs.forEach(function (p) {
      if (p[1] in left || p[2] in right) return;
      left[p[1]] = p[2]; right[p[2]] = p[1];
    });
    a.forEach(function (x, i) { rows.push([i, i in left ? left[i] : -1]); });
    b.forEach(function (y, j) { if (!(j in right)) rows.push([-1, j]); });
    return rows;
  }

  function termsUsed(terms, text) {
    return terms.filter(function (t) {
      return [t[1]].concat(t[2] || []).some(function (form) { return text.indexOf(core.normalise(form)) >= 0; });
    });
  }

  /** The comparison of two speeches' records: everything the page shows, and the lists the tests read. */
  function compare(recordsA, recordsB, terms) {
    var a = unitsOf(recordsA), b = unitsOf(recordsB);
    var toB = counterparts(a.paragraphs, b.paragraphs), toA = counterparts(b.paragraphs, a.paragraphs);
    var usedA = termsUsed(terms, a.text), usedB = termsUsed(terms, b.text);
    var idsA = new Set(usedA.map(function (t) { return t[0]; })), idsB = new Set(usedB.map(function (t) { return t[0]; }));
    return {
      a: a, b: b, toB: toB, toA: toA, rows: alignSections(a.sections, b.sections),
      onlyA: a.paragraphs.filter(function (p, i) { return toB[i] < 0; }).map(function (p) { return p.anchor; }),
      onlyB: b.paragraphs.filter(function (p, i) { return toA[i] < 0; }).map(function (p) { return p.anchor; }),
      changed: a.paragraphs.map(function (p, i) { return toB[i] >= 0 && p.text !== b.paragraphs[toB[i]].text ? [p.anchor, b.paragraphs[toB[i]].anchor] : null; }).filter(Boolean),
      termsA: usedA.filter(function (t) { return !idsB.has(t[0]); }),
      termsB: usedB.filter(function (t) { return !idsA.has(t[0]); })
    };
  }

  /** Character diff: [[text, changed], …] for each side (a longest common subsequence; prefix and suffix only for very long pairs). */
  function diff(x, y) {
    var a = Array.from(x), b = Array.from(y), start = 0, endA = a.length, endB = b.length;
    while (start < endA && start < endB && a[start] === b[start]) start++;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
    var n = endA - start, m = endB - start, keepA = new Uint8Array(a.length), keepB = new Uint8Array(b.length), k;
    for (k = 0; k < start; k++) keepA[k] = keepB[k] = 1;
    for (k = endA; k < a.length; k++) keepA[k] = 1;
    for (k = endB; k < b.length; k++) keepB[k] = 1;
    if (n && m && n * m <= 4000000) {
      var table = new Int32Array((n + 1) * (m + 1)), i, j;
      for (i = n - 1; i >= 0; i--) for (j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] = a[start + i] === b[start + j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
      }
      i = 0; j = 0;
      while (i < n && j < m) {
        if (a[start + i] === b[start + j]) { keepA[start + i] = keepB[start + j] = 1; i++; j++; }
        else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) i++;
        else j++;
      }
    }
    function runs(chars, keep) {
      var out = [];
      chars.forEach(function (c, i) {
        var changed = !keep[i];
        if (out.length && out[out.length - 1][1] === changed) out[out.length - 1][0] += c; else out.push([c, changed]);
      });
      return out;
    }
    return [runs(a, keepA), runs(b, keepB)];
  }

  window.KBCompare = { compare: compare, diff: diff, bigrams: bigrams };

  // --- the page ------------------------------------------------------------------------------------
  var root = document.getElementById("kb-compare");
  if (!root) return;
  var W = window.KBWork, el = W.el;

  function loadTerms() {
    return new Promise(function (resolve) {
      if (window.KBTerms) return resolve(window.KBTerms);
      var script = document.createElement("script");
      script.src = W.url("assets/kb-terms.js");
      script.onload = function () { resolve(window.KBTerms || []); };
      script.onerror = function () { resolve([]); };
      document.head.appendChild(script);
    });
  }

  /** The meeting a speech was given at, roughly: its title without years, numbers, brackets and the
   * words every title has (在…上的讲话). */
  function meetingOf(title) {
    return bigrams(title.replace(/[0-9０-９一二三四五六七八九〇零]+年(度)?|[0-9０-９]+|（[^）]*）|\([^)]*\)|[《》“”\s]/g, "")
      .replace(/^在/, "").replace(/(上|时)?的?(讲话|报告|发言)(稿|提纲)?$/, ""));
  }

  var params = new URLSearchParams(window.location.search);
  var state = { a: params.get("a") || "", b: params.get("b") || "", related: (params.get("r") || "").split(",").filter(Boolean) };

  window.KBSearch.meta().then(function (m) {
    var speeches = m.speeches.map(core.speech), byId = {};
    speeches.forEach(function (s) { byId[s.id] = s; });
    // A link kept from an older site may name a speech that was since removed or renumbered, or the
    // same speech twice: say so, instead of silently comparing two other speeches.
    var notices = [];
    if (state.a && !byId[state.a]) notices.push("地址里的甲（" + state.a + "）在知识库里找不到，可能已删除或重新编号，现在显示的是另一篇。");
    if (state.b && !byId[state.b]) notices.push("地址里的乙（" + state.b + "）在知识库里找不到，可能已删除或重新编号，乙已换成推荐的一篇。");
    else if (state.b && state.b === state.a) notices.push("地址里的甲和乙是同一篇讲话，乙已换成推荐的一篇。");
    if (!byId[state.a]) {
      var other = speeches.filter(function (s) { return s.id !== state.b; })[0] || speeches[0];
      state.a = other ? other.id : "";
    }

    var form = el("div", "kb-compare__pick");
    function picker(label, value, suggest) {
      var wrap = el("label", "kb-compare__label", label);
      var select = el("select", "kb-compare__select");
      function group(name, list) {
        if (!list.length) return;
        var g = el("optgroup");
        g.label = name;
        list.forEach(function (s) {
          var o = el("option", null, "《" + s.title + "》" + s.date + (s.speaker ? " " + s.speaker : ""));
          o.value = s.id;
          g.appendChild(o);
        });
        select.appendChild(g);
      }
      if (suggest) {
        var here = byId[state.a], mine = meetingOf(here.title);
        var same = speeches.filter(function (s) {
          if (s.id === here.id || (s.year && s.year === here.year)) return false;
          var g = meetingOf(s.title), size = g.size + mine.size;
          return size && 2 * common(g, mine) / size >= 0.6;
        }).slice(0, 8);
        var related = state.related.map(function (id) { return byId[id]; }).filter(function (s) { return s && s.id !== here.id; });
        group("同一会议的其他年份", same);
        group("最相关的讲话", related);
        group("全部讲话", speeches.filter(function (s) { return s.id !== here.id; }));
      } else {
        group("全部讲话", speeches);
      }
      select.value = value;
      wrap.appendChild(select);
      return { wrap: wrap, select: select };
    }
    var pickA = picker("甲：", state.a, false), pickB = null;
    var swap = el("button", "kb-compare__swap", "甲乙互换");
    swap.type = "button";
    var out = el("div", "kb-compare__out");
    out.setAttribute("aria-live", "polite");
    function drawPickers() {
      form.textContent = "";
      pickB = picker("与……对照（乙）：", state.b, true);
      // No 乙 yet (the speech page's 与……对照 names only 甲): the first suggestion. The select's own
      // value is "" then (no option matches the empty state.b), which loaded search/t/.js.
      if (!state.b || !byId[state.b] || state.b === state.a) state.b = pickB.select.options.length ? pickB.select.options[0].value : "";
      pickB.select.value = state.b;
      form.appendChild(pickA.wrap); form.appendChild(pickB.wrap); form.appendChild(swap);
      pickB.select.addEventListener("change", function () { state.b = pickB.select.value; run(); });
    }
    pickA.select.addEventListener("change", function () { state.a = pickA.select.value; state.related = []; drawPickers(); run(); });
    swap.addEventListener("click", function () {
      var t = state.a; state.a = state.b; state.b = t; state.related = [];
      pickA.select.value = state.a; drawPickers(); run();
    });
    if (notices.length) {
      var notice = el("p", "kb-compare__notice", notices.join(""));
      notice.setAttribute("role", "status");
      root.appendChild(notice);
    }
    root.appendChild(form);
    root.appendChild(out);
    drawPickers();

    var turn = 0;
    function run() {
      var mine = ++turn;
      root.removeAttribute("data-result");
      var p = new URLSearchParams();
      p.set("a", state.a); p.set("b", state.b);
      if (state.related.length) p.set("r", state.related.join(","));
      history.replaceState(null, "", "?" + p.toString());
      if (!state.b) { out.textContent = "知识库里只有这一篇讲话，没有可对照的。"; return; }
      out.textContent = "正在对照…";
      Promise.all([window.KBSearch.textOf(state.a), window.KBSearch.textOf(state.b), loadTerms()]).then(function (got) {
        if (mine !== turn) return;
        var result = compare(got[0], got[1], got[2]);
        draw(result, byId[state.a], byId[state.b]);
        root.setAttribute("data-result", JSON.stringify({
          onlyA: result.onlyA, onlyB: result.onlyB, changed: result.changed,
          termsA: result.termsA.map(function (t) { return t[0]; }), termsB: result.termsB.map(function (t) { return t[0]; })
        }));
      }).catch(function () { if (mine === turn) out.textContent = "讲话原文没有载入（检索数据缺失）：请重新生成网站。"; });
    }

    function draw(result, sa, sb) {
      out.textContent = "";
      var summary = el("dl", "kb-compare__summary");
      function fact(name, value) { summary.appendChild(el("dt", null, name)); var dd = el("dd"); if (typeof value === "string") dd.textContent = value; else dd.appendChild(value); summary.appendChild(dd); }
      function termList(list) {
        var span = el("span");
        if (!list.length) span.textContent = "无";
        list.forEach(function (t, i) {
          if (i) span.appendChild(document.createTextNode("、"));
          var a = el("a", null, t[1]); a.href = W.url("terms/" + t[0] + "/"); span.appendChild(a);
        });
        return span;
      }
      fact("甲", "《" + sa.title + "》" + sa.date);
      fact("乙", "《" + sb.title + "》" + sb.date);
      fact("段落", "仅见于甲 " + result.onlyA.length + " 段，仅见于乙 " + result.onlyB.length + " 段，两篇都有而文字有改动 " + result.changed.length + " 段");
      fact("仅甲用的提法", termList(result.termsA));
      fact("仅乙用的提法", termList(result.termsB));
      out.appendChild(summary);
      out.appendChild(el("p", "kb-compare__legend", "标“仅此篇”的段落在另一篇中没有相近的段落；两篇都有的段落中，改动的字在甲中标删除线、在乙中加底色。"));
      var table = el("div", "kb-compare__table");
      var head = el("div", "kb-compare__row kb-compare__row--head");
      [sa, sb].forEach(function (s, side) {
        var cell = el("div", "kb-compare__cell"), a = el("a", null, (side ? "乙：" : "甲：") + "《" + s.title + "》");
        a.href = W.url(s.url);
        cell.appendChild(a);
        head.appendChild(cell);
      });
      table.appendChild(head);
      result.rows.forEach(function (row) {
        var line = el("div", "kb-compare__row");
        line.appendChild(cell(result, row[0], true, sa));
        line.appendChild(cell(result, row[1], false, sb));
        table.appendChild(line);
      });
      out.appendChild(table);
    }

    function cell(result, index, isA, s) {
      var box = el("div", "kb-compare__cell"), own = isA ? result.a : result.b, others = (isA ? result.b : result.a).paragraphs;
      var counterpartOf = isA ? result.toB : result.toA, section = own.sections[index];
      if (!section) { box.appendChild(el("p", "kb-compare__none", "（另一篇没有与之相近的部分）")); return box; }
      box.appendChild(el("h2", "kb-compare__heading", section.heading || "（无标题）"));
      section.paragraphs.forEach(function (p) {
        var k = own.paragraphs.indexOf(p), match = counterpartOf[k], para = el("p", "kb-compare__p");
        var number = el("a", "kb-compare__pn", p.anchor.slice(1));
        number.href = W.url(s.url) + "#" + p.anchor;
        number.setAttribute("aria-label", "第" + p.anchor.slice(1) + "段");
        para.appendChild(number);
        if (match < 0) {
          para.classList.add("kb-compare__p--only");
          para.appendChild(el("span", "kb-compare__only", "仅此篇"));
          para.appendChild(document.createTextNode(p.text));
        } else if (others[match].text === p.text) {
          para.classList.add("kb-compare__p--same");
          para.appendChild(document.createTextNode(p.text));
        } else {
          para.classList.add("kb-compare__p--changed");
          var parts = isA ? diff(p.text, others[match].text)[0] : diff(others[match].text, p.text)[1];
          parts.forEach(function (part) {
            para.appendChild(part[1] ? el(isA ? "del" : "ins", null, part[0]) : document.createTextNode(part[0]));
          });
        }
        box.appendChild(para);
      });
      return box;
    }

    run();
  }).catch(function () { root.textContent = "检索数据没有载入：请重新生成网站。"; });
})();
