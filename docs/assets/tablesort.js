/* Sort a table by a column (the concordance): each heading becomes a button; a second press reverses the
   order. Cells give their key in data-sort (numbers); the table reads whole, in the text's order, without
   JavaScript. The filters (CSS) keep working on the sorted rows. */
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var body = table.tBodies[0];
      var headings = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(headings, function (heading, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.textContent = heading.textContent;
        button.setAttribute("aria-label", heading.textContent + " · " + table.dataset.sortLabel);
        heading.textContent = "";
        heading.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = heading.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(headings, function (other) { other.removeAttribute("aria-sort"); });
          heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = parseFloat(a.cells[column].dataset.sort), y = parseFloat(b.cells[column].dataset.sort);
            return ascending ? x - y : y - x;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
