/** Progress on stderr: a line redrawn in place on a terminal, a line per tenth elsewhere. */
export function progressPrinter(label: string, out: NodeJS.WriteStream) {
  const started = Date.now();
  let lastTenth = -1;
  const rate = (done: number) => Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
  const line = (done: number, total: number) =>
    `${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${total ? Math.floor((done * 100) / total) : 100}%), ${rate(done).toLocaleString('en')} rows/s`;
  return {
    update(done: number, total: number) {
      if (out.isTTY) {
        out.write(`\r${line(done, total)}`);
        return;
      }
      const tenth = total ? Math.floor((done * 10) / total) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        out.write(`${line(done, total)}\n`);
      }
    },
    finish(total: number) {
      const seconds = (Date.now() - started) / 1000;
      out.write(`${out.isTTY ? '\n' : ''}${label}: done, ${total.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate(total).toLocaleString('en')} rows/s)\n`);
    },
  };
}
