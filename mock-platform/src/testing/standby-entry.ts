import { launch } from '../launch.ts';

/**
 * A server process that has loaded all of the platform's code and waits: the first line on its
 * standard input starts it (`launch()`, as `npm start` does). Crash tests spawn the next one while
 * the current one is still under load, so a restart after SIGKILL costs opening the data directory,
 * not compiling and loading ~300 modules.
 */
process.stdin.once('data', () => {
  void launch();
});
process.stdout.write('standby\n');
