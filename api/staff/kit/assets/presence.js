/* global setTimeout, clearTimeout, URLSearchParams, addEventListener */
// Who else has this item open. The page shows it as it was at load (that is all there is
// without JavaScript); this script sends a heartbeat every data-presence-poll-ms, shows the
// answer, and tells screen readers only when the people change (a polite live region: not
// on every poll, and focus never moves). On pagehide it says goodbye with sendBeacon, which
// cannot send headers, so the CSRF token goes in the body.
const box = document.querySelector('[data-presence]');
const token = document.querySelector('input[name="csrf"]');

if (box && token) {
  const line = box.querySelector('[data-presence-text]');
  const live = box.querySelector('[data-presence-live]');
  const every = Math.max(200, Number(box.dataset.presencePollMs) || 20000);
  const url = `${box.dataset.presenceUrl}?lang=${box.dataset.lang === 'en' ? 'en' : 'nl'}`;
  let people = box.dataset.presencePeople || '';
  let timer;
  let stopped = false;

  const beat = async () => {
    clearTimeout(timer);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-CSRF-Token': token.value },
        credentials: 'same-origin',
      });
      // Session ended (the session script says so), or the item is gone: stop asking.
      if ([401, 403, 404].includes(response.status)) stopped = true;
      if (response.ok) {
        const answer = await response.json();
        line.textContent = answer.text;
        line.hidden = !answer.text;
        const now = answer.others.map((other) => other.id).join(',');
        if (now !== people) {
          people = now;
          live.textContent = answer.announcement;
        }
      }
    } catch {
      // Offline for a moment: the line keeps its last value; the next beat tries again.
    }
    if (!stopped) timer = setTimeout(beat, every);
  };

  timer = setTimeout(beat, every);
  addEventListener('pagehide', () => {
    clearTimeout(timer);
    navigator.sendBeacon(box.dataset.presenceLeaveUrl, new URLSearchParams({ csrf: token.value }));
  });
  // Back from the back-forward cache: present again at once.
  addEventListener('pageshow', (event) => {
    if (event.persisted && !stopped) beat();
  });
}
