/**
 * A consultation's images (maps, plans, photos), which the portal and the workbench's preview
 * both render, so staff preview exactly the markup residents get. Each image has its
 * alternative text in the page's language (WCAG 1.1.1), its width and height so the page does
 * not shift while it loads, and loads lazily: the images follow the introduction, below the
 * fold on most screens. A caption is visible text for everyone, not a second alternative.
 */
import type { ConsultationImage, Locale } from '../contracts/public-content.ts';
import { attrs, html, inlineText, join, localized, nothing, type Html } from '../html/index.ts';

/**
 * @example renderConsultationImages(c.images, 'nl')
 * @example renderConsultationImages(c.images, 'en', (image, i) => previewUrl(i)) // the workbench's own address
 */
export function renderConsultationImages(
  images: readonly ConsultationImage[] | undefined,
  lang: Locale,
  src: (image: ConsultationImage, index: number) => string = (image) => image.url,
): Html {
  if (!images || images.length === 0) return nothing;
  return html`<div class="podium-figures">
${join(
  images.map((image, i) => {
    const alt = localized(image.alt, lang);
    return html`<figure class="podium-figure">
<img${attrs({
      src: src(image, i),
      alt: alt.value,
      lang: alt.lang === lang ? undefined : alt.lang,
      width: String(image.width),
      height: String(image.height),
      loading: 'lazy',
      decoding: 'async',
    })}>
${caption(image.caption, lang)}
</figure>`;
  }),
  '\n',
)}
</div>`;
}

/** The caption in the page's language where written, else in the one it has, marked as such. */
function caption(text: ConsultationImage['caption'], lang: Locale): Html {
  if (!text || !(text.nl || text.en)) return nothing;
  if (text.nl) return html`<figcaption>${inlineText(text, lang)}</figcaption>`;
  return lang === 'en'
    ? html`<figcaption>${text.en}</figcaption>`
    : html`<figcaption><span lang="en">${text.en}</span></figcaption>`;
}
