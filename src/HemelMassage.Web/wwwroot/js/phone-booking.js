// Phone booking: find the client as you type, pick them without leaving the form, and refresh the
// free hours when the treatment, therapist or day changes. Without this script the Find button, the
// pick links and "Show the free hours" do the same through the server.
(() => {
  const form = document.getElementById('phone-booking');
  const search = document.querySelector('[data-client-search]');
  const matches = document.getElementById('client-matches');
  const hours = document.getElementById('free-hours');
  if (!form || !search || !matches || !hours) return;
  const q = search.elements.q;
  const field = name => form.elements.namedItem(name);
  const chosenTime = () => {
    const other = field('OtherTime').value;
    const radio = form.querySelector('input[name="Time"]:checked');
    return other || (radio ? radio.value : '');
  };
  const chosen = () => new URLSearchParams({
    therapist: field('TherapistId').value, treatment: field('TreatmentId').value, date: field('Date').value, time: chosenTime(),
  });
  let timer = 0;
  const pending = new Map();
  const load = async (url, target) => {
    pending.get(target)?.abort();
    const controller = new AbortController();
    pending.set(target, controller);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (response.ok) target.innerHTML = await response.text();
    } catch (e) {
      if (e.name !== 'AbortError') throw e;
    }
  };
  const find = () => {
    const params = chosen();
    params.set('q', q.value);
    return load('/admin/bookings/new/clients?' + params, matches);
  };
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(find, 200);
  });
  search.addEventListener('submit', e => {
    e.preventDefault();
    clearTimeout(timer);
    find();
  });
  matches.addEventListener('click', e => {
    const link = e.target.closest('a[data-client-id]');
    if (!link) return;
    e.preventDefault();
    field('ClientId').value = link.dataset.clientId;
    field('Name').value = link.dataset.name;
    field('Email').value = link.dataset.email;
    field('Phone').value = link.dataset.phone;
    document.getElementById('client-status').textContent =
      `Booking for ${link.dataset.name}, an existing client. Details you change here update their record (the change is audited).`;
    form.querySelector('[data-new-client]').hidden = false;
    field('TreatmentId').focus();
  });
  const refreshHours = () => {
    const params = chosen();
    load('/admin/bookings/new/hours?' + params, hours);
  };
  for (const name of ['TherapistId', 'TreatmentId', 'Date']) field(name).addEventListener('change', refreshHours);
  form.querySelector('[data-hours-button]').hidden = true;
})();
