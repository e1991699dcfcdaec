// Loaded async from <head> on pages that hold a calculator (see overrides/main.html): starts the Python worker
// while the rest of the page is still arriving, so Pyodide's download and boot overlap the page load instead of
// waiting for DOMContentLoaded. main.mjs mounts the widgets later and gets this same client (one per session).
import { getClient } from "./client.mjs";

getClient();
