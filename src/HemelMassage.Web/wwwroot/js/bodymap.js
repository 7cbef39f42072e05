// Tapping an area of the figure ticks or unticks its checkbox; the checkboxes stay the real form.
(function () {
  var maps = document.querySelectorAll("[data-bodymap]");
  Array.prototype.forEach.call(maps, function (map) {
    function box(shape) { return document.getElementById("region-" + shape.getAttribute("data-region")); }
    function paint() {
      Array.prototype.forEach.call(map.querySelectorAll("svg [data-region]"), function (shape) {
        var b = box(shape);
        shape.classList.toggle("on", !!(b && b.checked));
      });
    }
    map.addEventListener("click", function (e) {
      var shape = e.target.closest && e.target.closest("svg [data-region]");
      var b = shape && box(shape);
      if (b) { b.checked = !b.checked; paint(); }
    });
    map.addEventListener("change", paint);
    map.classList.add("tappable");
    paint();
  });
})();
