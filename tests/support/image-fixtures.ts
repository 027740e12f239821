/**
 * Tiny real images (40 × 30 pixels, made once with sharp) for tests of image uploads: one per
 * type Podium takes, and the three WebP flavours, whose sizes are stored in different places.
 */
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export const PNG_40x30 = bytes(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAPUlEQVRIie3VQQ0AMAwCwHnCE+JQORnb45L+mzSUO+mezLG4Th3hmneqAonKHCSKxWGxWAwWh8ViMV+xeAHMwOpcE9v32gAAAABJRU5ErkJggg==',
);
export const JPEG_40x30 = bytes(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAeACgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCTAWKcAAAAAAAAAAf/2Q==',
);
export const WEBP_40x30 = bytes(
  'UklGRkgAAABXRUJQVlA4IDwAAABQAwCdASooAB4APm02l0ikIyIhJWgAgA2JZwDQvoAAK/fDcAD+7c7f/43jwK8l2V//xbn7dc2wZ31IAAA=',
);
export const WEBP_LOSSLESS_40x30 = bytes('UklGRh4AAABXRUJQVlA4TBEAAAAvJ0AHAAdQs85Utf+BiOh/AAA=');
export const WEBP_ALPHA_40x30 = bytes(
  'UklGRlgAAABXRUJQVlA4WAoAAAAQAAAAJwAAHQAAQUxQSAoAAAABB1DAiAhERP8DVlA4ICgAAADwAgCdASooAB4APm02l0ikIyIhJWgAgA2JaQAAKUNt8AD++3jAAAAA',
);
/** A GIF: a real image, but not a type Podium takes. */
export const GIF_1x1 = bytes('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==');
