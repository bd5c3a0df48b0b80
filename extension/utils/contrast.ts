/**
 * WCAG 2 contrast ratio between two colors (`#rgb`, `#rrggbb` or `rgb(r, g, b)`), from 1 to 21.
 * Non-text parts of the UI, such as a bubble's outline, need 3:1 (WCAG 1.4.11); text 4.5:1.
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((value) => {
    const c = value / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function channels(color: string): number[] {
  const rgb = color.match(/^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/);
  if (rgb) return rgb.slice(1, 4).map(Number);
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`Not a color: ${color}`);
  return [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16));
}
