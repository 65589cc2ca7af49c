/*
 * The explorer's page: what the chart holds (layers, each the answer of one API request, asked again
 * when the date changes), and what the controls do with it.
 */
import * as api from './api.js';
import * as Q from './queries.js';
import { Chart, nodeElement, subgraphElements } from './chart.js';
import { fillLegend, kindLabel } from './kinds.js';
import { MyAlerts, evidenceElements } from './alerts.js';
import { showDetails, showNetworks, showPaths, showSiblings, showTakedown } from './panels.js';
import { clearError, el, fill, isoDay, say, setBusy, showError } from './view.js';

const $ = id => document.getElementById(id);
const chart = new Chart($('chart'));
const cy = chart.cy;

/**
 * The chart is the union of these layers. `expanded` is one neighbourhood, network(ids: expanded,
 * depth: 1): the same request the GraphML export sends to /export/network.graphml.
 */
const state = {
  asOf: null,
  hits: [],          // search hits put on the chart: node elements
  expanded: [],      // ids of the entities whose neighbours are shown
  neighbourhood: [], // elements of network(expanded)
  truncated: false,
  networks: [],      // drawn networks: { domain, ids, elements }
  siblings: null,    // { id, domain, elements }
  path: null,        // { from, to, mode, elements }
  takedown: null,    // { ids, elements }
  alert: null,       // the alert opened in "My alerts": { id, ids, elements } of its evidence
  picked: [],        // ids, in the order picked
};

api.onActivity(setBusy);

function maxNodes() {
  return Number.parseInt($('max-nodes').value, 10);
}

let inFlight = 0;

/** Runs an action; an API error is shown in words with its code. */
async function attempt(action) {
  clearError();
  inFlight++;
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    inFlight--;
  }
}

/** Puts the layers on the chart, and lays out what is new. */
async function redraw() {
  const elements = [
    ...state.hits, ...state.neighbourhood,
    ...state.networks.flatMap(n => n.elements),
    ...(state.siblings ? state.siblings.elements : []),
    ...(state.path ? state.path.elements : []),
    ...(state.takedown ? state.takedown.elements : []),
    ...(state.alert ? state.alert.elements : []),
  ];
  const added = chart.replaceAll(elements);
  state.picked = state.picked.filter(id => cy.getElementById(id).nonempty());
  chart.mark('picked', state.picked);
  chart.colourNetworks(state.networks.map(n => n.ids));
  chart.mark('sibling', state.siblings ? state.siblings.ids : []);
  chart.mark('on-path', state.path ? state.path.elements.map(e => e.data.id) : []);
  chart.mark('stranded', state.takedown ? state.takedown.ids : []);
  chart.mark('evidence', state.alert ? state.alert.ids : []);
  cy.batch(() => {
    cy.elements().removeClass('faded');
    if (state.path && state.path.elements.length) {
      cy.elements().not('.on-path').addClass('faded');
    }
  });
  if (added.nonempty()) {
    await chart.layout(null, added);
  }
  describeChart();
}

function describeChart() {
  const n = cy.nodes().length;
  if (!n) {
    say('The chart is empty. Search for an entity or list the criminal networks.');
    return;
  }
  const parts = [`${n} entities and ${cy.edges().length} links on the chart`];
  if (state.asOf) {
    parts.push(`as of ${state.asOf}`);
  }
  if (state.expanded.length) {
    parts.push(`neighbours of ${state.expanded.length} expanded (max. ${maxNodes()}${state.truncated ? ', TRUNCATED: more were left out' : ''})`);
  }
  if (chart.timings.layoutMs !== null) {
    parts.push(`layout ${chart.timings.layoutMs} ms`);
  }
  say(parts.join('; ') + '.');
}

// Search: hits join those of earlier searches on the chart, and fill a list that can be used from the keyboard.
$('search-form').addEventListener('submit', event => {
  event.preventDefault();
  const text = $('search-input').value.trim();
  attempt(async () => {
    const data = await api.graphql('search', Q.SEARCH, { text, first: 20 });
    const hits = data.search;
    fill($('search-results'), hits.length ? hits.map(h => el('li', {},
      el('button', { type: 'button', 'data-id': h.node.id, onclick: () => pick(h.node.id, false) },
        `${h.caption} (${kindLabel(h.kind)})${h.exactKeyMatch ? ', exact' : ''}`))) : []);
    if (!hits.length) {
      say(`Nothing matches “${text}”.`);
      return;
    }
    const known = new Set(state.hits.map(h => h.data.id));
    state.hits = [...state.hits, ...hits.filter(h => !known.has(h.node.id)).map(h => nodeElement(h.node.id, h.kind, h.caption, null))];
    await redraw();
  });
});

document.addEventListener('keydown', event => {
  if (event.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) {
    event.preventDefault();
    $('search-input').focus();
  }
});

/** Shows an entity's neighbours: the neighbourhood of every expanded entity, depth 1, asked again as one. */
async function expand(id) {
  await attempt(async () => {
    const ids = state.expanded.includes(id) ? state.expanded : [...state.expanded, id];
    const data = await api.graphql('neighbours', Q.NETWORK, { ids, depth: 1, maxNodes: maxNodes(), asOf: state.asOf });
    state.expanded = ids;
    state.neighbourhood = subgraphElements(data.network);
    state.truncated = data.network.truncated;
    await redraw();
  });
}

/** Picks an entity (or adds it to the picked ones); two picked entities show the paths between them. */
async function pick(id, add) {
  if (cy.getElementById(id).empty()) {
    return;
  }
  if (add && state.picked.length && !state.picked.includes(id)) {
    state.picked = [state.picked[state.picked.length - 1], id];
  } else {
    state.picked = [id];
  }
  chart.mark('picked', state.picked);
  await attempt(async () => {
    await Promise.all([showPicked(id), siblingsOf(state.picked.length === 1 ? id : null), pathsBetween(state.picked)]);
    fill($('takedown'));
    state.takedown = null;
    await redraw();
  });
}

/** The details of the last entity picked: its properties and its links with their provenance. */
async function showPicked(id) {
  const data = await api.graphql('details', Q.NETWORK, { ids: [id], depth: 1, maxNodes: 200, asOf: state.asOf });
  const node = data.network.nodes.find(n => n.id === id);
  const actions = [
    el('button', { type: 'button', id: 'expand-button', onclick: () => expand(id) }, 'Expand neighbours'),
    el('button', { type: 'button', id: 'takedown-button', onclick: () => takedown() }, 'Takedown impact of the picked'),
    el('button', { type: 'button', id: 'unpick-button', onclick: () => unpick() }, 'Unpick'),
  ];
  showDetails($('details'), node, data.network, actions);
}

function unpick() {
  state.picked = [];
  state.siblings = null;
  state.path = null;
  state.takedown = null;
  fill($('details'), el('p', {}, 'Nothing picked.'));
  [$('siblings'), $('paths'), $('takedown')].forEach(box => fill(box));
  return attempt(redraw);
}

/** A website's siblings from sharedInfrastructure: on the chart, linked to it by their score. */
async function siblingsOf(id) {
  const node = id ? cy.getElementById(id) : null;
  if (!node || node.data('kind') !== 'WEBSITE') {
    state.siblings = null;
    fill($('siblings'));
    return;
  }
  const domain = node.data('caption');
  const data = await api.graphql('shared infrastructure', Q.SHARED_INFRASTRUCTURE, { domain, asOf: state.asOf });
  const siblings = data.sharedInfrastructure;
  const top = siblings.length ? siblings[0].score : 1;
  state.siblings = {
    id, domain, ids: siblings.map(s => s.website.id),
    elements: siblings.flatMap(s => [
      nodeElement(s.website.id, 'WEBSITE', s.website.domain, null),
      { group: 'edges', data: { id: `shares:${id}:${s.website.id}`, source: id, target: s.website.id, type: 'SHARES',
        weight: s.score, width: 1 + 5 * (s.score / top), label: s.score.toFixed(1) }, classes: 'shares' },
    ]),
  };
  showSiblings($('siblings'), domain, siblings);
}

/** The paths between two picked entities, in the mode chosen. */
async function pathsBetween(picked) {
  if (picked.length !== 2) {
    state.path = null;
    fill($('paths'));
    return;
  }
  const [from, to] = picked;
  const mode = $('path-mode').value;
  const data = await api.graphql('paths', Q.PATHS, { from, to, mode, k: mode === 'K_SHORTEST' ? 5 : null, asOf: state.asOf });
  state.path = { from, to, mode,
    elements: data.paths.flatMap(p => subgraphElements({ nodes: p.nodes, edges: p.edges })) };
  showPaths($('paths'), cy.getElementById(from).data('caption'), cy.getElementById(to).data('caption'), mode, data.paths);
}

/** What taking the picked entities down would do: the websites it would strand, put on the chart and marked. */
function takedown() {
  const ids = [...state.picked];
  return attempt(async () => {
    const data = await api.graphql('takedown impact', Q.TAKEDOWN_IMPACT, { ids });
    const impact = data.takedownImpact;
    const stranded = [...impact.websitesWithoutPayment, ...impact.websitesWithoutHosting];
    state.takedown = { ids: stranded.map(w => w.id), elements: stranded.map(w => nodeElement(w.id, 'WEBSITE', w.domain, null)) };
    showTakedown($('takedown'), ids.map(id => cy.getElementById(id).data('caption')).join(', '), impact);
    await redraw();
  });
}

cy.on('tap', 'node', event => {
  const e = event.originalEvent;
  pick(event.target.id(), Boolean(e && (e.shiftKey || e.ctrlKey || e.metaKey)));
});
cy.on('dbltap', 'node', event => expand(event.target.id()));

// Criminal networks: listed with their figures; one click draws one, coloured by network.
let networkList = null;

async function listNetworks() {
  const data = await api.graphql('criminal networks', Q.CRIMINAL_NETWORKS, { asOf: state.asOf, first: 20 });
  networkList = data.criminalNetworks;
  showNetworks($('networks-list'), networkList, state.networks.map(n => n.domain), index => drawNetwork(index));
  return networkList;
}

$('networks-button').addEventListener('click', () => attempt(listNetworks));

/** The network at this place of the list (as of the date), with its subgraph. */
async function networkAt(index) {
  const after = index > 0 ? networkList.edges[index - 1].cursor : null;
  const data = await api.graphql('network subgraph', Q.CRIMINAL_NETWORK_SUBGRAPH, { asOf: state.asOf, after, maxNodes: maxNodes() });
  const network = data.criminalNetworks.edges[0].node;
  return { domain: network.websites[0].domain, id: network.id, ids: network.subgraph.nodes.map(n => n.id),
    elements: subgraphElements(network.subgraph), truncated: network.subgraph.truncated };
}

function drawNetwork(index) {
  return attempt(async () => {
    const drawn = await networkAt(index);
    state.networks = [...state.networks.filter(n => n.domain !== drawn.domain), drawn];
    showNetworks($('networks-list'), networkList, state.networks.map(n => n.domain), i => drawNetwork(i));
    await redraw();
    if (drawn.truncated) {
      say(`${drawn.id}: more than ${maxNodes()} entities, TRUNCATED.`);
    }
  });
}

// My alerts: listed on demand or followed as raised; an alert opened has its evidence drawn.
const myAlerts = new MyAlerts({ list: $('alerts-list'), statusSelect: $('alerts-status'), followBox: $('alerts-follow'),
  details: $('alert') }, attempt, async alert => {
  const elements = evidenceElements(alert);
  state.alert = { id: alert.id, ids: elements.map(e => e.data.id), elements };
  await redraw();
});
$('alerts-button').addEventListener('click', () => attempt(() => myAlerts.refresh()));

// Time: the slider and the date box set the day every layer is asked about again.
const DAY = 86_400_000;
const slider = $('asof-slider');
slider.min = String(Date.UTC(2005, 0, 1) / DAY);
slider.max = String(Math.floor(Date.now() / DAY));
slider.value = slider.max;

let requery = null;

/** While the slider moves, the layers are asked again only once it rests for a moment. */
function scheduleAsOf(day) {
  clearTimeout(requery);
  requery = setTimeout(() => {
    requery = null;
    setAsOf(day);
  }, 250);
}

/** Asks every layer again for this day (or for any day: null). */
function setAsOf(day) {
  state.asOf = day;
  return attempt(async () => {
    if (state.expanded.length) {
      const data = await api.graphql('neighbours', Q.NETWORK, { ids: state.expanded, depth: 1, maxNodes: maxNodes(), asOf: day });
      state.neighbourhood = subgraphElements(data.network);
      state.truncated = data.network.truncated;
    }
    if (state.networks.length || networkList) {
      await listNetworks();
      const drawn = [];
      for (const network of state.networks) {
        const index = networkList.edges.findIndex(e => e.node.websites.some(w => w.domain === network.domain));
        if (index >= 0) {
          drawn.push(await networkAt(index));
        }
      }
      state.networks = drawn;
      showNetworks($('networks-list'), networkList, drawn.map(n => n.domain), i => drawNetwork(i));
    }
    if (state.siblings) {
      await siblingsOf(state.siblings.id);
    }
    if (state.path) {
      await pathsBetween([state.path.from, state.path.to]);
    }
    await redraw();
    if (state.picked.length) {
      await showPicked(state.picked[state.picked.length - 1]);
    }
  });
}

$('asof-enabled').addEventListener('change', () => {
  const on = $('asof-enabled').checked;
  slider.disabled = !on;
  $('asof-date').value = on ? isoDay(new Date(Number(slider.value) * DAY)) : '';
  setAsOf(on ? $('asof-date').value : null);
});
slider.addEventListener('input', () => {
  const day = isoDay(new Date(Number(slider.value) * DAY));
  $('asof-date').value = day;
  scheduleAsOf(day);
});
$('asof-date').addEventListener('change', () => {
  const text = $('asof-date').value.trim();
  if (!text) {
    $('asof-enabled').checked = false;
    slider.disabled = true;
    setAsOf(null);
    return;
  }
  const time = Date.parse(text + 'T00:00:00Z');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(time)) {
    showError(new api.ApiError('INVALID_INPUT', `“${text}” is not a date written YYYY-MM-DD`, 'asOf'));
    return;
  }
  $('asof-enabled').checked = true;
  slider.disabled = false;
  slider.value = String(time / DAY);
  setAsOf(text);
});

// Layout and export.
$('layout-select').addEventListener('change', () => attempt(async () => {
  await chart.layout($('layout-select').value);
  describeChart();
}));

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

$('export-png').addEventListener('click', () => {
  if (cy.nodes().empty()) {
    say('The chart is empty: nothing to export.');
    return;
  }
  download(chart.png(), 'pangea-chart.png');
});

/** GraphML through the export endpoint: the neighbourhood expanded, or else the network drawn last. */
$('export-graphml').addEventListener('click', () => attempt(async () => {
  let blob;
  let name;
  if (state.expanded.length) {
    const params = [...state.expanded.map(id => ['ids', id]), ['depth', '1'], ['maxNodes', String(maxNodes())]];
    if (state.asOf) {
      params.push(['asOf', state.asOf]);
    }
    blob = await api.exportFile('GraphML export', 'export/network.graphml', params);
    name = 'network.graphml';
  } else if (state.networks.length) {
    const network = state.networks[state.networks.length - 1];
    blob = await api.exportFile('GraphML export', 'export/criminal-network.graphml',
      [['containing', network.domain], ['maxNodes', String(maxNodes())]]);
    name = 'criminal-network.graphml';
  } else {
    say('Nothing to export as GraphML: expand an entity or draw a network first.');
    return;
  }
  download(blob, name);
  say(`Exported ${name}.` + (state.asOf && !state.expanded.length
    ? ' The export endpoint of a criminal network takes no date: the file holds the network as the graph holds it now.' : ''));
}));

$('clear-chart').addEventListener('click', () => {
  Object.assign(state, { hits: [], expanded: [], neighbourhood: [], truncated: false, networks: [], siblings: null,
    path: null, takedown: null, alert: null, picked: [] });
  unpick();
  fill($('search-results'));
  if (networkList) {
    showNetworks($('networks-list'), networkList, [], i => drawNetwork(i));
  }
});

// Sign-in: the browser's own, or a user and password, or a bearer token, for every request from now on.
async function checkSignIn(who) {
  myAlerts.clear();
  await attempt(async () => {
    await api.graphql('sign-in', Q.CHECK_SIGN_IN, {});
    fill($('signed-in'), who);
    say(`${who} The chart is cleared: it showed what the previous sign-in may see.`);
  });
  $('clear-chart').click();
}

$('signin').addEventListener('submit', event => {
  event.preventDefault();
  const user = $('signin-user').value.trim();
  api.signInWithPassword(user, $('signin-password').value);
  $('signin-password').value = '';
  checkSignIn(`Signed in as ${user}.`);
});
$('token-button').addEventListener('click', () => {
  api.signInWithToken($('signin-token').value);
  $('signin-token').value = '';
  checkSignIn('Signed in with a token.');
});
$('browser-signin-button').addEventListener('click', () => {
  api.useBrowserSignIn();
  checkSignIn('Signed in through the browser.');
});

fillLegend($('legend'));

/** For tests and the curious: the Cytoscape instance, the layers, the timings. */
window.pangeaExplorer = {
  cy, state, timings: chart.timings,
  followingAlerts: () => myAlerts.following,
  busy: () => inFlight > 0 || requery !== null || api.pendingRequests() > 0 || chart.running !== null,
  measureRedraw: frames => chart.measureRedraw(frames),
};
