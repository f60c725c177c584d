/* zuzhi-kb: working with the texts — 复制引文 and the 材料篮 (a basket of passages for a 学习材料选编).
 *
 * Every passage a page shows (a paragraph or heading of a speech page, a theme page's excerpt, a
 * 提法 page's use, a search result) is a *unit*: a speech id and an anchor (p12 for a paragraph,
 * s2-1 for a section). Its text and its source come from the search's own files (meta.js and
 * t/<id>.js, through window.KBSearch), never from the page's markup, so a copied or collected
 * passage is exactly the speech's text wherever it was taken from, and the pages carry no extra
 * bytes for it. One small toolbar is moved to the passage under the pointer or holding the focus.
 * Keyboard: Tab to a passage's number or link, then Tab to its buttons, or press C (复制引文) or
 * B (加入材料篮). The basket lives in the browser's localStorage: nothing leaves the machine.
 * The form of a citation is the curator's (corpus/print.yaml `citation`, in assets/kb-settings.js).
 */
(function () {
  "use strict";

  var DEFAULT_CITATION = "（摘自《{title}》，{date}，{speaker}）";
  var BASKET_KEY = "zuzhi-kb:basket";

  // A path below the site's root as a link from this page (kb-search.js, loaded before this file).
  var url = window.KBSearch.url;

  // --- settings (assets/kb-settings.js, written by the build) ---------------------------------
  var settingsPromise = null;
  function settings() {
    if (!settingsPromise) settingsPromise = new Promise(function (resolve) {
      if (window.KBSettings) return resolve(window.KBSettings);
      var script = document.createElement("script");
      script.src = url("assets/kb-settings.js");
      script.onload = function () { resolve(window.KBSettings || {}); };
      script.onerror = function () { resolve({}); };
      document.head.appendChild(script);
    });
    return settingsPromise;
  }

  // --- citations -------------------------------------------------------------------------------
  /** The fields of a citation: title, date, speaker, place (第二部分第一节), paragraph (第12段). */
  function fields(s, anchor, section) {
    var core = window.KBSearchCore;
    return {
      title: s.title, date: s.year ? s.date : "", speaker: s.speaker || "",
      place: core.sectionPlace(section || ""), paragraph: /^p\d+$/.test(anchor || "") ? "第" + anchor.slice(1) + "段" : ""
    };
  }
  /** The template with its fields filled; an empty field takes the ，、； or space before it away. */
  function formatCitation(template, values) {
    return String(template || DEFAULT_CITATION).replace(/([，,、；;\s]?)\{(\w+)\}/g, function (all, sep, name) {
      var v = values[name];
      return v ? sep + v : "";
    });
  }

  /** A unit's passage: {speech, anchor, kind, text, fields, citation}. */
  function passage(speechId, anchor) {
    var search = window.KBSearch, core = window.KBSearchCore;
    return Promise.all([search.meta(), search.textOf(speechId), settings()]).then(function (got) {
      var m = got[0], records = got[1].map(core.record), s = null;
      for (var n = 0; n < m.speeches.length; n++) if (m.speeches[n][6] === speechId) { s = core.speech(m.speeches[n]); break; }
      if (!s) throw new Error("no speech " + speechId);
      var kind = /^p\d+$/.test(anchor) ? "p" : (anchor ? "section" : "speech"), lines = [], section = "";
      records.forEach(function (r) {
        if (kind === "p" && r.anchor === anchor) { lines.push(r.text); section = r.section; }
        if (kind === "section" && (r.section === anchor || r.section.indexOf(anchor + "-") === 0)) lines.push(r.text);
      });
      if (kind === "section") section = anchor;
      if (!lines.length) throw new Error("no passage " + speechId + "#" + anchor);
      var f = fields(s, kind === "p" ? anchor : "", section);
      return {
        speech: speechId, anchor: anchor, kind: kind, text: lines.join("\n"), fields: f,
        citation: formatCitation(got[2].citation, f), url: s.url + "#" + anchor
      };
    });
  }

  // --- units: which passage an element stands for ------------------------------------------------
  var UNIT = "article p.kb-p[id], article h2[id^='s'], article h3[id^='s'], article h4[id^='s'], article h5[id^='s'], .kb-excerpt, ul.kb-kwic > li, li.kb-results__hit, ul.kb-search__hits > li";

  function speechOf(href) {
    var u = new URL(href, window.location.href), m = /\/speeches\/([^\/]+)\/(?:index\.html)?$/.exec(u.pathname);
    return m ? { speech: decodeURIComponent(m[1]), anchor: decodeURIComponent(u.hash.slice(1)) } : null;
  }
  function unitTarget(unit) {
    if (unit.matches("p.kb-p, h2, h3, h4, h5")) {
      // A heading's toolbar takes its whole section (s2-1); the page's other headings have none.
      var here = speechOf(window.location.href);
      return here && /^(p\d+|s\d+(-\d+)*)$/.test(unit.id) ? { speech: here.speech, anchor: unit.id } : null;
    }
    var link = unit.querySelector(".kb-cite a[href], .kb-results__cite a[href], a[href*='speeches/']");
    return link ? speechOf(link.getAttribute("href")) : null;
  }

  // --- the toolbar -------------------------------------------------------------------------------
  var tools = null, toolsUnit = null, live = null;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function makeTools() {
    tools = el("span", "kb-tools");
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", "本段操作");
    var copy = el("button", "kb-tool", "复制引文"), add = el("button", "kb-tool", "加入材料篮");
    copy.type = add.type = "button";
    copy.setAttribute("data-act", "copy");
    add.setAttribute("data-act", "basket");
    copy.title = "复制本段原文和出处（快捷键 C）";
    add.title = "把本段加入材料篮（快捷键 B）";
    tools.appendChild(copy); tools.appendChild(add);
    tools.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (b && toolsUnit) act(b.getAttribute("data-act"), toolsUnit);
    });
    live = el("div", "kb-toast");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    landmark().appendChild(live);
  }
  function placeTools(unit) {
    if (toolsUnit === unit || !unitTarget(unit)) return;
    if (!tools) makeTools();
    toolsUnit = unit;
    if (unit.matches("p.kb-p")) {
      var number = unit.querySelector("a.kb-pn");
      unit.insertBefore(tools, number ? number.nextSibling : unit.firstChild);
    } else if (unit.matches(".kb-excerpt")) {
      var head = unit.querySelector(".kb-excerpt-head");
      unit.insertBefore(tools, head ? head.nextSibling : unit.firstChild);
    } else if (unit.matches("li.kb-results__hit")) {
      (unit.querySelector(".kb-results__cite") || unit).appendChild(tools);
    } else {
      unit.appendChild(tools);
    }
  }
  function unitAt(node) {
    return (node && node.closest && node.closest(UNIT)) || null;
  }
  document.addEventListener("mouseover", function (e) { var u = unitAt(e.target); if (u) placeTools(u); });
  document.addEventListener("focusin", function (e) {
    if (tools && tools.contains(e.target)) return;
    var u = unitAt(e.target); if (u) placeTools(u);
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (!t || t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable) return;
    var key = e.key && e.key.toLowerCase();
    if (key !== "c" && key !== "b") return;
    var unit = unitAt(t);
    if (!unit) return;
    e.preventDefault();
    placeTools(unit);
    act(key === "c" ? "copy" : "basket", unit);
  });

  function say(text) {
    if (!live) makeTools();
    live.textContent = text;
    live.classList.add("kb-toast--on");
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { live.classList.remove("kb-toast--on"); }, 2600);
  }

  function act(what, unit) {
    var target = unitTarget(unit);
    if (!target) return;
    passage(target.speech, target.anchor).then(function (p) {
      if (what === "copy") {
        var text = p.text + p.citation;
        document.documentElement.setAttribute("data-kb-copied", text);  // for tests and assistive tools
        return copyText(text).then(function (ok) {
          say(ok ? "已复制本段原文和出处，可粘贴到文稿中。" : "浏览器不允许复制：请选中文字后按 Ctrl+C。");
        });
      }
      var n = basketAdd(p);
      say(n < 0 ? "浏览器不允许保存材料篮（本地存储被禁用）。" : "已加入材料篮（共 " + n + " 项）。");
    }).catch(function () { say("没有取到本段原文（检索数据缺失）：请重新生成网站。"); });
  }

  /** Copies text: the Clipboard API where the page may use it, else a selected textarea (http on an intranet is no secure context). */
  function copyText(text) {
    function fallback() {
      var area = el("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed"; area.style.opacity = "0"; area.style.top = "0";
      var focused = document.activeElement;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (focused && focused.focus) focused.focus();
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return Promise.resolve(fallback());
  }

  // --- the basket (localStorage) ---------------------------------------------------------------
  function basketRead() {
    try {
      var b = JSON.parse(window.localStorage.getItem(BASKET_KEY) || "null");
      if (b && Array.isArray(b.items)) return b;
    } catch (e) { /* empty or unreadable: a new basket */ }
    return { title: "", items: [] };
  }
  function basketWrite(b) {
    try { window.localStorage.setItem(BASKET_KEY, JSON.stringify(b)); return true; } catch (e) { return false; }
  }
  /** Adds a passage (once); the basket's size, or -1 when the browser keeps nothing. */
  function basketAdd(p) {
    var b = basketRead();
    var known = b.items.some(function (it) { return it.type === "passage" && it.speech === p.speech && it.anchor === p.anchor; });
    if (!known) b.items.push({ type: "passage", speech: p.speech, anchor: p.anchor, kind: p.kind, text: p.text, fields: p.fields, citation: p.citation, url: p.url });
    if (!basketWrite(b)) return -1;
    showBadge();
    return b.items.filter(function (it) { return it.type === "passage"; }).length;
  }

  /** Where fixed elements go: inside the page's main landmark, as every content must be. */
  function landmark() { return document.querySelector("main") || document.body; }

  var badge = null;
  function showBadge() {
    var n = basketRead().items.filter(function (it) { return it.type === "passage"; }).length;
    if (document.getElementById("kb-basket")) return;  // the basket page itself
    if (!n) { if (badge) badge.hidden = true; return; }
    if (!badge) {
      var nav = el("nav", "kb-basket-nav");
      nav.setAttribute("aria-label", "材料篮");
      badge = el("a", "kb-basket-badge");
      badge.href = url("basket/");
      nav.appendChild(badge);
      landmark().appendChild(nav);
    }
    badge.hidden = false;
    badge.textContent = "材料篮（" + n + "）";
  }

  // --- the basket page (basket/) ------------------------------------------------------------------
  var ORDINALS = "一二三四五六七八九十";
  function ordinal(n) {
    if (n <= 10) return ORDINALS[n - 1];
    if (n < 20) return "十" + ORDINALS[n - 11];
    return String(n);
  }
  function passages(b) { return b.items.filter(function (it) { return it.type === "passage"; }); }

  /** The basket as Markdown that `kb print --basket` typesets: # title, ## headings, each excerpt's
   * paragraphs and then its source on a line starting with ——, the place it came from in a comment. */
  function basketMarkdown(b) {
    var out = ["# " + (b.title || "学习材料选编"), ""];
    b.items.forEach(function (it) {
      if (it.type === "heading") { out.push("## " + it.text, ""); return; }
      it.text.split("\n").forEach(function (line) { out.push(line, ""); });
      out.push("——" + it.citation, "<!-- kb: " + it.speech + "#" + it.anchor + " -->", "");
    });
    return out.join("\n");
  }
  /** The basket as plain text, for a word processor: the title, headings, and each excerpt with its citation. */
  function basketText(b) {
    var out = [b.title || "学习材料选编", ""], chapter = 0;
    b.items.forEach(function (it) {
      if (it.type === "heading") { chapter += 1; out.push(ordinal(chapter) + "、" + it.text, ""); return; }
      var lines = it.text.split("\n");
      lines[lines.length - 1] += it.citation;
      out.push(lines.join("\n"), "");
    });
    return out.join("\n").replace(/\n/g, "\r\n");
  }

  function download(name, text, type) {
    var a = el("a");
    a.href = URL.createObjectURL(new Blob(["\ufeff" + text], { type: type + ";charset=utf-8" }));
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }

  function basketPage(root) {
    var b = basketRead();
    var bar = el("div", "kb-basket__bar");
    var label = el("label", "kb-basket__label", "材料标题");
    var title = el("input", "kb-basket__title");
    title.id = "kb-basket-title"; label.htmlFor = title.id;
    title.placeholder = "学习材料选编";
    title.value = b.title || "";
    var actions = el("div", "kb-basket__actions");
    function button(text, handler, cls) {
      var x = el("button", cls || null, text);
      x.type = "button";
      x.addEventListener("click", handler);
      return x;
    }
    var status = el("p", "kb-basket__status");
    status.setAttribute("role", "status");
    var list = el("ol", "kb-basket__items");
    var paper = el("div", "kb-basket__paper");  // what is printed
    function save(message) {
      b.title = title.value.trim();
      if (!basketWrite(b)) message = "浏览器不允许保存材料篮（本地存储被禁用）。";
      draw();
      if (message) status.textContent = message;
    }
    actions.appendChild(button("添加小标题", function () {
      b.items.push({ type: "heading", text: "小标题" });
      save("已在末尾添加小标题：请改写文字，用“上移”移到要放的位置。");
      var inputs = list.querySelectorAll("input");
      if (inputs.length) inputs[inputs.length - 1].focus();
    }));
    actions.appendChild(button("打印", function () { window.print(); }));
    // Readers do not run commands: the button says who typesets the file; its title names the command
    // for the administrator who does (docs/about.md 材料篮).
    var markdown = button("下载 .md（交管理员排成 PDF）", function () { download((b.title || "学习材料选编") + ".md", basketMarkdown(b), "text/markdown"); });
    markdown.title = "管理员用 ./kb print --basket 文件名.md 把它排成公文版式的学习材料 PDF";
    actions.appendChild(markdown);
    actions.appendChild(button("下载 .txt", function () { download((b.title || "学习材料选编") + ".txt", basketText(b), "text/plain"); }));
    actions.appendChild(button("清空", function () {
      if (!window.confirm("清空材料篮中的全部摘录？")) return;
      b.items = [];
      save("材料篮已清空。");
    }));
    title.addEventListener("change", function () { save("标题已保存。"); });
    bar.appendChild(label); bar.appendChild(title); bar.appendChild(actions);
    root.appendChild(bar); root.appendChild(status); root.appendChild(list); root.appendChild(paper);

    function move(i, by) {
      var j = i + by;
      if (j < 0 || j >= b.items.length) return;
      var item = b.items.splice(i, 1)[0];
      b.items.splice(j, 0, item);
      save(by < 0 ? "已上移。" : "已下移。");
      var again = list.children[j] && list.children[j].querySelector("button[data-move='" + by + "']");
      if (again && !again.disabled) again.focus();
    }
    function draw() {
      list.textContent = "";
      var n = passages(b).length;
      root.setAttribute("data-items", String(n));
      if (!b.items.length) {
        list.appendChild(el("li", "kb-basket__empty", "材料篮是空的。在讲话页、专题页、提法页或检索结果中，鼠标移到一段上（手机上点一下这一段），再点“加入材料篮”（或按 B），摘录就会收在这里。"));
      }
      b.items.forEach(function (it, i) {
        var li = el("li", "kb-basket__item kb-basket__item--" + it.type);
        if (it.type === "heading") {
          var input = el("input", "kb-basket__heading");
          input.value = it.text;
          input.setAttribute("aria-label", "小标题");
          input.addEventListener("change", function () { it.text = input.value.trim() || "小标题"; save("小标题已保存。"); });
          li.appendChild(input);
        } else {
          it.text.split("\n").forEach(function (line) { li.appendChild(el("p", "kb-basket__text", line)); });
          var cite = el("p", "kb-basket__cite");
          var a = el("a", null, it.citation);
          a.href = url(it.url);
          cite.appendChild(a);
          li.appendChild(cite);
        }
        var tools = el("span", "kb-basket__tools");
        var up = button("上移", function () { move(i, -1); }), down = button("下移", function () { move(i, 1); });
        up.setAttribute("data-move", "-1"); down.setAttribute("data-move", "1");
        up.disabled = i === 0; down.disabled = i === b.items.length - 1;
        var what = it.type === "heading" ? "小标题“" + it.text + "”" : "第 " + (i + 1) + " 项";
        up.setAttribute("aria-label", "上移" + what); down.setAttribute("aria-label", "下移" + what);
        var remove = button("删除", function () { b.items.splice(i, 1); save("已删除" + what + "。"); });
        remove.setAttribute("aria-label", "删除" + what);
        tools.appendChild(up); tools.appendChild(down); tools.appendChild(remove);
        li.appendChild(tools);
        list.appendChild(li);
      });
      drawPaper();
    }
    // The printed form, as the handouts have it: a cover, the contents, the excerpts in FangSong each
    // followed by its source.
    function drawPaper() {
      paper.textContent = "";
      var name = b.title || "学习材料选编";
      return settings().then(function (conf) {
        var cover = el("section", "kb-paper__cover");
        cover.appendChild(el("h2", "kb-paper__title", name));
        cover.appendChild(el("p", "kb-paper__facts", passages(b).length + " 处摘录"));
        cover.appendChild(el("p", "kb-paper__publisher", conf.publisher || ""));
        var d = new Date();
        cover.appendChild(el("p", "kb-paper__date", d.getFullYear() + "年" + (d.getMonth() + 1) + "月"));
        paper.appendChild(cover);
        var contents = el("section", "kb-paper__contents");
        contents.appendChild(el("h2", "kb-paper__heading", "目录"));
        var toc = el("ol", "kb-paper__toc"), body = el("section", "kb-paper__body"), chapter = 0, number = 0;
        b.items.forEach(function (it) {
          if (it.type === "heading") {
            chapter += 1; number = 0;
            var text = ordinal(chapter) + "、" + it.text;
            toc.appendChild(el("li", null, text));
            body.appendChild(el("h3", "kb-paper__chapter", text));
            return;
          }
          number += 1;
          if (!chapter) toc.appendChild(el("li", null, number + ". " + it.fields.title + (it.fields.paragraph ? " " + it.fields.paragraph : "")));
          var excerpt = el("div", "kb-paper__excerpt");
          it.text.split("\n").forEach(function (line, k) { excerpt.appendChild(el("p", "kb-paper__p", (k === 0 ? number + ". " : "") + line)); });
          excerpt.appendChild(el("p", "kb-paper__source", it.citation));
          body.appendChild(excerpt);
        });
        contents.appendChild(toc);
        paper.appendChild(contents);
        paper.appendChild(body);
        root.setAttribute("data-drawn", String(Date.now()));
      });
    }
    draw();
  }

  window.KBWork = {
    passage: passage, formatCitation: formatCitation, settings: settings, url: url,
    basketRead: basketRead, basketWrite: basketWrite, basketAdd: basketAdd, copyText: copyText, say: say, el: el,
    basketMarkdown: basketMarkdown, basketText: basketText
  };

  function start() {
    showBadge();
    var page = document.getElementById("kb-basket");
    if (page) basketPage(page);
    if (document.getElementById("kb-compare")) {
      var script = document.createElement("script");
      script.src = url("assets/kb-compare.js");
      document.head.appendChild(script);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
