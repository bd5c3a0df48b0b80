/**
 * The socket could not be opened: says which address and what to do (the `PORT` and `HOST`
 * variables) instead of a stack trace.
 */
export class ListenError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    cause: NodeJS.ErrnoException,
  ) {
    const where = `port ${port} on ${host}`;
    const message =
      cause.code === 'EADDRINUSE'
        ? `${where} is already in use (another Loro, or another program): stop it, or choose another port with the PORT variable, e.g. PORT=${port === 65535 ? 8788 : port + 1} npm start`
        : cause.code === 'EACCES'
          ? `${where} may not be used by this user: choose a port above 1023 with the PORT variable, e.g. PORT=8787 npm start`
          : cause.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine: fix the HOST variable, e.g. HOST=127.0.0.1`
            : `could not listen on ${where} (${cause.code ?? cause.message}): check the PORT and HOST variables`;
    super(message, { cause });
    this.name = 'ListenError';
  }
}
