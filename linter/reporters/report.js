/* copydesk HTML report: views, filters, selection and the details panel.
   Data comes from the JSON block; everything from an article is set with textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("copydesk-data").textContent);
  var RANK = { error: 3, warning: 2, info: 1 };
  var state = { cats: new Set(), sevs: new Set(), article: null, selected: null };
  var filters = document.getElementById("filters");
  document.body.classList.add("js");

  function findingsOf(a) { return data.articles[a].findings; }
  function visible(f) { return state.cats.has(f.category) && state.sevs.has(f.severity); }
  function coverOf(mark) { return mark.dataset.f.split(" ").map(Number); }
  function byWeight(fs) {
    return function (i, j) {
      var a = fs[i], b = fs[j];
      return (RANK[b.severity] - RANK[a.severity]) || (a.line - b.line) || (a.column - b.column) ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    };
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* -- filters ---------------------------------------------------------------------- */
  function readFilters() {
    state.cats = new Set(Array.from(filters.querySelectorAll("input[name=cat]:checked"), function (i) { return i.value; }));
    state.sevs = new Set(Array.from(filters.querySelectorAll("input[name=sev]:checked"), function (i) { return i.value; }));
  }
  function paintMark(mark, fs) {
    var shown = coverOf(mark).filter(function (i) { return visible(fs[i]); }).sort(byWeight(fs));
    mark.classList.toggle("off", shown.length === 0);
    if (shown.length) {
      mark.dataset.cat = fs[shown[0]].category;
      mark.dataset.sev = fs[shown[0]].severity;
    }
    mark.toggleAttribute("data-multi", shown.length > 1);
  }
  function applyFilters() {
    readFilters();
    document.querySelectorAll("section.article").forEach(function (sec) {
      var a = Number(sec.dataset.a), fs = findingsOf(a), shown = 0;
      sec.querySelectorAll("mark[data-f]").forEach(function (m) { paintMark(m, fs); });
      sec.querySelectorAll(".fi").forEach(function (b) {
        var v = visible(fs[Number(b.dataset.i)]);
        b.parentElement.hidden = !v;
        if (v) shown += 1;
      });
      sec.querySelector(".showing").textContent = shown === fs.length ? "" : shown + " of " + fs.length + " shown";
      var cell = document.querySelector('td.shown[data-a="' + a + '"]');
      if (cell) cell.textContent = String(shown);
    });
    if (state.selected && !visible(findingsOf(state.selected[0])[state.selected[1]])) clearSelection();
  }

  /* -- selection and details ---------------------------------------------------------- */
  function section(a) { return document.getElementById("a-" + a); }
  function marksOf(a, i) {
    return Array.from(section(a).querySelectorAll("mark[data-f]")).filter(function (m) {
      return coverOf(m).indexOf(i) >= 0;
    });
  }
  function clearSelection() {
    document.querySelectorAll(".sel").forEach(function (n) { n.classList.remove("sel"); });
    document.querySelectorAll(".details").forEach(function (d) { d.hidden = true; });
    state.selected = null;
  }
  function select(a, i, scroll) {
    var fs = findingsOf(a);
    if (!fs[i]) return;
    clearSelection();
    state.selected = [a, i];
    var marks = marksOf(a, i);
    marks.forEach(function (m) { m.classList.add("sel"); });
    var item = section(a).querySelector('.fi[data-i="' + i + '"]');
    if (item) { item.classList.add("sel"); item.scrollIntoView({ block: "nearest" }); }
    showDetails(a, i, marks.length ? coverOf(marks[0]) : [i]);
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#a-" + a + "/f-" + i);
  }
  function showDetails(a, i, cover) {
    var f = findingsOf(a)[i], rule = data.rules[f.rule] || {};
    var box = section(a).querySelector(".details");
    box.replaceChildren();
    box.dataset.cat = f.category;
    var head = el("div", "dhead");
    var sev = el("span", "sev", f.severity); sev.dataset.sev = f.severity;
    var cat = el("span", "cat", f.category); cat.dataset.cat = f.category;
    var close = el("button", "close", "×"); close.type = "button"; close.title = "Close (Esc)";
    head.append(sev, cat, el("span", "rule", f.rule + " " + f.name), close);
    box.append(head, el("p", "dmsg", f.message));
    if (f.suggestion) {
      var sugg = el("p", "dsugg"); sugg.append(el("b", "", "Suggestion: "), document.createTextNode(f.suggestion));
      box.append(sugg);
    }
    if (f.text) {
      var quote = el("blockquote");
      quote.append(el("span", "ctx", f.context[0]), el("mark", "", f.text), el("span", "ctx", f.context[1]));
      box.append(quote);
    }
    var where = "Line " + f.line + ", column " + f.column;
    if (f.end_line !== f.line) where += " to line " + f.end_line + ", column " + f.end_column;
    box.append(el("p", "dpos", where));
    if (f.safe_fix) box.append(el("p", "dfix", "✓ Safe to fix automatically: copydesk check --fix"));
    if (rule.summary) box.append(el("p", "drule", rule.summary));
    var others = cover.filter(function (j) { return j !== i && visible(findingsOf(a)[j]); });
    if (others.length) {
      var also = el("div", "dalso", "Also on this text:");
      others.forEach(function (j) {
        var g = findingsOf(a)[j], b = el("button", "", g.rule + " · " + g.message);
        b.type = "button"; b.dataset.goto = String(j);
        also.append(b);
      });
      box.append(also);
    }
    box.hidden = false;
  }
  function step(delta) {
    if (state.article === null) return;
    var a = state.article, fs = findingsOf(a);
    var order = fs.map(function (_, i) { return i; }).filter(function (i) { return visible(fs[i]); });
    if (!order.length) return;
    var at = state.selected && state.selected[0] === a ? order.indexOf(state.selected[1]) : -1;
    var next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
    select(a, order[next], true);
  }

  /* -- views -------------------------------------------------------------------------- */
  function route() {
    var m = /^#a-(\d+)(?:\/f-(\d+))?$/.exec(location.hash);
    var target = m && section(m[1]) ? section(m[1]) : document.getElementById("overview");
    document.querySelectorAll(".view").forEach(function (v) { v.classList.toggle("active", v === target); });
    clearSelection();
    state.article = m && section(m[1]) ? Number(m[1]) : null;
    if (m && m[2] !== undefined && state.article !== null) select(state.article, Number(m[2]), true);
    else window.scrollTo(0, 0);
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    var mark = t.closest("mark[data-f]");
    if (mark && !mark.classList.contains("off")) {
      var a = Number(mark.closest("section.article").dataset.a), fs = findingsOf(a);
      var shown = coverOf(mark).filter(function (i) { return visible(fs[i]); }).sort(byWeight(fs));
      var cur = state.selected && state.selected[0] === a ? shown.indexOf(state.selected[1]) : -1;
      select(a, shown[cur >= 0 && mark.classList.contains("sel") ? (cur + 1) % shown.length : 0], false);
      return;
    }
    var item = t.closest(".fi");
    if (item) { select(Number(item.closest("section.article").dataset.a), Number(item.dataset.i), true); return; }
    var jump = t.closest("[data-goto]");
    if (jump) { select(Number(jump.closest("section.article").dataset.a), Number(jump.dataset.goto), true); return; }
    if (t.closest(".details .close")) clearSelection();
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    if (e.key === "j") step(1);
    else if (e.key === "k") step(-1);
    else if (e.key === "Escape") clearSelection();
    else if (e.key === "Enter" && e.target.matches("mark[data-f]")) e.target.click();
  });
  filters.addEventListener("change", applyFilters);
  window.addEventListener("hashchange", route);
  readFilters();
  route();
})();
