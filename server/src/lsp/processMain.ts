// Desktop entry of the server process (dist/server.js): the browser server, in a worker scope made of this
// process's IPC channel. The scope must exist before the server starts, so it is imported first.
import './processScope';
import './browserMain';
