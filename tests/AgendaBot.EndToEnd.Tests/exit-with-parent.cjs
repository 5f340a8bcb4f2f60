// Preloaded into the Agents Playground by the end-to-end tests (node --require). The test host holds the write end
// of our stdin; when the host dies, even by SIGKILL and before it could dispose its fixtures, the pipe reaches
// end-of-file and the Playground exits instead of lingering on its port.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
