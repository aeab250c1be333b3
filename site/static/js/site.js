// The site's few behaviours, in one file so that no page pays a request for each.

// The main menu and the listings' filters are <details> disclosures (data-open-wide):
// closed on small screens, always shown on wide ones. Browsers that cannot style
// the disclosure's content (::details-content) get them opened here on wide screens.
(function () {
  "use strict";
  var folds = document.querySelectorAll("details[data-open-wide]");
  if (!folds.length || !window.matchMedia || (window.CSS && CSS.supports("selector(::details-content)"))) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() {
    folds.forEach(function (fold) {
      fold.open = wide.matches;
    });
  }
  sync();
  wide.addEventListener("change", sync);
})();

// The other language's link keeps the place the reader is at: the anchor of a
// recommendation or a section is the same in both languages (the filters are
// already in the link, made by the server).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".language-switcher a[rel=alternate]");
    if (!link || !window.location.hash) return;
    link.hash = window.location.hash;
  });
})();

// A report's contents stay open beside the text on wide screens (site.css), folded on phones.
(function () {
  "use strict";
  var contents = document.querySelector("[data-report-contents]");
  if (!contents || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 68rem)");
  function follow() {
    contents.open = wide.matches;
  }
  follow();
  wide.addEventListener("change", follow);
})();

// Suggestions under the search boxes (every page's header, the search page's
// form) as the reader types, from the search app's JSON (search_suggest). Here
// rather than in a file of the search app: the header's box is on every page,
// and a file of its own cost every page a request. The list is made at the
// first suggestions, not sent empty in every page (nor made at load: the DOM
// is what the page weighs, docs/performance.md). Without this script the box is
// a plain form that submits to the search page.
(function () {
  "use strict";
  document.querySelectorAll("form[role=search][data-suggest-url]").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var list = null;
    function hide() {
      if (list) {
        list.hidden = true;
      }
    }
    function show(results) {
      if (!list) {
        list = document.createElement("ul");
        list.className = "search-suggestions";
        list.id = input.id + "-suggestions";
        list.setAttribute("aria-label", form.dataset.suggestLabel);
        form.append(list);
        input.setAttribute("aria-controls", list.id);
      }
      list.replaceChildren.apply(
        list,
        results.map(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = item.url;
          a.textContent = item.title;
          var type = document.createElement("span");
          type.className = "meta";
          type.textContent = " · " + item.type;
          li.append(a, type);
          return li;
        }),
      );
      list.hidden = results.length === 0;
    }
    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        var ticket = ++latest;
        if (text.length < 2) {
          hide();
          return;
        }
        fetch(form.dataset.suggestUrl + "&q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            if (ticket === latest) {
              show(data.results);
            }
          })
          .catch(hide);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        hide();
      }
    });
  });
})();
