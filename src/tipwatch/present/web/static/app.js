/* tipwatch: the fact popover on the document page. No dependencies, no network.
   Fact data comes from the page's JSON block and is written with textContent only. */
(function () {
  "use strict";
  var dataEl = document.getElementById("fact-data");
  var card = document.getElementById("fact-card");
  if (!dataEl || !card) { return; }
  var facts;
  try { facts = JSON.parse(dataEl.textContent || "{}"); } catch (e) { return; }
  var current = null;
  var hideTimer = null;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function link(href, text) {
    var a = el("a", text);
    a.setAttribute("href", href);
    return a;
  }

  function factBlock(ordinal) {
    var f = facts[ordinal];
    var box = el("div", null, "fact");
    if (!f) { return box; }
    box.appendChild(el("h3", (f.indicator || "fact") + ": " + f.value));
    var dl = el("dl");
    (f.fields || []).forEach(function (pair) {
      if (pair[0] === "indicator") { return; }
      dl.appendChild(el("dt", pair[0]));
      dl.appendChild(el("dd", pair[1]));
    });
    box.appendChild(dl);
    var links = el("div", null, "links");
    links.appendChild(link("#fact-" + ordinal, "fact #" + (Number(ordinal) + 1)));
    (f.claims || []).forEach(function (c) {
      links.appendChild(link("#claim-" + c.id, c.kind + " check: " + c.verdict));
    });
    if (f.conflict && f.conflict.charAt(0) === "/") {
      links.appendChild(link(f.conflict, "in a conflict"));
    }
    box.appendChild(links);
    return box;
  }

  function show(mark) {
    clearTimeout(hideTimer);
    if (current && current !== mark) { current.classList.remove("active"); }
    current = mark;
    mark.classList.add("active");
    card.replaceChildren();
    (mark.getAttribute("data-facts") || "").split(" ").forEach(function (ordinal) {
      if (ordinal) { card.appendChild(factBlock(ordinal)); }
    });
    card.hidden = false;
    var r = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
    card.style.left = left + "px";
    card.style.top = (window.scrollY + r.bottom + 6) + "px";
    mark.setAttribute("aria-describedby", "fact-card");
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      card.hidden = true;
      if (current) { current.classList.remove("active"); current.removeAttribute("aria-describedby"); }
      current = null;
    }, 250);
  }

  document.querySelectorAll("mark.fact").forEach(function (mark) {
    // The popover replaces the native tooltip; keep the text for assistive tech.
    mark.setAttribute("aria-label", mark.textContent + ": " + (mark.getAttribute("title") || ""));
    mark.removeAttribute("title");
    mark.addEventListener("mouseenter", function () { show(mark); });
    mark.addEventListener("mouseleave", hideSoon);
    mark.addEventListener("focus", function () { show(mark); });
    mark.addEventListener("blur", hideSoon);
    mark.addEventListener("click", function () { show(mark); });
  });
  card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  card.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { card.hidden = true; }
  });
}());
