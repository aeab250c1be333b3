// The contents stay open beside the text on wide screens, folded on phones.
(function () {
  var contents = document.querySelector("[data-report-contents]");
  if (!contents) return;
  var wide = window.matchMedia("(min-width: 68rem)");
  function follow() { contents.open = wide.matches; }
  follow();
  wide.addEventListener("change", follow);
})();
