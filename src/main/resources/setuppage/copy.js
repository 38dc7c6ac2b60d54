(function () {
  "use strict";
  // Progressive enhancement: a Copy button after each value, where the browser lets a page write
  // to the clipboard. Without it (or without JavaScript) the values are plain selectable text.
  var status = document.getElementById("copy-status");
  if (!status || !navigator.clipboard || !window.isSecureContext) {
    return;
  }
  var label = status.getAttribute("data-copy-label");
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (value) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = label;
    button.setAttribute("aria-label", label + " " + value.getAttribute("data-copy"));
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(value.textContent).then(function () {
        status.textContent = status.getAttribute("data-copied").replace("{value}", value.textContent);
      });
    });
    value.parentNode.appendChild(button);
  });
}());
