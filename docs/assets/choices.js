/* A reader's choices on article pages, kept across pages and visits: the "show changes" toggle (a reader who
   turned the marks off to read or quote the texts finds them off on the next article) and the view (the draft →
   final comparison or the text, or Chinese and English side by side). Without JavaScript, or where storage is
   refused, both still work on each page: they are a checkbox and radio buttons, and CSS does the rest. */
(function () {
  "use strict";

  var REDLINE = "annotated-law:redline";
  var VIEW = "annotated-law:view";

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }

  function keep(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* not kept */ }
  }

  // A link to a paragraph (#p2) must show it: if the chosen view hides it, show the view that holds it.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var main = document.getElementById("view-main");
    if (target && main && !target.closest(".parallel") && target.closest(".article-views")) main.checked = true;
  }

  function setUp() {
    var toggle = document.getElementById("redline-toggle");
    if (toggle) {
      if (read(REDLINE) === "off") toggle.checked = false;
      toggle.addEventListener("change", function () { keep(REDLINE, toggle.checked ? "on" : "off"); });
    }
    var parallel = document.getElementById("view-parallel");
    var main = document.getElementById("view-main");
    if (parallel && main) {
      if (read(VIEW) === "parallel") parallel.checked = true;
      parallel.addEventListener("change", function () { if (parallel.checked) keep(VIEW, "parallel"); });
      main.addEventListener("change", function () { if (main.checked) keep(VIEW, "main"); });
      reveal();
      window.addEventListener("hashchange", reveal);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
