/** The Teams app icons, drawn as SVG (a notebook with a chat bubble) and rendered to PNG with resvg. */
import { Resvg } from '@resvg/resvg-js';

const TEAL = '#1F6F5C';
const CREAM = '#FFF8E7';
const AMBER = '#F2A93B';

/** 192×192, full colour on an opaque square background (Teams rounds the corners itself). */
export const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" fill="${TEAL}"/>
  <g transform="translate(-11 0)">
  <rect x="44" y="30" width="88" height="118" rx="10" fill="${CREAM}"/>
  <rect x="44" y="30" width="20" height="118" rx="10" fill="#D9CBA8"/>
  <rect x="54" y="30" width="10" height="118" fill="#D9CBA8"/>
  <g fill="${TEAL}">
    <circle cx="54" cy="52" r="4"/><circle cx="54" cy="76" r="4"/><circle cx="54" cy="100" r="4"/><circle cx="54" cy="124" r="4"/>
    <rect x="76" y="50" width="44" height="7" rx="3.5"/>
    <rect x="76" y="68" width="44" height="7" rx="3.5"/>
    <rect x="76" y="86" width="30" height="7" rx="3.5"/>
  </g>
  <path d="M114 104 h40 a16 16 0 0 1 16 16 v14 a16 16 0 0 1 -16 16 h-22 l-16 14 v-14 h-2 a16 16 0 0 1 -16 -16 v-14 a16 16 0 0 1 16 -16 z"
        fill="${AMBER}" stroke="${TEAL}" stroke-width="6" stroke-linejoin="round"/>
  <g fill="#FFFFFF"><circle cx="118" cy="127" r="5"/><circle cx="134" cy="127" r="5"/><circle cx="150" cy="127" r="5"/></g>
  </g>
</svg>`;

/** 32×32, white on transparent: notebook outline with a solid chat bubble cut out of it. */
export const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <defs>
    <mask id="gap" maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32">
      <rect width="32" height="32" fill="#FFFFFF"/>
      <rect x="13" y="14" width="19" height="17" rx="4" fill="#000000"/>
    </mask>
    <mask id="dots" maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32">
      <rect width="32" height="32" fill="#FFFFFF"/>
      <g fill="#000000"><rect x="18" y="20" width="2" height="2"/><rect x="21" y="20" width="2" height="2"/><rect x="24" y="20" width="2" height="2"/></g>
    </mask>
  </defs>
  <g fill="#FFFFFF" mask="url(#gap)">
    <path fill-rule="evenodd" d="M5 2 h16 a2 2 0 0 1 2 2 v22 a2 2 0 0 1 -2 2 h-16 a2 2 0 0 1 -2 -2 v-22 a2 2 0 0 1 2 -2 z M8 4 v22 h13 v-22 z"/>
    <rect x="10" y="8" width="9" height="2"/>
    <rect x="10" y="12" width="9" height="2"/>
  </g>
  <path fill="#FFFFFF" mask="url(#dots)" d="M17 16 h11 a2 2 0 0 1 2 2 v7 a2 2 0 0 1 -2 2 h-7 l-4 3 v-3 a2 2 0 0 1 -2 -2 v-7 a2 2 0 0 1 2 -2 z"/>
</svg>`;

function render(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

/** PNG bytes of both icons, named as in the manifest. */
export function renderIcons(): { color: Buffer; outline: Buffer } {
  return { color: render(COLOR_SVG), outline: render(OUTLINE_SVG) };
}
