/**
 * Group colours: calm tints with a dark ink of the same hue. The ink is used for the group's short
 * name and the left edge of its sessions, the tint behind them. Each ink has at least 7:1 contrast
 * on its tint and on white, and the app's text colour at least 12:1 on every tint (checked in
 * tests/unit/calendarView/views.test.ts). Colour is never the only sign: every session also shows
 * its group's short name.
 */
export interface GroupColour {
  ink: string;
  tint: string;
}

export const groupPalette: readonly GroupColour[] = [
  { ink: '#1d4f7a', tint: '#e3eef8' }, // blue
  { ink: '#1a5233', tint: '#e2f1e7' }, // green
  { ink: '#6a2f6b', tint: '#f3e6f2' }, // plum
  { ink: '#5e4100', tint: '#faf0d7' }, // ochre
  { ink: '#114f54', tint: '#dff1f1' }, // teal
  { ink: '#77321a', tint: '#f9e7df' }, // rust
  { ink: '#3b3f86', tint: '#e9e9f7' }, // indigo
  { ink: '#4a5410', tint: '#eef1dc' }, // olive
  { ink: '#842644', tint: '#f9e4ea' }, // rose
  { ink: '#5c4033', tint: '#f1e9e4' }, // brown
];

/** A group keeps its colour in every view and on every visit: the core gives each group a stable index. */
export function colourAt(index: number): GroupColour {
  return groupPalette[((index % groupPalette.length) + groupPalette.length) % groupPalette.length]!;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
