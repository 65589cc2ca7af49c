/*
 * Starts GraphiQL from the bundles the application serves (React, ReactDOM and GraphiQL's UMD build):
 * the README's tour as the default query, the docs pane open, and the GraphQL requests sent to the
 * endpoint named by ?path= (Spring's redirect adds it). The browser's sign-in (HTTP Basic) goes with
 * every request of the page, as with any same-origin request.
 */
(function () {
  'use strict';

  const params = new URLSearchParams(window.location.search);
  const path = params.get('path') || '/graphql';
  const container = document.getElementById('graphiql');

  function fail(message) {
    container.textContent = '';
    const p = document.createElement('p');
    p.className = 'pangea-failure';
    p.textContent = message;
    container.appendChild(p);
  }

  function start(tour) {
    const fetcher = GraphiQL.createFetcher({ url: new URL(path, window.location.href).toString() });
    const root = ReactDOM.createRoot(container);
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: tour,
      defaultEditorToolsVisibility: true,
      visiblePlugin: GraphiQL.React.DOC_EXPLORER_PLUGIN,
    }));
  }

  if (typeof GraphiQL === 'undefined' || typeof React === 'undefined' || typeof ReactDOM === 'undefined') {
    fail('GraphiQL could not be loaded from the application (/webjars/graphiql).');
    return;
  }
  fetch(new URL('graphiql-page/tour.graphql', window.location.href), { credentials: 'same-origin' })
    .then(response => response.ok ? response.text() : '{ __typename }\n')
    .catch(() => '{ __typename }\n')
    .then(start);
})();
