/* global setTimeout, clearTimeout, location, URLSearchParams, FormData */
// Warns staff before their session ends and lets them extend it without leaving the page
// (WCAG 2.2.1 Timing adjustable). Without JavaScript the "extend" form in the header works
// as a plain form post. Texts and timings come from data attributes on <body>.
const data = document.body.dataset;
const time = document.querySelector('[data-session-expires]');
const region = document.querySelector('[data-session-alert]');
const form = document.querySelector('[data-session-form]');

if (time && region && form) {
  const warnBefore = Number(data.warnBefore);
  let expires = Date.parse(time.getAttribute('datetime'));
  let timers = [];
  const format = (ms) =>
    new Intl.DateTimeFormat(data.lang === 'en' ? 'en-GB' : 'nl-NL', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(ms));

  // The region is an empty role="alert" from page load, so what is put in it is announced.
  // Focus never moves: someone typing a note keeps their place.
  const say = (text, action) => {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    region.replaceChildren(paragraph);
    if (action) region.append(action);
  };

  const warn = () => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'staff-button';
    button.textContent = data.textExtend;
    button.addEventListener('click', extend);
    say(data.textWarning.replace('{time}', format(expires)), button);
  };

  const expire = () => {
    const link = document.createElement('a');
    link.href = `${data.loginUrl}?next=${encodeURIComponent(location.pathname)}`;
    link.textContent = data.textLogin;
    say(data.textExpired, link);
  };

  const schedule = () => {
    timers.forEach(clearTimeout);
    timers = [
      setTimeout(warn, Math.max(0, expires - warnBefore - Date.now())),
      setTimeout(expire, Math.max(0, expires - Date.now())),
    ];
  };

  async function extend(event) {
    event.preventDefault();
    let response;
    try {
      response = await fetch(data.extendUrl, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      });
    } catch {
      response = undefined;
    }
    if (!response || !response.ok) {
      if (response && response.status === 401) expire();
      return;
    }
    const { expiresAt } = await response.json();
    expires = Date.parse(expiresAt);
    time.setAttribute('datetime', expiresAt);
    time.textContent = format(expires);
    say(data.textExtended.replace('{time}', format(expires)));
    schedule();
  }

  form.addEventListener('submit', extend);
  schedule();
}
