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
