// The main menu and the listings' filters are <details> disclosures (data-open-wide):
// closed on small screens, always shown on wide ones. Browsers that cannot style
// the disclosure's content (::details-content) get them opened here on wide screens.
(function () {
  "use strict";
  var folds = document.querySelectorAll("details[data-open-wide]");
  if (!folds.length || !window.matchMedia || (window.CSS && CSS.supports("selector(::details-content)"))) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() { folds.forEach(function (fold) { fold.open = wide.matches; }); }
  sync();
  wide.addEventListener("change", sync);
})();
