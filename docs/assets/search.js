/* Search with Pagefind in Material's search box.

   The index is built once the whole site is built (generator/searchindex.py): one bundle, pagefind/, with an
   index per <html lang>, so a Chinese page searches the Chinese pages and an English page the English ones. The
   box, the overlay and the result list are Material's (overrides/partials/search.html); this file wires them:
   - click or tap into the box, or press / s f (as Material does), and type: results appear under the box;
     ↓ ↑ move through them, Enter opens the first (or the one in focus), Esc or a click outside closes;
   - a citation (第五十九条第二款第三项, 59条, art. 59(2), item (3), Draft Article 14(2) …) goes to its paragraph,
     or says that the text has no such provision;
   - Chinese is searched as pairs of characters, the words generator/render/searchtext.py indexes beside each
     line of text (Pagefind's own Chinese segmentation differs between index and query), as an exact phrase
     first; English as an exact phrase first, then by its words;
   - a Chinese term on the English site (or an English rendering on the Chinese site) is searched in the page's
     language through the glossary, and the result says so;
   - results name their document and paragraph, link to the paragraph where the words are, rank the final text
     first among equals, and can be narrowed to one document.
   downloads/search.json (made by the generator) gives the documents' structure, the glossary and the labels. */
(function () {
  "use strict";

  const here = document.currentScript && document.currentScript.src;
  if (!here) return;
  const root = new URL("../", here); // the site root: assets/ sits directly under it
  const language = document.documentElement.lang === "en" ? "en" : "zh";
  const english = language === "en";
  const MAX_QUERY = 200; // characters; a longer query is cut there
  const CANDIDATES = 12; // results whose data is fetched (each one a fragment of the index)

  let engine = null;
  let known = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
        await module.options({ baseUrl: root.pathname });
        module.init();
        return module;
      });
    }
    return engine;
  }

  function data() {
    if (!known) known = fetch(new URL("downloads/search.json", root)).then((response) => response.json());
    return known;
  }

  /* -- the words of the index: pairs of characters (the same rule as generator/render/searchtext.py) -- */

  const LETTERS = "abcdefghijklmnopqrstuvwxyz";
  const COUNTS = /[\p{L}\p{N}]/u;

  function characters(text) {
    const kept = [];
    for (const char of text.normalize("NFKC")) {
      if (COUNTS.test(char)) kept.push(/[A-Z]/.test(char) ? char.toLowerCase() : char);
    }
    return kept;
  }

  function gram(first, second) {
    let value = 2166136261;
    for (const char of [first, second]) {
      value = Math.imul(value ^ char.codePointAt(0), 16777619) >>> 0;
    }
    value %= 26 ** 5;
    let word = "zq";
    for (let i = 0; i < 5; i++) {
      word += LETTERS[value % 26];
      value = Math.floor(value / 26);
    }
    return word;
  }

  function grams(text) {
    const chars = characters(text);
    const words = [];
    for (let i = 0; i + 1 < chars.length; i++) words.push(gram(chars[i], chars[i + 1]));
    return words;
  }
  window.siteSearchGrams = grams; // tests/test_search.py compares these with the generator's

  const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

  /* -- citations: 第五十九条第二款第三项, art. 59(2), item (3) … -------------------------------------------- */

  const DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  const NUMBER = "[零〇一二两三四五六七八九十百\\d]+";

  function chineseNumber(text) {
    if (/^\d+$/.test(text)) return parseInt(text, 10);
    let total = 0, current = 0;
    for (const c of text) {
      if (c in DIGITS) current = DIGITS[c];
      else if (c === "十") { total += (current || 1) * 10; current = 0; }
      else if (c === "百") { total += (current || 1) * 100; current = 0; }
      else return null;
    }
    return total + current;
  }

  function numeral(number) {
    const names = "零一二三四五六七八九";
    if (number < 10) return names[number];
    if (number < 100) return (number >= 20 ? names[Math.floor(number / 10)] : "") + "十" + (number % 10 ? names[number % 10] : "");
    const rest = number % 100;
    return names[Math.floor(number / 100)] + "百" + (rest === 0 ? "" : rest < 10 ? "零" + names[rest] : rest < 20 ? "一" + numeral(rest) : numeral(rest));
  }

  /* The document a citation names: by its title (《…》 or the English title before ", art."), or by the prefix of
     its article names (征求意见稿, Draft, Heilongjiang Draft …); none named, the final text. */
  function citedDocument(named, documents) {
    const text = named.replace(/[《》\s,，]/g, "").toLowerCase();
    if (!text) return documents[0];
    let best = null, length = 0;
    for (const document of documents) {
      for (const name of [document.title.zh, document.title.en, document.prefix.zh, document.prefix.en, document.short.zh, document.short.en]) {
        const plain = (name || "").replace(/[《》\s,，]/g, "").toLowerCase();
        if (plain && (text === plain || (text.endsWith(plain) && plain.length > length))) { best = document; length = plain.length; }
      }
    }
    for (const document of documents) {  // the other names readers type for it (sources.yml aliases: 草案, 黑龙江 …)
      if (!best && (document.aliases || []).some((alias) => text.startsWith(alias.replace(/\s/g, "").toLowerCase()))) best = document;
    }
    return best;
  }

  function parseCitation(query, documents) {
    const q = query.replace(/\s+/g, " ").trim();
    let match = new RegExp("^(.*?)第?(" + NUMBER + ")条(?:第?(" + NUMBER + ")款)?(?:第?(" + NUMBER + ")项)?$").exec(q.replace(/ /g, ""));
    if (match && (match[1] === "" || /[《》]/.test(match[1]) || citedDocument(match[1], documents))) {
      const document = citedDocument(match[1], documents);
      if (document) return { document, article: chineseNumber(match[2]), paragraph: match[3] ? chineseNumber(match[3]) : null, item: match[4] ? chineseNumber(match[4]) : null };
    }
    match = /^(.*?)(?:article|art\.?)\s*(\d+)\s*(?:\((\d+)\))?\s*(?:\((\d+)\)|,?\s*item\s*\(?(\d+)\)?)?\.?$/i.exec(q);
    if (match) {
      const document = citedDocument(match[1].replace(/,\s*$/, ""), documents);
      if (document) {
        const item = match[4] || match[5];
        return { document, article: parseInt(match[2], 10), paragraph: match[3] ? parseInt(match[3], 10) : null, item: item ? parseInt(item, 10) : null };
      }
    }
    return null;
  }

  function articleName(document, number) {
    return english ? document.prefix.en + "Article " + number : document.prefix.zh + "第" + numeral(number) + "条";
  }

  function subdivision(paragraph, item) {
    if (!paragraph) return "";
    if (english) return "(" + paragraph + ")" + (item ? "(" + item + ")" : "");
    return "第" + numeral(paragraph) + "款" + (item ? "第" + numeral(item) + "项" : "");
  }

  /* An editorial caption as the pages show it: ［数据安全保护］ / [Data security protection]. */
  function bracket(caption) {
    return english ? "[" + caption + "]" : "［" + caption + "］";
  }

  /* The citation's page and anchor, or what the text lacks. */
  function cited(citation, labels) {
    const { document, article, paragraph, item } = citation;
    const paragraphs = document.articles[String(article)];
    const missing = (what) => ({ missing: labels.missing.replace("{document}", document.short[language]).replace("{what}", what) });
    if (!paragraphs) return missing(articleName(document, article).replace(document.prefix[language], ""));
    if (paragraph && (paragraph > paragraphs.length || (item && item > paragraphs[paragraph - 1]))) {
      return missing(articleName(document, article).replace(document.prefix[language], "") + subdivision(paragraph, item));
    }
    const anchor = paragraph ? "#p" + paragraph + (item ? "-" + item : "") : "";
    const url = new URL((english ? "en/" : "") + document.folder + "/" + article + "/", root).pathname + anchor;
    const caption = document.captions && document.captions[String(article)];
    const title = articleName(document, article) + subdivision(paragraph, item) + (caption ? " " + bracket(caption[language]) : "");
    return { url, meta: { title }, document: document.short[language], excerpt: "" };
  }

  /* -- across languages, through the glossary ------------------------------------------------------------ */

  function throughGlossary(query, glossary) {
    const wanted = query.trim().toLowerCase();
    if (english && HAN.test(query)) {
      const term = glossary.find((t) => t.zh.some((form) => form === query.trim())) ||
        glossary.filter((t) => t.zh.some((form) => query.includes(form))).sort((a, b) => b.zh[0].length - a.zh[0].length)[0];
      return term ? { from: term.zh.find((form) => query.includes(form)), to: term.en[0] } : null;
    }
    if (!english && !HAN.test(query) && /[a-z]/i.test(query)) {
      const term = glossary.find((t) => t.en.some((form) => form.toLowerCase() === wanted));
      return term ? { from: query.trim(), to: term.zh[0] } : null;
    }
    return null;
  }

  /* -- results ------------------------------------------------------------------------------------------- */

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /* A page's text as a reader sees it: without Pagefind's word breaks (U+200B) or the hidden pairs. */
  function readable(content) {
    return content.replace(/\u200b/g, "").replace(/\bzqsynbegin\b[\s\S]*?\bzqsynend\b/g, "").replace(/\bzq[a-z]+\b\s*/g, "").replace(/\s{2,}/g, " ");
  }

  /* The units a phrase is compared in: in Chinese each letter or digit (punctuation and spaces aside), in
     English each word; with where each stands in `text`. */
  function units(text) {
    const found = [];
    const pattern = english ? /[\p{L}\p{N}]+/gu : /[\p{L}\p{N}]/gu;
    for (const match of text.matchAll(pattern)) {
      const value = match[0].normalize("NFKC").toLowerCase();
      found.push({ value, start: match.index, end: match.index + match[0].length });
    }
    return found;
  }

  function indexOfRun(haystack, needle) {
    outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
      for (let j = 0; j < needle.length; j++) if (haystack[i + j].value !== needle[j].value) continue outer;
      return i;
    }
    return -1;
  }

  /* An excerpt around the first place the query stands verbatim (punctuation and spaces aside), marked; else
     around the first of its units found; else the start of the page. */
  function excerpt(text, query) {
    const page = units(text), wanted = units(query);
    let start = wanted.length ? indexOfRun(page, wanted) : -1;
    let length = wanted.length;
    const exact = start >= 0;
    for (let i = 0; start < 0 && i < wanted.length; i++) { start = indexOfRun(page, wanted.slice(i, i + (english ? 1 : 2))); length = english ? 1 : 2; }
    if (start < 0) return { html: escapeHtml(text.slice(0, 90)) + (text.length > 90 ? "…" : ""), exact: false };
    const from = page[start].start, to = page[start + length - 1].end;
    const context = english ? 70 : 36;
    let before = Math.max(0, from - context), after = Math.min(text.length, to + context);
    if (english) { // whole words at both ends
      const space = text.indexOf(" ", before);
      if (before > 0 && space >= 0 && space < from) before = space + 1;
      const end = text.lastIndexOf(" ", after);
      if (after < text.length && end > to) after = end;
    }
    return {
      html: (before ? "…" : "") + escapeHtml(text.slice(before, from)) + "<mark>" + escapeHtml(text.slice(from, to)) + "</mark>" +
        escapeHtml(text.slice(to, after)) + (after < text.length ? "…" : ""),
      exact,
    };
  }

  /* The paragraph where the words were found. Anchors name the lines: on Chinese pages the hidden lines of pairs
     (grams-p2, grams-notes), on English pages the lines themselves (p2). The place is that of the first run of the
     query's `count` words standing together, else of the first word found. */
  function place(result, count) {
    const pattern = english ? /^(p\d+(-\d+)?|synonyms)$/ : /^grams-(p\d+(-\d+)?|article|notes|title)$/;
    const anchors = (result.anchors || []).filter((a) => pattern.test(a.id || ""));
    const locations = [...new Set(result.locations || [])].sort((a, b) => a - b);
    const present = new Set(locations);
    const runs = locations.filter((start) => { for (let i = 1; i < count; i++) if (!present.has(start + i)) return false; return true; });
    const start = runs[0] ?? locations[0];
    const at = start === undefined ? -1 : lineAt(anchors, start);
    if (at < 0) return null;
    const id = anchors[at].id.replace(/^grams-/, "");
    return /^(p|notes)/.test(id) ? id : null;
  }

  function lineAt(anchors, location) {
    let last = -1;
    while (last + 1 < anchors.length && anchors[last + 1].location <= location) last++;
    return last;
  }

  function documentOf(url, documents) {
    const path = url.replace(root.pathname, "/").replace(/^\/en\//, "/");
    const index = documents.findIndex((d) => path.startsWith("/" + d.folder + "/"));
    return index < 0 ? { rank: documents.length, document: null } : { rank: index, document: documents[index] };
  }

  function same(a, b) {
    const x = units(a), y = units(b);
    return x.length === y.length && x.every((unit, i) => unit.value === y[i].value);
  }

  /* Where a page holds the query only through the synonyms or concepts of annotations/synonyms.yml: the
     expression of the same group its text holds, or the concept's name; null elsewhere. */
  function alternative(query, text, known) {
    const labels = known.labels[language];
    for (const group of known.synonyms) {
      if (!group[language].some((form) => same(form, query))) continue;
      const page = units(text);
      const form = group[language].find((f) => !same(f, query) && indexOfRun(page, units(f)) >= 0);
      if (form) return { form, label: labels.synonym.replace("{form}", form) };
    }
    const concept = known.concepts.find((c) => same(c[language], query));
    return concept ? { form: null, label: labels.concept.replace("{name}", concept[language]) } : null;
  }

  async function present(result, query, count, known) {
    const documents = known.documents;
    const found = await result.data();
    const text = readable(found.content || "");
    let shown = excerpt(text, query);
    const other = shown.exact ? null : alternative(query, text, known);
    if (other && other.form) shown = { ...excerpt(text, other.form), exact: false };
    const anchor = place(found, count);
    const { rank, document } = documentOf(found.url, documents);
    let title = (found.meta && found.meta.title) || found.url;
    const where = anchor && /^p/.test(anchor) ? anchor.slice(1).split("-").map(Number) : null;
    if (where && document) title += subdivision(where[0], where[1]);
    if (found.meta && found.meta.caption) title += " " + found.meta.caption;
    return {
      url: found.url + (anchor ? "#" + anchor : ""),
      meta: { title },
      document: document ? document.short[language] : "",
      excerpt: shown.html,
      exact: shown.exact,
      matched: other ? other.label : "",
      rank,
    };
  }

  /* Pagefind's results for the words of `query`: those holding them as an exact phrase first, then those holding
     them apart. Each with the result of the word search where there is one: its locations are every place a word
     stands (the exact search gives the first phrase only). */
  async function candidates(module, query, narrowed) {
    const han = HAN.test(query) && !english;
    let words = han ? grams(query) : query.replace(/["“”]/g, " ").trim().split(/\s+/).filter((word) => characters(word).length);
    if (han && !words.length) words = [query.trim()]; // one character: Pagefind's own words
    if (!words.length) return { found: [], count: 0 };
    const phrase = words.join(" ");
    // Narrowed to a document: its hidden word is one more word every result holds (an exact phrase cannot have it).
    const [exact, loose] = await Promise.all([
      (words.length > 1 || english) && !narrowed ? module.search('"' + phrase + '"') : { results: [] },
      module.search(narrowed ? phrase + " " + narrowed : phrase),
    ]);
    const byId = new Map(loose.results.map((r) => [r.id, r]));
    const seen = new Set(exact.results.map((r) => r.id));
    const found = exact.results.map((r) => byId.get(r.id) || r).concat(loose.results.filter((r) => !seen.has(r.id)));
    return { found, count: words.length };
  }

  /* The results for a query: {results, total, note, missing}. */
  async function find(rawQuery, limit, documentId) {
    // At most MAX_QUERY characters, without lone surrogates (a pair is one character here, a lone half is dropped).
    const query = Array.from(String(rawQuery || "").slice(0, MAX_QUERY)).filter((c) => !/^[\ud800-\udfff]$/.test(c)).join("");
    if (!characters(query).length) return { results: [], total: 0 };
    const known = await data();
    const labels = known.labels[language];
    const citation = parseCitation(query, known.documents);
    if (citation && citation.article) {
      const target = cited(citation, labels);
      return target.missing ? { results: [], total: 0, missing: target.missing } : { results: [target], total: 1 };
    }
    const translated = throughGlossary(query, known.glossary);
    const searched = translated ? translated.to : query;
    const module = await pagefind();
    const narrowed = documentId ? (known.documents.find((d) => d.id === documentId) || {}).word : null;
    const { found, count } = await candidates(module, searched, narrowed);
    const shown = await Promise.all(found.slice(0, CANDIDATES).map((result) => present(result, searched, count, known)));
    // The same words verbatim before the same words apart, the final text before the drafts; else Pagefind's order.
    const order = shown.map((item, index) => ({ item, index }));
    order.sort((a, b) => (b.item.exact - a.item.exact) || (a.item.exact && b.item.exact ? a.item.rank - b.item.rank : 0) || a.index - b.index);
    const note = translated ? labels.glossary.replace("{from}", translated.from).replace("{to}", translated.to) : "";
    return { results: order.map((entry) => entry.item).slice(0, limit), total: found.length, note };
  }
  window.siteSearch = find; // the tests measure the search through this, as the box uses it

  /* -- the box ------------------------------------------------------------------------------------------- */

  function setUp() {
    const toggle = document.getElementById("__search");
    const input = document.getElementById("site-search-query");
    const output = document.getElementById("site-search-results");
    if (!toggle || !input || !output) return;
    const meta = output.querySelector(".md-search-result__meta");
    const list = output.querySelector(".md-search-result__list");
    const filters = document.createElement("div");
    filters.className = "search-filters";
    filters.setAttribute("role", "group");
    output.insertBefore(filters, list);
    let latest = 0;
    let timer = null;
    let only = null; // a document id, when the reader narrowed the search to it

    function say(text) { meta.textContent = text; }

    function open() {
      if (!toggle.checked) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      pagefind();
      data();
    }

    function close() {
      clearTimeout(timer); // a search still to come shows nothing now
      latest++;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      input.blur();
    }

    function links() { return Array.from(list.querySelectorAll("a.md-search-result__link")); }

    async function showFilters() {
      const known = await data();
      if (filters.childElementCount) return;
      filters.setAttribute("aria-label", known.labels[language].all);
      for (const choice of [null, ...known.documents.map((d) => d.id)]) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "search-filter";
        button.dataset.document = choice || "";
        button.textContent = choice ? known.documents.find((d) => d.id === choice).short[language] : known.labels[language].all;
        button.setAttribute("aria-pressed", String(choice === only));
        button.addEventListener("click", () => {
          only = choice;
          for (const other of filters.children) other.setAttribute("aria-pressed", String((other.dataset.document || null) === only));
          run();
          input.focus();
        });
        filters.appendChild(button);
      }
    }

    function render(found) {
      list.innerHTML = "";
      if (found.missing) { say(found.missing); return; }
      if (!found.total) { say(meta.dataset.none); return; }
      const count = found.total === 1 ? meta.dataset.one : meta.dataset.other.replace("#", String(found.total));
      say(found.note ? found.note + " · " + count : count);
      for (const result of found.results) {
        const item = document.createElement("li");
        item.className = "md-search-result__item";
        // The excerpt is the page's text, escaped, with <mark> around the words found (excerpt()).
        item.innerHTML =
          '<a href="' + escapeHtml(result.url) + '" class="md-search-result__link" tabindex="-1">' +
          '<article class="md-search-result__article md-typeset">' +
          "<h1>" + escapeHtml(result.meta.title) + "</h1>" +
          (result.document ? '<p class="search-document">' + escapeHtml(result.document) + (result.matched ? " · " + escapeHtml(result.matched) : "") + "</p>" : "") +
          '<p class="md-search-result__teaser">' + result.excerpt + "</p>" +
          "</article></a>";
        list.appendChild(item);
      }
    }

    function run() {
      const query = input.value.trim();
      const ticket = ++latest;
      if (!query) { list.innerHTML = ""; say(meta.dataset.placeholder); return; }
      showFilters();
      find(query, 10, only).then((found) => {
        if (ticket === latest) render(found);
      }).catch(() => { if (ticket === latest) { list.innerHTML = ""; say(meta.dataset.none); } });
    }

    input.addEventListener("input", () => {
      open();
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    // A click or tap into the box, or the focus reaching it, opens the results under it.
    input.addEventListener("focus", open);
    input.addEventListener("pointerdown", open);
    input.form.addEventListener("reset", () => { setTimeout(run, 0); });
    toggle.addEventListener("change", () => {
      if (toggle.checked) { setTimeout(() => { if (toggle.checked) input.focus(); }, 50); pagefind(); }
    });

    document.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!toggle.checked) {
        if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f", "S", "F"].includes(event.key)) {
          event.preventDefault();
          open();
          input.focus();
        }
        return;
      }
      const found = links();
      const position = found.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" && found.length) {
        event.preventDefault();
        found[Math.min(position + 1, found.length - 1)].focus();
      } else if (event.key === "ArrowUp" && found.length) {
        event.preventDefault();
        if (position <= 0) input.focus(); else found[position - 1].focus();
      } else if (event.key === "Enter" && target === input) {
        event.preventDefault();
        if (found.length) window.location.href = found[0].href;
        else run();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
