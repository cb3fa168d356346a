// Print buttons on exercise and handout pages. Bound here, not inline, so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target instanceof Element && target.closest("[data-sb-print]")) {
    window.print();
  }
  // The warning-signs card prints alone (print.css hides the rest of the page meanwhile).
  if (target instanceof Element && target.closest("[data-sb-print-card]")) {
    document.documentElement.classList.add("sb-print-card");
    window.print();
  }
});

// "Sources and evidence" (one <details> at the end of each generated page): collapsed on phones,
// open on wide screens and whenever the page is printed. Its content is always in the HTML, so
// search finds it either way.
(function () {
  var sections = document.querySelectorAll("details.sb-evidence");
  if (!sections.length) return;
  if (window.matchMedia("(min-width: 60em)").matches) {
    sections.forEach(function (section) { section.open = true; });
  }
  window.addEventListener("beforeprint", function () {
    sections.forEach(function (section) { section.open = true; });
  });
})();

window.addEventListener("afterprint", function () {
  document.documentElement.classList.remove("sb-print-card");
});
