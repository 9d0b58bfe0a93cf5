/* Copy for a memo. The citations are on the page as text (the "Cite this article" box), so nothing here is
   needed to read or select them; this adds the Copy buttons: one per citation in the box, one for the whole
   article, and one beside each paragraph's ¶ mark that offers a choice — the citation alone, or the text with
   its citation, permalink and version (document and date) and the day it was read. The clipboard gets plain
   text and, where the browser allows, rich text (a quotation and a link). */
(function () {
  "use strict";

  var CONTROLS = ".num, a.anchor, button.copy, .copy-menu, .col-label";

  function flash(button, done) {
    var label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = done;
    button.classList.add("copied");
    setTimeout(function () {
      button.textContent = label;
      button.classList.remove("copied");
    }, 1500);
  }

  function write(plain, html) {
    if (html && window.ClipboardItem && navigator.clipboard.write) {
      return navigator.clipboard.write([new window.ClipboardItem({
        "text/plain": new Blob([plain], {type: "text/plain"}),
        "text/html": new Blob([html], {type: "text/html"})
      })]);
    }
    return navigator.clipboard.writeText(plain);
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }

  // A line's words as a reader sees them: without the margin number, the ¶ mark or the buttons.
  function textOf(line) {
    var copy = line.cloneNode(true);
    copy.querySelectorAll(CONTROLS).forEach(function (control) { control.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // The lines of a paragraph (with its items) or of the whole article, in the view that holds the ids.
  function linesOf(anchor) {
    var main = document.querySelector(".compare .col-final p[id], .document-text p[id]");
    if (!main) return [];
    var all = Array.prototype.slice.call(main.closest(".compare, .document-text").querySelectorAll("p[id]"));
    return all.filter(function (line) { return !anchor || line.id === anchor || line.id.indexOf(anchor + "-") === 0; });
  }

  function today(language) {
    return new Date().toLocaleDateString(language === "zh" ? "zh-CN" : "en-GB", {year: "numeric", month: "long", day: "numeric"});
  }

  function memo(box, anchor, citation) {
    var language = document.documentElement.lang.indexOf("zh") === 0 ? "zh" : "en";
    var texts = linesOf(anchor).map(textOf);
    var url = window.location.origin + window.location.pathname + (anchor ? "#" + anchor : "");
    var accessed = box.dataset.accessed.replace("{date}", today(language));
    var version = box.dataset.version;
    var source = language === "zh"
      ? "——" + citation + "（" + version + "），" + url + "，" + accessed
      : citation + " (" + version + "), " + url + ", " + accessed;
    var quoted = language === "zh" ? texts : texts.map(function (text, index) {
      return (index === 0 ? "\u201c" : "") + text + (index === texts.length - 1 ? "\u201d" : "");
    });
    var plain = quoted.join("\n") + "\n" + source;
    var sourceHtml = language === "zh"
      ? "——" + escapeHtml(citation) + "（" + escapeHtml(version) + "），<a href=\"" + escapeHtml(url) + "\">" + escapeHtml(url) + "</a>，" + escapeHtml(accessed)
      : escapeHtml(citation) + " (" + escapeHtml(version) + "), <a href=\"" + escapeHtml(url) + "\">" + escapeHtml(url) + "</a>, " + escapeHtml(accessed);
    var html = "<blockquote>" + texts.map(function (text) { return "<p>" + escapeHtml(text) + "</p>"; }).join("") + "</blockquote><p>" + sourceHtml + "</p>";
    return {plain: plain, html: html};
  }

  function closeMenus(except) {
    document.querySelectorAll(".copy-menu").forEach(function (menu) {
      if (menu === except) return;
      menu.hidden = true;
      menu.previousElementSibling.setAttribute("aria-expanded", "false");
    });
  }

  function paragraphButton(box, template, link) {
    var anchor = link.getAttribute("href").slice(1);
    var mark = document.querySelector('[id="' + anchor + '"] > a.anchor');
    if (!mark) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy copy--paragraph";
    button.textContent = template.textContent + " \u25be";
    button.setAttribute("aria-haspopup", "true");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", template.textContent + " · " + link.dataset.cite);
    var menu = document.createElement("span");
    menu.className = "copy-menu";
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", box.dataset.menu);
    menu.hidden = true;
    [["citation", box.dataset.copyCitation], ["text", box.dataset.copyText]].forEach(function (choice) {
      var option = document.createElement("button");
      option.type = "button";
      option.className = "copy copy--" + choice[0];
      option.textContent = choice[1];
      option.addEventListener("click", function () {
        var done = function () { flash(button, template.dataset.done); };
        if (choice[0] === "citation") navigator.clipboard.writeText(link.dataset.cite).then(done);
        else { var text = memo(box, anchor, link.dataset.cite); write(text.plain, text.html).then(done); }
        closeMenus();
        button.focus();
      });
      menu.appendChild(option);
    });
    button.addEventListener("click", function () {
      var opening = menu.hidden;
      closeMenus();
      menu.hidden = !opening;
      button.setAttribute("aria-expanded", String(opening));
      if (opening) menu.querySelector("button").focus();
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closeMenus(); button.focus(); }
    });
    mark.after(button, menu);
  }

  function setUp() {
    if (!navigator.clipboard) return;
    var box = document.querySelector("details.cite");
    var boxButtons = document.querySelectorAll(".cite button.copy");
    if (!box || !boxButtons.length) return;
    var template = boxButtons[0];
    boxButtons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () { flash(button, button.dataset.done); });
      });
    });
    var citation = box.querySelector('.citation[lang="' + (document.documentElement.lang.indexOf("zh") === 0 ? "zh" : "en") + '"]');
    if (citation && linesOf("").length) {
      var whole = document.createElement("button");
      whole.type = "button";
      whole.className = "copy copy--article";
      whole.textContent = box.dataset.copyArticle;
      whole.addEventListener("click", function () {
        var text = memo(box, "", citation.textContent);
        write(text.plain, text.html).then(function () { flash(whole, template.dataset.done); });
      });
      box.querySelector(".citations").after(whole);
    }
    box.querySelectorAll("[data-cite]").forEach(function (link) { paragraphButton(box, template, link); });
    document.addEventListener("click", function (event) {
      if (!event.target.closest(".copy-menu, .copy--paragraph")) closeMenus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
