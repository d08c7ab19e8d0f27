/** Saving files from the page: text files, and charts as SVG or PNG. */

export function downloadBlob(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function downloadText(name: string, text: string, type = 'text/csv'): void {
  downloadBlob(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** A standalone SVG of a chart, with its title written into it and the page's font inlined. */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(copy.getAttribute('width')) || svg.clientWidth;
  const height = Number(copy.getAttribute('height')) || svg.clientHeight;
  const titleHeight = 24;
  const ns = 'http://www.w3.org/2000/svg';
  const outer = document.createElementNS(ns, 'svg');
  outer.setAttribute('xmlns', ns);
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height + titleHeight));
  outer.setAttribute('viewBox', `0 0 ${width} ${height + titleHeight}`);
  outer.setAttribute('font-family', 'system-ui, sans-serif');
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', 'white');
  const text = document.createElementNS(ns, 'text');
  text.setAttribute('x', '8');
  text.setAttribute('y', '17');
  text.setAttribute('font-size', '14');
  text.setAttribute('font-weight', 'bold');
  text.textContent = title;
  copy.setAttribute('y', String(titleHeight));
  outer.append(bg, text, copy);
  return new XMLSerializer().serializeToString(outer);
}

export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw a PNG');
    g.scale(scale, scale);
    g.drawImage(img, 0, 0);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
