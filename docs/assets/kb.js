// A theme page's long excerpts are folded, and their text is not in the page: it is filled in from
// the search's copy of each speech (search/t/<id>.js, loaded by kb-search.js) when one is unfolded,
// and, in the background, for all of them, so that a printed page holds the whole text. Ctrl+P
// before that has finished waits for it. The text goes in as text nodes, never as markup.
(function () {
  var folds = document.querySelectorAll("details.kb-fold[data-speech]");
  var root = document.documentElement;
  if (!folds.length) return;
  root.setAttribute("data-kb-folds", "loading");

  function fill(fold) {
    if (fold.kbFilled) return fold.kbFilled;
    var speech = fold.getAttribute("data-speech"), section = fold.getAttribute("data-section");
    fold.kbFilled = window.KBSearch.textOf(speech).then(function (records) {
      var parts = document.createDocumentFragment();
      records.forEach(function (r) {  // [anchor, text, theme mask, is heading, section]
        var inside = r[4] === section || r[4].indexOf(section + "-") === 0;
        if (!inside || (r[3] === 1 && r[0] === section)) return;
        var p = document.createElement("p");
        p.className = r[3] === 1 ? "kb-subhead" : "kb-p";
        p.textContent = r[1];
        parts.appendChild(p);
      });
      var wait = fold.querySelector(".kb-fold-wait");
      if (wait) wait.replaceWith(parts);
    });
    fold.kbFilled.catch(function () {
      var wait = fold.querySelector(".kb-fold-wait");
      if (wait) wait.textContent = "全文没有载入（检索数据缺失）：请点下面的出处阅读原讲话。";
    });
    return fold.kbFilled;
  }

  document.addEventListener("toggle", function (event) {
    var fold = event.target;
    if (fold.open && fold.matches && fold.matches("details.kb-fold[data-speech]")) fill(fold);
  }, true);

  var all = null;
  function fillAll() {
    if (!all) all = Promise.all(Array.prototype.map.call(folds, function (f) { return fill(f).catch(function () {}); }))
      .then(function () { root.setAttribute("data-kb-folds", "loaded"); });
    return all;
  }
  window.addEventListener("load", function () { (window.requestIdleCallback || window.setTimeout)(fillAll); });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && (event.key === "p" || event.key === "P") && root.getAttribute("data-kb-folds") !== "loaded") {
      event.preventDefault();
      fillAll().then(function () { window.print(); });
    }
  });
})();

// 打印公文版式 on a speech page: the print dialog, the page laid out in official form (kb.css).
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("button.kb-print-now")) window.print();
});

// Printed study material must contain the whole text: unfold every folded excerpt before printing.
// A leader's name is never split across two lines in print (习|近平), as in the PDF handouts
// (render/handout.py's unbroken_names): the names the page itself gives before 总书记 or 同志为核心.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.kb-fold").forEach(function (d) { d.open = true; });
  var article = document.querySelector("article.md-content__inner");
  if (!article || article.hasAttribute("data-kb-names")) return;
  article.setAttribute("data-kb-names", "");
  var names = {};
  (article.textContent.match(/[\u4e00-\u9fff]{3}(?=总书记|同志为核心)/g) || []).forEach(function (n) { names[n] = true; });
  var list = Object.keys(names);
  if (!list.length) return;
  var pattern = new RegExp(list.join("|"), "g"), walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT), texts = [];
  while (walker.nextNode()) if (pattern.test(walker.currentNode.data)) texts.push(walker.currentNode);
  texts.forEach(function (node) {
    var parts = node.data.split(new RegExp("(" + list.join("|") + ")")), fragment = document.createDocumentFragment();
    parts.forEach(function (part, i) {
      if (i % 2) { var span = document.createElement("span"); span.className = "kb-name"; span.textContent = part; fragment.appendChild(span); }
      else if (part) fragment.appendChild(document.createTextNode(part));
    });
    node.parentNode.replaceChild(fragment, node);
  });
});

// Tooltips of paragraph numbers and 提法 links, made when the pointer first reaches one: written
// into every page they were 2 % of the site. A 提法 link whose text is another form of the 提法
// (an alias) has its tooltip in the page already.
document.addEventListener("mouseover", function (event) {
  var link = event.target.closest && event.target.closest("a.kb-pn, a.headerlink, .kb-p > a[href*='terms/']");
  if (!link || link.hasAttribute("title")) return;
  link.title = link.classList.contains("kb-pn") ? "第" + link.textContent + "段（点击复制链接）"
    : link.classList.contains("headerlink") ? "本节链接" : "提法：" + link.textContent;
});

// A copy opened from a folder (file://): the site's links name folders (speeches/x/), which a web
// server answers with their index.html and a browser answers with a file listing. Every link to a
// folder is pointed at its index.html as soon as the page is read, and so is every link added
// later (search results, the 材料篮): a click, a middle-click, 在新标签页中打开 and a copied link
// all open the page. Over http the links stay as they are (a server's addresses are nicer).
if (window.location.protocol === "file:") {
  (function () {
    function fix(link) {
      var href = link.getAttribute("href");
      if (!href || /^[a-z]+:/i.test(href) && !/^file:/i.test(href)) return;
      var target = new URL(href, window.location.href);
      if (target.protocol === "file:" && /\/$/.test(target.pathname)) {
        target.pathname += "index.html";
        link.href = target.href;
      }
    }
    function fixAll(root) {
      if (root.matches && root.matches("a[href]")) fix(root);
      if (root.querySelectorAll) Array.prototype.forEach.call(root.querySelectorAll("a[href]"), fix);
    }
    fixAll(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "attributes") fix(change.target);
        else Array.prototype.forEach.call(change.addedNodes, fixAll);
      });
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["href"] });
    // A click still goes through here, in case a script set a link's href after the observer ran.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link) fix(link);
    }, true);
  })();
}
