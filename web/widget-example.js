// The host page's script: listens to the widgets' cbm-change events, as a wallet would, and
// shows the latest detail (as text).
const log = document.getElementById('events');
let count = 0;
document.addEventListener('cbm-change', (event) => {
  count += 1;
  log.dataset.count = String(count);
  log.textContent = `${count} cbm-change events. The latest, from #${event.target.id}:\n${JSON.stringify(event.detail, null, 2)}`;
});
