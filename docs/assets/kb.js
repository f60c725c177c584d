// Printed study material must contain the whole text: unfold every folded excerpt before printing.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.kb-fold").forEach(function (d) { d.open = true; });
});

// Tooltips of paragraph numbers and 提法 links, made when the pointer first reaches one: written
// into every page they were 2 % of the site. A 提法 link whose text is another form of the 提法
// (an alias) has its tooltip in the page already.
document.addEventListener("mouseover", function (event) {
  var link = event.target.closest && event.target.closest("a.kb-pn, a.kb-term");
  if (!link || link.hasAttribute("title")) return;
  link.title = link.classList.contains("kb-pn") ? "第" + link.textContent + "段（点击复制链接）" : "提法：" + link.textContent;
});
