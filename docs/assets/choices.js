/* The "show changes" choice (the redline toggle of article pages) is kept across pages and visits: a reader who
   turned the marks off to read or quote the texts finds them off on the next article. Without JavaScript, or
   where storage is refused, the toggle still works on each page. */
(function () {
  "use strict";

  var KEY = "annotated-law:redline";

  function setUp() {
    var toggle = document.getElementById("redline-toggle");
    if (!toggle) return;
    try {
      if (window.localStorage.getItem(KEY) === "off") toggle.checked = false;
    } catch (error) { return; }
    toggle.addEventListener("change", function () {
      try { window.localStorage.setItem(KEY, toggle.checked ? "on" : "off"); } catch (error) { /* not kept */ }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
