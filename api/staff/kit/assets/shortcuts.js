/* global HTMLElement */
// Keyboard shortcuts for the queue: j/k next and previous item, p publish, r reject (asks
// for the house rule), e escalate, a answer, ? help. They act only when focus is not in a
// text field, and never submit anything by themselves: a decision still needs Enter on the
// focused button. Staff can turn them off on the help page (WCAG 2.1.4); the choice is
// kept in this browser. Texts come from data attributes on the status region (no inline
// script: the staff CSP is script-src 'self').
const KEY = 'podium-shortcuts';
const enabled = () => localStorage.getItem(KEY) !== 'off';
const status = document.querySelector('[data-shortcut-status]');
const data = status?.dataset ?? {};
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
const texts = {
  item: (n, total, title) => fill(data.textItem ?? '{n}/{total}: {title}', { n, total, title }),
  chosen: (decision) => fill(data.textChosen ?? '{decision}', { decision }),
  chooseRule: data.textChooseRule ?? '',
  noItem: data.textNoItem ?? '',
  on: data.textOn ?? '',
  off: data.textOff ?? '',
};
const say = (text) => {
  if (status) status.textContent = text;
};

// The help page: the switch.
const toggle = document.querySelector('[data-shortcut-toggle]');
if (toggle) {
  const box = toggle.querySelector('input');
  toggle.hidden = false;
  box.checked = enabled();
  box.addEventListener('change', () => {
    localStorage.setItem(KEY, box.checked ? 'on' : 'off');
    say(box.checked ? texts.on : texts.off);
  });
}

// The inbox: j/k move through the list's links (Enter opens one); p, r, e and a act on the
// opened item (`data-queue-current`) wherever focus is, or on the focused item elsewhere.
const items = () => [...document.querySelectorAll('[data-queue-item]')];
const current = () => document.activeElement?.closest('[data-queue-item]');
const target = () => document.querySelector('[data-queue-current]') ?? current();
const titleOf = (item) => (item.querySelector('[data-queue-title], h2')?.textContent ?? '').trim();
const typing = (target) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function move(step) {
  const list = items();
  if (list.length === 0) return;
  const at = list.indexOf(current());
  const next = list[at === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step))];
  next.focus();
  next.scrollIntoView({ block: 'start' });
  say(texts.item(list.indexOf(next) + 1, list.length, titleOf(next)));
}

function choose(decision) {
  const item = target();
  if (!item) return say(texts.noItem);
  const radio = item.querySelector(`.staff-decision input[name="decision"][value="${decision}"]`);
  if (!radio) return;
  radio.checked = true;
  if (decision === 'reject') {
    item.querySelector('.staff-decision select[name="rule"]')?.focus();
    say(texts.chooseRule);
    return;
  }
  item.querySelector('.staff-decision button[type="submit"]')?.focus();
  say(texts.chosen(radio.labels?.[0]?.textContent ?? decision));
}

document.addEventListener('keydown', (event) => {
  if (!enabled() || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const actions = {
    j: () => move(1),
    k: () => move(-1),
    p: () => choose('publish'),
    r: () => choose('reject'),
    e: () => choose('escalate'),
    a: () => {
      const link = target()?.querySelector('[data-shortcut-answer]');
      if (link) link.click();
      else say(texts.noItem);
    },
    '?': () => {
      const help = document.querySelector('a[href$="/sneltoetsen"], a[href$="/shortcuts"]');
      if (help) help.click();
    },
  };
  const action = actions[event.key];
  if (!action || (items().length === 0 && !target() && event.key !== '?')) return;
  event.preventDefault();
  action();
});
