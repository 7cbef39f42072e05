// Tapping an area of the figure ticks or unticks its checkbox; the checkboxes stay the real form.
// With the figure working, the list of areas folds away, the questions about the pain wait until an area is
// ticked, and ticking the health consent opens the health questions: a shorter page on a phone.
(function () {
  var maps = document.querySelectorAll("[data-bodymap]");
  Array.prototype.forEach.call(maps, function (map) {
    var list = map.querySelector("details[data-fold]");
    var pain = document.querySelector("[data-needs-area]");
    function box(shape) { return document.getElementById("region-" + shape.getAttribute("data-region")); }
    function paint() {
      Array.prototype.forEach.call(map.querySelectorAll("svg [data-region]"), function (shape) {
        var b = box(shape);
        shape.classList.toggle("on", !!(b && b.checked));
      });
      if (pain && map.querySelector("input[name=Regions]:checked")) { pain.hidden = false; pain = null; }
    }
    map.addEventListener("click", function (e) {
      var shape = e.target.closest && e.target.closest("svg [data-region]");
      var b = shape && box(shape);
      if (b) { b.checked = !b.checked; paint(); }
    });
    map.addEventListener("change", paint);
    map.classList.add("tappable");
    var hint = map.querySelector("[data-tap-hint]");
    if (hint) { hint.hidden = false; }
    if (list) { list.open = false; }
    if (pain) { pain.hidden = true; }
    paint();
  });
  var consent = document.querySelector("input[name=HealthConsent]");
  var health = document.getElementById("health");
  if (consent && health) {
    consent.addEventListener("change", function () { if (consent.checked) { health.open = true; } });
  }
})();
