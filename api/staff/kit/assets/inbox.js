/* global sessionStorage, setInterval */
// The inbox: when an item is opened from the list, focus goes to the opened item's heading,
// so keyboard and screen-reader users land on what they chose rather than at the top of
// the page (the list keeps its place for sighted users beside it). Without JavaScript the
// page starts at the top, with a skip link to the item. A refused form keeps focus on its
// error summary (the shell's own behaviour): this script then does nothing.
const KEY = 'podium-inbox-opened';
for (const link of document.querySelectorAll('[data-inbox-link]')) {
  link.addEventListener('click', () => sessionStorage.setItem(KEY, '1'));
}
const heading = document.querySelector('[data-inbox-detail] h2[tabindex]');
const refused = document.querySelector('.staff-error-summary');
if (sessionStorage.getItem(KEY) === '1') {
  sessionStorage.removeItem(KEY);
  if (heading && !refused) heading.focus();
}

// New items: every 30 seconds (`data-poll-ms`) the page asks how many items arrived in this list since it was
// shown, and says so in the polite status region with a link to the newest. Nothing moves:
// no focus change, no reordering under the cursor. Not while the tab is hidden; a failed
// request is tried again next time.
const region = document.querySelector('[data-new-items]');
if (region) {
  const text = region.querySelector('[data-new-items-text]');
  const link = region.querySelector('[data-new-items-link]');
  let said = 0;
  const check = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(region.dataset.url, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const answer = await response.json();
      if (answer.count === said) return;
      said = answer.count;
      text.textContent = answer.text;
      link.hidden = answer.count === 0;
    } catch {
      // Offline or the session ended: the session script says the latter; try again later.
    }
  };
  setInterval(check, Number(region.dataset.pollMs) || 30_000);
}
