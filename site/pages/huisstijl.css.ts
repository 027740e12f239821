/**
 * /huisstijl.css: the organisation's house colours as NL Design System custom properties
 * (shared/theme.ts), linked by every page after the portal's stylesheet when the organisation
 * chose colours of its own. A file rather than an inline style: the Content-Security-Policy
 * allows styles from Podium's own address only.
 */
import type { APIRoute } from 'astro';
import { getOrganisation } from '../lib/content.ts';
import { themeCss } from '../../shared/theme.ts';

export const GET: APIRoute = async () =>
  new Response(`${themeCss((await getOrganisation()).theme)}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
