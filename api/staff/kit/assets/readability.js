/* global setTimeout, clearTimeout */
// Updates the readability hint under a text field while staff type. Without JavaScript the
// hint shows the score of the text as the page was rendered (and on every preview). The
// score comes from the server (api/services/readability.ts), so there is one formula.
// Screen readers hear the verdict only when it changes and typing has paused: never on
// every key.
const token = document.querySelector('input[name="csrf"]');

for (const hint of document.querySelectorAll('[data-readability-for]')) {
  const field = document.getElementById(hint.dataset.readabilityFor);
  const output = hint.querySelector('[data-readability-output]');
  const live = hint.querySelector('[data-readability-live]');
  if (!field || !output || !live || !token) continue;
  // The answer form's language radios change which formula applies.
  const languageOf = () => {
    const checked = field.form?.querySelector('input[name="language"]:checked');
    return checked ? checked.value : hint.dataset.textLang;
  };
  let timer;
  let lastVerdict;
  const update = async () => {
    try {
      const response = await fetch('/api/staff/readability', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token.value },
        body: JSON.stringify({ text: field.value, lang: languageOf(), uiLang: hint.dataset.lang }),
        credentials: 'same-origin',
      });
      if (!response.ok) return;
      const result = await response.json();
      output.textContent = result.text;
      hint.classList.toggle('staff-readability--ok', result.meetsB1);
      if (result.verdict !== lastVerdict) {
        lastVerdict = result.verdict;
        live.textContent = result.text;
      }
    } catch {
      // Offline or session ended: the hint keeps its last value; the session script warns.
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 1200);
  };
  field.addEventListener('input', schedule);
  field.form?.addEventListener('change', (event) => {
    if (event.target.name === 'language') schedule();
  });
}
