// Printed study material must contain the whole text: unfold every folded excerpt before printing.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.kb-fold").forEach(function (d) { d.open = true; });
});
