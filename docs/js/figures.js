// Optional animation of exercise figures (see css/figures.css); none under reduced motion.
(function () {
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
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
})();
