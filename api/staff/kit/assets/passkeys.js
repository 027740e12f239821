/* global FormData, URLSearchParams */
// Passkey ceremonies on the two-step verification pages (api/staff/second-factor/): making a
// passkey on one's own page, and signing with one at the log-in's second step. The library
// (@simplewebauthn/browser, served as /beheer/assets/webauthn.js before this module) talks to
// the browser; everything else is a plain form the server answers.
//
// The forms come hidden, beside a paragraph that says passkeys need a browser that supports
// them: where this browser can, the paragraph goes and the form shows. On submit the script
// asks the server for the ceremony's options (a fresh challenge, bound to this session or
// log-in), runs the ceremony, puts the answer in the form and sends it. When the ceremony
// ends without an answer (cancelled, timed out, not possible) the form is sent with what went
// wrong, so the server answers in the page's own way: an error summary, in the page's language,
// with the name that was typed kept. Without an answer or a reason (the options were refused,
// e.g. a name already in use) the form goes as it is and the server says why.
const library = globalThis.SimpleWebAuthnBrowser;
const supported = Boolean(library && library.browserSupportsWebAuthn());
const forms = document.querySelectorAll('form[data-passkey-register], form[data-passkey-sign-in]');

if (supported && forms.length > 0) {
  for (const paragraph of document.querySelectorAll('[data-passkey-unavailable]')) paragraph.hidden = true;
  for (const form of forms) {
    form.hidden = false;
    const registering = form.hasAttribute('data-passkey-register');
    const answer = form.elements.namedItem('response');
    const failure = form.elements.namedItem('ceremony');
    const button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      answer.value = '';
      failure.value = '';
      const name = registering ? form.elements.namedItem('name') : null;
      // An empty name is refused by the server as any empty field is; no ceremony for it.
      if (name && !name.value.trim()) return form.submit();
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch(form.dataset.optionsUrl, {
          method: 'POST',
          headers: { Accept: 'application/json' },
          body: new URLSearchParams(new FormData(form)),
          credentials: 'same-origin',
        });
        if (response.ok) {
          const optionsJSON = await response.json();
          const result = registering
            ? await library.startRegistration({ optionsJSON })
            : await library.startAuthentication({ optionsJSON });
          answer.value = JSON.stringify(result);
        }
      } catch (error) {
        const kind = error && (error.name || (error.cause && error.cause.name));
        failure.value = kind === 'NotAllowedError' || kind === 'AbortError' ? 'cancelled' : 'failed';
      }
      form.submit();
    });
  }
}
