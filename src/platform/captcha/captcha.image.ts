// The captcha picture (ACC-1, ACC-4): the code drawn by svg-captcha as glyph outlines (no <text>, nothing to
// copy), with a few noise curves, dark grey on white (text #111–#444: contrast well above 4.5:1).
import svgCaptcha from 'svg-captcha';

type SvgOptions = NonNullable<Parameters<typeof svgCaptcha.create>[0]>;
// svg-captcha's module is itself the function that draws a given text; its typings only declare create().
const drawText = svgCaptcha as unknown as (text: string, options?: SvgOptions) => string;

export const IMAGE_WIDTH = 200;
export const IMAGE_HEIGHT = 64;

export function captchaSvg(code: string): string {
  if (!/^\d{1,12}$/.test(code)) throw new Error('a captcha code is digits only');
  const svg = drawText(code, {
    width: IMAGE_WIDTH,
    height: IMAGE_HEIGHT,
    fontSize: 62,
    noise: 3,
    color: false, // greys: a `background` option would switch to random light colours
  });
  // A white ground, so that the digits keep their contrast on any page colour.
  return svg.replace(/^(<svg[^>]*>)/, '$1<rect width="100%" height="100%" fill="#ffffff"/>');
}
