/*
 * How each kind of entity looks on the chart: a Cytoscape node shape of its own and a colour, so that
 * kinds can be told apart by shape alone. The legend draws each shape from points that follow it.
 */

function regular(corners) {
  // As Cytoscape draws them: a corner at the top when odd, a flat top when even; stretched to the square.
  const turn = corners % 2 === 0 ? Math.PI / corners : 0;
  const points = [];
  for (let i = 0; i < corners; i++) {
    const angle = turn + (2 * Math.PI * i) / corners - Math.PI / 2;
    points.push(Math.cos(angle), Math.sin(angle));
  }
  return fit(points);
}

function fit(points) {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return points.map((v, i) => i % 2 === 0 ? -1 + 2 * (v - minX) / (maxX - minX) : -1 + 2 * (v - minY) / (maxY - minY));
}

function star(corners, inner) {
  const points = [];
  for (let i = 0; i < corners * 2; i++) {
    const radius = i % 2 === 0 ? 1 : inner;
    const angle = (Math.PI * i) / corners - Math.PI / 2;
    points.push(radius * Math.cos(angle), radius * Math.sin(angle));
  }
  return fit(points);
}

/**
 * Kind: [label, Cytoscape shape, points of the legend's picture in -1..1, colour]. A 'polygon' is drawn
 * on the chart from the same points. Every kind of the model has a line (model.ExplorerKindsFollowModelTests).
 */
export const KINDS = {
  WEBSITE: ['Website', 'rectangle', [-1, -1, 1, -1, 1, 1, -1, 1], '#457b9d'],
  IP_ADDRESS: ['IP address', 'triangle', regular(3), '#e76f51'],
  HOSTING_PROVIDER: ['Hosting provider', 'hexagon', regular(6), '#f4a261'],
  REGISTRAR: ['Registrar', 'octagon', regular(8), '#e9c46a'],
  NAME_SERVER: ['Name server', 'polygon', [-1, -1, 1, -1, 0, 1], '#f28482'],
  EMAIL_ADDRESS: ['E-mail address', 'pentagon', regular(5), '#2a9d8f'],
  PHONE_NUMBER: ['Phone number', 'vee', [-1, -1, 0, -0.333, 1, -1, 0, 1], '#264653'],
  PAYMENT_ACCOUNT: ['Payment account', 'diamond', [0, -1, 1, 0, 0, 1, -1, 0], '#d62828'],
  SHIPMENT: ['Shipment', 'cut-rectangle', [-1, -0.6, -0.6, -1, 0.6, -1, 1, -0.6, 1, 0.6, 0.6, 1, -0.6, 1, -1, 0.6], '#8d6e63'],
  COURIER: ['Courier', 'heptagon', regular(7), '#a1887f'],
  PRODUCT: ['Product', 'barrel', [-0.8, -1, 0.8, -1, 1, -0.5, 1, 0.5, 0.8, 1, -0.8, 1, -1, 0.5, -1, -0.5], '#9c27b0'],
  ADDRESS: ['Address', 'tag', [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1], '#6d597a'],
  PERSON: ['Person', 'ellipse', regular(24), '#1d3557'],
  COMPANY: ['Company', 'rhomboid', [-1, -1, 0.333, -1, 1, 1, -0.333, 1], '#3a86ff'],
  OPERATION: ['Operation', 'star', star(5, 0.45), '#ffb703'],
  AGENCY: ['Agency', 'concave-hexagon', [-1, -1, 1, -1, 0.75, 0, 1, 1, -1, 1, -0.75, 0], '#fb8500'],
  COUNTRY: ['Country', 'right-rhomboid', [-0.333, -1, 1, -1, 0.333, 1, -1, 1], '#8ecae6'],
  CASE: ['Case', 'bottom-round-rectangle', [-1, -1, 1, -1, 1, 0.5, 0.85, 0.85, 0.5, 1, -0.5, 1, -0.85, 0.85, -1, 0.5], '#c1121f'],
  SOURCE: ['Source', 'round-rectangle', [-0.6, -1, 0.6, -1, 0.9, -0.9, 1, -0.6, 1, 0.6, 0.9, 0.9, 0.6, 1, -0.6, 1, -0.9, 0.9, -1, 0.6, -1, -0.6, -0.9, -0.9], '#adb5bd'],
};

/** Colours of the criminal networks drawn, in the order they are drawn. */
export const NETWORK_COLOURS = ['#e63946', '#2a9d8f', '#f4a261', '#6a4c93', '#1982c4', '#8ac926', '#ff595e', '#ffca3a'];

export function kindLabel(kind) {
  return (KINDS[kind] || [kind])[0];
}

/** The Cytoscape style rules that give each kind its shape and colour. */
export function kindStyles() {
  return Object.entries(KINDS).map(([kind, [, shape, points, colour]]) => ({
    selector: `node[kind = "${kind}"]`,
    style: shape === 'polygon' ? { shape, 'shape-polygon-points': points.join(' '), 'background-color': colour }
      : { shape, 'background-color': colour },
  }));
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small picture of a kind's shape, as in the chart. */
export function swatch(kind, colour) {
  const [, , points, own] = KINDS[kind];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '-1.2 -1.2 2.4 2.4');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  const polygon = document.createElementNS(SVG, 'polygon');
  const pairs = [];
  for (let i = 0; i < points.length; i += 2) {
    pairs.push(`${points[i]},${points[i + 1]}`);
  }
  polygon.setAttribute('points', pairs.join(' '));
  polygon.setAttribute('fill', colour || own);
  svg.appendChild(polygon);
  return svg;
}

/** Fills the legend: each kind's shape and name. */
export function fillLegend(list) {
  for (const kind of Object.keys(KINDS)) {
    const item = document.createElement('li');
    item.appendChild(swatch(kind));
    item.appendChild(document.createTextNode(kindLabel(kind)));
    list.appendChild(item);
  }
}
