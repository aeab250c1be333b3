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
