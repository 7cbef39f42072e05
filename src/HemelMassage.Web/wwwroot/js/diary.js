// The diary grid: drag a booking onto a free hour (any therapist) to move it. It posts the booking page's own
// move form, so the server checks every rule again; a refusal is shown and nothing changes.
(function () {
  'use strict';
  var grid = document.querySelector('.diary-grid');
  var message = document.getElementById('grid-message');
  var token = document.querySelector('.move-token input[name="__RequestVerificationToken"]');
  if (!grid || !message || !token) { return; }
  var said = sessionStorage.getItem('diary-message');
  if (said) { sessionStorage.removeItem('diary-message'); show(said, false); }
  var dragged = null;

  function show(text, refused) {
    message.textContent = text;
    message.className = 'grid-message notice ' + (refused ? 'warning' : 'success');
  }

  grid.querySelectorAll('.booking[data-movable="true"]').forEach(function (booking) {
    booking.draggable = true;
    booking.addEventListener('dragstart', function (e) {
      dragged = booking;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', booking.dataset.booking);
      grid.classList.add('dragging');
    });
    booking.addEventListener('dragend', function () { grid.classList.remove('dragging'); });
  });

  grid.querySelectorAll('td.free').forEach(function (cell) {
    cell.addEventListener('dragover', function (e) { if (dragged) { e.preventDefault(); cell.classList.add('drop'); } });
    cell.addEventListener('dragleave', function () { cell.classList.remove('drop'); });
    cell.addEventListener('drop', function (e) {
      e.preventDefault();
      cell.classList.remove('drop');
      if (!dragged) { return; }
      var booking = dragged;
      dragged = null;
      move(booking, cell);
    });
  });

  function move(booking, cell) {
    var form = new FormData();
    form.append('__RequestVerificationToken', token.value);
    form.append('Move.Version', booking.dataset.version);
    form.append('Move.TherapistId', cell.dataset.therapist);
    form.append('Move.Date', cell.dataset.date);
    form.append('Move.Time', cell.dataset.time);
    show('Moving…', false);
    fetch('/admin/bookings/' + booking.dataset.booking + '/move', {
      method: 'POST', body: form, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().catch(function () { return { moved: false, message: 'The move could not be made (error ' + response.status + '). Nothing was changed.' }; });
    }).then(function (answer) {
      if (answer.moved) {
        sessionStorage.setItem('diary-message', answer.message);
        location.reload();
      } else {
        show(answer.message, true);
      }
    }, function () {
      show('The diary could not reach the server, so nothing was moved. Try again.', true);
    });
  }
})();
