// "Make a routine" (routines/make/): a clinician chooses exercises, sets each dose and a note,
// and prints a handout or sends the page's address. The routine lives only in the address's
// fragment (#r1.…), which browsers never send; nothing is stored or sent anywhere.
// Text from the address is only ever written with textContent, never as HTML. The page never
// suggests an exercise and never changes a dose by itself: a value it cannot read is left empty
// and named. Data: window.SB_ROUTINE_DATA (js/routine-data.js, made from the content at build
// time); figures: the page's own hidden copies, cloned. README: "Make a routine".
(function () {
  "use strict";

  var data = window.SB_ROUTINE_DATA;
  var app = document.querySelector("[data-sb-rb-app]");
  if (!data || !app) {
    return;
  }
  var VERSION = data.version;
  var FIELDS = ["sets", "reps", "hold", "distance", "rest"];
  var TOKENS = { s: "sets", r: "reps", h: "hold", m: "distance", b: "rest" };
  var LETTER = { sets: "s", reps: "r", hold: "h", distance: "m", rest: "b" };
  var UNITS = { hold: "seconds", distance: "metres", rest: "seconds" };
  var PAPERS = { a4: [210, 297], letter: [215.9, 279.4] };
  var DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  var SVG = "http://www.w3.org/2000/svg";

  var state = emptyState();
  var written = null; // the fragment this script wrote last

  function emptyState() {
    return { title: "", days: null, weeks: null, clinician: "", paper: "a4", items: [] };
  }

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function range(name, id) {
    var r = data.ranges[name];
    var top = id && data.exercises[id].top[name];
    return { low: r.low, high: top || r.high, label: r.label, unit: r.unit };
  }

  function exerciseName(id) {
    return data.exercises[id].name;
  }

  // --- the address -----------------------------------------------------------------------------

  function enc(text) {
    return encodeURIComponent(text).replace(/%20/g, "+");
  }

  function dec(text) {
    return decodeURIComponent(text.replace(/\+/g, " "));
  }

  function encode() {
    var parts = [];
    if (state.title) {
      parts.push("t=" + enc(state.title));
    }
    if (state.days !== null) {
      parts.push("d=" + state.days);
    }
    if (state.weeks !== null) {
      parts.push("w=" + state.weeks);
    }
    if (state.clinician) {
      parts.push("c=" + enc(state.clinician));
    }
    if (state.paper === "letter") {
      parts.push("p=l");
    }
    state.items.forEach(function (item) {
      var dose = "";
      FIELDS.forEach(function (name) {
        if (item[name] !== null && item[name] !== undefined) {
          dose += LETTER[name] + item[name];
        }
      });
      if (item.side) {
        dose += "x";
      }
      parts.push(item.id + "." + dose + (item.note ? ":" + enc(item.note) : ""));
    });
    return "r" + VERSION + "." + parts.join(";");
  }

  function clean(text, limit, what, problems) {
    // Control characters out, spaces collapsed; longer than the limit is cut and named.
    var plain = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
    if (plain.length > limit) {
      problems.push(what + " was longer than " + limit + " characters and was cut.");
      plain = plain.slice(0, limit);
    }
    return plain;
  }

  function readText(raw, limit, what, problems) {
    try {
      return clean(dec(raw), limit, what, problems);
    } catch (error) {
      problems.push(what + " could not be read and was left out.");
      return "";
    }
  }

  function readNumber(raw, name, id, who, problems) {
    var r = range(name, id);
    var words = who ? who + ", " + r.label.toLowerCase() : r.label;
    if (!/^\d{1,4}$/.test(raw)) {
      problems.push(words + ": " + snippet(raw) + " is not a number, so its box is left empty.");
      return null;
    }
    var value = parseInt(raw, 10);
    if (value < r.low || value > r.high) {
      problems.push(
        words + ": " + value + " is outside " + r.low + "–" + r.high + ", so its box is left empty."
      );
      return null;
    }
    return value;
  }

  function snippet(text) {
    return "“" + (text.length > 40 ? text.slice(0, 40) + "…" : text) + "”";
  }

  function readExercise(segment, next, problems) {
    var match = /^([a-z0-9-]{1,60})(?:\.([a-z0-9]*))?(?::(.*))?$/.exec(segment);
    if (!match) {
      problems.push("A part of the address could not be read and was left out: " + snippet(segment) + ".");
      return;
    }
    var id = match[1];
    var exercise = data.exercises[id];
    if (!exercise) {
      problems.push("The exercise " + snippet(id) + " is not on this site and was left out.");
      return;
    }
    if (next.some(function (item) { return item.id === id; })) {
      problems.push(exercise.name + " was listed twice; the second was left out.");
      return;
    }
    if (next.length >= data.most) {
      problems.push(exercise.name + " was left out: a routine holds at most " + data.most + " exercises.");
      return;
    }
    var item = { id: id, side: false, note: "" };
    if (match[2] === undefined) {
      // A link from an exercise page: the exercise with its own dose.
      item.side = exercise.dose.side;
      FIELDS.forEach(function (name) {
        item[name] = name in exercise.dose ? exercise.dose[name] : undefined;
      });
    } else {
      FIELDS.forEach(function (name) {
        item[name] = name in exercise.dose ? null : undefined;
      });
      var tokens = match[2];
      var pattern = /([a-z])(\d*)/g;
      var token;
      while ((token = pattern.exec(tokens)) !== null) {
        var letter = token[1];
        if (letter === "x" && token[2] === "") {
          item.side = true;
        } else if (TOKENS[letter] && item[TOKENS[letter]] !== undefined) {
          item[TOKENS[letter]] = readNumber(token[2], TOKENS[letter], id, exercise.name, problems);
        } else {
          problems.push(exercise.name + ": the setting " + snippet(token[0]) + " means nothing for this exercise and was left out.");
        }
      }
    }
    if (match[3] !== undefined) {
      item.note = readText(match[3], data.text.note, exercise.name + "’s note", problems);
    }
    next.push(item);
  }

  function parse(hash) {
    var problems = [];
    var next = emptyState();
    var raw = hash.replace(/^#/, "");
    if (raw === "") {
      return { state: next, problems: problems };
    }
    var head = /^r(\d{1,6})(?:\.(.*))?$/.exec(raw);
    if (!head) {
      problems.push("The address has something after “#” that is not a routine from this page, so the page starts empty.");
      return { state: next, problems: problems };
    }
    var version = parseInt(head[1], 10);
    if (version > VERSION) {
      problems.push("This routine was made by a newer version of this page (version " + version + "). The page kept what it could read: check every exercise and dose.");
    } else if (version < 1) {
      problems.push("This routine’s version (" + version + ") is unknown. The page kept what it could read: check every exercise and dose.");
    }
    (head[2] || "").split(";").forEach(function (segment) {
      if (segment === "") {
        return;
      }
      var setting = /^([a-z])=(.*)$/.exec(segment);
      if (!setting) {
        readExercise(segment, next.items, problems);
        return;
      }
      var key = setting[1];
      var value = setting[2];
      if (key === "t") {
        next.title = readText(value, data.text.title, "The title", problems);
      } else if (key === "c") {
        next.clinician = readText(value, data.text.clinician, "The clinic line", problems);
      } else if (key === "d" || key === "w") {
        next[key === "d" ? "days" : "weeks"] = readNumber(value, key === "d" ? "days" : "weeks", null, "", problems);
      } else if (key === "p" && (value === "l" || value === "a")) {
        next.paper = value === "l" ? "letter" : "a4";
      } else {
        problems.push("The setting " + snippet(segment) + " is unknown and was left out.");
      }
    });
    return { state: next, problems: problems };
  }

  function writeAddress() {
    var fragment = encode();
    written = fragment;
    var url = location.href.split("#")[0] + "#" + fragment;
    try {
      history.replaceState(null, "", url);
    } catch (error) {
      location.replace(url);
    }
    $("[data-sb-rb-address]").value = location.href;
  }

  // --- the page ----------------------------------------------------------------------------------

  var status = $("[data-sb-rb-status]");
  var chosen = $("[data-sb-rb-chosen]");

  function announce(message) {
    // A fresh text node each time, so a repeated message is announced again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function showProblems(problems) {
    var notice = $("[data-sb-rb-notice]");
    var list = $("[data-sb-rb-notice-list]");
    list.textContent = "";
    if (problems.length === 0) {
      notice.hidden = true;
      return;
    }
    $("[data-sb-rb-notice-title]").textContent =
      "Some of this routine’s address could not be used. The rest was kept:";
    problems.forEach(function (problem) {
      list.appendChild(el("li", "", problem));
    });
    notice.hidden = false;
  }

  function figures(id) {
    var holder = document.querySelector('[data-sb-rb-figures="' + id + '"] .sb-figures');
    if (!holder) {
      return null;
    }
    var copy = holder.cloneNode(true);
    copy.removeAttribute("data-sb-animate");
    return copy;
  }

  function exerciseLink(id) {
    var link = document.querySelector('[data-sb-rb-exercise="' + id + '"] .sb-card__title a');
    return link ? link.getAttribute("href") : null;
  }

  function button(text, name, action, index) {
    var node = el("button", "md-button sb-rb-button", text);
    node.type = "button";
    node.appendChild(el("span", "sb-rb-vh", " " + name));
    node.setAttribute("data-sb-rb-action", action);
    node.setAttribute("data-sb-rb-index", String(index));
    return node;
  }

  function field(item, index, name) {
    var r = range(name, item.id);
    var id = "sb-rb-" + index + "-" + name;
    var box = el("div", "sb-rb-field");
    var label = el("label", "", r.label + (r.unit ? ", " + r.unit : "") + " (" + r.low + "–" + r.high + ")");
    label.htmlFor = id;
    var input = el("input");
    input.id = id;
    input.type = "text";
    input.inputMode = "numeric";
    input.autocomplete = "off";
    input.size = 4;
    input.value = item[name] === null ? "" : String(item[name]);
    input.setAttribute("data-sb-rb-dose", name);
    input.setAttribute("data-sb-rb-index", String(index));
    input.setAttribute("aria-describedby", id + "-error");
    var error = el("p", "sb-rb-error");
    error.id = id + "-error";
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(error);
    return box;
  }

  function howTo(id, printed) {
    var exercise = data.exercises[id];
    var block = el("div", "sb-rb-how");
    // On paper the start figure stands in for the starting position's sentence (it is the
    // figure's text alternative), as in the routine PDFs.
    if (!printed || !exercise.figures) {
      var start = el("p", "sb-rb-start");
      start.appendChild(el("strong", "", "Start: "));
      start.appendChild(document.createTextNode(exercise.start));
      block.appendChild(start);
    }
    var steps = el("ol", "sb-rb-steps-list");
    exercise.steps.forEach(function (step) {
      steps.appendChild(el("li", "", step));
    });
    block.appendChild(steps);
    return block;
  }

  function renderChosen() {
    chosen.textContent = "";
    $("[data-sb-rb-empty]").hidden = state.items.length > 0;
    var count = state.items.length;
    state.items.forEach(function (item, index) {
      var exercise = data.exercises[item.id];
      var li = el("li", "sb-rb-item");
      var heading = el("h3", "sb-rb-item__name", index + 1 + ". " + exercise.name);
      heading.id = "sb-rb-item-" + index;
      heading.tabIndex = -1;
      li.appendChild(heading);
      var buttons = el("div", "sb-rb-item__buttons");
      var up = button("Move up", exercise.name, "up", index);
      var down = button("Move down", exercise.name, "down", index);
      if (index === 0) {
        up.setAttribute("aria-disabled", "true");
      }
      if (index === count - 1) {
        down.setAttribute("aria-disabled", "true");
      }
      buttons.appendChild(up);
      buttons.appendChild(down);
      buttons.appendChild(button("Remove", exercise.name, "remove", index));
      li.appendChild(buttons);
      var body = el("div", "sb-rb-item__body");
      var look = el("div", "sb-rb-item__look");
      var pictures = figures(item.id);
      if (pictures) {
        look.appendChild(pictures);
      }
      look.appendChild(howTo(item.id));
      var href = exerciseLink(item.id);
      if (href) {
        var more = el("p", "sb-rb-more");
        var link = el("a", "", "More about the " + exercise.name.toLowerCase());
        link.href = href;
        more.appendChild(link);
        look.appendChild(more);
      }
      body.appendChild(look);
      var dose = el("fieldset", "sb-rb-dose");
      dose.appendChild(el("legend", "", "Dose for " + exercise.name));
      var grid = el("div", "sb-rb-dose__fields");
      FIELDS.forEach(function (name) {
        if (item[name] !== undefined) {
          grid.appendChild(field(item, index, name));
        }
      });
      dose.appendChild(grid);
      var side = el("label", "sb-rb-side");
      var check = el("input");
      check.type = "checkbox";
      check.checked = item.side;
      check.setAttribute("data-sb-rb-side", "");
      check.setAttribute("data-sb-rb-index", String(index));
      side.appendChild(check);
      side.appendChild(document.createTextNode(" Each side (left and right)"));
      dose.appendChild(side);
      if (exercise.breaths || exercise.fixed) {
        dose.appendChild(el("p", "sb-rb-fixed", "From the exercise: " + [exercise.breaths, exercise.fixed].join(" ").trim()));
      }
      var noteId = "sb-rb-" + index + "-note";
      var noteLabel = el("label", "", "Note (plain text, up to " + data.text.note + " characters)");
      noteLabel.htmlFor = noteId;
      var note = el("textarea", "sb-rb-note");
      note.id = noteId;
      note.rows = 2;
      note.maxLength = data.text.note;
      note.value = item.note;
      note.setAttribute("data-sb-rb-note", "");
      note.setAttribute("data-sb-rb-index", String(index));
      note.setAttribute("aria-describedby", noteId + "-hint");
      var hint = el("p", "sb-rb-hint", "Do not write anything that identifies your patient.");
      hint.id = noteId + "-hint";
      dose.appendChild(noteLabel);
      dose.appendChild(note);
      dose.appendChild(hint);
      body.appendChild(dose);
      li.appendChild(body);
      chosen.appendChild(li);
    });
    document.querySelectorAll("[data-sb-rb-add]").forEach(function (add) {
      var id = add.getAttribute("data-sb-rb-add");
      var inRoutine = state.items.some(function (item) { return item.id === id; });
      add.firstChild.textContent = inRoutine ? "Added" : "Add";
      add.classList.toggle("sb-rb-add--done", inRoutine);
      add.setAttribute("aria-disabled", inRoutine ? "true" : "false");
    });
  }

  function renderRoutineFields() {
    $('[data-sb-rb-routine="title"]').value = state.title;
    $('[data-sb-rb-routine="clinician"]').value = state.clinician;
    ["days", "weeks"].forEach(function (name) {
      $('[data-sb-rb-routine="' + name + '"]').value = state[name] === null ? "" : String(state[name]);
    });
    document.querySelectorAll("[data-sb-rb-paper]").forEach(function (radio) {
      radio.checked = radio.value === state.paper;
    });
  }

  // --- the printed sheet ---------------------------------------------------------------------

  function seconds(value) {
    if (value >= 60 && value % 60 === 0) {
      return plural(value / 60, "minute");
    }
    return value + " seconds";
  }

  var BLANK = "____";

  function amount(item, exercise) {
    // The same words, in the same order, as strongback/dose.py's dose_summary and dose_details
    // (the test compares them), with a line to fill in for an empty box.
    var side = item.side ? " each side" : "";
    var number = function (value) {
      return value === null ? BLANK : value;
    };
    var what = "";
    if (item.reps !== undefined) {
      what = number(item.reps) + side;
    } else if (item.hold !== undefined) {
      what = (item.hold === null ? BLANK + " seconds" : seconds(item.hold)) + " hold" + side;
    } else if (item.distance !== undefined) {
      what = number(item.distance) + " metres" + side;
    }
    var sets = item.sets;
    var text = sets === null ? BLANK + " sets of " + what : plural(sets, "set") + " of " + what;
    if (item.reps !== undefined && item.hold !== undefined) {
      text += ", hold " + (item.hold === null ? BLANK + " seconds" : seconds(item.hold));
    }
    text += ".";
    if (exercise.breaths) {
      text += " " + exercise.breaths;
    }
    if (item.rest !== undefined && item.rest !== null && item.rest > 0 && (sets === null || sets > 1)) {
      text += " Rest " + seconds(item.rest) + " between sets.";
    }
    return exercise.fixed ? text + " " + exercise.fixed : text;
  }

  function often() {
    var days = state.days;
    var text = days === null ? BLANK + " days a week" : days === 7 ? "Every day" : plural(days, "day") + " a week";
    if (state.weeks !== null) {
      text += " for " + plural(state.weeks, "week");
    } else {
      text += " for " + BLANK + " weeks";
    }
    return text + ".";
  }

  function shared(kind) {
    // A caution or "Stop if" item that two or more chosen exercises share prints once, with the
    // numbers of its exercises, as the routine PDFs do: item -> [numbers].
    var seen = {};
    state.items.forEach(function (item, index) {
      data.exercises[item.id][kind].forEach(function (text) {
        (seen[text] = seen[text] || []).push(index + 1);
      });
    });
    var out = {};
    Object.keys(seen).forEach(function (text) {
      if (seen[text].length > 1) {
        out[text] = seen[text];
      }
    });
    return out;
  }

  function numbers(list) {
    return list.length === 2
      ? list[0] + " and " + list[1]
      : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }

  function renderShared(common) {
    var box = $("[data-sb-rb-print-shared]");
    box.textContent = "";
    var any = false;
    [["cautions", "Take care:"], ["stop", data.stopLeadIn]].forEach(function (pair) {
      var items = Object.keys(common[pair[0]]);
      if (!items.length) {
        return;
      }
      any = true;
      box.appendChild(el("p", "sb-rb-shared__lead", pair[1]));
      var list = el("ul");
      items.forEach(function (text) {
        var li = el("li", "", text + " ");
        li.appendChild(el("span", "sb-rb-applies", "(exercises " + numbers(common[pair[0]][text]) + ")"));
        list.appendChild(li);
      });
      box.appendChild(list);
    });
    box.hidden = !any;
  }

  function printCard(item, index, common) {
    var exercise = data.exercises[item.id];
    var card = el("section", "sb-rb-card");
    // One flow in balanced columns, so no column is left half empty: the name and figures, the
    // dose and note, how to do it, then the exercise's own cautions and "Stop if" (those it
    // shares with another exercise are printed once, above the cards).
    var columns = el("div", "sb-rb-card__text");
    card.appendChild(columns);
    columns.appendChild(el("p", "sb-rb-card__name", index + 1 + ". " + exercise.name));
    var pictures = figures(item.id);
    if (pictures) {
      // Wide figures (lying, kneeling: the engine marks them sb-figures--wide) print one above
      // the other, as in the routine PDFs.
      columns.appendChild(pictures);
    }
    var dose = el("p", "sb-rb-card__amount");
    dose.appendChild(el("strong", "", "Dose: "));
    dose.appendChild(document.createTextNode(amount(item, exercise)));
    columns.appendChild(dose);
    if (item.note) {
      columns.appendChild(el("p", "sb-rb-card__note", item.note));
    }
    columns.appendChild(howTo(item.id, true));
    [["cautions", "Take care: ", "sb-rb-card__care"], ["stop", data.stopLeadIn + " ", "sb-rb-card__stop"]].forEach(function (kind) {
      var own = exercise[kind[0]].filter(function (text) {
        return !(text in common[kind[0]]);
      });
      if (own.length) {
        var line = el("p", kind[2]);
        line.appendChild(el("strong", "", kind[1]));
        line.appendChild(document.createTextNode(own.join(" ")));
        columns.appendChild(line);
      }
    });
    return card;
  }

  function renderLog() {
    var log = $("[data-sb-rb-log]");
    log.textContent = "";
    log.appendChild(el("p", "sb-rb-back__title", "Your log: tick each day you exercise"));
    var weeks = state.weeks === null ? 4 : state.weeks;
    // Past 8 weeks the log goes full width, in two tables side by side.
    var halves = weeks > 8 ? [Math.ceil(weeks / 2), weeks] : [weeks];
    log.classList.toggle("sb-rb-log--long", weeks > 8);
    var tables = el("div", "sb-rb-log__tables");
    var first = 1;
    halves.forEach(function (last) {
      tables.appendChild(logTable(first, last));
      first = last + 1;
    });
    log.appendChild(tables);
  }

  function logTable(first, last) {
    var table = el("table", "sb-rb-log__table");
    var head = el("tr");
    head.appendChild(el("th", "", "Week"));
    DAYS.forEach(function (day) {
      head.appendChild(el("th", "", day));
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el("tbody");
    for (var week = first; week <= last; week += 1) {
      var row = el("tr");
      row.appendChild(el("td", "", state.weeks === null ? "" : String(week)));
      DAYS.forEach(function () {
        row.appendChild(el("td"));
      });
      tbody.appendChild(row);
    }
    table.appendChild(tbody);
    return table;
  }

  function publicAddress() {
    // From the offline copy (file://) the code opens the published site, which a phone can reach.
    if (location.protocol === "file:" && data.address) {
      return data.address.replace(/\/?$/, "/") + "routines/make/#" + encode();
    }
    return location.href.split("#")[0] + "#" + encode();
  }

  function renderQr(address) {
    var holder = $("[data-sb-rb-qr]");
    holder.textContent = "";
    if (typeof window.qrcode !== "function") {
      return;
    }
    var code = window.qrcode(0, address.length > 300 ? "L" : "M");
    code.addData(address, "Byte");
    code.make();
    var size = code.getModuleCount();
    var quiet = 4;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", [-quiet, -quiet, size + 2 * quiet, size + 2 * quiet].join(" "));
    svg.setAttribute("class", "sb-rb-qr__code");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR code that opens this routine");
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("x", String(-quiet));
    back.setAttribute("y", String(-quiet));
    back.setAttribute("width", String(size + 2 * quiet));
    back.setAttribute("height", String(size + 2 * quiet));
    back.setAttribute("fill", "#fff");
    svg.appendChild(back);
    var path = "";
    for (var row = 0; row < size; row += 1) {
      for (var col = 0; col < size; col += 1) {
        if (code.isDark(row, col)) {
          path += "M" + col + " " + row + "h1v1h-1z";
        }
      }
    }
    var dark = document.createElementNS(SVG, "path");
    dark.setAttribute("d", path);
    dark.setAttribute("fill", "#000");
    dark.setAttribute("shape-rendering", "crispEdges");
    svg.appendChild(dark);
    holder.appendChild(svg);
  }

  function renderSheet() {
    var sheet = $("[data-sb-rb-sheet]");
    sheet.classList.toggle("sb-rb-sheet--letter", state.paper === "letter");
    document.documentElement.classList.toggle("sb-rb-letter", state.paper === "letter");
    $("[data-sb-rb-print-title]").textContent = state.title || "Your exercise routine";
    var oftenLine = $("[data-sb-rb-print-often]");
    oftenLine.textContent = "";
    oftenLine.appendChild(el("strong", "", "How often: "));
    oftenLine.appendChild(document.createTextNode(often()));
    $("[data-sb-rb-print-clinician]").textContent = state.clinician ? "From: " + state.clinician : "";
    var cards = $("[data-sb-rb-print-cards]");
    cards.textContent = "";
    var common = { cautions: shared("cautions"), stop: shared("stop") };
    renderShared(common);
    state.items.forEach(function (item, index) {
      cards.appendChild(printCard(item, index, common));
    });
    renderLog();
    var address = publicAddress();
    renderQr(address);
    $("[data-sb-rb-print-address]").textContent =
      address.length > 120 ? "The QR code opens this routine online." : "Online version: " + address;
  }

  function estimatePages() {
    // Lay the sheet out at the paper's width and fill pages the way print does: a card, the
    // back matter and the warning-signs box never split, so each goes whole to the next page
    // when it does not fit.
    var sheet = $("[data-sb-rb-sheet]");
    var paper = PAPERS[state.paper];
    var mm = 96 / 25.4;
    var MARGIN = 10; // mm, as routine-builder.css's @page rules
    sheet.classList.add("sb-rb-sheet--measure"); // the paper's width: routine-builder.css
    var room = (paper[1] - 2 * MARGIN) * mm;
    var blocks = [sheet.querySelector(".sb-rb-sheet__head"), sheet.querySelector(".sb-rb-shared")]
      .concat(Array.prototype.slice.call(sheet.querySelectorAll(".sb-rb-card")))
      .concat([sheet.querySelector(".sb-rb-back"), sheet.querySelector(".sb-red-flags")]);
    var pages = 1;
    var used = 0;
    blocks.forEach(function (block) {
      var style = window.getComputedStyle(block);
      var height = block.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      if (used > 0 && used + height > room) {
        pages += 1;
        used = 0;
      }
      // Only a long log is taller than a page: it runs on, a row never split.
      while (used + height > room) {
        pages += 1;
        height -= room - used;
        used = 0;
      }
      used += height;
    });
    sheet.classList.remove("sb-rb-sheet--measure");
    return pages;
  }

  function renderEstimate() {
    var pages = state.items.length ? estimatePages() : 0;
    var paperName = state.paper === "letter" ? "US Letter" : "A4";
    var line = $("[data-sb-rb-pages]");
    line.textContent = pages
      ? "The handout will print on " + plural(pages, "page") + " of " + paperName + " paper."
      : "Add an exercise to see how many pages the handout prints on.";
    line.setAttribute("data-pages", String(pages));
    var warning = $("[data-sb-rb-warning]");
    var words = [];
    if (state.items.length > data.long) {
      words.push("This routine has " + state.items.length + " exercises. A long routine can be harder to keep up: check that each one is needed.");
    }
    if (pages > 2) {
      words.push("It prints on " + pages + " pages.");
    }
    warning.textContent = words.join(" ");
    warning.hidden = words.length === 0;
  }

  function refresh() {
    writeAddress();
    renderSheet();
    renderEstimate();
  }

  // --- what the clinician does ---------------------------------------------------------------

  function add(id) {
    var name = exerciseName(id);
    if (state.items.some(function (item) { return item.id === id; })) {
      announce(name + " is already in the routine.");
      return;
    }
    if (state.items.length >= data.most) {
      announce("A routine holds at most " + data.most + " exercises. Remove one first.");
      return;
    }
    var exercise = data.exercises[id];
    var item = { id: id, side: exercise.dose.side, note: "" };
    FIELDS.forEach(function (name) {
      item[name] = name in exercise.dose ? exercise.dose[name] : undefined;
    });
    state.items.push(item);
    renderChosen();
    refresh();
    announce(name + " added, with its own dose. " + plural(state.items.length, "exercise") + " in the routine.");
  }

  function focusButton(action, index) {
    var target = chosen.querySelector('[data-sb-rb-action="' + action + '"][data-sb-rb-index="' + index + '"]');
    if (target) {
      target.focus();
    }
  }

  function act(action, index) {
    var item = state.items[index];
    if (!item) {
      return;
    }
    var name = exerciseName(item.id);
    var count = state.items.length;
    if (action === "remove") {
      state.items.splice(index, 1);
      renderChosen();
      refresh();
      var next = chosen.querySelector("#sb-rb-item-" + Math.min(index, state.items.length - 1));
      var empty = $("[data-sb-rb-empty]");
      empty.tabIndex = -1;
      (next || empty).focus();
      announce(name + " removed. " + plural(state.items.length, "exercise") + " in the routine.");
      return;
    }
    var to = action === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= count) {
      announce(name + " is already " + (to < 0 ? "first." : "last."));
      return;
    }
    state.items.splice(index, 1);
    state.items.splice(to, 0, item);
    renderChosen();
    refresh();
    focusButton(action, to);
    announce(name + " moved to place " + (to + 1) + " of " + count + ".");
  }

  function check(input, name, id) {
    // An empty box is allowed (it prints as a line to fill in); anything else must be a whole
    // number in range. The box keeps what was typed; the routine keeps only a valid value.
    var r = range(name, id);
    var raw = input.value.trim();
    var error = document.getElementById(input.getAttribute("aria-describedby"));
    var value = null;
    var message = "";
    if (raw !== "") {
      if (!/^\d{1,4}$/.test(raw)) {
        message = "Enter a whole number from " + r.low + " to " + r.high + ".";
      } else {
        value = parseInt(raw, 10);
        if (value < r.low || value > r.high) {
          message = r.label + " must be from " + r.low + " to " + r.high + (r.unit ? " " + r.unit : "") + ".";
          value = null;
        }
      }
    }
    error.textContent = message;
    if (message) {
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
    return value;
  }

  function onInput(event) {
    var target = event.target;
    var index = parseInt(target.getAttribute("data-sb-rb-index"), 10);
    var item = state.items[index];
    var routine = target.getAttribute("data-sb-rb-routine");
    if (routine === "title" || routine === "clinician") {
      state[routine] = clean(target.value, data.text[routine], "", []);
    } else if (routine === "days" || routine === "weeks") {
      state[routine] = check(target, routine, null);
    } else if (item && target.hasAttribute("data-sb-rb-dose")) {
      var name = target.getAttribute("data-sb-rb-dose");
      item[name] = check(target, name, item.id);
    } else if (item && target.hasAttribute("data-sb-rb-note")) {
      item.note = clean(target.value, data.text.note, "", []);
    } else if (item && target.hasAttribute("data-sb-rb-side")) {
      item.side = target.checked;
    } else if (target.hasAttribute("data-sb-rb-paper")) {
      state.paper = target.value === "letter" ? "letter" : "a4";
    } else {
      return;
    }
    refresh();
  }

  function load(hash, initial) {
    var result = parse(hash);
    state = result.state;
    showProblems(result.problems);
    renderRoutineFields();
    renderChosen();
    refresh();
    if (!initial) {
      announce("Routine loaded from the address: " + plural(state.items.length, "exercise") + ".");
    }
  }

  app.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) {
      return;
    }
    if (target.hasAttribute("data-sb-rb-add")) {
      add(target.getAttribute("data-sb-rb-add"));
    } else if (target.hasAttribute("data-sb-rb-action")) {
      act(target.getAttribute("data-sb-rb-action"), parseInt(target.getAttribute("data-sb-rb-index"), 10));
    } else if (target.hasAttribute("data-sb-rb-print")) {
      refresh();
      window.print();
    } else if (target.hasAttribute("data-sb-rb-copy")) {
      var address = $("[data-sb-rb-address]");
      address.focus();
      address.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      announce(copied ? "Address copied." : "The address is selected: copy it with your keyboard or menu.");
    }
  });
  app.addEventListener("input", onInput);
  app.addEventListener("change", function (event) {
    if (event.target.type === "checkbox" || event.target.type === "radio") {
      onInput(event);
    }
  });
  window.addEventListener("hashchange", function () {
    if (location.hash.replace(/^#/, "") !== written) {
      load(location.hash, false);
    }
  });
  window.addEventListener("beforeprint", renderSheet);

  // Each card's thumbnail: the exercise's last figure (the end or held position), copied.
  document.querySelectorAll("[data-sb-rb-exercise]").forEach(function (card) {
    var last = document.querySelectorAll('[data-sb-rb-figures="' + card.getAttribute("data-sb-rb-exercise") + '"] .sb-figure svg');
    var slot = card.querySelector(".sb-card__figure");
    if (last.length && slot) {
      slot.appendChild(last[last.length - 1].cloneNode(true));
    }
  });
  document.querySelectorAll("[data-sb-rb-nojs]").forEach(function (node) {
    node.hidden = true;
  });
  app.hidden = false;
  load(location.hash, true);
})();
