// The organisation page's house colours: while a colour is typed, its swatch and the
// contrast it reaches follow it. Only a help: the server
// measures again and refuses what does not reach WCAG contrast. The arithmetic is the one
// in shared/theme.ts (WCAG relative luminance).
const form = document.querySelector('[data-theme-form]');
const HEX = /^#[0-9a-f]{6}$/;

const luminance = (hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

if (form) {
  const colour = (name) => {
    const value = form.querySelector(`[data-token="${name}"]`)?.value.trim().toLowerCase() ?? '';
    return HEX.test(value) ? value : undefined;
  };
  const update = () => {
    for (const input of form.querySelectorAll('[data-token]')) {
      const name = input.dataset.token;
      const value = colour(name);
      const swatch = form.querySelector(`[data-swatch="${name}"]`);
      if (swatch) swatch.style.background = value ?? 'transparent';
      const output = form.querySelector(`[data-ratio="${name}"]`);
      const other = input.dataset.against === 'accent' ? colour('accent') : '#ffffff';
      if (!output) continue;
      if (!value || !other) {
        output.textContent = '';
        continue;
      }
      const shown = (Math.floor(ratio(value, other) * 100) / 100).toFixed(2).replace('.', output.dataset.decimal);
      output.textContent = output.dataset.template.replace('{ratio}', shown);
    }
  };
  form.addEventListener('input', update);
  update();
}
