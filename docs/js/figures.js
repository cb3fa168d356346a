// Exercise figures: a gentle, optional animation between the positions, with a pause control;
// never offered under reduced motion, never printed (css/figures.css). No inline script (CSP).
(function () {
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  if (reduce.matches) return;
  document.querySelectorAll(".sb-figures[data-sb-animate]").forEach(function (block) {
    var count = block.querySelectorAll(".sb-figure").length;
    if (count < 2 || count > 3) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button sb-play";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Play the movement";
    button.addEventListener("click", function () {
      var on = block.classList.toggle("sb-figures--playing");
      block.classList.toggle("sb-figures--n" + count, on);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = (on ? "Pause" : "Play") + " the movement";
    });
    block.after(button);
  });
  reduce.addEventListener("change", function (event) {
    if (!event.matches) return;
    document.querySelectorAll(".sb-play").forEach(function (button) {
      if (button.getAttribute("aria-pressed") === "true") button.click();
      button.hidden = true;
    });
  });
})();
