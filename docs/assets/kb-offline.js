// Offline: Material's bundle fetches a ResizeObserver polyfill from a CDN when the browser has none.
// This small stand-in (re-measure on window resize) keeps every request on the site. Loaded in the
// page's head, before the bundle (build_kb/publish/theme/main.html).
if (typeof window.ResizeObserver === "undefined") {
  window.ResizeObserver = function (callback) {
    var self = this;
    this.targets = [];
    this.notify = function () {
      if (!self.targets.length) return;
      callback(self.targets.map(function (t) { return { target: t, contentRect: t.getBoundingClientRect() }; }), self);
    };
    window.addEventListener("resize", this.notify);
  };
  window.ResizeObserver.prototype.observe = function (t) { this.targets.push(t); setTimeout(this.notify, 0); };
  window.ResizeObserver.prototype.unobserve = function (t) { this.targets = this.targets.filter(function (x) { return x !== t; }); };
  window.ResizeObserver.prototype.disconnect = function () { this.targets = []; window.removeEventListener("resize", this.notify); };
}
