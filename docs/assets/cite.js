/* Copy a citation. The citations are on the page as text (the "Cite this article" box), so nothing here is
   needed to read or select them; this only adds Copy buttons: one per citation in the box, and one beside
   each paragraph's ¶ mark, copying that paragraph's or item's citation. */
(function () {
  "use strict";

  function copy(button, text) {
    var label = button.textContent;
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = button.dataset.done || label;
      button.classList.add("copied");
      setTimeout(function () {
        button.textContent = label;
        button.classList.remove("copied");
      }, 1500);
    });
  }

  function setUp() {
    if (!navigator.clipboard) return;
    var boxButtons = document.querySelectorAll(".cite button.copy");
    if (!boxButtons.length) return;
    var template = boxButtons[0];
    boxButtons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button, button.dataset.copy); });
    });
    document.querySelectorAll(".cite [data-cite]").forEach(function (link) {
      var anchor = link.getAttribute("href").slice(1);
      var mark = document.querySelector('[id="' + anchor + '"] > a.anchor');
      if (!mark) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy copy--paragraph";
      button.textContent = template.textContent;
      button.dataset.done = template.dataset.done;
      button.setAttribute("aria-label", template.textContent + " · " + link.dataset.cite);
      button.addEventListener("click", function () { copy(button, link.dataset.cite); });
      mark.after(button);
    });
  }

  // Material's instant navigation swaps pages without a reload; document$ tells us each time.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
