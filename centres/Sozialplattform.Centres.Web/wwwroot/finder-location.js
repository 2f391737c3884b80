// "Mein Standort" on the finder: shown only where JavaScript and the browser's geolocation exist; the seeker's position,
// rounded to about a kilometre, goes as the search parameter "standort" — nothing else is sent, nothing is stored.
// Without JavaScript, or when the seeker declines, the search by postal code or place works as before.
(() => {
  const box = document.getElementById('mein-standort');
  if (!box || !('geolocation' in navigator)) return;
  const button = document.getElementById('mein-standort-button');
  const status = document.getElementById('mein-standort-status');
  const field = document.getElementById('standort');
  box.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = box.dataset.waiting;
    navigator.geolocation.getCurrentPosition(position => {
      field.value = position.coords.latitude.toFixed(2) + ',' + position.coords.longitude.toFixed(2);
      field.disabled = false;
      document.getElementById('ort').value = '';
      button.form.submit();
    }, () => { status.textContent = box.dataset.failed; }, { maximumAge: 600000, timeout: 15000 });
  });
})();
