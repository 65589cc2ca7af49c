/* What the side panels show: an entity's properties and links, siblings, paths, a takedown's impact, networks. */
import { el, fill, validity } from './view.js';
import { kindLabel, swatch, NETWORK_COLOURS } from './kinds.js';

const HIDDEN_PROPERTIES = new Set(['id', 'caption']);

function propertyList(properties) {
  const entries = Object.entries(properties || {}).filter(([name]) => !HIDDEN_PROPERTIES.has(name));
  if (!entries.length) {
    return el('p', { class: 'note' }, 'No properties.');
  }
  return el('dl', { class: 'props' }, entries.flatMap(([name, value]) => [
    el('dt', {}, name), el('dd', {}, Array.isArray(value) ? value.join(', ') : String(value)),
  ]));
}

/**
 * An entity's kind, properties and links with their provenance (source, grade, validity, cases), read
 * from its neighbourhood of depth 1; `actions` are buttons for what can be done with it.
 */
export function showDetails(box, node, neighbourhood, actions) {
  const captions = new Map(neighbourhood.nodes.map(n => [n.id, `${n.caption} (${kindLabel(n.kind)})`]));
  const links = neighbourhood.edges.filter(e => e.source === node.id || e.target === node.id);
  const rows = links.map(e => {
    const outgoing = e.source === node.id;
    const p = e.properties || {};
    return el('tr', { 'data-link': e.id },
      el('td', {}, `${outgoing ? '→' : '←'} ${e.type}`),
      el('td', {}, captions.get(outgoing ? e.target : e.source) || '?'),
      el('td', {}, p.source || '—'),
      el('td', {}, p.grade || '—'),
      el('td', {}, validity(p)),
      el('td', {}, (p.cases && p.cases.length) ? p.cases.join(', ') : ''));
  });
  fill(box,
    el('h3', { id: 'details-caption' }, node.caption),
    el('p', { class: 'kind' }, swatch(node.kind), ' ', kindLabel(node.kind)),
    el('div', { class: 'actions' }, actions),
    propertyList(node.properties),
    el('h3', {}, `Links (${links.length}${neighbourhood.truncated ? ', more not shown' : ''})`),
    links.length
      ? el('table', { class: 'links', id: 'details-links' },
        el('thead', {}, el('tr', {}, ['Link', 'Other end', 'Source', 'Grade', 'Valid', 'Cases'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows))
      : el('p', { class: 'note' }, 'No links you may see on this date.'));
}

/** The siblings of a website from sharedInfrastructure, with the evidence: what each shares and its weight. */
export function showSiblings(box, domain, siblings) {
  if (!siblings.length) {
    fill(box, el('h3', {}, 'Shared infrastructure'), el('p', { id: 'siblings-empty' }, `No other website shares infrastructure with ${domain}.`));
    return;
  }
  fill(box, el('h3', {}, `Shared infrastructure of ${domain}`),
    el('ol', { id: 'siblings-list' }, siblings.map(s => el('li', { 'data-id': s.website.id },
      el('strong', {}, s.website.domain), ` score ${s.score.toFixed(2)}`,
      el('ul', {}, s.sharedItems.map(i => el('li', {},
        `${i.kind}: ${i.item.caption}, weight ${i.weight.toFixed(2)} (${i.websiteCount} websites)`)))))));
}

/** The paths found between two entities. */
export function showPaths(box, from, to, mode, paths) {
  if (!paths.length) {
    fill(box, el('h3', {}, 'Paths'), el('p', { id: 'paths-empty' }, `No path between ${from} and ${to} within 6 links.`));
    return;
  }
  fill(box, el('h3', {}, `Paths from ${from} to ${to} (${mode.toLowerCase().replace('_', ' ')})`),
    el('ol', { id: 'paths-list' }, paths.map(p => el('li', {},
      `${p.length} links: `, p.nodes.map(n => n.caption).join(' – ')))));
}

/** What a takedown of the picked entities would do: the websites it would strand. */
export function showTakedown(box, names, impact) {
  const stranded = [...impact.websitesWithoutPayment, ...impact.websitesWithoutHosting];
  fill(box, el('h3', {}, `Takedown of ${names}`),
    el('p', {}, `${impact.websitesWithoutPaymentCount} websites left without a payment account, `
      + `${impact.websitesWithoutHostingCount} without hosting, ${impact.shipmentsCutCount} parcels without their courier, `
      + `${impact.networksSplit.length} networks split.`),
    stranded.length
      ? el('ul', { id: 'takedown-list' }, stranded.map(w => el('li', { 'data-id': w.id }, w.domain)))
      : el('p', { id: 'takedown-empty' }, 'No website would be stranded.'),
    impact.networksSplit.map(s => el('p', {}, `${s.before.id} (${s.before.size}) would fall into ${s.after.length} parts.`)));
}

/** The criminal networks, each with its size, binding items, parcels and pills, and a button that draws it. */
export function showNetworks(list, connection, drawn, onDraw) {
  if (!connection.edges.length) {
    fill(list, el('li', { id: 'networks-empty' }, 'No criminal network on this date.'));
    return;
  }
  fill(list, connection.edges.map((edge, index) => {
    const n = edge.node;
    const colour = drawn.indexOf(n.websites[0].domain);
    return el('li', { 'data-network': n.id },
      el('button', { type: 'button', class: 'network', onclick: () => onDraw(index) },
        colour >= 0 ? swatch('WEBSITE', NETWORK_COLOURS[colour % NETWORK_COLOURS.length]) : null,
        el('span', {},
          el('strong', {}, `${n.size} websites`), ` from ${n.websites[0].domain}`, el('br'),
          `Binding: ${n.bindingItems.slice(0, 3).map(b => b.item.caption).join(', ')}${n.bindingItems.length > 3 ? '…' : ''}`, el('br'),
          `${n.shipmentsSeized} of ${n.shipmentsInspected} parcels seized, ${n.pillsSeized.toLocaleString('en')} pills`)));
  }), connection.totalCount > connection.edges.length
    ? el('li', { class: 'note' }, `${connection.totalCount - connection.edges.length} smaller networks not listed.`) : null);
}
