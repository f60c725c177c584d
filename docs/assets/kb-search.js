/* zuzhi-kb search: the box in the header and the results page (search/). Format:
 * build_kb/publish/SEARCH_FORMAT.md; the pure functions are in kb-search-core.js.
 *
 * A query's words are pinned to positions through a few character bigrams each; only the index
 * shards of those bigrams are loaded, so exact totals and facets (year, theme, speaker, level) come
 * from the index alone, before any text. Texts are loaded only for the speeches on screen (and for
 * a CSV export). Everything is built with DOM text nodes, so a query or a speech can never inject
 * markup. Nothing is loaded from outside the site, and it all works from a folder (file://).
 */
(function () {
  "use strict";

  var BATCH = 12;          // speeches shown per step in the header box
  var PER_SPEECH = 6;      // passages listed per speech in the header box before "还有 N 处"
  var FACET_SHOWN = 12;    // entries of a facet (but the years) listed before "展开其余 N 项"
  var PAGE = 20;           // passages per page on the results page (each new speech among them is a text file to fetch)
  var CONTEXT = 36;        // characters of context either side of a hit

  function siteRoot() {
    var el = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(el.textContent).base || "."; } catch (e) { /* default */ }
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }
  var ROOT = siteRoot();
  function url(path) {
    var u = new URL(path, ROOT);
    // From a folder (file://) a directory does not open its index.html by itself.
    if (u.protocol === "file:" && /\/$/.test(u.pathname)) u.pathname += "index.html";
    return u.href;
  }

  var core = window.KBSearchCore, normalise = core.normalise;

  // --- data, loaded lazily and cached ---------------------------------------------------------
  // Data files are scripts calling KBSearch.load(key, payload): <script> elements load them from a
  // web server and from a folder (file://) alike, where fetch() is refused.
  var pending = {}, loaded = {};
  window.KBSearch = window.KBSearch || {};
  window.KBSearch.load = function (key, payload) {
    var waiting = pending[key];
    if (waiting) { delete pending[key]; waiting(payload); }
  };
  function load(key) {
    if (!loaded[key]) loaded[key] = new Promise(function (resolve, reject) {
      pending[key] = resolve;
      var script = document.createElement("script");
      script.src = url("search/" + key + ".js");
      script.async = true;
      script.onerror = function () { delete pending[key]; delete loaded[key]; reject(new Error("search data " + key + " missing")); };
      script.onload = function () {
        script.remove();
        if (pending[key]) { delete pending[key]; reject(new Error("search data " + key + " is not a KBSearch script")); }
      };
      document.head.appendChild(script);
    });
    return loaded[key];
  }
  /** A data file's payload: packed, gzip'd bytes (see the format). */
  function loadBytes(key) {
    return load(key).then(function (payload) {
      if (typeof payload !== "string") throw new Error("search index version " + (payload && payload.version) + " is not " + core.FORMAT_VERSION);
      return gunzip(core.unpack7(payload));
    });
  }
  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
  }
  function loadJson(key, encoding) {
    return loadBytes(key).then(function (bytes) { return JSON.parse(new TextDecoder(encoding).decode(bytes)); });
  }
  var metaPromise = null, t2s = null, marks = null;
  function meta() {
    if (!metaPromise) metaPromise = loadJson("meta", "utf-8").then(core.checkMeta).then(function (m) {
      t2s = core.t2sTable(m.t2s);
      marks = core.punctuationSet(m.punctuation);
      return m;
    });
    return metaPromise;
  }
  var runsPromise = null;
  function runs() {
    if (!runsPromise) runsPromise = loadBytes("r").then(core.decodeRuns);
    return runsPromise;
  }
  var shards = {}, postings = {};
  function shard(k) {
    if (!shards[k]) shards[k] = loadBytes("i/" + k).then(core.decodeShard);
    return shards[k];
  }
  var texts = {};
  function speechText(n) {
    return meta().then(function (m) { return textOf(core.speech(m.speeches[n]).id); });
  }
  /** A speech's records (the format's t/<id>.js), by its id. */
  function textOf(id) {
    // Speech texts are GB18030 (2 bytes a Chinese character), a third smaller than UTF-8 before gzip.
    if (!texts[id]) texts[id] = loadJson("t/" + id, "gb18030");
    return texts[id];
  }
  // Theme pages fill their folded excerpts from these files too (kb.js): the site holds each text once.
  window.KBSearch.textOf = textOf;
  // The reader's tools (kb-work.js) cite passages from the speeches' rows, and link as this file does.
  window.KBSearch.meta = meta;
  window.KBSearch.url = url;

  var sentencesPromise = null;
  /** b.js, each record's sentence ends: fetched only for the 同句 scope. */
  function sentences() {
    if (!sentencesPromise) sentencesPromise = loadBytes("b").then(core.decodeSentenceEnds);
    return sentencesPromise;
  }

  // The search scopes: a hit is a passage holding every word (同段), a passage with one sentence
  // holding every word (同句), or a passage holding any word in a speech that holds every word (同篇).
  var SCOPES = { para: "同段", sentence: "同句", speech: "同篇" };
  function scopeOf(value) { return SCOPES[value] ? value : "para"; }

  /** The records (ascending ids) matching a parsed query in a scope, from the index alone. */
  function matchRecords(query, m, scope) {
    var words = query.include.concat(query.exclude), grams = {};
    words.forEach(function (w) {
      var chars = Array.from(w);
      (core.coverOffsets(w, marks) || []).forEach(function (o) { grams[chars[o] + chars[o + 1]] = true; });
    });
    var list = Object.keys(grams);
    var wanted = list.map(function (g) { return shard(core.fnv1a(g) % m.shards); });
    if (scope === "sentence") wanted.push(sentences());
    return Promise.all(wanted).then(function (maps) {
      function postingOf(g) {
        if (!(g in postings)) {
          var bytes = maps[list.indexOf(g)].get(g);
          postings[g] = bytes ? core.decodePosting(bytes) : null;
        }
        return postings[g];
      }
      function recordsOf(w) { return Array.from(core.wordRecords(w, postingOf, marks)); }
      var excluded = query.exclude.map(recordsOf);
      if (scope === "speech") return core.speechRecords(query.include.map(recordsOf), excluded, core.recordBounds(m));
      var result;
      if (scope === "sentence") {
        result = core.sentenceRecords(
          query.include.map(function (w) { return core.wordMatches(w, postingOf, marks, false); }),
          query.include.map(function (w) { return Array.from(w).length; }), maps[maps.length - 1]);
      } else {
        result = null;
        query.include.forEach(function (w) { result = result === null ? recordsOf(w) : core.intersect(result, recordsOf(w)); });
      }
      excluded.forEach(function (records) { result = core.subtract(result, records); });
      return result || [];
    });
  }

  /** What a total means in a scope: "共 N 处，分布在 M 篇讲话中" and its kin. */
  function totalText(scope, t) {
    if (scope === "speech") return "共 " + t.speeches + " 篇讲话含有全部的词（同篇），其中 " + t.hits + " 处含有这些词";
    return "共 " + t.hits + " 处" + (scope === "sentence" ? "（同一句中含有全部的词）" : "") + "，分布在 " + t.speeches + " 篇讲话中";
  }
  /** A select of the scopes. */
  function scopeSelect(cls, value) {
    var select = document.createElement("select");
    select.className = cls;
    select.setAttribute("aria-label", "检索范围：同段、同句或同篇");
    [["para", "同段：各词在同一段"], ["sentence", "同句：各词在同一句"], ["speech", "同篇：各词在同一篇"]].forEach(function (o) {
      var opt = document.createElement("option"); opt.value = o[0]; opt.textContent = o[1]; select.appendChild(opt);
    });
    select.value = scopeOf(value);
    return select;
  }

  /** Parse, check and evaluate a query: {query, error} or {query, m, runs, records}. */
  function evaluate(raw, scope) {
    return meta().then(function (m) {
      var query = core.parseQuery(raw, t2s, marks);
      var error = queryError(query);
      if (error) return { query: query, error: error };
      return Promise.all([matchRecords(query, m, scopeOf(scope)), runs()]).then(function (done) {
        return { query: query, m: m, records: done[0], runs: done[1] };
      });
    });
  }

  function queryError(query) {
    if (query.exclude.some(function (w) { return Array.from(w).length < 2; })) return "要排除的词也至少要两个字（如“-巡察”）。";
    var loose = query.include.concat(query.exclude).filter(function (w) { return core.coverOffsets(w, marks) === null; });
    if (loose.length) {
      return "“" + loose[0] + "”中有夹在两个标点之间（或开头紧跟标点）的单字，无法精确查找：请去掉标点，或把它拆成几个词，用空格隔开。";
    }
    if (query.include.length) return "";
    if (query.single.length) {
      return "“" + query.single.join("”“") + "”只有一个字：检索至少要两个字的词（单字几乎每段都有）。请输入词语，如“党建”“干部”，多个词用空格隔开。";
    }
    if (query.exclude.length) return "请再输入一个要查找的词：“-”开头的词表示不要含有它的段落。";
    return "请至少输入两个字（多个词用空格隔开，表示同时包含）。";
  }

  function loadError(err) {
    return /version/.test(String(err && err.message))
      ? "检索索引的版本与页面不符：请重新生成网站（make site）。"
      : "检索索引无法加载：网站不完整（缺少 search/ 目录），请重新生成网站。";
  }

  // --- shared pieces of the UI -------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function highlight(target, text, terms, whole) {
    var lower = normalise(text), first = -1;
    terms.forEach(function (t) { var i = lower.indexOf(t); if (i >= 0 && (first < 0 || i < first)) first = i; });
    var start = whole ? 0 : Math.max(0, first - CONTEXT), end = whole ? text.length : Math.min(text.length, first + CONTEXT * 2);
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

  function themeBadges(target, m, bits) {
    m.themes.forEach(function (row, i) {
      var t = core.theme(row);
      if (bits & (1 << i)) { var b = el("span", "kb-search__theme", t.name); b.style.setProperty("--kb-c", t.colour); target.appendChild(b); }
    });
  }

  /** The passages of one speech among `records` (global ids), with their texts. */
  function passages(result, position, records) {
    var first = result.tally.bounds[position];
    return speechText(position).then(function (rows) {
      return records.map(function (id) { return core.record(rows[id - first]); });
    });
  }

  function citation(s, r) {
    var place = core.sectionPlace(r.section), para = r.anchor && r.anchor[0] === "p" ? "第" + r.anchor.slice(1) + "段" : (r.isHeading ? "标题" : "");
    return "《" + s.title + "》（" + s.date + (s.speaker ? "，" + s.speaker : "") + "）" + place + (place && para ? "，" : "") + para;
  }

  /** The levels that are no 省/市/县… with 级 after them (model.LEVEL_NAMES says the same; tests/render pins it). */
  var LEVEL_NAMES = { "中央": "中央", "街道": "街道", "校": "学校", "企业": "企业" };

  /** A facet's value as readers see it; UNKNOWN for hits whose speech has none. */
  function facetLabel(dim, value) {
    if (value === core.UNKNOWN) return { year: "年份不详", speaker: "讲话人不详", level: "层级不详" }[dim];
    return dim === "year" ? value + "年" : dim === "level" ? (LEVEL_NAMES[value] || value + "级") : value;
  }

  /** Filters with the theme's id replaced by its position, as tally() counts themes. */
  function withThemeIndex(filters, m) {
    var copy = {};
    Object.keys(filters).forEach(function (k) { copy[k] = filters[k]; });
    copy.theme = core.themeIndex(m, filters.theme);
    return copy;
  }

  /** Said when the words searched for are not the words typed: a Traditional 幹部 is searched as
   *  干部, a single character left out of a longer query. */
  function searchedAs(raw, query) {
    var typed = raw.replace(/["“”'‘’\s-]+/g, "");
    var changed = query.include.concat(query.exclude).filter(function (w) { return typed.indexOf(w) < 0; });
    var note = changed.length ? "（已按简体等规范写法“" + changed.join("”“") + "”查找）" : "";
    if (query.single && query.single.length && query.include.length) note += "（单字“" + query.single.join("”“") + "”没有参与检索：检索至少要两个字的词）";
    return note;
  }

  function resultsLink(raw, filters) {
    var params = new URLSearchParams();
    params.set("q", raw);
    ["year", "theme", "speaker", "level"].forEach(function (k) { if (filters[k]) params.set(k, filters[k]); });
    if (filters.scope && filters.scope !== "para") params.set("scope", filters.scope);
    return url("search/") + "?" + params.toString();
  }

  // --- the box in the header -----------------------------------------------------------------
  function buildHeaderBox() {
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
    var selTheme = el("select"), selYear = el("select"), selSpeaker = el("select"), selScope = scopeSelect("kb-search__scope", "para");
    selTheme.setAttribute("aria-label", "按专题筛选");
    selYear.setAttribute("aria-label", "按年份筛选");
    selSpeaker.setAttribute("aria-label", "按讲话人筛选");
    [selTheme, selYear, selSpeaker, selScope].forEach(function (s) { filters.appendChild(s); });
    var status = el("div", "kb-search__status");
    status.setAttribute("aria-live", "polite");
    var all = el("a", "kb-search__all", "全部结果、按年份/专题/讲话人统计、导出 →");
    all.hidden = true;
    var results = el("ol", "kb-search__results");
    var more = el("button", "kb-search__more", "显示更多");
    more.type = "button";
    more.hidden = true;
    panel.appendChild(filters); panel.appendChild(status); panel.appendChild(all); panel.appendChild(results); panel.appendChild(more);
    box.appendChild(input); box.appendChild(panel);
    var anchor = header.querySelector(".md-header__source") || null;
    header.insertBefore(box, anchor);

    var filled = false;
    function option(select, value, label) { var o = el("option", null, label); o.value = value; select.appendChild(o); }
    option(selTheme, "", "全部专题");
    option(selYear, "", "全部年份");
    option(selSpeaker, "", "全部讲话人");
    // Filled when a filter is first touched, not while typing: a large archive has thousands of
    // speakers, and laying out their options would delay the first results.
    function fillFilters(m) {
      if (filled) return;
      filled = true;
      m.themes.forEach(function (t) { option(selTheme, core.theme(t).id, core.theme(t).name); });
      Array.from(new Set(m.speeches.map(function (s) { return core.speech(s).year; }).filter(Boolean))).sort().reverse()
        .forEach(function (y) { option(selYear, String(y), y + "年"); });
      Array.from(new Set(m.speeches.map(function (s) { return core.speech(s).speaker; }).filter(Boolean))).sort()
        .forEach(function (s) { option(selSpeaker, s, s); });
    }

    var run = 0, state = null;
    // For tests and assistive tools: the query whose results are now complete on screen.
    function finish(raw) { box.setAttribute("data-done", raw); }

    function search() {
      var raw = input.value.trim(), mine = ++run;
      results.textContent = ""; more.hidden = true; all.hidden = true;
      box.removeAttribute("data-done");
      if (!raw) { status.textContent = ""; panel.hidden = true; return; }
      panel.hidden = false;
      status.textContent = "正在检索…";
      evaluate(raw, selScope.value).then(function (result) {
        if (mine !== run) return;
        if (result.error) { status.textContent = result.error; finish(raw); return; }
        var chosen = { year: selYear.value, theme: selTheme.value, speaker: selSpeaker.value, level: "", scope: selScope.value };
        result.tally = core.tally(result.records, result.m, result.runs, withThemeIndex(chosen, result.m));
        state = { result: result, next: 0, run: mine, raw: raw };
        var words = result.query.include.join(" ");
        if (!result.tally.hits) {
          status.textContent = "没有找到包含“" + words + "”" + (result.query.exclude.length ? "、不含“" + result.query.exclude.join(" ") + "”" : "") + "的段落。" + searchedAs(raw, result.query);
          finish(raw);
          return;
        }
        status.textContent = totalText(chosen.scope, result.tally).replace(/^共/, "找到") + searchedAs(raw, result.query);
        all.href = resultsLink(raw, chosen);
        all.hidden = false;
        return step();
      }).catch(function (err) {
        if (mine !== run) return;
        status.textContent = loadError(err);
        finish(raw);
      });
    }

    function step() {
      var st = state, batch = st.result.tally.perSpeech.slice(st.next, st.next + BATCH);
      box.removeAttribute("data-done");
      st.next += batch.length;
      // All texts are asked for at once; each speech is shown as soon as it and those before it are in.
      var loading = batch.map(function (entry) { return passages(st.result, entry[0], entry[1]); });
      return loading.reduce(function (shown, hitsLoaded, k) {
        return shown.then(function () { return hitsLoaded; }).then(function (hits) {
          if (st.run === run) showSpeech(st.result, batch[k][0], hits);
        });
      }, Promise.resolve()).then(function () {
        if (st.run !== run) return;
        more.hidden = st.next >= st.result.tally.perSpeech.length;
        finish(st.raw);
      });
    }

    function showSpeech(result, position, hits) {
      var s = core.speech(result.m.speeches[position]), terms = result.query.include;
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
        highlight(a, r.text, terms);
        li.appendChild(a);
        themeBadges(li, result.m, r.themeBits);
        if (r.anchor && r.anchor[0] === "p") li.appendChild(el("span", "kb-search__where", "第" + r.anchor.slice(1) + "段"));
        list.appendChild(li);
      });
      if (hits.length > PER_SPEECH) {
        var rest = el("li", "kb-search__rest");
        var more = el("a", null, "还有 " + (hits.length - PER_SPEECH) + " 处 →");
        more.href = url(s.url);
        rest.appendChild(more);
        list.appendChild(rest);
      }
      item.appendChild(list);
      results.appendChild(item);
    }

    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 80); });
    selScope.addEventListener("change", search);
    [selTheme, selYear, selSpeaker].forEach(function (s) {
      s.addEventListener("change", search);
      ["focus", "pointerdown"].forEach(function (type) { s.addEventListener(type, function () { meta().then(fillFilters).catch(function () {}); }); });
    });
    more.addEventListener("click", function () { if (state) step(); });
    input.addEventListener("focus", function () {
      // What every query needs is fetched while the user is still typing.
      meta().catch(function () {});
      runs().catch(function () {});
      if (input.value.trim()) panel.hidden = false;
    });
    // Enter opens the results page (every hit, counted and filtered); the arrow keys go through the
    // hits in the panel, where Enter opens the one chosen.
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { panel.hidden = true; input.blur(); }
      if (e.key === "Enter" && input.value.trim()) {
        e.preventDefault();
        window.location.href = resultsLink(input.value.trim(), { year: selYear.value, theme: selTheme.value, speaker: selSpeaker.value });
      }
      if (e.key === "ArrowDown") {
        var first = panel.querySelector("a.kb-search__hit");
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    panel.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Escape") return;
      if (e.key === "Escape") { panel.hidden = true; input.focus(); return; }
      var hits = Array.prototype.slice.call(panel.querySelectorAll("a.kb-search__hit")), at = hits.indexOf(document.activeElement);
      if (at < 0) return;
      e.preventDefault();
      if (e.key === "ArrowUp" && at === 0) input.focus();
      else hits[Math.min(hits.length - 1, Math.max(0, at + (e.key === "ArrowDown" ? 1 : -1)))].focus();
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "S") && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault(); input.focus(); input.select();
      }
    });
    document.addEventListener("click", function (e) { if (!box.contains(e.target)) panel.hidden = true; });
  }

  // --- the results page (search/?q=…&year=…) ---------------------------------------------------
  function buildResultsPage(root) {
    var params = new URLSearchParams(window.location.search);
    var state = {
      q: params.get("q") || "", year: params.get("year") || "", theme: params.get("theme") || "", speaker: params.get("speaker") || "",
      level: params.get("level") || "", sort: params.get("sort") || "new", page: Math.max(1, Number(params.get("page")) || 1),
      scope: scopeOf(params.get("scope"))
    };
    var form = el("form", "kb-results__form");
    var input = el("input", "kb-results__input");
    input.type = "search"; input.name = "q"; input.value = state.q; input.placeholder = "输入要查找的词，多个词用空格隔开";
    input.setAttribute("aria-label", "检索词");
    var go = el("button", "kb-results__go", "检索"); go.type = "submit";
    var scope = scopeSelect("kb-results__scope", state.scope);
    form.appendChild(input); form.appendChild(scope); form.appendChild(go);
    // The rules of the words, open on a desk and before anything is asked; on a phone, once a query
    // stands, folded under its title (they took eight lines above the first hit).
    var help = el("details", "kb-results__help");
    help.appendChild(el("summary", null, "检索词的写法和范围"));
    help.appendChild(el("p", null,
      "空格隔开的词表示同时包含；\"全面 从严治党\" 或 “两个维护” 是一个整体；-巡察 表示不要含有“巡察”的段落；繁体字按简体查。" +
      "范围：同段——各词出现在同一段（或同一标题）里；同句——各词出现在同一句里（句子以。！？；为界）；" +
      "同篇——各词出现在同一篇讲话里，不必在一段，列出这些讲话中含有任一词的段落。"));
    help.open = !state.q || !window.matchMedia("(max-width: 44.9375em)").matches;
    var status = el("p", "kb-results__status");
    status.setAttribute("aria-live", "polite");
    // On paper the form is not printed: the words and the scope asked are said over the count instead.
    var asked = el("p", "kb-results__asked");
    var suggestion = el("p", "kb-results__suggest");
    suggestion.hidden = true;
    var layout = el("div", "kb-results__layout");
    var side = el("aside", "kb-results__facets");
    var main = el("div", "kb-results__main");
    var tools = el("div", "kb-results__tools");
    var sort = el("select", "kb-results__sort");
    sort.setAttribute("aria-label", "排序");
    [["new", "按时间，新的在前"], ["old", "按时间，早的在前"], ["hits", "按命中处数"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; sort.appendChild(opt);
    });
    sort.value = state.sort;
    var csv = el("button", "kb-results__csv", "导出 CSV"); csv.type = "button";
    var print = el("button", "kb-results__print", "打印"); print.type = "button";
    tools.appendChild(sort); tools.appendChild(csv); tools.appendChild(print);
    var list = el("ol", "kb-results__list");
    var pager = el("nav", "kb-results__pager");
    main.appendChild(tools); main.appendChild(list); main.appendChild(pager);
    layout.appendChild(side); layout.appendChild(main);
    root.appendChild(form); root.appendChild(help); root.appendChild(asked); root.appendChild(status); root.appendChild(suggestion); root.appendChild(layout);

    var current = null, run = 0;
    function finish() { root.setAttribute("data-scope", state.scope); root.setAttribute("data-done", state.q + "|" + state.page); }

    function syncUrl() {
      var p = new URLSearchParams();
      ["q", "year", "theme", "speaker", "level"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      if (state.scope !== "para") p.set("scope", state.scope);
      if (state.sort !== "new") p.set("sort", state.sort);
      if (state.page > 1) p.set("page", String(state.page));
      history.replaceState(null, "", "?" + p.toString());
    }

    function go_() {
      var mine = ++run;
      root.removeAttribute("data-done"); root.removeAttribute("data-hits"); root.removeAttribute("data-speeches");
      syncUrl();
      side.textContent = ""; list.textContent = ""; pager.textContent = "";
      tools.hidden = true; suggestion.hidden = true;
      asked.textContent = state.q.trim() ? "检索词：" + state.q.trim() + "　范围：" + scopeSelect("", state.scope).selectedOptions[0].textContent.replace("：", "（") + "）" : "";
      if (!state.q.trim()) { status.textContent = "输入要查找的词。"; finish(); return; }
      status.textContent = "正在检索…";
      evaluate(state.q, state.scope).then(function (result) {
        if (mine !== run) return;
        if (result.error) { status.textContent = result.error; finish(); return; }
        result.tally = core.tally(result.records, result.m, result.runs, withThemeIndex(state, result.m));
        current = result;
        facets(result);
        var t = result.tally;
        root.setAttribute("data-hits", String(t.hits));
        root.setAttribute("data-speeches", String(t.speeches));
        if (!t.hits) {
          status.textContent = "没有找到符合条件的段落" + describeFilters(result.m) + "。" + searchedAs(state.q, result.query);
          var hint = describeFilters(result.m) ? "可以去掉筛选条件，" : "";
          suggestion.textContent = "建议：" + hint + "检查有没有错字，或少用几个词、换一种说法（如“选人用人”换成“选拔任用”）。";
          suggestion.hidden = false;
          finish();
          return;
        }
        status.textContent = totalText(state.scope, t) + describeFilters(result.m) + searchedAs(state.q, result.query);
        tools.hidden = false;
        return showPage(result, mine);
      }).catch(function (err) { if (mine === run) { status.textContent = loadError(err); finish(); } });
    }

    function describeFilters(m) {
      var parts = [];
      var theme = core.themeIndex(m, state.theme);
      if (state.year) parts.push(facetLabel("year", state.year));
      if (theme !== "") parts.push(core.theme(m.themes[Number(theme)]).name);
      if (state.speaker) parts.push(facetLabel("speaker", state.speaker));
      if (state.level) parts.push(facetLabel("level", state.level));
      return parts.length ? "（筛选：" + parts.join("、") + "）" : "";
    }

    function ordered(t) {
      var per = t.perSpeech.slice();
      if (state.sort === "old") {
        // Oldest first; speeches without a date stay at the end, as in the newest-first order.
        var dated = function (e) { return Boolean(core.speech(current.m.speeches[e[0]]).year); };
        var undated = per.filter(function (e) { return !dated(e); });
        per = per.filter(dated).reverse().concat(undated);
      }
      if (state.sort === "hits") per.sort(function (a, b) { return b[1].length - a[1].length || a[0] - b[0]; });
      var flat = [];
      per.forEach(function (entry) { entry[1].forEach(function (id) { flat.push([entry[0], id]); }); });
      return flat;
    }

    function showPage(result, mine) {
      var flat = ordered(result.tally), pages = Math.max(1, Math.ceil(flat.length / PAGE));
      if (state.page > pages) state.page = pages;
      var slice = flat.slice((state.page - 1) * PAGE, state.page * PAGE), bySpeech = [];
      slice.forEach(function (x) {
        if (!bySpeech.length || bySpeech[bySpeech.length - 1][0] !== x[0]) bySpeech.push([x[0], []]);
        bySpeech[bySpeech.length - 1][1].push(x[1]);
      });
      list.start = (state.page - 1) * PAGE + 1;
      return Promise.all(bySpeech.map(function (e) { return passages(result, e[0], e[1]); })).then(function (groups) {
        if (mine !== run) return;
        groups.forEach(function (hits, k) {
          var s = core.speech(result.m.speeches[bySpeech[k][0]]);
          hits.forEach(function (r) {
            var li = el("li", "kb-results__hit");
            var text = el("p", "kb-results__text");
            highlight(text, r.text, result.query.include, true);
            var cite = el("p", "kb-results__cite");
            var a = el("a", null, "——" + citation(s, r));
            a.href = url(s.url) + (r.anchor ? "#" + r.anchor : "");
            cite.appendChild(a);
            themeBadges(cite, result.m, r.themeBits);
            li.appendChild(text); li.appendChild(cite);
            list.appendChild(li);
          });
        });
        pagerLinks(pages);
        finish();
      });
    }

    function pagerLinks(pages) {
      if (pages < 2) return;
      function button(label, page, disabled) {
        var b = el("button", page === state.page ? "kb-results__page kb-results__page--current" : "kb-results__page", label);
        b.type = "button"; b.disabled = disabled;
        b.addEventListener("click", function () { state.page = page; go_(); window.scrollTo(0, 0); });
        pager.appendChild(b);
      }
      button("← 上一页", state.page - 1, state.page === 1);
      var shown = {};
      [1, state.page - 2, state.page - 1, state.page, state.page + 1, state.page + 2, pages].forEach(function (p) {
        if (p >= 1 && p <= pages && !shown[p]) { shown[p] = true; button(String(p), p, false); }
      });
      button("下一页 →", state.page + 1, state.page === pages);
      pager.appendChild(el("span", "kb-results__pages", "共 " + pages + " 页"));
    }

    function facets(result) {
      var m = result.m, f = result.tally.facets;
      function group(title, dim, entries, label) {
        if (!entries.length) return;
        var box = el("section", "kb-facet");
        box.appendChild(el("h2", "kb-facet__title", title));
        var ul = el("ul", "kb-facet__list");
        var max = Math.max.apply(null, entries.map(function (e) { return e[1]; })), folded = 0;
        entries.forEach(function (e, k) {
          var value = dim === "theme" ? core.theme(m.themes[Number(e[0])]).id : e[0];
          var li = el("li", state[dim] === value ? "kb-facet__item kb-facet__item--on" : "kb-facet__item");
          // Thousands of speakers at 10,000 speeches: the first few, the chosen one, and the rest on request.
          if (dim !== "year" && k >= FACET_SHOWN && state[dim] !== value) { li.hidden = true; folded += 1; }
          var b = el("button", "kb-facet__button");
          b.type = "button";
          b.setAttribute("data-facet", dim);
          b.setAttribute("data-value", value);
          b.appendChild(el("span", "kb-facet__label", label(e[0])));
          var bar = el("span", "kb-facet__bar");
          bar.style.width = Math.max(2, Math.round(60 * e[1] / max)) + "px";
          if (dim !== "year") bar.hidden = true;
          b.appendChild(bar);
          b.appendChild(el("span", "kb-facet__count", String(e[1])));
          b.addEventListener("click", function () { state[dim] = state[dim] === value ? "" : value; state.page = 1; go_(); });
          li.appendChild(b);
          ul.appendChild(li);
        });
        box.appendChild(ul);
        if (folded) {
          var more = el("button", "kb-facet__more", "展开其余 " + folded + " 项");
          more.type = "button";
          more.addEventListener("click", function () {
            Array.prototype.forEach.call(ul.querySelectorAll("li[hidden]"), function (li) { li.hidden = false; });
            box.removeChild(more);
          });
          box.appendChild(more);
        }
        side.appendChild(box);
      }
      function entries(obj) { return Object.keys(obj).map(function (k) { return [k, obj[k]]; }); }
      // Known values first, then the hits whose speech has none (年份不详…): each facet adds up to the total.
      function unknownLast(order) { return function (a, b) { return (a[0] === core.UNKNOWN) - (b[0] === core.UNKNOWN) || order(a, b); }; }
      group("年份", "year", entries(f.year).sort(unknownLast(function (a, b) { return b[0] - a[0]; })), function (y) { return facetLabel("year", y); });
      group("专题", "theme", entries(f.theme).sort(function (a, b) { return a[0] - b[0]; }), function (i) { return core.theme(m.themes[Number(i)]).name; });
      group("讲话人", "speaker", entries(f.speaker).sort(unknownLast(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })), function (s) { return facetLabel("speaker", s); });
      group("层级", "level", entries(f.level).sort(unknownLast(function (a, b) { return b[1] - a[1]; })), function (l) { return facetLabel("level", l); });
    }

    function exportCsv() {
      if (!current) return;
      var flat = ordered(current.tally), positions = [];
      flat.forEach(function (x) { if (positions.indexOf(x[0]) < 0) positions.push(x[0]); });
      csv.disabled = true;
      csv.textContent = "正在准备 CSV…";
      Promise.all(positions.map(speechText)).then(function () {
        var rows = [["标题", "日期", "讲话人", "位置", "段号", "链接", "原文"]];
        var done = flat.map(function (x) {
          var s = core.speech(current.m.speeches[x[0]]);
          return textOf(s.id).then(function (records) {
            var r = core.record(records[x[1] - current.tally.bounds[x[0]]]);
            rows.push([s.title, s.date, s.speaker, core.sectionPlace(r.section), r.anchor && r.anchor[0] === "p" ? r.anchor.slice(1) : "",
              url(s.url) + (r.anchor ? "#" + r.anchor : ""), r.text]);
          });
        });
        return Promise.all(done).then(function () {
          var text = "\ufeff" + rows.map(function (row) {
            return row.map(core.csvCell).join(",");
          }).join("\r\n") + "\r\n";
          var a = el("a");
          a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
          a.download = "检索结果-" + state.q.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 40) + ".csv";
          root.setAttribute("data-csv", text);
          document.body.appendChild(a); a.click(); a.remove();
        });
      }).finally(function () { csv.disabled = false; csv.textContent = "导出 CSV"; });
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); state.q = input.value.trim(); state.page = 1; go_(); });
    sort.addEventListener("change", function () { state.sort = sort.value; state.page = 1; go_(); });
    scope.addEventListener("change", function () { state.scope = scope.value; state.page = 1; go_(); });
    csv.addEventListener("click", exportCsv);
    print.addEventListener("click", function () { window.print(); });
    go_();
  }

  function start() {
    buildHeaderBox();
    var page = document.getElementById("kb-results");
    if (page) buildResultsPage(page);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
