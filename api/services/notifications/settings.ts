/**
 * Where links in notification mails point. Mails are written when the event happens, deep
 * inside a service's transaction, so the address is set once per process (`createApp`
 * passes `PODIUM_PUBLIC_URL`) instead of threaded through every service. It is never taken
 * from a request's Host header, which an attacker chooses.
 */
let publicUrl = 'http://localhost:4321';

export function setMailPublicUrl(url: string): void {
  if (url) publicUrl = url.replace(/\/+$/, '');
}

export function mailPublicUrl(): string {
  return publicUrl;
}
