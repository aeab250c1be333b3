// Suggestions under the search box as the reader types. Without this script
// the box is a plain form that submits to the search page.
(function () {
  "use strict";
  document.querySelectorAll("form[role=search][data-suggest-url]").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector(".search-suggestions");
    if (!input || !list) return;
    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        var ticket = ++latest;
        if (text.length < 2) {
          list.hidden = true;
          list.replaceChildren();
          return;
        }
        fetch(form.dataset.suggestUrl + "&q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            if (ticket !== latest) return;
            list.replaceChildren.apply(
              list,
              data.results.map(function (item) {
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
            list.hidden = data.results.length === 0;
          })
          .catch(function () {
            list.hidden = true;
          });
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        list.hidden = true;
      }
    });
  });
})();
