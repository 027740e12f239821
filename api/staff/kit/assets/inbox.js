/* global sessionStorage */
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
