// Exercise figures: an optional, gentle animation between the positions (start, end), played
// only when the reader asks for it, with a pause control. Never offered when the reader prefers
// reduced motion; never in print (see figures.css). A file, not an inline script, so the
// Content-Security-Policy can forbid inline scripts.
(function () {
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  if (!reduce || reduce.matches) return;
  var blocks = document.querySelectorAll(".sb-figures[data-sb-animate]");
  Array.prototype.forEach.call(blocks, function (block) {
    var count = block.querySelectorAll(".sb-figure").length;
    if (count < 2 || count > 4) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button sb-play";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Play the movement";
    button.addEventListener("click", function () {
      var playing = block.classList.toggle("sb-figures--playing");
      block.classList.toggle("sb-figures--n" + count, playing);
      button.setAttribute("aria-pressed", playing ? "true" : "false");
      button.textContent = playing ? "Pause the movement" : "Play the movement";
    });
    block.parentNode.insertBefore(button, block.nextSibling);
  });
  // A reader who turns reduced motion on while the page is open: stop at once.
  if (reduce.addEventListener) {
    reduce.addEventListener("change", function (event) {
      if (!event.matches) return;
      Array.prototype.forEach.call(document.querySelectorAll(".sb-play"), function (button) {
        if (button.getAttribute("aria-pressed") === "true") button.click();
        button.hidden = true;
      });
    });
  }
})();
