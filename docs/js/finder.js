// The exercise finder (exercises/index): filters the cards by level, equipment, type and body
// position without reloading, and says how many match. Each card carries its values in data-*
// attributes (data-equipment may hold several, space-separated). Without JavaScript the menus
// stay hidden and every card shows. Works from file:// too: nothing is fetched.
(function () {
  "use strict";

  function setUp(form) {
    var list = document.querySelector(".sb-cards");
    var count = document.querySelector("[data-sb-count]");
    if (!list || !count) {
      return;
    }
    var cards = Array.prototype.slice.call(list.querySelectorAll(".sb-card"));
    var menus = Array.prototype.slice.call(form.querySelectorAll("select"));

    function matches(card, menu) {
      var wanted = menu.value;
      if (!wanted) {
        return true;
      }
      var values = (card.getAttribute("data-" + menu.name) || "").split(" ");
      return values.indexOf(wanted) !== -1;
    }

    function update() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = menus.every(function (menu) {
          return matches(card, menu);
        });
        card.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      var filtered = menus.some(function (menu) {
        return menu.value !== "";
      });
      var noun = shown === 1 ? " exercise" : " exercises";
      if (shown === 0) {
        count.textContent = "No exercises match. Choose \u201cAny\u201d in a menu to see more.";
      } else if (filtered) {
        count.textContent = shown + noun + " match, of " + cards.length + ".";
      } else {
        count.textContent = cards.length + noun;
      }
    }

    form.addEventListener("change", update);
    // "Show all" resets the menus; the change event does not fire on reset.
    form.addEventListener("reset", function () {
      window.setTimeout(update, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    update();
  }

  var form = document.querySelector("[data-sb-finder]");
  if (form) {
    setUp(form);
  }
})();
