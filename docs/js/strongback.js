// Print buttons on exercise and handout pages. Bound here, not inline, so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target instanceof Element && target.closest("[data-sb-print]")) {
    window.print();
  }
});
