/* zuzhi-kb search, the UI in the header: exact phrase search over site/search/ (format: build_kb/publish/SEARCH_FORMAT.md;
 * the pure functions are in kb-search-core.js).
 *
 * A query's words (split at spaces, AND) are cut into character bigrams; only the index shards of
 * those bigrams are fetched, their speech lists intersected, and the candidate speeches' texts
 * fetched in date order and checked for the exact words. Everything is built with DOM text nodes,
 * so a query or a speech can never inject markup. Nothing is loaded from outside the site.
 */
(function () {
  "use strict";

  var BATCH = 12;          // candidate speeches verified per step
  var PER_SPEECH = 6;      // passages listed per speech before "还有 N 处"
  var CONTEXT = 36;        // characters of context either side of a hit

  function siteRoot() {
    var el = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(el.textContent).base || "."; } catch (e) { /* default */ }
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }
  var ROOT = siteRoot();
  function url(path) { return new URL(path, ROOT).href; }

  var core = window.KBSearchCore, normalise = core.normalise;

  // --- data, loaded lazily and cached ---------------------------------------------------------
  // Data files are scripts calling KBSearch.load(key, payload): <script> elements load them from a
  // web server and from a folder (file://) alike, where fetch() is refused.
  var pending = {};
  window.KBSearch = window.KBSearch || {};
  window.KBSearch.load = function (key, payload) {
    var waiting = pending[key];
    if (waiting) { waiting.resolve(payload); delete pending[key]; }
  };
  var loaded = {};
  function load(key) {
    if (!loaded[key]) loaded[key] = new Promise(function (resolve, reject) {
      pending[key] = { resolve: resolve };
      var script = document.createElement("script");
      script.src = url("search/" + key + ".js");
      script.async = true;
      script.onerror = function () { delete pending[key]; delete loaded[key]; reject(new Error("search data " + key + " missing")); };
      script.onload = function () { script.remove(); if (pending[key]) { delete pending[key]; reject(new Error("search data " + key + " is not a KBSearch script")); } };
      document.head.appendChild(script);
    });
    return loaded[key];
  }
  var metaPromise = null, t2s = null;
  function meta() {
    if (!metaPromise) metaPromise = load("meta").then(core.checkMeta).then(function (m) { t2s = core.t2sTable(m.t2s); return m; });
    return metaPromise;
  }
  function shard(k) { return load("i/" + k).then(function (b64) { return core.decodeShard(core.fromBase64(b64)); }); }
  var shards = {};
  function shardOnce(k) { if (!shards[k]) shards[k] = shard(k); return shards[k]; }
  function gunzip(bytes) {
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(new TextDecoder().decode(bytes));
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }
  var texts = {};
  function speechText(n) {
    if (!texts[n]) texts[n] = load("t/" + n).then(function (b64) { return gunzip(core.fromBase64(b64)); }).then(JSON.parse);
    return texts[n];
  }

  // Speeches (by position, newest first) whose bigrams cover every word of the query.
  function candidates(terms, m) {
    var grams = {};
    terms.forEach(function (t) { core.bigrams(t).forEach(function (g) { grams[g] = true; }); });
    var list = Object.keys(grams);
    if (!list.length) return Promise.resolve(null);
    return Promise.all(list.map(function (g) { return shardOnce(core.fnv1a(g) % m.shards).then(function (s) { return s.get(g) || new Int32Array(0); }); }))
      .then(function (lists) {
        lists.sort(function (a, b) { return a.length - b.length; });
        var result = Array.from(lists[0]);
        for (var i = 1; i < lists.length && result.length; i++) result = core.intersect(result, lists[i]);
        return result;
      });
  }

  // --- the UI in the header --------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function highlight(target, text, terms) {
    var lower = normalise(text), first = -1;
    terms.forEach(function (t) { var i = lower.indexOf(t); if (i >= 0 && (first < 0 || i < first)) first = i; });
    var start = Math.max(0, first - CONTEXT), end = Math.min(text.length, first + CONTEXT * 2);
    var piece = text.slice(start, end), pieceLower = lower.slice(start, end), marks = [];
    terms.forEach(function (t) {
      for (var i = pieceLower.indexOf(t); i >= 0; i = pieceLower.indexOf(t, i + t.length)) marks.push([i, i + t.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    if (start > 0) target.appendChild(document.createTextNode("…"));
    var cursor = 0;
    marks.forEach(function (mk) {
      if (mk[0] < cursor) return;
      target.appendChild(document.createTextNode(piece.slice(cursor, mk[0])));
      target.appendChild(el("mark", null, piece.slice(mk[0], mk[1])));
      cursor = mk[1];
    });
    target.appendChild(document.createTextNode(piece.slice(cursor)));
    if (end < text.length) target.appendChild(document.createTextNode("…"));
  }

  function build() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var box = el("div", "kb-search");
    box.setAttribute("role", "search");
    var input = el("input", "kb-search__input");
    input.type = "search";
    input.placeholder = "搜索讲话原文";
    input.setAttribute("aria-label", "搜索讲话原文（快捷键 / 或 S）");
    input.autocomplete = "off";
    var panel = el("div", "kb-search__panel");
    panel.hidden = true;
    var filters = el("div", "kb-search__filters");
    var selTheme = el("select"), selYear = el("select"), selSpeaker = el("select");
    selTheme.setAttribute("aria-label", "按专题筛选");
    selYear.setAttribute("aria-label", "按年份筛选");
    selSpeaker.setAttribute("aria-label", "按讲话人筛选");
    [selTheme, selYear, selSpeaker].forEach(function (s) { filters.appendChild(s); });
    var status = el("div", "kb-search__status");
    status.setAttribute("aria-live", "polite");
    var results = el("ol", "kb-search__results");
    var more = el("button", "kb-search__more", "显示更多");
    more.type = "button";
    more.hidden = true;
    panel.appendChild(filters); panel.appendChild(status); panel.appendChild(results); panel.appendChild(more);
    box.appendChild(input); box.appendChild(panel);
    var anchor = header.querySelector(".md-header__source") || null;
    header.insertBefore(box, anchor);

    var filled = false;
    function option(select, value, label) { var o = el("option", null, label); o.value = value; select.appendChild(o); }
    function fillFilters(m) {
      if (filled) return;
      filled = true;
      option(selTheme, "", "全部专题");
      m.themes.forEach(function (t, i) { option(selTheme, String(i), core.theme(t).name); });
      option(selYear, "", "全部年份");
      Array.from(new Set(m.speeches.map(function (s) { return core.speech(s).year; }).filter(Boolean))).sort().reverse()
        .forEach(function (y) { option(selYear, String(y), y + "年"); });
      option(selSpeaker, "", "全部讲话人");
      Array.from(new Set(m.speeches.map(function (s) { return core.speech(s).speaker; }).filter(Boolean))).sort()
        .forEach(function (s) { option(selSpeaker, s, s); });
    }

    var run = 0, state = null;
    // For tests and assistive tools: the query whose results are now complete on screen.
    function finish(raw) { box.setAttribute("data-done", raw); }

    function search() {
      var raw = input.value.trim(), mine = ++run;
      results.textContent = ""; more.hidden = true;
      box.removeAttribute("data-done");
      if (!raw) { status.textContent = ""; panel.hidden = true; return; }
      panel.hidden = false;
      var query = core.parseQuery(raw, t2s);
      if (!query.include.length) {
        status.textContent = query.single.length
          ? "“" + query.single.join("”“") + "”只有一个字：检索至少要两个字的词（单字几乎每段都有）。请输入词语，如“党建”“干部”，多个词用空格隔开。"
          : (query.exclude.length ? "请再输入一个要查找的词：“-”开头的词表示不要含有它的段落。" : "请至少输入两个字（多个词用空格隔开，表示同时包含）。");
        if (!t2s) meta().catch(function () {});
        finish(raw);
        return;
      }
      var terms = query.include;
      status.textContent = "正在检索…";
      meta().then(function (m) {
        fillFilters(m);
        return candidates(core.parseQuery(raw, t2s).include, m).then(function (ids) {
          if (mine !== run) return;
          var year = selYear.value, speaker = selSpeaker.value;
          ids = (ids || []).filter(function (n) {
            var s = core.speech(m.speeches[n]);
            return (!year || String(s.year) === year) && (!speaker || s.speaker === speaker);
          });
          query = core.parseQuery(raw, t2s);  // again: the Traditional map is known now
          terms = query.include;
          state = { m: m, query: query, terms: terms, ids: ids, next: 0, hits: 0, speeches: 0, theme: selTheme.value, run: mine, raw: raw };
          if (!ids.length) { status.textContent = "没有找到包含“" + terms.join(" ") + "”的段落。"; finish(raw); return; }
          return step();
        });
      }).catch(function (err) {
        if (mine !== run) return;
        status.textContent = /version/.test(String(err && err.message))
          ? "检索索引的版本与页面不符：请重新生成网站（make site）。"
          : "检索索引无法加载：网站不完整（缺少 search/ 目录），请重新生成网站。";
        finish(raw);
      });
    }

    function step() {
      var st = state, batch = st.ids.slice(st.next, st.next + BATCH);
      box.removeAttribute("data-done");
      st.next += batch.length;
      status.textContent = "正在检索…";
      return Promise.all(batch.map(speechText)).then(function (all) {
        if (st.run !== run) return;
        all.forEach(function (records, k) { showSpeech(st, batch[k], records); });
        var done = st.next >= st.ids.length;
        more.hidden = done;
        var tail = done ? "" : "（还有 " + (st.ids.length - st.next) + " 篇讲话待查）";
        status.textContent = st.hits
          ? "找到 " + st.hits + " 处，分布在 " + st.speeches + " 篇讲话中" + tail
          : (done ? "没有找到包含“" + st.terms.join(" ") + "”" + (st.query.exclude.length ? "、不含“" + st.query.exclude.join(" ") + "”" : "") + "的段落。" : "继续查找…");
        if (!st.hits && !done) return step();
        finish(st.raw);
      });
    }

    function showSpeech(st, n, records) {
      var s = core.speech(st.m.speeches[n]), bit = st.theme === "" ? 0 : (1 << Number(st.theme));
      var hits = records.map(core.record).filter(function (r) {
        return !(bit && !(r.themeBits & bit)) && core.matches(r.text, st.query);
      });
      if (!hits.length) return;
      st.hits += hits.length; st.speeches += 1;
      var item = el("li", "kb-search__speech");
      var head = el("div", "kb-search__head");
      var link = el("a", "kb-search__title", "《" + s.title + "》");
      link.href = url(s.url);
      head.appendChild(link);
      head.appendChild(el("span", "kb-search__meta", " " + s.date + (s.speaker ? " · " + s.speaker : "") + " · " + hits.length + " 处"));
      item.appendChild(head);
      var list = el("ul", "kb-search__hits");
      hits.slice(0, PER_SPEECH).forEach(function (r) {
        var li = el("li"), a = el("a", r.isHeading ? "kb-search__hit kb-search__hit--heading" : "kb-search__hit");
        a.href = url(s.url) + (r.anchor ? "#" + r.anchor : "");
        highlight(a, r.text, st.terms);
        li.appendChild(a);
        st.m.themes.forEach(function (row, i) {
          var t = core.theme(row);
          if (r.themeBits & (1 << i)) { var b = el("span", "kb-search__theme", t.name); b.style.setProperty("--kb-c", t.colour); li.appendChild(b); }
        });
        if (r.anchor && r.anchor[0] === "p") li.appendChild(el("span", "kb-search__where", "第" + r.anchor.slice(1) + "段"));
        list.appendChild(li);
      });
      if (hits.length > PER_SPEECH) {
        var rest = el("li", "kb-search__rest");
        var all = el("a", null, "还有 " + (hits.length - PER_SPEECH) + " 处 →");
        all.href = url(s.url);
        rest.appendChild(all);
        list.appendChild(rest);
      }
      item.appendChild(list);
      results.appendChild(item);
    }

    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 80); });
    [selTheme, selYear, selSpeaker].forEach(function (s) { s.addEventListener("change", search); });
    more.addEventListener("click", function () { if (state) step(); });
    input.addEventListener("focus", function () { meta().then(fillFilters).catch(function () {}); if (input.value.trim()) panel.hidden = false; });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { panel.hidden = true; input.blur(); }
      if (e.key === "Enter") { var first = results.querySelector("a.kb-search__hit"); if (first) window.location.href = first.href; }
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "S") && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault(); input.focus(); input.select();
      }
    });
    document.addEventListener("click", function (e) { if (!box.contains(e.target)) panel.hidden = true; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build); else build();
})();
