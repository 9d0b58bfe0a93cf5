/* Search with Pagefind in Material's search box.

   The index is built once the whole site is built (generator/searchindex.py): one bundle, pagefind/, with an
   index per <html lang>; Pagefind searches the one of the page's language, so a Chinese page searches the
   Chinese pages and an English page the English ones. The box, the overlay and the result list are Material's (overrides/partials/search.html); this file wires them to Pagefind:
   - open with the header button, or the keys / s f (as Material does); Esc closes;
   - results appear as you type (titles, and an excerpt with the words found highlighted);
   - ↓ ↑ move through the results, Enter opens the first (or the one in focus). */
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var root = new URL("../", here); // the site root: assets/ sits directly under it
  var engine = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          module.init();
          return module;
        });
      });
    }
    return engine;
  }

  /* An article number goes straight to the article: 第十二条, 第12条, 征求意见稿第十四条, Article 12, art. 12,
     Draft Article 14, Heilongjiang Article 3. Pagefind alone ranks 第二十二条 as high as 第十二条 (both hold
     十二条), so the number is read here and that article put first. */
  var DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };

  function chineseNumber(text) {
    if (/^\d+$/.test(text)) return parseInt(text, 10);
    var total = 0, current = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c in DIGITS) current = DIGITS[c];
      else if (c === "十") { total += (current || 1) * 10; current = 0; }
      else if (c === "百") { total += (current || 1) * 100; current = 0; }
      else return null;
    }
    return total + current;
  }

  function articleQuery(query) {
    var q = query.replace(/\s+/g, " ").trim();
    var zh = /^(征求意见稿|草案|黑龙江省?(?:征求意见稿)?)?第([零〇一二两三四五六七八九十百\d]+)条$/.exec(q.replace(/ /g, ""));
    if (zh) {
      var folder = !zh[1] ? "articles" : zh[1].indexOf("黑龙江") === 0 ? "heilongjiang" : "draft";
      return { folder: folder, number: chineseNumber(zh[2]) };
    }
    var en = /^(draft\s+|heilongjiang\s+(?:draft\s+)?)?(?:article|art\.?)\s*(\d+)$/i.exec(q);
    if (en) {
      var prefix = (en[1] || "").toLowerCase();
      return { folder: prefix.indexOf("heilongjiang") === 0 ? "heilongjiang" : prefix ? "draft" : "articles", number: parseInt(en[2], 10) };
    }
    return null;
  }

  /* The results for a query: the article a number names (if it exists), then Pagefind's, best first. */
  function find(query, limit) {
    var wanted = articleQuery(query);
    var english = document.documentElement.lang === "en";
    var direct = wanted && wanted.number ? new URL((english ? "en/" : "") + wanted.folder + "/" + wanted.number + "/", root).pathname : null;
    return pagefind().then(function (module) {
      return module.search(query).then(function (search) {
        return Promise.all(search.results.slice(0, limit + 1).map(function (result) { return result.data(); })).then(function (data) {
          var total = search.results.length;
          if (!direct) return { results: data.slice(0, limit), total: total };
          var rest = data.filter(function (item) { return item.url !== direct; });
          var found = data.filter(function (item) { return item.url === direct; })[0];
          if (found) return { results: [found].concat(rest).slice(0, limit), total: total };
          return fetch(direct, { method: "HEAD" }).then(function (response) {
            if (!response.ok) return { results: data.slice(0, limit), total: total };
            var title = (english ? { articles: "", draft: "Draft ", heilongjiang: "Heilongjiang Draft " } : { articles: "", draft: "征求意见稿", heilongjiang: "黑龙江省征求意见稿" })[wanted.folder] +
              (english ? "Article " + wanted.number : "第" + query.replace(/^.*第/, "").replace(/条.*$/, "") + "条");
            var first = { url: direct, meta: { title: title }, excerpt: "" };
            return { results: [first].concat(rest).slice(0, limit), total: total + 1 };
          });
        });
      });
    });
  }
  window.siteSearch = find; // the tests measure the search through this, as the box uses it

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function setUp() {
    var toggle = document.getElementById("__search");
    var input = document.getElementById("site-search-query");
    var output = document.getElementById("site-search-results");
    if (!toggle || !input || !output) return;
    var meta = output.querySelector(".md-search-result__meta");
    var list = output.querySelector(".md-search-result__list");
    var latest = 0;

    function say(text) { meta.textContent = text; }

    function open() {
      if (!toggle.checked) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      setTimeout(function () { input.focus(); }, 50);
      pagefind();
    }

    function close() {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      input.blur();
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link")); }

    function render(results, total) {
      list.innerHTML = "";
      if (!total) { say(meta.dataset.none); return; }
      say(total === 1 ? meta.dataset.one : meta.dataset.other.replace("#", String(total)));
      results.forEach(function (data) {
        var item = document.createElement("li");
        item.className = "md-search-result__item";
        var title = (data.meta && data.meta.title) || data.url;
        // Pagefind's excerpt is the page's text, escaped, with <mark> around the words found.
        item.innerHTML =
          '<a href="' + escapeHtml(data.url) + '" class="md-search-result__link" tabindex="-1">' +
          '<article class="md-search-result__article md-typeset">' +
          '<h1>' + escapeHtml(title) + '</h1>' +
          '<p class="md-search-result__teaser">' + data.excerpt + '</p>' +
          '</article></a>';
        list.appendChild(item);
      });
    }

    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      if (!query) { list.innerHTML = ""; say(meta.dataset.placeholder); return; }
      find(query, 10).then(function (found) {
        if (ticket === latest) render(found.results, found.total);
      }).catch(function () { say(meta.dataset.none); });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.form.addEventListener("reset", function () { setTimeout(run, 0); });
    toggle.addEventListener("change", function () {
      if (toggle.checked) { setTimeout(function () { input.focus(); }, 50); pagefind(); }
    });

    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!toggle.checked) {
        if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f", "S", "F"].indexOf(event.key) >= 0) {
          event.preventDefault();
          open();
        }
        return;
      }
      var found = links();
      var position = found.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" && found.length) {
        event.preventDefault();
        found[Math.min(position + 1, found.length - 1)].focus();
      } else if (event.key === "ArrowUp" && found.length) {
        event.preventDefault();
        if (position <= 0) input.focus(); else found[position - 1].focus();
      } else if (event.key === "Enter" && target === input && found.length) {
        event.preventDefault();
        window.location.href = found[0].href;
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
