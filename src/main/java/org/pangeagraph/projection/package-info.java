/**
 * The projection of the graph that analytics and shared-infrastructure scoring read: every visible
 * website and every item it reaches by the routes of the data contract, as compact arrays, read in one
 * statement and cached by graph version, visibility and date. Below the areas that use it.
 */
package org.pangeagraph.projection;
