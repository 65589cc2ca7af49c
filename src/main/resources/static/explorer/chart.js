/*
 * The link chart: a Cytoscape.js instance (loaded with the fcose layout from the webjars before this
 * module), its style, the elements the API's subgraphs become, and the layouts, timed.
 */
import { kindStyles, NETWORK_COLOURS } from './kinds.js';

cytoscape.use(cytoscapeFcose);

const LABEL_LENGTH = 32;

/** Above this many entities, links are drawn as straight lines without arrows: half the time to redraw. */
const BULK = 1000;

function shorten(text) {
  return text.length > LABEL_LENGTH ? text.slice(0, LABEL_LENGTH - 1) + '…' : text;
}

const BASE_STYLE = [
  { selector: 'node', style: {
    label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 7,
    width: 22, height: 22, 'border-width': 1, 'border-color': '#333', color: '#222',
  } },
  { selector: 'edge', style: {
    width: 1.5, 'line-color': '#9aa5b1', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
    'target-arrow-color': '#9aa5b1', 'arrow-scale': 0.7,
  } },
  { selector: 'edge.bulk', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } },
  ...kindStyles(),
  ...NETWORK_COLOURS.map((colour, i) => ({ selector: `node.net-${i}`, style: { 'background-color': colour } })),
  // Said by more than colour: a picked entity has a thick double border and a boxed label.
  { selector: 'node.picked', style: {
    'border-width': 6, 'border-style': 'double', 'border-color': '#000', 'font-weight': 'bold',
    'text-background-color': '#ffd166', 'text-background-opacity': 1, 'text-background-padding': 2,
  } },
  { selector: 'edge.picked', style: { width: 4, label: 'data(type)', 'font-size': 9, 'line-style': 'solid' } },
  { selector: 'node.sibling', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': '#000' } },
  { selector: 'edge.shares', style: {
    'line-style': 'dashed', 'line-color': '#6a4c93', 'target-arrow-shape': 'none', width: 'data(width)',
    label: 'data(label)', 'font-size': 9, color: '#6a4c93',
  } },
  { selector: 'node.stranded', style: { 'border-width': 5, 'border-style': 'dotted', 'border-color': '#c1121f' } },
  { selector: 'node.evidence', style: { 'border-width': 4, 'border-color': '#e85d04' } },
  { selector: 'edge.evidence', style: {
    width: 4, 'line-color': '#e85d04', 'target-arrow-color': '#e85d04', label: 'data(type)', 'font-size': 9,
  } },
  { selector: '.faded', style: { opacity: 0.25 } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#000', opacity: 1 } },
  { selector: 'edge.on-path', style: {
    width: 5, 'line-color': '#111', 'target-arrow-color': '#111', label: 'data(type)', 'font-size': 9, opacity: 1,
  } },
];

/** The Cytoscape element of an entity of a subgraph (GraphNode), or of a search hit or website. */
export function nodeElement(id, kind, caption, properties) {
  return { group: 'nodes', data: { id, kind, caption, label: shorten(caption), properties: properties || null } };
}

/** The Cytoscape element of a link of a subgraph (GraphEdge). */
export function edgeElement(edge) {
  return { group: 'edges', data: { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: edge.properties } };
}

/** The elements of a subgraph (nodes and edges). */
export function subgraphElements(subgraph) {
  return [
    ...subgraph.nodes.map(n => nodeElement(n.id, n.kind, n.caption, n.properties)),
    ...subgraph.edges.map(edgeElement),
  ];
}

export class Chart {

  constructor(container) {
    this.cy = cytoscape({
      container,
      style: BASE_STYLE,
      autounselectify: true,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      minZoom: 0.05,
      maxZoom: 4,
    });
    this.timings = { nodes: 0, edges: 0, layoutMs: null, redrawMs: null, layout: null };
    this.layoutName = 'fcose';
    this.running = null;
  }

  /**
   * Makes the chart hold exactly these elements: those already there keep their place (and data is
   * refreshed), the others go, new ones come. Elements whose ends are missing are left out. Returns the
   * nodes added.
   */
  replaceAll(elements) {
    const cy = this.cy;
    const nodes = new Map();
    const edges = new Map();
    for (const element of elements) {
      const into = element.group === 'nodes' ? nodes : edges;
      const known = into.get(element.data.id);
      // A node known only as a search hit gets its properties from a subgraph that has them.
      if (!known || (element.data.properties && !known.data.properties)) {
        into.set(element.data.id, element);
      }
    }
    let added;
    cy.batch(() => {
      cy.elements().filter(e => !(e.isNode() ? nodes : edges).has(e.id())).remove();
      const fresh = [];
      for (const map of [nodes, edges]) {
        for (const [id, element] of map) {
          const existing = cy.getElementById(id);
          if (existing.nonempty()) {
            existing.data(element.data);
          } else if (element.group === 'nodes' || (nodes.has(element.data.source) && nodes.has(element.data.target))) {
            fresh.push(element);
          }
        }
      }
      added = cy.add(fresh);
      const bulk = cy.nodes().length > BULK;
      cy.edges().filter(e => e.hasClass('bulk') !== bulk).toggleClass('bulk', bulk);
    });
    this.timings.nodes = cy.nodes().length;
    this.timings.edges = cy.edges().length;
    return added.nodes();
  }

  /** Lays the chart out with the chosen layout; resolves when it is done, with the milliseconds it took. */
  layout(name, onlyNew) {
    this.layoutName = name || this.layoutName;
    if (this.running) {
      this.running.stop();
    }
    const cy = this.cy;
    // A few new entities join a chart laid out already; many, or a chart of new ones, are laid out afresh.
    const incremental = Boolean(onlyNew) && onlyNew.length * 2 < cy.nodes().length;
    const options = {
      fcose: { name: 'fcose', quality: cy.nodes().length > 800 && !incremental ? 'draft' : 'default', animate: false,
        randomize: !incremental, nodeRepulsion: 6000, idealEdgeLength: 60, packComponents: true },
      concentric: { name: 'concentric', animate: false, minNodeSpacing: 12,
        concentric: n => n.degree(), levelWidth: () => 2 },
      breadthfirst: { name: 'breadthfirst', animate: false, spacingFactor: 0.9,
        roots: cy.nodes('.picked').nonempty() ? cy.nodes('.picked') : undefined },
      grid: { name: 'grid', animate: false },
    }[this.layoutName];
    if (incremental) {
      // New entities start beside an entity they are linked to, so that the layout moves little.
      onlyNew.forEach(node => {
        const placed = node.neighborhood('node').difference(onlyNew);
        if (placed.nonempty()) {
          const p = placed[0].position();
          node.position({ x: p.x + (Math.random() - 0.5) * 40, y: p.y + (Math.random() - 0.5) * 40 });
        }
      });
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const layout = cy.layout(options);
      this.running = layout;
      layout.one('layoutstop', () => {
        this.running = null;
        const ms = performance.now() - started;
        this.timings.layoutMs = Math.round(ms);
        this.timings.layout = this.layoutName;
        cy.fit(undefined, 30);
        resolve(ms);
      });
      try {
        layout.run();
      } catch (error) {
        this.running = null;
        reject(error);
      }
    });
  }

  /** Times `frames` redraws of the whole chart (a small zoom each, waiting for Cytoscape's render event); median ms. */
  async measureRedraw(frames = 5) {
    const cy = this.cy;
    const times = [];
    for (let i = 0; i < frames; i++) {
      const started = performance.now();
      await new Promise(resolve => {
        cy.one('render', resolve);
        cy.zoom({ level: cy.zoom() * (i % 2 === 0 ? 1.05 : 1 / 1.05), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    this.timings.redrawMs = Math.round(times[Math.floor(times.length / 2)]);
    return this.timings.redrawMs;
  }

  /** Sets a class on exactly these elements (by id), taking it off all others. */
  mark(className, ids) {
    const wanted = new Set(ids);
    this.cy.batch(() => {
      this.cy.elements('.' + className).filter(e => !wanted.has(e.id())).removeClass(className);
      for (const id of wanted) {
        this.cy.getElementById(id).addClass(className);
      }
    });
  }

  /** Colours the nodes of drawn networks: ids by colour index. */
  colourNetworks(groups) {
    this.cy.batch(() => {
      NETWORK_COLOURS.forEach((_, i) => this.cy.nodes('.net-' + i).removeClass('net-' + i));
      groups.forEach((ids, i) => ids.forEach(id => this.cy.getElementById(id).addClass('net-' + (i % NETWORK_COLOURS.length))));
    });
  }

  /** The chart as a PNG picture, white behind. */
  png() {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
  }
}
