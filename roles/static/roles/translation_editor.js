// wagtail-localize's translation editor, completed in the translator's language.
// Its script writes a few words in English whatever the admin's language (they
// never reach gettext): the page lists them with the words to show instead.
// It also counts the texts translated so far, as the translator works.
// Deferred: the admin puts its scripts in the head, before the editor.
(() => {
  const editor = document.querySelector(".js-translation-editor");
  const wordsScript = document.getElementById("translation-editor-words");
  const progress = document.querySelector("[data-translation-progress]");
  if (!editor || !wordsScript) return;
  const words = JSON.parse(wordsScript.textContent);

  const relabel = () => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const replacement = words[node.textContent.trim()];
      if (replacement) node.textContent = replacement;
    }
    if (progress && editor.querySelector("li.complete, li.incomplete")) {
      const translated = editor.querySelectorAll("li.complete").length;
      const count = progress.querySelector("[data-translated]");
      if (count.textContent !== String(translated)) count.textContent = translated;
    }
  };
  // The editor draws itself after this script runs, and again as texts are saved.
  new MutationObserver(relabel).observe(editor, { childList: true, subtree: true, characterData: true });
  relabel();
})();
