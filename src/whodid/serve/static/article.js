// whodid serve, article page: "#event-e2" in the address highlights that event's sentence, trigger
// and record, and scrolls to it. The app's only script; it reads ids from the page, never the text.
"use strict";
(function () {
  function show() {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    var match = /^#event-([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    if (!match) { return; }
    var id = match[1];
    document.querySelectorAll("#text [data-events]").forEach(function (el) {
      if (el.getAttribute("data-events").split(" ").indexOf(id) >= 0) { el.classList.add("current"); }
    });
    var record = document.getElementById("record-" + id);
    if (record) { record.classList.add("current"); }
    var anchor = document.getElementById("event-" + id);
    if (anchor) { anchor.scrollIntoView({block: "center"}); }
    document.body.setAttribute("data-current-event", id);
  }
  window.addEventListener("hashchange", show);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
