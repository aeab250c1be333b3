// Each recommendation's panel in the page editor is headed with the number
// readers see ("Recommandation 3"), counted across the report's recommendation
// blocks and kept up to date as editors add, move or delete them.
(() => {
  const label = document.currentScript.dataset.label;
  const ITEMS =
    '[data-contentpath="recommendations"] > div > [data-streamfield-list-container] > [data-streamfield-child]';

  const isDeleted = (child) => {
    for (let node = child; node; node = node.parentElement && node.parentElement.closest("[data-streamfield-child]")) {
      const deleted = node.querySelector(':scope > input[name$="-deleted"]');
      if (deleted && deleted.value === "1") return true;
    }
    return false;
  };

  const renumber = () => {
    let number = 0;
    document.querySelectorAll(ITEMS).forEach((child) => {
      const heading = child.querySelector(":scope > section > .w-panel__header .c-sf-block__type");
      if (!heading) return;
      const text = isDeleted(child) ? "" : label.replace("%(number)s", String((number += 1)));
      // Writing only changes keeps the observer below from calling itself forever.
      if (heading.textContent !== text) heading.textContent = text;
    });
  };

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      renumber();
    });
  };
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  schedule();
})();
