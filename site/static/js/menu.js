// The main menu is a <details> disclosure: closed on small screens, always shown
// on wide ones. Browsers that cannot style the disclosure's content
// (::details-content) get it opened here on wide screens.
(function () {
  "use strict";
  var menu = document.getElementById("site-menu");
  if (!menu || !window.matchMedia || (window.CSS && CSS.supports("selector(::details-content)"))) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function sync() { menu.open = wide.matches; }
  sync();
  wide.addEventListener("change", sync);
})();
