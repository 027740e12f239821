/* global setTimeout */
// The composer's "copy" buttons for platforms Podium does not post on. Without JavaScript
// the buttons stay hidden and the text is selected by hand from its read-only field. The
// result is said through one polite live region (WCAG 4.1.3 Status Messages), so a screen
// reader hears "gekopieerd" without focus moving off the button. It is aria-live, not
// role=status, so the page keeps one status: its notice.
const status = document.querySelector('[data-copy-status]');

for (const button of document.querySelectorAll('[data-copy-for]')) {
  const field = document.getElementById(button.dataset.copyFor);
  if (!field || !status) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      // No clipboard permission (an old browser, an insecure test address): select the text instead.
      field.focus();
      field.select();
      copied = document.execCommand?.('copy') ?? false;
    }
    // Emptied first so the same message twice in a row is announced again.
    status.textContent = '';
    setTimeout(() => {
      status.textContent = copied ? button.dataset.copied : button.dataset.failed;
    }, 50);
  });
}
