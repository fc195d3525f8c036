/** Fluent UI theme from the Office theme: dark when Office's pane background is dark. */
import { Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** Relative luminance of "#RRGGBB" (0 black … 1 white); null when not a colour. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFor(officeTheme: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined | null): Theme {
  if (!officeTheme) return webLightTheme;
  if (typeof officeTheme.isDarkTheme === 'boolean') return officeTheme.isDarkTheme ? webDarkTheme : webLightTheme;
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < 0.4 ? webDarkTheme : webLightTheme;
}
