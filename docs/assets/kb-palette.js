// The light/dark scheme the reader chose with the header's switch (Material keeps it in localStorage
// under "__palette"), put on <body> while the page is still being read, so it is never drawn in the
// other scheme first. A choice of "follow the system" is resolved against the system's scheme.
(function () {
  var saved = window.__md_get && __md_get("__palette");
  if (!saved || !saved.color) return;
  var color = saved.color;
  if (color.media === "(prefers-color-scheme)") {
    var light = window.matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
    if (input) {
      color = { media: input.getAttribute("data-md-color-media"), scheme: input.getAttribute("data-md-color-scheme"),
                primary: input.getAttribute("data-md-color-primary"), accent: input.getAttribute("data-md-color-accent") };
    }
  }
  Object.keys(color).forEach(function (key) { document.body.setAttribute("data-md-color-" + key, color[key]); });
})();
