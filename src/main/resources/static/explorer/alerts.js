/*
 * "My alerts": the alerts of the signed-in user's watches and those assigned to them (myAlerts). An alert
 * opened shows its evidence (every link with its provenance), drawn on the chart too, and is worked from
 * the page (updateAlert: state, assignee, notes). With "Follow", alerts are added as they are raised (the
 * alertRaised subscription). Watches themselves are made through the API (createWatch).
 */
import * as api from './api.js';
import * as Q from './queries.js';
import { nodeElement } from './chart.js';
import { kindLabel } from './kinds.js';
import { el, fill, say, showError, validity } from './view.js';

const STATES = { OPEN: 'open', IN_PROGRESS: 'in progress', CONFIRMED: 'confirmed', DISMISSED: 'dismissed' };

/** What can be done with an alert in each state: the buttons' labels and the state each leads to. */
const MOVES = [
  ['Work on it', 'IN_PROGRESS'],
  ['Confirm', 'CONFIRMED'],
  ['Dismiss', 'DISMISSED'],
  ['Reopen', 'OPEN'],
];

function entityName(entity) {
  return entity ? `${entity.caption} (${kindLabel(entity.kind)})` : 'an entity since deleted';
}

/** The chart elements of an alert's evidence: the entities it names and its links, marked as evidence. */
export function evidenceElements(alert) {
  const nodes = new Map();
  const add = entity => {
    if (entity && entity.id && !nodes.has(entity.id)) {
      nodes.set(entity.id, nodeElement(entity.id, entity.kind, entity.caption, null));
    }
  };
  add(alert.subject);
  const edges = [];
  alert.evidence.forEach((link, index) => {
    add(link.from);
    add(link.to);
    if (link.from && link.from.id && link.to && link.to.id) {
      edges.push({ group: 'edges', data: { id: `evidence-${alert.id}-${index}`, type: link.type, source: link.from.id,
        target: link.to.id, properties: { source: link.source, grade: link.grade, validFrom: link.validFrom,
          validTo: link.validTo, cases: link.cases } } });
    }
  });
  return [...nodes.values(), ...edges];
}

export class MyAlerts {

  /**
   * `elements`: the page's parts (list, statusSelect, followBox, details); `attempt` runs an action and
   * shows its error; `onOpen(alert)` draws an opened alert (null: none).
   */
  constructor(elements, attempt, onOpen) {
    Object.assign(this, elements);
    this.attempt = attempt;
    this.onOpen = onOpen;
    this.alerts = [];
    this.opened = null;
    this.stream = null;
    this.following = false;
    this.statusSelect.addEventListener('change', () => this.attempt(() => this.refresh()));
    this.followBox.addEventListener('change', () => this.follow(this.followBox.checked));
  }

  /** The states the list shows (null: all). */
  states() {
    return this.statusSelect.value ? this.statusSelect.value.split(',') : null;
  }

  async refresh() {
    const data = await api.graphql('my alerts', Q.MY_ALERTS, { status: this.states(), first: 50 });
    this.alerts = data.myAlerts.edges.map(e => e.node);
    this.more = data.myAlerts.pageInfo.hasNextPage;
    this.render();
    say(this.alerts.length ? `${this.alerts.length}${this.more ? '+' : ''} alerts listed.` : 'No alert in these states.');
  }

  render() {
    if (!this.alerts.length) {
      fill(this.list, el('li', { id: 'alerts-empty' }, 'No alert in these states.'));
      return;
    }
    fill(this.list, this.alerts.map(a => el('li', { 'data-alert': a.id },
      el('button', { type: 'button', class: a.id === (this.opened && this.opened.id) ? 'alert opened' : 'alert',
        onclick: () => this.attempt(() => this.open(a)) },
        el('span', {}, el('strong', {}, `[${STATES[a.status]}] `), a.summary, el('br'),
          el('small', {}, `${a.watchName}, ${a.raisedAt.slice(0, 16).replace('T', ' ')}`))))),
    this.more ? el('li', { class: 'note' }, 'More alerts are not listed: narrow the states.') : null);
  }

  /** Shows an alert in the details, and its evidence on the chart. */
  async open(alert) {
    this.opened = alert;
    this.render();
    this.showOpened();
    await this.onOpen(alert);
  }

  showOpened() {
    const a = this.opened;
    const note = el('input', { id: 'alert-note', 'aria-label': 'Note', size: 24 });
    fill(this.details,
      el('h3', { id: 'alert-summary' }, a.summary),
      el('p', { id: 'alert-state' }, `Watch “${a.watchName}”, raised ${a.raisedAt.replace('T', ' ').slice(0, 19)}: `,
        el('strong', {}, STATES[a.status]), a.assignee ? `, assigned to ${a.assignee}` : ''),
      el('div', { class: 'actions' },
        MOVES.filter(([, to]) => to !== a.status).map(([label, to]) =>
          el('button', { type: 'button', 'data-status': to, onclick: () => this.attempt(() => this.update({ status: to })) }, label)),
        note,
        el('button', { type: 'button', id: 'alert-note-button',
          onclick: () => note.value.trim() && this.attempt(() => this.update({ note: note.value.trim() })) }, 'Add note')),
      el('h3', {}, 'Evidence'),
      el('table', { class: 'links', id: 'alert-evidence' },
        el('thead', {}, el('tr', {}, ['Link', 'From', 'To', 'Source', 'Grade', 'Valid', 'Cases'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, a.evidence.map(e => el('tr', {},
          el('td', {}, e.type), el('td', {}, entityName(e.from)), el('td', {}, entityName(e.to)),
          el('td', {}, e.source || '—'), el('td', {}, e.grade || '—'), el('td', {}, validity(e)),
          el('td', {}, e.cases.join(', ')))))),
      el('h3', {}, 'History'),
      el('ol', { id: 'alert-history' }, el('li', {}, `${a.raisedAt.slice(0, 19).replace('T', ' ')}: raised`),
        a.history.map(h => el('li', {}, `${h.at.slice(0, 19).replace('T', ' ')}: ${h.by}, ${STATES[h.from]} → ${STATES[h.to]}`
          + (h.assignee ? `, assigned to ${h.assignee}` : '')))),
      a.notes.length ? el('h3', {}, 'Notes') : null,
      a.notes.length ? el('ul', { id: 'alert-notes' }, a.notes.map(n => el('li', {}, `${n.author}: ${n.text}`))) : null);
  }

  async update(change) {
    const data = await api.graphql('alert update', Q.UPDATE_ALERT, { input: Object.assign({ id: this.opened.id }, change) });
    this.opened = data.updateAlert;
    this.alerts = this.alerts.map(a => a.id === this.opened.id ? this.opened : a);
    this.render();
    this.showOpened();
    say(`Alert ${STATES[this.opened.status]}: ${this.opened.summary}`);
  }

  /** An alert just raised (or a further match added to an open one) goes to the top of the list. */
  raised(alert) {
    const states = this.states();
    if (states && !states.includes(alert.status)) {
      return;
    }
    this.alerts = [alert, ...this.alerts.filter(a => a.id !== alert.id)];
    this.render();
    say(`New alert: ${alert.summary}`);
  }

  /** Starts or stops following new alerts; the list is read again when following starts. */
  follow(on) {
    if (this.stream) {
      this.stream.abort();
      this.stream = null;
      this.following = false;
    }
    if (!on) {
      return;
    }
    const stream = new AbortController();
    this.stream = stream;
    this.attempt(() => this.refresh());
    api.subscribe(Q.ALERT_RAISED, {}, {
      signal: stream.signal,
      onOpen: () => { this.following = true; },
      onNext: data => this.raised(data.alertRaised),
    }).catch(showError).finally(() => {
      if (this.stream === stream) {
        this.stream = null;
        this.following = false;
        this.followBox.checked = false;
        say('No longer following new alerts: the stream ended. Tick "Follow" to follow them again.');
      }
    });
  }

  /** Forgets the alerts shown: another user signed in. */
  clear() {
    this.followBox.checked = false;
    this.follow(false);
    this.alerts = [];
    this.opened = null;
    fill(this.list);
    fill(this.details);
  }
}
